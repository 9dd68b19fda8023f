// The dashboard over a ledger with known figures for 2025 (and some for 2024 that must stay out
// of 2025): the chart's bars per month, the outstanding and overdue amounts, the top customers,
// the year selector, the refresh after a change, and the chart theme following the palette.

#include "dashboardpage.h"
#include "listtestledger.h"
#include "moneyformat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
const QDate kToday(2025, 6, 15);
constexpr int TimeoutMs = 3000;
} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsNothingUntilShown();
    void monthlyFigures();
    void receivables();
    void topCustomers();
    void yearSelector();
    void refreshesAfterChange();
    void themeFollowsPalette();

private:
    // Shows the page and waits for the figures it reads after its first paint.
    static bool showAndLoad(DashboardPage &page)
    {
        page.resize(1000, 700);
        page.show();
        if (!QTest::qWaitForWindowExposed(&page))
            return false;
        return QTest::qWaitFor([&page] { return !page.isStale(); }, TimeoutMs);
    }

    Test::ListLedger m_db;
    QString m_alpha;
    QString m_beta;
    QString m_gamma;
    QString m_alphaJanuary;
    qint64 m_outstanding = 0;
    qint64 m_overdue = 0;
};

void TestDashboard::initTestCase()
{
    QVERIFY(m_db.open(kToday));
    m_alpha = m_db.addCustomer(u"Alpha Srl"_s);
    m_beta = m_db.addCustomer(u"Beta GmbH"_s);
    m_gamma = m_db.addCustomer(u"Gamma Ltd"_s);

    // 2025 revenue: January 1,500.00; March 2,000.00 (+300.00 credited in full); June 800.00.
    auto janA = m_db.invoice(m_alpha, 100000, {2025, 1, 10}, {2025, 2, 9}); // overdue
    auto janB = m_db.invoice(m_beta, 50000, {2025, 1, 20}, {2025, 2, 19}); // paid
    auto marG = m_db.invoice(m_gamma, 200000, {2025, 3, 5}, {2025, 4, 4}); // half paid, overdue
    auto marA = m_db.invoice(m_alpha, 30000, {2025, 3, 15}, {2025, 4, 14}); // credited
    auto junB = m_db.invoice(m_beta, 80000, {2025, 6, 1}, {2025, 7, 1}); // open, not yet due
    auto decG = m_db.invoice(m_gamma, 999900, {2024, 12, 1}, {2024, 12, 31}); // last year, overdue
    QVERIFY(janA && janB && marG && marA && junB && decG);
    m_alphaJanuary = janA->id;
    QVERIFY(m_db.pay(janB->id, janB->totals.payable, {2025, 2, 1}));
    QVERIFY(m_db.pay(marG->id, 100000, {2025, 4, 1}));
    QVERIFY(m_db.creditNote(marA->id, {2025, 3, 20}));
    QVERIFY(m_db.draft(m_alpha, 777700)); // drafts count nowhere

    QVERIFY(m_db.expense(u"Rail"_s, 20000, {2025, 2, 3}));
    QVERIFY(m_db.expense(u"Hotel"_s, 5000, {2025, 2, 20}));
    QVERIFY(m_db.expense(u"Paper"_s, 12000, {2025, 5, 2}));
    QVERIFY(m_db.expense(u"Old"_s, 7000, {2024, 11, 5}));

    m_outstanding = janA->totals.payable + (marG->totals.payable - 100000) + junB->totals.payable
        + decG->totals.payable;
    m_overdue = janA->totals.payable + (marG->totals.payable - 100000) + decG->totals.payable;
}

void TestDashboard::readsNothingUntilShown()
{
    // Built hidden, as the main window keeps its pages: no query, no figures yet.
    DashboardPage page(*m_db.ctx);
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    QCoreApplication::processEvents();
    Q_EMIT m_db.events.changed(u"invoice"_s, {});
    QCoreApplication::processEvents();
    QCOMPARE(refreshed.count(), 0);
    QVERIFY(page.isStale());
    QCOMPARE(page.outstandingMinor(), 0);
    QCOMPARE(page.outstandingLabel()->text(), QString(QChar(0x2026)));
    // Shown, it reads once, after its first paint.
    QVERIFY(showAndLoad(page));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(page.outstandingMinor(), m_outstanding);
    // Hidden again, a change only marks it stale; showing it again reads anew.
    page.hide();
    Q_EMIT m_db.events.changed(u"payment"_s, {});
    QCoreApplication::processEvents();
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(page.isStale());
    QVERIFY(showAndLoad(page));
    QCOMPARE(refreshed.count(), 2);
}

void TestDashboard::monthlyFigures()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    QCOMPARE(page.year(), 2025);
    QCOMPARE(page.currency(), u"EUR"_s);
    QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
    const qint64 revenue[12] = {150000, 0, 200000, 0, 0, 80000, 0, 0, 0, 0, 0, 0};
    const qint64 expenses[12] = {0, 25000, 0, 0, 12000, 0, 0, 0, 0, 0, 0, 0};
    for (int m = 1; m <= 12; ++m) {
        QCOMPARE(page.revenueMinor(m), revenue[m - 1]);
        QCOMPARE(page.expensesMinor(m), expenses[m - 1]);
        // The bars show the same figures in euros.
        QCOMPARE(page.revenueSet()->at(m - 1), double(revenue[m - 1]) / 100.0);
        QCOMPARE(page.expensesSet()->at(m - 1), double(expenses[m - 1]) / 100.0);
    }
    QCOMPARE(page.revenueSet()->count(), 12);
    QCOMPARE(page.yearRevenueMinor(), 430000);
    QCOMPARE(page.yearExpensesMinor(), 37000);
    QVERIFY(page.monthlyChart()->title().contains(u"2025"_s));
    QCOMPARE(page.findChild<QLabel *>(u"revenueValue"_s)->text(),
             Ui::formatMoney(430000, u"EUR"_s));
    QCOMPARE(page.findChild<QLabel *>(u"expensesValue"_s)->text(),
             Ui::formatMoney(37000, u"EUR"_s));
}

void TestDashboard::receivables()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    QCOMPARE(page.outstandingMinor(), m_outstanding);
    QCOMPARE(page.overdueMinor(), m_overdue);
    QCOMPARE(page.outstandingLabel()->text(), Ui::formatMoney(m_outstanding, u"EUR"_s));
    QCOMPARE(page.overdueLabel()->text(), Ui::formatMoney(m_overdue, u"EUR"_s));
    QVERIFY(!page.outstandingLabel()->accessibleName().isEmpty());
}

void TestDashboard::topCustomers()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    const QList<CustomerRevenue> top = page.topCustomers();
    QCOMPARE(top.size(), 3);
    QCOMPARE(top.at(0).name, u"Gamma Ltd"_s);
    QCOMPARE(top.at(0).revenueMinor, 200000);
    QCOMPARE(top.at(1).name, u"Beta GmbH"_s);
    QCOMPARE(top.at(1).revenueMinor, 130000);
    QCOMPARE(top.at(2).name, u"Alpha Srl"_s);
    QCOMPARE(top.at(2).revenueMinor, 100000); // the credit note took back March
    // Drawn bottom-up: the first customer is the last (topmost) bar.
    QCOMPARE(page.customerAxis()->categories(),
             QStringList({u"Alpha Srl"_s, u"Beta GmbH"_s, u"Gamma Ltd"_s}));
    QCOMPARE(page.customerSet()->count(), 3);
    QCOMPARE(page.customerSet()->at(2), 2000.0);
    QCOMPARE(page.customerSet()->at(0), 1000.0);
}

void TestDashboard::yearSelector()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    QSpinBox *year = page.yearSpin();
    year->setFocus();
    QTest::keyClick(year, Qt::Key_Down);
    QCOMPARE(page.year(), 2024);
    QCOMPARE(page.revenueMinor(12), 999900);
    QCOMPARE(page.revenueSet()->at(11), 9999.0);
    QCOMPARE(page.expensesMinor(11), 7000);
    QCOMPARE(page.revenueMinor(1), 0);
    QCOMPARE(page.topCustomers().size(), 1);
    QCOMPARE(page.topCustomers().first().customerId, m_gamma);
    // Receivables are for the whole ledger, whatever the year.
    QCOMPARE(page.outstandingMinor(), m_outstanding);

    QTest::keyClick(year, Qt::Key_Up);
    QTest::keyClick(year, Qt::Key_Up);
    QCOMPARE(page.year(), 2026);
    QCOMPARE(page.yearRevenueMinor(), 0);
    QCOMPARE(page.topCustomers().size(), 0);
    QCOMPARE(page.customerSet()->count(), 0);
    QVERIFY(page.customerChart()->title().contains(u"No revenue"_s));

    page.setYear(2025);
    QCOMPARE(year->value(), 2025);
    QCOMPARE(page.yearRevenueMinor(), 430000);
}

void TestDashboard::refreshesAfterChange()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    const auto inv = m_db.ledger->document(m_alphaJanuary);
    QVERIFY(inv);
    QVERIFY(m_db.pay(m_alphaJanuary, inv->balanceMinor(), kToday));
    Q_EMIT m_db.events.changed(u"payment"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(page.outstandingMinor(), m_outstanding - inv->balanceMinor(),
                              TimeoutMs);
    QCOMPARE(page.overdueMinor(), m_overdue - inv->balanceMinor());
    QCOMPARE(page.overdueLabel()->text(),
             Ui::formatMoney(m_overdue - inv->balanceMinor(), u"EUR"_s));
    m_outstanding -= inv->balanceMinor();
    m_overdue -= inv->balanceMinor();

    // A new expense shows in its month.
    QVERIFY(m_db.expense(u"Taxi"_s, 3000, {2025, 6, 10}));
    Q_EMIT m_db.events.changed(u"expense"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(page.expensesMinor(6), 3000, TimeoutMs);
    QCOMPARE(page.expensesSet()->at(5), 30.0);
}

void TestDashboard::themeFollowsPalette()
{
    DashboardPage page(*m_db.ctx);
    QVERIFY(showAndLoad(page));
    QPalette light = page.palette();
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    page.setPalette(light);
    QCOMPARE(page.monthlyChart()->theme(), QChart::ChartThemeLight);
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1a));
    page.setPalette(dark);
    QCOMPARE(page.monthlyChart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(page.customerChart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(page.monthlyChart()->backgroundBrush().color(), dark.color(QPalette::Window));
    // The figures survive the theme change.
    QCOMPARE(page.revenueSet()->at(0), 1500.0);
    page.setPalette(light);
    QCOMPARE(page.monthlyChart()->theme(), QChart::ChartThemeLight);
}

} // namespace Kontor

QTEST_MAIN(Kontor::TestDashboard)
#include "tst_dashboard.moc"
