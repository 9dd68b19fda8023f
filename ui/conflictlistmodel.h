// The conflicts of a ledger for the Sync panel: one row per value that lost a merge and is not
// resolved yet (Replica::conflicts), with the record it belongs to, the field, the value kept and
// the value lost, and when it happened. The model reads the replica; it is not where conflicts
// are kept. reload() reads them again (after a sync, or after one was resolved).
#pragma once

#include "replica.h"

#include <QAbstractTableModel>

namespace Kontor {

class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EntityColumn, RecordColumn, FieldColumn, KeptColumn, LostColumn, WhenColumn };
    static constexpr int ColumnCount = 6;
    // The conflict's id (qint64) on every cell.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ConflictListModel(Replica &replica, QObject *parent = nullptr);

    void reload();
    ConflictEntry entry(int row) const { return m_rows.value(row).entry; }
    // The read error of the last reload, if any (the rows then stay as they were).
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ConflictEntry entry;
        QString record; // label, read once per reload
        QString currency;
    };

    Replica &m_replica;
    QList<Row> m_rows;
    QString m_error;
};

} // namespace Kontor
