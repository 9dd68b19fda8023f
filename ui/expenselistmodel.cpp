#include "expenselistmodel.h"

#include "moneyformat.h"

using namespace Qt::StringLiterals;

namespace Kontor {

ExpenseListModel::ExpenseListModel(UiContext &ctx, QObject *parent)
    : PagedRows<Expense>(ctx, parent)
{
    reloadOn({"expense", "payment"});
    reload();
}

int ExpenseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpenseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Expense &e = m_rows.at(index.row());
    const bool amount = index.column() >= NetColumn && index.column() <= UnpaidColumn;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return Ui::formatDate(e.date);
        case SupplierColumn:
            return e.supplier;
        case CategoryColumn:
            return e.category;
        case NetColumn:
            return Ui::formatMoney(e.netMinor, e.currency);
        case VatColumn:
            return Ui::formatMoney(e.vatMinor, e.currency);
        case TotalColumn:
            return Ui::formatMoney(e.totalMinor, e.currency);
        case UnpaidColumn:
            return Ui::formatMoney(e.totalMinor - e.paidMinor, e.currency);
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case DateColumn:
            return e.date;
        case SupplierColumn:
            return e.supplier;
        case CategoryColumn:
            return e.category;
        case NetColumn:
            return e.netMinor;
        case VatColumn:
            return e.vatMinor;
        case TotalColumn:
            return e.totalMinor;
        case UnpaidColumn:
            return e.totalMinor - e.paidMinor;
        }
        return {};
    case IdRole:
        return e.id;
    case Qt::TextAlignmentRole:
        return amount ? QVariant(Ui::AmountAlignment) : QVariant();
    default:
        return {};
    }
}

QVariant ExpenseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= NetColumn ? QVariant(Ui::AmountAlignment) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case SupplierColumn:
        return tr("Supplier");
    case CategoryColumn:
        return tr("Category");
    case NetColumn:
        return tr("Net");
    case VatColumn:
        return tr("VAT");
    case TotalColumn:
        return tr("Total");
    case UnpaidColumn:
        return tr("Unpaid");
    }
    return {};
}

void ExpenseListModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_query.from && to == m_query.to)
        return;
    m_query.from = from;
    m_query.to = to;
    restart();
}

void ExpenseListModel::setCategory(const QString &category)
{
    const QString c = category.trimmed();
    if (c == m_query.category)
        return;
    m_query.category = c;
    restart();
}

QHash<QString, ExpenseListModel::Totals> ExpenseListModel::loadedTotals() const
{
    QHash<QString, Totals> out;
    for (const Expense &e : m_rows) {
        Totals &t = out[e.currency];
        ++t.rows;
        t.netMinor += e.netMinor;
        t.vatMinor += e.vatMinor;
        t.totalMinor += e.totalMinor;
        t.unpaidMinor += e.totalMinor - e.paidMinor;
    }
    return out;
}

Result<Page<Expense>> ExpenseListModel::query(const QString &cursor, int limit) const
{
    ExpenseQuery q = m_query;
    q.after = cursor;
    q.limit = limit;
    return m_ctx.ledger.expenses(q);
}

} // namespace Kontor
