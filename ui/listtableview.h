// The table every list page shows: whole-row selection, no in-place editing, Tab leaves the
// table, and one signal, openRequested, for double-click and Enter/Return alike. It keeps the
// current record (by id) across model resets, so a reload after an edit does not lose the
// user's place.
#pragma once

#include <QTableView>

namespace Kontor {

class ListTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ListTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The id (PagedListModel::IdRole) of the current row, or empty.
    QString currentId() const;

Q_SIGNALS:
    void openRequested(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_savedId;
    int m_savedColumn = 0;
};

} // namespace Kontor
