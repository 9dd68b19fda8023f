// Push throughput and latency of kontor-syncd: concurrent clients, each signed in as its own
// device of one business, push batches of new customers as fast as the answers come back.
// Prints JSON: accepted ops per second over the run, and the latency of each push request
// (p50, p99, max). Against the endpoints given (`--endpoints`: kontor-syncd instances or the
// zones' HAProxy; clients are spread over them in turn), or, without endpoints, against a
// single-node kontor-syncd on its embedded SQLite, started here.
#include "localsyncd.h"
#include "pushload.h"

#include <syncclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;

namespace {

const QString Password = u"benchmark password"_s;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "kontor-bench-cluster: %s\n", qPrintable(what));
    std::exit(1);
}

void waitFor(const std::function<bool()> &done, int timeoutMs, const QString &what)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(100);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            fail(u"timed out: "_s + what);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

double percentile(QList<double> v, double q)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(qsizetype(q * double(v.size() - 1) + 0.5));
}

double r3(double v)
{
    return qRound64(v * 1000) / 1000.0;
}

QJsonObject measure(const QList<QUrl> &endpoints, int clients, int batches, int batchSize)
{
    // One business, signed up through the first endpoint.
    const QString email = u"bench-%1@example.com"_s.arg(QDateTime::currentMSecsSinceEpoch());
    {
        SyncClient admin;
        admin.setTimeout(60000);
        admin.setEndpoints(endpoints);
        bool done = false;
        admin.createAccount(email, Password, u"Bench"_s, [&](Result<QString> r) {
            if (!r)
                fail(u"sign up: "_s + r.error().toString());
            done = true;
        });
        waitFor([&] { return done; }, 60000, u"sign up"_s);
    }

    // Failed pushes are counted and sent again: ops are idempotent by id.
    const Bench::PushLoad load
        = Bench::pushLoad(endpoints, email, Password, clients, batches, batchSize, true, 120000);
    if (!load.error.isEmpty())
        fail(load.error);
    const double seconds = load.seconds;
    const qint64 ops = load.ops;
    const QList<double> &latencies = load.latenciesMs;
    const int failures = load.failedPushes;
    return QJsonObject {
        {u"clients"_s, clients},
        {u"endpoints"_s, int(endpoints.size())},
        {u"batch_size"_s, batchSize},
        {u"ops"_s, ops},
        {u"s"_s, r3(seconds)},
        {u"ops_per_s"_s, qRound(ops / seconds)},
        {u"push_p50_ms"_s, r3(percentile(latencies, 0.50))},
        {u"push_p99_ms"_s, r3(percentile(latencies, 0.99))},
        {u"push_max_ms"_s, r3(percentile(latencies, 1.0))},
        {u"failed_pushes_retried"_s, failures},
    };
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Push throughput and latency of kontor-syncd; prints "
                                     "JSON."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"endpoints"_s,
         u"Comma-separated server URLs (default: a local kontor-syncd on SQLite, started "
         "here)."_s,
         u"urls"_s},
        {u"clients"_s, u"Concurrent clients."_s, u"n"_s, u"10"_s},
        {u"batches"_s, u"Pushes per client."_s, u"n"_s, u"20"_s},
        {u"batch-size"_s, u"Ops per push."_s, u"n"_s, u"50"_s},
        {u"label"_s, u"A name for this run, copied into the JSON."_s, u"text"_s},
        {u"syncd"_s, u"The kontor-syncd binary for the local server."_s, u"path"_s,
         QStringLiteral(KONTOR_SYNCD)},
    });
    parser.process(app);
    bool ok = false;
    const int clients = parser.value(u"clients"_s).toInt(&ok);
    if (!ok || clients < 1)
        fail(u"--clients: a positive number is needed"_s);
    const int batches = parser.value(u"batches"_s).toInt(&ok);
    if (!ok || batches < 1)
        fail(u"--batches: a positive number is needed"_s);
    const int batchSize = parser.value(u"batch-size"_s).toInt(&ok);
    if (!ok || batchSize < 1)
        fail(u"--batch-size: a positive number is needed"_s);

    QTemporaryDir tmp;
    std::unique_ptr<Bench::LocalSyncd> local;
    QList<QUrl> endpoints;
    if (parser.isSet(u"endpoints"_s)) {
        for (const QString &s : parser.value(u"endpoints"_s).split(u',', Qt::SkipEmptyParts)) {
            const QUrl u(s.trimmed());
            if (!u.isValid() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s))
                fail(u"--endpoints: not an http(s) URL: "_s + s);
            endpoints.append(u);
        }
    } else {
        local = std::make_unique<Bench::LocalSyncd>(parser.value(u"syncd"_s),
                                                    QDir(tmp.path()).filePath(u"server.db"_s));
        endpoints.append(local->url());
    }
    QJsonObject out = measure(endpoints, clients, batches, batchSize);
    out.insert(u"server"_s, local ? u"single kontor-syncd, SQLite"_s : u"given endpoints"_s);
    if (parser.isSet(u"label"_s))
        out.insert(u"label"_s, parser.value(u"label"_s));
    out.insert(u"cores"_s, QThread::idealThreadCount());
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return run(argc, argv);
}
