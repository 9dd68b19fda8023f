// The changes the sync server refused, for the Sync panel: one row per refused change that was
// not dismissed (Replica::rejections), with the record, what was done to it, the server's rule
// and message, when, and what became of it: still open, or kept as a new draft. The model reads
// the replica; reload() reads it again.
#pragma once

#include "replica.h"

#include <QAbstractTableModel>

namespace Kontor {

class RejectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EntityColumn,
        RecordColumn,
        ChangeColumn,
        RuleColumn,
        MessageColumn,
        WhenColumn,
        ResolutionColumn
    };
    static constexpr int ColumnCount = 7;
    // The refused op's id (QString) on every cell.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit RejectionListModel(Replica &replica, QObject *parent = nullptr);

    void reload();
    RejectionEntry entry(int row) const { return m_rows.value(row).entry; }
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RejectionEntry entry;
        QString record;
    };

    Replica &m_replica;
    QList<Row> m_rows;
    QString m_error;
};

} // namespace Kontor
