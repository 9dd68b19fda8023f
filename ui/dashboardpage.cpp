#include "dashboardpage.h"

#include "listcolors.h"
#include "money.h"
#include "moneyformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QFocusEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSpinBox>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

// Longer names would squeeze the bars; the tooltip shows the whole name.
constexpr int MaxCustomerLabel = 28;

QString elided(const QString &name)
{
    return name.size() <= MaxCustomerLabel ? name : name.left(MaxCustomerLabel - 1) + QChar(0x2026);
}

} // namespace

DashboardPage::DashboardPage(UiContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(u"dashboardPage"_s);
    m_year = ctx.ledger.store().today().year();

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *yearLabel = new QLabel(tr("&Year:"), this);
    m_yearSpin = new QSpinBox(this);
    m_yearSpin->setObjectName(u"yearSpin"_s);
    m_yearSpin->setRange(1970, 2200);
    m_yearSpin->setValue(m_year);
    // No thousands separator in a year.
    m_yearSpin->setGroupSeparatorShown(false);
    m_yearSpin->setAccessibleName(tr("Year shown"));
    m_yearSpin->setKeyboardTracking(false);
    yearLabel->setBuddy(m_yearSpin);
    top->addWidget(yearLabel);
    top->addWidget(m_yearSpin);
    top->addStretch(1);
    layout->addLayout(top);
    connect(m_yearSpin, &QSpinBox::valueChanged, this, &DashboardPage::setYear);

    auto *figures = new QFrame(this);
    figures->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(figures);
    m_outstandingValue
        = addFigure(grid, 0, tr("Outstanding receivables"), tr("Outstanding receivables"));
    m_overdueValue = addFigure(grid, 1, tr("Of which overdue"), tr("Overdue receivables"));
    m_revenueValue = addFigure(grid, 2, tr("Revenue in the year (net)"), tr("Revenue in the year"));
    m_expensesValue
        = addFigure(grid, 3, tr("Expenses in the year (net)"), tr("Expenses in the year"));
    m_outstandingValue->setObjectName(u"outstandingValue"_s);
    m_overdueValue->setObjectName(u"overdueValue"_s);
    m_revenueValue->setObjectName(u"revenueValue"_s);
    m_expensesValue->setObjectName(u"expensesValue"_s);
    m_otherValue = new QLabel(figures);
    m_otherValue->setWordWrap(true);
    m_otherValue->hide();
    grid->addWidget(m_otherValue, 2, 0, 1, 4);
    layout->addWidget(figures);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    buildMonthlyChart();
    buildCustomerChart();
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_monthlyView, 3);
    charts->addWidget(m_customerView, 2);
    layout->addLayout(charts, 1);

    applyTheme();
    // Nothing read yet: the first paint of the page asks for the figures (see paintEvent).
    for (QLabel *label : {m_outstandingValue, m_overdueValue, m_revenueValue, m_expensesValue})
        label->setText(QString(QChar(0x2026)));

    connect(&ctx.events, &LedgerEvents::changed, this, [this](const QString &entity) {
        static const QStringList relevant {u"invoice"_s, u"credit_note"_s, u"payment"_s,
                                           u"expense"_s, u"customer"_s,    u"company"_s};
        if (!relevant.contains(entity))
            return;
        m_stale = true;
        // Shown: repaint, and the paint schedules the refresh. Hidden: the next show does.
        update();
    });
    setTabOrder(m_yearSpin, m_monthlyView);
    setTabOrder(m_monthlyView, m_customerView);
}

QLabel *DashboardPage::addFigure(QGridLayout *grid, int column, const QString &caption,
                                 const QString &accessibleName)
{
    auto *parent = grid->parentWidget();
    auto *title = new QLabel(caption, parent);
    auto *value = new QLabel(parent);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    value->setFont(big);
    value->setAccessibleName(accessibleName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(title, 0, column);
    grid->addWidget(value, 1, column);
    return value;
}

void DashboardPage::buildMonthlyChart()
{
    m_revenueSet = new QBarSet(tr("Revenue"), this);
    m_expensesSet = new QBarSet(tr("Expenses"), this);
    for (int m = 0; m < 12; ++m) {
        m_revenueSet->append(0.0);
        m_expensesSet->append(0.0);
    }
    m_monthlySeries = new QBarSeries(this);
    m_monthlySeries->append(m_revenueSet);
    m_monthlySeries->append(m_expensesSet);

    m_monthlyChart = new QChart;
    m_monthlyChart->addSeries(m_monthlySeries);
    m_monthlyChart->setLocalizeNumbers(true);
    m_monthAxis = new QBarCategoryAxis(m_monthlyChart);
    QStringList months;
    for (int m = 1; m <= 12; ++m)
        months << QLocale().standaloneMonthName(m, QLocale::ShortFormat);
    m_monthAxis->append(months);
    m_monthlyChart->addAxis(m_monthAxis, Qt::AlignBottom);
    m_monthlySeries->attachAxis(m_monthAxis);
    m_monthlyValueAxis = new QValueAxis(m_monthlyChart);
    m_monthlyValueAxis->setLabelFormat(u"%.0f"_s);
    m_monthlyChart->addAxis(m_monthlyValueAxis, Qt::AlignLeft);
    m_monthlySeries->attachAxis(m_monthlyValueAxis);
    m_monthlyChart->legend()->setAlignment(Qt::AlignBottom);

    m_monthlyView = new QChartView(m_monthlyChart, this);
    m_monthlyView->setObjectName(u"monthlyChart"_s);
    m_monthlyView->setRenderHint(QPainter::Antialiasing);
    m_monthlyView->setFocusPolicy(Qt::StrongFocus);
    m_monthlyView->setAccessibleName(tr("Revenue and expenses per month"));
    m_monthlyView->setMinimumHeight(240);

    auto tooltip = [this](QBarSet *set, const QString &what) {
        connect(set, &QBarSet::hovered, this, [this, what](bool on, int index) {
            if (!on || index < 0 || index >= 12) {
                QToolTip::hideText();
                return;
            }
            const qint64 minor = what == u"revenue"_s ? m_figures.revenueMinor[index]
                                                      : m_figures.expensesMinor[index];
            const QString month = QLocale().standaloneMonthName(index + 1);
            QToolTip::showText(
                QCursor::pos(),
                (what == u"revenue"_s ? tr("Revenue in %1: %2") : tr("Expenses in %1: %2"))
                    .arg(month, Ui::formatMoney(minor, m_currency)),
                m_monthlyView);
        });
    };
    tooltip(m_revenueSet, u"revenue"_s);
    tooltip(m_expensesSet, u"expenses"_s);
}

void DashboardPage::buildCustomerChart()
{
    m_customerSet = new QBarSet(tr("Revenue"), this);
    m_customerSeries = new QHorizontalBarSeries(this);
    m_customerSeries->append(m_customerSet);
    m_customerChart = new QChart;
    m_customerChart->addSeries(m_customerSeries);
    m_customerChart->setLocalizeNumbers(true);
    m_customerAxis = new QBarCategoryAxis(m_customerChart);
    m_customerChart->addAxis(m_customerAxis, Qt::AlignLeft);
    m_customerSeries->attachAxis(m_customerAxis);
    m_customerValueAxis = new QValueAxis(m_customerChart);
    m_customerValueAxis->setLabelFormat(u"%.0f"_s);
    m_customerChart->addAxis(m_customerValueAxis, Qt::AlignBottom);
    m_customerSeries->attachAxis(m_customerValueAxis);
    m_customerChart->legend()->hide();

    m_customerView = new QChartView(m_customerChart, this);
    m_customerView->setObjectName(u"customerChart"_s);
    m_customerView->setRenderHint(QPainter::Antialiasing);
    m_customerView->setFocusPolicy(Qt::StrongFocus);
    m_customerView->setAccessibleName(tr("Top customers by revenue"));
    m_customerView->setMinimumHeight(240);

    connect(m_customerSet, &QBarSet::hovered, this, [this](bool on, int index) {
        // The bars run bottom-up: the first customer is the last bar.
        const int rank = int(m_top.size()) - 1 - index;
        if (!on || rank < 0 || rank >= m_top.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(
            QCursor::pos(),
            tr("%1: %2").arg(m_top.at(rank).name,
                             Ui::formatMoney(m_top.at(rank).revenueMinor, m_currency)),
            m_customerView);
    });
}

void DashboardPage::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    if (m_yearSpin->value() != year) {
        const QSignalBlocker block(m_yearSpin);
        m_yearSpin->setValue(year);
    }
    refresh();
}

qint64 DashboardPage::revenueMinor(int month) const
{
    return month >= 1 && month <= 12 ? m_figures.revenueMinor[month - 1] : 0;
}

qint64 DashboardPage::expensesMinor(int month) const
{
    return month >= 1 && month <= 12 ? m_figures.expensesMinor[month - 1] : 0;
}

qint64 DashboardPage::yearRevenueMinor() const
{
    qint64 sum = 0;
    for (qint64 v : m_figures.revenueMinor)
        sum += v;
    return sum;
}

qint64 DashboardPage::yearExpensesMinor() const
{
    qint64 sum = 0;
    for (qint64 v : m_figures.expensesMinor)
        sum += v;
    return sum;
}

double DashboardPage::toMajor(qint64 minor) const
{
    // Charts draw doubles; the exact figures stay in the qint64 accessors and labels.
    return double(minor) / std::pow(10.0, m_minorDigits);
}

void DashboardPage::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    if (m_stale)
        scheduleRefresh();
}

void DashboardPage::scheduleRefresh()
{
    // On the next turn of the event loop: after this paint reached the screen, and once for a
    // burst of changes.
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, &DashboardPage::refresh);
}

void DashboardPage::refresh()
{
    m_refreshScheduled = false;
    m_stale = false;
    QStringList errors;
    const auto company = m_ctx.ledger.company();
    if (!company)
        errors << company.error().message;
    m_currency = company ? company->currency : u"EUR"_s;
    const auto currency = Currency::find(m_currency);
    m_minorDigits = currency ? currency->minorDigits : 2;

    m_figures = MonthlyFigures {};
    if (auto f = m_ctx.ledger.monthlyFigures(m_year, m_currency))
        m_figures = f.value();
    else
        errors << f.error().message;

    m_top.clear();
    if (auto t = m_ctx.ledger.topCustomers(m_year, m_currency, TopCustomerCount))
        m_top = t.value();
    else
        errors << t.error().message;

    m_outstandingMinor = 0;
    m_overdueMinor = 0;
    m_otherCurrencies.clear();
    const auto open = m_ctx.ledger.outstandingTotals(false);
    const auto overdue = m_ctx.ledger.outstandingTotals(true);
    if (open && overdue) {
        m_outstandingMinor = open->value(m_currency);
        m_overdueMinor = overdue->value(m_currency);
        QStringList codes = open->keys();
        codes.sort();
        for (const QString &code : codes) {
            if (code != m_currency)
                m_otherCurrencies << tr("%1 (of which %2 overdue)")
                                         .arg(Ui::formatMoney(open->value(code), code),
                                              Ui::formatMoney(overdue->value(code), code));
        }
    } else {
        errors << (!open ? open.error().message : overdue.error().message);
    }
    m_error = errors.isEmpty() ? QString()
                               : tr("Some figures could not be read: %1").arg(errors.join(u"; "_s));
    showFigures();
    Q_EMIT refreshed();
}

void DashboardPage::showFigures()
{
    m_outstandingValue->setText(Ui::formatMoney(m_outstandingMinor, m_currency));
    m_overdueValue->setText(Ui::formatMoney(m_overdueMinor, m_currency));
    QPalette overduePalette = palette();
    if (m_overdueMinor > 0)
        overduePalette.setColor(QPalette::WindowText, Ui::negativeTextColor(palette()));
    m_overdueValue->setPalette(overduePalette);
    m_revenueValue->setText(Ui::formatMoney(yearRevenueMinor(), m_currency));
    m_expensesValue->setText(Ui::formatMoney(yearExpensesMinor(), m_currency));
    m_otherValue->setText(
        m_otherCurrencies.isEmpty()
            ? QString()
            : tr("Also outstanding in other currencies: %1").arg(m_otherCurrencies.join(u", "_s)));
    m_otherValue->setVisible(!m_otherCurrencies.isEmpty());
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!m_error.isEmpty());

    double max = 0.0;
    QStringList monthSummary;
    for (int m = 0; m < 12; ++m) {
        const double revenue = toMajor(m_figures.revenueMinor[m]);
        const double expenses = toMajor(m_figures.expensesMinor[m]);
        m_revenueSet->replace(m, revenue);
        m_expensesSet->replace(m, expenses);
        max = std::max({max, revenue, expenses});
        monthSummary << tr("%1: revenue %2, expenses %3")
                            .arg(QLocale().standaloneMonthName(m + 1),
                                 Ui::formatMoney(m_figures.revenueMinor[m], m_currency),
                                 Ui::formatMoney(m_figures.expensesMinor[m], m_currency));
    }
    // Credit notes can make a month negative.
    double min = 0.0;
    for (int m = 0; m < 12; ++m)
        min = std::min(min, toMajor(m_figures.revenueMinor[m]));
    m_monthlyValueAxis->setRange(min, max > 0.0 ? max : 1.0);
    m_monthlyValueAxis->applyNiceNumbers();
    m_monthlyChart->setTitle(
        tr("Revenue and expenses in %1 (%2, net of VAT)").arg(QString::number(m_year), m_currency));
    m_monthlyView->setAccessibleDescription(monthSummary.join(u"; "_s));

    // Horizontal bars are drawn bottom-up: append in reverse so the first customer is on top.
    m_customerSet->remove(0, m_customerSet->count());
    QStringList names;
    QStringList summary;
    double customerMax = 0.0;
    for (qsizetype i = m_top.size() - 1; i >= 0; --i) {
        const CustomerRevenue &c = m_top.at(i);
        QString name = elided(c.name.isEmpty() ? tr("(no name)") : c.name);
        // Categories must be unique; two customers may share a name.
        while (names.contains(name))
            name += u' ';
        names.append(name);
        m_customerSet->append(toMajor(c.revenueMinor));
        customerMax = std::max(customerMax, toMajor(c.revenueMinor));
    }
    for (const CustomerRevenue &c : std::as_const(m_top))
        summary << tr("%1: %2").arg(c.name, Ui::formatMoney(c.revenueMinor, m_currency));
    m_customerAxis->setCategories(names);
    m_customerValueAxis->setRange(0.0, customerMax > 0.0 ? customerMax : 1.0);
    m_customerValueAxis->applyNiceNumbers();
    m_customerChart->setTitle(m_top.isEmpty()
                                  ? tr("No revenue in %1").arg(QString::number(m_year))
                                  : tr("Top customers in %1").arg(QString::number(m_year)));
    m_customerView->setAccessibleDescription(summary.join(u"; "_s));
}

void DashboardPage::applyTheme()
{
    const bool dark = Ui::isDarkPalette(palette());
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChart *chart : {m_monthlyChart, m_customerChart}) {
        if (chart->theme() != theme)
            chart->setTheme(theme);
        // The theme's own backdrop would frame the chart in a foreign colour; the window's
        // colour makes the chart part of the page.
        chart->setBackgroundBrush(palette().brush(QPalette::Window));
        chart->setTitleBrush(palette().brush(QPalette::WindowText));
    }
    for (QChartView *view : {m_monthlyView, m_customerView})
        view->setBackgroundBrush(palette().brush(QPalette::Window));
}

void DashboardPage::focusInEvent(QFocusEvent *event)
{
    // Not a focus proxy, which would make the page a Tab stop that leads back to the year.
    QWidget::focusInEvent(event);
    m_yearSpin->setFocus(event->reason());
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace Kontor
