// SqliteStorage and the push rules on top of it, without HTTP: an op is applied once whatever
// the retries, numbers are gapless, a lease decides who issues, refused ops leave no trace, and
// one tenant's calls never see or touch another's rows.
#include <jsoncodec.h>
#include <sqlitestorage.h>
#include <syncservice.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Server;

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

private:
    AuthContext tenant(const QString &email, const QString &device);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStorage> m_storage;
    std::unique_ptr<SyncService> m_service;
};

void TestStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<SqliteStorage>();
    QVERIFY(m_storage->open(m_dir->filePath(u"s.db"_s)).ok());
    m_service = std::make_unique<SyncService>(*m_storage);
}

void TestStorage::cleanup()
{
    m_service.reset();
    m_storage.reset();
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
    QCOMPARE(m_storage->rowCount(u"ops"_s).value(), 2);
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
    QCOMPARE(m_storage->rowCount(u"ops"_s).value(), 0);
    QCOMPARE(m_storage->rowCount(u"records"_s).value(), 0);
    QCOMPARE(m_storage->rowCount(u"audit"_s).value(), 0);
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
    m_storage = std::make_unique<SqliteStorage>();
    QVERIFY(m_storage->open(m_dir->filePath(u"s.db"_s)).ok());
    QCOMPARE(m_storage->head(a.tenantId)->epoch, epoch);
    auto v = m_storage->exec(u"PRAGMA user_version"_s);
    QVERIFY(v->next());
    QCOMPARE(v->value(0).toInt(), SqliteStorage::SchemaVersion);
    m_service = std::make_unique<SyncService>(*m_storage);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
