// The dashboard: for a chosen year, revenue and expenses per month as a bar chart and the top
// customers by revenue; for the whole ledger, what customers owe and how much of it is overdue.
// Every figure comes from the ledger's aggregate queries (monthlyFigures, topCustomers,
// outstandingTotals) in the company's currency, never from summing a list. The charts follow the
// palette (light or dark theme) and the figures are exposed for tests.
//
// Those queries read much of the ledger, so the page runs them only when it is on screen: after
// the paint that first shows it, and after a change to the ledger while it is shown. Built but
// hidden (the main window keeps its pages), it costs nothing; the window paints first and the
// figures follow a moment later.
#pragma once

#include "uicontext.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QGridLayout;
class QHorizontalBarSeries;
class QLabel;
class QSpinBox;
class QValueAxis;

namespace Kontor {

class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int TopCustomerCount = 5;

    explicit DashboardPage(UiContext &ctx, QWidget *parent = nullptr);

    int year() const { return m_year; }
    void setYear(int year);
    // Reads every figure now (the page also does it by itself; see above).
    void refresh();
    // True until the figures shown were read after the last change to the ledger.
    bool isStale() const { return m_stale; }

    // The company's currency, in which every figure is given.
    QString currency() const { return m_currency; }
    // Open balances of issued invoices in the company's currency; the overdue part of them.
    qint64 outstandingMinor() const { return m_outstandingMinor; }
    qint64 overdueMinor() const { return m_overdueMinor; }
    // Net revenue (invoices minus credit notes) and net expenses of `month` (1-12) of year().
    qint64 revenueMinor(int month) const;
    qint64 expensesMinor(int month) const;
    qint64 yearRevenueMinor() const;
    qint64 yearExpensesMinor() const;
    const MonthlyFigures &monthlyFigures() const { return m_figures; }
    const QList<CustomerRevenue> &topCustomers() const { return m_top; }
    // Empty when every figure was read.
    QString errorText() const { return m_error; }

    QSpinBox *yearSpin() const { return m_yearSpin; }
    QChart *monthlyChart() const { return m_monthlyChart; }
    QBarSeries *monthlySeries() const { return m_monthlySeries; }
    QBarSet *revenueSet() const { return m_revenueSet; }
    QBarSet *expensesSet() const { return m_expensesSet; }
    QChart *customerChart() const { return m_customerChart; }
    QHorizontalBarSeries *customerSeries() const { return m_customerSeries; }
    QBarSet *customerSet() const { return m_customerSet; }
    QBarCategoryAxis *customerAxis() const { return m_customerAxis; }
    QLabel *outstandingLabel() const { return m_outstandingValue; }
    QLabel *overdueLabel() const { return m_overdueValue; }

Q_SIGNALS:
    // After every refresh.
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void buildMonthlyChart();
    void buildCustomerChart();
    void applyTheme();
    void scheduleRefresh();
    double toMajor(qint64 minor) const;
    QLabel *addFigure(QGridLayout *grid, int column, const QString &caption,
                      const QString &accessibleName);
    void showFigures();

    UiContext &m_ctx;
    int m_year = 0;
    QString m_currency;
    int m_minorDigits = 2;
    MonthlyFigures m_figures;
    QList<CustomerRevenue> m_top;
    qint64 m_outstandingMinor = 0;
    qint64 m_overdueMinor = 0;
    QStringList m_otherCurrencies; // outstanding amounts in other currencies, formatted
    QString m_error;
    bool m_refreshScheduled = false;
    bool m_stale = true;

    QSpinBox *m_yearSpin = nullptr;
    QLabel *m_outstandingValue = nullptr;
    QLabel *m_overdueValue = nullptr;
    QLabel *m_revenueValue = nullptr;
    QLabel *m_expensesValue = nullptr;
    QLabel *m_otherValue = nullptr;
    QLabel *m_errorLabel = nullptr;
    QChartView *m_monthlyView = nullptr;
    QChart *m_monthlyChart = nullptr;
    QBarSeries *m_monthlySeries = nullptr;
    QBarSet *m_revenueSet = nullptr;
    QBarSet *m_expensesSet = nullptr;
    QBarCategoryAxis *m_monthAxis = nullptr;
    QValueAxis *m_monthlyValueAxis = nullptr;
    QChartView *m_customerView = nullptr;
    QChart *m_customerChart = nullptr;
    QHorizontalBarSeries *m_customerSeries = nullptr;
    QBarSet *m_customerSet = nullptr;
    QBarCategoryAxis *m_customerAxis = nullptr;
    QValueAxis *m_customerValueAxis = nullptr;
};

} // namespace Kontor
