#include "conflictlistmodel.h"

#include "synctexts.h"

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::SyncTexts;

ConflictListModel::ConflictListModel(Replica &replica, QObject *parent)
    : QAbstractTableModel(parent), m_replica(replica)
{
    reload();
}

void ConflictListModel::reload()
{
    auto conflicts = m_replica.conflicts();
    if (!conflicts) {
        m_error = conflicts.error().toString();
        return;
    }
    m_error.clear();
    QList<Row> rows;
    rows.reserve(conflicts->size());
    const Ledger &ledger = m_replica.ledger();
    for (const ConflictEntry &c : conflicts.value())
        rows.append({c, SyncTexts::recordLabel(ledger, c.entity, c.entityId),
                     SyncTexts::recordCurrency(ledger, c.entity, c.entityId)});
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ConflictEntry &c = row.entry;
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case EntityColumn:
        return SyncTexts::entityName(c.entity);
    case RecordColumn:
        return row.record;
    case FieldColumn:
        return SyncTexts::fieldName(c.field);
    case KeptColumn: {
        const QString text = SyncTexts::valueText(c.field, c.keptValue, row.currency);
        return role == Qt::ToolTipRole
            ? tr("Kept (the later change, from any device): %1").arg(text)
            : text;
    }
    case LostColumn: {
        const QString text = SyncTexts::valueText(c.field, c.lostValue, row.currency);
        return role == Qt::ToolTipRole ? tr("Lost (\"Keep mine\" restores it): %1").arg(text)
                                       : text;
    }
    case WhenColumn:
        return SyncTexts::stampText(c.createdAt);
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case EntityColumn:
            return tr("What");
        case RecordColumn:
            return tr("Record");
        case FieldColumn:
            return tr("Field");
        case KeptColumn:
            return tr("Kept value");
        case LostColumn:
            return tr("Lost value");
        case WhenColumn:
            return tr("When");
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section == KeptColumn)
            return tr("The value the books hold now: the later of the two changes.");
        if (section == LostColumn)
            return tr("The value that lost the merge; \"Keep mine\" restores it.");
    }
    return {};
}

} // namespace Kontor
