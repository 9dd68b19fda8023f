// Logging of kontor-syncd: the category kontor.server, and one line per event on stderr, either
// a JSON object (time, level, category, message and fields such as route, status, duration_ms,
// tenant) for log collectors, or plain text for a person at a terminal.
#pragma once

#include <QJsonObject>
#include <QLoggingCategory>

namespace Kontor::Server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)

enum class LogFormat { Json, Text };

// Routes every Qt message through logEvent.
void installLogging(LogFormat format);
void logEvent(QtMsgType type, const char *category, const QString &message,
              const QJsonObject &fields = {});

} // namespace Kontor::Server
