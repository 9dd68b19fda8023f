// The sync commands of kontor-cli end to end: the real binary against the real kontor-syncd on
// 127.0.0.1, with ledger files in a temporary folder, driven as a script would drive them. Checks
// what they print, the exit codes (65 for refused credentials, 64 before sign-in, 74 when no
// server answers), that the token file is readable by its owner only, and that a second, empty
// ledger receives the books.
#include "syncdprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace Kontor::Test;

namespace {

constexpr int ProcessTimeoutMs = 120'000; // a debug build on a busy machine; only a hang hits it

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out).trimmed(); }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QByteArray describe() const
    {
        return "exit code " + QByteArray::number(code) + "\n--- stdout:\n" + out.left(3000)
            + "\n--- stderr:\n" + err.left(3000);
    }
};

#define CLI_EXIT(run, expected) QVERIFY2((run).code == (expected), (run).describe().constData())

int closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInSyncAndStatus();
    void refusals();

private:
    Run cli(const QStringList &args, const QByteArray &input = {});
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<SyncdProcess> m_server;
    QString m_passwordFile;
};

Run TestSyncCli::cli(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No keychain service in a test run: the token file is what is checked.
    env.insert(u"KONTOR_CREDENTIALS"_s, u"file"_s);
    env.remove(u"KONTOR_LEDGER"_s);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(KONTOR_CLI), args);
    Run r;
    if (!p.waitForStarted(ProcessTimeoutMs))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(ProcessTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestSyncCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SyncdProcess>(path(u"server.db"_s));
    QVERIFY2(m_server->start(0), "kontor-syncd did not start");
    m_passwordFile = path(u"password"_s);
    QFile f(m_passwordFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a long enough pass phrase\n");
}

void TestSyncCli::signInSyncAndStatus()
{
    const QString server = m_server->url().toString();
    Run r = cli({u"sync"_s, u"signup"_s, u"--server"_s, server, u"--email"_s, u"cli@example.com"_s,
                 u"--business"_s, u"Studio Rossi"_s, u"--password-file"_s, m_passwordFile});
    CLI_EXIT(r, 0);
    QVERIFY(!r.text().isEmpty()); // the tenant id

    const QString a = path(u"a.kontor"_s);
    CLI_EXIT(cli({u"-l"_s, a, u"init"_s, u"--company"_s, u"Studio Rossi"_s, u"--country"_s, u"IT"_s,
                  u"--series-prefix"_s, u"2026-A-"_s}),
             0);
    CLI_EXIT(cli({u"-l"_s, a, u"customer"_s, u"add"_s, u"--name"_s, u"Caffè Rossi"_s}), 0);
    // The first zone is down: the second answers.
    const QString servers = u"http://127.0.0.1:%1,"_s.arg(closedPort()) + server;
    r = cli({u"-l"_s, a, u"sync"_s, u"signin"_s, u"--server"_s, servers, u"--email"_s,
             u"cli@example.com"_s, u"--password-file"_s, m_passwordFile, u"--device-name"_s,
             u"Laptop"_s});
    CLI_EXIT(r, 0);
    const QString deviceA = r.text();
    QVERIFY(!deviceA.isEmpty());
    const QFileInfo token(path(u"kontor-sync-%1.token"_s.arg(deviceA)));
    QVERIFY2(token.exists(), qPrintable(token.filePath()));
#ifdef Q_OS_UNIX
    QCOMPARE(token.permissions() & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
#endif

    r = cli({u"-l"_s, a, u"sync"_s, u"status"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QVERIFY(r.json().value(u"signedIn"_s).toBool());
    QVERIFY(r.json().value(u"pending"_s).toInt() > 0);
    QCOMPARE(r.json().value(u"servers"_s).toArray().size(), 2);
    QCOMPARE(r.json().value(u"deviceName"_s).toString(), u"Laptop"_s);

    r = cli({u"-l"_s, a, u"sync"_s, u"once"_s});
    CLI_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(u"pushed "_s), r.out.constData());
    r = cli({u"-l"_s, a, u"sync"_s, u"status"_s, u"--json"_s});
    QCOMPARE(r.json().value(u"pending"_s).toInt(), 0);
    QVERIFY(r.json().value(u"cursor"_s).toObject().value(u"seq"_s).toInt() > 0);
    QVERIFY(!r.json().value(u"lastSync"_s).toString().isEmpty());

    // A new device: a ledger file that does not exist yet, the password on standard input.
    const QString b = path(u"b.kontor"_s);
    r = cli({u"-l"_s, b, u"sync"_s, u"signin"_s, u"--server"_s, server, u"--email"_s,
             u"cli@example.com"_s, u"--password-stdin"_s},
            "a long enough pass phrase\n");
    CLI_EXIT(r, 0);
    r = cli({u"-l"_s, b, u"sync"_s, u"once"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QVERIFY(r.json().value(u"ok"_s).toBool());
    QVERIFY(r.json().value(u"pulled"_s).toInt() > 0);
    r = cli({u"-l"_s, b, u"customer"_s, u"list"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QCOMPARE(r.json().value(u"items"_s).toArray().first().toObject().value(u"name"_s).toString(),
             u"Caffè Rossi"_s);
    r = cli({u"-l"_s, b, u"sync"_s, u"conflicts"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QVERIFY(r.json().value(u"conflicts"_s).toArray().isEmpty());
    QVERIFY(r.json().value(u"rejections"_s).toArray().isEmpty());

    // B takes the invoice series over; A learns it on its next sync.
    r = cli({u"-l"_s, b, u"sync"_s, u"lease"_s, u"2026-A-"_s});
    CLI_EXIT(r, 65);
    QVERIFY(r.err.contains("(series-held)"));
    r = cli({u"-l"_s, b, u"sync"_s, u"lease"_s, u"2026-A-"_s, u"--force"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QVERIFY(r.json().value(u"held"_s).toBool());
    CLI_EXIT(cli({u"-l"_s, a, u"sync"_s, u"once"_s}), 0);
    r = cli({u"-l"_s, a, u"series"_s, u"list"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    bool checked = false;
    for (const QJsonValue &v : r.json().value(u"items"_s).toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(u"prefix"_s).toString() == u"2026-A-"_s) {
            QVERIFY(s.value(u"holderDeviceId"_s).toString() != deviceA);
            checked = true;
        }
    }
    QVERIFY2(checked, r.out.constData());

    // Signed out: the server revoked the token, the token file is gone and a sync is refused
    // until the next sign-in. A copy of the old token is worthless.
    QFile tokenFile(token.filePath());
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    const QByteArray oldToken = tokenFile.readAll();
    tokenFile.close();
    r = cli({u"-l"_s, a, u"sync"_s, u"signout"_s, u"--json"_s});
    CLI_EXIT(r, 0);
    QVERIFY(r.json().value(u"revoked"_s).toBool());
    QVERIFY(!QFileInfo::exists(token.filePath()));
    r = cli({u"-l"_s, a, u"sync"_s, u"once"_s});
    CLI_EXIT(r, 64);
    QVERIFY(r.err.contains("(not-signed-in)"));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write(oldToken);
    tokenFile.close();
    r = cli({u"-l"_s, a, u"sync"_s, u"once"_s});
    CLI_EXIT(r, 65);
    // Signed out with no server answering: signed out here all the same, with a warning.
    const QString b2 = path(u"b2.kontor"_s);
    CLI_EXIT(cli({u"-l"_s, b2, u"sync"_s, u"signin"_s, u"--server"_s, m_server->url().toString(),
                  u"--email"_s, u"cli@example.com"_s, u"--password-file"_s, m_passwordFile}),
             0);
    m_server->kill();
    r = cli({u"-l"_s, b2, u"sync"_s, u"signout"_s});
    CLI_EXIT(r, 0);
    QVERIFY2(r.err.contains("did not revoke"), r.err.constData());
    QVERIFY(m_server->start());
    r = cli({u"-l"_s, b2, u"sync"_s, u"once"_s});
    CLI_EXIT(r, 64);
}

void TestSyncCli::refusals()
{
    const QString server = m_server->url().toString();
    QFile bad(path(u"bad-password"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not the password\n");
    bad.close();

    // Wrong password: refused (65), and the ledger file this run would have created is not left.
    const QString c = path(u"c.kontor"_s);
    Run r = cli({u"-l"_s, c, u"sync"_s, u"signin"_s, u"--server"_s, server, u"--email"_s,
                 u"cli@example.com"_s, u"--password-file"_s, bad.fileName()});
    CLI_EXIT(r, 65);
    QVERIFY(r.err.contains("(unauthorized)"));
    QVERIFY(!QFile::exists(c));

    // No server answers: 74, naming it.
    const QString dead = u"http://127.0.0.1:%1"_s.arg(closedPort());
    r = cli({u"-l"_s, c, u"sync"_s, u"signin"_s, u"--server"_s, dead, u"--email"_s,
             u"cli@example.com"_s, u"--password-file"_s, m_passwordFile});
    CLI_EXIT(r, 74);
    QVERIFY2(r.err.contains(dead.toUtf8()) && r.err.contains("(network)"), r.err.constData());

    // The command line itself is wrong: 64.
    CLI_EXIT(cli({u"-l"_s, c, u"sync"_s, u"signin"_s, u"--server"_s, server, u"--email"_s,
                  u"x@example.com"_s}),
             64); // no password source
    CLI_EXIT(cli({u"-l"_s, c, u"sync"_s, u"signin"_s, u"--server"_s, server, u"--email"_s,
                  u"x@example.com"_s, u"--password-stdin"_s, u"--password-file"_s, m_passwordFile}),
             64);
    r = cli({u"-l"_s, c, u"sync"_s, u"signin"_s, u"--server"_s, u"ftp://example.com"_s,
             u"--email"_s, u"x@example.com"_s, u"--password-file"_s, m_passwordFile});
    CLI_EXIT(r, 65);
    QVERIFY(r.err.contains("(invalid-url)"));
    CLI_EXIT(cli({u"-l"_s, path(u"missing.kontor"_s), u"sync"_s, u"status"_s}), 74);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
