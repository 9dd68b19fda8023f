// kontor-syncd: reads its settings, opens the database, serves the sync API until SIGTERM or
// SIGINT, then drains (readiness off, in-flight requests finished) and exits 0.
#include "httpserver.h"
#include "logging.h"
#include "postgresstorage.h"
#include "serverconfig.h"
#include "signalwatcher.h"
#include "sqlitestorage.h"
#include "syncapi.h"
#include "syncservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Server;

namespace {

int refuse(const Error &e)
{
    qCCritical(lcServer).noquote() << e.toString();
    return 2;
}

Result<QSslConfiguration> loadTls(const ServerConfig &c)
{
    QFile certFile(c.tlsCert);
    if (!certFile.open(QIODevice::ReadOnly))
        return Error {ErrorKind::Usage, u"tls-cert"_s, u"bad-config"_s,
                      u"cannot read %1"_s.arg(c.tlsCert)};
    const auto chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    QFile keyFile(c.tlsKey);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error {ErrorKind::Usage, u"tls-key"_s, u"bad-config"_s,
                      u"cannot read %1"_s.arg(c.tlsKey)};
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error {ErrorKind::Usage, u"tls-cert"_s, u"bad-config"_s,
                      u"the TLS certificate or key is not valid PEM"_s};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with bearer tokens
    return tls;
}

// A SQLite file, or with a postgresql:// URL the shared PostgreSQL database.
Result<std::unique_ptr<Storage>> openStorage(const QString &database)
{
    if (PostgresStorage::isUrl(database)) {
        auto postgres = std::make_unique<PostgresStorage>();
        KONTOR_TRY(postgres->open(database));
        std::unique_ptr<Storage> storage = std::move(postgres);
        return storage;
    }
    auto sqlite = std::make_unique<SqliteStorage>();
    KONTOR_TRY(sqlite->open(database));
    std::unique_ptr<Storage> storage = std::move(sqlite);
    return storage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"kontor-syncd"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    auto config = ServerConfig::fromArguments(QCoreApplication::arguments());
    if (!config) {
        installLogging(LogFormat::Text);
        return refuse(config.error());
    }
    installLogging(config->logFormat);

    std::optional<QSslConfiguration> tls;
    if (config->tls()) {
        auto loaded = loadTls(*config);
        if (!loaded)
            return refuse(loaded.error());
        tls = *loaded;
    }

    auto storage = openStorage(config->database);
    if (!storage)
        return refuse(storage.error());
    SyncService service(**storage);
    SyncApi api(service, SyncApi::Options {config->passwordIterations});
    // Pushes committed by other instances on a shared database wake the long-polls here too.
    (*storage)->setTenantAdvancedHandler(
        [&api](const QString &tenantId) { api.tenantAdvanced(tenantId); });
    HttpServer::Limits limits;
    limits.maxBodyBytes = Sync::MaxBodyBytes;
    limits.requestTimeoutMs = config->requestTimeoutMs;
    HttpServer http([&api](const HttpRequest &r, HttpResponder w) { api.handle(r, std::move(w)); },
                    limits);
    if (auto s = http.listen(config->address, config->port, tls); !s)
        return refuse(s.error());

    // One line on stdout that scripts and tests read to learn the port.
    const QByteArray ready = QJsonDocument(QJsonObject {{u"event"_s, u"listening"_s},
                                                        {u"address"_s, config->address.toString()},
                                                        {u"port"_s, http.port()},
                                                        {u"tls"_s, config->tls()}})
                                 .toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", ready.constData());
    std::fflush(stdout);
    qCInfo(lcServer).noquote() << "listening on" << config->address.toString() << http.port();

    SignalWatcher watcher;
    bool stopping = false;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&](int signal) {
        if (stopping) {
            qCWarning(lcServer) << "second signal: stopping now";
            QCoreApplication::exit(0);
            return;
        }
        stopping = true;
        qCInfo(lcServer) << "signal" << signal << "- draining";
        http.stopAccepting();
        api.startDraining();
        QTimer::singleShot(config->drainTimeoutMs, &app, [] {
            qCWarning(lcServer) << "drain timed out; stopping";
            QCoreApplication::exit(0);
        });
    });
    QObject::connect(&http, &HttpServer::drained, &app, [] {
        qCInfo(lcServer) << "drained; exiting";
        QCoreApplication::exit(0);
    });

    const int rc = QCoreApplication::exec();
    QThreadPool::globalInstance()->waitForDone();
    return rc;
}
