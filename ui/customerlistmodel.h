// The rows of the customer list: one keyset page of customers at a time from
// Ledger::customers(), in name order, filtered by a name prefix and, on request, with archived
// customers (shown dimmed).
#pragma once

#include "pagedlistmodel.h"

namespace Kontor {

class CustomerListModel : public PagedRows<Customer>
{
    Q_OBJECT
public:
    enum Column { NameColumn, EmailColumn, VatIdColumn, CityColumn, CountryColumn, ColumnCount };

    explicit CustomerListModel(UiContext &ctx, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSearchText(const QString &text);
    void setIncludeArchived(bool include);
    const CustomerQuery &query() const { return m_query; }

protected:
    Result<Page<Customer>> query(const QString &cursor, int limit) const override;
    QString rowId(int row) const override { return m_rows.at(row).id; }

private:
    CustomerQuery m_query;
};

} // namespace Kontor
