#include "customerlistmodel.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Kontor {

CustomerListModel::CustomerListModel(UiContext &ctx, QObject *parent)
    : PagedRows<Customer>(ctx, parent)
{
    reloadOn({"customer"});
    reload();
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            if (role == Qt::DisplayRole && c.archived)
                return tr("%1 (archived)").arg(c.name);
            return c.name;
        case EmailColumn:
            return c.email;
        case VatIdColumn:
            return c.vatId;
        case CityColumn:
            return c.billingAddress.city;
        case CountryColumn:
            return c.billingAddress.country;
        }
        return {};
    case IdRole:
        return c.id;
    case Qt::ForegroundRole:
        if (c.archived)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case VatIdColumn:
        return tr("VAT ID");
    case CityColumn:
        return tr("City");
    case CountryColumn:
        return tr("Country");
    }
    return {};
}

void CustomerListModel::setSearchText(const QString &text)
{
    const QString search = text.trimmed();
    if (search == m_query.search)
        return;
    m_query.search = search;
    restart();
}

void CustomerListModel::setIncludeArchived(bool include)
{
    if (include == m_query.includeArchived)
        return;
    m_query.includeArchived = include;
    restart();
}

Result<Page<Customer>> CustomerListModel::query(const QString &cursor, int limit) const
{
    CustomerQuery q = m_query;
    q.after = cursor;
    q.limit = limit;
    return m_ctx.ledger.customers(q);
}

} // namespace Kontor
