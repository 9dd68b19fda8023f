// The desktop against the real sync service: kontor-syncd started on 127.0.0.1 with a free port
// and a temporary database; one ledger creates the account through Settings > Sync account, a
// second ledger signs in to it, a customer added on the first reaches the second (and is
// announced there so its lists reload), and signing out forgets the token.
#include "settingspage.h"
#include "shelltestsupport.h"
#include "syncaccountpage.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "translations.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Test;

namespace {

// One ledger as the desktop holds it: the ledger, its sync session and its Settings page.
struct Desk
{
    ShellLedger ledger;
    std::unique_ptr<SyncSession> session;
    std::unique_ptr<SettingsPage> settings;
    QStringList changes;

    bool open(const QString &credentialDirectory)
    {
        if (!ledger.open())
            return false;
        // The session feeds the status from here on ("Local only" until signed in).
        ledger.feed.reset();
        SyncSession::Options options;
        options.credentialDirectory = credentialDirectory;
        options.credentialPreference = Sync::CredentialStore::Preference::FileOnly;
        session
            = std::make_unique<SyncSession>(*ledger.ledger, ledger.events, ledger.sync, options);
        session->engine().setUseNetworkInformation(false);
        ledger.ctx->syncSession = session.get();
        settings = std::make_unique<SettingsPage>(*ledger.ctx);
        settings->showTab(SettingsPage::SyncTab);
        settings->show();
        QObject::connect(
            &ledger.events, &LedgerEvents::changed, settings.get(),
            [this](const QString &entity, const QString &id) { changes << entity + u':' + id; });
        return QTest::qWaitForWindowExposed(settings.get());
    }

    SyncAccountPage *page() const { return settings->syncAccountPage(); }

    // Fills the form and presses `button`; true when the server said yes.
    bool account(const QString &button, const QString &servers, const QString &device)
    {
        SyncAccountPage *p = page();
        auto *serverEdit = p->findChild<QPlainTextEdit *>(u"syncServers"_s);
        serverEdit->clear();
        QTest::keyClicks(serverEdit, servers);
        auto *email = p->findChild<QLineEdit *>(u"syncEmail"_s);
        email->clear();
        QTest::keyClicks(email, u"anna@example.com"_s);
        QTest::keyClicks(p->findChild<QLineEdit *>(u"syncPassword"_s), u"a long enough password"_s);
        auto *deviceEdit = p->findChild<QLineEdit *>(u"syncDeviceName"_s);
        deviceEdit->clear();
        QTest::keyClicks(deviceEdit, device);
        QSignalSpy finished(p, &SyncAccountPage::requestFinished);
        QTest::mouseClick(p->findChild<QPushButton *>(button), Qt::LeftButton);
        if (!finished.wait(30000) || !finished.constFirst().constFirst().toBool()) {
            qWarning() << button << "failed:" << p->messageText();
            return false;
        }
        return true;
    }
};

} // namespace

class TestSyncDesktopE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoDesktopsShareOneAccount();

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
};

void TestSyncDesktopE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateSettings(m_dir);
    QCOMPARE(Ui::applyLanguage(u"en"_s), u"en"_s);

    m_server.setProgram(QStringLiteral(KONTOR_SYNCD));
    m_server.setArguments({u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s,
                           m_dir.filePath(u"server.db"_s), u"--log-format"_s, u"text"_s});
    m_server.setProcessChannelMode(QProcess::SeparateChannels);
    m_server.start();
    QVERIFY2(m_server.waitForStarted(10000), qPrintable(m_server.errorString()));
    // It prints {"event":"listening","port":N} on stdout once it accepts connections.
    int port = 0;
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            out += m_server.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(u"event"_s).toString() == u"listening"_s)
                    port = o.value(u"port"_s).toInt();
            }
            return port > 0 || m_server.state() == QProcess::NotRunning;
        }(),
        15000);
    QVERIFY2(port > 0, m_server.readAllStandardError().constData());
    m_url = u"http://127.0.0.1:%1"_s.arg(port);
}

void TestSyncDesktopE2e::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(10000))
            m_server.kill();
    }
}

void TestSyncDesktopE2e::twoDesktopsShareOneAccount()
{
    Desk a;
    QVERIFY(a.open(m_dir.filePath(u"data-a"_s)));
    QCOMPARE(a.ledger.sync.state(), SyncStatus::State::LocalOnly);
    QVERIFY(a.account(u"syncSignUp"_s, m_url, u"Desk A"_s));
    QVERIFY(a.session->isSignedIn());
    QVERIFY(!a.page()->findChild<QLabel *>(u"syncTenant"_s)->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(a.ledger.sync.state(), SyncStatus::State::Online, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(a.ledger.sync.pendingChanges(), 0, 20000);

    // A second ledger signs in to the same account and receives what the first one holds.
    const Customer first = a.ledger.addCustomer(u"Bianchi Srl"_s);
    Desk b;
    QVERIFY(b.open(m_dir.filePath(u"data-b"_s)));
    QVERIFY(b.account(u"syncSignIn"_s, m_url, u"Desk B"_s));
    QCOMPARE(b.session->account().tenantId, a.session->account().tenantId);
    QTRY_VERIFY_WITH_TIMEOUT(b.ledger.ledger->customer(first.id).ok(), 20000);

    // A customer added on A reaches B while B waits (long poll), announced so lists reload.
    b.changes.clear();
    const Customer second = a.ledger.addCustomer(u"Neri & Figli"_s);
    QTRY_VERIFY_WITH_TIMEOUT(b.ledger.ledger->customer(second.id).ok(), 20000);
    QCOMPARE(b.ledger.ledger->customer(second.id)->name, u"Neri & Figli"_s);
    QTRY_VERIFY_WITH_TIMEOUT(b.changes.contains(u"customer:"_s), 5000);

    // Signing out forgets the token; the ledger keeps its data.
    const QString tokenFile = a.session->credentials().filePath();
    QVERIFY(QFile::exists(tokenFile));
    QTest::mouseClick(a.page()->findChild<QPushButton *>(u"syncSignOut"_s), Qt::LeftButton);
    QVERIFY(!a.session->isSignedIn());
    QVERIFY(!QFile::exists(tokenFile));
    QCOMPARE(a.ledger.sync.state(), SyncStatus::State::LocalOnly);
    QVERIFY(a.ledger.ledger->customer(second.id).ok());
}

QTEST_MAIN(TestSyncDesktopE2e)
#include "tst_syncdesktope2e.moc"
