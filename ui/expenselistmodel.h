// The rows of the expense list: one keyset page of expenses at a time from Ledger::expenses(),
// newest first, filtered by date range and category.
#pragma once

#include "pagedlistmodel.h"

namespace Kontor {

class ExpenseListModel : public PagedRows<Expense>
{
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        SupplierColumn,
        CategoryColumn,
        NetColumn,
        VatColumn,
        TotalColumn,
        UnpaidColumn,
        ColumnCount
    };

    explicit ExpenseListModel(UiContext &ctx, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setDateRange(const QDate &from, const QDate &to);
    void setCategory(const QString &category);
    const ExpenseQuery &query() const { return m_query; }

    // Sums of the loaded rows per currency (net, VAT, total, unpaid), for the footer.
    struct Totals
    {
        int rows = 0;
        qint64 netMinor = 0;
        qint64 vatMinor = 0;
        qint64 totalMinor = 0;
        qint64 unpaidMinor = 0;
    };
    QHash<QString, Totals> loadedTotals() const;

protected:
    Result<Page<Expense>> query(const QString &cursor, int limit) const override;
    QString rowId(int row) const override { return m_rows.at(row).id; }

private:
    ExpenseQuery m_query;
};

} // namespace Kontor
