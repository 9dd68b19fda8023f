// The product and service list: search by a word of the name, archived products on request,
// "New product". Double-click or Enter opens the product's editor through the navigator.
#pragma once

#include "listpage.h"

class QCheckBox;

namespace Kontor {

class ProductListModel;

class ProductListPage : public ListPage
{
    Q_OBJECT
public:
    explicit ProductListPage(UiContext &ctx, QWidget *parent = nullptr);

    ProductListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *archivedCheck() const { return m_archived; }
    QPushButton *newButton() const { return m_new; }

protected:
    void openIndex(const QModelIndex &index) override;
    QString footerText() const override;

private:
    ProductListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_archived = nullptr;
    QPushButton *m_new = nullptr;
};

} // namespace Kontor
