#include "mainwindow.h"

#include "customereditor.h"
#include "customerlistpage.h"
#include "dashboardpage.h"
#include "documentlistpage.h"
#include "expenseeditor.h"
#include "expenselistpage.h"
#include "icons.h"
#include "invoiceeditor.h"
#include "paymentlistpage.h"
#include "producteditor.h"
#include "productlistpage.h"
#include "settingspage.h"
#include "syncpanel.h"
#include "syncstatus.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

using Page = Navigator::Page;

constexpr Page kPages[]
    = {Page::Dashboard, Page::Invoices, Page::Quotes,   Page::CreditNotes, Page::Expenses,
       Page::Customers, Page::Products, Page::Payments, Page::Settings};

QString pageIcon(Page page)
{
    switch (page) {
    case Page::Dashboard:
        return u"dashboard"_s;
    case Page::Invoices:
        return u"invoice"_s;
    case Page::Quotes:
        return u"quote"_s;
    case Page::CreditNotes:
        return u"credit-note"_s;
    case Page::Expenses:
        return u"expense"_s;
    case Page::Customers:
        return u"customer"_s;
    case Page::Products:
        return u"product"_s;
    case Page::Payments:
        return u"payment"_s;
    case Page::Settings:
        return u"settings"_s;
    }
    return {};
}

const QString kSettingsGroup = u"MainWindow"_s;

// Navigation rows a little taller than a list's, so the sections read as a sidebar and are easy
// to hit; the style still draws them, in the palette's colours.
class NavigationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(16, 12);
    }
};

} // namespace

MainWindow::MainWindow(UiContext &ctx, QWidget *parent) : QMainWindow(parent), m_ctx(ctx)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/kontor/icons/kontor.svg"_s));
    // Pages and editors reach the window through the context from here on.
    m_ctx.navigator = this;

    createActions();
    createNavigation();
    createToolBar();
    createMenus();

    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(u"syncStatusLabel"_s);
    statusBar()->addPermanentWidget(m_syncLabel);
    if (m_ctx.syncSession) {
        // A click on the sync state opens the Sync panel; View > Sync does the same by keyboard.
        m_syncLabel->setCursor(Qt::PointingHandCursor);
        m_syncLabel->installEventFilter(this);
    }
    connect(&m_ctx.sync, &SyncStatus::changed, this, &MainWindow::updateSyncLabel);

    retranslateUi();
    restoreWindowSettings();
}

MainWindow::~MainWindow()
{
    // Editors hold the context; they go before the ledger they point into.
    for (const QPointer<QDialog> &editor : std::as_const(m_editors))
        delete editor.data();
    if (m_ctx.navigator == this)
        m_ctx.navigator = nullptr;
}

void MainWindow::createActions()
{
    const auto make
        = [this](const QString &icon, const QKeySequence &shortcut, const QString &name) {
              auto *action = new QAction(this);
              action->setObjectName(name);
              if (!icon.isEmpty())
                  action->setIcon(Ui::icon(icon));
              if (!shortcut.isEmpty())
                  action->setShortcut(shortcut);
              return action;
          };

    m_newLedger = make(u"add"_s, {}, u"newLedgerAction"_s);
    connect(m_newLedger, &QAction::triggered, this, &MainWindow::newLedgerRequested);
    m_openLedger = make(u"open"_s, QKeySequence::Open, u"openLedgerAction"_s);
    connect(m_openLedger, &QAction::triggered, this, &MainWindow::openLedgerRequested);
    // Save As where the platform has one (not every platform theme does).
    QKeySequence saveAs(QKeySequence::SaveAs);
    if (saveAs.isEmpty())
        saveAs = QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    m_backup = make(u"backup"_s, saveAs, u"backupAction"_s);
    connect(m_backup, &QAction::triggered, this, &MainWindow::backupRequested);
    m_quit = make(u"quit"_s, QKeySequence(Qt::CTRL | Qt::Key_Q), u"quitAction"_s);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_newInvoice = make(u"new-document"_s, QKeySequence::New, u"newInvoiceAction"_s);
    connect(m_newInvoice, &QAction::triggered, this,
            [this] { newDocument(DocumentKind::Invoice); });
    m_newQuote
        = make(u"quote"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), u"newQuoteAction"_s);
    connect(m_newQuote, &QAction::triggered, this, [this] { newDocument(DocumentKind::Quote); });
    m_newExpense
        = make(u"expense"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), u"newExpenseAction"_s);
    connect(m_newExpense, &QAction::triggered, this, [this] { openExpense({}); });
    m_newCustomer = make(u"new-customer"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                         u"newCustomerAction"_s);
    connect(m_newCustomer, &QAction::triggered, this, [this] { openCustomer({}); });
    // No key of its own: Ctrl+Shift+P records a payment in the editors.
    m_newProduct = make(u"product"_s, {}, u"newProductAction"_s);
    connect(m_newProduct, &QAction::triggered, this, [this] { openProduct({}); });

    m_find = make(u"search"_s, QKeySequence::Find, u"findAction"_s);
    connect(m_find, &QAction::triggered, this, [this] {
        m_toolBar->show();
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_syncPanelAction = make(u"sync"_s, {}, u"syncPanelAction"_s);
    m_syncPanelAction->setVisible(m_ctx.syncSession != nullptr);
    connect(m_syncPanelAction, &QAction::triggered, this, &MainWindow::showSyncPanel);

    m_about = make(u"kontor"_s, {}, u"aboutAction"_s);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Kontor"),
            tr("<h3>Kontor %1</h3><p>Invoicing and bookkeeping for freelancers, offline "
               "first.</p><p>Your books are kept in the ledger file %2.</p>")
                .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                     QDir::toNativeSeparators(m_ctx.ledger.store().path()).toHtmlEscaped()));
    });

    // Ctrl+1 … Ctrl+9 go to the pages in the order of the navigation.
    m_pageGroup = new QActionGroup(this);
    m_pageGroup->setExclusive(true);
    for (int i = 0; i < int(std::size(kPages)); ++i) {
        QAction *action = make(pageIcon(kPages[i]), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)),
                               u"pageAction%1"_s.arg(i));
        action->setCheckable(true);
        m_pageGroup->addAction(action);
        const Page page = kPages[i];
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
        m_pageActions.append(action);
    }
    // The platform's preferences shortcut (Ctrl+, on macOS) also opens Settings, where it has one.
    if (const QKeySequence prefs(QKeySequence::Preferences); !prefs.isEmpty())
        m_pageActions.constLast()->setShortcuts({m_pageActions.constLast()->shortcut(), prefs});
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newLedger);
    m_fileMenu->addAction(m_openLedger);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(u"recentMenu"_s);
    m_fileMenu->addAction(m_backup);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_newMenu = menuBar()->addMenu(QString());
    m_newMenu->addAction(m_newInvoice);
    m_newMenu->addAction(m_newQuote);
    m_newMenu->addAction(m_newExpense);
    m_newMenu->addAction(m_newCustomer);
    m_newMenu->addAction(m_newProduct);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_syncPanelAction);
    m_viewMenu->menuAction()->setVisible(m_ctx.syncSession != nullptr);

    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->addAction(m_find);
    m_goMenu->addSeparator();
    m_goMenu->addActions(m_pageActions);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);
    setRecentLedgers(m_recent);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_newInvoice);
    m_toolBar->addAction(m_newQuote);
    m_toolBar->addAction(m_newExpense);
    m_toolBar->addAction(m_newCustomer);

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);

    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(u"globalSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Ui::icon(u"search"_s), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(380);
    m_toolBar->addWidget(m_search);
    // The list queries the ledger by prefix over an index, so each keystroke can filter at once.
    connect(m_search, &QLineEdit::textEdited, this, &MainWindow::search);
    // The clear button empties the text without textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            search({});
    });
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::openSearchResult);
    auto *clear = new QAction(m_search);
    clear->setShortcut(Qt::Key_Escape);
    clear->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(clear);
    connect(clear, &QAction::triggered, this, [this] {
        m_search->clear();
        if (QWidget *p = m_stack->currentWidget())
            p->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::createNavigation()
{
    m_nav = new QListWidget;
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setItemDelegate(new NavigationDelegate(m_nav));
    m_nav->setUniformItemSizes(true);
    m_nav->setFrameShape(QFrame::NoFrame);
    // The navigation takes the window's background, like a sidebar, from the palette.
    m_nav->setBackgroundRole(QPalette::Window);
    m_nav->viewport()->setBackgroundRole(QPalette::Window);
    for (Page page : kPages) {
        auto *item = new QListWidgetItem(Ui::icon(pageIcon(page)), QString(), m_nav);
        item->setData(Qt::UserRole, int(page));
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(std::size(kPages)))
            showPage(kPages[row]);
    });

    m_stack = new QStackedWidget;
    m_stack->setObjectName(u"pages"_s);
    m_placeholder = new QWidget(m_stack);
    m_stack->addWidget(m_placeholder);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    setTabOrder(m_nav, m_stack);
}

void MainWindow::retranslateUi()
{
    m_newLedger->setText(tr("&New ledger…"));
    m_newLedger->setToolTip(tr("Create a new ledger file"));
    m_openLedger->setText(tr("&Open ledger…"));
    m_backup->setText(tr("Save a &backup copy…"));
    m_backup->setToolTip(tr("Copy the open ledger to a file of your choice"));
    m_quit->setText(tr("&Quit"));
    m_newInvoice->setText(tr("New &invoice"));
    m_newInvoice->setIconText(tr("Invoice"));
    m_newQuote->setText(tr("New &quote"));
    m_newQuote->setIconText(tr("Quote"));
    m_newExpense->setText(tr("New &expense"));
    m_newExpense->setIconText(tr("Expense"));
    m_newCustomer->setText(tr("New &customer"));
    m_newCustomer->setIconText(tr("Customer"));
    m_newProduct->setText(tr("New &product"));
    m_find->setText(tr("&Find invoices"));
    m_about->setText(tr("&About Kontor"));
    m_syncPanelAction->setText(tr("&Sync…"));
    m_syncPanelAction->setToolTip(tr("The sync state, conflicts and refused changes"));
    const auto withShortcut = [](QAction *a) {
        if (!a->shortcut().isEmpty())
            a->setToolTip(u"%1 (%2)"_s.arg(QString(a->text()).remove(u'&'),
                                           a->shortcut().toString(QKeySequence::NativeText)));
    };
    for (QAction *a : {m_newInvoice, m_newQuote, m_newExpense, m_newCustomer, m_newProduct, m_find})
        withShortcut(a);

    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_newMenu->setTitle(tr("&New"));
    m_viewMenu->setTitle(tr("&View"));
    m_goMenu->setTitle(tr("&Go"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));

    const QStringList names
        = {tr("Dashboard"), tr("Invoices"), tr("Quotes"),   tr("Credit notes"), tr("Expenses"),
           tr("Customers"), tr("Products"), tr("Payments"), tr("Settings")};
    for (int i = 0; i < names.size(); ++i) {
        m_nav->item(i)->setText(names.at(i));
        m_pageActions.at(i)->setText(names.at(i));
    }
    m_nav->setAccessibleName(tr("Sections"));
    // Wide enough for the longest name in the current language, not wider.
    m_nav->setFixedWidth(m_nav->sizeHintForColumn(0) + 2 * m_nav->frameWidth() + 24);

    m_search->setPlaceholderText(
        tr("Search invoices (%1)").arg(m_find->shortcut().toString(QKeySequence::NativeText)));
    m_search->setAccessibleName(tr("Search invoices by number or customer"));
    m_search->setToolTip(tr("Type an invoice number or the start of a customer's name; Enter "
                            "opens the invoice with that exact number."));
    m_syncLabel->setAccessibleName(tr("Sync status"));
    setRecentLedgers(m_recent);
    updateTitle();
    updateSyncLabel();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // After every widget has had the event: a page is never deleted inside its own handler.
        QTimer::singleShot(0, this, &MainWindow::rebuildPagesForLanguage);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuildPagesForLanguage()
{
    // The pages set their texts when they are built (Qt's own widgets inside them too, such as a
    // tab bar's scroll buttons); building them again is how they take a new language. This runs
    // from the event loop, after the Settings handler that switched the language has returned.
    bool rebuilt = false;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (!it.value()) {
            ++it;
            continue;
        }
        m_stack->removeWidget(it.value());
        delete it.value();
        it = m_pages.erase(it);
        rebuilt = true;
    }
    if (rebuilt)
        showPage(m_current);
}

void MainWindow::updateTitle()
{
    const QString path = m_ctx.ledger.store().path();
    setWindowFilePath(path);
    setWindowTitle(tr("%1 — Kontor").arg(QFileInfo(path).fileName()));
}

void MainWindow::updateSyncLabel()
{
    m_syncLabel->setText(m_ctx.sync.summary());
    if (!m_ctx.syncSession)
        return;
    // Why the sync is offline or failing, in full, where the status bar has no room for it.
    const QString hint = tr("Click to open the Sync panel");
    const QString error = m_ctx.sync.errorText();
    m_syncLabel->setToolTip(error.isEmpty() ? hint : u"%1\n\n%2"_s.arg(error, hint));
}

void MainWindow::setRecentLedgers(const QStringList &paths)
{
    m_recent = paths;
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    int n = 0;
    for (const QString &path : paths) {
        ++n;
        // "&1 books.kontor" with the full path as tooltip: names are short, folders are long.
        const QString label = n < 10 ? u"&%1 %2"_s.arg(n).arg(QFileInfo(path).fileName())
                                     : QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
        connect(action, &QAction::triggered, this,
                [this, path] { Q_EMIT openRecentRequested(path); });
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
    m_recentMenu->setToolTipsVisible(true);
}

QWidget *MainWindow::createPage(Page page)
{
    switch (page) {
    case Page::Dashboard:
        return new DashboardPage(m_ctx);
    case Page::Invoices:
        return new DocumentListPage(m_ctx, DocumentKind::Invoice);
    case Page::Quotes:
        return new DocumentListPage(m_ctx, DocumentKind::Quote);
    case Page::CreditNotes:
        return new DocumentListPage(m_ctx, DocumentKind::CreditNote);
    case Page::Expenses:
        return new ExpenseListPage(m_ctx);
    case Page::Customers:
        return new CustomerListPage(m_ctx);
    case Page::Products:
        return new ProductListPage(m_ctx);
    case Page::Payments:
        return new PaymentListPage(m_ctx);
    case Page::Settings:
        return new SettingsPage(m_ctx);
    }
    return nullptr;
}

QWidget *MainWindow::page(Page page)
{
    // Built on first use: opening the program costs one page, not nine.
    QWidget *&w = m_pages[int(page)];
    if (!w) {
        w = createPage(page);
        m_stack->addWidget(w);
    }
    return w;
}

DocumentListPage *MainWindow::documentPage(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Invoice:
        return static_cast<DocumentListPage *>(page(Page::Invoices));
    case DocumentKind::Quote:
        return static_cast<DocumentListPage *>(page(Page::Quotes));
    case DocumentKind::CreditNote:
        return static_cast<DocumentListPage *>(page(Page::CreditNotes));
    }
    return nullptr;
}

void MainWindow::showPage(Page p)
{
    QWidget *w = page(p);
    m_current = p;
    m_stack->setCurrentWidget(w);
    const int row = int(std::find(std::begin(kPages), std::end(kPages), p) - std::begin(kPages));
    if (m_nav->currentRow() != row) {
        const QSignalBlocker block(m_nav);
        m_nav->setCurrentRow(row);
    }
    m_pageActions.at(row)->setChecked(true);
}

void MainWindow::search(const QString &text)
{
    const QString trimmed = text.trimmed();
    // An empty search only clears the filter of a list that was built; it builds nothing.
    if (trimmed.isEmpty() && !m_pages.value(int(Page::Invoices)))
        return;
    documentPage(DocumentKind::Invoice)->setSearchText(trimmed);
    if (!trimmed.isEmpty())
        showPage(Page::Invoices);
}

void MainWindow::openSearchResult()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    if (auto doc = m_ctx.ledger.documentByNumber(text); doc) {
        openDocument(doc->id);
        return;
    }
    search(text);
}

QWidget *MainWindow::dialogParent()
{
    if (QWidget *modal = QApplication::activeModalWidget(); modal && modal->window() != this)
        return modal;
    return this;
}

bool MainWindow::raiseExisting(const QString &key)
{
    if (key.isEmpty())
        return false;
    QPointer<QDialog> existing = m_editors.value(key);
    if (!existing)
        return false;
    existing->raise();
    existing->activateWindow();
    return true;
}

void MainWindow::showDialog(QDialog *dialog, const QString &key)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!key.isEmpty())
        m_editors.insert(key, dialog);
    // Window-modal: the main window waits, other windows (a PDF preview) stay usable.
    dialog->open();
}

void MainWindow::openDocument(const QString &documentId)
{
    const QString key = u"document:"_s + documentId;
    if (raiseExisting(key))
        return;
    showDialog(new InvoiceEditor(m_ctx, documentId, DocumentKind::Invoice, {}, dialogParent()),
               key);
}

void MainWindow::newDocument(DocumentKind kind, const QString &customerId)
{
    showDialog(new InvoiceEditor(m_ctx, {}, kind, customerId, dialogParent()), {});
}

void MainWindow::openCustomer(const QString &customerId)
{
    const QString key = customerId.isEmpty() ? QString() : u"customer:"_s + customerId;
    if (raiseExisting(key))
        return;
    showDialog(new CustomerEditor(m_ctx, customerId, dialogParent()), key);
}

void MainWindow::openProduct(const QString &productId)
{
    const QString key = productId.isEmpty() ? QString() : u"product:"_s + productId;
    if (raiseExisting(key))
        return;
    showDialog(new ProductEditor(m_ctx, productId, dialogParent()), key);
}

void MainWindow::openExpense(const QString &expenseId)
{
    const QString key = expenseId.isEmpty() ? QString() : u"expense:"_s + expenseId;
    if (raiseExisting(key))
        return;
    showDialog(new ExpenseEditor(m_ctx, expenseId, dialogParent()), key);
}

void MainWindow::restoreWindowSettings()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray())) {
        // First start: most of the screen, centred.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(QSize(1180, 760).boundedTo(available.size() * 0.9));
        move(available.center() - rect().center());
    }
    restoreState(settings.value(u"state"_s).toByteArray());
    const int stored = settings.value(u"page"_s, int(Page::Dashboard)).toInt();
    const bool known
        = std::find(std::begin(kPages), std::end(kPages), Page(stored)) != std::end(kPages);
    showPage(known ? Page(stored) : Page::Dashboard);
}

void MainWindow::saveWindowSettings()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"page"_s, int(m_current));
}

SyncPanel *MainWindow::showSyncPanel()
{
    if (!m_ctx.syncSession)
        return nullptr;
    if (!m_syncPanel) {
        m_syncPanel = new SyncPanel(m_ctx, this);
        m_syncPanel->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_syncPanel, &SyncPanel::accountRequested, this, [this] {
            showPage(Page::Settings);
            static_cast<SettingsPage *>(page(Page::Settings))->showTab(SettingsPage::SyncTab);
            raise();
            activateWindow();
        });
    }
    m_syncPanel->show();
    m_syncPanel->raise();
    m_syncPanel->activateWindow();
    return m_syncPanel;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_syncLabel && event->type() == QEvent::MouseButtonRelease) {
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
            showSyncPanel();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowSettings();
    event->accept();
    Q_EMIT closed();
}

} // namespace Kontor
