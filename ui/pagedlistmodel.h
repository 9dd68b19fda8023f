// The common machinery of the list models: rows arrive one keyset page at a time through
// canFetchMore()/fetchMore(), so a view only ever holds the rows it has scrolled past, never the
// whole book. A reload (filter, sort or a change in the ledger) starts again from the first page
// but re-reads as many rows as were loaded (up to one large page), so the user's scroll position
// survives an edit made in another window.
#pragma once

#include "ledger.h"
#include "uicontext.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>

namespace Kontor {

class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // the record's id (QString)
        // For rows that point at another record (payments): the id of what they point at.
        TargetIdRole,
    };

    // Rows per page, from the next page read on; the ledger caps a page at 1000.
    static constexpr int DefaultPageSize = 100;
    static constexpr int MaxPageSize = 1000;

    explicit PagedListModel(UiContext &ctx, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    // True while the ledger has rows beyond the loaded ones.
    bool hasMore() const { return !m_next.isEmpty(); }
    // How many pages were read since the last reset (tests and the benchmark look at it).
    int pagesLoaded() const { return m_pagesLoaded; }
    // The last error the ledger returned, translated for the user; empty when the last read
    // worked. The rows already loaded stay as they were.
    QString errorText() const { return m_error; }

    // Loads pages until at least `rows` rows are loaded or nothing is left. Returns the row count.
    int fetchUntil(int rows);

    // Reads the list again with the current filters and sort, keeping as many rows as were loaded.
    void reload();
    // Back to the first page only (after a filter or sort change: the rows loaded so far say
    // nothing about the new query).
    void restart();
    // The id of the record shown at `row`, or empty.
    QString idAt(int row) const;
    // The row of the record with `id` among the loaded rows, or -1.
    int rowOfId(const QString &id) const;

Q_SIGNALS:
    void errorOccurred(const QString &text);
    // After every reload and every appended page: totals of the loaded rows may have changed.
    void loadedRowsChanged();

protected:
    // Reads one page after `cursor` into the subclass's pending buffer; returns the next cursor
    // (empty at the end) or an error.
    virtual Result<QString> readPage(const QString &cursor, int limit) = 0;
    // Number of rows in the pending buffer, and moving them to the shown rows.
    virtual int pendingCount() const = 0;
    virtual void takePending() = 0;
    virtual void clearRows() = 0;
    virtual int loadedCount() const = 0;
    virtual QString rowId(int row) const = 0;

    // Entities of LedgerEvents::changed that make this list reload.
    void reloadOn(std::initializer_list<const char *> entities);
    // Reloads on the next turn of the event loop, so a burst of changes reloads once.
    void scheduleReload();

    UiContext &m_ctx;

private:
    void setError(const Error &error);
    bool appendPage(int limit);
    void resetTo(int limit, bool keepOnError);

    QString m_next;
    QString m_error;
    QSet<QString> m_reloadEntities;
    int m_pageSize = DefaultPageSize;
    int m_pagesLoaded = 0;
    bool m_reloadScheduled = false;
};

// Holds the rows of one type for PagedListModel: subclasses implement query() and data().
template<typename T> class PagedRows : public PagedListModel
{
public:
    using PagedListModel::PagedListModel;

    const T &rowAt(int row) const { return m_rows.at(row); }
    const QList<T> &rows() const { return m_rows; }

protected:
    virtual Result<Page<T>> query(const QString &cursor, int limit) const = 0;

    Result<QString> readPage(const QString &cursor, int limit) override
    {
        auto page = query(cursor, limit);
        if (!page)
            return page.error();
        m_pending = std::move(page->items);
        return page->next;
    }
    int pendingCount() const override { return int(m_pending.size()); }
    void takePending() override
    {
        m_rows.append(m_pending);
        m_pending.clear();
    }
    void clearRows() override { m_rows.clear(); }
    int loadedCount() const override { return int(m_rows.size()); }

    QList<T> m_rows;

private:
    QList<T> m_pending;
};

namespace Ui {
// Right-aligned and vertically centred, for amounts.
inline constexpr int AmountAlignment = int(Qt::AlignRight | Qt::AlignVCenter);
} // namespace Ui

} // namespace Kontor
