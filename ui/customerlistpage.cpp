#include "customerlistpage.h"

#include "customerlistmodel.h"
#include "listtableview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Kontor {

CustomerListPage::CustomerListPage(UiContext &ctx, QWidget *parent) : ListPage(ctx, parent)
{
    setObjectName(u"customerListPage"_s);
    m_model = new CustomerListModel(ctx, this);
    m_search = addSearchField(tr("&Search:"), tr("Start of the name"), tr("Search customers"),
                              [this](const QString &text) { m_model->setSearchText(text); });
    m_search->setObjectName(u"searchField"_s);

    m_new = addButton(tr("&New customer"), u"new-customer"_s, u"contact-new"_s, tr("New customer"));
    m_new->setObjectName(u"newButton"_s);
    topBar()->addWidget(m_new);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (m_ctx.navigator)
            m_ctx.navigator->openCustomer({});
    });
    m_newInvoice = addButton(tr("New &invoice for customer"), u"new-document"_s, u"document-new"_s,
                             tr("New invoice for the selected customer"));
    m_newInvoice->setObjectName(u"newInvoiceButton"_s);
    m_newInvoice->setEnabled(false);
    topBar()->addWidget(m_newInvoice);
    connect(m_newInvoice, &QPushButton::clicked, this, [this] {
        const QString id = view()->currentId();
        if (!id.isEmpty() && m_ctx.navigator)
            m_ctx.navigator->newDocument(DocumentKind::Invoice, id);
    });

    m_archived = new QCheckBox(tr("Show &archived"), this);
    m_archived->setObjectName(u"archivedCheck"_s);
    m_archived->setAccessibleName(tr("Show archived customers"));
    filterBar()->addWidget(m_archived);
    filterBar()->addStretch(1);
    connect(m_archived, &QCheckBox::toggled, m_model, &CustomerListModel::setIncludeArchived);

    view()->setAccessibleName(tr("Customers"));
    setListModel(m_model);
    // The ledger lists customers by name only; the header says so and does not pretend more.
    QHeaderView *header = view()->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSortIndicator(CustomerListModel::NameColumn, Qt::AscendingOrder);
    header->setSectionsClickable(false);
    // Enabled for a selected row, not merely a current one: focus alone makes a row current.
    auto updateNewInvoice
        = [this] { m_newInvoice->setEnabled(view()->selectionModel()->hasSelection()); };
    connect(view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            updateNewInvoice);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateNewInvoice);

    setTabOrder(m_search, m_new);
    setTabOrder(m_new, m_newInvoice);
    setTabOrder(m_newInvoice, m_archived);
    setTabOrder(m_archived, view());
    setInitialFocus(m_search);
}

void CustomerListPage::openIndex(const QModelIndex &index)
{
    const QString id = index.data(PagedListModel::IdRole).toString();
    if (!id.isEmpty() && m_ctx.navigator)
        m_ctx.navigator->openCustomer(id);
}

QString CustomerListPage::footerText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0 && m_model->errorText().isEmpty())
        return m_model->query().search.isEmpty() ? tr("No customers yet.")
                                                 : tr("No customer name starts with that.");
    // Worded without plural forms, so every count reads right in every language.
    const QString count = QLocale().toString(rows);
    return m_model->hasMore() ? tr("First %1 customers shown; more load as you scroll.").arg(count)
                              : tr("Customers shown: %1").arg(count);
}

} // namespace Kontor
