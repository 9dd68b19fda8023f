#include "documentlistmodel.h"

#include "listcolors.h"
#include "moneyformat.h"

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

std::optional<DocumentSort> sortOfColumn(int column)
{
    switch (column) {
    case DocumentListModel::NumberColumn:
        return DocumentSort::Number;
    case DocumentListModel::CustomerColumn:
        return DocumentSort::Customer;
    case DocumentListModel::IssueDateColumn:
        return DocumentSort::IssueDate;
    case DocumentListModel::DueDateColumn:
        return DocumentSort::DueDate;
    case DocumentListModel::TotalColumn:
        return DocumentSort::Total;
    default:
        // Net, VAT, balance and status have no ordered index in the ledger's query.
        return std::nullopt;
    }
}

int columnOfSort(DocumentSort sort)
{
    switch (sort) {
    case DocumentSort::Number:
        return DocumentListModel::NumberColumn;
    case DocumentSort::Customer:
        return DocumentListModel::CustomerColumn;
    case DocumentSort::IssueDate:
        return DocumentListModel::IssueDateColumn;
    case DocumentSort::DueDate:
        return DocumentListModel::DueDateColumn;
    case DocumentSort::Total:
        return DocumentListModel::TotalColumn;
    }
    return DocumentListModel::IssueDateColumn;
}

} // namespace

DocumentListModel::DocumentListModel(UiContext &ctx, DocumentKind kind, QObject *parent)
    : PagedRows<DocumentSummary>(ctx, parent)
{
    m_query.kind = kind;
    m_query.sort = DocumentSort::IssueDate;
    m_query.descending = true;
    // A payment or credit note changes an invoice's balance and status; a converted quote
    // creates an invoice; a renamed customer renames the rows.
    reloadOn({"invoice", "credit_note", "quote", "payment", "customer"});
    connect(this, &QAbstractItemModel::modelReset, this, &DocumentListModel::recomputeTotals);
    connect(this, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row) {
                    const DocumentSummary &s = m_rows.at(row);
                    Totals &t = m_totals[s.currency];
                    ++t.rows;
                    t.netMinor += s.netMinor;
                    t.vatMinor += s.vatMinor;
                    t.totalMinor += s.totalMinor;
                    t.balanceMinor += s.balanceMinor();
                }
            });
    reload();
}

int DocumentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DocumentListModel::statusText(const DocumentSummary &row)
{
    if (row.overdue)
        return tr("Overdue");
    switch (row.status) {
    case DocumentStatus::Draft:
        return tr("Draft");
    case DocumentStatus::Issued:
        return row.kind == DocumentKind::Invoice ? tr("Unpaid") : tr("Issued");
    case DocumentStatus::PartiallyPaid:
        return tr("Partially paid");
    case DocumentStatus::Paid:
        return tr("Paid");
    case DocumentStatus::Credited:
        return tr("Credited");
    case DocumentStatus::Converted:
        return tr("Converted");
    }
    return {};
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return s.number.isEmpty() ? tr("(draft)") : s.number;
        case CustomerColumn:
            return s.customerName;
        case IssueDateColumn:
            return Ui::formatDate(s.issueDate);
        case DueDateColumn:
            return Ui::formatDate(s.dueDate);
        case NetColumn:
            return Ui::formatMoney(s.netMinor, s.currency);
        case VatColumn:
            return Ui::formatMoney(s.vatMinor, s.currency);
        case TotalColumn:
            return Ui::formatMoney(s.totalMinor, s.currency);
        case BalanceColumn:
            return Ui::formatMoney(s.balanceMinor(), s.currency);
        case StatusColumn:
            return statusText(s);
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case NumberColumn:
            return s.number;
        case CustomerColumn:
            return s.customerName;
        case IssueDateColumn:
            return s.issueDate;
        case DueDateColumn:
            return s.dueDate;
        case NetColumn:
            return s.netMinor;
        case VatColumn:
            return s.vatMinor;
        case TotalColumn:
            return s.totalMinor;
        case BalanceColumn:
            return s.balanceMinor();
        case StatusColumn:
            return int(s.status);
        }
        return {};
    case IdRole:
        return s.id;
    case TargetIdRole:
        return s.customerId;
    case Qt::ToolTipRole:
        if (s.overdue && index.column() == StatusColumn)
            return tr("Due on %1, %2 still open")
                .arg(Ui::formatDate(s.dueDate), Ui::formatMoney(s.balanceMinor(), s.currency));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= NetColumn && index.column() <= BalanceColumn)
            return Ui::AmountAlignment;
        return {};
    case Qt::ForegroundRole:
        // Only what is late is coloured: the due date, what is still owed, and the status. A
        // whole red row would shout over the rest of the list.
        if (s.overdue
            && (index.column() == DueDateColumn || index.column() == BalanceColumn
                || index.column() == StatusColumn))
            return Ui::negativeTextBrush();
        return {};
    default:
        return {};
    }
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= NetColumn && section <= BalanceColumn ? QVariant(Ui::AmountAlignment)
                                                                : QVariant();
    if (role == Qt::ToolTipRole && !isSortable(section))
        return tr("This column cannot be sorted");
    // The first click on a date or an amount shows the newest or largest first; names and
    // numbers start from A and 1.
    if (role == Qt::InitialSortOrderRole)
        return section == NumberColumn || section == CustomerColumn ? int(Qt::AscendingOrder)
                                                                    : int(Qt::DescendingOrder);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case CustomerColumn:
        return tr("Customer");
    case IssueDateColumn:
        return tr("Date");
    case DueDateColumn:
        return m_query.kind == DocumentKind::Quote ? tr("Valid until") : tr("Due");
    case NetColumn:
        return tr("Net");
    case VatColumn:
        return tr("VAT");
    case TotalColumn:
        return tr("Total");
    case BalanceColumn:
        return tr("Balance");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

bool DocumentListModel::isSortable(int column)
{
    return sortOfColumn(column).has_value();
}

int DocumentListModel::sortColumn() const
{
    return columnOfSort(m_query.sort);
}

Qt::SortOrder DocumentListModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void DocumentListModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = sortOfColumn(column);
    if (!sort)
        return;
    DocumentQuery q = m_query;
    q.sort = *sort;
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

void DocumentListModel::setStatusFilter(std::optional<DocumentStatus> status, bool openOnly)
{
    DocumentQuery q = m_query;
    q.status = status;
    q.openOnly = openOnly;
    setQuery(q);
}

void DocumentListModel::setOpenOnly(bool open)
{
    DocumentQuery q = m_query;
    q.openOnly = open;
    setQuery(q);
}

void DocumentListModel::setOverdueOnly(bool overdue)
{
    DocumentQuery q = m_query;
    q.overdueOnly = overdue;
    setQuery(q);
}

void DocumentListModel::setDateRange(const QDate &from, const QDate &to)
{
    DocumentQuery q = m_query;
    q.from = from;
    q.to = to;
    setQuery(q);
}

void DocumentListModel::setCustomerFilter(const QString &customerId)
{
    DocumentQuery q = m_query;
    q.customerId = customerId;
    setQuery(q);
}

void DocumentListModel::setSearchText(const QString &text)
{
    DocumentQuery q = m_query;
    q.search = text.trimmed();
    setQuery(q);
}

void DocumentListModel::setQuery(const DocumentQuery &q)
{
    const bool same = q.status == m_query.status && q.openOnly == m_query.openOnly
        && q.overdueOnly == m_query.overdueOnly && q.customerId == m_query.customerId
        && q.from == m_query.from && q.to == m_query.to && q.search == m_query.search
        && q.sort == m_query.sort && q.descending == m_query.descending;
    if (same)
        return;
    m_query = q;
    restart();
}

Result<Page<DocumentSummary>> DocumentListModel::query(const QString &cursor, int limit) const
{
    DocumentQuery q = m_query;
    q.after = cursor;
    q.limit = limit;
    return m_ctx.ledger.documents(q);
}

void DocumentListModel::recomputeTotals()
{
    m_filterTotals.clear();
    if (const auto exact = m_ctx.ledger.documentTotals(m_query)) {
        for (auto it = exact->cbegin(); it != exact->cend(); ++it)
            m_filterTotals.insert(it.key(),
                                  Totals {int(it->count), it->netMinor, it->vatMinor,
                                          it->totalMinor, it->balanceMinor});
    }
    m_totals.clear();
    for (const DocumentSummary &s : m_rows) {
        Totals &t = m_totals[s.currency];
        ++t.rows;
        t.netMinor += s.netMinor;
        t.vatMinor += s.vatMinor;
        t.totalMinor += s.totalMinor;
        t.balanceMinor += s.balanceMinor();
    }
}

} // namespace Kontor
