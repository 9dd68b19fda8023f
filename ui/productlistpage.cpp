#include "productlistpage.h"

#include "listtableview.h"
#include "productlistmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Kontor {

ProductListPage::ProductListPage(UiContext &ctx, QWidget *parent) : ListPage(ctx, parent)
{
    setObjectName(u"productListPage"_s);
    m_model = new ProductListModel(ctx, this);
    m_search = addSearchField(tr("&Search:"), tr("A word of the name"),
                              tr("Search products and services"),
                              [this](const QString &text) { m_model->setSearchText(text); });
    m_search->setObjectName(u"searchField"_s);
    m_new = addButton(tr("&New product"), u"add"_s, u"list-add"_s, tr("New product or service"));
    m_new->setObjectName(u"newButton"_s);
    topBar()->addWidget(m_new);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (m_ctx.navigator)
            m_ctx.navigator->openProduct({});
    });
    m_archived = new QCheckBox(tr("Show &archived"), this);
    m_archived->setObjectName(u"archivedCheck"_s);
    m_archived->setAccessibleName(tr("Show archived products"));
    filterBar()->addWidget(m_archived);
    filterBar()->addStretch(1);
    connect(m_archived, &QCheckBox::toggled, m_model, &ProductListModel::setIncludeArchived);

    view()->setAccessibleName(tr("Products and services"));
    setListModel(m_model);
    QHeaderView *header = view()->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSortIndicator(ProductListModel::NameColumn, Qt::AscendingOrder);
    header->setSectionsClickable(false);

    setTabOrder(m_search, m_new);
    setTabOrder(m_new, m_archived);
    setTabOrder(m_archived, view());
    setInitialFocus(m_search);
}

void ProductListPage::openIndex(const QModelIndex &index)
{
    const QString id = index.data(PagedListModel::IdRole).toString();
    if (!id.isEmpty() && m_ctx.navigator)
        m_ctx.navigator->openProduct(id);
}

QString ProductListPage::footerText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0 && m_model->errorText().isEmpty())
        return m_model->query().search.isEmpty() ? tr("No products or services yet.")
                                                 : tr("No product name contains that.");
    const QString count = QLocale().toString(rows);
    return m_model->hasMore() ? tr("First %1 products shown; more load as you scroll.").arg(count)
                              : tr("Products shown: %1").arg(count);
}

} // namespace Kontor
