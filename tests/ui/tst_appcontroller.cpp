// The desktop's owner of the open ledger: opening files (and refusing what is not a ledger
// without touching it), backup copies that open again, the recent list, the command line, the
// first-run setup and the switch from one ledger to another.
#include "appcontroller.h"
#include "mainwindow.h"
#include "replica.h"
#include "setupwizard.h"
#include "shelltestsupport.h"
#include "syncsession.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Test;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

} // namespace

class TestAppController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensLedgerInWindow();
    void nonLedgerFilesAreRefusedUntouched_data();
    void nonLedgerFilesAreRefusedUntouched();
    void newerSchemaIsRefused();
    void interactiveErrorIsShownAndNothingChanges();
    void backupCopyOpens();
    void backupNeverReplacesTheLedgerItself();
    void recentListKeepsEightMostRecentFirst();
    void missingRecentFileLeavesTheList();
    void switchingRetiresTheOldWindow();
    void signedInLedgerSyncsUntilSwitched();
    void secondControllerCannotOpenTheSameLedger();
    void commandLineOpensTheGivenFile();
    void startOpensMostRecent();
    void firstRunShowsSetupAndCreatesLedger();

private:
    QString makeLedger(const QString &name, const QString &company = u"Studio Rossi"_s)
    {
        const QString path = m_dir->filePath(name);
        const QString error = createLedgerFile(path, company);
        if (!error.isEmpty())
            qWarning() << error;
        return path;
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_controller;
};

void TestAppController::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    isolateSettings(m_settingsDir);
}

void TestAppController::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_controller = std::make_unique<AppController>();
    m_controller->setDataDirectory(m_dir->filePath(u"data"_s));
}

void TestAppController::cleanup()
{
    closeDialogs();
    m_controller.reset();
    settle();
    m_dir.reset();
}

void TestAppController::opensLedgerInWindow()
{
    const QString path = makeLedger(u"books.kontor"_s);
    QSignalSpy opened(m_controller.get(), &AppController::ledgerOpened);
    QVERIFY(m_controller->openLedger(path));
    QCOMPARE(opened.count(), 1);
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(window && window->isVisible());
    QVERIFY(window->windowTitle().contains(u"books.kontor"_s));
    QCOMPARE(m_controller->ledgerPath(), path);
    QCOMPARE(m_controller->ledger()->company()->name, u"Studio Rossi"_s);
    QVERIFY(m_controller->syncStatus()->summary().contains(u"Local only"_s));
    QCOMPARE(m_controller->syncStatus()->pendingChanges(),
             m_controller->store()->outboxCount().value());
    // Never signed in: the sync engine exists but never starts, and nothing needs a server.
    QVERIFY(m_controller->syncSession());
    QVERIFY(!m_controller->syncSession()->isSignedIn());
    QVERIFY(!m_controller->syncSession()->engine().isRunning());
    QVERIFY(window->syncPanelAction()->isVisible());
    QCOMPARE(m_controller->recentLedgers(), QStringList {path});
    // Opening the open ledger again changes nothing.
    QVERIFY(m_controller->openLedger(path));
    QCOMPARE(m_controller->mainWindow(), window);
}

void TestAppController::nonLedgerFilesAreRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("Dear customer,\nplease pay.\n")
                          << u"not a Kontor ledger"_s;
    QTest::newRow("empty") << QByteArray() << u"not a Kontor ledger"_s;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                         << u"not a Kontor ledger"_s;
}

void TestAppController::nonLedgerFilesAreRefusedUntouched()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const QString ledger = makeLedger(u"books.kontor"_s);
    QVERIFY(m_controller->openLedger(ledger));
    MainWindow *window = m_controller->mainWindow();

    const QString path = m_dir->filePath(u"letter.kontor"_s);
    writeFile(path, data);
    const auto opened = m_controller->openLedger(path);
    QVERIFY(!opened);
    QCOMPARE(opened.error().rule, u"not-a-ledger"_s);
    const QString text = AppController::describeFileError(opened.error());
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(u"letter.kontor"_s), qPrintable(text));
    // Nothing changed: the file, the open ledger, its window, the recent list.
    QCOMPARE(contents(path), data);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QCOMPARE(m_controller->ledgerPath(), ledger);
    QCOMPARE(m_controller->mainWindow(), window);
    QCOMPARE(m_controller->recentLedgers(), QStringList {ledger});
}

void TestAppController::newerSchemaIsRefused()
{
    const QString path = makeLedger(u"future.kontor"_s);
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"future"_s);
    const QByteArray before = contents(path);

    const auto opened = m_controller->openLedger(path);
    QVERIFY(!opened);
    QCOMPARE(opened.error().rule, u"newer-schema"_s);
    const QString text = AppController::describeFileError(opened.error());
    QVERIFY2(text.contains(u"newer version of Kontor"_s), qPrintable(text));
    QCOMPARE(contents(path), before);
    QVERIFY(!m_controller->mainWindow());

    // A SQLite database of some other program is not a ledger either.
    const QString other = m_dir->filePath(u"other.db"_s);
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        db.setDatabaseName(other);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    const auto foreign = m_controller->openLedger(other);
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().rule, u"not-a-ledger"_s);
}

void TestAppController::interactiveErrorIsShownAndNothingChanges()
{
    const QString ledger = makeLedger(u"books.kontor"_s);
    QVERIFY(m_controller->openLedger(ledger));
    MainWindow *window = m_controller->mainWindow();
    const QString path = m_dir->filePath(u"notes.txt"_s);
    writeFile(path, "shopping list");

    QSignalSpy shown(m_controller.get(), &AppController::errorShown);
    m_controller->openRecentInteractive(path);
    QCOMPARE(shown.count(), 1);
    QVERIFY(shown.at(0).at(0).toString().contains(u"not a Kontor ledger"_s));
    auto *box = window->findChild<QMessageBox *>(u"ledgerErrorBox"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"notes.txt"_s));
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    box->accept();
    QCOMPARE(m_controller->mainWindow(), window);
    QCOMPARE(m_controller->ledgerPath(), ledger);
    QCOMPARE(contents(path), QByteArray("shopping list"));
}

void TestAppController::backupCopyOpens()
{
    const QString ledger = makeLedger(u"books.kontor"_s);
    QVERIFY(m_controller->openLedger(ledger));
    Customer c;
    c.name = u"Bottega Verdi"_s;
    QVERIFY(m_controller->ledger()->addCustomer(c));

    const QString copy = m_dir->filePath(u"backups/books-copy.kontor"_s);
    QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
    QVERIFY(m_controller->backupTo(copy));
    QVERIFY(QFile::exists(copy));
    QVERIFY(!QFile::exists(copy + u".part"_s));

    // A second backup onto the same name replaces the first.
    QVERIFY(m_controller->ledger()->addCustomer(Customer {.name = u"Neri"_s}));
    QVERIFY(m_controller->backupTo(copy));

    QVERIFY(m_controller->openLedger(copy));
    settle();
    QCOMPARE(m_controller->ledgerPath(), copy);
    QCOMPARE(m_controller->ledger()->company()->name, u"Studio Rossi"_s);
    QCOMPARE(m_controller->ledger()->customers({})->items.size(), 2);
    QCOMPARE(m_controller->recentLedgers(), (QStringList {copy, ledger}));
}

void TestAppController::backupNeverReplacesTheLedgerItself()
{
    const QString ledger = makeLedger(u"books.kontor"_s);
    QVERIFY(!m_controller->backupTo(m_dir->filePath(u"x.kontor"_s))); // nothing open
    QVERIFY(m_controller->openLedger(ledger));
    const auto onto = m_controller->backupTo(ledger);
    QVERIFY(!onto);
    QCOMPARE(onto.error().rule, u"backup-onto-itself"_s);
    QCOMPARE(m_controller->ledger()->company()->name, u"Studio Rossi"_s);
}

void TestAppController::recentListKeepsEightMostRecentFirst()
{
    QStringList paths;
    for (int i = 0; i < 10; ++i)
        paths << makeLedger(u"books-%1.kontor"_s.arg(i), u"Company %1"_s.arg(i));
    for (const QString &p : std::as_const(paths)) {
        QVERIFY(m_controller->openLedger(p));
        settle();
    }
    QStringList expected;
    for (int i = 9; i >= 2; --i)
        expected << paths.at(i);
    QCOMPARE(m_controller->recentLedgers(), expected);

    // Opening one from the list moves it to the top.
    QVERIFY(m_controller->openLedger(paths.at(4)));
    settle();
    QCOMPARE(m_controller->recentLedgers().constFirst(), paths.at(4));
    QCOMPARE(m_controller->recentLedgers().size(), AppController::MaxRecent);

    // The window's File > Open recent menu shows the same list, and its entries open them.
    auto *menu = m_controller->mainWindow()->findChild<QMenu *>(u"recentMenu"_s);
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), AppController::MaxRecent);
    QCOMPARE(menu->actions().at(0)->data().toString(), paths.at(4));
    QCOMPARE(menu->actions().at(1)->data().toString(), paths.at(9));
    menu->actions().at(1)->trigger();
    QTRY_COMPARE(m_controller->ledgerPath(), paths.at(9));
    QCOMPARE(m_controller->ledger()->company()->name, u"Company 9"_s);
}

void TestAppController::missingRecentFileLeavesTheList()
{
    const QString a = makeLedger(u"a.kontor"_s);
    const QString b = makeLedger(u"b.kontor"_s);
    QVERIFY(m_controller->openLedger(a));
    QVERIFY(m_controller->openLedger(b));
    settle();
    QVERIFY(QFile::remove(a));
    QFile::remove(a + u".lock"_s);
    QSignalSpy shown(m_controller.get(), &AppController::errorShown);
    m_controller->openRecentInteractive(a);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(m_controller->recentLedgers(), QStringList {b});
    QCOMPARE(m_controller->ledgerPath(), b);
}

void TestAppController::switchingRetiresTheOldWindow()
{
    const QString a = makeLedger(u"a.kontor"_s, u"Alpha"_s);
    const QString b = makeLedger(u"b.kontor"_s, u"Beta"_s);
    QVERIFY(m_controller->openLedger(a));
    QPointer<MainWindow> first = m_controller->mainWindow();
    first->showPage(Navigator::Page::Invoices);
    QSignalSpy quit(QCoreApplication::instance(), &QCoreApplication::aboutToQuit);
    QVERIFY(m_controller->openLedger(b));
    QVERIFY(m_controller->mainWindow() != first.data());
    QVERIFY(m_controller->mainWindow()->isVisible());
    QVERIFY(m_controller->mainWindow()->windowTitle().contains(u"b.kontor"_s));
    settle();
    QVERIFY(first.isNull());
    QCOMPARE(m_controller->ledger()->company()->name, u"Beta"_s);
    // The old ledger is closed: its lock is gone and another program may open it.
    QVERIFY(!QFile::exists(a + u".lock"_s));
    QCOMPARE(quit.count(), 0);
}

// A ledger signed in on an earlier run (servers in the ledger, the token in the data folder)
// starts syncing when opened; it stops the moment another ledger takes its place.
void TestAppController::signedInLedgerSyncsUntilSwitched()
{
    const QString a = makeLedger(u"a.kontor"_s, u"Alpha"_s);
    const QString b = makeLedger(u"b.kontor"_s, u"Beta"_s);
    {
        auto store = Store::open(a);
        QVERIFY(store.ok());
        Ledger ledger(**store);
        Replica replica(ledger);
        // Nothing listens there: the engine finds the server offline and keeps retrying.
        QVERIFY(replica
                    .setSetting(QString::fromLatin1(Sync::SyncEngine::ServersSetting),
                                u"http://127.0.0.1:9"_s)
                    .ok());
        Sync::CredentialStore credentials(ledger.deviceId(), m_controller->dataDirectory(),
                                          Sync::CredentialStore::Preference::FileOnly);
        QVERIFY(credentials.save(u"token-1"_s).ok());
    }
    QVERIFY(m_controller->openLedger(a));
    QPointer<SyncSession> session = m_controller->syncSession();
    QVERIFY(session);
    QVERIFY(session->isSignedIn());
    QVERIFY(session->engine().isRunning());
    QVERIFY(!m_controller->syncStatus()->summary().startsWith(u"Local only"_s));

    QVERIFY(m_controller->openLedger(b));
    // Stopped at once, gone once the old window is.
    QVERIFY(session);
    QVERIFY(!session->engine().isRunning());
    settle();
    QVERIFY(session.isNull());
    QVERIFY(!m_controller->syncSession()->isSignedIn());
    QVERIFY(m_controller->syncStatus()->summary().startsWith(u"Local only"_s));
}

void TestAppController::secondControllerCannotOpenTheSameLedger()
{
    const QString path = makeLedger(u"books.kontor"_s);
    QVERIFY(m_controller->openLedger(path));
    AppController other;
    const auto opened = other.openLedger(path);
    QVERIFY(!opened);
    QCOMPARE(opened.error().rule, u"ledger-in-use"_s);
    QVERIFY(!other.mainWindow());
}

void TestAppController::commandLineOpensTheGivenFile()
{
    const QString recent = makeLedger(u"recent.kontor"_s);
    const QString given = makeLedger(u"given.kontor"_s, u"Given"_s);
    QSettings().setValue(u"recentLedgers"_s, QStringList {recent});
    QVERIFY(m_controller->start({u"kontor"_s, u"--ledger"_s, given}));
    QCOMPARE(m_controller->ledgerPath(), given);
    QCOMPARE(m_controller->ledger()->company()->name, u"Given"_s);
}

void TestAppController::startOpensMostRecent()
{
    const QString older = makeLedger(u"older.kontor"_s);
    const QString newer = makeLedger(u"newer.kontor"_s, u"Newer"_s);
    QSettings().setValue(u"recentLedgers"_s,
                         QStringList {m_dir->filePath(u"gone.kontor"_s), newer, older});
    QVERIFY(m_controller->start({u"kontor"_s}));
    QCOMPARE(m_controller->ledgerPath(), newer);
}

void TestAppController::firstRunShowsSetupAndCreatesLedger()
{
    const QString expected = m_controller->defaultLedgerPath();
    QVERIFY(!QFile::exists(expected));
    QVERIFY(m_controller->recentLedgers().isEmpty());
    bool sawWizard = false;
    // The setup runs modally inside start(); a person fills it in meanwhile.
    QTimer::singleShot(0, this, [&sawWizard] {
        SetupWizard *wizard = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *sw = qobject_cast<SetupWizard *>(w); sw && sw->isVisible())
                wizard = sw;
        if (!wizard)
            return;
        sawWizard = true;
        QTest::keyClicks(wizard->findChild<QLineEdit *>(u"companyName"_s), u"First Run Srl"_s);
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    });
    QVERIFY(m_controller->start({u"kontor"_s}));
    QVERIFY(sawWizard);
    QCOMPARE(m_controller->ledgerPath(), expected);
    QVERIFY(QFile::exists(expected));
    QCOMPARE(m_controller->ledger()->company()->name, u"First Run Srl"_s);
    QCOMPARE(m_controller->recentLedgers(), QStringList {expected});
}

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
