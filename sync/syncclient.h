// The HTTP client of the sync protocol (docs/sync-protocol.md) over QNetworkAccessManager. It
// knows the requests and their JSON, the protocol headers, per-request timeouts and the list of
// zone endpoints: a request that meets a refused connection, a timeout, a TLS failure or a 5xx
// moves on to the next endpoint, and the endpoint that answered is used first from then on. It
// keeps no sync state; the SyncEngine decides what to send and when.
#pragma once

#include "synctransport.h"

#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

class QNetworkReply;

namespace Kontor::Sync {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

class SyncClient : public QObject, public SyncTransport
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 30000;

    explicit SyncClient(QObject *parent = nullptr);
    ~SyncClient() override;

    void setEndpoints(const QList<QUrl> &endpoints) override;
    QList<QUrl> endpoints() const override { return m_endpoints; }
    // The endpoint the next request goes to first (the last one that answered).
    QUrl currentEndpoint() const;
    void setToken(const QString &token) override { m_token = token; }
    // How long a request may go without any byte moving; a long poll adds its wait to this.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
#if QT_CONFIG(ssl)
    // For a private CA; by default the system's trust store and Qt's normal checks apply.
    void setSslConfiguration(const QSslConfiguration &config)
    {
        m_ssl = config;
    }
#endif

    RequestId createAccount(const QString &email, const QString &password, const QString &business,
                            Reply<QString> done) override;
    RequestId signIn(const QString &email, const QString &password, const QString &deviceName,
                     const QString &deviceId, Reply<Session> done) override;
    RequestId push(const PushRequest &request, Reply<PushResponse> done) override;
    RequestId pull(const Cursor &after, int limit, int waitMs, Reply<PullResponse> done) override;
    RequestId snapshot(const QString &after, int limit, Reply<SnapshotPage> done) override;
    RequestId takeLease(const QString &seriesId, bool force, Reply<QJsonObject> done) override;
    RequestId releaseLease(const QString &seriesId, Reply<QJsonObject> done) override;
    RequestId devices(Reply<QJsonArray> done) override;
    RequestId removeDevice(const QString &deviceId, Reply<QJsonObject> done) override;

    void cancel(RequestId id) override;
    void cancelAll();
    int activeRequests() const
    {
        return int(m_calls.size());
    }

Q_SIGNALS:
    // A request failed over and `url` answered instead.
    void endpointChanged(const QUrl &url);

private:
    using RawReply = std::function<void(Result<QByteArray>)>;
    struct Call
    {
        QByteArray verb;
        QString path;
        QUrlQuery query;
        QByteArray body;
        int timeoutMs = 0;
        bool authorized = true;
        int endpoint = 0; // index tried now
        int attempts = 0; // endpoints tried so far
        QPointer<QNetworkReply> reply;
        RawReply done;
    };

    RequestId send(QByteArray verb, QString path, QUrlQuery query, QByteArray body, int timeoutMs,
                   bool authorized, RawReply done);
    void dispatch(RequestId id);
    void finished(RequestId id, QNetworkReply *reply);
    QUrl urlFor(const QUrl &base, const QString &path, const QUrlQuery &query) const;

    QNetworkAccessManager m_nam;
    QList<QUrl> m_endpoints;
    int m_current = 0;
    QString m_token;
    int m_timeoutMs = DefaultTimeoutMs;
#if QT_CONFIG(ssl)
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
#endif
    QHash<RequestId, Call> m_calls;
    RequestId m_nextId = 1;
};

} // namespace Kontor::Sync
