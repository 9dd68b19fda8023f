// The rows of the invoice, quote and credit-note lists: one keyset page of DocumentSummary at a
// time from Ledger::documents(), with the filters of the list page (status, open or overdue,
// date range, customer, search text) and the sort of the clicked column. Amounts are shown in the
// locale's format; EditRole gives the raw values (minor units, dates, enum values) for code and
// tests.
#pragma once

#include "pagedlistmodel.h"

#include <QHash>

#include <optional>

namespace Kontor {

class DocumentListModel : public PagedRows<DocumentSummary>
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        CustomerColumn,
        IssueDateColumn,
        DueDateColumn,
        NetColumn,
        VatColumn,
        TotalColumn,
        BalanceColumn,
        StatusColumn,
        ColumnCount
    };

    // Sums of the loaded rows in one currency.
    struct Totals
    {
        int rows = 0;
        qint64 netMinor = 0;
        qint64 vatMinor = 0;
        qint64 totalMinor = 0;
        qint64 balanceMinor = 0;
    };

    DocumentListModel(UiContext &ctx, DocumentKind kind, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Re-queries from the first page. Columns the ledger cannot order by (see isSortable) leave
    // the current order unchanged.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    DocumentKind kind() const { return m_query.kind; }
    static bool isSortable(int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // Filters; each one reloads from the first page when it changes the query.
    // One status, or with `openOnly` every open one (unpaid and partially paid); one query.
    void setStatusFilter(std::optional<DocumentStatus> status, bool openOnly = false);
    void setOpenOnly(bool open);
    void setOverdueOnly(bool overdue);
    void setDateRange(const QDate &from, const QDate &to);
    void setCustomerFilter(const QString &customerId);
    void setSearchText(const QString &text);
    // The current query, without cursor (filters, sort, page size).
    const DocumentQuery &query() const { return m_query; }

    // Sums of the loaded rows per currency. Exact for the whole filter only when !hasMore().
    QHash<QString, Totals> loadedTotals() const { return m_totals; }
    // Sums of every row the current filter matches, loaded or not, per currency (one aggregate
    // query over the ledger at each reload).
    QHash<QString, Totals> filterTotals() const { return m_filterTotals; }

    // Translated status of a row, "Overdue" for overdue invoices.
    static QString statusText(const DocumentSummary &row);

protected:
    Result<Page<DocumentSummary>> query(const QString &cursor, int limit) const override;
    QString rowId(int row) const override { return m_rows.at(row).id; }

private:
    void setQuery(const DocumentQuery &query);
    void recomputeTotals();

    DocumentQuery m_query;
    QHash<QString, Totals> m_totals;
    QHash<QString, Totals> m_filterTotals;
};

} // namespace Kontor
