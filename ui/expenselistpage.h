// The expense list: filters for date range and category, "New expense", and a footer with the
// totals of the rows shown. Double-click or Enter opens the expense's editor through the
// navigator.
#pragma once

#include "listpage.h"

namespace Kontor {

class DateRangeFilter;
class ExpenseListModel;

class ExpenseListPage : public ListPage
{
    Q_OBJECT
public:
    explicit ExpenseListPage(UiContext &ctx, QWidget *parent = nullptr);

    ExpenseListModel *model() const { return m_model; }
    QLineEdit *categoryField() const { return m_category; }
    DateRangeFilter *dateRange() const { return m_dates; }
    QPushButton *newButton() const { return m_new; }

protected:
    void openIndex(const QModelIndex &index) override;
    QString footerText() const override;

private:
    ExpenseListModel *m_model = nullptr;
    QLineEdit *m_category = nullptr;
    DateRangeFilter *m_dates = nullptr;
    QPushButton *m_new = nullptr;
};

} // namespace Kontor
