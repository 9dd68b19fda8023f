#include "serverconfig.h"

#include "credentials.h"
#include "postgresstorage.h"

#include <protocol.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

#include <limits>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

namespace {

Error configError(const QString &field, const QString &message)
{
    return Error {ErrorKind::Usage, field, u"bad-config"_s, message};
}

Status parseListen(const QString &text, ServerConfig &c)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return configError(u"listen"_s, u"expected ADDRESS:PORT, e.g. 127.0.0.1:8765"_s);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return configError(u"listen"_s, u"the port must be a number from 0 to 65535"_s);
    if (host == u"localhost")
        host = u"127.0.0.1"_s;
    QHostAddress address;
    if (!address.setAddress(host))
        return configError(u"listen"_s, u"'%1' is not an IP address"_s.arg(host));
    c.address = address;
    c.port = quint16(port);
    return {};
}

} // namespace

Result<ServerConfig> ServerConfig::fromArguments(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"Kontor's sync service: keeps a business's devices in step."_s);
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption config(u"config"_s, u"INI file with the settings below."_s, u"FILE"_s);
    const QCommandLineOption listen(
        u"listen"_s, u"Address and port to listen on (port 0: any free port)."_s, u"ADDR:PORT"_s);
    const QCommandLineOption database(
        u"database"_s,
        u"SQLite database file, or a PostgreSQL server as "
        "postgresql://user:password@host:port/dbname[?password_file=FILE&sslmode=...]."_s,
        u"PATH|URL"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"PEM certificate (chain) for TLS."_s,
                                     u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key for TLS."_s, u"FILE"_s);
    const QCommandLineOption logFormat(u"log-format"_s, u"json (default) or text."_s, u"FORMAT"_s);
    const QCommandLineOption iterations(
        u"password-iterations"_s, u"PBKDF2 iterations for new passwords (>= 200000)."_s, u"N"_s);
    const QCommandLineOption grace(
        u"shutdown-grace"_s,
        u"After SIGTERM, answer /readyz with 503 but keep serving for MS milliseconds before "
        "draining, so a load balancer stops sending requests first (default 0)."_s,
        u"MS"_s);
    const QCommandLineOption migrate(
        u"migrate"_s,
        u"Apply the schema's expand or contract phase, or print its status as JSON, and exit "
        "instead of serving."_s,
        u"expand|contract|status"_s);
    const QCommandLineOption newEpochs(
        u"new-epochs"_s,
        u"After restoring the database from a backup: give every tenant (or the one of --tenant) "
        "a new epoch, so every device sends its changes again, and exit instead of serving."_s);
    const QCommandLineOption tenant(u"tenant"_s, u"With --new-epochs: only this tenant."_s,
                                    u"ID"_s);
    p.addOptions({config, listen, database, tlsCert, tlsKey, logFormat, iterations, grace, migrate,
                  newEpochs, tenant});
    if (!p.parse(arguments))
        return configError({}, p.errorText());
    if (p.isSet(u"help"_s)) {
        p.showHelp(0);
    }
    if (p.isSet(u"version"_s))
        p.showVersion();

    // File first, flags over it.
    QMap<QString, QString> values;
    if (p.isSet(config)) {
        const QString path = p.value(config);
        if (!QFileInfo(path).isReadable())
            return configError(u"config"_s, u"cannot read %1"_s.arg(path));
        QSettings file(path, QSettings::IniFormat);
        if (file.status() != QSettings::NoError)
            return configError(u"config"_s, u"%1 is not a valid INI file"_s.arg(path));
        static const QStringList known {u"listen"_s,
                                        u"database"_s,
                                        u"tls-cert"_s,
                                        u"tls-key"_s,
                                        u"log-format"_s,
                                        u"password-iterations"_s,
                                        u"request-timeout-ms"_s,
                                        u"drain-timeout-ms"_s,
                                        u"shutdown-grace"_s};
        for (const QString &key : file.allKeys()) {
            const QString bare = key.startsWith(u"server/"_s) ? key.mid(7) : key;
            if (!known.contains(bare))
                return configError(key, u"unknown setting '%1' in %2"_s.arg(key, path));
            values.insert(bare, file.value(key).toString());
        }
    }
    for (const auto *o : {&listen, &database, &tlsCert, &tlsKey, &logFormat, &iterations, &grace})
        if (p.isSet(*o))
            values.insert(o->names().constFirst(), p.value(*o));

    ServerConfig c;
    if (values.contains(u"listen"_s))
        KONTOR_TRY(parseListen(values.value(u"listen"_s), c));
    if (values.contains(u"database"_s))
        c.database = values.value(u"database"_s);
    if (c.database.isEmpty())
        return configError(u"database"_s,
                           u"--database is empty: give a SQLite file path or a "
                           "postgresql:// URL"_s);
    // A URL is checked now, so a typo stops the server before it starts.
    if (PostgresStorage::isUrl(c.database)) {
        if (auto url = PostgresStorage::parseUrl(c.database); !url)
            return configError(u"database"_s, url.error().message);
    }
    c.tlsCert = values.value(u"tls-cert"_s);
    c.tlsKey = values.value(u"tls-key"_s);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty())
        return configError(u"tls-cert"_s, u"--tls-cert and --tls-key go together"_s);
    const QString format = values.value(u"log-format"_s, u"json"_s);
    if (format == u"json")
        c.logFormat = LogFormat::Json;
    else if (format == u"text")
        c.logFormat = LogFormat::Text;
    else
        return configError(u"log-format"_s, u"expected json or text"_s);
    auto number = [&](const QString &key, int min, int &out,
                      int max = std::numeric_limits<int>::max()) -> Status {
        if (!values.contains(key))
            return {};
        bool ok = false;
        const int v = values.value(key).toInt(&ok);
        if (!ok || v < min || v > max)
            return configError(
                key,
                max == std::numeric_limits<int>::max()
                    ? u"%1 must be a number of at least %2"_s.arg(key).arg(min)
                    : u"%1 must be a number from %2 to %3"_s.arg(key).arg(min).arg(max));
        out = v;
        return {};
    };
    KONTOR_TRY(number(u"password-iterations"_s, MinPasswordIterations, c.passwordIterations));
    KONTOR_TRY(number(u"request-timeout-ms"_s, 1000, c.requestTimeoutMs));
    KONTOR_TRY(number(u"drain-timeout-ms"_s, 0, c.drainTimeoutMs));
    // An hour at most: a typo in the unit must not keep an instance half-stopped for a day.
    KONTOR_TRY(number(u"shutdown-grace"_s, 0, c.shutdownGraceMs, 3600 * 1000));

    // A command line option only: a config file that migrates on every start would be a trap.
    if (p.isSet(migrate)) {
        c.migrate = p.value(migrate);
        if (c.migrate != u"expand" && c.migrate != u"contract" && c.migrate != u"status")
            return configError(u"migrate"_s,
                               u"unknown --migrate command '%1': expected expand, contract or "
                               "status"_s.arg(c.migrate));
    }

    // Also a command line option only, for the same reason.
    if (p.isSet(newEpochs)) {
        if (p.isSet(migrate))
            return configError(u"new-epochs"_s,
                               u"--new-epochs and --migrate are separate commands: run one, "
                               "then the other"_s);
        c.newEpochs = true;
    }
    if (p.isSet(tenant)) {
        if (!c.newEpochs)
            return configError(u"tenant"_s, u"--tenant goes with --new-epochs"_s);
        const QStringList given = p.values(tenant);
        if (given.size() > 1)
            return configError(u"tenant"_s,
                               u"--tenant is given %1 times: name one tenant, or none for "
                               "all"_s.arg(given.size()));
        c.newEpochsTenant = given.constFirst();
        if (!Sync::isValidId(c.newEpochsTenant))
            return configError(u"tenant"_s,
                               u"--tenant '%1' is not a tenant id (1-64 characters of A-Z, a-z, "
                               "0-9, _ and -)"_s.arg(c.newEpochsTenant));
    }

    // Plain HTTP carries passwords and tokens in the clear: only on this machine.
    if (!c.tls() && !c.address.isLoopback())
        return configError(
            u"listen"_s,
            u"refusing to listen on %1 without TLS: pass --tls-cert and --tls-key, "
            "or listen on a loopback address (127.0.0.1, ::1)"_s.arg(c.address.toString()));
    return c;
}

} // namespace Kontor::Server
