// The rows of the product and service list: one keyset page of products at a time from
// Ledger::products(), in name order, filtered by a word in the name, with their price in the
// locale's format and the name of their tax rate.
#pragma once

#include "pagedlistmodel.h"

namespace Kontor {

class ProductListModel : public PagedRows<Product>
{
    Q_OBJECT
public:
    enum Column { NameColumn, DescriptionColumn, UnitColumn, PriceColumn, TaxColumn, ColumnCount };

    explicit ProductListModel(UiContext &ctx, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSearchText(const QString &text);
    void setIncludeArchived(bool include);
    const ProductQuery &query() const { return m_query; }

protected:
    Result<Page<Product>> query(const QString &cursor, int limit) const override;
    QString rowId(int row) const override { return m_rows.at(row).id; }

private:
    void loadLookups();
    QString currencyOf(const Product &p) const;

    ProductQuery m_query;
    QString m_companyCurrency;
    QHash<QString, TaxRate> m_rates; // including archived ones: old products may use them
};

} // namespace Kontor
