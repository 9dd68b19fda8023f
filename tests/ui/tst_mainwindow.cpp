// The main window over a real ledger: navigation, the status bar fed by the outbox, the global
// invoice search, the shortcuts of every action, the title, the language switch and the dark
// palette.
#include "customerlistpage.h"
#include "dashboardpage.h"
#include "documentlistmodel.h"
#include "documentlistpage.h"
#include "expenselistpage.h"
#include "icons.h"
#include "mainwindow.h"
#include "paymentlistpage.h"
#include "productlistpage.h"
#include "settingspage.h"
#include "shelltestsupport.h"
#include "translations.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Test;

namespace {

using NavPage = Navigator::Page;

qint64 pendingIn(const QString &summary)
{
    const auto match = QRegularExpression(u"(\\d+) change"_s).match(summary);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void navigationSwitchesPages();
    void statusBarCountsPendingChanges();
    void findFocusesSearchAndFiltersInvoices();
    void enterOpensExactNumber();
    void everyShortcutTriggersItsAction();
    void titleShowsLedgerFile();
    void windowStateIsRemembered();
    void languageSwitchesLive();
    void followsDarkPalette();
    void iconsAreDrawnInThePaletteColours();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ShellLedger> m_ledger;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    isolateSettings(m_settingsDir);
}

void TestMainWindow::init()
{
    m_ledger = std::make_unique<ShellLedger>();
    QVERIFY(m_ledger->open());
    m_window = std::make_unique<MainWindow>(*m_ledger->ctx);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
}

void TestMainWindow::cleanup()
{
    closeDialogs();
    m_window.reset();
    m_ledger.reset();
}

void TestMainWindow::navigationSwitchesPages()
{
    QCOMPARE(m_ledger->ctx->navigator, static_cast<Navigator *>(m_window.get()));
    QListWidget *nav = m_window->navigation();
    QCOMPARE(nav->count(), 9);
    const auto current = [this] { return m_window->pages()->currentWidget(); };

    const struct
    {
        int row;
        NavPage page;
    } rows[] = {{1, NavPage::Invoices}, {2, NavPage::Quotes},    {3, NavPage::CreditNotes},
                {4, NavPage::Expenses}, {5, NavPage::Customers}, {6, NavPage::Products},
                {7, NavPage::Payments}, {8, NavPage::Settings},  {0, NavPage::Dashboard}};
    for (const auto &r : rows) {
        // Clicked as a person does, on the item's rectangle.
        const QRect rect = nav->visualItemRect(nav->item(r.row));
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_window->currentPage(), r.page);
        QCOMPARE(current(), m_window->page(r.page));
    }
    QVERIFY(qobject_cast<DashboardPage *>(m_window->page(NavPage::Dashboard)));
    auto *invoices = qobject_cast<DocumentListPage *>(m_window->page(NavPage::Invoices));
    QVERIFY(invoices);
    QCOMPARE(invoices->kind(), DocumentKind::Invoice);
    QCOMPARE(qobject_cast<DocumentListPage *>(m_window->page(NavPage::Quotes))->kind(),
             DocumentKind::Quote);
    QCOMPARE(qobject_cast<DocumentListPage *>(m_window->page(NavPage::CreditNotes))->kind(),
             DocumentKind::CreditNote);
    QVERIFY(qobject_cast<ExpenseListPage *>(m_window->page(NavPage::Expenses)));
    QVERIFY(qobject_cast<CustomerListPage *>(m_window->page(NavPage::Customers)));
    QVERIFY(qobject_cast<ProductListPage *>(m_window->page(NavPage::Products)));
    QVERIFY(qobject_cast<PaymentListPage *>(m_window->page(NavPage::Payments)));
    QVERIFY(qobject_cast<SettingsPage *>(m_window->page(NavPage::Settings)));

    // The keyboard: Down in the navigation moves to the next page; the navigator call works too.
    nav->setFocus();
    QTest::keyClick(nav, Qt::Key_Down);
    QCOMPARE(m_window->currentPage(), NavPage::Invoices);
    m_window->showPage(NavPage::Payments);
    QCOMPARE(nav->currentRow(), 7);
    QCOMPARE(current(), m_window->page(NavPage::Payments));
}

void TestMainWindow::statusBarCountsPendingChanges()
{
    QLabel *label = m_window->syncLabel();
    QVERIFY(label->text().contains(u"Local only"_s));
    const qint64 before = pendingIn(label->text());
    QCOMPARE(before, m_ledger->store->outboxCount().value());
    QVERIFY(before > 0); // the setup itself wrote the company, tax rates and series

    m_ledger->addCustomer(u"Bottega Verdi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pendingIn(label->text()), before + 1, 2000);
    QVERIFY(label->text().contains(u"Local only"_s));
}

void TestMainWindow::findFocusesSearchAndFiltersInvoices()
{
    const Customer verdi = m_ledger->addCustomer(u"Bottega Verdi"_s);
    const Customer neri = m_ledger->addCustomer(u"Neri Costruzioni"_s);
    const Document first = m_ledger->issueInvoice(verdi, 10000);
    const Document second = m_ledger->issueInvoice(neri, 25000);
    m_ledger->issueInvoice(verdi, 5000);
    QCOMPARE(second.number, u"2026-A-0002"_s);

    m_window->showPage(NavPage::Customers);
    m_window->navigation()->setFocus();
    QTest::keySequence(m_window.get(), QKeySequence::Find);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->searchField()->hasFocus(), 2000);

    QTest::keyClicks(m_window->searchField(), second.number);
    QCOMPARE(m_window->currentPage(), NavPage::Invoices);
    auto *invoices = m_window->documentPage(DocumentKind::Invoice);
    QCOMPARE(m_window->pages()->currentWidget(), invoices);
    QTRY_COMPARE_WITH_TIMEOUT(invoices->model()->rowCount(), 1, 3000);
    QCOMPARE(invoices->model()->index(0, 0).data(Qt::DisplayRole).toString().isEmpty(), false);
    // The search field kept the focus while the page changed under it.
    QVERIFY(m_window->searchField()->hasFocus());

    // A customer's name finds their invoices; clearing shows every invoice again.
    m_window->searchField()->clear();
    QTest::keyClicks(m_window->searchField(), u"Bottega"_s);
    QTRY_COMPARE_WITH_TIMEOUT(invoices->model()->rowCount(), 2, 3000);
    QTest::keyClick(m_window->searchField(), Qt::Key_Escape);
    QVERIFY(m_window->searchField()->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(invoices->model()->rowCount(), 3, 3000);
    Q_UNUSED(first)
}

void TestMainWindow::enterOpensExactNumber()
{
    const Customer verdi = m_ledger->addCustomer(u"Bottega Verdi"_s);
    const Document invoice = m_ledger->issueInvoice(verdi, 10000);
    m_window->searchField()->setFocus();
    QTest::keyClicks(m_window->searchField(), invoice.number);
    QTest::keyClick(m_window->searchField(), Qt::Key_Return);
    // The invoice's editor opens in front of the window.
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, 2000);
    QVERIFY(QApplication::activeModalWidget()->parentWidget() == m_window.get());
}

void TestMainWindow::everyShortcutTriggersItsAction()
{
    QList<QAction *> actions;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (!a->shortcut().isEmpty() && a->shortcutContext() != Qt::WidgetShortcut)
            actions << a;
    // The main actions the issue names have shortcuts.
    for (const QString &name :
         {u"newInvoiceAction"_s, u"newQuoteAction"_s, u"newExpenseAction"_s, u"newCustomerAction"_s,
          u"findAction"_s, u"openLedgerAction"_s, u"backupAction"_s, u"quitAction"_s}) {
        auto *a = m_window->findChild<QAction *>(name);
        QVERIFY2(a, qPrintable(name));
        QVERIFY2(!a->shortcut().isEmpty(), qPrintable(name));
    }
    // No two actions share a key: an ambiguous shortcut triggers neither.
    QHash<QString, QString> seen;
    for (QAction *a : std::as_const(actions))
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString();
            QVERIFY2(
                !seen.contains(key),
                qPrintable(u"%1 used by %2 and %3"_s.arg(key, seen.value(key), a->objectName())));
            seen.insert(key, a->objectName());
        }

    QAction *quit = m_window->findChild<QAction *>(u"quitAction"_s);
    actions.removeAll(quit);
    for (QAction *a : std::as_const(actions)) {
        closeDialogs();
        QApplication::setActiveWindow(m_window.get());
        m_window->navigation()->setFocus();
        QSignalSpy triggered(a, &QAction::triggered);
        QTest::keySequence(m_window.get(), a->shortcut());
        QVERIFY2(triggered.count() == 1,
                 qPrintable(u"%1 (%2)"_s.arg(a->objectName(), a->shortcut().toString())));
    }
    closeDialogs();
    // New invoice (Ctrl+N) opens the editor for a new draft.
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, 2000);
    closeDialogs();

    // Quit last: it closes the window and says so.
    QSignalSpy closed(m_window.get(), &MainWindow::closed);
    QApplication::setActiveWindow(m_window.get());
    QTest::keySequence(m_window.get(), quit->shortcut());
    QCOMPARE(closed.count(), 1);
    QVERIFY(!m_window->isVisible());
}

void TestMainWindow::titleShowsLedgerFile()
{
    QVERIFY(m_window->windowTitle().contains(u"books.kontor"_s));
    QCOMPARE(m_window->windowFilePath(), m_ledger->path);
}

void TestMainWindow::windowStateIsRemembered()
{
    m_window->showPage(NavPage::Customers);
    m_window->resize(900, 640);
    m_window->close();
    m_window = std::make_unique<MainWindow>(*m_ledger->ctx);
    QCOMPARE(m_window->currentPage(), NavPage::Customers);
    QCOMPARE(m_window->size(), QSize(900, 640));
}

void TestMainWindow::languageSwitchesLive()
{
    QListWidget *nav = m_window->navigation();
    m_window->page(NavPage::Settings);
    QCOMPARE(nav->item(1)->text(), u"Invoices"_s);
    QCOMPARE(Ui::applyLanguage(u"it"_s), u"it"_s);
    // Qt posts QEvent::LanguageChange to the windows; they retranslate when it arrives.
    QTRY_COMPARE(nav->item(0)->text(), u"Cruscotto"_s);
    QCOMPARE(nav->item(1)->text(), u"Fatture"_s);
    QCOMPARE(nav->item(3)->text(), u"Note di credito"_s);
    QCOMPARE(nav->item(8)->text(), u"Impostazioni"_s);
    QVERIFY(m_window->syncLabel()->text().startsWith(u"Solo locale"_s));
    QCOMPARE(m_window->findChild<QAction *>(u"newInvoiceAction"_s)->text(), u"Nuova &fattura"_s);
    QCOMPARE(Ui::applyLanguage(u"en"_s), u"en"_s);
    QTRY_COMPARE(nav->item(1)->text(), u"Invoices"_s);
    QVERIFY(m_window->syncLabel()->text().startsWith(u"Local only"_s));
}

void TestMainWindow::followsDarkPalette()
{
    const QPalette original = QApplication::palette();
    QStyle *fusion = QStyleFactory::create(u"Fusion"_s);
    QApplication::setStyle(fusion);
    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();

    m_window->showPage(NavPage::Settings);
    const QStringList own = widgetsWithOwnColours(m_window.get(), QApplication::palette());
    QVERIFY2(own.isEmpty(), qPrintable(own.join(u", "_s)));
    // What the window paints is dark: nothing inside paints its own light background.
    QVERIFY2(meanLightness(m_window.get()) < 90,
             qPrintable(QString::number(meanLightness(m_window.get()))));
    m_window->showPage(NavPage::Invoices);
    QVERIFY2(meanLightness(m_window.get()) < 90,
             qPrintable(QString::number(meanLightness(m_window.get()))));

    // The palette reaches the widgets through posted events, as a system theme change does.
    QApplication::setPalette(original);
    QCoreApplication::processEvents();
    QVERIFY2(meanLightness(m_window.get()) > 150,
             qPrintable(QString::number(meanLightness(m_window.get()))));
}

namespace {
// The colour of the most opaque pixel: the stroke of a line icon.
QColor strokeColour(const QIcon &icon, QIcon::Mode mode)
{
    const QImage image = icon.pixmap(QSize(48, 48), 1.0, mode).toImage();
    QColor best(0, 0, 0, 0);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (const QColor c = image.pixelColor(x, y); c.alpha() > best.alpha())
                best = c;
    return best;
}
} // namespace

void TestMainWindow::iconsAreDrawnInThePaletteColours()
{
    const QIcon icon = Ui::icon(u"invoice"_s);
    QVERIFY(!icon.isNull());
    QVERIFY(Ui::icon(u"no-such-icon"_s).isNull());
    const QPalette original = QApplication::palette();
    for (const QPalette &palette : {original, darkPalette()}) {
        QApplication::setPalette(palette);
        const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
        const QColor normal = strokeColour(icon, QIcon::Normal);
        // Normal: near the text colour (a fifth of the way to the window colour).
        QVERIFY2(qAbs(normal.lightness() - text.lightness()) < 60,
                 qPrintable(normal.name() + u" vs "_s + text.name()));
        const QColor selected = strokeColour(icon, QIcon::Selected);
        QCOMPARE(selected.name(), palette.color(QPalette::HighlightedText).name());
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
