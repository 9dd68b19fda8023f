#include "appcontroller.h"

#include "ledger.h"
#include "mainwindow.h"
#include "settingserrors.h"
#include "setupwizard.h"
#include "store.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "uicontext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

const QString kRecentKey = u"recentLedgers"_s;
const QString kDefaultFileName = u"books.kontor"_s;

QString normalisedPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString fileFilter()
{
    return AppController::tr("Kontor ledgers (*.kontor);;All files (*)");
}

// SQLite would happily turn an empty or foreign file into a new database; a ledger is only ever
// opened when its first bytes say it is a SQLite file, so a wrong pick changes nothing on disk.
Status checkLooksLikeLedger(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error {ErrorKind::Io, u"path"_s, u"file-missing"_s,
                      u"'%1' does not exist"_s.arg(path)};
    if (!info.isFile())
        return Error {ErrorKind::Io, u"path"_s, u"not-a-ledger"_s,
                      u"'%1' is not a file"_s.arg(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {ErrorKind::Io, u"path"_s, u"unreadable"_s,
                      AppController::tr("The file %1 cannot be read: %2.")
                          .arg(QDir::toNativeSeparators(path), file.errorString())};
    if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
        return Error {ErrorKind::Io, u"path"_s, u"not-a-ledger"_s,
                      u"'%1' is not a Kontor ledger"_s.arg(path)};
    return {};
}

} // namespace

// Everything that belongs to one open ledger, torn down in the right order: the window (and the
// editors in it) first, then the sync session (its engine stops before the ledger goes), then
// what the widgets pointed into, the store last.
class LedgerSession : public QObject
{
public:
    LedgerSession(std::unique_ptr<QLockFile> lock, std::unique_ptr<Store> store,
                  const QString &dataDirectory)
        : m_lock(std::move(lock))
        , m_store(std::move(store))
        , m_ledger(std::make_unique<Ledger>(*m_store))
        , m_events(std::make_unique<LedgerEvents>())
        , m_sync(std::make_unique<SyncStatus>())
        // The token file (without a keychain) goes to the program's data folder, which only the
        // user can read, not beside a ledger that may sit in a shared folder.
        , m_syncSession(std::make_unique<SyncSession>(*m_ledger, *m_events, *m_sync,
                                                      SyncSession::Options {dataDirectory}))
        , m_context(std::make_unique<UiContext>(
              UiContext {*m_ledger, *m_events, *m_sync, nullptr, m_syncSession.get()}))
    { }

    ~LedgerSession() override { delete m_window.data(); }

    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<LedgerEvents> m_events;
    std::unique_ptr<SyncStatus> m_sync;
    std::unique_ptr<SyncSession> m_syncSession;
    std::unique_ptr<UiContext> m_context;
    QPointer<MainWindow> m_window;
};

AppController::AppController(QObject *parent) : QObject(parent) { }

AppController::~AppController()
{
    delete m_session;
}

void AppController::setDataDirectory(const QString &dir)
{
    m_dataDirectory = dir;
}

QString AppController::dataDirectory() const
{
    if (!m_dataDirectory.isEmpty())
        return m_dataDirectory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppController::defaultLedgerPath() const
{
    return QDir(dataDirectory()).filePath(kDefaultFileName);
}

MainWindow *AppController::mainWindow() const
{
    return m_session ? m_session->m_window.data() : nullptr;
}

Store *AppController::store() const
{
    return m_session ? m_session->m_store.get() : nullptr;
}

Ledger *AppController::ledger() const
{
    return m_session ? m_session->m_ledger.get() : nullptr;
}

LedgerEvents *AppController::events() const
{
    return m_session ? m_session->m_events.get() : nullptr;
}

SyncStatus *AppController::syncStatus() const
{
    return m_session ? m_session->m_sync.get() : nullptr;
}

SyncSession *AppController::syncSession() const
{
    return m_session ? m_session->m_syncSession.get() : nullptr;
}

QString AppController::ledgerPath() const
{
    return m_session ? m_session->m_store->path() : QString();
}

bool AppController::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Invoicing and bookkeeping, offline first."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption ledgerOption({u"l"_s, u"ledger"_s}, tr("Open the ledger FILE."),
                                          tr("FILE"));
    parser.addOption(ledgerOption);
    parser.addPositionalArgument(u"file"_s, tr("A ledger file to open."), tr("[file]"));
    parser.process(arguments);

    QString requested = parser.value(ledgerOption);
    if (requested.isEmpty() && !parser.positionalArguments().isEmpty())
        requested = parser.positionalArguments().constFirst();

    if (!requested.isEmpty()) {
        if (auto opened = openLedger(requested); !opened) {
            showError(tr("Cannot open the ledger"), describeFileError(opened.error()));
            return recoverFromFailedStart();
        }
        return true;
    }

    // The ledger used last, else the one in the data folder; the setup only when neither exists.
    QStringList candidates = recentLedgers();
    candidates.append(defaultLedgerPath());
    for (const QString &path : std::as_const(candidates)) {
        if (!QFileInfo::exists(path))
            continue;
        if (auto opened = openLedger(path); !opened) {
            showError(tr("Cannot open the ledger"), describeFileError(opened.error()));
            return recoverFromFailedStart();
        }
        return true;
    }
    return createLedgerWithWizard(defaultLedgerPath(), nullptr);
}

bool AppController::recoverFromFailedStart()
{
    // Without a ledger there is no window; let the user pick another file or make a new one
    // rather than leave them with nothing.
    while (!m_session) {
        QMessageBox box(QMessageBox::Question, tr("Kontor"),
                        tr("Kontor needs a ledger to work with. Open another ledger file or "
                           "create a new one?"));
        QPushButton *open = box.addButton(tr("&Open…"), QMessageBox::AcceptRole);
        QPushButton *create = box.addButton(tr("&New ledger…"), QMessageBox::ActionRole);
        box.addButton(tr("&Quit"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() == open)
            openLedgerInteractive();
        else if (box.clickedButton() == create)
            newLedgerInteractive();
        else
            return false;
    }
    return true;
}

Status AppController::openLedger(const QString &requestedPath)
{
    const QString path = normalisedPath(requestedPath);
    if (m_session && normalisedPath(m_session->m_store->path()) == path) {
        if (MainWindow *w = mainWindow()) {
            w->raise();
            w->activateWindow();
        }
        return {};
    }
    KONTOR_TRY(checkLooksLikeLedger(path));

    // One program at a time per ledger: two windows on one file would both issue numbers.
    auto lock = std::make_unique<QLockFile>(path + u".lock"_s);
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock->getLockInfo(&pid, &host, &app);
            return Error {ErrorKind::Conflict, u"path"_s, u"ledger-in-use"_s,
                          tr("This ledger is open in another Kontor (process %1 on %2). Close it "
                             "there first.")
                              .arg(pid)
                              .arg(host)};
        }
        // A folder where no lock can be written (read-only media): open without one.
        lock.reset();
    }

    auto store = Store::open(path, Store::OpenMode::OpenExisting);
    if (!store)
        return store.error();
    {
        Ledger probe(**store);
        if (!probe.isInitialized())
            return Error {ErrorKind::Io, u"path"_s, u"not-initialized"_s,
                          u"'%1' has no company profile yet"_s.arg(path)};
    }

    auto *session = new LedgerSession(std::move(lock), std::move(store.value()), dataDirectory());
    auto *window = new MainWindow(*session->m_context);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    session->m_window = window;
    connect(window, &MainWindow::newLedgerRequested, this, &AppController::newLedgerInteractive,
            Qt::QueuedConnection);
    connect(window, &MainWindow::openLedgerRequested, this, &AppController::openLedgerInteractive,
            Qt::QueuedConnection);
    // Queued: the request comes from a menu of the window that the switch will retire.
    connect(window, &MainWindow::openRecentRequested, this, &AppController::openRecentInteractive,
            Qt::QueuedConnection);
    connect(window, &MainWindow::backupRequested, this, &AppController::backupInteractive);
    connect(window, &MainWindow::closed, this, [this, window] {
        if (mainWindow() == window)
            QCoreApplication::quit();
    });

    LedgerSession *old = m_session;
    m_session = session;
    addRecent(path);

    if (old) {
        // The old ledger stops syncing now, not when its session is deleted later.
        old->m_syncSession->stop();
        // The new window takes the old one's place on screen.
        if (MainWindow *previous = old->m_window) {
            previous->disconnect(this);
            window->setGeometry(previous->geometry());
            previous->close();
        }
    }
    window->show();
    // Signed in: sync starts (and keeps retrying while offline); otherwise "Local only".
    session->m_syncSession->restoreAndStart();
    if (old)
        // Deferred: the old window may be inside one of its own signal handlers right now.
        old->deleteLater();
    Q_EMIT ledgerOpened(path);
    return {};
}

bool AppController::createLedgerWithWizard(const QString &path, QWidget *parent)
{
    SetupWizard wizard(path, parent);
    wizard.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    if (wizard.exec() != QDialog::Accepted || !wizard.ledgerCreated())
        return false;
    if (auto opened = openLedger(path); !opened) {
        showError(tr("Cannot open the ledger"), describeFileError(opened.error()));
        return false;
    }
    return true;
}

Status AppController::backupTo(const QString &requestedPath)
{
    if (!m_session)
        return Error {ErrorKind::Usage, {}, u"no-ledger"_s, tr("No ledger is open.")};
    const QString path = normalisedPath(requestedPath);
    if (path == normalisedPath(m_session->m_store->path()))
        return Error {ErrorKind::Usage, u"path"_s, u"backup-onto-itself"_s,
                      tr("A backup copy cannot replace the ledger it copies; choose another "
                         "file.")};
    // The copy is made next to the target and put in place only when complete, so an existing
    // backup is never replaced by half a file.
    const QString partial = path + u".part"_s;
    QFile::remove(partial);
    if (auto copied = m_session->m_store->backupTo(partial); !copied) {
        QFile::remove(partial);
        return copied;
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(partial);
        return Error {ErrorKind::Io, u"path"_s, u"cannot-replace"_s,
                      tr("The file %1 cannot be replaced.").arg(QDir::toNativeSeparators(path))};
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return Error {
            ErrorKind::Io, u"path"_s, u"cannot-replace"_s,
            tr("The backup copy cannot be written to %1.").arg(QDir::toNativeSeparators(path))};
    }
    return {};
}

QWidget *AppController::dialogParent() const
{
    return mainWindow();
}

void AppController::newLedgerInteractive()
{
    QWidget *parent = dialogParent();
    const QString dir
        = QFileInfo(ledgerPath().isEmpty() ? defaultLedgerPath() : ledgerPath()).absolutePath();
    // The dialog does not offer to replace a file: a ledger is never overwritten.
    QString path = QFileDialog::getSaveFileName(
        parent, tr("New ledger"), QDir(dir).filePath(tr("new-books.kontor")), fileFilter(), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".kontor"_s;
    if (QFileInfo::exists(path)) {
        showError(tr("Cannot create the ledger"),
                  describeFileError(Error {ErrorKind::Io, u"path"_s, u"file-exists"_s, path}));
        return;
    }
    createLedgerWithWizard(path, parent);
}

void AppController::openLedgerInteractive()
{
    const QString dir
        = QFileInfo(ledgerPath().isEmpty() ? defaultLedgerPath() : ledgerPath()).absolutePath();
    const QString path
        = QFileDialog::getOpenFileName(dialogParent(), tr("Open ledger"), dir, fileFilter());
    if (path.isEmpty())
        return;
    if (auto opened = openLedger(path); !opened)
        showError(tr("Cannot open the ledger"), describeFileError(opened.error()));
}

void AppController::openRecentInteractive(const QString &path)
{
    if (auto opened = openLedger(path); !opened) {
        // A file that is gone leaves the list; any other error may pass (a locked file).
        if (opened.error().rule == u"file-missing"_s)
            removeRecent(path);
        showError(tr("Cannot open the ledger"), describeFileError(opened.error()));
    }
}

void AppController::backupInteractive()
{
    if (!m_session)
        return;
    const QFileInfo current(ledgerPath());
    const QString suggested
        = tr("%1-backup-%2.kontor")
              .arg(current.completeBaseName(), QDate::currentDate().toString(Qt::ISODate));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(dialogParent(), tr("Save a backup copy"),
                                                QDir(dir).filePath(suggested), fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".kontor"_s;
    if (auto copied = backupTo(path); !copied) {
        showError(tr("Cannot save the backup copy"), describeFileError(copied.error()));
        return;
    }
    if (MainWindow *w = mainWindow())
        w->statusBar()->showMessage(
            tr("Backup copy saved as %1").arg(QDir::toNativeSeparators(path)), 8000);
}

QStringList AppController::recentLedgers() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void AppController::clearRecentLedgers()
{
    QSettings().remove(kRecentKey);
    if (MainWindow *w = mainWindow())
        w->setRecentLedgers({});
}

void AppController::addRecent(const QString &path)
{
    QStringList list = recentLedgers();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    if (MainWindow *w = mainWindow())
        w->setRecentLedgers(list);
}

void AppController::removeRecent(const QString &path)
{
    QStringList list = recentLedgers();
    list.removeAll(normalisedPath(path));
    list.removeAll(path);
    QSettings().setValue(kRecentKey, list);
    if (MainWindow *w = mainWindow())
        w->setRecentLedgers(list);
}

QString AppController::describeFileError(const Error &error)
{
    const Error translated = Ui::withSettingsMessage(error);
    // The file's name first: the user may have picked the wrong one.
    QString text = translated.message;
    if (translated.rule == u"not-a-ledger"_s || translated.rule == u"newer-schema"_s
        || translated.rule == u"file-missing"_s || translated.rule == u"file-exists"_s
        || translated.rule == u"not-initialized"_s) {
        // The model's message names the file; the translated one does not, so add it.
        const QString name = error.message.section(u'\'', 1, 1);
        if (!name.isEmpty())
            text = tr("%1\n\n%2").arg(QDir::toNativeSeparators(name), text);
        else if (error.rule == u"file-exists"_s)
            text = tr("%1\n\n%2").arg(QDir::toNativeSeparators(error.message), text);
    }
    return text;
}

void AppController::showError(const QString &title, const QString &text)
{
    Q_EMIT errorShown(text);
    QWidget *parent = dialogParent();
    if (!parent) {
        // Before any window exists (start-up) the program waits for the answer.
        QMessageBox::critical(nullptr, title, text);
        return;
    }
    // Window-modal and not blocking: the main window waits, the event loop goes on.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(u"ledgerErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Kontor
