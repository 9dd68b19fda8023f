// The convergence harness: five client ledgers (real SQLite files) and the real kontor-syncd on
// 127.0.0.1, seeded random work on every client, online and offline, with faults injected:
// answers dropped after the server committed, requests sent twice, the server killed and
// restarted while a push is in flight, a client process killed while it applies a page, clocks
// a day fast or slow, one client offline for a simulated year. After healing, every client and a
// new device bootstrapped from the server's snapshot hold the same books (equal digests), every
// series is gapless, nothing is duplicated or lost, and every audit chain verifies.
//
// KONTOR_CONVERGENCE_SEEDS sets how many seeds run (default 50; the `long` label runs 1000),
// KONTOR_CONVERGENCE_FIRST_SEED the first one (default 1).
#include "syncdprocess.h"

#include <credentialstore.h>
#include <money.h>
#include <replica.h>
#include <syncclient.h>
#include <syncengine.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;
using namespace Kontor::Test;

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
const QString Password = u"correct horse battery"_s;

Error lostAnswer()
{
    return Error {ErrorKind::Io,
                  {},
                  QString::fromLatin1(NetworkRule),
                  u"the answer was lost on the way back"_s};
}

// Wraps the real HTTP client: the request reaches the real server, and then the answer may be
// dropped, the request repeated, or the server killed while it works.
class FaultyTransport : public SyncTransport
{
public:
    FaultyTransport(SyncTransport &inner, QRandomGenerator &rng) : m_inner(inner), m_rng(rng) { }

    bool faults = false;
    int dropPercent = 10;
    int duplicatePercent = 10;
    int crashPercent = 4;
    std::function<void()> crashServer; // kills and restarts the server
    int dropped = 0;
    int duplicated = 0;
    int crashes = 0;

    void setEndpoints(const QList<QUrl> &e) override { m_inner.setEndpoints(e); }
    QList<QUrl> endpoints() const override { return m_inner.endpoints(); }
    void setToken(const QString &t) override { m_inner.setToken(t); }
    RequestId createAccount(const QString &e, const QString &p, const QString &b,
                            Reply<QString> done) override
    {
        return m_inner.createAccount(e, p, b, std::move(done));
    }
    RequestId signIn(const QString &e, const QString &p, const QString &n, const QString &d,
                     Reply<Session> done) override
    {
        return m_inner.signIn(e, p, n, d, std::move(done));
    }
    RequestId push(const PushRequest &request, Reply<PushResponse> done) override
    {
        if (faults && m_rng.bounded(100) < crashPercent && crashServer) {
            ++crashes;
            const RequestId id = m_inner.push(request, std::move(done));
            // The server dies somewhere between reading the request and answering it.
            crashServer();
            return id;
        }
        if (faults && m_rng.bounded(100) < duplicatePercent) {
            ++duplicated;
            return m_inner.push(request, [this, request, done](Result<PushResponse> first) {
                if (!first) {
                    done(first);
                    return;
                }
                m_inner.push(request, done); // the second answer must equal the first
            });
        }
        if (faults && m_rng.bounded(100) < dropPercent) {
            ++dropped;
            return m_inner.push(request, [done](Result<PushResponse>) { done(lostAnswer()); });
        }
        return m_inner.push(request, std::move(done));
    }
    RequestId pull(const Cursor &after, int limit, int waitMs, Reply<PullResponse> done) override
    {
        if (faults && m_rng.bounded(100) < dropPercent) {
            ++dropped;
            return m_inner.pull(after, limit, waitMs,
                                [done](Result<PullResponse>) { done(lostAnswer()); });
        }
        return m_inner.pull(after, limit, waitMs, std::move(done));
    }
    RequestId snapshot(const QString &after, int limit, Reply<SnapshotPage> done) override
    {
        return m_inner.snapshot(after, limit, std::move(done));
    }
    RequestId takeLease(const QString &s, bool f, Reply<QJsonObject> done) override
    {
        return m_inner.takeLease(s, f, std::move(done));
    }
    RequestId releaseLease(const QString &s, Reply<QJsonObject> done) override
    {
        return m_inner.releaseLease(s, std::move(done));
    }
    RequestId devices(Reply<QJsonArray> done) override { return m_inner.devices(std::move(done)); }
    RequestId removeDevice(const QString &d, Reply<QJsonObject> done) override
    {
        return m_inner.removeDevice(d, std::move(done));
    }
    void cancel(RequestId id) override { m_inner.cancel(id); }

private:
    SyncTransport &m_inner;
    QRandomGenerator &m_rng;
};

// One device: its ledger file, the engine over it, and what the harness remembers of it.
struct Client
{
    QString name;
    QString path;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncClient> http;
    std::unique_ptr<FaultyTransport> transport;
    std::unique_ptr<CredentialStore> credentials;
    std::unique_ptr<SyncEngine> engine;
    qint64 skewMs = 0;
    bool online = true;
    QString invoiceSeries;
    QString creditSeries;
    QSet<QString> issuedHere; // numbers of the documents this device issued
    QSet<QString> draftsHere; // drafts this device created (only these does it issue)
};

} // namespace

class TestConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void converges_data();
    void converges();

private:
    bool openClient(Client &c, const QString &path, QRandomGenerator &rng);
    bool signIn(Client &c, const QString &email);
    bool syncOnce(Client &c);
    void randomWork(Client &c, QRandomGenerator &rng);
    void killMidApply(Client &c, QRandomGenerator &rng);
    void checkInvariants(const QList<Client *> &clients);
    void restartServer();

    QTemporaryDir m_dir;
    std::unique_ptr<SyncdProcess> m_server;
    int m_restarts = 0;
    int m_clientKills = 0;
};

void TestConvergence::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SyncdProcess>(m_dir.filePath(u"server.db"_s));
    QVERIFY(m_server->start(0));
}

void TestConvergence::cleanupTestCase()
{
    m_server.reset();
}

void TestConvergence::restartServer()
{
    m_server->kill();
    ++m_restarts;
    // The port may briefly stay taken; a few tries.
    for (int i = 0; i < 20 && !m_server->isRunning(); ++i)
        if (!m_server->start())
            QTest::qWait(50);
}

bool TestConvergence::openClient(Client &c, const QString &path, QRandomGenerator &rng)
{
    c.path = path;
    auto s = Store::open(path, Store::OpenMode::OpenOrCreate);
    if (!s)
        return false;
    c.store = std::move(s.value());
    const qint64 skew = c.skewMs;
    c.store->setClock([skew] { return QDateTime::currentMSecsSinceEpoch() + skew; });
    c.ledger = std::make_unique<Ledger>(*c.store);
    c.replica = std::make_unique<Replica>(*c.ledger);
    c.http = std::make_unique<SyncClient>();
    c.http->setTimeout(10000);
    c.transport = std::make_unique<FaultyTransport>(*c.http, rng);
    c.transport->crashServer
        = [this, &rng] { QTimer::singleShot(int(rng.bounded(30)), [this] { restartServer(); }); };
    c.engine = std::make_unique<SyncEngine>(*c.replica, c.transport.get());
    // The token in a file beside the ledger, where kontor-cli finds it for the same ledger.
    c.credentials = std::make_unique<CredentialStore>(
        c.store->deviceId(), QFileInfo(path).absolutePath(), CredentialStore::Preference::FileOnly);
    c.engine->setCredentialStore(c.credentials.get());
    c.engine->setUseNetworkInformation(false);
    c.engine->setLongPollEnabled(false);
    c.engine->setEndpoints({m_server->url()});
    return true;
}

bool TestConvergence::signIn(Client &c, const QString &email)
{
    bool done = false;
    bool ok = false;
    c.engine->signIn({m_server->url()}, email, Password, c.name, [&](Status s) {
        done = true;
        ok = s.ok();
        if (!s)
            qWarning("sign-in of %s: %s", qPrintable(c.name), qPrintable(s.error().toString()));
    });
    QElapsedTimer waited;
    waited.start();
    while (!done && waited.elapsed() < 30000)
        QTest::qWait(20);
    return ok;
}

bool TestConvergence::syncOnce(Client &c)
{
    c.engine->setEndpoints({m_server->url()});
    QSignalSpy finished(c.engine.get(), &SyncEngine::finished);
    c.engine->syncNow();
    if (!finished.wait(60000))
        return false;
    return finished.first().first().value<SyncResult>().ok;
}

void TestConvergence::randomWork(Client &c, QRandomGenerator &rng)
{
    Ledger &l = *c.ledger;
    const int ops = 1 + int(rng.bounded(4));
    for (int i = 0; i < ops; ++i) {
        auto customers = l.customers({});
        auto rates = l.taxRates();
        if (!customers || !rates || rates->isEmpty())
            return;
        const QList<Customer> &cs = customers->items;
        const int pick = int(rng.bounded(100));
        if (cs.isEmpty() || pick < 10) {
            Customer cu;
            cu.name = u"Customer %1 %2"_s.arg(c.name).arg(rng.bounded(100000));
            cu.email = u"c%1@example.com"_s.arg(rng.bounded(100000));
            (void)l.addCustomer(cu);
        } else if (pick < 25) {
            Customer cu = cs.at(int(rng.bounded(cs.size())));
            switch (rng.bounded(3)) {
            case 0:
                cu.email = u"%1@example.org"_s.arg(rng.bounded(100000));
                break;
            case 1:
                cu.notes = u"note by %1: %2"_s.arg(c.name).arg(rng.bounded(1000));
                break;
            default:
                cu.name = u"Renamed %1 %2"_s.arg(c.name).arg(rng.bounded(1000));
            }
            (void)l.updateCustomer(cu);
        } else if (pick < 45) {
            Document d;
            d.customerId = cs.at(int(rng.bounded(cs.size()))).id;
            const int lines = 1 + int(rng.bounded(3));
            for (int k = 0; k < lines; ++k) {
                DocumentLine line;
                line.description = u"Work %1"_s.arg(k + 1);
                line.quantity = (1 + rng.bounded(5)) * QuantityScale;
                line.unitPrice = (1000 + rng.bounded(50000)) * PriceExtraScale;
                line.taxRateId = rates->at(int(rng.bounded(rates->size()))).id;
                d.lines.append(line);
            }
            if (auto created = l.createDraft(d))
                c.draftsHere.insert(created->id);
        } else {
            DocumentQuery q;
            q.status = DocumentStatus::Draft;
            q.limit = 20;
            auto drafts = l.documents(q);
            if (!drafts || drafts->items.isEmpty())
                continue;
            const DocumentSummary &s = drafts->items.at(int(rng.bounded(drafts->items.size())));
            if (pick < 55) {
                auto d = l.document(s.id);
                if (!d)
                    continue;
                Document edit = d.value();
                edit.notes = u"edited on %1 (%2)"_s.arg(c.name).arg(rng.bounded(1000));
                if (!edit.lines.isEmpty() && rng.bounded(2))
                    edit.lines[0].quantity = (1 + rng.bounded(9)) * QuantityScale;
                (void)l.updateDraft(edit);
            } else if (pick < 60) {
                (void)l.deleteDraft(s.id);
            } else if (pick < 80 && (c.draftsHere.contains(s.id) || rng.bounded(4) == 0)) {
                // Mostly its own drafts; now and then another device's, which that device may
                // issue too while both are offline (a double issue both keep).
                IssueOptions o;
                o.seriesId = c.invoiceSeries;
                if (auto issued = l.issue(s.id, o))
                    c.issuedHere.insert(issued->number);
            } else if (pick < 92) {
                DocumentQuery open;
                open.openOnly = true;
                open.limit = 20;
                auto invoices = l.documents(open);
                if (!invoices || invoices->items.isEmpty())
                    continue;
                const DocumentSummary &inv
                    = invoices->items.at(int(rng.bounded(invoices->items.size())));
                if (inv.balanceMinor() <= 0)
                    continue;
                Payment p;
                p.targetId = inv.id;
                p.amountMinor = 1 + qint64(rng.bounded(quint64(inv.balanceMinor())));
                (void)l.recordPayment(p);
            } else {
                Expense e;
                e.supplier = u"Supplier %1"_s.arg(rng.bounded(50));
                e.date = QDate(2026, 1 + int(rng.bounded(12)), 1 + int(rng.bounded(28)));
                e.netMinor = 100 + rng.bounded(100000);
                e.vatMinor = e.netMinor / 5;
                (void)l.addExpense(e);
            }
        }
    }
}

void TestConvergence::killMidApply(Client &c, QRandomGenerator &rng)
{
#ifdef KONTOR_CLI
    // The same ledger synced by a separate process that is killed at a random moment: whatever
    // it had applied is either committed with its cursor or not at all.
    QProcess cli;
    cli.start(QStringLiteral(KONTOR_CLI), {u"--ledger"_s, c.path, u"sync"_s, u"once"_s});
    if (!cli.waitForStarted(5000))
        return;
    QTest::qWait(10 + int(rng.bounded(150)));
    cli.kill();
    ++m_clientKills;
    cli.waitForFinished(5000);
    QVERIFY(c.store->reload());
#else
    Q_UNUSED(c);
    Q_UNUSED(rng);
#endif
}

void TestConvergence::checkInvariants(const QList<Client *> &clients)
{
    QString reference;
    for (Client *c : clients) {
        auto digest = c->replica->digest();
        QVERIFY2(digest, qPrintable(c->name));
        if (reference.isEmpty())
            reference = digest.value();
        QVERIFY2(digest.value() == reference,
                 qPrintable(u"%1 differs from %2"_s.arg(c->name, clients.first()->name)));

        auto report = c->ledger->verify();
        QVERIFY(report);
        QVERIFY2(report->ok(),
                 qPrintable(c->name + u": "_s
                            + (report->problems.isEmpty() ? QString()
                                                          : report->problems.first().description)));
        QCOMPARE(c->replica->pendingCount().value(), qint64(0));

        // Every series gapless: sequences 1..n and the counter at n + 1.
        QSqlQuery series(c->store->database());
        QVERIFY(series.exec(u"SELECT id, next_number FROM series"_s));
        while (series.next()) {
            QSqlQuery seqs(c->store->database());
            seqs.prepare(u"SELECT sequence FROM documents WHERE series_id = ? AND status <> "
                         "'draft' ORDER BY sequence"_s);
            seqs.addBindValue(series.value(0));
            QVERIFY(seqs.exec());
            qint64 expected = 1;
            while (seqs.next())
                QCOMPARE(seqs.value(0).toLongLong(), expected++);
            QCOMPARE(series.value(1).toLongLong(), expected);
        }
        QSqlQuery dupes(c->store->database());
        QVERIFY(dupes.exec(u"SELECT count(*) FROM (SELECT number FROM documents WHERE number <> "
                           "'' GROUP BY number HAVING count(*) > 1)"_s));
        QVERIFY(dupes.next());
        QCOMPARE(dupes.value(0).toInt(), 0);

        // Refusals are only the ones the rules foresee, and each edit refused was kept.
        for (const RejectionEntry &r : c->replica->rejections(true).value()) {
            QVERIFY2(r.rule == u"immutable-document"_s || r.rule == u"immutable-record"_s
                         || r.rule == u"possible-double-billing"_s,
                     qPrintable(u"%1: %2 %3 refused: %4 (%5)"_s.arg(c->name, r.kind, r.entity,
                                                                    r.message, r.rule)));
        }
    }
    // Nothing lost: every document any device issued is on every device.
    for (Client *issuer : clients)
        for (const QString &number : std::as_const(issuer->issuedHere))
            for (Client *c : clients)
                QVERIFY2(
                    c->ledger->documentByNumber(number),
                    qPrintable(u"%1 lacks %2 issued on %3"_s.arg(c->name, number, issuer->name)));
}

void TestConvergence::converges_data()
{
    QTest::addColumn<quint32>("seed");
    const int seeds = qEnvironmentVariableIsSet("KONTOR_CONVERGENCE_SEEDS")
        ? qEnvironmentVariableIntValue("KONTOR_CONVERGENCE_SEEDS")
        : 50;
    // KONTOR_CONVERGENCE_FIRST_SEED picks up where an earlier run stopped.
    const int first = qEnvironmentVariableIsSet("KONTOR_CONVERGENCE_FIRST_SEED")
        ? qEnvironmentVariableIntValue("KONTOR_CONVERGENCE_FIRST_SEED")
        : 1;
    for (int s = first; s < first + seeds; ++s)
        QTest::addRow("seed %d", s) << quint32(s);
}

void TestConvergence::converges()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    QTemporaryDir dir(m_dir.filePath(u"seed-XXXXXX"_s));
    const QString email
        = u"owner-%1-%2@example.com"_s.arg(seed).arg(QDateTime::currentMSecsSinceEpoch());

    constexpr int ClientCount = 5;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < ClientCount; ++i) {
        auto c = std::make_unique<Client>();
        c->name = u"device-%1"_s.arg(QChar(u'A' + i));
        // Clocks a day fast or slow on some devices; the last one is a year ahead when it
        // comes back (it is offline for most of the run).
        const int skew = int(rng.bounded(3)) - 1;
        c->skewMs = skew * DayMs;
        QVERIFY(openClient(*c, dir.filePath(c->name + u".kontor"_s), rng));
        clients.push_back(std::move(c));
    }
    Client &first = *clients.front();
    {
        bool done = false;
        first.engine->signUp({m_server->url()}, email, Password, u"Studio %1"_s.arg(seed),
                             [&](Result<QString> r) {
                                 done = true;
                                 QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
                             });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    }
    CompanyProfile company;
    company.name = u"Studio %1"_s.arg(seed);
    company.address.country = u"IT"_s;
    company.currency = u"EUR"_s;
    QVERIFY(first.ledger->initialize(company, u"A-"_s));
    for (auto &c : clients) {
        QVERIFY(signIn(*c, email));
        if (c.get() == &first)
            QVERIFY(syncOnce(*c));
    }
    // Every other device starts from the server's snapshot, then takes its own series.
    for (int i = 0; i < ClientCount; ++i) {
        Client &c = *clients[i];
        if (i > 0)
            QVERIFY2(syncOnce(c), qPrintable(c.name));
        QVERIFY2(c.ledger->isInitialized(), qPrintable(c.name));
        if (i == 0) {
            for (const NumberSeries &s : c.ledger->seriesList().value())
                (s.kind == DocumentKind::Invoice ? c.invoiceSeries : c.creditSeries) = s.id;
            continue;
        }
        NumberSeries inv;
        inv.name = c.name;
        inv.prefix = u"%1-"_s.arg(QChar(u'A' + i));
        auto s = c.ledger->addSeries(inv);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        c.invoiceSeries = s->id;
    }

    // Rounds of work with faults. The last device stays offline until the end, then returns
    // with its clock a year ahead.
    const int rounds = 4 + int(rng.bounded(3));
    Client &traveller = *clients.back();
    for (int round = 0; round < rounds; ++round) {
        for (auto &c : clients) {
            c->online = c.get() != &traveller && rng.bounded(100) < 75;
            c->transport->faults = true;
            randomWork(*c, rng);
        }
        for (auto &c : clients) {
            if (!c->online)
                continue;
            if (rng.bounded(100) < 5)
                killMidApply(*c, rng);
            (void)syncOnce(*c);
            if (!m_server->isRunning())
                restartServer();
        }
    }
    traveller.skewMs = 365 * DayMs;
    traveller.store->setClock([] { return QDateTime::currentMSecsSinceEpoch() + 365 * DayMs; });
    randomWork(traveller, rng);

    // Heal: no faults, everyone online, until a whole round changes nothing.
    for (auto &c : clients)
        c->transport->faults = false;
    if (!m_server->isRunning())
        restartServer();
    bool settled = false;
    for (int pass = 0; pass < 8 && !settled; ++pass) {
        settled = true;
        for (auto &c : clients) {
            QSignalSpy finished(c->engine.get(), &SyncEngine::finished);
            c->engine->setEndpoints({m_server->url()});
            c->engine->syncNow();
            QVERIFY2(finished.wait(60000), qPrintable(c->name));
            const SyncResult r = finished.first().first().value<SyncResult>();
            QVERIFY2(r.ok, qPrintable(c->name + u": "_s + r.error.toString()));
            if (r.pushed > 0 || r.pulled > 0)
                settled = false;
        }
    }
    QVERIFY2(settled, "the clients kept exchanging changes");

    // A new device from the snapshot holds what the server holds.
    Client fresh;
    fresh.name = u"new-device"_s;
    QVERIFY(openClient(fresh, dir.filePath(u"new.kontor"_s), rng));
    QVERIFY(signIn(fresh, email));
    QVERIFY(syncOnce(fresh));

    QList<Client *> all;
    for (auto &c : clients)
        all.append(c.get());
    all.append(&fresh);
    checkInvariants(all);

    int droppedAnswers = 0;
    int duplicatedPushes = 0;
    int crashes = 0;
    int doubleIssues = 0;
    for (auto &c : clients) {
        for (const RejectionEntry &r : c->replica->rejections(true).value())
            doubleIssues += r.rule == u"possible-double-billing"_s ? 1 : 0;
        droppedAnswers += c->transport->dropped;
        duplicatedPushes += c->transport->duplicated;
        crashes += c->transport->crashes;
    }
    qInfo("seed %u: %d answers dropped, %d pushes sent twice, %d server kills mid-push, "
          "%d client kills mid-apply, %d restarts so far, %d double issues",
          seed, droppedAnswers, duplicatedPushes, crashes, m_clientKills, m_restarts, doubleIssues);
}

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
