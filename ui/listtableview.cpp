#include "listtableview.h"

#include "pagedlistmodel.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace Kontor {

ListTableView::ListTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    // Tab moves on to the next control; arrows move within the table.
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps scrolling through thousands
    // of loaded rows smooth.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(false);
    horizontalHeader()->setStretchLastSection(true);
    // Double-click activates everywhere; a platform that activates on single click does too.
    connect(this, &QAbstractItemView::activated, this, &ListTableView::openRequested);
}

void ListTableView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_savedId = currentId();
        m_savedColumn = qMax(0, currentIndex().column());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const auto *paged = qobject_cast<const PagedListModel *>(this->model());
        const int row = paged ? paged->rowOfId(m_savedId) : -1;
        m_savedId.clear();
        if (row < 0)
            return;
        const QModelIndex index = this->model()->index(row, m_savedColumn);
        selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
}

QString ListTableView::currentId() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(PagedListModel::IdRole).toString() : QString();
}

void ListTableView::keyPressEvent(QKeyEvent *event)
{
    // Enter opens the current row on every platform (macOS would otherwise start editing).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && event->modifiers() == Qt::NoModifier) {
        if (currentIndex().isValid()) {
            Q_EMIT openRequested(currentIndex());
            event->accept();
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

} // namespace Kontor
