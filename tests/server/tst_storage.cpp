// The storage of kontor-syncd and the push rules on top of it, without HTTP: an op is applied
// once whatever the retries, numbers are gapless, a lease decides who issues, refused ops leave
// no trace, and one tenant's calls never see or touch another's rows. On SqliteStorage, or with
// KONTOR_TEST_STORAGE=postgresql on PostgresStorage (a fresh database per test), where further
// cases cover what a shared server adds: migrations raced by several instances, connections
// that break, commits the synchronous standby did not confirm, a read-only standby.
#include "pgtestdatabase.h"

#include <jsoncodec.h>
#include <postgresstorage.h>
#include <serverconfig.h>
#include <sqlitestorage.h>
#include <syncservice.h>

#include <QDeadlineTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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
    void reopenKeepsSchema();
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
    std::unique_ptr<Storage> openStorage(const QString &location, Status *status = nullptr);
    Result<qint64> rowCount(const QString &table);
    PostgresStorage *postgres() { return dynamic_cast<PostgresStorage *>(m_storage.get()); }
    AuthContext tenant(const QString &email, const QString &device);
    // Runs `commit`, whose commit waits for the synchronous standby, and cancels that wait;
    // false when no such wait was seen.
    bool cancelSyncWait(PostgresStorage *pg, const std::function<void()> &commit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    QString m_location;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<SyncService> m_service;
};

std::unique_ptr<Storage> TestStorage::openStorage(const QString &location, Status *status)
{
    Status opened;
    std::unique_ptr<Storage> storage;
    if (usePostgres()) {
        auto pg = std::make_unique<PostgresStorage>();
        opened = pg->open(location);
        storage = std::move(pg);
    } else {
        auto sqlite = std::make_unique<SqliteStorage>();
        opened = sqlite->open(location);
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

void TestStorage::reopenKeepsSchema()
{
    const AuthContext a = tenant(u"a@example.com"_s, u"dev-a"_s);
    const QString epoch = m_storage->head(a.tenantId)->epoch;
    m_service.reset();
    m_storage = openStorage(m_location);
    QVERIFY(m_storage);
    QCOMPARE(m_storage->head(a.tenantId)->epoch, epoch);
    if (auto *pg = postgres()) {
        auto v = pg->exec(u"SELECT version FROM kontor_schema"_s);
        QVERIFY(v->next());
        QCOMPARE(v->value(0).toInt(), PostgresStorage::SchemaVersion);
        QVERIFY(!v->next());
    } else {
        auto v = static_cast<SqliteStorage &>(*m_storage).exec(u"PRAGMA user_version"_s);
        QVERIFY(v->next());
        QCOMPARE(v->value(0).toInt(), SqliteStorage::SchemaVersion);
    }
    m_service = std::make_unique<SyncService>(*m_storage);
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
    auto v = check.exec(u"SELECT version FROM kontor_schema"_s);
    QVERIFY(v->next());
    QCOMPARE(v->value(0).toInt(), PostgresStorage::SchemaVersion);
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
