// The rows of the payment list: one keyset page of payments at a time from
// Ledger::paymentList(), newest first, each with the invoice or expense it paid; filtered by what
// was paid (invoices or expenses) and date range.
#pragma once

#include "pagedlistmodel.h"

#include <optional>

namespace Kontor {

class PaymentListModel : public PagedRows<PaymentSummary>
{
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        KindColumn,
        DocumentColumn,
        PartyColumn,
        MethodColumn,
        ReferenceColumn,
        AmountColumn,
        ColumnCount
    };

    explicit PaymentListModel(UiContext &ctx, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTargetFilter(std::optional<PaymentTarget> target);
    void setDateRange(const QDate &from, const QDate &to);
    const PaymentQuery &query() const { return m_query; }

    // Sum of the loaded payments per currency (incoming for invoices, outgoing for expenses).
    struct Totals
    {
        int rows = 0;
        qint64 receivedMinor = 0;
        qint64 paidOutMinor = 0;
    };
    QHash<QString, Totals> loadedTotals() const;

protected:
    Result<Page<PaymentSummary>> query(const QString &cursor, int limit) const override;
    QString rowId(int row) const override { return m_rows.at(row).payment.id; }

private:
    PaymentQuery m_query;
};

} // namespace Kontor
