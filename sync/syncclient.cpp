#include "syncclient.h"

#include "store.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Kontor::Sync {

Q_LOGGING_CATEGORY(lcSync, "kontor.sync")

namespace {

const QString kRateLimitedRule = u"rate-limited"_s;

Error networkError(const QString &message)
{
    return Error {ErrorKind::Io, QString(), QString::fromLatin1(NetworkRule), message};
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<QString> requireText(const QJsonObject &o, const QString &key, bool allowEmpty = false)
{
    const QJsonValue v = o.value(key);
    if (!v.isString() || (!allowEmpty && v.toString().isEmpty()) || v.toString().size() > 4096)
        return Error {ErrorKind::Io, key, u"bad-response"_s,
                      u"the server's answer lacks a valid '%1'"_s.arg(key)};
    return v.toString();
}

template<typename T> using Decoder = std::function<Result<T>(const QByteArray &)>;

// Turns a raw body callback into a typed one.
template<typename T>
std::function<void(Result<QByteArray>)> decoding(Decoder<T> decode, SyncTransport::Reply<T> done)
{
    return [decode = std::move(decode), done = std::move(done)](Result<QByteArray> body) {
        if (!body.ok()) {
            done(body.error());
            return;
        }
        done(decode(body.value()));
    };
}

Result<QJsonObject> objectBody(const QByteArray &body)
{
    // Some answers (release, delete) may have no body at all.
    if (body.trimmed().isEmpty())
        return QJsonObject();
    return parseObject(body);
}

} // namespace

bool isRetryable(const Error &error)
{
    return error.rule == QLatin1String(NetworkRule)
        || error.rule == QLatin1String(ServerUnavailableRule) || error.rule == kRateLimitedRule;
}

bool isAuthError(const Error &error)
{
    return error.rule == QLatin1String(UnauthorizedRule);
}

SyncClient::SyncClient(QObject *parent) : QObject(parent)
{
    // HTTP/2 multiplexes a long poll and a push on one connection when the server offers it;
    // over HTTP/1.1 Qt opens a second connection.
    m_nam.setAutoDeleteReplies(false);
}

SyncClient::~SyncClient()
{
    cancelAll();
}

void SyncClient::setEndpoints(const QList<QUrl> &endpoints)
{
    m_endpoints = endpoints;
    m_current = 0;
}

QUrl SyncClient::currentEndpoint() const
{
    return m_endpoints.value(m_current);
}

QUrl SyncClient::urlFor(const QUrl &base, const QString &path, const QUrlQuery &query) const
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(query);
    return url;
}

SyncTransport::RequestId SyncClient::send(QByteArray verb, QString path, QUrlQuery query,
                                          QByteArray body, int timeoutMs, bool authorized,
                                          RawReply done)
{
    const RequestId id = m_nextId++;
    Call call;
    call.verb = std::move(verb);
    call.path = std::move(path);
    call.query = std::move(query);
    call.body = std::move(body);
    call.timeoutMs = timeoutMs;
    call.authorized = authorized;
    call.done = std::move(done);
    if (m_endpoints.isEmpty()) {
        // Answer asynchronously like every other failure, so callers see one code path.
        auto reply = call.done;
        QMetaObject::invokeMethod(
            this,
            [this, id, reply] {
                if (!m_calls.contains(id))
                    return;
                m_calls.remove(id);
                reply(Error {ErrorKind::Usage, u"servers"_s, u"no-server"_s,
                             u"no sync server is configured"_s});
            },
            Qt::QueuedConnection);
        m_calls.insert(id, std::move(call));
        return id;
    }
    call.endpoint = qBound(0, m_current, int(m_endpoints.size()) - 1);
    m_calls.insert(id, std::move(call));
    dispatch(id);
    return id;
}

void SyncClient::dispatch(RequestId id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call &call = it.value();
    QNetworkRequest request(urlFor(m_endpoints.at(call.endpoint), call.path, call.query));
    request.setRawHeader(ProtocolHeader, QByteArray::number(ProtocolVersion));
    request.setRawHeader(SchemaHeader, QByteArray::number(Store::SchemaVersion));
    request.setRawHeader("Accept", "application/json");
    if (!call.body.isEmpty() || call.verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (call.authorized && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(call.timeoutMs);
#if QT_CONFIG(ssl)
    if (request.url().scheme() == u"https"_s)
        request.setSslConfiguration(m_ssl);
#endif
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call.verb, call.body);
    call.reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { finished(id, reply); });
}

void SyncClient::finished(RequestId id, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_calls.find(id);
    if (it == m_calls.end() || it->reply != reply)
        return;
    Call &call = it.value();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QByteArray body = reply->readAll();
    const QUrl endpoint = m_endpoints.value(call.endpoint);

    // A transport failure (nothing or no HTTP answer), a 5xx, or a timeout: the next endpoint may
    // do better. Our own cancellations never get here (the call is gone first).
    const bool transportFailure = status == 0;
    const bool serverFailure = status >= 500;
    if (transportFailure || serverFailure) {
        const QString why = transportFailure
            ? (netError == QNetworkReply::OperationCanceledError
                   ? u"no answer within %1 s"_s.arg(call.timeoutMs / 1000.0)
                   : reply->errorString())
            : u"HTTP %1"_s.arg(status);
        qCInfo(lcSync) << "request" << call.verb << call.path << "to" << endpoint.toDisplayString()
                       << "failed:" << why;
        ++call.attempts;
        if (call.attempts < m_endpoints.size()) {
            call.endpoint = (call.endpoint + 1) % int(m_endpoints.size());
            m_current = call.endpoint;
            dispatch(id);
            return;
        }
        RawReply done = std::move(call.done);
        m_calls.erase(it);
        if (transportFailure) {
            done(networkError(
                m_endpoints.size() == 1
                    ? u"cannot reach the sync server %1: %2"_s.arg(endpoint.toDisplayString(), why)
                    : u"cannot reach any of the %1 sync servers (last: %2: %3)"_s
                          .arg(m_endpoints.size())
                          .arg(endpoint.toDisplayString(), why)));
        } else {
            Error e = errorFromBody(body, status);
            e.kind = ErrorKind::Io;
            e.rule = QString::fromLatin1(ServerUnavailableRule);
            e.message
                = u"the sync server is unavailable (HTTP %1): %2"_s.arg(status).arg(e.message);
            done(e);
        }
        return;
    }

    if (call.attempts > 0) {
        qCInfo(lcSync) << "failed over to" << endpoint.toDisplayString();
        Q_EMIT endpointChanged(endpoint);
    }
    m_current = call.endpoint;
    RawReply done = std::move(call.done);
    m_calls.erase(it);
    if (status >= 200 && status < 300) {
        done(body);
        return;
    }
    Error e = errorFromBody(body, status);
    if (status == 401)
        e.rule = QString::fromLatin1(UnauthorizedRule);
    else if (status == 429)
        e.rule = kRateLimitedRule;
    done(e);
}

void SyncClient::cancel(RequestId id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    QPointer<QNetworkReply> reply = it->reply;
    m_calls.erase(it);
    if (reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SyncClient::cancelAll()
{
    const QList<RequestId> ids = m_calls.keys();
    for (RequestId id : ids)
        cancel(id);
}

// ---- Requests -------------------------------------------------------------------------------

SyncTransport::RequestId SyncClient::createAccount(const QString &email, const QString &password,
                                                   const QString &business, Reply<QString> done)
{
    const QByteArray body
        = compactJson({{u"email"_s, email}, {u"password"_s, password}, {u"business"_s, business}});
    return send("POST", u"/v1/accounts"_s, {}, body, m_timeoutMs, false,
                decoding<QString>(
                    [](const QByteArray &b) -> Result<QString> {
                        auto o = parseObject(b);
                        KONTOR_TRY(o);
                        return requireText(*o, u"tenantId"_s);
                    },
                    std::move(done)));
}

SyncTransport::RequestId SyncClient::signIn(const QString &email, const QString &password,
                                            const QString &deviceName, const QString &deviceId,
                                            Reply<Session> done)
{
    QJsonObject request {
        {u"email"_s, email}, {u"password"_s, password}, {u"deviceName"_s, deviceName}};
    if (!deviceId.isEmpty())
        request.insert(u"deviceId"_s, deviceId);
    return send("POST", u"/v1/sessions"_s, {}, compactJson(request), m_timeoutMs, false,
                decoding<Session>(
                    [](const QByteArray &b) -> Result<Session> {
                        auto o = parseObject(b);
                        KONTOR_TRY(o);
                        Session s;
                        auto token = requireText(*o, u"token"_s);
                        KONTOR_TRY(token);
                        s.token = *token;
                        auto device = requireText(*o, u"deviceId"_s);
                        KONTOR_TRY(device);
                        s.deviceId = *device;
                        auto tenant = requireText(*o, u"tenantId"_s);
                        KONTOR_TRY(tenant);
                        s.tenantId = *tenant;
                        s.epoch = o->value(u"epoch"_s).toString();
                        return s;
                    },
                    std::move(done)));
}

SyncTransport::RequestId SyncClient::push(const PushRequest &request, Reply<PushResponse> done)
{
    return send("POST", u"/v1/push"_s, {}, encode(request), m_timeoutMs, true,
                decoding<PushResponse>(&decodePushResponse, std::move(done)));
}

SyncTransport::RequestId SyncClient::pull(const Cursor &after, int limit, int waitMs,
                                          Reply<PullResponse> done)
{
    QUrlQuery query;
    query.addQueryItem(u"epoch"_s, after.epoch);
    query.addQueryItem(u"after"_s, QString::number(after.seq));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (waitMs > 0)
        query.addQueryItem(u"wait"_s, QString::number(qMin(waitMs, MaxLongPollMs)));
    // The server holds a long poll for up to its wait: the timeout counts from its end.
    const int timeout = m_timeoutMs + qMax(0, qMin(waitMs, MaxLongPollMs));
    return send("GET", u"/v1/pull"_s, query, {}, timeout, true,
                decoding<PullResponse>(&decodePullResponse, std::move(done)));
}

SyncTransport::RequestId SyncClient::snapshot(const QString &after, int limit,
                                              Reply<SnapshotPage> done)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(u"after"_s, after);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return send("GET", u"/v1/snapshot"_s, query, {}, m_timeoutMs, true,
                decoding<SnapshotPage>(&decodeSnapshotPage, std::move(done)));
}

SyncTransport::RequestId SyncClient::takeLease(const QString &seriesId, bool force,
                                               Reply<QJsonObject> done)
{
    const QString path
        = u"/v1/series/%1/lease"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(seriesId)));
    return send("POST", path, {}, compactJson({{u"force"_s, force}}), m_timeoutMs, true,
                decoding<QJsonObject>(&objectBody, std::move(done)));
}

SyncTransport::RequestId SyncClient::releaseLease(const QString &seriesId, Reply<QJsonObject> done)
{
    const QString path
        = u"/v1/series/%1/release"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(seriesId)));
    return send("POST", path, {}, "{}", m_timeoutMs, true,
                decoding<QJsonObject>(&objectBody, std::move(done)));
}

SyncTransport::RequestId SyncClient::devices(Reply<QJsonArray> done)
{
    return send("GET", u"/v1/devices"_s, {}, {}, m_timeoutMs, true,
                decoding<QJsonArray>(
                    [](const QByteArray &b) -> Result<QJsonArray> {
                        const QJsonDocument doc = QJsonDocument::fromJson(b);
                        if (doc.isArray())
                            return doc.array();
                        if (doc.isObject() && doc.object().value(u"devices"_s).isArray())
                            return doc.object().value(u"devices"_s).toArray();
                        return Error {ErrorKind::Io, u"devices"_s, u"bad-response"_s,
                                      u"the server's answer lacks the list of devices"_s};
                    },
                    std::move(done)));
}

SyncTransport::RequestId SyncClient::removeDevice(const QString &deviceId, Reply<QJsonObject> done)
{
    const QString path
        = u"/v1/devices/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(deviceId)));
    return send("DELETE", path, {}, {}, m_timeoutMs, true,
                decoding<QJsonObject>(&objectBody, std::move(done)));
}

} // namespace Kontor::Sync
