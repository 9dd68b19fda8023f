// Settings > Sync account over a real temporary ledger, without a server and with one in memory:
// input is checked before anything is sent and a bad value is named with its field; what the
// server refuses is shown at the field it names; signing in shows the account, the tenant, this
// device and where the token is kept; signing out goes back to "Local only" and forgets the
// token; a new session over the same ledger finds the sign-in again.
#include "editortestsupport.h"
#include "fakesynctransport.h"
#include "settingspage.h"
#include "shelltestsupport.h"
#include "syncaccountpage.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "translations.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;
using namespace Kontor::Test;

class TestSyncAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pageIsATabOfSettings();
    void deviceNameDefaultsToTheHostName();
    void serversAreAListOfAddresses();
    void badInputIsNamedWithItsField_data();
    void badInputIsNamedWithItsField();
    void serverErrorIsShownAtItsField();
    void wrongPasswordIsShown();
    void signInShowsTheAccount();
    void signUpCreatesTheAccountThenSignsIn();
    void signOutGoesBackToLocalOnly();
    void aNewSessionFindsTheSignInAgain();

private:
    template<typename T> T *field(const QString &name)
    {
        auto *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning() << "no field" << name;
        return w;
    }
    std::unique_ptr<SyncSession> makeSession();
    void fill(const QString &servers, const QString &email, const QString &password,
              std::optional<QString> deviceName = std::nullopt);
    bool signInAndWait();
    QString credentialDirectory() const { return m_ledger->dir.filePath(u"data"_s); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<EditorLedger> m_ledger;
    std::unique_ptr<FakeSyncTransport> m_server;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SettingsPage> m_settings;
    SyncAccountPage *m_page = nullptr;
};

void TestSyncAccount::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    isolateSettings(m_settingsDir);
    // English with its plural forms ("2 lines"), whatever the machine's language.
    QCOMPARE(Ui::applyLanguage(u"en"_s), u"en"_s);
}

std::unique_ptr<SyncSession> TestSyncAccount::makeSession()
{
    SyncSession::Options options;
    options.credentialDirectory = credentialDirectory();
    options.credentialPreference = Sync::CredentialStore::Preference::FileOnly;
    options.transport = m_server.get();
    auto session = std::make_unique<SyncSession>(*m_ledger->ledger, m_ledger->events,
                                                 m_ledger->sync, options);
    session->engine().setUseNetworkInformation(false);
    return session;
}

void TestSyncAccount::init()
{
    m_ledger = std::make_unique<EditorLedger>();
    QVERIFY(m_ledger->open());
    m_server = std::make_unique<FakeSyncTransport>();
    m_session = makeSession();
    m_ledger->ctx->syncSession = m_session.get();
    m_settings = std::make_unique<SettingsPage>(*m_ledger->ctx);
    m_settings->resize(900, 640);
    m_settings->show();
    m_settings->showTab(SettingsPage::SyncTab);
    QVERIFY(QTest::qWaitForWindowExposed(m_settings.get()));
    m_page = m_settings->syncAccountPage();
    QVERIFY(m_page);
}

void TestSyncAccount::cleanup()
{
    m_page = nullptr;
    m_settings.reset();
    m_session.reset();
    m_server.reset();
    m_ledger.reset();
}

void TestSyncAccount::fill(const QString &servers, const QString &email, const QString &password,
                           std::optional<QString> deviceName)
{
    auto *serverEdit = field<QPlainTextEdit>(u"syncServers"_s);
    serverEdit->clear();
    serverEdit->setFocus();
    QTest::keyClicks(serverEdit, servers);
    auto *emailEdit = field<QLineEdit>(u"syncEmail"_s);
    emailEdit->clear();
    QTest::keyClicks(emailEdit, email);
    auto *passwordEdit = field<QLineEdit>(u"syncPassword"_s);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    if (deviceName) {
        auto *device = field<QLineEdit>(u"syncDeviceName"_s);
        device->clear();
        QTest::keyClicks(device, *deviceName);
    }
}

bool TestSyncAccount::signInAndWait()
{
    fill(u"https://sync.example.com"_s, u"anna@example.com"_s, u"secret-password"_s, u"Laptop"_s);
    QSignalSpy finished(m_page, &SyncAccountPage::requestFinished);
    QTest::mouseClick(field<QPushButton>(u"syncSignIn"_s), Qt::LeftButton);
    if (!finished.wait(5000) || !finished.constFirst().constFirst().toBool()) {
        qWarning() << "sign-in failed:" << m_page->messageText();
        return false;
    }
    return true;
}

void TestSyncAccount::pageIsATabOfSettings()
{
    auto *tabs = m_settings->findChild<QTabWidget *>(u"settingsTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 5);
    QCOMPARE(tabs->tabText(SettingsPage::SyncTab), u"Sync account"_s);
    QCOMPARE(tabs->currentWidget(), m_page);

    // Without a sync session (a widget test of Settings alone) there is no such tab.
    UiContext plain {*m_ledger->ledger, m_ledger->events, m_ledger->sync, nullptr, nullptr};
    SettingsPage without(plain);
    QVERIFY(!without.syncAccountPage());
    QCOMPARE(without.findChild<QTabWidget *>(u"settingsTabs"_s)->count(), 4);
}

void TestSyncAccount::deviceNameDefaultsToTheHostName()
{
    QCOMPARE(field<QLineEdit>(u"syncDeviceName"_s)->text(), QSysInfo::machineHostName());
    QVERIFY(field<QPlainTextEdit>(u"syncServers"_s)->toPlainText().isEmpty());
    QVERIFY(field<QLineEdit>(u"syncEmail"_s)->text().isEmpty());
    QCOMPARE(field<QLineEdit>(u"syncPassword"_s)->echoMode(), QLineEdit::Password);
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
}

void TestSyncAccount::serversAreAListOfAddresses()
{
    auto urls = SyncSession::parseServers(
        u"https://a.example.com, https://b.example.com:8443/kontor\n\nhttp://127.0.0.1:7070 "
        "http://localhost:1"_s);
    QVERIFY2(urls.ok(), qPrintable(urls.ok() ? QString() : urls.error().toString()));
    QCOMPARE(urls->size(), 4);
    QCOMPARE(urls->at(1), QUrl(u"https://b.example.com:8443/kontor"_s));
    QCOMPARE(urls->at(2), QUrl(u"http://127.0.0.1:7070"_s));
    // The same server twice is one server.
    QCOMPARE(SyncSession::parseServers(u"https://a.example.com\nhttps://a.example.com"_s)->size(),
             1);
}

void TestSyncAccount::badInputIsNamedWithItsField_data()
{
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("says");
    const QString ok = u"https://sync.example.com"_s;
    QTest::newRow("no server") << QString() << u"anna@example.com"_s << u"pw"_s << u"pc"_s
                               << u"Sync servers"_s << u"at least one sync server"_s;
    QTest::newRow("not an address") << u"sync example com"_s << u"anna@example.com"_s << u"pw"_s
                                    << u"pc"_s << u"Sync servers"_s << u"not a web address"_s;
    QTest::newRow("ftp") << u"ftp://sync.example.com"_s << u"anna@example.com"_s << u"pw"_s
                         << u"pc"_s << u"Sync servers"_s << u"not a web address"_s;
    QTest::newRow("plain http") << u"http://sync.example.com"_s << u"anna@example.com"_s << u"pw"_s
                                << u"pc"_s << u"Sync servers"_s << u"not encrypted"_s;
    QTest::newRow("one bad of two") << ok + u", https://"_s << u"anna@example.com"_s << u"pw"_s
                                    << u"pc"_s << u"Sync servers"_s << u"https://"_s;
    QTest::newRow("empty e-mail") << ok << QString() << u"pw"_s << u"pc"_s << u"E-mail"_s
                                  << u"A value is required"_s;
    QTest::newRow("e-mail without @") << ok << u"anna.example.com"_s << u"pw"_s << u"pc"_s
                                      << u"E-mail"_s << u"not a valid e-mail address"_s;
    QTest::newRow("empty password") << ok << u"anna@example.com"_s << QString() << u"pc"_s
                                    << u"Password"_s << u"A value is required"_s;
    QTest::newRow("empty device name") << ok << u"anna@example.com"_s << u"pw"_s << QString()
                                       << u"Device name"_s << u"A value is required"_s;
}

void TestSyncAccount::badInputIsNamedWithItsField()
{
    QFETCH(QString, servers);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, device);
    QFETCH(QString, caption);
    QFETCH(QString, says);
    fill(servers, email, password, device);

    for (const QString &button : {u"syncSignIn"_s, u"syncSignUp"_s}) {
        QTest::mouseClick(field<QPushButton>(button), Qt::LeftButton);
        QVERIFY(!m_page->isBusy());
        const QString message = m_page->messageText();
        QVERIFY2(message.startsWith(caption + u": "_s), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
        auto *label = field<QLabel>(u"syncError"_s);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), message);
    }
    // Nothing went to any server, and the ledger is still on this computer only.
    QVERIFY(m_server->calls.isEmpty());
    QVERIFY(!m_session->isSignedIn());
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
}

void TestSyncAccount::serverErrorIsShownAtItsField()
{
    m_server->signUpError = Error {ErrorKind::Conflict, u"email"_s, u"email-taken"_s,
                                   u"an account with this email exists"_s};
    fill(u"https://sync.example.com"_s, u"anna@example.com"_s, u"secret-password"_s);
    QSignalSpy finished(m_page, &SyncAccountPage::requestFinished);
    QTest::mouseClick(field<QPushButton>(u"syncSignUp"_s), Qt::LeftButton);
    QVERIFY(m_page->isBusy());
    QVERIFY(!field<QPushButton>(u"syncSignIn"_s)->isEnabled());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY(!m_page->isBusy());
    const QString message = m_page->messageText();
    QVERIFY2(message.startsWith(u"E-mail: "_s), qPrintable(message));
    QVERIFY2(message.contains(u"already an account"_s), qPrintable(message));
    QCOMPARE(m_server->calls, QStringList {u"signUp:anna@example.com"_s});
    QVERIFY(!m_session->isSignedIn());

    // A field the form does not have is still said, in the message under the form.
    m_server->signUpError = Error {ErrorKind::Validation, u"business"_s, u"too-long"_s,
                                   u"must have at most 200 characters"_s};
    finished.clear();
    QTest::mouseClick(field<QPushButton>(u"syncSignUp"_s), Qt::LeftButton);
    QVERIFY(finished.wait(5000));
    QVERIFY2(m_page->messageText().contains(u"too long"_s), qPrintable(m_page->messageText()));
}

void TestSyncAccount::wrongPasswordIsShown()
{
    m_server->signInError
        = Error {ErrorKind::Usage, QString(), u"unauthorized"_s, u"wrong email or password"_s};
    fill(u"https://sync.example.com"_s, u"anna@example.com"_s, u"not-my-password"_s);
    QSignalSpy finished(m_page, &SyncAccountPage::requestFinished);
    QTest::mouseClick(field<QPushButton>(u"syncSignIn"_s), Qt::LeftButton);
    QVERIFY(finished.wait(5000));
    QVERIFY2(m_page->messageText().startsWith(u"Password: "_s), qPrintable(m_page->messageText()));
    QVERIFY(m_page->messageText().contains(u"password is wrong"_s));
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
}

void TestSyncAccount::signInShowsTheAccount()
{
    QVERIFY(signInAndWait());
    QCOMPARE(m_server->calls.value(0), u"signIn:anna@example.com:Laptop"_s);
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(field<QLabel>(u"syncAccountEmail"_s)->text(), u"anna@example.com"_s);
    QVERIFY(field<QLabel>(u"syncAccountEmail"_s)->isVisible());
    QCOMPARE(field<QLabel>(u"syncTenant"_s)->text(), u"tenant-1"_s);
    const QString device = field<QLabel>(u"syncDevice"_s)->text();
    QVERIFY(device.contains(u"Laptop"_s));
    QVERIFY(device.contains(m_ledger->ledger->deviceId()));
    QCOMPARE(field<QLabel>(u"syncServerList"_s)->text(), u"https://sync.example.com"_s);
    // Without QtKeychain (or with the file preferred) the token is in an owner-only file.
    const QString tokenFile = m_session->credentials().filePath();
    QVERIFY(QFile::exists(tokenFile));
    QVERIFY(QFileInfo(tokenFile).absolutePath().startsWith(credentialDirectory()));
    QCOMPARE(QFile::permissions(tokenFile) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    const QString where = field<QLabel>(u"syncTokenLocation"_s)->text();
    QVERIFY2(where.contains(u"in a file only your user account can read: "_s
                            + QDir::toNativeSeparators(tokenFile)),
             qPrintable(where));
    // The password is not kept in the form.
    QVERIFY(field<QLineEdit>(u"syncPassword"_s)->text().isEmpty());
    QTRY_COMPARE(m_ledger->sync.state(), SyncStatus::State::Online);
}

void TestSyncAccount::signUpCreatesTheAccountThenSignsIn()
{
    fill(u"https://sync.example.com"_s, u"anna@example.com"_s, u"secret-password"_s, u"Desktop"_s);
    QSignalSpy finished(m_page, &SyncAccountPage::requestFinished);
    QTest::mouseClick(field<QPushButton>(u"syncSignUp"_s), Qt::LeftButton);
    QVERIFY(finished.wait(5000));
    QVERIFY2(finished.constFirst().constFirst().toBool(), qPrintable(m_page->messageText()));
    QCOMPARE(m_server->calls.mid(0, 2),
             (QStringList {u"signUp:anna@example.com"_s, u"signIn:anna@example.com:Desktop"_s}));
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(field<QLabel>(u"syncTenant"_s)->text(), u"tenant-1"_s);
}

void TestSyncAccount::signOutGoesBackToLocalOnly()
{
    QVERIFY(signInAndWait());
    QTRY_COMPARE(m_ledger->sync.state(), SyncStatus::State::Online);
    const QString tokenFile = m_session->credentials().filePath();
    QVERIFY(QFile::exists(tokenFile));
    const qint64 outbox = m_ledger->outboxCount();

    QTest::mouseClick(field<QPushButton>(u"syncSignOut"_s), Qt::LeftButton);
    QVERIFY(!m_session->isSignedIn());
    QVERIFY(!QFile::exists(tokenFile));
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
    QVERIFY(m_ledger->sync.summary().startsWith(u"Local only"_s));
    // The form is back, filled with what the ledger remembers, and the books are untouched.
    QVERIFY(field<QPushButton>(u"syncSignIn"_s)->isVisible());
    QCOMPARE(field<QLineEdit>(u"syncEmail"_s)->text(), u"anna@example.com"_s);
    QCOMPARE(field<QPlainTextEdit>(u"syncServers"_s)->toPlainText(), u"https://sync.example.com"_s);
    QCOMPARE(m_ledger->outboxCount(), outbox);
}

void TestSyncAccount::aNewSessionFindsTheSignInAgain()
{
    QVERIFY(signInAndWait());
    m_settings.reset();
    m_page = nullptr;
    m_ledger->ctx->syncSession = nullptr;
    m_session.reset();

    // As after a restart: servers from the ledger, the token from its file.
    m_session = makeSession();
    QVERIFY(!m_session->isSignedIn());
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
    QVERIFY(m_session->restoreAndStart());
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(m_session->account().email, u"anna@example.com"_s);
    QCOMPARE(m_session->account().tenantId, u"tenant-1"_s);
    QTRY_COMPARE(m_ledger->sync.state(), SyncStatus::State::Online);
}

QTEST_MAIN(TestSyncAccount)
#include "tst_syncaccount.moc"
