#include "expenselistpage.h"

#include "daterangefilter.h"
#include "expenselistmodel.h"
#include "listtableview.h"
#include "moneyformat.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Kontor {

ExpenseListPage::ExpenseListPage(UiContext &ctx, QWidget *parent) : ListPage(ctx, parent)
{
    setObjectName(u"expenseListPage"_s);
    m_model = new ExpenseListModel(ctx, this);
    // The ledger filters expenses by exact category, so the field is applied like a search.
    m_category = addSearchField(tr("C&ategory:"), tr("Any category"), tr("Category filter"),
                                [this](const QString &text) { m_model->setCategory(text); });
    m_category->setObjectName(u"categoryField"_s);
    m_category->setToolTip(tr("Shows the expenses of exactly this category"));
    m_new = addButton(tr("&New expense"), u"expense"_s, u"document-new"_s, tr("New expense"));
    m_new->setObjectName(u"newButton"_s);
    topBar()->addWidget(m_new);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (m_ctx.navigator)
            m_ctx.navigator->openExpense({});
    });
    m_dates = new DateRangeFilter(this);
    m_dates->setObjectName(u"dateRange"_s);
    filterBar()->addWidget(m_dates);
    filterBar()->addStretch(1);
    connect(m_dates, &DateRangeFilter::rangeChanged, m_model, &ExpenseListModel::setDateRange);

    view()->setAccessibleName(tr("Expenses"));
    setListModel(m_model);
    QHeaderView *header = view()->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSortIndicator(ExpenseListModel::DateColumn, Qt::DescendingOrder);
    header->setSectionsClickable(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ExpenseListModel::SupplierColumn, QHeaderView::Stretch);

    setTabOrder(m_category, m_new);
    setTabOrder(m_new, m_dates->fromEdit());
    setTabOrder(m_dates->fromEdit(), m_dates->toEdit());
    setTabOrder(m_dates->toEdit(), view());
    setInitialFocus(m_category);
}

void ExpenseListPage::openIndex(const QModelIndex &index)
{
    const QString id = index.data(PagedListModel::IdRole).toString();
    if (!id.isEmpty() && m_ctx.navigator)
        m_ctx.navigator->openExpense(id);
}

QString ExpenseListPage::footerText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return m_model->errorText().isEmpty() ? tr("No expenses to show.") : QString();
    QStringList lines;
    // Worded without plural forms, so every count reads right in every language.
    const QString count = QLocale().toString(rows);
    lines << (m_model->hasMore()
                  ? tr("Totals of the first %1 rows; more rows load as you scroll.").arg(count)
                  : tr("Rows shown: %1").arg(count));
    const auto totals = m_model->loadedTotals();
    QStringList currencies = totals.keys();
    currencies.sort();
    for (const QString &currency : currencies) {
        const ExpenseListModel::Totals &t = totals.value(currency);
        lines << tr("Net %1 · VAT %2 · Total %3 · Unpaid %4")
                     .arg(Ui::formatMoney(t.netMinor, currency),
                          Ui::formatMoney(t.vatMinor, currency),
                          Ui::formatMoney(t.totalMinor, currency),
                          Ui::formatMoney(t.unpaidMinor, currency));
    }
    return lines.join(u'\n');
}

} // namespace Kontor
