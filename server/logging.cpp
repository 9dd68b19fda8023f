#include "logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

Q_LOGGING_CATEGORY(lcServer, "kontor.server")

namespace {

LogFormat g_format = LogFormat::Text;

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return u"debug"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtCriticalMsg:
        return u"error"_s;
    case QtFatalMsg:
        return u"fatal"_s;
    }
    return u"info"_s;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logEvent(type, context.category ? context.category : "default", message);
}

} // namespace

void installLogging(LogFormat format)
{
    g_format = format;
    qInstallMessageHandler(handler);
}

void logEvent(QtMsgType type, const char *category, const QString &message,
              const QJsonObject &fields)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray line;
    if (g_format == LogFormat::Json) {
        QJsonObject o = fields;
        o.insert(u"time"_s, time);
        o.insert(u"level"_s, levelName(type));
        o.insert(u"category"_s, QString::fromLatin1(category));
        o.insert(u"message"_s, message);
        line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    } else {
        QString text = time + u' ' + levelName(type) + u' ' + QString::fromLatin1(category)
            + u": "_s + message;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            text += u' ' + it.key() + u'='
                + (it->isString() ? it->toString()
                                  : QString::fromUtf8(QJsonDocument(QJsonArray {*it})
                                                          .toJson(QJsonDocument::Compact)
                                                          .mid(1)
                                                          .chopped(1)));
        line = text.toUtf8();
    }
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace Kontor::Server
