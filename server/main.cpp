// kontor-syncd: reads its settings, opens the database, serves the sync API until SIGTERM or
// SIGINT, then drains (readiness off for the shutdown grace, then no new connections, waiting
// long-polls answered, in-flight requests finished) and exits 0. With --migrate it applies or
// shows a schema phase instead and exits; with --new-epochs it gives tenants new epochs after a
// restore from a backup and exits.
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
#include <QFileInfo>
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
Result<std::unique_ptr<Storage>> openStorage(const QString &database, OpenMode mode)
{
    if (PostgresStorage::isUrl(database)) {
        auto postgres = std::make_unique<PostgresStorage>();
        KONTOR_TRY(postgres->open(database, mode));
        std::unique_ptr<Storage> storage = std::move(postgres);
        return storage;
    }
    auto sqlite = std::make_unique<SqliteStorage>();
    KONTOR_TRY(sqlite->open(database, mode));
    std::unique_ptr<Storage> storage = std::move(sqlite);
    return storage;
}

void logDrain(QtMsgType type, const QString &message, const QString &phase, QJsonObject fields = {})
{
    fields.insert(u"event"_s, u"drain"_s);
    fields.insert(u"phase"_s, phase);
    logEvent(type, "kontor.server", message, fields);
}

int migrationFailed(const Error &e)
{
    qCCritical(lcServer).noquote() << "migration failed:" << e.toString();
    return 1;
}

// --migrate expand|contract|status: one JSON line on stdout with where the schema stands, exit
// 0; a refusal or failure is logged on stderr with exit 1.
int runMigration(const ServerConfig &c)
{
    const QString &command = c.migrate;
    const bool postgres = PostgresStorage::isUrl(c.database);
    // Only an expand may create a SQLite file: a status or contract of a mistyped path must
    // not leave an empty database behind.
    if (!postgres && command != u"expand" && !QFileInfo::exists(c.database))
        return migrationFailed(Error {ErrorKind::NotFound, u"database"_s, u"no-database"_s,
                                      u"there is no database file at %1"_s.arg(c.database)});
    auto storage = openStorage(c.database, OpenMode::Maintain);
    if (!storage)
        return migrationFailed(storage.error());
    Storage &store = **storage;
    auto before = store.schemaStatus();
    if (!before)
        return migrationFailed(before.error());

    auto report = [&](const SchemaStatus &status, bool changed) {
        QJsonObject o = status.toJson();
        o.insert(u"command"_s, command);
        o.insert(u"changed"_s, changed);
        o.insert(u"backend"_s, postgres ? u"postgresql"_s : u"sqlite"_s);
        std::fprintf(stdout, "%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        return 0;
    };
    if (command == u"status")
        return report(*before, false);
    if (!before->usable())
        return migrationFailed(newerSchemaError(*before));
    int target = Schema::Expanded;
    if (command == u"contract") {
        // The contract removes what the previous release needs: only on a schema that release
        // has been running against in its expanded form, never straight from before it.
        if (before->version < Schema::Expanded)
            return migrationFailed(Error {
                ErrorKind::Conflict, u"migrate"_s, u"not-expanded"_s,
                u"refusing to contract: the schema is at version %1 (%2), not expanded yet. Run "
                "--migrate expand (or start this release), replace every instance with this "
                "release, then contract"_s.arg(before->version)
                    .arg(before->phase)});
        target = Schema::Contracted;
    }
    if (before->version >= target)
        return report(*before, false);
    if (Status done = store.migrateTo(target); !done)
        return migrationFailed(done.error());
    auto after = store.schemaStatus();
    if (!after)
        return migrationFailed(after.error());
    return report(*after, true);
}

int newEpochsFailed(const Error &e)
{
    qCCritical(lcServer).noquote() << "--new-epochs failed:" << e.toString();
    return 1;
}

// --new-epochs [--tenant ID], after a restore from a backup: every tenant (or the one named)
// gets a new epoch in one transaction, so every device sends its outbox again and merges a fresh
// snapshot. One JSON line on stdout, exit 0; a refusal or failure is logged on stderr with exit
// 1 and changes nothing. Instances serving meanwhile need no restart: they read the epoch on
// every request (docs/sync-protocol.md, "After a restore").
int runNewEpochs(const ServerConfig &c)
{
    const bool postgres = PostgresStorage::isUrl(c.database);
    // A mistyped path must not leave an empty database behind.
    if (!postgres && !QFileInfo::exists(c.database))
        return newEpochsFailed(Error {ErrorKind::NotFound, u"database"_s, u"no-database"_s,
                                      u"there is no database file at %1"_s.arg(c.database)});
    auto storage = openStorage(c.database, OpenMode::Maintain);
    if (!storage)
        return newEpochsFailed(storage.error());
    Storage &store = **storage;
    auto status = store.schemaStatus();
    if (!status)
        return newEpochsFailed(status.error());
    if (status->version < Schema::Base)
        return newEpochsFailed(Error {ErrorKind::NotFound, u"database"_s, u"no-tables"_s,
                                      u"the database has no kontor-syncd tables: is it the "
                                      "restored one?"_s});
    if (!status->usable())
        return newEpochsFailed(newerSchemaError(*status));
    auto changed = store.newEpochs(c.newEpochsTenant, [] { return SyncService::newEpoch(); });
    if (!changed)
        return newEpochsFailed(changed.error());

    QJsonObject o {{u"event"_s, u"new-epochs"_s},
                   {u"tenants"_s, *changed},
                   {u"backend"_s, postgres ? u"postgresql"_s : u"sqlite"_s}};
    if (!c.newEpochsTenant.isEmpty())
        o.insert(u"tenant"_s, c.newEpochsTenant);
    logEvent(QtInfoMsg, "kontor.server", u"tenants given new epochs"_s, o);
    std::fprintf(stdout, "%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
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
    if (!config->migrate.isEmpty())
        return runMigration(*config);
    if (config->newEpochs)
        return runNewEpochs(*config);

    std::optional<QSslConfiguration> tls;
    if (config->tls()) {
        auto loaded = loadTls(*config);
        if (!loaded)
            return refuse(loaded.error());
        tls = *loaded;
    }

    auto storage = openStorage(config->database, OpenMode::Serve);
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

    // Draining, in three steps. SIGTERM: /readyz answers 503 at once while everything else is
    // served for the shutdown grace, with "Connection: close" on every answer, so the load
    // balancer's next checks take the instance out and clients reconnect elsewhere. Then: no
    // new connections, waiting long-polls answered with an empty page (their clients poll
    // again, elsewhere), in-flight requests finished, exit 0. A second signal exits at once.
    enum class Stage { Serving, Grace, Draining };
    Stage stage = Stage::Serving;
    const int graceMs = config->shutdownGraceMs;
    const int drainTimeoutMs = config->drainTimeoutMs;
    auto drain = [&] {
        stage = Stage::Draining;
        logDrain(QtInfoMsg, u"draining: no new connections, long-polls answered"_s,
                 u"stop-accepting"_s,
                 {{u"in_flight"_s, http.inFlight()},
                  {u"long_polls"_s, api.longPollsWaiting()},
                  {u"connections"_s, http.connectionCount()}});
        http.stopAccepting();
        api.startDraining();
        QTimer::singleShot(drainTimeoutMs, &app, [&] {
            logDrain(
                QtWarningMsg, u"drain timed out; stopping"_s, u"timed-out"_s,
                {{u"in_flight"_s, http.inFlight()}, {u"connections"_s, http.connectionCount()}});
            QCoreApplication::exit(0);
        });
    };
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&](int signal) {
        if (stage != Stage::Serving) {
            logDrain(QtWarningMsg, u"second signal: stopping now"_s, u"forced"_s,
                     {{u"signal"_s, signal}, {u"in_flight"_s, http.inFlight()}});
            QCoreApplication::exit(0);
            return;
        }
        logDrain(QtInfoMsg, u"signal %1: readiness off"_s.arg(signal), u"not-ready"_s,
                 {{u"signal"_s, signal}, {u"grace_ms"_s, graceMs}});
        api.stopReadiness();
        if (graceMs <= 0) {
            drain();
            return;
        }
        stage = Stage::Grace;
        http.stopKeepAlive();
        QTimer::singleShot(graceMs, &app, drain);
    });
    QObject::connect(&http, &HttpServer::drained, &app, [] {
        logDrain(QtInfoMsg, u"drained; exiting"_s, u"drained"_s);
        QCoreApplication::exit(0);
    });

    const int rc = QCoreApplication::exec();
    QThreadPool::globalInstance()->waitForDone();
    return rc;
}
