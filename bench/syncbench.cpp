// Sync benchmark: the real kontor-syncd on 127.0.0.1 and real ledger files. Prints JSON:
// - initial sync of a ledger with N issued invoices (5 lines each) to a new device (snapshot and
//   tail), with the rate;
// - a sync with no change (median and p95);
// - one change round trip A → server → B with both online (B long-polls), median and p95;
// - server ingest in ops/s with 10 and 100 concurrent clients pushing.
// Building the source ledger and pushing it are set-up and reported but not the figures.
#include "localsyncd.h"
#include "pushload.h"

#include <jsoncodec.h>
#include <ledger.h>
#include <money.h>
#include <replica.h>
#include <syncclient.h>
#include <syncengine.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;

namespace {

const QString Password = u"benchmark password"_s;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "kontor-bench-sync: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T must(Result<T> r, const QString &what)
{
    if (!r)
        fail(what + u": "_s + r.error().toString());
    return std::move(r).value();
}

void check(const Status &s, const QString &what)
{
    if (!s)
        fail(what + u": "_s + s.error().toString());
}

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// Waits for `done` to become true, processing events, failing after `timeoutMs`.
void waitFor(const std::function<bool()> &done, int timeoutMs, const QString &what)
{
    QElapsedTimer t;
    t.start();
    // Blocks between events (a busy loop would take a core from the server being measured);
    // the timer wakes it to check the deadline.
    QTimer wake;
    wake.start(100);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            fail(u"timed out: "_s + what);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

struct Stats
{
    QList<double> ms;
    QJsonObject json() const
    {
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        auto at = [&](double q) { return s.isEmpty() ? 0.0 : s.at(qsizetype(q * (s.size() - 1))); };
        auto r3 = [](double v) { return qRound64(v * 1000) / 1000.0; };
        return {{u"n"_s, s.size()},
                {u"median_ms"_s, r3(at(0.5))},
                {u"p95_ms"_s, r3(at(0.95))},
                {u"max_ms"_s, r3(s.isEmpty() ? 0 : s.last())}};
    }
};

struct Device
{
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncEngine> engine;

    void open(const QString &path)
    {
        store = must(Store::open(path, Store::OpenMode::CreateNew), u"create "_s + path);
        ledger = std::make_unique<Ledger>(*store);
        replica = std::make_unique<Replica>(*ledger);
        engine = std::make_unique<SyncEngine>(*replica);
        engine->setUseNetworkInformation(false);
    }

    void signIn(const QUrl &server, const QString &email, const QString &name)
    {
        bool done = false;
        engine->signIn({server}, email, Password, name, [&](Status s) {
            check(s, u"sign in"_s);
            done = true;
        });
        waitFor([&] { return done; }, 60000, u"sign in"_s);
    }

    SyncResult sync()
    {
        bool done = false;
        SyncResult result;
        auto c = QObject::connect(engine.get(), &SyncEngine::finished, engine.get(),
                                  [&](const SyncResult &r) {
                                      result = r;
                                      done = true;
                                  });
        engine->syncNow();
        waitFor([&] { return done; }, 3600 * 1000, u"sync"_s);
        QObject::disconnect(c);
        if (!result.ok)
            fail(u"sync: "_s + result.error.toString());
        return result;
    }
};

// The source ledger: a company, customers, and `n` issued invoices of 5 lines.
void build(Ledger &ledger, int n, int customers)
{
    CompanyProfile company;
    company.name = u"Officina Benchmark S.r.l."_s;
    company.address = {u"Via Roma 1"_s, {}, u"20121"_s, u"Milano"_s, u"MI"_s, u"IT"_s};
    company.vatId = u"IT01234567890"_s;
    company.currency = u"EUR"_s;
    check(ledger.initialize(company, u"INV-"_s), u"initialize"_s);
    const QList<TaxRate> rates = must(ledger.taxRates(), u"tax rates"_s);
    QRandomGenerator rng(7);
    WriteTransaction tx(ledger.store());
    QStringList ids;
    for (int i = 0; i < customers; ++i) {
        Customer c;
        c.name = u"Cliente %1 S.r.l."_s.arg(i + 1, 3, 10, QChar(u'0'));
        c.email = u"amministrazione%1@example.it"_s.arg(i);
        c.billingAddress
            = {u"Via Garibaldi %1"_s.arg(i + 1), {}, u"10100"_s, u"Torino"_s, u"TO"_s, u"IT"_s};
        ids << must(ledger.addCustomer(c), u"customer"_s).id;
    }
    const QDate start = QDate::currentDate().addDays(-730);
    for (int i = 0; i < n; ++i) {
        Document d;
        d.customerId = ids.at(i % ids.size());
        d.issueDate = start.addDays(qint64(i) * 730 / std::max(1, n));
        for (int k = 0; k < 5; ++k) {
            DocumentLine l;
            l.description = u"Servizio %1"_s.arg(k + 1);
            l.quantity = (1 + rng.bounded(9)) * QuantityScale;
            l.unitPrice = (1000 + rng.bounded(90000)) * PriceExtraScale;
            l.taxRateId = rates.at(k % 2).id;
            d.lines.append(l);
        }
        IssueOptions o;
        o.issueDate = d.issueDate;
        must(ledger.issueNew(d, o), u"issue"_s);
        if ((i + 1) % 20000 == 0)
            progress(u"  %1 invoices"_s.arg(i + 1));
    }
    check(tx.commit(), u"commit"_s);
}

// Pushes synthetic new customers from `clients` devices at once; returns ops per second.
double ingest(const QUrl &server, const QString &email, int clients, int batches, int batchSize)
{
    const Bench::PushLoad load
        = Bench::pushLoad({server}, email, Password, clients, batches, batchSize, false, 300000);
    if (!load.error.isEmpty())
        fail(u"ingest: "_s + load.error);
    return load.ops / load.seconds;
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures sync against the real kontor-syncd and prints "
                                     "JSON figures."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"invoices"_s, u"Issued invoices in the ledger synced to a new device."_s, u"n"_s,
         u"100000"_s},
        {u"repeat"_s, u"Timed runs of the no-change sync and the round trip."_s, u"n"_s, u"50"_s},
        {u"dir"_s, u"Directory for the ledgers and the server database."_s, u"path"_s},
        {u"syncd"_s, u"The kontor-syncd binary."_s, u"path"_s, QStringLiteral(KONTOR_SYNCD)},
        {u"quick"_s, u"CI-sized run: 2000 invoices, 10 repeats, small ingest."_s},
    });
    parser.process(app);
    const bool quick = parser.isSet(u"quick"_s);
    const int invoices = quick ? 2000 : parser.value(u"invoices"_s).toInt();
    const int repeat = quick ? 10 : parser.value(u"repeat"_s).toInt();
    QTemporaryDir tmp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : tmp.path();
    QDir().mkpath(dir);

    Bench::LocalSyncd server(parser.value(u"syncd"_s), QDir(dir).filePath(u"server.db"_s));
    const QString email = u"bench-%1@example.com"_s.arg(QDateTime::currentMSecsSinceEpoch());
    QJsonObject out;

    Device a;
    a.open(QDir(dir).filePath(u"a.kontor"_s));
    progress(u"building %1 invoices"_s.arg(invoices));
    QElapsedTimer t;
    t.start();
    build(*a.ledger, invoices, 300);
    out.insert(u"build_s"_s, t.elapsed() / 1000.0);
    {
        bool done = false;
        a.engine->signUp({server.url()}, email, Password, u"Bench"_s, [&](Result<QString> r) {
            must(std::move(r), u"sign up"_s);
            done = true;
        });
        waitFor([&] { return done; }, 60000, u"sign up"_s);
    }
    a.signIn(server.url(), email, u"A"_s);
    progress(u"pushing"_s);
    t.restart();
    const SyncResult pushed = a.sync();
    const double pushS = t.elapsed() / 1000.0;
    out.insert(u"setup_push"_s,
               QJsonObject {{u"ops"_s, pushed.pushed},
                            {u"s"_s, pushS},
                            {u"ops_per_s"_s, qRound(pushed.pushed / pushS)}});

    // Initial sync of a new device.
    Device b;
    b.open(QDir(dir).filePath(u"b.kontor"_s));
    b.signIn(server.url(), email, u"B"_s);
    progress(u"initial sync"_s);
    t.restart();
    const SyncResult initial = b.sync();
    const double initialS = t.elapsed() / 1000.0;
    const qint64 bInvoices = [&] {
        DocumentQuery q;
        auto totals = b.ledger->documentTotals(q);
        qint64 n = 0;
        if (totals)
            for (const auto &v : totals.value())
                n += v.count;
        return n;
    }();
    if (bInvoices != invoices)
        fail(u"the new device has %1 invoices, not %2"_s.arg(bInvoices).arg(invoices));
    if (b.replica->digest().value() != a.replica->digest().value())
        fail(u"the new device's books differ from the source's"_s);
    out.insert(u"initial_sync"_s,
               QJsonObject {{u"invoices"_s, invoices},
                            {u"records_applied"_s, initial.pulled},
                            {u"s"_s, initialS},
                            {u"invoices_per_s"_s, qRound(invoices / initialS)},
                            {u"target_s"_s, 5},
                            {u"ledger_mb"_s, QFileInfo(b.store->path()).size() / 1e6}});

    // No change.
    Stats none;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer one;
        one.start();
        b.sync();
        none.ms.append(one.nsecsElapsed() / 1e6);
    }
    QJsonObject noChange = none.json();
    noChange.insert(u"target_ms"_s, 5);
    out.insert(u"no_change_sync"_s, noChange);

    // A → server → B, both online: B keeps a long poll open.
    b.engine->setLongPollEnabled(true);
    b.engine->start();
    waitFor([&] { return b.engine->isLongPolling(); }, 30000, u"long poll"_s);
    Stats trip;
    const QString customerId = a.ledger->customers({})->items.first().id;
    for (int i = 0; i < repeat; ++i) {
        bool arrived = false;
        auto c = QObject::connect(b.engine.get(), &SyncEngine::remoteChangesApplied, b.engine.get(),
                                  [&](int) { arrived = true; });
        Customer edit = a.ledger->customer(customerId).value();
        edit.notes = u"round trip %1"_s.arg(i);
        QElapsedTimer one;
        one.start();
        check(a.ledger->updateCustomer(edit), u"edit"_s);
        a.engine->syncNow();
        waitFor([&] { return arrived && b.ledger->customer(customerId)->notes == edit.notes; },
                30000, u"round trip"_s);
        trip.ms.append(one.nsecsElapsed() / 1e6);
        QObject::disconnect(c);
        waitFor([&] { return b.engine->isLongPolling(); }, 30000, u"long poll again"_s);
    }
    QJsonObject roundTrip = trip.json();
    roundTrip.insert(u"target_p95_ms"_s, 1000);
    out.insert(u"round_trip_a_to_b"_s, roundTrip);
    b.engine->stop();

    // Ingest with concurrent clients.
    QJsonObject ingestOut;
    for (int clients : {10, 100}) {
        const int batches = quick ? 2 : (clients == 10 ? 40 : 4);
        progress(u"ingest with %1 clients"_s.arg(clients));
        const double rate = ingest(server.url(), email, clients, batches, 50);
        ingestOut.insert(u"clients_%1_ops_per_s"_s.arg(clients), qRound(rate));
    }
    out.insert(u"ingest"_s, ingestOut);
    out.insert(u"machine"_s, QJsonObject {{u"cores"_s, QThread::idealThreadCount()}});

    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return run(argc, argv);
}
