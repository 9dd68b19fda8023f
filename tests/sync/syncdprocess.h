// The real kontor-syncd for tests: started as a child process on 127.0.0.1 with a database in a
// temporary directory; the port it picked is read from its "listening" line on stdout. It can
// be killed and started again on the same port and database (a server restart).
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace Kontor::Test {

class SyncdProcess
{
public:
    explicit SyncdProcess(QString databasePath) : m_database(std::move(databasePath)) { }
    ~SyncdProcess() { kill(); }

    // Starts the server; port 0 picks a free one (kept for restarts).
    bool start(int port = -1)
    {
        if (port < 0)
            port = m_port;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->setStandardErrorFile(m_database + QStringLiteral(".log"), QIODevice::Append);
        m_process->start(QStringLiteral(KONTOR_SYNCD),
                         {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("--database"), m_database});
        if (!m_process->waitForStarted(10000))
            return false;
        QByteArray buffer;
        for (int i = 0; i < 200; ++i) {
            if (!m_process->waitForReadyRead(100) && m_process->state() != QProcess::Running)
                return false;
            buffer += m_process->readAllStandardOutput();
            const qsizetype nl = buffer.indexOf('\n');
            if (nl < 0)
                continue;
            const QJsonObject line = QJsonDocument::fromJson(buffer.left(nl)).object();
            if (line.value(QStringLiteral("event")).toString() == QStringLiteral("listening")) {
                m_port = line.value(QStringLiteral("port")).toInt();
                return m_port > 0;
            }
            buffer.remove(0, nl + 1);
        }
        return false;
    }

    // SIGKILL: no draining, as a crash.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
        m_process.reset();
    }

    // SIGTERM: the graceful stop; returns the exit code (-1 when it did not exit).
    int terminate()
    {
        if (!m_process)
            return -1;
        m_process->terminate();
        if (!m_process->waitForFinished(15000))
            return -1;
        const int code
            = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
        m_process.reset();
        return code;
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    QString m_database;
    int m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace Kontor::Test
