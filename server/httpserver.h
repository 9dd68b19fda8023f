// A small HTTP/1.1 server on QTcpServer/QSslServer for kontor-syncd's JSON API. It exists
// because Qt HttpServer 6.4 reads a whole request body into memory before the application sees
// the headers (no size limit, no timeout), which a public service cannot accept. This one checks
// Content-Length before reading the body (413), bounds the header block (431) and the time a
// request may take to arrive (408), lets a handler answer later (long-polls) through a
// move-only HttpResponder, and drains: stop accepting, finish what is in flight, then report.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>

#include <result.h>

#include <functional>
#include <optional>

class QTcpServer;
class QSslConfiguration;

namespace Kontor::Server {

class HttpConnection;

struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString peer; // client address, for rate limits and logs

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// The pending answer to one request. Move it into a long-poll and answer later; if the client
// has gone away meanwhile, respond() does nothing. Destroyed unanswered, it answers 500.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection);
    HttpResponder(HttpResponder &&other) noexcept;
    HttpResponder &operator=(HttpResponder &&other) noexcept;
    HttpResponder(const HttpResponder &) = delete;
    HttpResponder &operator=(const HttpResponder &) = delete;
    ~HttpResponder();

    void respond(const HttpResponse &response);
    bool isPending() const { return !m_done; }
    bool isConnected() const { return !m_connection.isNull(); }

private:
    QPointer<HttpConnection> m_connection;
    bool m_done = true;
};

class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &request, HttpResponder responder)>;

    struct Limits
    {
        qsizetype maxBodyBytes = 1024 * 1024;
        qsizetype maxHeaderBytes = 16 * 1024;
        int requestTimeoutMs = 30000; // from a request's first byte to its last
        int idleTimeoutMs = 60000; // keep-alive connections with nothing to do
    };

    HttpServer(Handler handler, Limits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    // Starts listening; with a TLS configuration every connection is TLS.
    Status listen(const QHostAddress &address, quint16 port,
                  const std::optional<QSslConfiguration> &tls);
    quint16 port() const;

    // Still accepting, but every answer from now on says "Connection: close" and closes its
    // connection, so clients and load balancers open a new one for their next request, which
    // goes to another instance once this one is out of rotation (the shutdown grace).
    void stopKeepAlive();
    // Stops accepting connections; idle keep-alive connections are closed, busy ones close
    // after their answer. drained() follows once no connection is left.
    void stopAccepting();
    bool isDraining() const { return m_draining; }
    int inFlight() const { return m_inFlight; }
    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    void drained();

private:
    friend class HttpConnection;
    void onNewConnection();
    void connectionClosed(HttpConnection *connection);

    Handler m_handler;
    Limits m_limits;
    QTcpServer *m_listener = nullptr;
    QSet<HttpConnection *> m_connections;
    int m_inFlight = 0;
    bool m_keepAlive = true;
    bool m_draining = false;
};

QByteArray reasonPhrase(int status);

} // namespace Kontor::Server
