// kontor-syncd's settings: an INI file (--config) and command-line flags, flags winning. Checked
// as a whole before anything starts, so a bad setting stops the server with one clear message.
#pragma once

#include "logging.h"

#include <result.h>

#include <QHostAddress>
#include <QStringList>

namespace Kontor::Server {

struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8765;
    QString database = QStringLiteral("kontor-syncd.db");
    QString tlsCert;
    QString tlsKey;
    LogFormat logFormat = LogFormat::Json;
    int passwordIterations = 0; // 0: the built-in default
    int requestTimeoutMs = 30000;
    int drainTimeoutMs = 30000;
    // After SIGTERM: how long /readyz answers 503 while everything else is still served, so a
    // load balancer takes the instance out before it stops accepting connections.
    int shutdownGraceMs = 0;
    // A one-shot schema command (--migrate) instead of serving: "expand", "contract", "status".
    QString migrate;
    // A one-shot command (--new-epochs) instead of serving: a new epoch for every tenant, or for
    // newEpochsTenant alone when it is set.
    bool newEpochs = false;
    QString newEpochsTenant;

    bool tls() const { return !tlsCert.isEmpty(); }
    // Reads the flags (and the file named by --config) of `arguments` (argv, program first).
    static Result<ServerConfig> fromArguments(const QStringList &arguments);
};

} // namespace Kontor::Server
