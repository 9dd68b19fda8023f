#include "httpserver.h"

#include "logging.h"

#include <protocol.h>

#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// One client connection: reads one request at a time, hands it to the handler, writes the
// answer, and then reads the next (keep-alive). Bytes pipelined behind a request wait in the
// socket, whose read buffer is bounded so the kernel pushes back on a flood.
class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        m_socket->setParent(this);
        m_socket->setReadBufferSize(256 * 1024);
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { onTimeout(); });
        QObject::connect(m_socket, &QTcpSocket::readyRead, this, [this] { process(); });
        QObject::connect(m_socket, &QTcpSocket::disconnected, this, [this] { closeNow(); });
        QObject::connect(m_socket, &QTcpSocket::errorOccurred, this,
                         [this](QAbstractSocket::SocketError e) {
                             if (e != QAbstractSocket::RemoteHostClosedError)
                                 closeNow();
                         });
        m_timer.start(m_server->m_limits.idleTimeoutMs);
    }

    bool isIdle() const { return m_state == State::Head && m_buffer.isEmpty(); }
    void closeAfterResponse() { m_keepAlive = false; }

    void respond(const HttpResponse &r)
    {
        if (m_state != State::Waiting)
            return;
        m_state = State::Head;
        --m_server->m_inFlight;
        write(r);
        if (!keepsAlive()) {
            finish();
            return;
        }
        m_timer.start(m_server->m_limits.idleTimeoutMs);
        // Continue with pipelined bytes later, never re-entering the handler from respond().
        QMetaObject::invokeMethod(
            this, [this] { process(); }, Qt::QueuedConnection);
    }

    void closeNow()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_timer.stop();
        if (m_state == State::Waiting)
            --m_server->m_inFlight;
        m_state = State::Closed;
        m_socket->abort();
        m_server->connectionClosed(this);
        deleteLater();
    }

    // Answers once everything is written, then closes.
    void finish()
    {
        m_state = State::Closed;
        m_timer.stop();
        if (m_socket->bytesToWrite() == 0) {
            m_socket->disconnectFromHost();
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                closeNow();
        } else {
            QObject::connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() == 0)
                    m_socket->disconnectFromHost();
            });
        }
        // A client that never reads its answer does not keep the connection.
        QTimer::singleShot(5000, this, [this] { closeNow(); });
    }

private:
    enum class State { Head, Body, Waiting, Closed };

    bool keepsAlive() const
    {
        return m_keepAlive && m_server->m_keepAlive && !m_server->m_draining;
    }

    void fail(int status, const QString &rule, const QString &message)
    {
        m_keepAlive = false;
        write(HttpResponse {
            status, Sync::errorBody(validationError({}, rule, message)), "application/json", {}});
        finish();
    }

    void write(const HttpResponse &r)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status)
            + "\r\nContent-Type: " + r.contentType
            + "\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        for (const auto &[name, value] : r.headers)
            out += name + ": " + value + "\r\n";
        out += keepsAlive() ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        out += r.body;
        m_socket->write(out);
    }

    void onTimeout()
    {
        if (m_state == State::Head && m_buffer.isEmpty()) {
            closeNow(); // idle keep-alive connection
            return;
        }
        if (m_state == State::Head || m_state == State::Body)
            fail(408, u"request-timeout"_s, u"the request did not arrive in time"_s);
    }

    void process()
    {
        while (m_state == State::Head || m_state == State::Body) {
            if (m_state == State::Head) {
                const qsizetype room = m_server->m_limits.maxHeaderBytes + 4 - m_buffer.size();
                if (room > 0)
                    m_buffer += m_socket->read(room);
                if (m_buffer.isEmpty())
                    return;
                if (!m_timerIsRequest) {
                    m_timerIsRequest = true;
                    m_timer.start(m_server->m_limits.requestTimeoutMs);
                }
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (m_buffer.size() > m_server->m_limits.maxHeaderBytes)
                        fail(431, u"header-too-large"_s, u"the request head is too large"_s);
                    return;
                }
                if (!parseHead(m_buffer.left(end)))
                    return;
                m_buffer.remove(0, end + 4);
                m_state = State::Body;
            }
            if (m_state == State::Body) {
                const qsizetype want = m_contentLength - m_request.body.size();
                if (want > 0 && !m_buffer.isEmpty()) {
                    const QByteArray part = m_buffer.left(want);
                    m_request.body += part;
                    m_buffer.remove(0, part.size());
                }
                if (m_request.body.size() < m_contentLength)
                    m_request.body += m_socket->read(m_contentLength - m_request.body.size());
                if (m_request.body.size() < m_contentLength)
                    return;
                // Pipelined bytes stay in m_buffer for the next request.
                dispatch();
            }
        }
    }

    bool parseHead(const QByteArray &head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> parts = lines.first().trimmed().split(' ');
        if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.")) {
            fail(400, u"bad-request-line"_s, u"malformed request line"_s);
            return false;
        }
        m_request = HttpRequest {};
        m_request.method = parts[0];
        const QByteArray target = parts[1];
        for (char c : target)
            if (uchar(c) <= 0x20 || uchar(c) >= 0x7f) {
                fail(400, u"bad-target"_s, u"malformed request target"_s);
                return false;
            }
        if (!target.startsWith('/')) {
            fail(400, u"bad-target"_s, u"the request target must be a path"_s);
            return false;
        }
        const qsizetype q = target.indexOf('?');
        m_request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
        if (q >= 0)
            m_request.query = QUrlQuery(QString::fromLatin1(target.mid(q + 1)));
        m_keepAlive = parts[2] == "HTTP/1.1";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, u"bad-header"_s, u"malformed header line"_s);
                return false;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length" && m_request.headers.contains(name)
                && m_request.headers.value(name) != value) {
                fail(400, u"bad-content-length"_s, u"conflicting Content-Length headers"_s);
                return false;
            }
            m_request.headers.insert(name, value);
        }
        const QByteArray connection = m_request.header("connection").toLower();
        if (connection == "close")
            m_keepAlive = false;
        else if (connection == "keep-alive")
            m_keepAlive = true;
        if (m_request.headers.contains("transfer-encoding")) {
            fail(411, u"length-required"_s,
                 u"chunked bodies are not accepted; send Content-Length"_s);
            return false;
        }
        m_contentLength = 0;
        if (m_request.headers.contains("content-length")) {
            const QByteArray text = m_request.header("content-length");
            bool ok = !text.isEmpty() && text.size() <= 18;
            for (char c : text)
                ok = ok && c >= '0' && c <= '9';
            if (!ok) {
                fail(400, u"bad-content-length"_s, u"Content-Length is not a number"_s);
                return false;
            }
            m_contentLength = text.toLongLong();
        }
        // Refused before a byte of the body is read.
        if (m_contentLength > m_server->m_limits.maxBodyBytes) {
            fail(413, u"too-large"_s,
                 u"the body has %1 bytes; at most %2 are allowed"_s.arg(m_contentLength)
                     .arg(m_server->m_limits.maxBodyBytes));
            return false;
        }
        if (m_request.header("expect").toLower() == "100-continue" && m_contentLength > 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_request.peer = m_socket->peerAddress().toString();
        m_request.body.reserve(m_contentLength);
        return true;
    }

    void dispatch()
    {
        m_state = State::Waiting;
        m_timer.stop();
        m_timerIsRequest = false;
        ++m_server->m_inFlight;
        HttpRequest request = std::move(m_request);
        m_request = HttpRequest {};
        m_server->m_handler(request, HttpResponder(this));
    }

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    State m_state = State::Head;
    bool m_keepAlive = true;
    bool m_timerIsRequest = false;
    bool m_closed = false;
};

HttpResponder::HttpResponder(HttpConnection *connection) : m_connection(connection), m_done(false)
{ }

HttpResponder::HttpResponder(HttpResponder &&other) noexcept
    : m_connection(std::move(other.m_connection)), m_done(other.m_done)
{
    other.m_done = true;
    other.m_connection.clear();
}

HttpResponder &HttpResponder::operator=(HttpResponder &&other) noexcept
{
    if (this != &other) {
        if (!m_done)
            respond({500,
                     Sync::errorBody(Error {ErrorKind::Io, {}, u"internal"_s, u"no answer"_s}),
                     "application/json",
                     {}});
        m_connection = std::move(other.m_connection);
        m_done = other.m_done;
        other.m_done = true;
        other.m_connection.clear();
    }
    return *this;
}

HttpResponder::~HttpResponder()
{
    if (!m_done)
        respond({500,
                 Sync::errorBody(Error {ErrorKind::Io, {}, u"internal"_s, u"no answer"_s}),
                 "application/json",
                 {}});
}

void HttpResponder::respond(const HttpResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->respond(response);
}

HttpServer::HttpServer(Handler handler, Limits limits, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_limits(limits)
{ }

HttpServer::~HttpServer()
{
    // Connections are children; they must not call back into a half-destroyed server.
    for (HttpConnection *c : std::as_const(m_connections))
        c->disconnect();
    qDeleteAll(m_connections);
    m_connections.clear();
}

Status HttpServer::listen(const QHostAddress &address, quint16 port,
                          const std::optional<QSslConfiguration> &tls)
{
    if (tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls);
        ssl->setHandshakeTimeout(m_limits.requestTimeoutMs);
        m_listener = ssl;
        QObject::connect(ssl, &QSslServer::errorOccurred, this,
                         [](QSslSocket *, QAbstractSocket::SocketError e) {
                             qCDebug(lcServer) << "TLS connection failed:" << e;
                         });
    } else {
        m_listener = new QTcpServer(this);
    }
    QObject::connect(m_listener, &QTcpServer::pendingConnectionAvailable, this,
                     &HttpServer::onNewConnection);
    if (!m_listener->listen(address, port))
        return Error {ErrorKind::Io, u"listen"_s, u"listen-failed"_s,
                      u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                          .arg(port)
                          .arg(m_listener->errorString())};
    return {};
}

quint16 HttpServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void HttpServer::onNewConnection()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        if (!socket)
            break;
        if (m_draining) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(new HttpConnection(this, socket));
    }
}

void HttpServer::connectionClosed(HttpConnection *connection)
{
    m_connections.remove(connection);
    if (m_draining && m_connections.isEmpty())
        Q_EMIT drained();
}

void HttpServer::stopKeepAlive()
{
    m_keepAlive = false;
}

void HttpServer::stopAccepting()
{
    if (m_draining)
        return;
    m_draining = true;
    if (m_listener)
        m_listener->close();
    const auto connections = m_connections;
    for (HttpConnection *c : connections) {
        c->closeAfterResponse();
        if (c->isIdle())
            c->finish(); // an answer may still be on its way out: close once it is written
    }
    if (m_connections.isEmpty())
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT drained(); }, Qt::QueuedConnection);
}

} // namespace Kontor::Server
