// The HTTP face of kontor-syncd (docs/sync-protocol.md): routes, protocol-version and bearer
// checks, strict decoding of bodies and query parameters, the mapping of errors to status codes,
// long-polls, password hashing off the event loop, metrics and access logs. The rules
// themselves live in SyncService.
#pragma once

#include "httpserver.h"
#include "metrics.h"
#include "syncservice.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace Kontor::Server {

class SyncApi : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int passwordIterations = 0; // 0: DefaultPasswordIterations
    };

    SyncApi(SyncService &service, Options options, QObject *parent = nullptr);
    ~SyncApi() override;

    // The handler to give HttpServer.
    void handle(const HttpRequest &request, HttpResponder responder);

    // Readiness off: /readyz answers 503 "draining" from now on, so the load balancer stops
    // sending requests here; everything else is served as before (the shutdown grace).
    void stopReadiness();
    // Readiness off, and the long-polls waiting here answered at once with an empty page at
    // their own cursor, without a database round trip (the database may be the reason for the
    // shutdown), so their clients poll again elsewhere; later pulls are not held either. The
    // HTTP server drains on its own.
    void startDraining();
    bool isDraining() const { return m_draining; }
    int longPollsWaiting() const { return int(m_waiters.size()); }
    // Answers the long-polls waiting on a tenant: after a push or lease change here, and when
    // another instance on the same database reports one.
    void tenantAdvanced(const QString &tenantId);

private:
    struct Exchange
    {
        HttpResponder responder;
        QString route;
        QByteArray method;
        QString path;
        QString peer;
        QString tenant;
        QElapsedTimer timer;
    };
    using ExchangePtr = std::shared_ptr<Exchange>;
    struct Waiter;

    void finish(const ExchangePtr &x, HttpResponse response);
    void fail(const ExchangePtr &x, const Error &error, int status = 0);
    void dispatch(const HttpRequest &request, const ExchangePtr &x);
    std::optional<AuthContext> authorise(const HttpRequest &request, const ExchangePtr &x);

    void createAccount(const HttpRequest &request, const ExchangePtr &x);
    void createSession(const HttpRequest &request, const ExchangePtr &x);
    void listDevices(const AuthContext &ctx, const ExchangePtr &x);
    void revokeDevice(const AuthContext &ctx, const QString &id, const ExchangePtr &x);
    void push(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x);
    void pull(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x);
    void snapshot(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x);
    void lease(const AuthContext &ctx, const QString &id, const HttpRequest &request, bool release,
               const ExchangePtr &x);
    void answerWaiter(const std::shared_ptr<Waiter> &waiter);
    void releaseWaiter(const std::shared_ptr<Waiter> &waiter);

    SyncService &m_service;
    Options m_options;
    Metrics m_metrics;
    QList<std::shared_ptr<Waiter>> m_waiters;
    bool m_ready = true;
    bool m_draining = false;
};

} // namespace Kontor::Server
