#include "rejectionlistmodel.h"

#include "synctexts.h"

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::SyncTexts;

RejectionListModel::RejectionListModel(Replica &replica, QObject *parent)
    : QAbstractTableModel(parent), m_replica(replica)
{
    reload();
}

void RejectionListModel::reload()
{
    // The engine files a refused edit of an issued document with its resolution already set
    // ("kept-as-draft:<id>"), so resolved ones are read too; only dismissed ones leave the list.
    auto rejections = m_replica.rejections(true);
    if (!rejections) {
        m_error = rejections.error().toString();
        return;
    }
    m_error.clear();
    QList<Row> rows;
    const Ledger &ledger = m_replica.ledger();
    for (const RejectionEntry &r : rejections.value())
        if (r.resolution != u"dismissed"_s)
            rows.append({r, SyncTexts::recordLabel(ledger, r.entity, r.entityId)});
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RejectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RejectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const RejectionEntry &r = row.entry;
    if (role == IdRole)
        return r.opId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case EntityColumn:
        return SyncTexts::entityName(r.entity);
    case RecordColumn:
        return row.record;
    case ChangeColumn:
        return SyncTexts::changeKind(r.kind);
    case RuleColumn:
        return r.rule;
    case MessageColumn: {
        const QString text
            = SyncTexts::describeError(Error {ErrorKind::Conflict, r.field, r.rule, r.message});
        // The server's own words in the tooltip, for a rule the program has no sentence for.
        return role == Qt::ToolTipRole && !r.message.isEmpty() && r.message != text
            ? tr("%1\n(%2)").arg(text, r.message)
            : text;
    }
    case WhenColumn:
        return SyncTexts::stampText(r.createdAt);
    case ResolutionColumn:
        return SyncTexts::resolutionText(r.resolution);
    }
    return {};
}

QVariant RejectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case EntityColumn:
        return tr("What");
    case RecordColumn:
        return tr("Record");
    case ChangeColumn:
        return tr("Change");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case WhenColumn:
        return tr("When");
    case ResolutionColumn:
        return tr("Resolution");
    }
    return {};
}

} // namespace Kontor
