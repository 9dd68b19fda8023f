// The storage of kontor-syncd and the push rules on top of it, without HTTP: an op is applied
// once whatever the retries, numbers are gapless, a lease decides who issues, refused ops leave
// no trace, one tenant's calls never see or touch another's rows, and new epochs (after a restore)
// change nothing but the epochs, all or none. On SqliteStorage, or with
// KONTOR_TEST_STORAGE=postgresql on PostgresStorage (a fresh database per test), where further
// cases cover what a shared server adds: migrations raced by several instances, connections
// that break, commits the synchronous standby did not confirm, a read-only standby. Schema
// migrations run on both: a database of the first release, written by that release's own
// statements, goes through the expand while instances of that release keep writing, then
// through the contract, and nothing is lost, doubled or read differently.
#include "pgtestdatabase.h"

#include <jsoncodec.h>
#include <postgresstorage.h>
#include <serverconfig.h>
#include <sqlitestorage.h>
#include <syncservice.h>

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <functional>
#include <latch>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Server;
using Kontor::Test::PgTestDatabase;
using Kontor::Test::usePostgres;

namespace {

Sync::Op makeOp(const QString &opId, const QString &device, qint64 deviceSeq, const QString &entity,
                const QString &id, const QString &kind, const QJsonObject &fields)
{
    return Sync::Op {
        opId, device, deviceSeq, entity,
        id,   kind,   fields,    HlcStamp::make(1732890000000 + deviceSeq, 0).toString(),
        0};
}

// An instance of the first release (schema version 1) sharing the database: its storage
// statements verbatim, on a connection of its own. It names tenants.audit_head, which this
// release renames, and knows nothing of audit_head_hash.
class LegacyInstance
{
public:
    LegacyInstance(const QString &location, const QString &name) : m_name(name)
    {
        if (usePostgres()) {
            m_db = Kontor::Test::openPg(location, name);
        } else {
            m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            m_db.setDatabaseName(location);
            m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=20000"_s);
            if (m_db.open())
                QSqlQuery(m_db).exec(u"PRAGMA foreign_keys = ON"_s);
        }
        if (!m_db.isOpen())
            m_error = m_db.lastError().text();
    }
    ~LegacyInstance()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    LegacyInstance(const LegacyInstance &) = delete;
    LegacyInstance &operator=(const LegacyInstance &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QString error() const { return m_error; }

    bool createTenant(const QString &id)
    {
        if (!begin())
            return false;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!run(u"INSERT INTO tenants (id, name, epoch, created_at) VALUES (?, ?, ?, ?)"_s,
                 {id, QString(u"Business "_s + id), QString(u"epoch-"_s + id), now}))
            return rollback();
        return commit();
    }

    // One customer created, as the first release stores an accepted op: the record, the log
    // entry, the audit entry on top of the chain, the head, the op's result. The op id, or
    // empty when the push failed.
    QString push(const QString &tenant, const QString &customerId)
    {
        if (!begin())
            return {};
        auto failed = [this] {
            rollback();
            return QString();
        };
        QSqlQuery q(m_db);
        if (usePostgres()
            && !run(u"SELECT head_seq FROM tenants WHERE id = ? FOR NO KEY UPDATE"_s, {tenant}))
            return failed();
        if (!run(u"SELECT head_seq, audit_head FROM tenants WHERE id = ?"_s, {tenant}, &q)
            || !q.next())
            return failed();
        const qint64 head = q.value(0).toLongLong();
        const QString prev = q.value(1).toString();
        ++m_deviceSeq;
        Sync::Op op = makeOp(u"legacy-"_s + QUuid::createUuid().toString(QUuid::Id128),
                             u"dev-old"_s, m_deviceSeq, u"customer"_s, customerId, u"create"_s,
                             {{u"id"_s, customerId}, {u"name"_s, QString(u"Old "_s + customerId)}});
        op.seq = head + 1;
        const QString hash = SyncService::chainHash(prev, op);
        const QString fields
            = QString::fromUtf8(QJsonDocument(op.fields).toJson(QJsonDocument::Compact));
        Sync::OpResult result {op.opId, Sync::OpStatus::Accepted, op.seq, {}, {}, {}, false, {}};
        const bool ok
            = run(u"INSERT INTO records (tenant_id, entity, entity_id, ref_id, fields, clocks, "
                  "deleted, immutable) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, "
                  "entity, entity_id) DO UPDATE SET ref_id = excluded.ref_id, fields = "
                  "excluded.fields, clocks = excluded.clocks, deleted = excluded.deleted, "
                  "immutable = excluded.immutable"_s,
                  {tenant, op.entity, op.entityId, u""_s, fields, u"{}"_s, 0, 0})
            && run(u"INSERT INTO ops (tenant_id, seq, op_id, device_id, device_seq, entity, "
                   "entity_id, kind, fields, hlc, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?)"_s,
                   {tenant, op.seq, op.opId, op.deviceId, op.deviceSeq, op.entity, op.entityId,
                    op.kind, fields, op.hlc, QDateTime::currentMSecsSinceEpoch()})
            && run(u"INSERT INTO audit (tenant_id, seq, op_id, prev_hash, hash) VALUES (?, ?, ?, "
                   "?, ?)"_s,
                   {tenant, op.seq, op.opId, prev, hash})
            && run(u"UPDATE tenants SET head_seq = ?, audit_head = ? WHERE id = ? AND "
                   "head_seq = ?"_s,
                   {op.seq, hash, tenant, op.seq - 1}, &q)
            && q.numRowsAffected() == 1
            && run(u"INSERT INTO op_results (tenant_id, op_id, result) VALUES (?, ?, ?)"_s,
                   {tenant, op.opId,
                    QString::fromUtf8(
                        QJsonDocument(Sync::toJson(result)).toJson(QJsonDocument::Compact))});
        if (!ok)
            return failed();
        return commit() ? op.opId : QString();
    }

    // tenants.audit_head as the first release reads it; empty with error() on failure.
    QString auditHead(const QString &tenant)
    {
        QSqlQuery q(m_db);
        if (!run(u"SELECT audit_head FROM tenants WHERE id = ?"_s, {tenant}, &q) || !q.next())
            return {};
        return q.value(0).toString();
    }

private:
    bool run(const QString &sql, const QVariantList &params, QSqlQuery *out = nullptr)
    {
        QSqlQuery local(m_db);
        QSqlQuery &q = out ? *out : local;
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            return false;
        }
        for (qsizetype i = 0; i < params.size(); ++i)
            q.bindValue(int(i), params.at(i));
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
        return true;
    }
    bool begin()
    {
        QSqlQuery q(m_db);
        if (q.exec(usePostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
            return true;
        m_error = q.lastError().text();
        return false;
    }
    bool commit()
    {
        QSqlQuery q(m_db);
        if (q.exec(u"COMMIT"_s))
            return true;
        m_error = q.lastError().text();
        rollback();
        return false;
    }
    bool rollback()
    {
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        return false;
    }

    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
    qint64 m_deviceSeq = 0;
};

QJsonObject seriesFields(const QString &id, const QString &holder)
{
    NumberSeries s;
    s.id = id;
    s.name = u"Main"_s;
    s.prefix = u"A-"_s;
    s.width = 3;
    s.holderDeviceId = holder;
    return toJson(s);
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void idempotentPush();
    void rejectedOpLeavesNoTrace();
    void leaseAndGapless();
    void tenantIsolation();
    void newEpochsForEveryTenant();
    void newEpochsForOneTenant();
    void newEpochsRefusals();
    void reopenKeepsSchema();
    void startingExpandsNeverContracts();
    void expandThenContract();
    void newerSchemaIsRefused();
    void databaseUrls_data();
    void databaseUrls();
    // PostgreSQL only.
    void concurrentOpensMigrateOnce();
    void sessionSettings();
    void tenantLockIsPerTenant();
    void reconnectsAfterConnectionLoss();
    void writeCutOffFailsWhole();
    void unconfirmedCommitIsAnError();
    void standbyIsNotReady();
    void passwordSources();

private:
    // Opens the backend under test at `location` (a file, or a postgresql:// URL).
    std::unique_ptr<Storage> openStorage(const QString &location, Status *status = nullptr,
                                         OpenMode mode = OpenMode::Serve);
    // A database of its own for one test, beside init()'s, with nothing in it.
    QString freshLocation();
    // A database of the first release (schema version 1) with `count` businesses, each with a
    // few ops, written by that release's statements; the op ids per tenant in `pushed`.
    void makeBaseDatabase(const QString &location, int count, QStringList &tenants,
                          QHash<QString, QStringList> &pushed);
    // Runs one statement on `storage` outside the Storage interface.
    Status exec(Storage &storage, const QString &sql, const QVariantList &params = {});
    // Marks the schema as a later release would leave it.
    Status pretendSchema(Storage &storage, int version, int compatibleFrom);
    Result<qint64> rowCount(const QString &table);
    PostgresStorage *postgres() { return dynamic_cast<PostgresStorage *>(m_storage.get()); }
    AuthContext tenant(const QString &email, const QString &device);
    // What a tenant holds apart from its epoch: log, records, audit head, devices, as text.
    QByteArray contents(const AuthContext &ctx);
    // Rows of every table.
    QList<qint64> tableRows();
    // Runs `commit`, whose commit waits for the synchronous standby, and cancels that wait;
    // false when no such wait was seen.
    bool cancelSyncWait(PostgresStorage *pg, const std::function<void()> &commit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    std::vector<std::unique_ptr<PgTestDatabase>> m_morePg;
    QString m_location;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<SyncService> m_service;
};

std::unique_ptr<Storage> TestStorage::openStorage(const QString &location, Status *status,
                                                  OpenMode mode)
{
    Status opened;
    std::unique_ptr<Storage> storage;
    if (usePostgres()) {
        auto pg = std::make_unique<PostgresStorage>();
        opened = pg->open(location, mode);
        storage = std::move(pg);
    } else {
        auto sqlite = std::make_unique<SqliteStorage>();
        opened = sqlite->open(location, mode);
        storage = std::move(sqlite);
    }
    if (status)
        *status = opened;
    if (!opened) {
        qWarning().noquote() << "cannot open" << location << opened.error().toString();
        return nullptr;
    }
    return storage;
}

QString TestStorage::freshLocation()
{
    if (!usePostgres())
        return m_dir->filePath(u"fresh-%1.db"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
    auto db = std::make_unique<PgTestDatabase>();
    if (!db->create()) {
        qWarning().noquote() << "cannot create a database:" << db->error();
        return {};
    }
    const QString url = db->url();
    m_morePg.push_back(std::move(db));
    return url;
}

void TestStorage::makeBaseDatabase(const QString &location, int count, QStringList &tenants,
                                   QHash<QString, QStringList> &pushed)
{
    {
        auto storage = openStorage(location, nullptr, OpenMode::Maintain);
        QVERIFY(storage);
        QVERIFY(storage->migrateTo(Schema::Base).ok());
        auto status = storage->schemaStatus();
        QVERIFY(status.ok());
        QCOMPARE(status->version, Schema::Base);
        QCOMPARE(status->phase, u"base"_s);
        QCOMPARE(status->compatibleFrom, Schema::Base);
        QCOMPARE(status->pending(), QStringList({u"expand"_s, u"contract"_s}));
    }
    LegacyInstance old(location, u"legacy-setup"_s);
    QVERIFY2(old.isOpen(), qPrintable(old.error()));
    for (int i = 0; i < count; ++i) {
        const QString t = u"t%1"_s.arg(i, 3, 10, QChar(u'0'));
        QVERIFY2(old.createTenant(t), qPrintable(old.error()));
        tenants.append(t);
        for (int k = 0; k <= i % 3; ++k) {
            const QString id = old.push(t, u"c%1-%2"_s.arg(i).arg(k));
            QVERIFY2(!id.isEmpty(), qPrintable(old.error()));
            pushed[t].append(id);
        }
    }
}

Status TestStorage::exec(Storage &storage, const QString &sql, const QVariantList &params)
{
    if (auto *pg = dynamic_cast<PostgresStorage *>(&storage)) {
        KONTOR_TRY(pg->exec(sql, params));
        return {};
    }
    KONTOR_TRY(static_cast<SqliteStorage &>(storage).exec(sql, params));
    return {};
}

Status TestStorage::pretendSchema(Storage &storage, int version, int compatibleFrom)
{
    if (usePostgres())
        return exec(storage,
                    u"UPDATE kontor_schema SET version = ?, revision = ?, phase = 'contracted'"_s,
                    {compatibleFrom, version});
    KONTOR_TRY(
        exec(storage, u"UPDATE kontor_schema SET revision = ?, phase = 'contracted'"_s, {version}));
    return exec(storage, u"PRAGMA user_version = %1"_s.arg(compatibleFrom));
}

Result<qint64> TestStorage::rowCount(const QString &table)
{
    if (auto *pg = postgres())
        return pg->rowCount(table);
    return static_cast<SqliteStorage &>(*m_storage).rowCount(table);
}

void TestStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (QTest::currentTestFunction() == "databaseUrls"_ba)
        return; // parsing only
    if (usePostgres()) {
        m_pg = std::make_unique<PgTestDatabase>();
        QVERIFY2(m_pg->create(), qPrintable(m_pg->error()));
        m_location = m_pg->url();
    } else {
        m_location = m_dir->filePath(u"s.db"_s);
    }
    m_storage = openStorage(m_location);
    QVERIFY(m_storage);
    m_service = std::make_unique<SyncService>(*m_storage);
}

void TestStorage::cleanup()
{
    m_service.reset();
    m_storage.reset();
    m_morePg.clear();
    m_pg.reset();
    m_dir.reset();
}

AuthContext TestStorage::tenant(const QString &email, const QString &device)
{
    auto t = m_service->createAccount(email, u"Biz"_s, "hash"_ba, "salt"_ba, 200000);
    Q_ASSERT(t.ok());
    auto account = m_storage->accountByEmail(email);
    Q_ASSERT(account.ok() && account->has_value());
    auto grant = m_service->openSession(**account, email, u"dev"_s, device);
    Q_ASSERT(grant.ok());
    return AuthContext {*t, device};
}

void TestStorage::idempotentPush()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    Sync::PushRequest req {u"dev-a"_s,
                           {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                   {{u"id"_s, u"c1"_s}, {u"name"_s, u"Rossi"_s}}),
                            makeOp(u"op-2"_s, u"dev-a"_s, 2, u"customer"_s, u"c1"_s, u"update"_s,
                                   {{u"name"_s, u"Rossi Srl"_s}})}};
    auto first = m_service->push(a, req);
    QVERIFY(first.ok());
    QCOMPARE(first->head.seq, 2);
    QCOMPARE(first->results.at(0).seq, 1);
    QCOMPARE(first->results.at(1).seq, 2);
    auto second = m_service->push(a, req);
    QVERIFY(second.ok());
    QCOMPARE(second->head.seq, 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(second->results.at(i).duplicate);
        QCOMPARE(second->results.at(i).seq, first->results.at(i).seq);
    }
    QCOMPARE(rowCount(u"ops"_s).value(), 2);
    auto page = m_service->pull(a, first->head.epoch, 0, 10);
    QVERIFY(page.ok());
    QCOMPARE(page->ops.size(), 2);
    QCOMPARE(page->ops.at(1).fields.value(u"name"_s).toString(), u"Rossi Srl"_s);
    auto verify = m_service->verifyAudit(a);
    QVERIFY(verify.ok());
    QVERIFY2(verify->ok, qPrintable(verify->problems.join(u"; "_s)));
    QCOMPARE(verify->entries, 2);
}

void TestStorage::rejectedOpLeavesNoTrace()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    // A customer without a name breaks validateCustomer; a payment update is never allowed.
    Sync::PushRequest req {
        u"dev-a"_s,
        {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                {{u"id"_s, u"c1"_s}, {u"name"_s, u""_s}}),
         makeOp(u"op-2"_s, u"dev-a"_s, 2, u"payment"_s, u"p1"_s, u"update"_s, {{u"amount"_s, 5}})}};
    auto r = m_service->push(a, req);
    QVERIFY(r.ok());
    QCOMPARE(r->results.at(0).status, Sync::OpStatus::Rejected);
    QCOMPARE(r->results.at(0).field, u"name"_s);
    QCOMPARE(r->results.at(1).rule, u"immutable-document"_s);
    QCOMPARE(r->head.seq, 0);
    QCOMPARE(rowCount(u"ops"_s).value(), 0);
    QCOMPARE(rowCount(u"records"_s).value(), 0);
    QCOMPARE(rowCount(u"audit"_s).value(), 0);
    // The refusal is remembered: a retry gets the same answer.
    auto again = m_service->push(a, req);
    QVERIFY(again->results.at(0).duplicate);
    QCOMPARE(again->results.at(0).rule, r->results.at(0).rule);
}

void TestStorage::leaseAndGapless()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    auto created = m_service->push(a,
                                   {u"dev-a"_s,
                                    {makeOp(u"op-s"_s, u"dev-a"_s, 1, u"series"_s, u"s1"_s,
                                            u"create"_s, seriesFields(u"s1"_s, u"dev-a"_s))}});
    QVERIFY(created.ok());
    QCOMPARE(created->results.at(0).status, Sync::OpStatus::Accepted);

    const AuthContext phone {a.tenantId, u"dev-b"_s};
    auto held = m_service->lease(phone, u"s1"_s, false);
    QVERIFY(!held.ok());
    QCOMPARE(held.error().rule, u"series-held"_s);
    held = m_service->lease(phone, u"s1"_s, true);
    QVERIFY(held.ok());
    QCOMPARE(held->holderDeviceId, u"dev-b"_s);
    QCOMPARE(held->nextNumber, 1);
    auto released = m_service->release(a, u"s1"_s);
    QCOMPARE(released.error().rule, u"series-not-held"_s);
    auto head = m_storage->head(a.tenantId);
    QCOMPARE(head->seq, 2); // the grant is an op
    auto ops = m_storage->opsAfter(a.tenantId, 1, 10);
    QCOMPARE(ops->at(0).deviceId, u"server"_s);
    QCOMPARE(ops->at(0).fields.value(u"holderDeviceId"_s).toString(), u"dev-b"_s);
    auto snapshot = m_service->snapshot(a, {}, 10);
    QVERIFY(snapshot.ok());
    QCOMPARE(snapshot->records.at(0).fields.value(u"holderDeviceId"_s).toString(), u"dev-b"_s);
    QCOMPARE(snapshot->at.seq, 2);
}

void TestStorage::tenantIsolation()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const AuthContext b = tenant(u"b@example.com"_s, u"dev-b"_s);
    QVERIFY(m_service
                ->push(b,
                       {u"dev-b"_s,
                        {makeOp(u"op-1"_s, u"dev-b"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                {{u"id"_s, u"c1"_s}, {u"name"_s, u"B's customer"_s}})}})
                .ok());
    // The same op id and record id in tenant A are A's own.
    auto r = m_service->push(a,
                             {u"dev-a"_s,
                              {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                      {{u"id"_s, u"c1"_s}, {u"name"_s, u"A's customer"_s}})}});
    QVERIFY(r.ok());
    QVERIFY(!r->results.at(0).duplicate);
    QCOMPARE(r->results.at(0).seq, 1);
    auto snapA = m_service->snapshot(a, {}, 10);
    auto snapB = m_service->snapshot(b, {}, 10);
    QCOMPARE(snapA->records.size(), 1);
    QCOMPARE(snapA->records.at(0).fields.value(u"name"_s).toString(), u"A's customer"_s);
    QCOMPARE(snapB->records.at(0).fields.value(u"name"_s).toString(), u"B's customer"_s);
    QVERIFY(!m_service->revokeDevice(a, u"dev-b"_s).ok());
    QCOMPARE(m_service->devices(a)->size(), 1);
    QCOMPARE(m_service->lease(a, u"s-of-b"_s, true).error().rule, u"unknown-series"_s);
    QVERIFY(m_storage->head(a.tenantId)->epoch != m_storage->head(b.tenantId)->epoch);
}

QByteArray TestStorage::contents(const AuthContext &ctx)
{
    QJsonObject o;
    auto head = m_storage->head(ctx.tenantId);
    auto audit = m_storage->auditHead(ctx.tenantId);
    auto ops = m_storage->opsAfter(ctx.tenantId, 0, 1000);
    auto snapshot = m_service->snapshot(ctx, {}, 2000);
    auto devices = m_storage->devices(ctx.tenantId);
    if (!head || !audit || !ops || !snapshot || !devices)
        return "unreadable";
    o.insert(u"seq"_s, head->seq);
    o.insert(u"auditSeq"_s, audit->seq);
    o.insert(u"auditHash"_s, audit->hash);
    QJsonArray log;
    for (const Sync::Op &op : std::as_const(*ops))
        log.append(Sync::toJson(op));
    o.insert(u"ops"_s, log);
    QJsonArray records;
    for (const Sync::SnapshotRecord &r : std::as_const(snapshot->records))
        records.append(QJsonObject {{u"entity"_s, r.entity},
                                    {u"id"_s, r.id},
                                    {u"fields"_s, r.fields},
                                    {u"clocks"_s, r.clocks}});
    o.insert(u"records"_s, records);
    o.insert(u"at"_s, snapshot->at.seq);
    QJsonArray devs;
    for (const DeviceRecord &d : std::as_const(*devices))
        devs.append(QJsonArray {d.id, d.name, d.revokedAt});
    o.insert(u"devices"_s, devs);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QList<qint64> TestStorage::tableRows()
{
    QList<qint64> out;
    for (const QString &table :
         {u"tenants"_s, u"accounts"_s, u"devices"_s, u"ops"_s, u"op_results"_s, u"records"_s,
          u"series"_s, u"audit"_s, u"login_attempts"_s})
        out.append(rowCount(table).ok() ? rowCount(table).value() : -1);
    return out;
}

void TestStorage::newEpochsForEveryTenant()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const AuthContext b = tenant(u"b@example.com"_s, u"dev-b"_s);
    const AuthContext c = tenant(u"c@example.com"_s, u"dev-c"_s); // nothing pushed
    // An accepted op, a refused one (its refusal is kept for retries), and a series lease.
    const Sync::PushRequest pushA {
        u"dev-a"_s,
        {makeOp(u"op-a1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                {{u"id"_s, u"c1"_s}, {u"name"_s, u"Rossi"_s}}),
         makeOp(u"op-a2"_s, u"dev-a"_s, 2, u"customer"_s, u"c2"_s, u"create"_s,
                {{u"id"_s, u"c2"_s}, {u"name"_s, u""_s}}),
         makeOp(u"op-a3"_s, u"dev-a"_s, 3, u"series"_s, u"s1"_s, u"create"_s,
                seriesFields(u"s1"_s, u"dev-a"_s))}};
    auto pushedA = m_service->push(a, pushA);
    QVERIFY(pushedA.ok());
    QCOMPARE(pushedA->results.at(1).status, Sync::OpStatus::Rejected);
    QVERIFY(m_service->lease(AuthContext {a.tenantId, u"dev-a2"_s}, u"s1"_s, true).ok());
    const Sync::PushRequest pushB {
        u"dev-b"_s,
        {makeOp(u"op-b1"_s, u"dev-b"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                {{u"id"_s, u"c1"_s}, {u"name"_s, u"B"_s}})}};
    QVERIFY(m_service->push(b, pushB).ok());

    const QList<AuthContext> all {a, b, c};
    QList<Sync::Cursor> before;
    QList<QByteArray> held;
    for (const AuthContext &t : all) {
        before.append(m_storage->head(t.tenantId).value());
        held.append(contents(t));
    }
    const QList<qint64> rows = tableRows();

    QStringList made;
    auto changed = m_storage->newEpochs({}, [&] {
        made.append(SyncService::newEpoch());
        return made.constLast();
    });
    QVERIFY2(changed.ok(), qPrintable(changed ? QString() : changed.error().toString()));
    QCOMPARE(*changed, 3);
    QCOMPARE(made.size(), 3);
    QSet<QString> epochs;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Sync::Cursor now = m_storage->head(all.at(i).tenantId).value();
        QVERIFY(now.epoch != before.at(i).epoch);
        QVERIFY(made.contains(now.epoch));
        QVERIFY(Sync::isValidId(now.epoch));
        QCOMPARE(now.seq, before.at(i).seq);
        epochs.insert(now.epoch);
        // Nothing else changed.
        QCOMPARE(contents(all.at(i)), held.at(i));
    }
    QCOMPARE(epochs.size(), 3); // each tenant its own
    QCOMPARE(tableRows(), rows);

    // A cursor of the old epoch is answered with the new one from the start; the new epoch
    // reads the same log.
    const QString newA = m_storage->head(a.tenantId)->epoch;
    auto page = m_service->pull(a, before.at(0).epoch, before.at(0).seq, 100);
    QVERIFY(page.ok());
    QVERIFY(page->epochChanged);
    QCOMPARE(page->next.epoch, newA);
    QCOMPARE(page->next.seq, 0);
    QVERIFY(page->ops.isEmpty());
    page = m_service->pull(a, newA, 0, 100);
    QVERIFY(page.ok());
    QVERIFY(!page->epochChanged);
    QCOMPARE(page->ops.size(), 3); // c1, the series, the lease grant
    QCOMPARE(page->ops.at(0).opId, u"op-a1"_s);

    // Ops sent again under the new epoch: those the database has are answered with their first
    // result (accepted or refused), a new one continues the log and the audit chain.
    auto again = m_service->push(a, pushA);
    QVERIFY(again.ok());
    QCOMPARE(again->head.epoch, newA);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(again->results.at(i).duplicate);
        QCOMPARE(again->results.at(i).status, pushedA->results.at(i).status);
        QCOMPARE(again->results.at(i).seq, pushedA->results.at(i).seq);
        QCOMPARE(again->results.at(i).rule, pushedA->results.at(i).rule);
    }
    auto fresh
        = m_service->push(a,
                          {u"dev-a"_s,
                           {makeOp(u"op-a4"_s, u"dev-a"_s, 4, u"customer"_s, u"c3"_s, u"create"_s,
                                   {{u"id"_s, u"c3"_s}, {u"name"_s, u"New"_s}})}});
    QVERIFY(fresh.ok());
    QVERIFY(!fresh->results.at(0).duplicate);
    QCOMPARE(fresh->results.at(0).seq, before.at(0).seq + 1);
    QCOMPARE(fresh->head, (Sync::Cursor {newA, before.at(0).seq + 1}));
    auto verify = m_service->verifyAudit(a);
    QVERIFY(verify.ok());
    QVERIFY2(verify->ok, qPrintable(verify->problems.join(u"; "_s)));
    QCOMPARE(verify->entries, before.at(0).seq + 1);

    if (auto *pg = postgres()) {
        // Another instance on the database hears of every tenant, as of a push, so its waiting
        // long-polls are answered (with epochChanged) at once.
        auto other = openStorage(m_location);
        QVERIFY(other);
        QStringList told;
        other->setTenantAdvancedHandler([&](const QString &t) { told.append(t); });
        auto changedAgain = pg->newEpochs({}, [] { return SyncService::newEpoch(); });
        QVERIFY(changedAgain.ok());
        QTRY_COMPARE_WITH_TIMEOUT(QSet<QString>(told.cbegin(), told.cend()),
                                  (QSet<QString> {a.tenantId, b.tenantId, c.tenantId}), 20000);
        // The other instance reads the new epoch on its next call: nothing is cached.
        QCOMPARE(other->head(a.tenantId)->epoch, m_storage->head(a.tenantId)->epoch);
    }
}

void TestStorage::newEpochsForOneTenant()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const AuthContext b = tenant(u"b@example.com"_s, u"dev-b"_s);
    for (const AuthContext &t : {a, b})
        QVERIFY(m_service
                    ->push(t,
                           {t.deviceId,
                            {makeOp(u"op-1"_s, t.deviceId, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                    {{u"id"_s, u"c1"_s}, {u"name"_s, u"C"_s}})}})
                    .ok());
    const Sync::Cursor headA = m_storage->head(a.tenantId).value();
    const Sync::Cursor headB = m_storage->head(b.tenantId).value();
    const QByteArray heldA = contents(a);
    const QByteArray heldB = contents(b);
    const QList<qint64> rows = tableRows();

    int calls = 0;
    auto changed = m_storage->newEpochs(b.tenantId, [&] {
        ++calls;
        return SyncService::newEpoch();
    });
    QVERIFY2(changed.ok(), qPrintable(changed ? QString() : changed.error().toString()));
    QCOMPARE(*changed, 1);
    QCOMPARE(calls, 1);
    QCOMPARE(m_storage->head(a.tenantId).value(), headA); // untouched
    const Sync::Cursor nowB = m_storage->head(b.tenantId).value();
    QVERIFY(nowB.epoch != headB.epoch);
    QCOMPARE(nowB.seq, headB.seq);
    QCOMPARE(contents(a), heldA);
    QCOMPARE(contents(b), heldB);
    QCOMPARE(tableRows(), rows);
    QVERIFY(!m_service->pull(a, headA.epoch, headA.seq, 10)->epochChanged);
    QVERIFY(m_service->pull(b, headB.epoch, headB.seq, 10)->epochChanged);
}

void TestStorage::newEpochsRefusals()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const AuthContext b = tenant(u"b@example.com"_s, u"dev-b"_s);
    const QString epochA = m_storage->head(a.tenantId)->epoch;
    const QString epochB = m_storage->head(b.tenantId)->epoch;
    auto unchanged = [&] {
        return m_storage->head(a.tenantId)->epoch == epochA
            && m_storage->head(b.tenantId)->epoch == epochB;
    };

    // A tenant that does not exist: named in the error, and nothing changes.
    int calls = 0;
    auto counted = [&] {
        ++calls;
        return SyncService::newEpoch();
    };
    auto r = m_storage->newEpochs(u"no-such-tenant"_s, counted);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    QCOMPARE(r.error().rule, u"no-tenant"_s);
    QVERIFY2(r.error().message.contains(u"'no-such-tenant'"_s), qPrintable(r.error().message));
    QCOMPARE(calls, 0);
    QVERIFY(unchanged());

    // One bad epoch refuses the whole run: the tenant before it keeps its epoch too.
    int n = 0;
    r = m_storage->newEpochs({},
                             [&] { return ++n == 1 ? SyncService::newEpoch() : u"not an id"_s; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().rule, u"bad-epoch"_s);
    QCOMPARE(n, 2);
    QVERIFY(unchanged());
    // The same epoch again is no new epoch.
    r = m_storage->newEpochs(a.tenantId, [&] { return epochA; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().rule, u"same-epoch"_s);
    QVERIFY(unchanged());

    // After the refusals the storage works as before.
    r = m_storage->newEpochs({}, counted);
    QVERIFY(r.ok());
    QCOMPARE(*r, 2);
    QVERIFY(m_storage->head(a.tenantId)->epoch != epochA);
    QVERIFY(m_storage->head(b.tenantId)->epoch != epochB);
    QVERIFY(m_service
                ->push(a,
                       {u"dev-a"_s,
                        {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                {{u"id"_s, u"c1"_s}, {u"name"_s, u"C"_s}})}})
                .ok());
}

void TestStorage::reopenKeepsSchema()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const QString epoch = m_storage->head(a.tenantId)->epoch;
    m_service.reset();
    m_storage = openStorage(m_location);
    QVERIFY(m_storage);
    QCOMPARE(m_storage->head(a.tenantId)->epoch, epoch);
    // A new database is created at the expanded version, like one a starting instance expands;
    // what the first release reads as the version (compatibleFrom) lets it start there too.
    auto status = m_storage->schemaStatus();
    QVERIFY(status.ok());
    QCOMPARE(status->version, Schema::Expanded);
    QCOMPARE(status->phase, u"expanded"_s);
    QCOMPARE(status->compatibleFrom, Schema::Base);
    if (auto *pg = postgres()) {
        auto v = pg->exec(u"SELECT version, revision FROM kontor_schema"_s);
        QVERIFY(v->next());
        QCOMPARE(v->value(0).toInt(), Schema::Base);
        QCOMPARE(v->value(1).toInt(), Schema::Expanded);
        QVERIFY(!v->next());
    } else {
        auto v = static_cast<SqliteStorage &>(*m_storage).exec(u"PRAGMA user_version"_s);
        QVERIFY(v->next());
        QCOMPARE(v->value(0).toInt(), Schema::Base);
    }
    m_service = std::make_unique<SyncService>(*m_storage);
}

void TestStorage::startingExpandsNeverContracts()
{
    const QString location = freshLocation();
    QVERIFY(!location.isEmpty());
    QStringList tenants;
    QHash<QString, QStringList> pushed;
    makeBaseDatabase(location, 5, tenants, pushed);
    if (QTest::currentTestFailed())
        return;
    // An instance of this release starting on it applies the expand, and only that.
    auto storage = openStorage(location);
    QVERIFY(storage);
    auto status = storage->schemaStatus();
    QCOMPARE(status->version, Schema::Expanded);
    QCOMPARE(status->pending(), QStringList({u"contract"_s}));
    LegacyInstance old(location, u"legacy-check"_s);
    SyncService service(*storage);
    for (const QString &t : std::as_const(tenants)) {
        QCOMPARE(storage->auditHead(t)->hash, old.auditHead(t));
        QCOMPARE(storage->auditHead(t)->seq, pushed.value(t).size());
        auto verify = service.verifyAudit({t, u"dev-new"_s});
        QVERIFY2(verify->ok, qPrintable(verify->problems.join(u"; "_s)));
    }
    // Starting again changes nothing.
    storage.reset();
    storage = openStorage(location);
    QVERIFY(storage);
    QCOMPARE(storage->schemaStatus()->version, Schema::Expanded);
}

void TestStorage::expandThenContract()
{
    const QString location = freshLocation();
    QVERIFY(!location.isEmpty());
    QStringList tenants;
    QHash<QString, QStringList> pushed; // op ids per tenant, as their pushes were answered
    makeBaseDatabase(location, 20, tenants, pushed);
    if (QTest::currentTestFailed())
        return;
    auto storage = openStorage(location, nullptr, OpenMode::Maintain);
    QVERIFY(storage);
    LegacyInstance old(location, u"legacy-a"_s);
    QVERIFY2(old.isOpen(), qPrintable(old.error()));
    // What the first release reads before the expand.
    QHash<QString, QString> headsBefore;
    QHash<QString, QStringList> logBefore;
    auto logOf = [&storage](const QString &tenant) {
        QStringList ids;
        const auto ops = storage->opsAfter(tenant, 0, 1000);
        for (qsizetype i = 0; ops.ok() && i < ops->size(); ++i)
            ids.append(ops->at(i).seq == i + 1 ? ops->at(i).opId : u"gap"_s);
        return ids;
    };
    for (const QString &t : std::as_const(tenants)) {
        headsBefore.insert(t, old.auditHead(t));
        logBefore.insert(t, logOf(t));
        QCOMPARE(logBefore.value(t), pushed.value(t));
    }

    // The expand, in batches of three tenants, while a second instance of the first release
    // pushes from a thread and a connection of its own all along, and this one pushes and signs
    // a business up between every two batches.
    std::atomic<bool> stop = false;
    std::atomic<int> concurrentPushes = 0;
    std::atomic<bool> writerFailed = false;
    QStringList concurrentErrors; // the writer's until it is joined
    QHash<QString, QStringList> concurrentPushed;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        LegacyInstance other(location, u"legacy-b"_s);
        for (int n = 0; !stop; ++n) {
            const QString t = tenants.at(n % tenants.size());
            const QString id = other.push(t, u"w%1"_s.arg(n));
            if (id.isEmpty()) {
                concurrentErrors.append(other.error());
                writerFailed = true;
                return;
            }
            concurrentPushed[t].append(id);
            ++concurrentPushes;
            // SQLite's busy handler polls: a writer that takes the lock again at once could
            // starve the migration. A real instance writes when a client pushes.
            if (!usePostgres())
                QThread::msleep(2);
        }
    }));
    writer->start();
    QTRY_VERIFY_WITH_TIMEOUT(concurrentPushes > 0 || writerFailed, 20000);
    QStringList errors;
    QStringList signedUp;
    int batches = 0;
    MigrationOptions options;
    options.batchSize = 3;
    options.afterBatch = [&](const MigrationProgress &progress) {
        ++batches;
        if (progress.step != u"backfill")
            errors.append(u"unexpected step "_s + progress.step);
        // The other instance lands a push between every two batches, whatever the scheduler.
        const int seen = concurrentPushes;
        QTRY_VERIFY_WITH_TIMEOUT(concurrentPushes > seen || writerFailed, 20000);
        const QString t = tenants.at(batches % tenants.size());
        const QString id = old.push(t, u"b%1"_s.arg(batches));
        if (id.isEmpty())
            errors.append(old.error());
        else
            pushed[t].append(id);
        const QString late = u"n%1"_s.arg(batches, 3, 10, QChar(u'0'));
        if (old.createTenant(late))
            signedUp.append(late);
        else
            errors.append(old.error());
    };
    const Status expanded = storage->migrateTo(Schema::Expanded, options);
    stop = true;
    QVERIFY(writer->wait(60000));
    QVERIFY2(expanded.ok(), qPrintable(expanded.ok() ? QString() : expanded.error().message));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QVERIFY2(concurrentErrors.isEmpty(), qPrintable(concurrentErrors.join(u"\n"_s)));
    QVERIFY(batches >= 20 / 3);
    for (auto it = concurrentPushed.cbegin(); it != concurrentPushed.cend(); ++it)
        pushed[it.key()] += it.value();
    tenants += signedUp;

    auto status = storage->schemaStatus();
    QCOMPARE(status->version, Schema::Expanded);
    QCOMPARE(status->phase, u"expanded"_s);
    QCOMPARE(status->compatibleFrom, Schema::Base); // the first release may still start
    QCOMPARE(status->pending(), QStringList({u"contract"_s}));

    // Every op either old instance had answered is in the log once, gapless, nothing else is;
    // what was there before reads the same; this release reads the chain heads the first one
    // wrote, and the chains verify.
    SyncService service(*storage);
    auto checkAll = [&] {
        for (const QString &t : std::as_const(tenants)) {
            const QStringList log = logOf(t);
            QVERIFY2(!log.contains(u"gap"_s), qPrintable(t));
            QCOMPARE(QSet<QString>(log.cbegin(), log.cend()).size(), log.size());
            QStringList expected = pushed.value(t);
            QStringList sorted = log;
            std::sort(expected.begin(), expected.end());
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(sorted, expected);
            QCOMPARE(log.mid(0, logBefore.value(t).size()), logBefore.value(t));
            auto head = storage->auditHead(t);
            QVERIFY(head.ok());
            QCOMPARE(head->seq, log.size());
            auto verify = service.verifyAudit({t, u"dev-new"_s});
            QVERIFY(verify.ok());
            QVERIFY2(verify->ok, qPrintable(t + u": "_s + verify->problems.join(u"; "_s)));
            QCOMPARE(verify->entries, log.size());
        }
    };
    checkAll();
    if (QTest::currentTestFailed())
        return;
    for (const QString &t : std::as_const(tenants)) {
        QCOMPARE(storage->auditHead(t)->hash, old.auditHead(t));
        if (pushed.value(t) == logBefore.value(t))
            QCOMPARE(old.auditHead(t), headsBefore.value(t));
    }

    // Both releases on one tenant, turn by turn: each builds its chain entry on the other's.
    const QString shared = tenants.first();
    qint64 newSeq = 0;
    auto newPush = [&](Storage &on, const QString &tenant, const QString &customer) {
        ++newSeq;
        SyncService s(on);
        auto r
            = s.push({tenant, u"dev-new"_s},
                     {u"dev-new"_s,
                      {makeOp(u"new-"_s + QUuid::createUuid().toString(QUuid::Id128), u"dev-new"_s,
                              newSeq, u"customer"_s, customer, u"create"_s,
                              {{u"id"_s, customer}, {u"name"_s, QString(u"New "_s + customer)}})}});
        if (!r.ok() || r->results.at(0).status != Sync::OpStatus::Accepted)
            return QString();
        pushed[tenant].append(r->results.at(0).opId);
        return r->results.at(0).opId;
    };
    for (int round = 0; round < 3; ++round) {
        QVERIFY(!newPush(*storage, shared, u"mixed-new-%1"_s.arg(round)).isEmpty());
        QCOMPARE(old.auditHead(shared), storage->auditHead(shared)->hash);
        const QString id = old.push(shared, u"mixed-old-%1"_s.arg(round));
        QVERIFY2(!id.isEmpty(), qPrintable(old.error()));
        pushed[shared].append(id);
        QCOMPARE(storage->auditHead(shared)->hash, old.auditHead(shared));
    }
    // A business signed up by the first release (no audit_head_hash in its INSERT) is read and
    // written by this one.
    QVERIFY2(old.createTenant(u"late"_s), qPrintable(old.error()));
    tenants.append(u"late"_s);
    QCOMPARE(storage->auditHead(u"late"_s)->seq, 0);
    QCOMPARE(storage->auditHead(u"late"_s)->hash, QString());
    QVERIFY(!newPush(*storage, u"late"_s, u"late-1"_s).isEmpty());
    QCOMPARE(old.auditHead(u"late"_s), storage->auditHead(u"late"_s)->hash);
    checkAll();
    if (QTest::currentTestFailed())
        return;

    // The contract, once every instance runs this release: this one keeps pushing from a
    // second connection while it runs.
    QHash<QString, QString> headsBeforeContract;
    for (const QString &t : std::as_const(tenants))
        headsBeforeContract.insert(t, storage->auditHead(t)->hash);
    auto second = openStorage(location);
    QVERIFY(second);
    QSet<QString> touched;
    batches = 0;
    MigrationOptions contractOptions;
    contractOptions.batchSize = 4;
    contractOptions.afterBatch = [&](const MigrationProgress &progress) {
        ++batches;
        if (progress.step != u"check")
            errors.append(u"unexpected step "_s + progress.step);
        const QString t = tenants.at((batches * 7) % tenants.size());
        if (newPush(*second, t, u"during-contract-%1"_s.arg(batches)).isEmpty())
            errors.append(u"a push during the contract failed"_s);
        touched.insert(t);
    };
    const Status contracted = storage->migrateTo(Schema::Contracted, contractOptions);
    QVERIFY2(contracted.ok(), qPrintable(contracted.ok() ? QString() : contracted.error().message));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QVERIFY(batches > 0);
    status = storage->schemaStatus();
    QCOMPARE(status->version, Schema::Contracted);
    QCOMPARE(status->phase, u"contracted"_s);
    QCOMPARE(status->compatibleFrom, Schema::Contracted); // the first release is refused now
    QVERIFY(status->pending().isEmpty());
    checkAll();
    if (QTest::currentTestFailed())
        return;
    for (const QString &t : std::as_const(tenants))
        if (!touched.contains(t))
            QCOMPARE(storage->auditHead(t)->hash, headsBeforeContract.value(t));

    // The first release's statements name a column that is gone: why the contract waits for
    // every instance to be replaced.
    QVERIFY(old.push(shared, u"too-late"_s).isEmpty());
    QVERIFY2(old.error().contains(u"audit_head"_s), qPrintable(old.error()));
    // This release carries on, on the connection that was open throughout and on a new one.
    QVERIFY(!newPush(*second, shared, u"after-1"_s).isEmpty());
    second.reset();
    storage.reset();
    storage = openStorage(location);
    QVERIFY(storage);
    QCOMPARE(storage->schemaStatus()->version, Schema::Contracted);
    QVERIFY(!newPush(*storage, shared, u"after-2"_s).isEmpty());
    SyncService after(*storage);
    auto verify = after.verifyAudit({shared, u"dev-new"_s});
    QVERIFY2(verify->ok, qPrintable(verify->problems.join(u"; "_s)));
    QCOMPARE(verify->entries, pushed.value(shared).size());
}

void TestStorage::newerSchemaIsRefused()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    // As a later release would leave the database after its contract: version 5, usable only by
    // a release that knows version 5.
    QVERIFY(pretendSchema(*m_storage, 5, 5).ok());
    Status status;
    QVERIFY(!openStorage(m_location, &status));
    QCOMPARE(status.error().rule, u"newer-schema"_s);
    QVERIFY2(status.error().message.contains(u"schema version 5"_s)
                 && status.error().message.contains(u"knows up to %1"_s.arg(Schema::Latest)),
             qPrintable(status.error().message));
    auto maintain = openStorage(m_location, nullptr, OpenMode::Maintain);
    QVERIFY(maintain);
    auto shown = maintain->schemaStatus();
    QCOMPARE(shown->version, 5);
    QCOMPARE(shown->phase, u"newer"_s);
    QVERIFY(!shown->usable());
    const Status migrated = maintain->migrateTo(Schema::Contracted);
    QVERIFY(!migrated.ok());
    QCOMPARE(migrated.error().rule, u"newer-schema"_s);

    // After a later release's expand (version 4, still usable from version 3), this release
    // starts and changes nothing.
    QVERIFY(pretendSchema(*m_storage, 4, Schema::Latest).ok());
    auto storage = openStorage(m_location, &status);
    QVERIFY2(storage, qPrintable(status ? QString() : status.error().message));
    QCOMPARE(storage->schemaStatus()->version, 4);
    QCOMPARE(storage->head(a.tenantId)->seq, 0);
}

void TestStorage::databaseUrls_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("sqlite file") << u"/var/lib/kontor/syncd.db"_s << QString();
    QTest::newRow("relative sqlite file") << u"syncd.db"_s << QString();
    QTest::newRow("full url") << u"postgresql://kontor:s%40cret@db.example:6432/kontor"
                                 "?sslmode=require&connect_timeout=3"_s
                              << QString();
    QTest::newRow("short scheme") << u"postgres://kontor@127.0.0.1/kontor"_s << QString();
    QTest::newRow("socket dir") << u"postgresql:///kontor?host=/run/postgresql"_s << QString();
    QTest::newRow("other scheme") << u"mysql://kontor@db/kontor"_s
                                  << u"unsupported database URL scheme 'mysql'"_s;
    QTest::newRow("no slashes") << u"postgresql:kontor@db/kontor"_s << u"expected postgresql://"_s;
    QTest::newRow("bad port") << u"postgresql://kontor:hunter2@db:99999/kontor"_s
                              << u"not a valid URL"_s;
    QTest::newRow("port zero") << u"postgresql://kontor@db:0/kontor"_s << u"port"_s;
    QTest::newRow("no database") << u"postgresql://kontor@db:5432"_s
                                 << u"the URL names no database"_s;
    QTest::newRow("no database, slash")
        << u"postgresql://kontor@db:5432/"_s << u"the URL names no database"_s;
    QTest::newRow("unknown parameter")
        << u"postgresql://kontor@db/kontor?sslmod=require"_s << u"unknown URL parameter 'sslmod'"_s;
    QTest::newRow("empty parameter")
        << u"postgresql://kontor@db/kontor?sslmode="_s << u"'sslmode' has no value"_s;
    QTest::newRow("port as parameter")
        << u"postgresql://kontor@db/kontor?port=5432"_s << u"put the port in the URL itself"_s;
    QTest::newRow("two passwords")
        << u"postgresql://kontor:x@db/kontor?password_file=/etc/pw"_s << u"not both"_s;
    QTest::newRow("missing password file")
        << u"postgresql://kontor@db/kontor?password_file=/nonexistent/kontor-pw"_s
        << u"cannot read password_file /nonexistent/kontor-pw"_s;
    QTest::newRow("two hosts") << u"postgresql://kontor@db/kontor?host=/run/postgresql"_s
                               << u"the host is given twice"_s;
}

void TestStorage::databaseUrls()
{
    QFETCH(QString, database);
    QFETCH(QString, error);
    // kontor-syncd checks the setting before it starts: a bad URL stops it with one message.
    auto config = ServerConfig::fromArguments({u"kontor-syncd"_s, u"--database"_s, database});
    if (error.isEmpty()) {
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->database, database);
    } else {
        QVERIFY(!config.ok());
        QCOMPARE(config.error().field, u"database"_s);
        QCOMPARE(config.error().rule, u"bad-config"_s);
        QVERIFY2(config.error().message.contains(error), qPrintable(config.error().message));
        QVERIFY2(!config.error().message.contains(u"hunter2"_s), "the password leaked");
    }
    if (!PostgresStorage::isUrl(database))
        return;
    auto url = PostgresStorage::parseUrl(database);
    QCOMPARE(url.ok(), error.isEmpty());
    if (QTest::currentDataTag() == "full url"_ba) {
        QCOMPARE(url->host, u"db.example"_s);
        QCOMPARE(url->port, 6432);
        QCOMPARE(url->user, u"kontor"_s);
        QCOMPARE(url->password, u"s@cret"_s);
        QCOMPARE(url->database, u"kontor"_s);
        QVERIFY(url->options.contains(std::pair(u"sslmode"_s, u"require"_s)));
        QVERIFY(url->options.contains(std::pair(u"connect_timeout"_s, u"3"_s)));
        QVERIFY(!url->redacted.contains(u"cret"_s));
        QVERIFY(url->redacted.contains(u"db.example:6432/kontor"_s));
    }
}

void TestStorage::concurrentOpensMigrateOnce()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only: SQLite has one writer per file");
    PgTestDatabase fresh;
    QVERIFY2(fresh.create(), qPrintable(fresh.error()));
    // Several instances starting at once against an empty database: one migrates, the others
    // wait on the advisory lock and find the schema done.
    constexpr int Instances = 4;
    std::latch start(Instances);
    std::atomic<int> opened = 0;
    QStringList failures;
    QMutex failuresLock;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Instances; ++i) {
        threads.emplace_back(QThread::create([&] {
            PostgresStorage storage;
            start.arrive_and_wait();
            const Status s = storage.open(fresh.url());
            if (s) {
                ++opened;
            } else {
                QMutexLocker locked(&failuresLock);
                failures.append(s.error().message);
            }
        }));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(60000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"\n"_s)));
    QCOMPARE(opened.load(), Instances);
    PostgresStorage check;
    QVERIFY(check.open(fresh.url()).ok());
    auto v = check.exec(u"SELECT revision FROM kontor_schema"_s);
    QVERIFY(v->next());
    QCOMPARE(v->value(0).toInt(), Schema::Expanded);
    QVERIFY(!v->next());
}

void TestStorage::sessionSettings()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    auto setting = [](PostgresStorage &pg, const QString &name) {
        auto q = pg.exec(u"SELECT current_setting(?)"_s, {name});
        return q && q->next() ? q->value(0).toString() : QString();
    };
    QCOMPARE(setting(*postgres(), u"lock_timeout"_s), u"10s"_s);
    QCOMPARE(setting(*postgres(), u"application_name"_s), u"kontor-syncd"_s);
    // The URL's options come after the defaults, so they win.
    PostgresStorage custom;
    QVERIFY(custom.open(m_location + u"?options=-c%20lock_timeout%3D3s&application_name=zone-2"_s)
                .ok());
    QCOMPARE(setting(custom, u"lock_timeout"_s), u"3s"_s);
    QCOMPARE(setting(custom, u"application_name"_s), u"zone-2"_s);
}

void TestStorage::tenantLockIsPerTenant()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const AuthContext b = tenant(u"b@example.com"_s, u"dev-b"_s);
    // A second instance on the same database, waiting at most 200 ms for a lock.
    PostgresStorage other;
    QVERIFY(other.open(m_location + u"?options=-c%20lock_timeout%3D200ms"_s).ok());
    {
        auto holding = m_storage->beginWrite(a.tenantId);
        QVERIFY(holding.ok());
        // Tenant A's writer waits for the holder, and gives up with a retryable error.
        auto blocked = other.beginWrite(a.tenantId);
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().rule, u"database-unavailable"_s);
        // Tenant B's writers do not wait for tenant A's.
        auto elsewhere = other.beginWrite(b.tenantId);
        QVERIFY(elsewhere.ok());
        QVERIFY((*elsewhere)->commit().ok());
        // Reads do not wait either, nor does a device of tenant A signing in: the foreign-key
        // check of its row only shares the tenant row's key (FOR NO KEY UPDATE allows that).
        QVERIFY(other.head(a.tenantId).ok());
        const DeviceRecord phone {a.tenantId, u"dev-a2"_s, u"phone"_s, 1, 1, 0};
        QVERIFY(other.upsertDevice(phone, "token-of-dev-a2"_ba).ok());
        QVERIFY((*holding)->commit().ok());
    }
    auto after = other.beginWrite(a.tenantId);
    QVERIFY(after.ok());
    QVERIFY((*after)->commit().ok());
}

void TestStorage::reconnectsAfterConnectionLoss()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const int pid = postgres()->backendPid();
    QVERIFY(pid > 0);
    QVERIFY(m_pg->admin(u"SELECT pg_terminate_backend(?)"_s, {pid}).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_pg->admin(u"SELECT count(*) FROM pg_stat_activity WHERE pid = ?"_s, {pid}).toBool(),
        10000);
    // Either the loss was noticed while idle, or the first call finds it and fails, for the
    // client to retry; after that the storage is connected again.
    auto first = m_storage->head(a.tenantId);
    if (!first)
        QCOMPARE(first.error().rule, u"database-unavailable"_s);
    auto second = m_storage->head(a.tenantId);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
    QVERIFY(postgres()->backendPid() != pid);
    auto pushed
        = m_service->push(a,
                          {u"dev-a"_s,
                           {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s, u"create"_s,
                                   {{u"id"_s, u"c1"_s}, {u"name"_s, u"R"_s}})}});
    QVERIFY(pushed.ok());
    QCOMPARE(pushed->head.seq, 1);
    QVERIFY(m_storage->ping().ok());
}

void TestStorage::writeCutOffFailsWhole()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    {
        auto write = m_storage->beginWrite(a.tenantId);
        QVERIFY(write.ok());
        RecordState state;
        state.exists = true;
        state.fields = {{u"id"_s, u"c1"_s}, {u"name"_s, u"R"_s}};
        QVERIFY((*write)->putRecord(u"customer"_s, u"c1"_s, {}, state).ok());
        const int pid = postgres()->backendPid();
        QVERIFY(m_pg->admin(u"SELECT pg_terminate_backend(?)"_s, {pid}).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_pg->admin(u"SELECT count(*) FROM pg_stat_activity WHERE pid = ?"_s, {pid}).toBool(),
            10000);
        // The rest of the transaction fails; it never continues on a new connection.
        const Status put = (*write)->putRecord(u"customer"_s, u"c2"_s, {}, state);
        QVERIFY(!put.ok());
        QCOMPARE(put.error().rule, u"database-unavailable"_s);
        const Status committed = (*write)->commit();
        QVERIFY(!committed.ok());
        QCOMPARE(committed.error().rule, u"database-unavailable"_s);
    }
    // Nothing of it was kept, and the next call works on a new connection.
    QCOMPARE(rowCount(u"records"_s).value(), 0);
    QVERIFY(m_storage->beginWrite(a.tenantId).ok());
}

void TestStorage::unconfirmedCommitIsAnError()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    PostgresStorage *pg = postgres();
    auto names = pg->exec(u"SHOW synchronous_standby_names"_s);
    QVERIFY(names.ok() && names->next());
    if (names->value(0).toString().isEmpty())
        QSKIP("the server names no synchronous standby (pgfixture.sh names one that never "
              "connects)");
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    // From now on this connection's commits wait for the synchronous standby, which never
    // comes; cancelling the wait makes PostgreSQL answer the COMMIT with success and a WARNING
    // ("canceling wait for synchronous replication ... committed locally").
    QVERIFY(pg->exec(u"SET synchronous_commit = on"_s).ok());
    const Sync::PushRequest req {u"dev-a"_s,
                                 {makeOp(u"op-1"_s, u"dev-a"_s, 1, u"customer"_s, u"c1"_s,
                                         u"create"_s, {{u"id"_s, u"c1"_s}, {u"name"_s, u"R"_s}})}};
    Result<Sync::PushResponse> pushed = Error {};
    QVERIFY(cancelSyncWait(pg, [&] { pushed = m_service->push(a, req); }));
    QVERIFY2(!pushed.ok(), "a commit the standby did not confirm was acknowledged");
    QCOMPARE(pushed.error().rule, u"database-unavailable"_s);
    QVERIFY2(pushed.error().message.contains(u"synchronous replication"_s),
             qPrintable(pushed.error().message));
    // It did commit here (the pitfall). The client's retry, on a new connection, is answered
    // from that commit and changes nothing.
    auto retried = m_service->push(a, req);
    QVERIFY(retried.ok());
    QVERIFY(retried->results.at(0).duplicate);
    QCOMPARE(retried->results.at(0).seq, 1);
    QCOMPARE(rowCount(u"ops"_s).value(), 1);

    // A write outside a transaction (a device signing in) commits on its own: the same.
    QVERIFY(pg->exec(u"SET synchronous_commit = on"_s).ok());
    const DeviceRecord phone {a.tenantId, u"dev-b"_s, u"phone"_s, 1, 1, 0};
    Status registered;
    QVERIFY(cancelSyncWait(pg, [&] { registered = m_storage->upsertDevice(phone, "t-b"_ba); }));
    QVERIFY(!registered.ok());
    QCOMPARE(registered.error().rule, u"database-unavailable"_s);
}

bool TestStorage::cancelSyncWait(PostgresStorage *pg, const std::function<void()> &commit)
{
    // Another connection watches for `pg`'s backend to wait for the synchronous standby and
    // cancels that wait; it polls from a thread of its own, since this one is blocked in the
    // commit meanwhile.
    const int pid = pg->backendPid();
    const QString url = m_pg->url();
    std::atomic<bool> cancelled = false;
    std::unique_ptr<QThread> canceller(QThread::create([&] {
        const QString name = u"kontor-test-canceller"_s;
        {
            QSqlDatabase db = Kontor::Test::openPg(url, name);
            QSqlQuery q(db);
            QDeadlineTimer deadline(30000);
            while (!deadline.hasExpired() && !cancelled) {
                q.prepare(u"SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
                          "WHERE pid = ? AND wait_event = 'SyncRep'"_s);
                q.bindValue(0, pid);
                if (q.exec() && q.next() && q.value(0).toBool())
                    cancelled = true;
                else
                    QThread::msleep(20);
            }
            // Never seen waiting: free this thread whatever it waits for (and fail).
            if (!cancelled) {
                q.prepare(u"SELECT pg_cancel_backend(?)"_s);
                q.bindValue(0, pid);
                q.exec();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }));
    canceller->start();
    commit();
    return canceller->wait(60000) && cancelled;
}

void TestStorage::standbyIsNotReady()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    if (m_pg->standbyUrl().isEmpty())
        QSKIP("no standby (KONTOR_TEST_PG_STANDBY_URL)");
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    QVERIFY(m_storage->ping().ok());
    // An instance whose connection ends up on a standby (a demoted leader): it opens, since
    // the schema is there, but is not ready, and refuses to write.
    std::unique_ptr<Storage> standby;
    QTRY_VERIFY_WITH_TIMEOUT(
        (standby = openStorage(m_pg->standbyUrl())) && standby->head(a.tenantId).ok(), 20000);
    const Status ping = standby->ping();
    QVERIFY(!ping.ok());
    QCOMPARE(ping.error().rule, u"database-unavailable"_s);
    QVERIFY2(ping.error().message.contains(u"standby"_s), qPrintable(ping.error().message));
    auto write = standby->beginWrite(a.tenantId);
    QVERIFY(!write.ok());
    QCOMPARE(write.error().rule, u"database-unavailable"_s);
}

void TestStorage::passwordSources()
{
    if (!usePostgres())
        QSKIP("PostgreSQL only");
    const QString user = Kontor::Test::pgSetting(u"KONTOR_TEST_PG_APP_USER"_s);
    const QString password = Kontor::Test::pgSetting(u"KONTOR_TEST_PG_APP_PASSWORD"_s);
    if (user.isEmpty() || password.isEmpty())
        QSKIP("no role with a password (KONTOR_TEST_PG_APP_USER, KONTOR_TEST_PG_APP_PASSWORD)");
    PgTestDatabase owned;
    QVERIFY2(owned.create(user), qPrintable(owned.error()));
    QUrl url(owned.url());
    url.setUserName(user);
    url.setPassword({});

    QUrl wrong = url;
    wrong.setPassword(u"not-the-password"_s);
    Status status;
    QVERIFY(!openStorage(wrong.toString(), &status));
    QCOMPARE(status.error().rule, u"database-unavailable"_s);
    QVERIFY2(!status.error().message.contains(u"not-the-password"_s), "the password leaked");

    // password_file: the first line, without its newline.
    QFile file(m_dir->filePath(u"pg-password"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(password.toUtf8() + "\n");
    file.close();
    QUrl fromFile = url;
    fromFile.setQuery(u"password_file="_s + file.fileName());
    auto storage = openStorage(fromFile.toString(), &status);
    QVERIFY2(storage, qPrintable(status ? QString() : status.error().message));
    QVERIFY(storage->ping().ok());
    storage.reset();

    // PGPASSWORD, as libpq reads it, when the URL has none.
    qputenv("PGPASSWORD", password.toUtf8());
    storage = openStorage(url.toString(), &status);
    qunsetenv("PGPASSWORD");
    QVERIFY2(storage, qPrintable(status ? QString() : status.error().message));
    QVERIFY(storage->ping().ok());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
