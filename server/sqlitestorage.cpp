#include "sqlitestorage.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

namespace {

// Plain SQL that PostgreSQL also accepts (TEXT, BIGINT, BYTEA for BLOB aside), every table keyed
// by tenant first so each query is a prefix lookup scoped to one tenant.
const char *const SchemaV1[] = {
    R"(CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        epoch TEXT NOT NULL,
        head_seq INTEGER NOT NULL DEFAULT 0,
        audit_head TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        email TEXT NOT NULL UNIQUE,
        pwd_hash BLOB NOT NULL,
        salt BLOB NOT NULL,
        iterations INTEGER NOT NULL,
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE devices (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        token_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        revoked_at INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, id)))",
    R"(CREATE TABLE ops (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        seq INTEGER NOT NULL,
        op_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        fields TEXT NOT NULL,
        hlc TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, seq),
        UNIQUE (tenant_id, op_id)))",
    R"(CREATE TABLE op_results (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        op_id TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (tenant_id, op_id)))",
    R"(CREATE TABLE records (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        ref_id TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL,
        clocks TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        immutable INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, entity, entity_id)))",
    "CREATE INDEX records_ref ON records (tenant_id, entity, ref_id)",
    R"(CREATE TABLE series (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        id TEXT NOT NULL,
        holder_device_id TEXT NOT NULL DEFAULT '',
        next_number INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, id)))",
    R"(CREATE TABLE audit (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        seq INTEGER NOT NULL,
        op_id TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (tenant_id, seq)))",
    R"(CREATE TABLE login_attempts (
        key TEXT NOT NULL,
        at INTEGER NOT NULL))",
    "CREATE INDEX login_attempts_key ON login_attempts (key, at)",
};

// The expand to Schema::Expanded. The first release writes tenants.audit_head, this one
// tenants.audit_head_hash: while both may run, triggers copy whichever a statement changed to
// the other, so each release reads what the other wrote (the copy runs in the writer's
// statement, under its transaction). A read with a fallback would not do: audit_head is
// updated by every push, so a value this release wrote earlier would be stale, not missing.
// This release's statements never name audit_head, so they keep working after the contract.
// Nor does it need a fallback for rows the backfill has not reached: it serves only once the
// backfill is complete, since a starting instance runs the expand to its end before it listens.
const char *const ExpandTriggers[] = {
    R"(CREATE TRIGGER IF NOT EXISTS tenants_audit_head_insert AFTER INSERT ON tenants
        WHEN NEW.audit_head_hash IS NOT NEW.audit_head
        BEGIN
            UPDATE tenants SET
                audit_head_hash = CASE WHEN NEW.audit_head_hash = '' THEN NEW.audit_head
                                       ELSE NEW.audit_head_hash END,
                audit_head = CASE WHEN NEW.audit_head_hash = '' THEN NEW.audit_head
                                  ELSE NEW.audit_head_hash END
            WHERE id = NEW.id;
        END)",
    R"(CREATE TRIGGER IF NOT EXISTS tenants_audit_head_from_old AFTER UPDATE OF audit_head
        ON tenants
        WHEN NEW.audit_head IS NOT OLD.audit_head AND NEW.audit_head_hash IS OLD.audit_head_hash
        BEGIN
            UPDATE tenants SET audit_head_hash = NEW.audit_head WHERE id = NEW.id;
        END)",
    R"(CREATE TRIGGER IF NOT EXISTS tenants_audit_head_from_new AFTER UPDATE OF audit_head_hash
        ON tenants
        WHEN NEW.audit_head_hash IS NOT OLD.audit_head_hash AND NEW.audit_head IS OLD.audit_head
        BEGIN
            UPDATE tenants SET audit_head = NEW.audit_head_hash WHERE id = NEW.id;
        END)",
};
const char *const ExpandTriggerNames[] = {
    "tenants_audit_head_insert",
    "tenants_audit_head_from_old",
    "tenants_audit_head_from_new",
};

Error dbError(const QString &what, const QSqlError &e)
{
    return Error {ErrorKind::Io, QString(), u"database"_s, what + u": "_s + e.text()};
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

RecordState recordFrom(const QSqlQuery &q, int first)
{
    RecordState s;
    s.exists = true;
    s.fields = jsonObject(q.value(first));
    s.clocks = jsonObject(q.value(first + 1));
    s.deleted = q.value(first + 2).toBool();
    s.immutable = q.value(first + 3).toBool();
    return s;
}

Sync::Op opFrom(const QSqlQuery &q)
{
    Sync::Op op;
    op.seq = q.value(0).toLongLong();
    op.opId = q.value(1).toString();
    op.deviceId = q.value(2).toString();
    op.deviceSeq = q.value(3).toLongLong();
    op.entity = q.value(4).toString();
    op.entityId = q.value(5).toString();
    op.kind = q.value(6).toString();
    op.fields = jsonObject(q.value(7));
    op.hlc = q.value(8).toString();
    return op;
}

DeviceRecord deviceFrom(const QSqlQuery &q)
{
    DeviceRecord d;
    d.tenantId = q.value(0).toString();
    d.id = q.value(1).toString();
    d.name = q.value(2).toString();
    d.createdAt = q.value(3).toLongLong();
    d.lastSeenAt = q.value(4).toLongLong();
    d.revokedAt = q.value(5).toLongLong();
    return d;
}

class SqliteTenantWrite final : public TenantWrite
{
public:
    SqliteTenantWrite(SqliteStorage &storage, QString tenantId)
        : m_storage(storage), m_tenant(std::move(tenantId))
    { }
    ~SqliteTenantWrite() override
    {
        if (!m_done)
            (void)m_storage.exec(u"ROLLBACK"_s);
    }

    Result<Sync::Cursor> head() override { return m_storage.head(m_tenant); }

    Result<QString> auditHeadHash() override
    {
        auto q = m_storage.exec(u"SELECT audit_head_hash FROM tenants WHERE id = ?"_s, {m_tenant});
        KONTOR_TRY(q);
        if (!q->next())
            return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
        return q->value(0).toString();
    }

    Result<std::optional<Sync::OpResult>> opResult(const QString &opId) override
    {
        auto q = m_storage.exec(
            u"SELECT result FROM op_results WHERE tenant_id = ? AND op_id = ?"_s, {m_tenant, opId});
        KONTOR_TRY(q);
        if (!q->next())
            return std::optional<Sync::OpResult>();
        auto r = Sync::opResultFromJson(jsonObject(q->value(0)));
        if (!r)
            return Error {ErrorKind::Integrity, QString(), u"bad-op-result"_s, r.error().message};
        return std::optional<Sync::OpResult>(*r);
    }

    Result<RecordState> record(const QString &entity, const QString &id) override
    {
        auto q = m_storage.exec(u"SELECT fields, clocks, deleted, immutable FROM records "
                                "WHERE tenant_id = ? AND entity = ? AND entity_id = ?"_s,
                                {m_tenant, entity, id});
        KONTOR_TRY(q);
        if (!q->next())
            return RecordState {};
        return recordFrom(*q, 0);
    }

    Result<QList<StoredRecord>> records(const QString &entity) override
    {
        auto q = m_storage.exec(u"SELECT entity_id, fields, clocks, deleted, immutable FROM "
                                "records WHERE tenant_id = ? AND entity = ? AND deleted = 0"_s,
                                {m_tenant, entity});
        KONTOR_TRY(q);
        QList<StoredRecord> out;
        while (q->next())
            out.append({entity, q->value(0).toString(), recordFrom(*q, 1)});
        return out;
    }

    Result<QList<StoredRecord>> referencing(const QString &entity, const QString &refId) override
    {
        auto q
            = m_storage.exec(u"SELECT entity_id, fields, clocks, deleted, immutable FROM records "
                             "WHERE tenant_id = ? AND entity = ? AND ref_id = ? AND deleted = 0"_s,
                             {m_tenant, entity, refId});
        KONTOR_TRY(q);
        QList<StoredRecord> out;
        while (q->next())
            out.append({entity, q->value(0).toString(), recordFrom(*q, 1)});
        return out;
    }

    Status putRecord(const QString &entity, const QString &id, const QString &refId,
                     const RecordState &s) override
    {
        // INSERT ... ON CONFLICT DO UPDATE: the same statement works on PostgreSQL.
        auto q = m_storage.exec(
            u"INSERT INTO records (tenant_id, entity, entity_id, ref_id, fields, clocks, deleted, "
            "immutable) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, entity, "
            "entity_id) DO UPDATE SET ref_id = excluded.ref_id, fields = excluded.fields, "
            "clocks = excluded.clocks, deleted = excluded.deleted, "
            "immutable = excluded.immutable"_s,
            {m_tenant, entity, id, refId, jsonText(s.fields), jsonText(s.clocks), s.deleted ? 1 : 0,
             s.immutable ? 1 : 0});
        KONTOR_TRY(q);
        return {};
    }

    Result<SeriesLease> series(const QString &id) override
    {
        auto q = m_storage.exec(u"SELECT holder_device_id, next_number FROM series "
                                "WHERE tenant_id = ? AND id = ?"_s,
                                {m_tenant, id});
        KONTOR_TRY(q);
        SeriesLease s;
        s.id = id;
        if (q->next()) {
            s.exists = true;
            s.holderDeviceId = q->value(0).toString();
            s.nextNumber = q->value(1).toLongLong();
        }
        return s;
    }

    Status putSeries(const SeriesLease &s) override
    {
        auto q = m_storage.exec(
            u"INSERT INTO series (tenant_id, id, holder_device_id, next_number) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, id) DO UPDATE SET "
            "holder_device_id = excluded.holder_device_id, next_number = excluded.next_number"_s,
            {m_tenant, s.id, s.holderDeviceId, s.nextNumber});
        KONTOR_TRY(q);
        return {};
    }

    Status appendOp(const Sync::Op &op, qint64 receivedAt, const AuditEntry &audit) override
    {
        KONTOR_TRY(m_storage.exec(
            u"INSERT INTO ops (tenant_id, seq, op_id, device_id, device_seq, entity, entity_id, "
            "kind, fields, hlc, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {m_tenant, op.seq, op.opId, op.deviceId, op.deviceSeq, op.entity, op.entityId, op.kind,
             jsonText(op.fields), op.hlc, receivedAt}));
        KONTOR_TRY(m_storage.exec(u"INSERT INTO audit (tenant_id, seq, op_id, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?)"_s,
                                  {m_tenant, audit.seq, audit.opId, audit.prevHash, audit.hash}));
        // The compare on head_seq keeps the log gapless even if two writers ever raced.
        auto moved = m_storage.exec(u"UPDATE tenants SET head_seq = ?, audit_head_hash = ? "
                                    "WHERE id = ? AND head_seq = ?"_s,
                                    {op.seq, audit.hash, m_tenant, op.seq - 1});
        KONTOR_TRY(moved);
        if (moved->numRowsAffected() != 1)
            return Error {ErrorKind::Conflict, QString(), u"head-moved"_s,
                          u"the tenant's log moved during the push"_s};
        return {};
    }

    Status putOpResult(const Sync::OpResult &r) override
    {
        auto result = r;
        result.duplicate = false;
        KONTOR_TRY(
            m_storage.exec(u"INSERT INTO op_results (tenant_id, op_id, result) VALUES (?, ?, ?)"_s,
                           {m_tenant, r.opId, jsonText(Sync::toJson(result))}));
        return {};
    }

    Status commit() override
    {
        KONTOR_TRY(m_storage.exec(u"COMMIT"_s));
        m_done = true;
        return {};
    }

private:
    SqliteStorage &m_storage;
    QString m_tenant;
    bool m_done = false;
};

} // namespace

SqliteStorage::SqliteStorage()
    : m_connectionName(u"kontor-syncd-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

SqliteStorage::~SqliteStorage()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<QSqlQuery> SqliteStorage::exec(const QString &sql, const QVariantList &params)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return dbError(u"prepare failed"_s, q.lastError());
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &v = params.at(i);
        // QSQLITE binds a null QString as NULL; text columns hold '' instead.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(int(i), u""_s);
        else
            q.bindValue(int(i), v);
    }
    if (!q.exec())
        return dbError(u"statement failed"_s, q.lastError());
    return q;
}

Status SqliteStorage::open(const QString &path, OpenMode mode)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open())
        return dbError(u"cannot open "_s + path, m_db.lastError());
    for (const auto &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
                               u"PRAGMA foreign_keys = ON"_s})
        KONTOR_TRY(exec(pragma));
    if (mode == OpenMode::Maintain)
        return {};
    auto status = schemaStatus();
    KONTOR_TRY(status);
    if (!status->usable())
        return newerSchemaError(*status);
    if (status->version > Schema::Latest)
        qCInfo(lcServer) << "the database has schema version" << status->version
                         << "(newer than this release's" << Schema::Latest
                         << "but compatible with it)";
    if (status->version < Schema::Expanded)
        return migrateTo(Schema::Expanded);
    return {};
}

Status SqliteStorage::transaction(const std::function<Status()> &body)
{
    KONTOR_TRY(exec(u"BEGIN IMMEDIATE"_s));
    if (Status s = body(); !s) {
        (void)exec(u"ROLLBACK"_s);
        return s;
    }
    if (auto r = exec(u"COMMIT"_s); !r) {
        (void)exec(u"ROLLBACK"_s);
        return r.error();
    }
    return {};
}

Result<bool> SqliteStorage::hasColumn(const QString &table, const QString &column)
{
    auto q = exec(u"SELECT 1 FROM pragma_table_info(?) WHERE name = ?"_s, {table, column});
    KONTOR_TRY(q);
    return q->next();
}

Result<SchemaStatus> SqliteStorage::schemaStatus()
{
    // PRAGMA user_version is what the first release reads as the schema version: it holds
    // compatibleFrom; the version itself is in kontor_schema from the expand on.
    auto v = exec(u"PRAGMA user_version"_s);
    KONTOR_TRY(v);
    SchemaStatus s;
    s.compatibleFrom = v->next() ? v->value(0).toInt() : 0;
    s.version = s.compatibleFrom;
    QString phase;
    auto table = exec(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"_s,
                      {u"kontor_schema"_s});
    KONTOR_TRY(table);
    if (table->next()) {
        auto row = exec(u"SELECT revision, phase FROM kontor_schema WHERE id = 1"_s);
        KONTOR_TRY(row);
        if (row->next()) {
            s.version = row->value(0).toInt();
            phase = row->value(1).toString();
        }
    }
    s.phase = s.version > Schema::Latest || phase.isEmpty() ? schemaPhase(s.version) : phase;
    return s;
}

Status SqliteStorage::migrateTo(int target, const MigrationOptions &options)
{
    if (target < Schema::Base || target > Schema::Latest)
        return Error {ErrorKind::Usage, QString(), u"bad-version"_s,
                      u"no schema version %1: this kontor-syncd knows %2 to %3"_s.arg(target)
                          .arg(Schema::Base)
                          .arg(Schema::Latest)};
    auto status = schemaStatus();
    KONTOR_TRY(status);
    if (!status->usable())
        return newerSchemaError(*status);
    for (int version = status->version; version < target; ++version) {
        QElapsedTimer started;
        started.start();
        switch (version) {
        case 0:
            KONTOR_TRY(createBase());
            break;
        case Schema::Base:
            KONTOR_TRY(expand(options));
            break;
        case Schema::Expanded:
            KONTOR_TRY(contract(options));
            break;
        default:
            break;
        }
        logEvent(QtInfoMsg, "kontor.server", u"schema migrated"_s,
                 {{u"event"_s, u"migration"_s},
                  {u"from"_s, version},
                  {u"to"_s, version + 1},
                  {u"phase"_s, schemaPhase(version + 1)},
                  {u"duration_ms"_s, started.elapsed()}});
    }
    return {};
}

Status SqliteStorage::createBase()
{
    return transaction([this]() -> Status {
        // Another process may have created the tables since the version was read.
        auto v = exec(u"PRAGMA user_version"_s);
        KONTOR_TRY(v);
        if (v->next() && v->value(0).toInt() >= Schema::Base)
            return {};
        for (const char *sql : SchemaV1)
            KONTOR_TRY(exec(QString::fromUtf8(sql)));
        KONTOR_TRY(exec(u"PRAGMA user_version = %1"_s.arg(Schema::Base)));
        return {};
    });
}

Status SqliteStorage::expand(const MigrationOptions &options)
{
    // One short transaction for the additions (SQLite adds a column with a default without
    // rewriting the table), then the backfill in batches, then the new version. Every step can
    // run again, so an expand cut off halfway is resumed by the next one.
    KONTOR_TRY(transaction([this]() -> Status {
        KONTOR_TRY(exec(u"CREATE TABLE IF NOT EXISTS kontor_schema (id INTEGER PRIMARY KEY "
                        "CHECK (id = 1), revision INTEGER NOT NULL, phase TEXT NOT NULL)"_s));
        auto has = hasColumn(u"tenants"_s, u"audit_head_hash"_s);
        KONTOR_TRY(has);
        if (!*has)
            KONTOR_TRY(exec(u"ALTER TABLE tenants ADD COLUMN audit_head_hash TEXT NOT NULL "
                            "DEFAULT ''"_s));
        for (const char *sql : ExpandTriggers)
            KONTOR_TRY(exec(QString::fromUtf8(sql)));
        KONTOR_TRY(exec(u"INSERT INTO kontor_schema (id, revision, phase) VALUES (1, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET phase = excluded.phase "
                        "WHERE kontor_schema.revision < ?"_s,
                        {Schema::Base, u"expanding"_s, Schema::Expanded}));
        return {};
    }));
    KONTOR_TRY(copyAuditHeads(u"backfill"_s, options));
    return transaction([this]() -> Status {
        KONTOR_TRY(exec(u"UPDATE kontor_schema SET revision = ?, phase = ? WHERE id = 1 AND "
                        "revision < ?"_s,
                        {Schema::Expanded, u"expanded"_s, Schema::Expanded}));
        // PRAGMA user_version stays at Base: the first release may still start.
        return {};
    });
}

Status SqliteStorage::contract(const MigrationOptions &options)
{
    // The triggers kept both columns equal; a last pass makes sure before audit_head goes.
    KONTOR_TRY(copyAuditHeads(u"check"_s, options));
    return transaction([this]() -> Status {
        auto status = schemaStatus();
        KONTOR_TRY(status);
        if (status->version >= Schema::Contracted)
            return {};
        for (const char *name : ExpandTriggerNames)
            KONTOR_TRY(exec(u"DROP TRIGGER IF EXISTS "_s + QString::fromLatin1(name)));
        auto has = hasColumn(u"tenants"_s, u"audit_head"_s);
        KONTOR_TRY(has);
        if (*has)
            KONTOR_TRY(exec(u"ALTER TABLE tenants DROP COLUMN audit_head"_s));
        KONTOR_TRY(exec(u"UPDATE kontor_schema SET revision = ?, phase = ? WHERE id = 1"_s,
                        {Schema::Contracted, u"contracted"_s}));
        // From here the first release refuses the database.
        KONTOR_TRY(
            exec(u"PRAGMA user_version = %1"_s.arg(Schema::compatibleFrom(Schema::Contracted))));
        return {};
    });
}

Status SqliteStorage::copyAuditHeads(const QString &step, const MigrationOptions &options)
{
    MigrationProgress progress;
    progress.step = step;
    const int batch = std::max(1, options.batchSize);
    QString after; // keyset: ids are non-empty, so every id sorts after ''
    for (;;) {
        bool done = false;
        KONTOR_TRY(transaction([&]() -> Status {
            auto bound = exec(u"SELECT max(id), count(*) FROM (SELECT id FROM tenants "
                              "WHERE id > ? ORDER BY id LIMIT ?)"_s,
                              {after, batch});
            KONTOR_TRY(bound);
            if (!bound->next() || bound->value(1).toLongLong() == 0) {
                done = true;
                return {};
            }
            const QString last = bound->value(0).toString();
            auto copied = exec(u"UPDATE tenants SET audit_head_hash = audit_head WHERE id > ? "
                               "AND id <= ? AND audit_head_hash IS NOT audit_head"_s,
                               {after, last});
            KONTOR_TRY(copied);
            progress.rowsScanned += bound->value(1).toLongLong();
            progress.rowsCopied += std::max(0, copied->numRowsAffected());
            after = last;
            return {};
        }));
        if (done)
            break;
        ++progress.batches;
        if (options.afterBatch)
            options.afterBatch(progress);
    }
    if (progress.rowsScanned > 0)
        logEvent(QtInfoMsg, "kontor.server", u"audit heads copied"_s,
                 {{u"event"_s, u"migration"_s},
                  {u"step"_s, step},
                  {u"rows"_s, progress.rowsScanned},
                  {u"copied"_s, progress.rowsCopied},
                  {u"batches"_s, progress.batches}});
    if (step == u"check" && progress.rowsCopied > 0)
        qCWarning(lcServer) << progress.rowsCopied
                            << "tenants had audit_head_hash behind audit_head before the "
                               "contract; copied";
    return {};
}

Status SqliteStorage::ping()
{
    auto q = exec(u"SELECT 1"_s);
    KONTOR_TRY(q);
    return {};
}

Status SqliteStorage::createTenant(const QString &tenantId, const QString &name,
                                   const QString &epoch, const AccountRecord &a)
{
    KONTOR_TRY(exec(u"BEGIN IMMEDIATE"_s));
    auto fail = [this](const Error &e) {
        (void)exec(u"ROLLBACK"_s);
        return e;
    };
    auto taken = exec(u"SELECT 1 FROM accounts WHERE email = ?"_s, {a.email});
    if (!taken)
        return fail(taken.error());
    if (taken->next())
        return fail(Error {ErrorKind::Conflict, u"email"_s, u"email-taken"_s,
                           u"an account with this email exists"_s});
    if (auto r = exec(u"INSERT INTO tenants (id, name, epoch, created_at) VALUES (?, ?, ?, ?)"_s,
                      {tenantId, name, epoch, a.createdAt});
        !r)
        return fail(r.error());
    if (auto r = exec(u"INSERT INTO accounts (id, tenant_id, email, pwd_hash, salt, iterations, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {a.id, tenantId, a.email, a.passwordHash, a.salt, a.iterations, a.createdAt});
        !r)
        return fail(r.error());
    if (auto r = exec(u"COMMIT"_s); !r)
        return fail(r.error());
    return {};
}

Result<std::optional<AccountRecord>> SqliteStorage::accountByEmail(const QString &email)
{
    auto q = exec(u"SELECT id, tenant_id, email, pwd_hash, salt, iterations, created_at "
                  "FROM accounts WHERE email = ?"_s,
                  {email});
    KONTOR_TRY(q);
    if (!q->next())
        return std::optional<AccountRecord>();
    AccountRecord a;
    a.id = q->value(0).toString();
    a.tenantId = q->value(1).toString();
    a.email = q->value(2).toString();
    a.passwordHash = q->value(3).toByteArray();
    a.salt = q->value(4).toByteArray();
    a.iterations = q->value(5).toInt();
    a.createdAt = q->value(6).toLongLong();
    return std::optional<AccountRecord>(a);
}

Status SqliteStorage::upsertDevice(const DeviceRecord &d, const QByteArray &tokenHash)
{
    KONTOR_TRY(exec(u"INSERT INTO devices (tenant_id, id, name, token_hash, created_at, "
                    "last_seen_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, 0) "
                    "ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, "
                    "token_hash = excluded.token_hash, last_seen_at = excluded.last_seen_at, "
                    "revoked_at = 0"_s,
                    {d.tenantId, d.id, d.name, tokenHash, d.createdAt, d.lastSeenAt}));
    return {};
}

Result<std::optional<DeviceRecord>> SqliteStorage::deviceByToken(const QByteArray &tokenHash)
{
    auto q = exec(u"SELECT tenant_id, id, name, created_at, last_seen_at, revoked_at "
                  "FROM devices WHERE token_hash = ?"_s,
                  {tokenHash});
    KONTOR_TRY(q);
    if (!q->next())
        return std::optional<DeviceRecord>();
    return std::optional<DeviceRecord>(deviceFrom(*q));
}

Status SqliteStorage::touchDevice(const QString &tenantId, const QString &deviceId, qint64 now)
{
    KONTOR_TRY(exec(u"UPDATE devices SET last_seen_at = ? WHERE tenant_id = ? AND id = ?"_s,
                    {now, tenantId, deviceId}));
    return {};
}

Result<QList<DeviceRecord>> SqliteStorage::devices(const QString &tenantId)
{
    auto q = exec(u"SELECT tenant_id, id, name, created_at, last_seen_at, revoked_at "
                  "FROM devices WHERE tenant_id = ? ORDER BY created_at, id"_s,
                  {tenantId});
    KONTOR_TRY(q);
    QList<DeviceRecord> out;
    while (q->next())
        out.append(deviceFrom(*q));
    return out;
}

Result<bool> SqliteStorage::revokeDevice(const QString &tenantId, const QString &deviceId,
                                         qint64 now)
{
    auto q = exec(u"UPDATE devices SET revoked_at = CASE WHEN revoked_at = 0 THEN ? ELSE "
                  "revoked_at END WHERE tenant_id = ? AND id = ?"_s,
                  {now, tenantId, deviceId});
    KONTOR_TRY(q);
    return q->numRowsAffected() == 1;
}

Result<QList<qint64>> SqliteStorage::loginFailures(const QString &key, qint64 since)
{
    auto q = exec(u"SELECT at FROM login_attempts WHERE key = ? AND at >= ? ORDER BY at"_s,
                  {key, since});
    KONTOR_TRY(q);
    QList<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

Status SqliteStorage::recordLoginFailure(const QString &key, qint64 now, qint64 pruneBefore)
{
    KONTOR_TRY(exec(u"DELETE FROM login_attempts WHERE at < ?"_s, {pruneBefore}));
    KONTOR_TRY(exec(u"INSERT INTO login_attempts (key, at) VALUES (?, ?)"_s, {key, now}));
    return {};
}

Status SqliteStorage::clearLoginFailures(const QString &key)
{
    KONTOR_TRY(exec(u"DELETE FROM login_attempts WHERE key = ?"_s, {key}));
    return {};
}

Result<Sync::Cursor> SqliteStorage::head(const QString &tenantId)
{
    auto q = exec(u"SELECT epoch, head_seq FROM tenants WHERE id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    if (!q->next())
        return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
    return Sync::Cursor {q->value(0).toString(), q->value(1).toLongLong()};
}

Result<QList<Sync::Op>> SqliteStorage::opsAfter(const QString &tenantId, qint64 afterSeq, int limit)
{
    auto q = exec(u"SELECT seq, op_id, device_id, device_seq, entity, entity_id, kind, fields, "
                  "hlc FROM ops WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s,
                  {tenantId, afterSeq, limit});
    KONTOR_TRY(q);
    QList<Sync::Op> out;
    while (q->next())
        out.append(opFrom(*q));
    return out;
}

Result<QList<StoredRecord>> SqliteStorage::recordsAfter(const QString &tenantId,
                                                        const QString &entity,
                                                        const QString &afterId, int limit)
{
    // One kind of record at a time, along the primary key from the cursor on.
    auto q = exec(u"SELECT entity, entity_id, fields, clocks, deleted, immutable FROM records "
                  "WHERE tenant_id = ? AND entity = ? AND entity_id > ? "
                  "ORDER BY entity_id LIMIT ?"_s,
                  {tenantId, entity, afterId, limit});
    KONTOR_TRY(q);
    QList<StoredRecord> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), recordFrom(*q, 2)});
    return out;
}

Result<qint64> SqliteStorage::recordCount(const QString &tenantId)
{
    auto q = exec(u"SELECT COUNT(*) FROM records WHERE tenant_id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<AuditEntry>> SqliteStorage::auditAfter(const QString &tenantId, qint64 afterSeq,
                                                    int limit)
{
    auto q = exec(u"SELECT seq, op_id, prev_hash, hash FROM audit WHERE tenant_id = ? AND "
                  "seq > ? ORDER BY seq LIMIT ?"_s,
                  {tenantId, afterSeq, limit});
    KONTOR_TRY(q);
    QList<AuditEntry> out;
    while (q->next())
        out.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString()});
    return out;
}

Result<AuditEntry> SqliteStorage::auditHead(const QString &tenantId)
{
    auto q = exec(u"SELECT head_seq, audit_head_hash FROM tenants WHERE id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    if (!q->next())
        return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
    AuditEntry e;
    e.seq = q->value(0).toLongLong();
    e.hash = q->value(1).toString();
    return e;
}

Result<std::unique_ptr<TenantWrite>> SqliteStorage::beginWrite(const QString &tenantId)
{
    KONTOR_TRY(exec(u"BEGIN IMMEDIATE"_s));
    std::unique_ptr<TenantWrite> w = std::make_unique<SqliteTenantWrite>(*this, tenantId);
    return w;
}

Result<qint64> SqliteStorage::newEpochs(const QString &tenantId,
                                        const std::function<QString()> &makeEpoch)
{
    qint64 changed = 0;
    // BEGIN IMMEDIATE: pushes of a running instance wait for it (or it for them), so none
    // answers a head from one epoch with a log position from the other.
    KONTOR_TRY(transaction([&]() -> Status {
        auto q = tenantId.isEmpty()
            ? exec(u"SELECT id, epoch FROM tenants ORDER BY id"_s)
            : exec(u"SELECT id, epoch FROM tenants WHERE id = ?"_s, {tenantId});
        KONTOR_TRY(q);
        QList<std::pair<QString, QString>> tenants;
        while (q->next())
            tenants.append({q->value(0).toString(), q->value(1).toString()});
        q->finish();
        if (!tenantId.isEmpty() && tenants.isEmpty())
            return unknownTenantError(tenantId);
        for (const auto &[id, old] : std::as_const(tenants)) {
            const QString epoch = makeEpoch();
            KONTOR_TRY(checkNewEpoch(id, old, epoch));
            auto updated = exec(u"UPDATE tenants SET epoch = ? WHERE id = ?"_s, {epoch, id});
            KONTOR_TRY(updated);
            if (updated->numRowsAffected() != 1)
                return Error {ErrorKind::Conflict, u"tenant"_s, u"tenant-changed"_s,
                              u"tenant '%1' changed during the update"_s.arg(id)};
            ++changed;
        }
        return {};
    }));
    return changed;
}

Result<qint64> SqliteStorage::rowCount(const QString &table)
{
    static const QStringList tables {u"tenants"_s, u"accounts"_s,   u"devices"_s,
                                     u"ops"_s,     u"op_results"_s, u"records"_s,
                                     u"series"_s,  u"audit"_s,      u"login_attempts"_s};
    if (!tables.contains(table))
        return Error {ErrorKind::Usage, QString(), u"no-table"_s, u"unknown table"_s};
    auto q = exec(u"SELECT COUNT(*) FROM "_s + table);
    KONTOR_TRY(q);
    return q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace Kontor::Server
