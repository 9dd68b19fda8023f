// The desktop's main window over one open ledger: navigation on the left (Dashboard, Invoices,
// Quotes, Credit notes, Expenses, Customers, Products, Payments, Settings), the page on the right,
// a toolbar with the "New" actions and the global invoice search, and a status bar with the sync
// state; clicking it (or View > Sync) opens the Sync panel. It is the Navigator the pages and
// editors use to open records. The File menu's ledger
// actions (new, open, backup, recent) are requests to whoever owns the ledger (AppController).
#pragma once

#include "uicontext.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace Kontor {

class DocumentListPage;
class SyncPanel;

class MainWindow : public QMainWindow, public Navigator
{
    Q_OBJECT
public:
    explicit MainWindow(UiContext &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Navigator
    void showPage(Page page) override;
    void openDocument(const QString &documentId) override;
    void newDocument(DocumentKind kind, const QString &customerId = {}) override;
    void openCustomer(const QString &customerId) override;
    void openProduct(const QString &productId) override;
    void openExpense(const QString &expenseId) override;

    Page currentPage() const { return m_current; }
    // The page widget; pages are built the first time they are shown.
    QWidget *page(Page page);
    DocumentListPage *documentPage(DocumentKind kind);

    // Opens the Sync panel (or raises it); null when the ledger has no sync session.
    SyncPanel *showSyncPanel();
    QAction *syncPanelAction() const { return m_syncPanelAction; }

    // Shows the invoices whose number or customer starts with `text` (empty: all of them).
    void search(const QString &text);

    QLineEdit *searchField() const { return m_search; }
    QLabel *syncLabel() const { return m_syncLabel; }
    QListWidget *navigation() const { return m_nav; }
    QStackedWidget *pages() const { return m_stack; }

    // The File > Open recent entries, most recent first.
    void setRecentLedgers(const QStringList &paths);

    // Where dialogs opened for the navigator are parented: the dialog in front, if any, so an
    // editor opened from an editor stays above it.
    QWidget *dialogParent();

Q_SIGNALS:
    void newLedgerRequested();
    void openLedgerRequested();
    void openRecentRequested(const QString &path);
    void backupRequested();
    // The window was closed by the user (title bar or File > Quit): the program ends.
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createNavigation();
    void retranslateUi();
    void rebuildPagesForLanguage();
    void updateTitle();
    void updateSyncLabel();
    void restoreWindowSettings();
    void saveWindowSettings();
    QWidget *createPage(Page page);
    void showDialog(QDialog *dialog, const QString &key);
    bool raiseExisting(const QString &key);
    void openSearchResult();

    UiContext &m_ctx;
    Page m_current = Page::Dashboard;

    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QHash<int, QWidget *> m_pages;
    QWidget *m_placeholder = nullptr;

    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_syncLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_newMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QStringList m_recent;

    QAction *m_newLedger = nullptr;
    QAction *m_openLedger = nullptr;
    QAction *m_backup = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_newInvoice = nullptr;
    QAction *m_newQuote = nullptr;
    QAction *m_newExpense = nullptr;
    QAction *m_newCustomer = nullptr;
    QAction *m_newProduct = nullptr;
    QAction *m_find = nullptr;
    QAction *m_about = nullptr;
    QAction *m_syncPanelAction = nullptr;
    QList<QAction *> m_pageActions;
    QActionGroup *m_pageGroup = nullptr;

    // Editors open now, by record ("document:<id>"), so a second request raises the first.
    QHash<QString, QPointer<QDialog>> m_editors;
    QPointer<SyncPanel> m_syncPanel;
};

} // namespace Kontor
