#include "syncapi.h"

#include "credentials.h"
#include "logging.h"

#include <rules.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

namespace {

constexpr int MinPasswordLength = 10;
constexpr int MaxPasswordLength = 1024;
constexpr int MaxNameLength = 200;
constexpr int MaxEmailLength = 254;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse jsonResponse(int status, const QJsonObject &o)
{
    return HttpResponse {status, json(o), "application/json", {}};
}

int statusFor(const Error &e)
{
    if (e.rule == u"unauthorized")
        return 401;
    if (e.rule == u"too-large" || e.rule == u"too-many")
        return 413;
    // The database is unreachable, failing over, or did not confirm a commit: the client tries
    // again (ops are idempotent, so a write that did land is answered from its first result).
    if (e.rule == u"database-unavailable")
        return 503;
    switch (e.kind) {
    case ErrorKind::Validation:
    case ErrorKind::Usage:
        return 400;
    case ErrorKind::NotFound:
        return 404;
    case ErrorKind::Conflict:
        return 409;
    case ErrorKind::Io:
    case ErrorKind::Integrity:
        break;
    }
    return 500;
}

QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

Result<QString> stringField(const QJsonObject &o, const QString &key, int minLength, int maxLength,
                            bool optional = false)
{
    const auto it = o.constFind(key);
    if (it == o.constEnd()) {
        if (optional)
            return QString();
        return validationError(key, u"missing-field"_s, u"is required"_s);
    }
    if (!it->isString())
        return validationError(key, u"bad-type"_s, u"expected a string"_s);
    const QString s = it->toString();
    if (s.size() < minLength)
        return validationError(key, minLength <= 1 ? u"empty"_s : u"too-short"_s,
                               u"must have at least %1 characters"_s.arg(minLength));
    if (s.size() > maxLength)
        return validationError(key, u"too-long"_s,
                               u"must have at most %1 characters"_s.arg(maxLength));
    return s;
}

Result<qint64> intParam(const QUrlQuery &query, const QString &name, qint64 min, qint64 max,
                        std::optional<qint64> fallback)
{
    if (!query.hasQueryItem(name)) {
        if (fallback)
            return *fallback;
        return validationError(name, u"missing-field"_s, u"is required"_s);
    }
    const QString text = query.queryItemValue(name);
    bool ok = !text.isEmpty() && text.size() <= 16;
    for (QChar c : text)
        ok = ok && c >= u'0' && c <= u'9';
    const qint64 v = ok ? text.toLongLong(&ok) : 0;
    if (!ok)
        return validationError(name, u"bad-type"_s, u"expected a non-negative integer"_s);
    if (v < min || v > max)
        return validationError(name, u"out-of-range"_s,
                               u"must be between %1 and %2"_s.arg(min).arg(max));
    return v;
}

// The body of a request that may be empty (lease): {} when it is.
Result<QJsonObject> optionalBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    return Sync::parseObject(body);
}

} // namespace

struct SyncApi::Waiter
{
    ExchangePtr exchange;
    AuthContext ctx;
    QString epoch;
    qint64 after = 0;
    int limit = 0;
    std::unique_ptr<QTimer> timer;
};

SyncApi::SyncApi(SyncService &service, Options options, QObject *parent)
    : QObject(parent), m_service(service), m_options(options)
{
    if (m_options.passwordIterations <= 0)
        m_options.passwordIterations = DefaultPasswordIterations;
}

SyncApi::~SyncApi() = default;

void SyncApi::stopReadiness()
{
    m_ready = false;
}

void SyncApi::startDraining()
{
    m_ready = false;
    m_draining = true;
    const auto waiters = m_waiters;
    for (const auto &w : waiters)
        releaseWaiter(w);
}

void SyncApi::finish(const ExchangePtr &x, HttpResponse response)
{
    if (!x->responder.isPending())
        return;
    const double seconds = double(x->timer.nsecsElapsed()) / 1e9;
    m_metrics.request(x->route, response.status, seconds);
    QJsonObject fields {{u"method"_s, QString::fromLatin1(x->method)},
                        {u"route"_s, x->route},
                        {u"status"_s, response.status},
                        {u"duration_ms"_s, qRound64(seconds * 1e6) / 1000.0},
                        {u"peer"_s, x->peer}};
    if (!x->tenant.isEmpty())
        fields.insert(u"tenant"_s, x->tenant);
    logEvent(QtInfoMsg, "kontor.server", u"request"_s, fields);
    response.headers.append(
        {QByteArray(Sync::ProtocolHeader), QByteArray::number(Sync::ProtocolVersion)});
    x->responder.respond(response);
}

void SyncApi::fail(const ExchangePtr &x, const Error &error, int status)
{
    if (status == 0)
        status = statusFor(error);
    Error shown = error;
    if (status >= 500) {
        // Details of a storage failure are for the log, not for the client.
        qCWarning(lcServer).noquote() << x->route << "failed:" << error.toString();
        shown = status == 503
            ? Error {error.kind, QString(), u"unavailable"_s,
                     u"the service cannot reach its database; try again"_s}
            : Error {error.kind, QString(), u"internal"_s, u"the server could not do this"_s};
    }
    HttpResponse r {status, Sync::errorBody(shown), "application/json", {}};
    if (status == 503)
        r.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
    if (status == 401)
        r.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Bearer"));
    finish(x, r);
}

void SyncApi::handle(const HttpRequest &request, HttpResponder responder)
{
    auto x = std::make_shared<Exchange>();
    x->responder = std::move(responder);
    x->method = request.method;
    x->path = request.path;
    x->peer = request.peer;
    x->route = u"unmatched"_s;
    x->timer.start();
    dispatch(request, x);
    // A handler that answers later holds its own reference to the exchange.
}

void SyncApi::dispatch(const HttpRequest &request, const ExchangePtr &x)
{
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    const QByteArray &method = request.method;
    auto route = [&](const QString &name, const QByteArray &allowed) {
        x->route = QString::fromLatin1(allowed) + u' ' + name;
        if (method == allowed)
            return true;
        fail(x,
             validationError({}, u"method-not-allowed"_s,
                             u"use %1"_s.arg(QString::fromLatin1(allowed))),
             405);
        return false;
    };

    // Health and metrics are for load balancers and scrapers: no protocol header, no token.
    if (parts.size() == 1 && parts[0] == u"healthz") {
        if (route(u"/healthz"_s, "GET"))
            finish(x, jsonResponse(200, {{u"status"_s, u"alive"_s}}));
        return;
    }
    if (parts.size() == 1 && parts[0] == u"readyz") {
        if (!route(u"/readyz"_s, "GET"))
            return;
        if (!m_ready)
            finish(x, jsonResponse(503, {{u"status"_s, u"draining"_s}}));
        else if (!m_service.storage().ping())
            finish(x, jsonResponse(503, {{u"status"_s, u"database-unreachable"_s}}));
        else
            finish(x, jsonResponse(200, {{u"status"_s, u"ready"_s}}));
        return;
    }
    if (parts.size() == 1 && parts[0] == u"metrics") {
        if (!route(u"/metrics"_s, "GET"))
            return;
        m_metrics.setLongPollsWaiting(longPollsWaiting());
        finish(x, HttpResponse {200, m_metrics.render(), "text/plain; version=0.0.4", {}});
        return;
    }
    if (parts.isEmpty() || parts[0] != u"v1") {
        fail(x, Error {ErrorKind::NotFound, {}, u"not-found"_s, u"no such resource"_s});
        return;
    }

    const QByteArray version = request.header("kontor-protocol");
    bool ok = false;
    const int v = version.toInt(&ok);
    if (!ok || v < Sync::MinProtocolVersion || v > Sync::ProtocolVersion) {
        x->route = u"protocol"_s;
        fail(x,
             validationError(
                 QString::fromLatin1(Sync::ProtocolHeader), u"protocol-version"_s,
                 u"this server speaks protocol versions %1 to %2"_s.arg(Sync::MinProtocolVersion)
                     .arg(Sync::ProtocolVersion)),
             426);
        return;
    }

    const qsizetype n = parts.size();
    if (n == 2 && parts[1] == u"accounts") {
        if (route(u"/v1/accounts"_s, "POST"))
            createAccount(request, x);
        return;
    }
    if (n == 2 && parts[1] == u"sessions") {
        if (route(u"/v1/sessions"_s, "POST"))
            createSession(request, x);
        return;
    }

    // Everything else acts for a device.
    std::function<void(const AuthContext &)> action;
    if (n == 2 && parts[1] == u"devices") {
        if (!route(u"/v1/devices"_s, "GET"))
            return;
        action = [this, x](const AuthContext &ctx) { listDevices(ctx, x); };
    } else if (n == 3 && parts[1] == u"devices") {
        if (!route(u"/v1/devices/{id}"_s, "DELETE"))
            return;
        const QString id = parts[2];
        action = [this, x, id](const AuthContext &ctx) { revokeDevice(ctx, id, x); };
    } else if (n == 2 && parts[1] == u"push") {
        if (!route(u"/v1/push"_s, "POST"))
            return;
        action = [this, x, &request](const AuthContext &ctx) { push(ctx, request, x); };
    } else if (n == 2 && parts[1] == u"pull") {
        if (!route(u"/v1/pull"_s, "GET"))
            return;
        action = [this, x, &request](const AuthContext &ctx) { pull(ctx, request, x); };
    } else if (n == 2 && parts[1] == u"snapshot") {
        if (!route(u"/v1/snapshot"_s, "GET"))
            return;
        action = [this, x, &request](const AuthContext &ctx) { snapshot(ctx, request, x); };
    } else if (n == 4 && parts[1] == u"series"
               && (parts[3] == u"lease" || parts[3] == u"release")) {
        const bool release = parts[3] == u"release";
        if (!route(release ? u"/v1/series/{id}/release"_s : u"/v1/series/{id}/lease"_s, "POST"))
            return;
        const QString id = parts[2];
        action = [this, x, id, release, &request](const AuthContext &ctx) {
            lease(ctx, id, request, release, x);
        };
    } else if (n == 3 && parts[1] == u"audit" && parts[2] == u"head") {
        if (!route(u"/v1/audit/head"_s, "GET"))
            return;
        action = [this, x](const AuthContext &ctx) {
            auto head = m_service.auditHead(ctx);
            if (!head)
                return fail(x, head.error());
            finish(x, jsonResponse(200, {{u"seq"_s, head->seq}, {u"hash"_s, head->hash}}));
        };
    } else if (n == 3 && parts[1] == u"audit" && parts[2] == u"verify") {
        if (!route(u"/v1/audit/verify"_s, "GET"))
            return;
        action = [this, x](const AuthContext &ctx) {
            auto report = m_service.verifyAudit(ctx);
            if (!report)
                return fail(x, report.error());
            finish(x,
                   jsonResponse(200,
                                {{u"ok"_s, report->ok},
                                 {u"entries"_s, report->entries},
                                 {u"problems"_s, QJsonArray::fromStringList(report->problems)}}));
        };
    } else {
        fail(x, Error {ErrorKind::NotFound, {}, u"not-found"_s, u"no such resource"_s});
        return;
    }
    if (auto ctx = authorise(request, x))
        action(*ctx);
}

std::optional<AuthContext> SyncApi::authorise(const HttpRequest &request, const ExchangePtr &x)
{
    const QByteArray header = request.header("authorization");
    QString token;
    if (header.startsWith("Bearer "))
        token = QString::fromLatin1(header.mid(7).trimmed());
    auto ctx = m_service.authenticate(token);
    if (!ctx) {
        fail(x, ctx.error());
        return std::nullopt;
    }
    x->tenant = ctx->tenantId;
    return *ctx;
}

void SyncApi::createAccount(const HttpRequest &request, const ExchangePtr &x)
{
    auto body = Sync::parseObject(request.body);
    if (!body)
        return fail(x, body.error());
    auto email = stringField(*body, u"email"_s, 3, MaxEmailLength);
    if (!email)
        return fail(x, email.error());
    if (!isValidEmail(email->trimmed()))
        return fail(
            x, validationError(u"email"_s, u"invalid-email"_s, u"not a valid email address"_s));
    auto password = stringField(*body, u"password"_s, MinPasswordLength, MaxPasswordLength);
    if (!password)
        return fail(x, password.error());
    auto business = stringField(*body, u"business"_s, 1, MaxNameLength);
    if (!business)
        return fail(x, business.error());

    const QByteArray salt = randomBytes(SaltBytes);
    const int iterations = m_options.passwordIterations;
    QThreadPool::globalInstance()->start(
        [this, x, salt, iterations, email = *email, password = *password, business = *business] {
            const QByteArray hash = hashPassword(password, salt, iterations);
            QMetaObject::invokeMethod(
                this,
                [this, x, salt, iterations, hash, email, business] {
                    auto tenant = m_service.createAccount(email, business, hash, salt, iterations);
                    if (!tenant)
                        return fail(x, tenant.error());
                    x->tenant = *tenant;
                    finish(x, jsonResponse(201, {{u"tenantId"_s, *tenant}}));
                },
                Qt::QueuedConnection);
        });
}

void SyncApi::createSession(const HttpRequest &request, const ExchangePtr &x)
{
    auto body = Sync::parseObject(request.body);
    if (!body)
        return fail(x, body.error());
    auto email = stringField(*body, u"email"_s, 1, MaxEmailLength);
    if (!email)
        return fail(x, email.error());
    auto password = stringField(*body, u"password"_s, 1, MaxPasswordLength);
    if (!password)
        return fail(x, password.error());
    auto deviceName = stringField(*body, u"deviceName"_s, 1, MaxNameLength);
    if (!deviceName)
        return fail(x, deviceName.error());
    auto deviceId = stringField(*body, u"deviceId"_s, 1, int(Sync::MaxIdLength), true);
    if (!deviceId)
        return fail(x, deviceId.error());
    if (!deviceId->isEmpty()
        && (!Sync::isValidId(*deviceId) || *deviceId == QStringView(ServerDeviceId)))
        return fail(x,
                    validationError(u"deviceId"_s, u"bad-id"_s,
                                    u"may hold only A-Z, a-z, 0-9, '-' and '_'"_s));

    auto delay = m_service.loginDelay(*email, request.peer);
    if (!delay)
        return fail(x, delay.error());
    if (*delay > 0) {
        m_metrics.loginFailed();
        HttpResponse r {
            429,
            Sync::errorBody(Error {ErrorKind::Usage,
                                   {},
                                   u"rate-limited"_s,
                                   u"too many failed sign-ins; try again in %1 s"_s.arg(*delay)}),
            "application/json",
            {{"Retry-After", QByteArray::number(*delay)}}};
        return finish(x, r);
    }

    auto account = m_service.storage().accountByEmail(SyncService::normaliseEmail(*email));
    if (!account)
        return fail(x, account.error());
    // Unknown emails cost the same hashing time, so timing does not tell which emails exist.
    const bool known = account->has_value();
    const QByteArray salt
        = known ? (*account)->salt : sha256Hex(email->toUtf8()).toLatin1().left(SaltBytes);
    const int iterations = known ? (*account)->iterations : m_options.passwordIterations;
    const AccountRecord record = known ? **account : AccountRecord {};
    QThreadPool::globalInstance()->start([this, x, salt, iterations, known, record, email = *email,
                                          password = *password, deviceName = *deviceName,
                                          deviceId = *deviceId, peer = request.peer] {
        const QByteArray hash = hashPassword(password, salt, iterations);
        QMetaObject::invokeMethod(
            this,
            [=, this] {
                if (!known || !constantTimeEquals(hash, record.passwordHash)) {
                    m_metrics.loginFailed();
                    if (auto s = m_service.loginFailed(email, peer); !s)
                        return fail(x, s.error());
                    return fail(
                        x,
                        Error {
                            ErrorKind::Usage, {}, u"unauthorized"_s, u"wrong email or password"_s});
                }
                auto grant = m_service.openSession(record, email, deviceName, deviceId);
                if (!grant)
                    return fail(x, grant.error());
                x->tenant = grant->tenantId;
                finish(x,
                       jsonResponse(201,
                                    {{u"token"_s, grant->token},
                                     {u"deviceId"_s, grant->deviceId},
                                     {u"tenantId"_s, grant->tenantId},
                                     {u"epoch"_s, grant->epoch}}));
            },
            Qt::QueuedConnection);
    });
}

void SyncApi::listDevices(const AuthContext &ctx, const ExchangePtr &x)
{
    auto devices = m_service.devices(ctx);
    if (!devices)
        return fail(x, devices.error());
    QJsonArray list;
    for (const DeviceRecord &d : std::as_const(*devices))
        list.append(QJsonObject {{u"id"_s, d.id},
                                 {u"name"_s, d.name},
                                 {u"createdAt"_s, isoTime(d.createdAt)},
                                 {u"lastSeenAt"_s, isoTime(d.lastSeenAt)},
                                 {u"revoked"_s, d.revoked()}});
    finish(x, jsonResponse(200, {{u"devices"_s, list}}));
}

void SyncApi::revokeDevice(const AuthContext &ctx, const QString &id, const ExchangePtr &x)
{
    if (!Sync::isValidId(id))
        return fail(x, validationError(u"id"_s, u"bad-id"_s, u"not a device id"_s));
    if (auto s = m_service.revokeDevice(ctx, id); !s)
        return fail(x, s.error());
    finish(x, jsonResponse(200, {{u"id"_s, id}, {u"revoked"_s, true}}));
}

void SyncApi::push(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x)
{
    auto decoded = Sync::decodePushRequest(request.body);
    if (!decoded)
        return fail(x, decoded.error());
    if (decoded->deviceId != ctx.deviceId)
        return fail(x,
                    validationError(u"deviceId"_s, u"device-mismatch"_s,
                                    u"the token belongs to another device"_s),
                    403);
    m_metrics.pushBatch(int(decoded->ops.size()));
    auto response = m_service.push(ctx, *decoded);
    if (!response)
        return fail(x, response.error());
    bool advanced = false;
    for (const Sync::OpResult &r : std::as_const(response->results)) {
        if (r.duplicate)
            continue;
        if (r.status == Sync::OpStatus::Accepted) {
            m_metrics.opAccepted();
            advanced = true;
        } else {
            m_metrics.opRejected(r.rule);
        }
    }
    finish(x, HttpResponse {200, Sync::encode(*response), "application/json", {}});
    if (advanced)
        tenantAdvanced(ctx.tenantId);
}

void SyncApi::pull(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x)
{
    const QString epoch = request.query.queryItemValue(u"epoch"_s);
    if (!request.query.hasQueryItem(u"epoch"_s))
        return fail(x, validationError(u"epoch"_s, u"missing-field"_s, u"is required"_s));
    if (!epoch.isEmpty() && !Sync::isValidId(epoch))
        return fail(x, validationError(u"epoch"_s, u"bad-id"_s, u"not an epoch"_s));
    auto after = intParam(request.query, u"after"_s, 0, qint64(1) << 53, std::nullopt);
    if (!after)
        return fail(x, after.error());
    auto limit = intParam(request.query, u"limit"_s, 1, Sync::MaxPullPage, Sync::DefaultPullPage);
    if (!limit)
        return fail(x, limit.error());
    auto wait = intParam(request.query, u"wait"_s, 0, qint64(1) << 31, 0);
    if (!wait)
        return fail(x, wait.error());

    auto page = m_service.pull(ctx, epoch, *after, int(*limit));
    if (!page)
        return fail(x, page.error());
    if (!page->ops.isEmpty() || page->epochChanged || *wait == 0 || m_draining)
        return finish(x, HttpResponse {200, Sync::encode(*page), "application/json", {}});

    auto waiter = std::make_shared<Waiter>();
    waiter->exchange = x;
    waiter->ctx = ctx;
    waiter->epoch = epoch;
    waiter->after = *after;
    waiter->limit = int(*limit);
    waiter->timer = std::make_unique<QTimer>();
    waiter->timer->setSingleShot(true);
    std::weak_ptr<Waiter> weak = waiter;
    connect(waiter->timer.get(), &QTimer::timeout, this, [this, weak] {
        if (auto w = weak.lock())
            answerWaiter(w);
    });
    waiter->timer->start(int(std::min<qint64>(*wait, Sync::MaxLongPollMs)));
    m_waiters.append(waiter);
}

void SyncApi::answerWaiter(const std::shared_ptr<Waiter> &waiter)
{
    if (!m_waiters.removeOne(waiter))
        return;
    waiter->timer->stop();
    auto page = m_service.pull(waiter->ctx, waiter->epoch, waiter->after, waiter->limit);
    if (!page)
        return fail(waiter->exchange, page.error());
    finish(waiter->exchange, HttpResponse {200, Sync::encode(*page), "application/json", {}});
}

void SyncApi::releaseWaiter(const std::shared_ptr<Waiter> &waiter)
{
    if (!m_waiters.removeOne(waiter))
        return;
    waiter->timer->stop();
    // What a timeout would answer if nothing arrived: nothing new after the client's cursor.
    // Anything that did arrive meanwhile the client gets from its next poll, wherever that goes.
    Sync::PullResponse page;
    page.next = {waiter->epoch, waiter->after};
    finish(waiter->exchange, HttpResponse {200, Sync::encode(page), "application/json", {}});
}

void SyncApi::tenantAdvanced(const QString &tenantId)
{
    const auto waiters = m_waiters;
    for (const auto &w : waiters)
        if (w->ctx.tenantId == tenantId)
            answerWaiter(w);
}

void SyncApi::snapshot(const AuthContext &ctx, const HttpRequest &request, const ExchangePtr &x)
{
    const QString after = request.query.queryItemValue(u"after"_s);
    auto limit
        = intParam(request.query, u"limit"_s, 1, Sync::MaxSnapshotPage, Sync::MaxSnapshotPage);
    if (!limit)
        return fail(x, limit.error());
    auto page = m_service.snapshot(ctx, after, int(*limit));
    if (!page)
        return fail(x, page.error());
    finish(x, HttpResponse {200, Sync::encode(*page), "application/json", {}});
}

void SyncApi::lease(const AuthContext &ctx, const QString &id, const HttpRequest &request,
                    bool release, const ExchangePtr &x)
{
    if (!Sync::isValidId(id))
        return fail(x, validationError(u"id"_s, u"bad-id"_s, u"not a series id"_s));
    auto body = optionalBody(request.body);
    if (!body)
        return fail(x, body.error());
    bool force = false;
    if (body->contains(u"force"_s)) {
        if (!body->value(u"force"_s).isBool())
            return fail(x, validationError(u"force"_s, u"bad-type"_s, u"expected a boolean"_s));
        force = body->value(u"force"_s).toBool();
    }
    auto held = release ? m_service.release(ctx, id) : m_service.lease(ctx, id, force);
    if (!held)
        return fail(x, held.error());
    finish(x,
           jsonResponse(200,
                        {{u"seriesId"_s, held->id},
                         {u"holderDeviceId"_s, held->holderDeviceId},
                         {u"nextNumber"_s, held->nextNumber}}));
    tenantAdvanced(ctx.tenantId);
}

} // namespace Kontor::Server
