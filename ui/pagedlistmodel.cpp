#include "pagedlistmodel.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Kontor {

PagedListModel::PagedListModel(UiContext &ctx, QObject *parent)
    : QAbstractTableModel(parent), m_ctx(ctx)
{ }

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedCount();
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && hasMore();
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !hasMore())
        return;
    appendPage(m_pageSize);
}

QHash<int, QByteArray> PagedListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "recordId");
    names.insert(TargetIdRole, "targetId");
    return names;
}

void PagedListModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, MaxPageSize);
}

int PagedListModel::fetchUntil(int rows)
{
    while (loadedCount() < rows && hasMore()) {
        if (!appendPage(qMin(MaxPageSize, qMax(m_pageSize, rows - loadedCount()))))
            break;
    }
    return loadedCount();
}

bool PagedListModel::appendPage(int limit)
{
    auto next = readPage(m_next, limit);
    if (!next) {
        // Stop asking: a view would otherwise retry on every scroll. A reload tries again.
        m_next.clear();
        setError(next.error());
        return false;
    }
    m_error.clear();
    m_next = next.value();
    ++m_pagesLoaded;
    const int count = pendingCount();
    if (count > 0) {
        const int first = loadedCount();
        beginInsertRows({}, first, first + count - 1);
        takePending();
        endInsertRows();
    }
    Q_EMIT loadedRowsChanged();
    return true;
}

void PagedListModel::reload()
{
    // Re-read as many rows as the view had, in one query, so its scroll position stays put.
    resetTo(qBound(m_pageSize, loadedCount(), MaxPageSize), true);
}

void PagedListModel::restart()
{
    resetTo(m_pageSize, false);
}

void PagedListModel::resetTo(int limit, bool keepOnError)
{
    m_reloadScheduled = false;
    auto next = readPage({}, limit);
    if (!next) {
        setError(next.error());
        // On a reload the rows shown stay as they were: better stale than empty. After a filter
        // change they belong to another query and must go.
        if (keepOnError)
            return;
        beginResetModel();
        clearRows();
        m_next.clear();
        m_pagesLoaded = 0;
        endResetModel();
        Q_EMIT loadedRowsChanged();
        return;
    }
    m_error.clear();
    beginResetModel();
    clearRows();
    takePending();
    m_next = next.value();
    m_pagesLoaded = 1;
    endResetModel();
    Q_EMIT loadedRowsChanged();
}

QString PagedListModel::idAt(int row) const
{
    return row >= 0 && row < loadedCount() ? rowId(row) : QString();
}

int PagedListModel::rowOfId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int row = 0; row < loadedCount(); ++row) {
        if (rowId(row) == id)
            return row;
    }
    return -1;
}

void PagedListModel::reloadOn(std::initializer_list<const char *> entities)
{
    for (const char *e : entities)
        m_reloadEntities.insert(QString::fromLatin1(e));
    connect(&m_ctx.events, &LedgerEvents::changed, this, [this](const QString &entity) {
        if (m_reloadEntities.contains(entity))
            scheduleReload();
    });
}

void PagedListModel::scheduleReload()
{
    if (m_reloadScheduled)
        return;
    m_reloadScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_reloadScheduled)
            reload();
    });
}

void PagedListModel::setError(const Error &error)
{
    m_error = tr("The list could not be read: %1").arg(error.message);
    Q_EMIT errorOccurred(m_error);
}

} // namespace Kontor
