#include "paymentlistmodel.h"

#include "editorsupport.h"
#include "moneyformat.h"

using namespace Qt::StringLiterals;

namespace Kontor {

PaymentListModel::PaymentListModel(UiContext &ctx, QObject *parent)
    : PagedRows<PaymentSummary>(ctx, parent)
{
    // Invoice numbers and customer names come from the documents the payments point at.
    reloadOn({"payment", "invoice", "expense", "customer"});
    reload();
}

int PaymentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaymentSummary &s = m_rows.at(index.row());
    const Payment &p = s.payment;
    const bool invoice = p.target == PaymentTarget::Invoice;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return Ui::formatDate(p.date);
        case KindColumn:
            return invoice ? tr("Received") : tr("Paid out");
        case DocumentColumn:
            return invoice ? tr("Invoice %1").arg(s.targetLabel)
                           : tr("Expense: %1").arg(s.targetLabel);
        case PartyColumn:
            return invoice ? s.partyName : s.targetLabel;
        case MethodColumn:
            // The ledger keeps a key ("bank transfer"); people read its name in their language.
            return Ui::EditorSupport::paymentMethodName(p.method);
        case ReferenceColumn:
            return p.reference;
        case AmountColumn:
            return Ui::formatMoney(p.amountMinor, p.currency);
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case DateColumn:
            return p.date;
        case KindColumn:
            return int(p.target);
        case DocumentColumn:
            return s.targetLabel;
        case PartyColumn:
            return s.partyName;
        case MethodColumn:
            return p.method;
        case ReferenceColumn:
            return p.reference;
        case AmountColumn:
            return p.amountMinor;
        }
        return {};
    case IdRole:
        return p.id;
    case TargetIdRole:
        return p.targetId;
    case Qt::ToolTipRole:
        if (p.overpayment && index.column() == AmountColumn)
            return tr("This payment was more than the amount due");
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == AmountColumn ? QVariant(Ui::AmountAlignment) : QVariant();
    default:
        return {};
    }
}

QVariant PaymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == AmountColumn ? QVariant(Ui::AmountAlignment) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case KindColumn:
        return tr("Direction");
    case DocumentColumn:
        return tr("For");
    case PartyColumn:
        return tr("Customer or supplier");
    case MethodColumn:
        return tr("Method");
    case ReferenceColumn:
        return tr("Reference");
    case AmountColumn:
        return tr("Amount");
    }
    return {};
}

void PaymentListModel::setTargetFilter(std::optional<PaymentTarget> target)
{
    if (target == m_query.target)
        return;
    m_query.target = target;
    restart();
}

void PaymentListModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_query.from && to == m_query.to)
        return;
    m_query.from = from;
    m_query.to = to;
    restart();
}

QHash<QString, PaymentListModel::Totals> PaymentListModel::loadedTotals() const
{
    QHash<QString, Totals> out;
    for (const PaymentSummary &s : m_rows) {
        Totals &t = out[s.payment.currency];
        ++t.rows;
        if (s.payment.target == PaymentTarget::Invoice)
            t.receivedMinor += s.payment.amountMinor;
        else
            t.paidOutMinor += s.payment.amountMinor;
    }
    return out;
}

Result<Page<PaymentSummary>> PaymentListModel::query(const QString &cursor, int limit) const
{
    PaymentQuery q = m_query;
    q.after = cursor;
    q.limit = limit;
    return m_ctx.ledger.paymentList(q);
}

} // namespace Kontor
