// The payment list: money received for invoices and paid out for expenses, newest first, with
// filters for direction and date range and the totals of the rows shown. Double-click or Enter
// opens the invoice or expense the payment belongs to; payments are recorded from there.
#pragma once

#include "listpage.h"

class QComboBox;

namespace Kontor {

class DateRangeFilter;
class PaymentListModel;

class PaymentListPage : public ListPage
{
    Q_OBJECT
public:
    explicit PaymentListPage(UiContext &ctx, QWidget *parent = nullptr);

    PaymentListModel *model() const { return m_model; }
    QComboBox *directionCombo() const { return m_direction; }
    DateRangeFilter *dateRange() const { return m_dates; }

protected:
    void openIndex(const QModelIndex &index) override;
    QString footerText() const override;

private:
    PaymentListModel *m_model = nullptr;
    QComboBox *m_direction = nullptr;
    DateRangeFilter *m_dates = nullptr;
};

} // namespace Kontor
