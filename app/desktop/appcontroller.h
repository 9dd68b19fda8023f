// The desktop program's owner of the open ledger: it opens and creates ledger files (first-run
// setup, File > New, Open, Open recent), keeps the store, the ledger, the change notifications
// and the sync session and status of the open one together, and builds a main window over them.
// Switching ledgers builds a new window over a new context and retires the old pair as a whole,
// so no widget ever outlives the ledger it points into; the old ledger stops syncing at once.
#pragma once

#include "result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace Kontor {

class Ledger;
class LedgerEvents;
class LedgerSession;
class MainWindow;
class Store;
class SyncSession;
class SyncStatus;

class AppController : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 8;

    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // The folder of the default ledger: QStandardPaths::AppDataLocation unless set (tests).
    void setDataDirectory(const QString &dir);
    QString dataDirectory() const;
    QString defaultLedgerPath() const;

    // Starts the program with its command line: `--ledger FILE` (or a file as the only
    // argument) opens that file; otherwise the most recent ledger, else the default one, else
    // the first-run setup creates one. False when there is nothing to show (setup cancelled, the
    // given file could not be opened); the error was then shown.
    bool start(const QStringList &arguments);

    // Opens a ledger file and shows it in a new main window. On an error nothing changes: the
    // open ledger and its window stay as they were.
    Status openLedger(const QString &path);
    // Creates a new ledger at `path` through the setup wizard and opens it. False when the user
    // cancelled.
    bool createLedgerWithWizard(const QString &path, QWidget *parent);
    // Copies the open ledger, consistent while open, to `path` (replacing a file there only once
    // the copy is complete).
    Status backupTo(const QString &path);

    // The same with file dialogs and message boxes, for the menus.
    void newLedgerInteractive();
    void openLedgerInteractive();
    void openRecentInteractive(const QString &path);
    void backupInteractive();

    QStringList recentLedgers() const;
    void clearRecentLedgers();

    MainWindow *mainWindow() const;
    Store *store() const;
    Ledger *ledger() const;
    LedgerEvents *events() const;
    SyncStatus *syncStatus() const;
    // The sync of the open ledger (signed in or "Local only").
    SyncSession *syncSession() const;
    QString ledgerPath() const;

    // A sentence for a person from an error of opening, creating or copying a ledger file.
    static QString describeFileError(const Error &error);

Q_SIGNALS:
    void ledgerOpened(const QString &path);
    // After an error was shown to the user, with the text shown (for tests and logs).
    void errorShown(const QString &text);

private:
    void addRecent(const QString &path);
    void removeRecent(const QString &path);
    void showError(const QString &title, const QString &text);
    QWidget *dialogParent() const;
    bool recoverFromFailedStart();

    QString m_dataDirectory;
    LedgerSession *m_session = nullptr;
};

} // namespace Kontor
