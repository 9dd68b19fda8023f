// Push load for the sync benchmarks: `clients` devices of one account sign in, then each pushes
// `batches` batches of `batchSize` new customers as fast as the answers come back, all at once.
// Clients are spread over the endpoints in turn (each fails over to the others).
#pragma once

#include <hlc.h>
#include <jsoncodec.h>
#include <syncclient.h>
#include <uuid7.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace Kontor::Bench {

struct PushLoad
{
    qint64 ops = 0; // accepted
    double seconds = 0;
    QList<double> latenciesMs; // one per answered push
    int failedPushes = 0; // sent again when `retry`
    QString error; // set when the load could not be run (sign-in, a refused op, a failed push)
};

inline PushLoad pushLoad(const QList<QUrl> &endpoints, const QString &email,
                         const QString &password, int clients, int batches, int batchSize,
                         bool retry, int timeoutMs)
{
    using namespace Qt::StringLiterals;
    using namespace Kontor::Sync;
    PushLoad out;
    // Waits with the event loop turning (a busy loop would take a core from the server).
    auto waitFor = [&out](const std::function<bool()> &done, int ms, const QString &what) {
        QElapsedTimer t;
        t.start();
        QTimer wake;
        wake.start(100);
        while (!done() && out.error.isEmpty()) {
            if (t.elapsed() > ms) {
                out.error = u"timed out: "_s + what;
                return false;
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        return out.error.isEmpty();
    };

    struct Pusher
    {
        std::unique_ptr<SyncClient> http;
        Session session;
        qint64 seq = 0;
        int left = 0;
    };
    std::vector<Pusher> pushers(clients);
    int signedIn = 0;
    for (int i = 0; i < clients; ++i) {
        Pusher &p = pushers[i];
        p.http = std::make_unique<SyncClient>();
        p.http->setTimeout(timeoutMs);
        QList<QUrl> mine;
        for (qsizetype k = 0; k < endpoints.size(); ++k)
            mine.append(endpoints.at((i + k) % endpoints.size()));
        p.http->setEndpoints(mine);
        p.http->signIn(email, password, u"pusher %1"_s.arg(i), newUuid7(),
                       [&p, &signedIn, &out](Result<Session> s) {
                           if (!s) {
                               out.error = u"sign in: "_s + s.error().toString();
                               return;
                           }
                           p.session = s.value();
                           p.http->setToken(p.session.token);
                           ++signedIn;
                       });
    }
    if (!waitFor([&] { return signedIn == clients; }, 600000, u"sign-ins"_s))
        return out;

    int running = 0;
    HybridLogicalClock clock;
    std::function<void(Pusher &)> next = [&](Pusher &p) {
        if (p.left == 0 || !out.error.isEmpty()) {
            --running;
            return;
        }
        --p.left;
        PushRequest req;
        req.deviceId = p.session.deviceId;
        for (int k = 0; k < batchSize; ++k) {
            Customer c;
            c.id = newUuid7();
            c.name = u"Bench %1"_s.arg(c.id.right(8));
            Op op;
            op.opId = newUuid7();
            op.deviceId = p.session.deviceId;
            op.deviceSeq = ++p.seq;
            op.entity = u"customer"_s;
            op.entityId = c.id;
            op.kind = u"create"_s;
            op.fields = toJson(c);
            op.hlc = clock.now(QDateTime::currentMSecsSinceEpoch()).toString();
            req.ops.append(op);
        }
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        p.http->push(req, [&, pp = &p, timer](Result<PushResponse> r) {
            if (!r) {
                ++out.failedPushes;
                if (!retry) {
                    out.error = u"push: "_s + r.error().toString();
                    --running;
                    return;
                }
                // Sent again: ops are idempotent by id.
                ++pp->left;
                next(*pp);
                return;
            }
            out.latenciesMs.append(timer->nsecsElapsed() / 1e6);
            for (const OpResult &o : r->results)
                if (o.status != OpStatus::Accepted)
                    out.error = u"op refused: "_s + o.message;
            out.ops += r->results.size();
            next(*pp);
        });
    };
    QElapsedTimer t;
    t.start();
    for (Pusher &p : pushers) {
        p.left = batches;
        ++running;
        next(p);
    }
    waitFor([&] { return running == 0; }, 3600 * 1000, u"pushes"_s);
    out.seconds = t.nsecsElapsed() / 1e9;
    return out;
}

} // namespace Kontor::Bench
