// SyncEngine against the real kontor-syncd on 127.0.0.1: two ledgers (SQLite files in a temporary
// folder) signed in to one account push and pull, a new device bootstraps from a snapshot in
// pages with progress, a long poll delivers a remote change without a sync being asked for, a
// refused edit of an issued invoice is kept as a draft, a lost value is recorded, a dead first
// endpoint fails over to the next, a dropped push answer is retried without applying twice, and
// after the server stops the engine backs off and recovers once it is back. Waits are signal
// waits with bounds; nothing sleeps and no time is asserted.
#include "syncdprocess.h"

#include <money.h>
#include <replica.h>
#include <syncclient.h>
#include <syncengine.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;
using namespace Kontor::Test;

namespace {

const QString Password = u"correct horse battery staple"_s;
constexpr int WaitMs = 30000; // a bound for a debug build on a busy machine, never a target

// The HTTP client with faults on demand: answers that are lost after the server acted.
class FaultyTransport : public SyncTransport
{
public:
    SyncClient client;
    int dropPushAnswers = 0; // this many push answers are replaced by a network error
    int fakeEpochChanges = 0; // this many pulls answer "epoch changed" (a restored server)
    int pushes = 0;

    void setEndpoints(const QList<QUrl> &e) override { client.setEndpoints(e); }
    QList<QUrl> endpoints() const override { return client.endpoints(); }
    void setToken(const QString &t) override { client.setToken(t); }
    RequestId createAccount(const QString &e, const QString &p, const QString &b,
                            Reply<QString> done) override
    {
        return client.createAccount(e, p, b, std::move(done));
    }
    RequestId signIn(const QString &e, const QString &p, const QString &n, const QString &d,
                     Reply<Session> done) override
    {
        return client.signIn(e, p, n, d, std::move(done));
    }
    RequestId push(const PushRequest &r, Reply<PushResponse> done) override
    {
        ++pushes;
        const bool drop = dropPushAnswers > 0;
        if (drop)
            --dropPushAnswers;
        return client.push(r, [drop, done = std::move(done)](Result<PushResponse> answer) {
            if (drop && answer.ok()) {
                done(Error {ErrorKind::Io,
                            {},
                            QString::fromLatin1(NetworkRule),
                            u"connection reset (injected)"_s});
                return;
            }
            done(std::move(answer));
        });
    }
    RequestId pull(const Cursor &a, int l, int w, Reply<PullResponse> done) override
    {
        if (fakeEpochChanges > 0) {
            --fakeEpochChanges;
            return client.pull(a, l, w, [done = std::move(done)](Result<PullResponse> answer) {
                if (!answer.ok())
                    return done(std::move(answer));
                PullResponse changed;
                changed.epochChanged = true;
                done(changed);
            });
        }
        return client.pull(a, l, w, std::move(done));
    }
    RequestId snapshot(const QString &a, int l, Reply<SnapshotPage> done) override
    {
        return client.snapshot(a, l, std::move(done));
    }
    RequestId takeLease(const QString &s, bool f, Reply<QJsonObject> done) override
    {
        return client.takeLease(s, f, std::move(done));
    }
    RequestId releaseLease(const QString &s, Reply<QJsonObject> done) override
    {
        return client.releaseLease(s, std::move(done));
    }
    RequestId devices(Reply<QJsonArray> done) override { return client.devices(std::move(done)); }
    RequestId removeDevice(const QString &d, Reply<QJsonObject> done) override
    {
        return client.removeDevice(d, std::move(done));
    }
    void cancel(RequestId id) override { client.cancel(id); }
};

struct Device
{
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<FaultyTransport> transport;
    std::unique_ptr<SyncEngine> engine;
    qint64 clockMs = 0;

    bool open(const QString &path, bool initialize)
    {
        auto s = Store::open(path, Store::OpenMode::CreateNew);
        if (!s)
            return false;
        store = std::move(s.value());
        // A manual clock makes "later" certain without waiting.
        clockMs = QDateTime::currentMSecsSinceEpoch();
        store->setClock([this] { return clockMs; });
        ledger = std::make_unique<Ledger>(*store);
        replica = std::make_unique<Replica>(*ledger);
        transport = std::make_unique<FaultyTransport>();
        engine = std::make_unique<SyncEngine>(*replica, transport.get());
        engine->setUseNetworkInformation(false);
        engine->setLongPollEnabled(false);
        if (!initialize)
            return true;
        CompanyProfile company;
        company.name = u"Studio Rossi"_s;
        company.address.country = u"IT"_s;
        company.currency = u"EUR"_s;
        return ledger->initialize(company, u"2026-L-"_s).ok();
    }

    SyncResult sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->syncNow();
        if (!finished.wait(WaitMs))
            return {};
        return finished.first().first().value<SyncResult>();
    }

    QString addCustomer(const QString &name)
    {
        Customer c;
        c.name = name;
        auto added = ledger->addCustomer(c);
        return added ? added->id : QString();
    }

    Result<Document> draft(const QString &customerId, const QString &notes)
    {
        Document d;
        d.customerId = customerId;
        d.notes = notes;
        DocumentLine l;
        l.description = u"Consulting"_s;
        l.quantity = 3 * QuantityScale;
        l.unitPrice = 90'00 * PriceExtraScale;
        l.taxRateId = ledger->taxRates()->first().id;
        d.lines.append(l);
        return ledger->createDraft(d);
    }

    QString digest() const { return replica->digest().value(); }

    // Everything that refers to the store goes before it.
    void close()
    {
        engine.reset();
        transport.reset();
        replica.reset();
        ledger.reset();
        store.reset();
    }
};

#define SYNC_OK(device)                                                                            \
    do {                                                                                           \
        const SyncResult r_ = (device).sync();                                                     \
        QVERIFY2(r_.ok, qPrintable(r_.error.toString() + u" ("_s + r_.error.rule + u')'));         \
    } while (false)

// A port nothing listens on: bound, then released.
int closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pushPullAndSnapshotBootstrap();
    void longPollDeliversRemoteChange();
    void localChangeSyncsSoon();
    void rejectedEditKeptAsDraftAndConflictRecorded();
    void failsOverToTheNextEndpoint();
    void droppedPushAnswerIsRetriedOnce();
    void backsOffWhileServerIsDownAndRecovers();
    void epochChangeResendsEverything();
    void notSignedIn();

private:
    // Signs both devices in to a fresh account.
    void signInBoth();
    void signIn(Device &d, const QString &name, const QList<QUrl> &servers);

    QTemporaryDir m_dir;
    std::unique_ptr<SyncdProcess> m_server;
    Device m_a;
    Device m_b;
    QString m_email;
    int m_run = 0;
};

void TestSyncEngine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SyncdProcess>(m_dir.filePath(u"server.db"_s));
    QVERIFY2(m_server->start(0), "kontor-syncd did not start");
}

void TestSyncEngine::init()
{
    ++m_run;
    QVERIFY(m_a.open(m_dir.filePath(u"a%1.kontor"_s.arg(m_run)), true));
    QVERIFY(m_b.open(m_dir.filePath(u"b%1.kontor"_s.arg(m_run)), false));
    m_email = u"owner%1@example.com"_s.arg(m_run);
    if (!m_server->isRunning())
        QVERIFY(m_server->start());
}

void TestSyncEngine::cleanup()
{
    m_a.close();
    m_b.close();
}

void TestSyncEngine::signIn(Device &d, const QString &name, const QList<QUrl> &servers)
{
    bool done = false;
    Status status;
    d.engine->signIn(servers, m_email, Password, name, [&](Status s) {
        status = s;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, WaitMs);
    QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
    QVERIFY(d.engine->hasCredentials());
}

void TestSyncEngine::signInBoth()
{
    bool done = false;
    Result<QString> tenant = QString();
    m_a.engine->signUp({m_server->url()}, m_email, Password, u"Studio Rossi"_s,
                       [&](Result<QString> r) {
                           tenant = r;
                           done = true;
                       });
    QTRY_VERIFY_WITH_TIMEOUT(done, WaitMs);
    QVERIFY2(tenant, qPrintable(tenant ? QString() : tenant.error().toString()));
    signIn(m_a, u"Laptop"_s, {m_server->url()});
    signIn(m_b, u"Desktop"_s, {m_server->url()});
}

void TestSyncEngine::pushPullAndSnapshotBootstrap()
{
    signInBoth();
    for (int i = 0; i < 12; ++i)
        QVERIFY(!m_a.addCustomer(u"Customer %1"_s.arg(i)).isEmpty());
    const qint64 pending = m_a.engine->pendingCount();
    QVERIFY(pending > 12);

    QSignalSpy aState(m_a.engine.get(), &SyncEngine::stateChanged);
    const SyncResult pushed = m_a.sync();
    QVERIFY2(pushed.ok, qPrintable(pushed.error.toString()));
    QCOMPARE(pushed.pushed, int(pending));
    QCOMPARE(pushed.rejected, 0);
    QCOMPARE(m_a.engine->pendingCount(), qint64(0));
    QCOMPARE(m_a.engine->state(), SyncEngine::State::Idle);
    QVERIFY(aState.contains(QVariantList {QVariant::fromValue(SyncEngine::State::Syncing)}));
    QVERIFY(m_a.engine->lastSyncTime().isValid());

    // B has never synced: it reads the snapshot in pages of 5, reporting progress.
    m_b.engine->setSnapshotPageSize(5);
    QSignalSpy progress(m_b.engine.get(), &SyncEngine::progress);
    const SyncResult bootstrapped = m_b.sync();
    QVERIFY2(bootstrapped.ok, qPrintable(bootstrapped.error.toString()));
    QVERIFY(progress.size() >= 3);
    qint64 previous = 0;
    for (const QList<QVariant> &p : progress) {
        QVERIFY(p.at(0).toLongLong() >= previous);
        QVERIFY(p.at(0).toLongLong() <= p.at(1).toLongLong());
        previous = p.at(0).toLongLong();
    }
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    QVERIFY(m_b.ledger->isInitialized());
    QCOMPARE(m_b.ledger->company()->name, u"Studio Rossi"_s);
    QCOMPARE(m_b.digest(), m_a.digest());
    auto cursor = m_b.replica->cursor();
    QVERIFY(cursor && !cursor->first.isEmpty());

    // The tail: a change on B reaches A.
    const QString added = m_b.addCustomer(u"Verdi Import"_s);
    SYNC_OK(m_b);
    const SyncResult pulled = m_a.sync();
    QVERIFY(pulled.ok);
    QVERIFY(pulled.pulled >= 1);
    QCOMPARE(m_a.ledger->customer(added)->name, u"Verdi Import"_s);
    QCOMPARE(m_b.digest(), m_a.digest());
    QCOMPARE(m_b.engine->pendingCount(), qint64(0));
}

void TestSyncEngine::longPollDeliversRemoteChange()
{
    signInBoth();
    SYNC_OK(m_a);
    SYNC_OK(m_b);

    // B keeps in step on its own: after its first cycle it waits on a long poll.
    m_b.engine->setLongPollEnabled(true);
    QSignalSpy applied(m_b.engine.get(), &SyncEngine::remoteChangesApplied);
    m_b.engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_b.engine->isLongPolling(), WaitMs);

    const QString id = m_a.addCustomer(u"Neri Logistica"_s);
    SYNC_OK(m_a);
    // No syncNow() on B: the open request brings the change (maybe already while A synced).
    QVERIFY(!applied.isEmpty() || applied.wait(WaitMs));
    QVERIFY(applied.first().first().toInt() >= 1);
    QCOMPARE(m_b.ledger->customer(id)->name, u"Neri Logistica"_s);
    QCOMPARE(m_b.engine->state(), SyncEngine::State::Idle);
    // ... and listens again.
    QTRY_VERIFY_WITH_TIMEOUT(m_b.engine->isLongPolling(), WaitMs);
    m_b.engine->stop();
    QCOMPARE(m_b.engine->state(), SyncEngine::State::Disabled);
    QVERIFY(!m_b.engine->isLongPolling());
}

void TestSyncEngine::localChangeSyncsSoon()
{
    signInBoth();
    m_a.engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_a.engine->state(), SyncEngine::State::Idle, WaitMs);
    QSignalSpy finished(m_a.engine.get(), &SyncEngine::finished);
    // A burst of writes, announced one by one, costs one cycle after the debounce.
    for (int i = 0; i < 3; ++i) {
        m_a.addCustomer(u"Burst %1"_s.arg(i));
        m_a.engine->notifyLocalChange();
    }
    QVERIFY(m_a.engine->pendingCount() > 0);
    QVERIFY(finished.wait(WaitMs));
    QVERIFY(finished.first().first().value<SyncResult>().ok);
    QCOMPARE(finished.first().first().value<SyncResult>().pushed, 3);
    QCOMPARE(m_a.engine->pendingCount(), qint64(0));
    m_a.engine->stop();
}

void TestSyncEngine::rejectedEditKeptAsDraftAndConflictRecorded()
{
    signInBoth();
    const QString customerId = m_a.addCustomer(u"Bianchi Trasporti"_s);
    auto shared = m_a.draft(customerId, u"April work"_s);
    QVERIFY(shared);
    SYNC_OK(m_a);
    SYNC_OK(m_b);
    QVERIFY(m_b.ledger->document(shared->id));

    // Offline: B renames the customer and edits the draft; later, A renames it too and issues
    // the draft.
    {
        Customer c = m_b.ledger->customer(customerId).value();
        c.name = u"Bianchi Trasporti (B)"_s;
        QVERIFY(m_b.ledger->updateCustomer(c));
        Document d = m_b.ledger->document(shared->id).value();
        d.notes = u"April work, with travel"_s;
        d.lines[0].quantity = 5 * QuantityScale;
        QVERIFY(m_b.ledger->updateDraft(d));
    }
    m_a.clockMs = m_b.clockMs + 60'000;
    {
        Customer c = m_a.ledger->customer(customerId).value();
        c.name = u"Bianchi Trasporti Srl"_s;
        QVERIFY(m_a.ledger->updateCustomer(c));
        QVERIFY(m_a.ledger->issue(shared->id));
    }
    SYNC_OK(m_a);

    QSignalSpy rejectionsChanged(m_b.engine.get(), &SyncEngine::rejectionsChanged);
    QSignalSpy conflictsChanged(m_b.engine.get(), &SyncEngine::conflictsChanged);
    const SyncResult r = m_b.sync();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rejected, 1);
    QVERIFY(r.conflicts >= 1);
    QVERIFY(!rejectionsChanged.isEmpty());
    QVERIFY(!conflictsChanged.isEmpty());

    // The refused edit: on record with its reason, and kept as a new draft with B's content.
    const QList<RejectionEntry> rejections = m_b.replica->rejections(true).value();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.first().rule, u"immutable-document"_s);
    QCOMPARE(rejections.first().entityId, shared->id);
    QVERIFY(rejections.first().resolution.startsWith(u"kept-as-draft:"_s));
    const QString keptId = rejections.first().resolution.mid(14);
    auto kept = m_b.ledger->document(keptId);
    QVERIFY(kept);
    QCOMPARE(kept->status, DocumentStatus::Draft);
    QCOMPARE(kept->notes, u"April work, with travel"_s);
    QCOMPARE(kept->lines.first().quantity, 5 * QuantityScale);
    QCOMPARE(m_b.ledger->document(shared->id)->status, DocumentStatus::Issued);
    QCOMPARE(m_b.ledger->document(shared->id)->notes, u"April work"_s);

    // The earlier rename lost and is kept for the user.
    QCOMPARE(m_b.ledger->customer(customerId)->name, u"Bianchi Trasporti Srl"_s);
    bool found = false;
    for (const ConflictEntry &c : m_b.replica->conflicts().value())
        if (c.entityId == customerId && c.field == u"name"_s) {
            QCOMPARE(c.lostValue.toString(), u"Bianchi Trasporti (B)"_s);
            QCOMPARE(c.keptValue.toString(), u"Bianchi Trasporti Srl"_s);
            found = true;
        }
    QVERIFY(found);

    // The kept draft travels like any other change; both end with the same books.
    SYNC_OK(m_b);
    SYNC_OK(m_a);
    QCOMPARE(m_a.ledger->document(keptId)->notes, u"April work, with travel"_s);
    QCOMPARE(m_a.digest(), m_b.digest());
}

void TestSyncEngine::failsOverToTheNextEndpoint()
{
    const QUrl dead(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    const QList<QUrl> servers {dead, m_server->url()};
    bool done = false;
    m_a.engine->signUp(servers, m_email, Password, u"Studio Rossi"_s, [&](Result<QString> r) {
        QVERIFY(r);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, WaitMs);
    signIn(m_a, u"Laptop"_s, servers);
    QSignalSpy changed(&m_a.transport->client, &SyncClient::endpointChanged);
    m_a.transport->setEndpoints(servers); // the dead one first again
    m_a.addCustomer(u"Via Zona B"_s);
    const SyncResult r = m_a.sync();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(r.pushed > 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toUrl(), m_server->url());
    QCOMPARE(m_a.transport->client.currentEndpoint(), m_server->url());

    // With no endpoint alive, the failure is a network error naming them.
    m_a.transport->setEndpoints({dead, QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()))});
    m_a.addCustomer(u"Nobody hears"_s);
    const SyncResult failed = m_a.sync();
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.rule, QString::fromLatin1(NetworkRule));
    QCOMPARE(failed.error.kind, ErrorKind::Io);
    QVERIFY(failed.error.message.contains(u"2 sync servers"_s));
    QCOMPARE(m_a.engine->state(), SyncEngine::State::Offline);
    QVERIFY(m_a.engine->pendingCount() > 0); // nothing lost, sent next time
}

void TestSyncEngine::droppedPushAnswerIsRetriedOnce()
{
    signInBoth();
    const QString id = m_a.addCustomer(u"Gialli Sas"_s);
    const qint64 pending = m_a.engine->pendingCount();
    // The server commits the push, but its answer never arrives.
    m_a.transport->dropPushAnswers = 1;
    const SyncResult lost = m_a.sync();
    QVERIFY(!lost.ok);
    QCOMPARE(lost.error.rule, QString::fromLatin1(NetworkRule));
    QCOMPARE(m_a.engine->pendingCount(), pending);

    // Sent again: the server knows the op ids and answers with their first results.
    const SyncResult again = m_a.sync();
    QVERIFY2(again.ok, qPrintable(again.error.toString()));
    QCOMPARE(again.pushed, int(pending));
    QCOMPARE(m_a.engine->pendingCount(), qint64(0));

    SYNC_OK(m_b);
    QCOMPARE(m_b.ledger->customer(id)->name, u"Gialli Sas"_s);
    QCOMPARE(m_a.digest(), m_b.digest());
    // The log holds each op once: a fresh device sees no more than A's records.
    CustomerQuery all;
    all.limit = 1000;
    QCOMPARE(m_b.ledger->customers(all)->items.size(), m_a.ledger->customers(all)->items.size());
}

void TestSyncEngine::backsOffWhileServerIsDownAndRecovers()
{
    signInBoth();
    m_a.engine->setRetryPolicy(20, 200);
    m_a.engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_a.engine->state(), SyncEngine::State::Idle, WaitMs);

    m_server->kill();
    QSignalSpy finished(m_a.engine.get(), &SyncEngine::finished);
    const QString id = m_a.addCustomer(u"Written offline"_s);
    m_a.engine->syncNow();
    QVERIFY(finished.wait(WaitMs));
    QVERIFY(!finished.last().first().value<SyncResult>().ok);
    QCOMPARE(m_a.engine->state(), SyncEngine::State::Offline);
    QVERIFY(m_a.engine->nextRetryInMs() >= 0);
    // It tries again by itself, and keeps failing while the server is down.
    QTRY_VERIFY_WITH_TIMEOUT(m_a.engine->consecutiveFailures() >= 3, WaitMs);
    for (const QList<QVariant> &f : std::as_const(finished))
        QCOMPARE(f.first().value<SyncResult>().error.rule, QString::fromLatin1(NetworkRule));
    // Between attempts it is offline; an attempt may be running right now.
    QVERIFY(m_a.engine->state() == SyncEngine::State::Offline
            || m_a.engine->state() == SyncEngine::State::Syncing);
    QVERIFY(m_a.engine->pendingCount() > 0);

    // Back on the same port and database: the next retry succeeds and the backoff resets.
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_a.engine->state(), SyncEngine::State::Idle, WaitMs);
    QCOMPARE(m_a.engine->consecutiveFailures(), 0);
    QCOMPARE(m_a.engine->pendingCount(), qint64(0));
    m_a.engine->stop();

    SYNC_OK(m_b);
    QCOMPARE(m_b.ledger->customer(id)->name, u"Written offline"_s);
}

void TestSyncEngine::epochChangeResendsEverything()
{
    signInBoth();
    SYNC_OK(m_a);
    SYNC_OK(m_b);
    const qint64 outbox = m_a.store->outboxCount().value();
    const QString offline = m_a.addCustomer(u"Not yet sent"_s);

    // The server answers as one restored from a backup would: A sends its whole outbox again
    // (the server knows most op ids and answers them as before), merges a fresh snapshot without
    // losing the change it had not sent, and carries on from the new position.
    m_a.transport->fakeEpochChanges = 1;
    const int pushesBefore = m_a.transport->pushes;
    const SyncResult r = m_a.sync();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(m_a.transport->pushes > pushesBefore);
    // The new change once before the news of the epoch, then the whole outbox.
    QCOMPARE(r.pushed, 1 + int(outbox + 1));
    QCOMPARE(m_a.engine->pendingCount(), qint64(0));
    QCOMPARE(m_a.ledger->customer(offline)->name, u"Not yet sent"_s);
    auto cursor = m_a.replica->cursor();
    QVERIFY(cursor && !cursor->first.isEmpty() && cursor->second > 0);

    SYNC_OK(m_b);
    QCOMPARE(m_b.ledger->customer(offline)->name, u"Not yet sent"_s);
    QCOMPARE(m_a.digest(), m_b.digest());
}

void TestSyncEngine::notSignedIn()
{
    QSignalSpy finished(m_a.engine.get(), &SyncEngine::finished);
    m_a.engine->syncNow();
    QVERIFY(finished.wait(WaitMs));
    const SyncResult r = finished.first().first().value<SyncResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.error.rule, u"not-signed-in"_s);
    QCOMPARE(m_a.engine->state(), SyncEngine::State::Disabled);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
