// The list pages as a user drives them: typing in the search and filter fields, choosing a status,
// picking a customer by typing, the overdue box, dates, header clicks, double-click and Enter,
// and the "New" buttons, all checked against the rows shown and the navigator's calls.

#include "customerfilteredit.h"
#include "customerlistmodel.h"
#include "customerlistpage.h"
#include "daterangefilter.h"
#include "documentlistmodel.h"
#include "documentlistpage.h"
#include "expenselistmodel.h"
#include "expenselistpage.h"
#include "listtableview.h"
#include "listtestledger.h"
#include "moneyformat.h"
#include "paymentlistmodel.h"
#include "paymentlistpage.h"
#include "productlistmodel.h"
#include "productlistpage.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

const QDate kToday(2026, 6, 15);
constexpr int TimeoutMs = 3000;

} // namespace

class TestListPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { m_db.navigator.calls.clear(); }

    void invoiceSearchByTyping();
    void invoiceStatusCombo();
    void invoiceCustomerTypeAhead();
    void invoiceOverdueAndDates();
    void invoiceHeaderSorts();
    void invoiceOpensOnDoubleClickAndEnter();
    void invoiceNewButtonAndFooter();
    void invoiceKeepsCurrentRowOnReload();
    void quoteAndCreditNotePages();
    void customerPage();
    void productPage();
    void expensePage();
    void paymentPage();

private:
    void watch(QAbstractItemModel *model)
    {
        auto *tester = new QAbstractItemModelTester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        tester->setUseFetchMore(false);
    }
    static void doubleClickRow(QAbstractItemView *view, int row)
    {
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }

    Test::ListLedger m_db;
    QStringList m_customers; // Alpha, Beta, Gamma
    QStringList m_invoices; // in issue order
    QString m_overdueId;
    QString m_expenseId;
};

void TestListPages::initTestCase()
{
    QVERIFY(m_db.open(kToday));
    m_customers << m_db.addCustomer(u"Alpha Srl"_s) << m_db.addCustomer(u"Beta GmbH"_s)
                << m_db.addCustomer(u"Gamma Ltd"_s) << m_db.addCustomer(u"Gambit Oy"_s);
    // 30 invoices: 10 per customer (Alpha, Beta, Gamma), one a week back from today, net
    // 100.00 to 129.00. Every third is paid.
    for (int i = 0; i < 30; ++i) {
        const QDate issue = kToday.addDays(-7 * (29 - i));
        auto inv = m_db.invoice(m_customers.at(i % 3), 10000 + i * 100, issue, issue.addDays(30));
        QVERIFY(inv);
        m_invoices << inv->id;
        if (i % 3 == 1)
            QVERIFY(m_db.pay(inv->id, inv->totals.payable, std::min(kToday, issue.addDays(5))));
    }
    m_overdueId = m_invoices.at(0); // Alpha's, unpaid, due long ago
    auto quote = m_db.draft(m_customers.at(1), 5000, DocumentKind::Quote);
    QVERIFY(quote);
    QVERIFY(m_db.creditNote(m_invoices.at(3), kToday));
    for (int i = 0; i < 3; ++i) {
        Product p;
        p.name = u"Service %1"_s.arg(i);
        p.unitPrice = 1000 * PriceExtraScale;
        p.taxRateId = m_db.rate22;
        QVERIFY(m_db.ledger->addProduct(p));
    }
    auto e = m_db.expense(u"Rail Italia"_s, 4500, kToday.addDays(-3), u"Travel"_s);
    QVERIFY(e);
    m_expenseId = e->id;
    QVERIFY(m_db.expense(u"Office Shop"_s, 1200, kToday.addDays(-40), u"Office"_s));
}

void TestListPages::invoiceSearchByTyping()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    watch(page.model());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 30);

    page.searchField()->setFocus();
    QTest::keyClicks(page.searchField(), u"beta"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 10, TimeoutMs);
    for (int row = 0; row < 10; ++row)
        QCOMPARE(page.model()->index(row, DocumentListModel::CustomerColumn).data().toString(),
                 u"Beta GmbH"_s);

    // A number, Enter applies at once.
    page.searchField()->clear();
    QTest::keyClicks(page.searchField(), u"2026-L-0001"_s);
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    QCOMPARE(page.model()->rowCount(), 1);

    // Prefix "Gam" matches two customers' names; only Gamma has invoices.
    page.searchField()->clear();
    QTest::keyClicks(page.searchField(), u"Gam"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 10, TimeoutMs);

    // The clear button (an empty text) shows everything again.
    page.searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 30, TimeoutMs);

    // The main window's global search goes through setSearchText.
    page.setSearchText(u"Alpha"_s);
    QCOMPARE(page.model()->rowCount(), 10);
    QCOMPARE(page.searchField()->text(), u"Alpha"_s);
}

void TestListPages::invoiceStatusCombo()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QComboBox *status = page.statusCombo();
    status->setFocus();
    auto choose = [status](const QString &key) {
        const int index = status->findData(key);
        QVERIFY(index >= 0);
        status->setCurrentIndex(index);
    };
    choose(documentStatusName(DocumentStatus::Paid));
    QCOMPARE(page.model()->rowCount(), 10);
    choose(u"open"_s);
    QCOMPARE(page.model()->rowCount(), 19); // 20 unpaid minus the credited one
    choose(documentStatusName(DocumentStatus::Credited));
    QCOMPARE(page.model()->rowCount(), 1);
    // By keyboard: Home selects "All".
    QTest::keyClick(status, Qt::Key_Home);
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(page.model()->rowCount(), 30);
}

void TestListPages::invoiceCustomerTypeAhead()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    CustomerFilterEdit *customer = page.customerField();
    customer->setFocus();
    QTest::keyClicks(customer, u"gam"_s);
    // The completer offers both customers whose names start with "gam".
    QCompleter *completer = customer->customerCompleter();
    QCOMPARE(completer->model()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), TimeoutMs);
    // Picking the first suggestion with the keyboard.
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(customer->customerId(), m_customers.at(3), TimeoutMs); // Gambit
    QCOMPARE(customer->text(), u"Gambit Oy"_s);
    QCOMPARE(page.model()->rowCount(), 0);

    // Typing the unique start of a name and Enter picks it.
    customer->clear();
    QCOMPARE(customer->customerId(), QString());
    QCOMPARE(page.model()->rowCount(), 30);
    QTest::keyClicks(customer, u"Gamm"_s);
    completer->popup()->hide();
    QTest::keyClick(customer, Qt::Key_Return);
    QCOMPARE(customer->customerId(), m_customers.at(2));
    QCOMPARE(customer->text(), u"Gamma Ltd"_s);
    QCOMPARE(page.model()->rowCount(), 10);

    // A text naming nobody keeps the previous choice.
    customer->selectAll();
    QTest::keyClicks(customer, u"Nobody"_s);
    completer->popup()->hide();
    QTest::keyClick(customer, Qt::Key_Return);
    QCOMPARE(customer->customerId(), m_customers.at(2));
    QCOMPARE(customer->text(), u"Gamma Ltd"_s);

    // "New invoice" starts one for the customer in the filter.
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"newDocument:invoice:"_s + m_customers.at(2));

    page.clearFilters();
    QCOMPARE(customer->customerId(), QString());
    QCOMPARE(page.model()->rowCount(), 30);
}

void TestListPages::invoiceOverdueAndDates()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCheckBox *overdue = page.overdueCheck();
    QVERIFY(overdue);
    QTest::mouseClick(overdue, Qt::LeftButton, {}, QPoint(5, overdue->height() / 2));
    QVERIFY(overdue->isChecked());
    // Unpaid invoices due before today: issued more than 30 days ago, not paid, not credited.
    int want = 0;
    for (int i = 0; i < 30; ++i) {
        const QDate due = kToday.addDays(-7 * (29 - i) + 30);
        if (i % 3 != 1 && i != 3 && due < kToday)
            ++want;
    }
    QCOMPARE(page.model()->rowCount(), want);
    QCOMPARE(page.model()->index(0, DocumentListModel::StatusColumn).data().toString(),
             u"Overdue"_s);
    // The overdue row's colour comes from the palette: a red that is not the text colour.
    const QBrush brush = page.model()
                             ->index(0, DocumentListModel::StatusColumn)
                             .data(Qt::ForegroundRole)
                             .value<QBrush>();
    QVERIFY(brush.color() != page.palette().color(QPalette::Text));
    QTest::keyClick(overdue, Qt::Key_Space);
    QVERIFY(!overdue->isChecked());
    QCOMPARE(page.model()->rowCount(), 30);

    // Dates: the last 28 days hold four weekly invoices (today and three weeks back).
    DateRangeFilter *dates = page.dateRange();
    QCOMPARE(dates->fromEdit()->text(), u"Any"_s);
    dates->fromEdit()->setDate(kToday.addDays(-27));
    QCOMPARE(page.model()->rowCount(), 4);
    dates->toEdit()->setDate(kToday.addDays(-1));
    QCOMPARE(page.model()->rowCount(), 3);
    // Delete sets a field back to "any".
    dates->fromEdit()->setFocus();
    QTest::keyClick(dates->fromEdit(), Qt::Key_Delete);
    QCOMPARE(dates->from(), QDate());
    QCOMPARE(page.model()->rowCount(), 29);
    // An arrow key on "any" jumps to a useful date (the start of this year), not to 1900.
    QTest::keyClick(dates->fromEdit(), Qt::Key_Up);
    QCOMPARE(dates->from(), QDate(QDate::currentDate().year(), 1, 1));
    dates->clear();
    QCOMPARE(page.model()->rowCount(), 30);
}

void TestListPages::invoiceHeaderSorts()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.resize(1200, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QHeaderView *header = page.view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(DocumentListModel::IssueDateColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(page.model()->index(0, 0).data(PagedListModel::IdRole).toString(), m_invoices.last());

    auto clickHeader = [header](int section) {
        const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    auto checkOrder = [&page, header] {
        QCOMPARE(page.model()->sortOrder(), header->sortIndicatorOrder());
        QCOMPARE(page.model()->sortColumn(), header->sortIndicatorSection());
        const int column = page.model()->sortColumn();
        for (int row = 0; row + 1 < page.model()->rowCount(); ++row) {
            const qint64 a = page.model()->index(row, column).data(Qt::EditRole).toLongLong();
            const qint64 b = page.model()->index(row + 1, column).data(Qt::EditRole).toLongLong();
            QVERIFY(page.model()->sortOrder() == Qt::AscendingOrder ? a <= b : a >= b);
        }
    };
    // Amounts sort largest first on the first click, then the other way round.
    clickHeader(DocumentListModel::TotalColumn);
    QCOMPARE(page.model()->sortColumn(), int(DocumentListModel::TotalColumn));
    QCOMPARE(page.model()->sortOrder(), Qt::DescendingOrder);
    checkOrder();
    clickHeader(DocumentListModel::TotalColumn);
    QCOMPARE(page.model()->sortOrder(), Qt::AscendingOrder);
    checkOrder();

    // The net column cannot be sorted: the indicator stays on Total, the order is unchanged.
    const Qt::SortOrder order = page.model()->sortOrder();
    clickHeader(DocumentListModel::NetColumn);
    QCOMPARE(header->sortIndicatorSection(), int(DocumentListModel::TotalColumn));
    QCOMPARE(header->sortIndicatorOrder(), order);
    QCOMPARE(page.model()->sortColumn(), int(DocumentListModel::TotalColumn));

    // Names sort A to Z first.
    clickHeader(DocumentListModel::CustomerColumn);
    QCOMPARE(page.model()->sortColumn(), int(DocumentListModel::CustomerColumn));
    QCOMPARE(header->sortIndicatorSection(), int(DocumentListModel::CustomerColumn));
    QCOMPARE(page.model()->sortOrder(), Qt::AscendingOrder);
    QCOMPARE(page.model()->index(0, DocumentListModel::CustomerColumn).data().toString(),
             u"Alpha Srl"_s);
}

void TestListPages::invoiceOpensOnDoubleClickAndEnter()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.resize(1000, 600);
    page.show();
    // Keyboard focus needs the active window (under X11 too, where a window may be shown
    // without being activated).
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    ListTableView *view = page.view();
    const QString row2 = page.model()->index(2, 0).data(PagedListModel::IdRole).toString();
    doubleClickRow(view, 2);
    QCOMPARE(m_db.navigator.calls, QStringList {u"openDocument:"_s + row2});

    // Keyboard: into the table, down one row, Enter.
    m_db.navigator.calls.clear();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    const QString current = view->currentId();
    QCOMPARE(current, page.model()->index(3, 0).data(PagedListModel::IdRole).toString());
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_db.navigator.calls, QStringList {u"openDocument:"_s + current});
    QTest::keyClick(view, Qt::Key_Enter);
    QCOMPARE(m_db.navigator.calls.size(), 2);

    // Tab from the search field reaches the table eventually and leaves it again.
    page.searchField()->setFocus();
    QWidget *w = page.searchField();
    int steps = 0;
    while (w != view && steps++ < 20) {
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        w = QApplication::focusWidget();
    }
    QCOMPARE(QApplication::focusWidget(), view);
    QVERIFY(!view->tabKeyNavigation());
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != view);
    // Focusing the page focuses its search field.
    page.setFocus();
    QCOMPARE(QApplication::focusWidget(), page.searchField());
}

void TestListPages::invoiceNewButtonAndFooter()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.newButton());
    QCOMPARE(page.newButton()->accessibleName(), u"New invoice"_s);
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls, QStringList {u"newDocument:invoice:"_s});

    // The footer sums the rows shown.
    page.setSearchText(u"Beta"_s);
    QCOMPARE(page.model()->rowCount(), 10);
    qint64 net = 0;
    for (int row = 0; row < 10; ++row)
        net += page.model()
                   ->index(row, DocumentListModel::NetColumn)
                   .data(Qt::EditRole)
                   .toLongLong();
    QVERIFY(page.totalsLabel()->text().contains(Ui::formatMoney(net, u"EUR"_s)));
    QVERIFY(page.totalsLabel()->text().contains(u"Rows shown: 10"_s));

    // Outstanding and overdue over the whole ledger, from the ledger's own sums.
    const auto open = m_db.ledger->outstandingTotals(false);
    const auto overdue = m_db.ledger->outstandingTotals(true);
    QVERIFY(open && overdue);
    // They are summed after the list was painted.
    QTRY_VERIFY_WITH_TIMEOUT(
        page.outstandingLabel()->text().contains(Ui::formatMoney(open->value(u"EUR"_s), u"EUR"_s)),
        TimeoutMs);
    QVERIFY(page.outstandingLabel()->text().contains(
        Ui::formatMoney(overdue->value(u"EUR"_s), u"EUR"_s)));

    // With more rows in the ledger than loaded, the footer says so, and its totals are those of
    // every matching row, not of the loaded ones.
    page.setSearchText({});
    page.model()->setPageSize(10);
    page.model()->restart();
    QVERIFY(page.model()->hasMore());
    QVERIFY(page.totalsLabel()->text().contains(u"10 loaded"_s));
    const auto whole = page.model()->filterTotals().value(u"EUR"_s);
    QVERIFY(whole.rows > 10);
    QVERIFY(whole.totalMinor > page.model()->loadedTotals().value(u"EUR"_s).totalMinor);
    QVERIFY(page.totalsLabel()->text().contains(Ui::formatMoney(whole.totalMinor, u"EUR"_s)));

    // Accessible names on the controls.
    QCOMPARE(page.searchField()->accessibleName(), u"Search invoices"_s);
    QVERIFY(!page.statusCombo()->accessibleName().isEmpty());
    QVERIFY(!page.customerField()->accessibleName().isEmpty());
    QVERIFY(!page.view()->accessibleName().isEmpty());
    QVERIFY(!page.dateRange()->fromEdit()->accessibleName().isEmpty());
}

void TestListPages::invoiceKeepsCurrentRowOnReload()
{
    DocumentListPage page(*m_db.ctx, DocumentKind::Invoice);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    ListTableView *view = page.view();
    view->setCurrentIndex(page.model()->index(5, 2));
    const QString id = view->currentId();
    // An edit elsewhere in the program reloads the list; the current row stays current.
    QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
    Q_EMIT m_db.events.changed(u"invoice"_s, m_invoices.first());
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, TimeoutMs);
    QCOMPARE(view->currentId(), id);
    QCOMPARE(view->currentIndex().row(), 5);
}

void TestListPages::quoteAndCreditNotePages()
{
    DocumentListPage quotes(*m_db.ctx, DocumentKind::Quote);
    watch(quotes.model());
    QCOMPARE(quotes.model()->rowCount(), 1);
    QVERIFY(quotes.newButton());
    QVERIFY(!quotes.overdueCheck());
    QVERIFY(!quotes.outstandingLabel());
    QTest::mouseClick(quotes.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"newDocument:quote:"_s);
    QCOMPARE(
        quotes.model()->headerData(DocumentListModel::DueDateColumn, Qt::Horizontal).toString(),
        u"Valid until"_s);

    DocumentListPage credits(*m_db.ctx, DocumentKind::CreditNote);
    QCOMPARE(credits.model()->rowCount(), 1);
    QVERIFY(!credits.newButton()); // credit notes are made from their invoice
    credits.show();
    QVERIFY(QTest::qWaitForWindowExposed(&credits));
    doubleClickRow(credits.view(), 0);
    QCOMPARE(m_db.navigator.calls.last(),
             u"openDocument:"_s
                 + credits.model()->index(0, 0).data(PagedListModel::IdRole).toString());
}

void TestListPages::customerPage()
{
    CustomerListPage page(*m_db.ctx);
    watch(page.model());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 4);
    QVERIFY(!page.newInvoiceButton()->isEnabled());
    page.searchField()->setFocus();
    QTest::keyClicks(page.searchField(), u"gam"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 2, TimeoutMs);
    doubleClickRow(page.view(), 1);
    QCOMPARE(m_db.navigator.calls.last(), u"openCustomer:"_s + m_customers.at(2)); // Gamma
    QVERIFY(page.newInvoiceButton()->isEnabled());
    QTest::mouseClick(page.newInvoiceButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"newDocument:invoice:"_s + m_customers.at(2));
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"openCustomer:"_s);
    QVERIFY(page.totalsLabel()->text().contains(u"Customers shown: 2"_s));

    // A customer archived elsewhere leaves the list; "Show archived" brings it back.
    auto gambit = m_db.ledger->customer(m_customers.at(3));
    QVERIFY(gambit);
    gambit->archived = true;
    QVERIFY(m_db.ledger->updateCustomer(gambit.value()));
    Q_EMIT m_db.events.changed(u"customer"_s, gambit->id);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, TimeoutMs);
    QTest::mouseClick(page.archivedCheck(), Qt::LeftButton, {},
                      QPoint(5, page.archivedCheck()->height() / 2));
    QCOMPARE(page.model()->rowCount(), 2);
    gambit->archived = false;
    QVERIFY(m_db.ledger->updateCustomer(gambit.value()));
}

void TestListPages::productPage()
{
    ProductListPage page(*m_db.ctx);
    watch(page.model());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 3);
    QTest::keyClicks(page.searchField(), u"ice 2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, TimeoutMs);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    QTest::keyClick(page.view(), Qt::Key_Return);
    QCOMPARE(m_db.navigator.calls.last(),
             u"openProduct:"_s + page.model()->index(0, 0).data(PagedListModel::IdRole).toString());
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"openProduct:"_s);
}

void TestListPages::expensePage()
{
    ExpenseListPage page(*m_db.ctx);
    watch(page.model());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 2);
    QTest::keyClicks(page.categoryField(), u"Travel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, TimeoutMs);
    doubleClickRow(page.view(), 0);
    QCOMPARE(m_db.navigator.calls.last(), u"openExpense:"_s + m_expenseId);
    page.categoryField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 2, TimeoutMs);
    page.dateRange()->setRange(kToday.addDays(-10), {});
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(page.totalsLabel()->text().contains(Ui::formatMoney(4500, u"EUR"_s)));
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QCOMPARE(m_db.navigator.calls.last(), u"openExpense:"_s);
}

void TestListPages::paymentPage()
{
    PaymentListPage page(*m_db.ctx);
    watch(page.model());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 10);
    // A payment opens the invoice it paid.
    doubleClickRow(page.view(), 0);
    const QString target = page.model()->index(0, 0).data(PagedListModel::TargetIdRole).toString();
    QVERIFY(m_invoices.contains(target));
    QCOMPARE(m_db.navigator.calls.last(), u"openDocument:"_s + target);

    // An expense payment opens the expense.
    Payment p;
    p.target = PaymentTarget::Expense;
    p.targetId = m_expenseId;
    p.date = kToday;
    p.amountMinor = 1000;
    QVERIFY(m_db.ledger->recordPayment(p));
    Q_EMIT m_db.events.changed(u"payment"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 11, TimeoutMs);
    page.directionCombo()->setCurrentIndex(
        page.directionCombo()->findData(int(PaymentTarget::Expense)));
    QCOMPARE(page.model()->rowCount(), 1);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    QTest::keyClick(page.view(), Qt::Key_Return);
    QCOMPARE(m_db.navigator.calls.last(), u"openExpense:"_s + m_expenseId);
    QVERIFY(page.totalsLabel()->text().contains(Ui::formatMoney(1000, u"EUR"_s)));
}

} // namespace Kontor

QTEST_MAIN(Kontor::TestListPages)
#include "tst_listpages.moc"
