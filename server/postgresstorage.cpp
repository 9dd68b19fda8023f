#include "postgresstorage.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

namespace {

// The tables of SqliteStorage with PostgreSQL's types (BIGINT for 64-bit integers, BYTEA for
// BLOB). Identifiers compare bytewise (COLLATE "C") as in SQLite, whatever the database's
// locale, so keyset pages and the snapshot's order by id are the same on both.
const char *const SchemaV1[] = {
    R"(CREATE TABLE tenants (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        epoch TEXT COLLATE "C" NOT NULL,
        head_seq BIGINT NOT NULL DEFAULT 0,
        audit_head TEXT COLLATE "C" NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL))",
    R"(CREATE TABLE accounts (
        id TEXT COLLATE "C" PRIMARY KEY,
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        email TEXT COLLATE "C" NOT NULL UNIQUE,
        pwd_hash BYTEA NOT NULL,
        salt BYTEA NOT NULL,
        iterations INTEGER NOT NULL,
        created_at BIGINT NOT NULL))",
    R"(CREATE TABLE devices (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        id TEXT COLLATE "C" NOT NULL,
        name TEXT NOT NULL,
        token_hash BYTEA NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        revoked_at BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, id)))",
    R"(CREATE TABLE ops (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        seq BIGINT NOT NULL,
        op_id TEXT COLLATE "C" NOT NULL,
        device_id TEXT COLLATE "C" NOT NULL,
        device_seq BIGINT NOT NULL,
        entity TEXT COLLATE "C" NOT NULL,
        entity_id TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        fields TEXT NOT NULL,
        hlc TEXT COLLATE "C" NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, seq),
        UNIQUE (tenant_id, op_id)))",
    R"(CREATE TABLE op_results (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        op_id TEXT COLLATE "C" NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (tenant_id, op_id)))",
    R"(CREATE TABLE records (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        entity TEXT COLLATE "C" NOT NULL,
        entity_id TEXT COLLATE "C" NOT NULL,
        ref_id TEXT COLLATE "C" NOT NULL DEFAULT '',
        fields TEXT NOT NULL,
        clocks TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        immutable INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, entity, entity_id)))",
    "CREATE INDEX records_ref ON records (tenant_id, entity, ref_id)",
    R"(CREATE TABLE series (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        id TEXT COLLATE "C" NOT NULL,
        holder_device_id TEXT COLLATE "C" NOT NULL DEFAULT '',
        next_number BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, id)))",
    R"(CREATE TABLE audit (
        tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenants(id),
        seq BIGINT NOT NULL,
        op_id TEXT COLLATE "C" NOT NULL,
        prev_hash TEXT COLLATE "C" NOT NULL,
        hash TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (tenant_id, seq)))",
    R"(CREATE TABLE login_attempts (
        key TEXT COLLATE "C" NOT NULL,
        at BIGINT NOT NULL))",
    "CREATE INDEX login_attempts_key ON login_attempts (key, at)",
    // Every failed sign-in prunes the old ones: without this index that is a full scan.
    "CREATE INDEX login_attempts_at ON login_attempts (at)",
};

// Serialises schema migrations of every instance on one database. The first release takes it
// with pg_advisory_xact_lock; later ones hold it for a whole migration (pg_advisory_lock), since
// a backfill spans many transactions. Either way instances exclude each other.
constexpr qint64 SchemaLockKey = 0x4b6f6e746f72; // "Kontor"

// The expand to Schema::Expanded. The first release writes tenants.audit_head, this one
// tenants.audit_head_hash: while both may run, a trigger copies whichever a statement changed
// to the other, in the writer's own statement, so each release reads what the other wrote. A
// read with a fallback would not do: audit_head is updated by every push, so a value this
// release wrote earlier would be stale, not missing. This release's statements never name
// audit_head, so they keep working after the contract, even while it runs.
// Nor does it need a fallback for rows the backfill has not reached: it serves only once the
// backfill is complete, since a starting instance runs the expand to its end before it listens.
const char *const ExpandStatements[] = {
    "ALTER TABLE kontor_schema ADD COLUMN IF NOT EXISTS revision INTEGER, "
    "ADD COLUMN IF NOT EXISTS phase TEXT",
    // A constant default: no table rewrite, only a catalogue change.
    R"(ALTER TABLE tenants ADD COLUMN IF NOT EXISTS audit_head_hash TEXT COLLATE "C" NOT NULL
        DEFAULT '')",
    R"(CREATE OR REPLACE FUNCTION kontor_tenants_audit_head_sync() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.audit_head_hash = '' THEN
                    NEW.audit_head_hash := NEW.audit_head;
                ELSE
                    NEW.audit_head := NEW.audit_head_hash;
                END IF;
            ELSIF NEW.audit_head_hash IS DISTINCT FROM OLD.audit_head_hash THEN
                NEW.audit_head := NEW.audit_head_hash;
            ELSIF NEW.audit_head IS DISTINCT FROM OLD.audit_head THEN
                NEW.audit_head_hash := NEW.audit_head;
            END IF;
            RETURN NEW;
        END
        $$)",
    "DROP TRIGGER IF EXISTS kontor_tenants_audit_head_sync ON tenants",
    "CREATE TRIGGER kontor_tenants_audit_head_sync BEFORE INSERT OR UPDATE ON tenants "
    "FOR EACH ROW EXECUTE FUNCTION kontor_tenants_audit_head_sync()",
};

const char *const ContractStatements[] = {
    "DROP TRIGGER IF EXISTS kontor_tenants_audit_head_sync ON tenants",
    "DROP FUNCTION IF EXISTS kontor_tenants_audit_head_sync()",
    "ALTER TABLE tenants DROP COLUMN IF EXISTS audit_head",
};

// How long DDL waits for its table lock before it gives up and tries again: statements that
// queue behind it (every push of every tenant, for ALTER TABLE tenants) wait no longer.
const QString DdlLockTimeout = u"1s"_s;
constexpr int DdlAttempts = 60;

// NOTIFY channel on which a commit that moved a tenant's log names the tenant (a plain
// identifier: LISTEN takes no parameter).
const QString NotifyChannel = u"kontor_tenant_advanced"_s;

// libpq keywords a URL may carry besides user, password, host, port and database.
const QStringList PassedKeywords {
    u"application_name"_s, u"channel_binding"_s,  u"connect_timeout"_s, u"gssencmode"_s,
    u"keepalives"_s,       u"keepalives_count"_s, u"keepalives_idle"_s, u"keepalives_interval"_s,
    u"options"_s,          u"passfile"_s,         u"sslcert"_s,         u"sslcrl"_s,
    u"sslkey"_s,           u"sslmode"_s,          u"sslrootcert"_s,     u"target_session_attrs"_s,
    u"tcp_user_timeout"_s,
};

// Unless the URL says otherwise: give up connecting after 5 s (the call answers 503 and the
// next one tries again), find a dead server within about 25 s on an idle connection, and let a
// push wait at most 10 s for its tenant's lock (held by another instance) before it fails.
const std::pair<const char16_t *, const char16_t *> DefaultKeywords[] = {
    {u"connect_timeout", u"5"},  {u"application_name", u"kontor-syncd"},
    {u"keepalives_idle", u"10"}, {u"keepalives_interval", u"5"},
    {u"keepalives_count", u"3"},
};
const QString DefaultServerOptions = u"-c lock_timeout=10s"_s;

Error urlError(const QString &message)
{
    return Error {ErrorKind::Usage, u"database"_s, u"bad-database-url"_s, message};
}

Error unavailable(const QString &message)
{
    return Error {ErrorKind::Io, QString(), u"database-unavailable"_s, message};
}

// A value in libpq's connection string: single-quoted, backslash and quote escaped.
QString conninfoValue(QString value)
{
    value.replace(u'\\', u"\\\\"_s);
    value.replace(u'\'', u"\\'"_s);
    return u'\'' + value + u'\'';
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

} // namespace

// One push or lease change: a transaction holding the tenant's row, so every other writer of
// that tenant, in this process or another, waits until it commits or rolls back.
class PostgresTenantWrite final : public TenantWrite
{
public:
    PostgresTenantWrite(PostgresStorage &storage, QString tenantId)
        : m_storage(storage), m_tenant(std::move(tenantId))
    { }
    ~PostgresTenantWrite() override
    {
        if (!m_done)
            m_storage.rollback();
    }

    Result<Sync::Cursor> head() override
    {
        auto q = m_storage.exec(u"SELECT epoch, head_seq FROM tenants WHERE id = ?"_s, {m_tenant});
        KONTOR_TRY(q);
        if (!q->next())
            return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
        return Sync::Cursor {q->value(0).toString(), q->value(1).toLongLong()};
    }

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
        KONTOR_TRY(m_storage.exec(
            u"INSERT INTO records (tenant_id, entity, entity_id, ref_id, fields, clocks, deleted, "
            "immutable) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, entity, "
            "entity_id) DO UPDATE SET ref_id = excluded.ref_id, fields = excluded.fields, "
            "clocks = excluded.clocks, deleted = excluded.deleted, "
            "immutable = excluded.immutable"_s,
            {m_tenant, entity, id, refId, jsonText(s.fields), jsonText(s.clocks), s.deleted ? 1 : 0,
             s.immutable ? 1 : 0}));
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
        KONTOR_TRY(m_storage.exec(
            u"INSERT INTO series (tenant_id, id, holder_device_id, next_number) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, id) DO UPDATE SET "
            "holder_device_id = excluded.holder_device_id, next_number = excluded.next_number"_s,
            {m_tenant, s.id, s.holderDeviceId, s.nextNumber}));
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
        // The row lock already serialises writers; the compare on head_seq is the same guard
        // as SQLite's, so a gap can never be committed even if that lock were ever skipped.
        auto moved = m_storage.exec(u"UPDATE tenants SET head_seq = ?, audit_head_hash = ? "
                                    "WHERE id = ? AND head_seq = ?"_s,
                                    {op.seq, audit.hash, m_tenant, op.seq - 1});
        KONTOR_TRY(moved);
        if (moved->numRowsAffected() != 1)
            return Error {ErrorKind::Conflict, QString(), u"head-moved"_s,
                          u"the tenant's log moved during the push"_s};
        m_advanced = true;
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
        // Delivered to the other instances only if the commit succeeds.
        if (m_advanced)
            KONTOR_TRY(m_storage.exec(u"SELECT pg_notify(?, ?)"_s, {NotifyChannel, m_tenant}));
        const Status committed = m_storage.commit();
        m_done = true; // committed, or the transaction is gone with its connection
        return committed;
    }

private:
    PostgresStorage &m_storage;
    QString m_tenant;
    bool m_done = false;
    bool m_advanced = false;
};

PostgresStorage::PostgresStorage()
    : m_connectionName(u"kontor-syncd-pg-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

PostgresStorage::~PostgresStorage()
{
    m_failedQueries.clear();
    m_prepared.clear();
    m_listener.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool PostgresStorage::isUrl(const QString &database)
{
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]+://"_s);
    return scheme.match(database).hasMatch()
        || database.startsWith(u"postgresql:"_s, Qt::CaseInsensitive)
        || database.startsWith(u"postgres:"_s, Qt::CaseInsensitive);
}

Result<PostgresUrl> PostgresStorage::parseUrl(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    const QString scheme = text.left(colon).toLower();
    if (colon <= 0 || (scheme != u"postgresql" && scheme != u"postgres"))
        return urlError(u"unsupported database URL scheme '%1': give a SQLite file path or a "
                        "postgresql:// URL"_s.arg(text.left(colon)));
    if (!text.mid(colon + 1).startsWith(u"//"_s))
        return urlError(u"expected postgresql://user:password@host:port/dbname"_s);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's message quotes the whole URL, password included: keep only the reason.
        const QString reason = url.errorString().section(u"; source was"_s, 0, 0);
        return urlError(u"not a valid URL (%1); expected postgresql://user:password@host:port/"
                        "dbname, with special characters in the user name and password "
                        "percent-encoded"_s.arg(reason));
    }
    if (url.hasFragment())
        return urlError(u"a database URL has no #fragment"_s);

    PostgresUrl out;
    out.host = url.host(QUrl::FullyDecoded);
    out.port = url.port(-1);
    if (out.port == 0)
        return urlError(u"the port must be from 1 to 65535"_s);
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    const QString path = url.path(QUrl::FullyDecoded);
    out.database = path.mid(1);
    if (!path.startsWith(u'/') || out.database.isEmpty() || out.database.contains(u'/'))
        return urlError(u"the URL names no database: end it with /dbname, e.g. "
                        "postgresql://kontor@127.0.0.1:5432/kontor"_s);

    QString serverOptions = DefaultServerOptions;
    QStringList seen;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (seen.contains(key))
            return urlError(u"the URL parameter '%1' is given twice"_s.arg(key));
        seen.append(key);
        if (value.isEmpty())
            return urlError(u"the URL parameter '%1' has no value"_s.arg(key));
        if (value.contains(u';'))
            return urlError(u"the URL parameter '%1' may not contain ';'"_s.arg(key));
        if (key == u"password_file") {
            if (!out.password.isEmpty())
                return urlError(u"give the password in the URL or in password_file, not both"_s);
            QFile file(value);
            if (!file.open(QIODevice::ReadOnly))
                return urlError(
                    u"cannot read password_file %1: %2"_s.arg(value, file.errorString()));
            // The first line, so an editor's trailing newline is not part of the password.
            out.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
            if (out.password.isEmpty())
                return urlError(u"password_file %1 is empty"_s.arg(value));
        } else if (key == u"host") {
            if (!out.host.isEmpty())
                return urlError(u"the host is given twice (in the URL and as ?host=)"_s);
            out.host = value;
        } else if (key == u"options") {
            serverOptions += u' ' + value; // after the defaults, so a setting here wins
        } else if (PassedKeywords.contains(key)) {
            out.options.append({key, value});
        } else if (key == u"user" || key == u"password" || key == u"dbname" || key == u"port") {
            return urlError(u"put the %1 in the URL itself, not in ?%1="_s.arg(key));
        } else {
            return urlError(u"unknown URL parameter '%1'; known: password_file, host, options, "
                            "%2"_s.arg(key, PassedKeywords.join(u", "_s)));
        }
    }
    for (const auto &[key, value] : DefaultKeywords)
        if (!seen.contains(QString::fromUtf16(key)))
            out.options.append({QString::fromUtf16(key), QString::fromUtf16(value)});
    out.options.append({u"options"_s, serverOptions});

    QUrl shown = url;
    if (!shown.password().isEmpty())
        shown.setPassword(u"xxxxx"_s);
    out.redacted = shown.toString();
    return out;
}

Status PostgresStorage::open(const QString &url, OpenMode mode)
{
    auto parsed = parseUrl(url);
    KONTOR_TRY(parsed);
    m_url = *parsed;
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    if (!m_db.isValid())
        return Error {ErrorKind::Usage, u"database"_s, u"no-driver"_s,
                      u"Qt's PostgreSQL driver (QPSQL) is not installed; on Debian it is the "
                      "package libqt6sql6-psql"_s};
    QStringList options;
    for (const auto &[key, value] : std::as_const(m_url.options))
        options.append(key + u'=' + conninfoValue(value));
    m_db.setHostName(m_url.host);
    m_db.setPort(m_url.port);
    m_db.setUserName(m_url.user);
    m_db.setPassword(m_url.password);
    m_db.setDatabaseName(m_url.database);
    m_db.setConnectOptions(options.join(u' '));
    KONTOR_TRY(connectNow());
    if (mode == OpenMode::Maintain)
        return {};
    // Up to date: nothing to write (so an instance may also start against a standby).
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

pg_conn *PostgresStorage::connection() const
{
    if (!m_db.isValid())
        return nullptr;
    const QVariant handle = m_db.driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); older Qt after the typedef.
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

int PostgresStorage::backendPid() const
{
    PGconn *c = connection();
    return c ? PQbackendPID(c) : 0;
}

void PostgresStorage::receiveNotice(void *self, const pg_result *notice)
{
    auto *storage = static_cast<PostgresStorage *>(self);
    const char *severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (!severity) // servers before 9.6
        severity = PQresultErrorField(notice, PG_DIAG_SEVERITY);
    const QString message = QString::fromUtf8(PQresultErrorMessage(notice)).trimmed();
    if (qstrcmp(severity, "WARNING") == 0) {
        storage->m_warnings.append(message);
        qCWarning(lcServer).noquote() << "database warning:" << message;
    } else if (qstrcmp(severity, "FATAL") == 0 || qstrcmp(severity, "PANIC") == 0
               || qstrcmp(severity, "ERROR") == 0) {
        // An idle connection told why it is being closed, e.g. a server shutting down.
        qCWarning(lcServer).noquote() << "database:" << message;
    } else {
        qCDebug(lcServer).noquote() << "database notice:" << message;
    }
}

void PostgresStorage::listen()
{
    m_listener.reset();
    PGconn *c = connection();
    // A standby refuses LISTEN (and the refusal, like ping's, makes the next call connect
    // again, through HAProxy to the leader): it is not ready anyway.
    if (auto r = exec(u"LISTEN "_s + NotifyChannel); !r || !c) {
        qCWarning(lcServer).noquote()
            << "cannot listen for other instances' pushes:" << (r ? QString() : r.error().message);
        return;
    }
    m_listener = std::make_unique<QSocketNotifier>(PQsocket(c), QSocketNotifier::Read);
    QObject::connect(m_listener.get(), &QSocketNotifier::activated, m_listener.get(), [this] {
        PGconn *conn = connection();
        if (!conn)
            return;
        PQconsumeInput(conn);
        takeNotifications();
        if (PQstatus(conn) != CONNECTION_OK) {
            // Closed while idle (a restart, a failover): libpq has let go of the socket, so
            // stop watching it before its number is reused; the next call connects again.
            m_listener->setEnabled(false);
            m_reconnect = true;
        }
    });
}

void PostgresStorage::takeNotifications()
{
    PGconn *c = connection();
    if (!c)
        return;
    const int self = PQbackendPID(c);
    bool any = false;
    while (PGnotify *n = PQnotifies(c)) {
        // This instance's own commits have woken its waiters already.
        if (n->be_pid != self && NotifyChannel == QLatin1StringView(n->relname)) {
            const QString tenant = QString::fromUtf8(n->extra);
            if (!m_notified.contains(tenant))
                m_notified.append(tenant);
            any = true;
        }
        PQfreemem(n);
    }
    // Handed over from the event loop, never in the middle of a storage call.
    if (any && m_listener)
        QTimer::singleShot(0, m_listener.get(), [this] {
            const QStringList tenants = std::exchange(m_notified, {});
            if (m_tenantAdvanced)
                for (const QString &tenant : tenants)
                    m_tenantAdvanced(tenant);
        });
}

Status PostgresStorage::connectNow()
{
    m_inTransaction = false;
    m_failedQueries.clear();
    m_prepared.clear(); // prepared on the connection being replaced
    m_listener.reset(); // before the socket it watches is closed
    m_db.close();
    if (!m_db.open()) {
        m_reconnect = true;
        return unavailable(
            u"cannot connect to %1: %2"_s.arg(m_url.redacted, m_db.lastError().text()));
    }
    PGconn *c = connection();
    if (!c) {
        m_reconnect = true;
        return unavailable(u"the QPSQL driver gave no connection handle"_s);
    }
    PQsetNoticeReceiver(c, &PostgresStorage::receiveNotice, this);
    m_reconnect = false;
    listen();
    qCInfo(lcServer).noquote() << "connected to" << m_url.redacted;
    return {};
}

Status PostgresStorage::ensureConnected()
{
    // Never under an open transaction: its statements fail instead, and it is rolled back.
    if (m_inTransaction)
        return {};
    PGconn *c = connection();
    if (!m_reconnect && c && PQstatus(c) == CONNECTION_OK) {
        if (PQtransactionStatus(c) == PQTRANS_IDLE)
            return {};
        // A transaction whose rollback failed is still open: end it first.
        if (exec(u"ROLLBACK"_s))
            return {};
    }
    if (m_db.isValid() && c)
        qCInfo(lcServer) << "connecting to the database again";
    return connectNow();
}

Error PostgresStorage::failure(const QString &what, const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    m_lastSqlState = state;
    PGconn *c = connection();
    const bool broken = !c || PQstatus(c) != CONNECTION_OK;
    // Connection exceptions, a server shutting down, or a standby refusing a write (a demoted
    // leader): the next call connects again, through HAProxy to the current leader.
    const bool elsewhere
        = state.startsWith(u"08"_s) || state.startsWith(u"57P"_s) || state == u"25006";
    // Lock timeout, serialisation failure, deadlock, too many connections, a cancelled
    // statement: worth the client's retry.
    const bool transient = state == u"55P03" || state == u"40001" || state == u"40P01"
        || state == u"53300" || state == u"57014";
    if (broken || elsewhere)
        m_reconnect = true;
    const QString message = what + u": "_s + error.text();
    if (broken || elsewhere || transient)
        return unavailable(message);
    return Error {ErrorKind::Io, QString(), u"database"_s, message};
}

Result<QSqlQuery> PostgresStorage::exec(const QString &sql, const QVariantList &params)
{
    PGconn *c = connection();
    if (!c || PQstatus(c) != CONNECTION_OK) {
        m_reconnect = true;
        m_lastSqlState.clear();
        return unavailable(u"the database connection is closed"_s);
    }
    // Statements whose success acknowledges a write: COMMIT, and a write outside a transaction.
    const bool commits = sql == u"COMMIT"
        || (!m_inTransaction
            && (sql.startsWith(u"INSERT"_s) || sql.startsWith(u"UPDATE"_s)
                || sql.startsWith(u"DELETE"_s)));
    m_warnings.clear();
    // Not forward-only: QPSQL then fetches the whole result at once, so a query may run while
    // another's rows are still being read.
    QSqlQuery q(m_db);
    bool ok = false;
    if (params.isEmpty()) {
        ok = q.exec(sql);
    } else {
        auto it = m_prepared.find(sql);
        if (it == m_prepared.end()) {
            ok = q.prepare(sql);
            if (ok)
                it = m_prepared.emplace(sql, q).first;
        } else {
            q = it->second;
            ok = true;
        }
        for (qsizetype i = 0; ok && i < params.size(); ++i) {
            const QVariant &v = params.at(i);
            // A null QString would be bound as NULL; text columns hold '' instead.
            if (v.typeId() == QMetaType::QString && v.toString().isNull())
                q.bindValue(int(i), u""_s);
            else
                q.bindValue(int(i), v);
        }
        ok = ok && q.exec();
    }
    takeNotifications(); // the statement may have read some off the socket
    if (!ok) {
        Error error = failure(u"statement failed"_s, q.lastError());
        // QPSQL deallocates a prepared statement when its query goes, which fails in a failed
        // transaction (and leaves the statement behind): keep the query until the rollback.
        if (m_inTransaction)
            m_failedQueries.append(q);
        return error;
    }
    // A commit that PostgreSQL answers with a WARNING is not one to acknowledge: above all
    // "canceling wait for synchronous replication ... committed locally", a commit that only
    // the old leader has and a failover may discard. The client retries; the op is idempotent.
    if (commits && !m_warnings.isEmpty()) {
        m_reconnect = true;
        return unavailable(u"the database committed with a warning, so the write is not "
                           "acknowledged: "_s
                           + m_warnings.join(u"; "_s));
    }
    return q;
}

Status PostgresStorage::begin()
{
    KONTOR_TRY(exec(u"BEGIN"_s));
    m_inTransaction = true;
    return {};
}

Status PostgresStorage::commit()
{
    PGconn *c = connection();
    if (!c || PQstatus(c) != CONNECTION_OK || PQtransactionStatus(c) != PQTRANS_INTRANS) {
        // COMMIT of a failed transaction would roll back and still answer without an error.
        rollback();
        return unavailable(u"the transaction failed before its commit"_s);
    }
    auto done = exec(u"COMMIT"_s);
    m_inTransaction = false;
    m_failedQueries.clear();
    KONTOR_TRY(done);
    return {};
}

void PostgresStorage::rollback()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    PGconn *c = connection();
    if (c && PQstatus(c) == CONNECTION_OK)
        (void)exec(u"ROLLBACK"_s);
    m_failedQueries.clear();
}

Result<SchemaStatus> PostgresStorage::schemaStatus()
{
    KONTOR_TRY(ensureConnected());
    SchemaStatus s;
    auto exists = exec(u"SELECT to_regclass('kontor_schema') IS NOT NULL"_s);
    KONTOR_TRY(exists);
    if (!exists->next() || !exists->value(0).toBool()) {
        s.phase = schemaPhase(0);
        return s;
    }
    // The row as JSON: the first release's table has no revision or phase columns.
    auto row = exec(u"SELECT to_jsonb(k)::text FROM kontor_schema k WHERE id = 1"_s);
    KONTOR_TRY(row);
    if (!row->next()) {
        s.phase = schemaPhase(0);
        return s;
    }
    const QJsonObject o = QJsonDocument::fromJson(row->value(0).toString().toUtf8()).object();
    // kontor_schema.version is what the first release reads as the schema version: it holds
    // compatibleFrom; the version itself is the revision from the expand on.
    s.compatibleFrom = o.value(u"version"_s).toInt();
    s.version = o.value(u"revision"_s).toInt(s.compatibleFrom);
    const QString phase = o.value(u"phase"_s).toString();
    s.phase = s.version > Schema::Latest || phase.isEmpty() ? schemaPhase(s.version) : phase;
    return s;
}

Status PostgresStorage::lockSchema()
{
    // lock_timeout bounds the wait; another instance's backfill may take longer, so wait again.
    for (int attempt = 1;; ++attempt) {
        auto locked = exec(u"SELECT pg_advisory_lock(?)"_s, {SchemaLockKey});
        if (locked)
            return {};
        if (m_lastSqlState != u"55P03")
            return locked.error();
        logEvent(QtInfoMsg, "kontor.server", u"waiting for another instance's schema migration"_s,
                 {{u"event"_s, u"migration"_s}, {u"attempt"_s, attempt}});
    }
}

void PostgresStorage::unlockSchema()
{
    (void)exec(u"SELECT pg_advisory_unlock(?)"_s, {SchemaLockKey});
}

Status PostgresStorage::migrateTo(int target, const MigrationOptions &options)
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
    if (status->version >= target)
        return {};

    // Instances starting together queue here; each reads the version again once it holds the
    // lock, so only the first migrates. The lock goes with the connection if this one dies, and
    // every step can run again, so the next instance resumes a migration cut off halfway.
    KONTOR_TRY(lockSchema());
    auto unlock = qScopeGuard([this] { unlockSchema(); });
    status = schemaStatus();
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

Status PostgresStorage::ddlTransaction(const QString &what, const std::function<Status()> &body)
{
    for (int attempt = 1;; ++attempt) {
        m_lastSqlState.clear();
        KONTOR_TRY(begin());
        Status s = exec(u"SET LOCAL lock_timeout = '%1'"_s.arg(DdlLockTimeout)).ok()
            ? body()
            : Status(unavailable(u"cannot set lock_timeout"_s));
        if (s) {
            s = commit();
            if (s)
                return {};
        }
        const bool lockTimeout = m_lastSqlState == u"55P03";
        rollback();
        if (!lockTimeout || attempt >= DdlAttempts)
            return s;
        // The table is busy (pushes hold its rows): let them through, then try again.
        logEvent(QtInfoMsg, "kontor.server", u"schema change waiting for a table lock"_s,
                 {{u"event"_s, u"migration"_s}, {u"step"_s, what}, {u"attempt"_s, attempt}});
        QThread::msleep(std::min(100 * attempt, 1000));
    }
}

Status PostgresStorage::createBase()
{
    return ddlTransaction(u"create"_s, [this]() -> Status {
        KONTOR_TRY(exec(u"CREATE TABLE IF NOT EXISTS kontor_schema (id INTEGER PRIMARY KEY "
                        "CHECK (id = 1), version INTEGER NOT NULL)"_s));
        auto existing = exec(u"SELECT version FROM kontor_schema WHERE id = 1"_s);
        KONTOR_TRY(existing);
        if (existing->next())
            return {}; // a release that takes the lock only per transaction was first
        for (const char *sql : SchemaV1)
            KONTOR_TRY(exec(QString::fromUtf8(sql)));
        KONTOR_TRY(
            exec(u"INSERT INTO kontor_schema (id, version) VALUES (1, ?)"_s, {Schema::Base}));
        return {};
    });
}

Status PostgresStorage::expand(const MigrationOptions &options)
{
    // One short transaction for the additions, then the backfill in batches, then the new
    // version. Every step can run again, so an expand cut off halfway is resumed.
    KONTOR_TRY(ddlTransaction(u"expand"_s, [this]() -> Status {
        for (const char *sql : ExpandStatements)
            KONTOR_TRY(exec(QString::fromUtf8(sql)));
        KONTOR_TRY(exec(u"UPDATE kontor_schema SET revision = ?, phase = ? WHERE id = 1 AND "
                        "coalesce(revision, version) < ?"_s,
                        {Schema::Base, u"expanding"_s, Schema::Expanded}));
        return {};
    }));
    KONTOR_TRY(copyAuditHeads(u"backfill"_s, options));
    // kontor_schema.version stays at Base: the first release may still start.
    KONTOR_TRY(exec(u"UPDATE kontor_schema SET revision = ?, phase = ? WHERE id = 1 AND "
                    "revision < ?"_s,
                    {Schema::Expanded, u"expanded"_s, Schema::Expanded}));
    return {};
}

Status PostgresStorage::contract(const MigrationOptions &options)
{
    // The trigger kept both columns equal; a last pass makes sure before audit_head goes. A
    // write of the first release after it still goes through the trigger, until the
    // transaction below drops both (and holds the table meanwhile).
    KONTOR_TRY(copyAuditHeads(u"check"_s, options));
    return ddlTransaction(u"contract"_s, [this]() -> Status {
        for (const char *sql : ContractStatements)
            KONTOR_TRY(exec(QString::fromUtf8(sql)));
        // From here the first release refuses the database.
        KONTOR_TRY(exec(
            u"UPDATE kontor_schema SET version = ?, revision = ?, phase = ? "
            "WHERE id = 1"_s,
            {Schema::compatibleFrom(Schema::Contracted), Schema::Contracted, u"contracted"_s}));
        return {};
    });
}

Status PostgresStorage::copyAuditHeads(const QString &step, const MigrationOptions &options)
{
    MigrationProgress progress;
    progress.step = step;
    const int batch = std::max(1, options.batchSize);
    QString after; // keyset: ids are non-empty, so every id sorts after ''
    int retries = 0;
    for (;;) {
        m_lastSqlState.clear();
        auto bound = exec(u"SELECT max(id), count(*) FROM (SELECT id FROM tenants WHERE id > ? "
                          "ORDER BY id LIMIT ?) b"_s,
                          {after, batch});
        KONTOR_TRY(bound);
        if (!bound->next() || bound->value(1).toLongLong() == 0)
            break;
        const QString last = bound->value(0).toString();
        // One statement, its own transaction: it waits for pushes holding these rows (each
        // holds its tenant's row for milliseconds) and holds them itself only as long.
        auto copied = exec(u"UPDATE tenants SET audit_head_hash = audit_head WHERE id > ? AND "
                           "id <= ? AND audit_head_hash IS DISTINCT FROM audit_head"_s,
                           {after, last});
        if (!copied && m_lastSqlState == u"55P03" && ++retries < DdlAttempts)
            continue; // a push held a row past lock_timeout: the same batch again
        KONTOR_TRY(copied);
        retries = 0;
        progress.rowsScanned += bound->value(1).toLongLong();
        progress.rowsCopied += std::max(0, copied->numRowsAffected());
        ++progress.batches;
        after = last;
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

Status PostgresStorage::ping()
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT pg_is_in_recovery(), current_setting('transaction_read_only')"_s);
    KONTOR_TRY(q);
    if (!q->next())
        return unavailable(u"the database did not answer"_s);
    if (q->value(0).toBool() || q->value(1).toString() == u"on") {
        // Stuck on a demoted node: not ready, and the next call connects again.
        m_reconnect = true;
        return unavailable(u"the database is a read-only standby"_s);
    }
    return {};
}

Status PostgresStorage::createTenant(const QString &tenantId, const QString &name,
                                     const QString &epoch, const AccountRecord &a)
{
    KONTOR_TRY(ensureConnected());
    const Error taken {ErrorKind::Conflict, u"email"_s, u"email-taken"_s,
                       u"an account with this email exists"_s};
    KONTOR_TRY(begin());
    auto fail = [this](const Error &e) {
        rollback();
        return e;
    };
    auto existing = exec(u"SELECT 1 FROM accounts WHERE email = ?"_s, {a.email});
    if (!existing)
        return fail(existing.error());
    if (existing->next())
        return fail(taken);
    if (auto r = exec(u"INSERT INTO tenants (id, name, epoch, created_at) VALUES (?, ?, ?, ?)"_s,
                      {tenantId, name, epoch, a.createdAt});
        !r)
        return fail(r.error());
    // Two instances signing up one email at once: the unique index makes the second wait for
    // the first and then refuses it (unique_violation).
    if (auto r = exec(u"INSERT INTO accounts (id, tenant_id, email, pwd_hash, salt, iterations, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {a.id, tenantId, a.email, a.passwordHash, a.salt, a.iterations, a.createdAt});
        !r)
        return fail(m_lastSqlState == u"23505" ? taken : r.error());
    KONTOR_TRY(commit());
    return {};
}

Result<std::optional<AccountRecord>> PostgresStorage::accountByEmail(const QString &email)
{
    KONTOR_TRY(ensureConnected());
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

Status PostgresStorage::upsertDevice(const DeviceRecord &d, const QByteArray &tokenHash)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(exec(u"INSERT INTO devices (tenant_id, id, name, token_hash, created_at, "
                    "last_seen_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, 0) "
                    "ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, "
                    "token_hash = excluded.token_hash, last_seen_at = excluded.last_seen_at, "
                    "revoked_at = 0"_s,
                    {d.tenantId, d.id, d.name, tokenHash, d.createdAt, d.lastSeenAt}));
    return {};
}

Result<std::optional<DeviceRecord>> PostgresStorage::deviceByToken(const QByteArray &tokenHash)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT tenant_id, id, name, created_at, last_seen_at, revoked_at "
                  "FROM devices WHERE token_hash = ?"_s,
                  {tokenHash});
    KONTOR_TRY(q);
    if (!q->next())
        return std::optional<DeviceRecord>();
    return std::optional<DeviceRecord>(deviceFrom(*q));
}

Status PostgresStorage::touchDevice(const QString &tenantId, const QString &deviceId, qint64 now)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(exec(u"UPDATE devices SET last_seen_at = ? WHERE tenant_id = ? AND id = ?"_s,
                    {now, tenantId, deviceId}));
    return {};
}

Result<QList<DeviceRecord>> PostgresStorage::devices(const QString &tenantId)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT tenant_id, id, name, created_at, last_seen_at, revoked_at "
                  "FROM devices WHERE tenant_id = ? ORDER BY created_at, id"_s,
                  {tenantId});
    KONTOR_TRY(q);
    QList<DeviceRecord> out;
    while (q->next())
        out.append(deviceFrom(*q));
    return out;
}

Result<bool> PostgresStorage::revokeDevice(const QString &tenantId, const QString &deviceId,
                                           qint64 now)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"UPDATE devices SET revoked_at = CASE WHEN revoked_at = 0 THEN ? ELSE "
                  "revoked_at END WHERE tenant_id = ? AND id = ?"_s,
                  {now, tenantId, deviceId});
    KONTOR_TRY(q);
    return q->numRowsAffected() == 1;
}

Result<QList<qint64>> PostgresStorage::loginFailures(const QString &key, qint64 since)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT at FROM login_attempts WHERE key = ? AND at >= ? ORDER BY at"_s,
                  {key, since});
    KONTOR_TRY(q);
    QList<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

Status PostgresStorage::recordLoginFailure(const QString &key, qint64 now, qint64 pruneBefore)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(exec(u"DELETE FROM login_attempts WHERE at < ?"_s, {pruneBefore}));
    KONTOR_TRY(exec(u"INSERT INTO login_attempts (key, at) VALUES (?, ?)"_s, {key, now}));
    return {};
}

Status PostgresStorage::clearLoginFailures(const QString &key)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(exec(u"DELETE FROM login_attempts WHERE key = ?"_s, {key}));
    return {};
}

Result<Sync::Cursor> PostgresStorage::head(const QString &tenantId)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT epoch, head_seq FROM tenants WHERE id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    if (!q->next())
        return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
    return Sync::Cursor {q->value(0).toString(), q->value(1).toLongLong()};
}

Result<QList<Sync::Op>> PostgresStorage::opsAfter(const QString &tenantId, qint64 afterSeq,
                                                  int limit)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT seq, op_id, device_id, device_seq, entity, entity_id, kind, fields, "
                  "hlc FROM ops WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s,
                  {tenantId, afterSeq, limit});
    KONTOR_TRY(q);
    QList<Sync::Op> out;
    while (q->next())
        out.append(opFrom(*q));
    return out;
}

Result<QList<StoredRecord>> PostgresStorage::recordsAfter(const QString &tenantId,
                                                          const QString &entity,
                                                          const QString &afterId, int limit)
{
    KONTOR_TRY(ensureConnected());
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

Result<qint64> PostgresStorage::recordCount(const QString &tenantId)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT COUNT(*) FROM records WHERE tenant_id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<AuditEntry>> PostgresStorage::auditAfter(const QString &tenantId, qint64 afterSeq,
                                                      int limit)
{
    KONTOR_TRY(ensureConnected());
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

Result<AuditEntry> PostgresStorage::auditHead(const QString &tenantId)
{
    KONTOR_TRY(ensureConnected());
    auto q = exec(u"SELECT head_seq, audit_head_hash FROM tenants WHERE id = ?"_s, {tenantId});
    KONTOR_TRY(q);
    if (!q->next())
        return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
    AuditEntry e;
    e.seq = q->value(0).toLongLong();
    e.hash = q->value(1).toString();
    return e;
}

Result<std::unique_ptr<TenantWrite>> PostgresStorage::beginWrite(const QString &tenantId)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(begin());
    // From here the write's destructor rolls back whatever happens.
    std::unique_ptr<TenantWrite> write = std::make_unique<PostgresTenantWrite>(*this, tenantId);
    // NO KEY UPDATE: it excludes every other writer of this tenant (the head, the audit chain
    // and op results are read and written under it) but not the foreign-key checks of a
    // device signing in meanwhile.
    auto locked
        = exec(u"SELECT head_seq FROM tenants WHERE id = ? FOR NO KEY UPDATE"_s, {tenantId});
    KONTOR_TRY(locked);
    if (!locked->next())
        return Error {ErrorKind::NotFound, QString(), u"no-tenant"_s, u"no such tenant"_s};
    return write;
}

Result<qint64> PostgresStorage::newEpochs(const QString &tenantId,
                                          const std::function<QString()> &makeEpoch)
{
    KONTOR_TRY(ensureConnected());
    KONTOR_TRY(begin());
    auto fail = [this](const Error &e) {
        rollback();
        return e;
    };
    // The rows locked as a push locks its tenant's: pushes in flight finish first (on any
    // instance), the next ones wait for the commit, so none answers a head from one epoch with
    // a log position from the other. In id order, so two runs cannot deadlock.
    auto q = tenantId.isEmpty()
        ? exec(u"SELECT id, epoch FROM tenants ORDER BY id FOR NO KEY UPDATE"_s)
        : exec(u"SELECT id, epoch FROM tenants WHERE id = ? FOR NO KEY UPDATE"_s, {tenantId});
    if (!q)
        return fail(q.error());
    QList<std::pair<QString, QString>> tenants;
    while (q->next())
        tenants.append({q->value(0).toString(), q->value(1).toString()});
    if (!tenantId.isEmpty() && tenants.isEmpty())
        return fail(unknownTenantError(tenantId));
    // A statement per batch rather than per tenant, so the rows are held for a few round trips
    // only. Each tenant is NOTIFYed as a push would be: long-polls waiting on other instances
    // are answered at once (with epochChanged) once this commits.
    constexpr qsizetype Batch = 1000;
    qint64 changed = 0;
    for (qsizetype from = 0; from < tenants.size(); from += Batch) {
        QJsonObject epochs;
        for (qsizetype i = from; i < std::min(from + Batch, tenants.size()); ++i) {
            const auto &[id, old] = tenants.at(i);
            const QString epoch = makeEpoch();
            if (Status s = checkNewEpoch(id, old, epoch); !s)
                return fail(s.error());
            epochs.insert(id, epoch);
        }
        const QString batch = jsonText(epochs);
        auto updated = exec(u"UPDATE tenants AS t SET epoch = v.value FROM json_each_text(?::json) "
                            "AS v WHERE t.id = v.key COLLATE \"C\""_s,
                            {batch});
        if (!updated)
            return fail(updated.error());
        if (updated->numRowsAffected() != epochs.size())
            return fail(Error {ErrorKind::Conflict, u"tenant"_s, u"tenant-changed"_s,
                               u"%1 of %2 tenants were updated; nothing was changed"_s
                                   .arg(updated->numRowsAffected())
                                   .arg(epochs.size())});
        if (auto notified = exec(u"SELECT pg_notify(?, key) FROM json_each_text(?::json)"_s,
                                 {NotifyChannel, batch});
            !notified)
            return fail(notified.error());
        changed += epochs.size();
    }
    KONTOR_TRY(commit());
    return changed;
}

void PostgresStorage::setTenantAdvancedHandler(std::function<void(const QString &)> handler)
{
    m_tenantAdvanced = std::move(handler);
}

Result<qint64> PostgresStorage::rowCount(const QString &table)
{
    static const QStringList tables {u"tenants"_s, u"accounts"_s,   u"devices"_s,
                                     u"ops"_s,     u"op_results"_s, u"records"_s,
                                     u"series"_s,  u"audit"_s,      u"login_attempts"_s};
    if (!tables.contains(table))
        return Error {ErrorKind::Usage, QString(), u"no-table"_s, u"unknown table"_s};
    KONTOR_TRY(ensureConnected());
    // The name is one of the fixed list above, never input.
    auto q = exec(u"SELECT COUNT(*) FROM "_s + table);
    KONTOR_TRY(q);
    return q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace Kontor::Server
