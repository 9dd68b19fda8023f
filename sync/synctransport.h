// The requests the sync engine makes of a server, as an interface: SyncClient speaks them over
// HTTP, and tests wrap it to drop, repeat or delay answers, so the engine's recovery is exercised
// against a real server without touching the network code. Every call is asynchronous and answers
// exactly once through its callback, unless it was cancelled first.
#pragma once

#include "protocol.h"

#include <QJsonArray>
#include <QList>
#include <QUrl>

#include <functional>

namespace Kontor::Sync {

// What a sign-in returns: the bearer token of this device and where the tenant's log stands.
struct Session
{
    QString token;
    QString deviceId;
    QString tenantId;
    QString epoch;
};

// Error rules the transport gives to failures that are not the server's judgement of a request,
// so the engine can tell "try again later" from "this will not work".
inline constexpr char NetworkRule[] = "network"; // no endpoint answered (refused, timeout, TLS)
inline constexpr char ServerUnavailableRule[] = "server-unavailable"; // every endpoint gave 5xx
inline constexpr char UnauthorizedRule[] = "unauthorized"; // HTTP 401: the token is not valid
inline constexpr char CancelledRule[] = "cancelled";

bool isRetryable(const Error &error); // network, server-unavailable, rate limits
bool isAuthError(const Error &error);

class SyncTransport
{
public:
    template<typename T> using Reply = std::function<void(Result<T>)>;
    using RequestId = quint64;

    virtual ~SyncTransport() = default;

    // The servers to try in order; a failing one passes the request to the next.
    virtual void setEndpoints(const QList<QUrl> &endpoints) = 0;
    virtual QList<QUrl> endpoints() const = 0;
    virtual void setToken(const QString &token) = 0;

    virtual RequestId createAccount(const QString &email, const QString &password,
                                    const QString &business, Reply<QString> done)
        = 0; // → tenant id
    virtual RequestId signIn(const QString &email, const QString &password,
                             const QString &deviceName, const QString &deviceId,
                             Reply<Session> done)
        = 0;
    virtual RequestId push(const PushRequest &request, Reply<PushResponse> done) = 0;
    // waitMs > 0 makes a long poll: the server holds the request until an op arrives or the wait
    // ends.
    virtual RequestId pull(const Cursor &after, int limit, int waitMs, Reply<PullResponse> done)
        = 0;
    virtual RequestId snapshot(const QString &after, int limit, Reply<SnapshotPage> done) = 0;
    virtual RequestId takeLease(const QString &seriesId, bool force, Reply<QJsonObject> done) = 0;
    virtual RequestId releaseLease(const QString &seriesId, Reply<QJsonObject> done) = 0;
    virtual RequestId devices(Reply<QJsonArray> done) = 0;
    virtual RequestId removeDevice(const QString &deviceId, Reply<QJsonObject> done) = 0;

    // The callback of a cancelled request is never called.
    virtual void cancel(RequestId id) = 0;
};

} // namespace Kontor::Sync
