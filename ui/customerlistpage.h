// The customer list: search by the start of a name, archived customers on request, "New
// customer" and "New invoice" for the selected customer. Double-click or Enter opens the
// customer's editor through the navigator.
#pragma once

#include "listpage.h"

class QCheckBox;

namespace Kontor {

class CustomerListModel;

class CustomerListPage : public ListPage
{
    Q_OBJECT
public:
    explicit CustomerListPage(UiContext &ctx, QWidget *parent = nullptr);

    CustomerListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *archivedCheck() const { return m_archived; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *newInvoiceButton() const { return m_newInvoice; }

protected:
    void openIndex(const QModelIndex &index) override;
    QString footerText() const override;

private:
    CustomerListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_archived = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_newInvoice = nullptr;
};

} // namespace Kontor
