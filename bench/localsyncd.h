// A kontor-syncd for a benchmark: started on 127.0.0.1 with a SQLite database, its port read from
// its "listening" line, stopped (SIGTERM, then SIGKILL) when the object goes. The fewest password
// iterations the service takes: sign-ins are set-up here, not what is measured.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

#include <cstdio>
#include <cstdlib>

namespace Kontor::Bench {

class LocalSyncd
{
public:
    LocalSyncd(const QString &binary, const QString &database)
    {
        m_process.setProgram(binary);
        m_process.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--database"), database,
                                QStringLiteral("--password-iterations"), QStringLiteral("200000")});
        m_process.setStandardErrorFile(database + QStringLiteral(".log"));
        m_process.start();
        if (!m_process.waitForStarted(10000))
            failed("kontor-syncd did not start: " + binary.toStdString());
        QByteArray buffer;
        while (m_port == 0) {
            if (!m_process.waitForReadyRead(10000))
                failed("kontor-syncd did not say where it listens");
            buffer += m_process.readAllStandardOutput();
            for (const QByteArray &line : buffer.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QStringLiteral("event")).toString() == QStringLiteral("listening"))
                    m_port = o.value(QStringLiteral("port")).toInt();
            }
        }
    }
    ~LocalSyncd()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
    }
    LocalSyncd(const LocalSyncd &) = delete;
    LocalSyncd &operator=(const LocalSyncd &) = delete;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    qint64 pid() const { return m_process.processId(); }

private:
    [[noreturn]] static void failed(const std::string &what)
    {
        std::fprintf(stderr, "%s\n", what.c_str());
        std::exit(1);
    }

    QProcess m_process;
    int m_port = 0;
};

} // namespace Kontor::Bench
