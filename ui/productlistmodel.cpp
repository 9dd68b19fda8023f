#include "productlistmodel.h"

#include "editorsupport.h"
#include "moneyformat.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Kontor {

ProductListModel::ProductListModel(UiContext &ctx, QObject *parent)
    : PagedRows<Product>(ctx, parent)
{
    loadLookups();
    reloadOn({"product", "tax_rate", "company"});
    // Tax rate names and the default currency are read once per reload, not once per cell.
    connect(&ctx.events, &LedgerEvents::changed, this, [this](const QString &entity) {
        if (entity == u"tax_rate"_s || entity == u"company"_s)
            loadLookups();
    });
    reload();
}

void ProductListModel::loadLookups()
{
    const auto company = m_ctx.ledger.company();
    m_companyCurrency = company ? company->currency : u"EUR"_s;
    m_rates.clear();
    const auto rates = m_ctx.ledger.taxRates(true);
    if (rates) {
        for (const TaxRate &r : rates.value())
            m_rates.insert(r.id, r);
    }
}

QString ProductListModel::currencyOf(const Product &p) const
{
    return p.currency.isEmpty() ? m_companyCurrency : p.currency;
}

int ProductListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Product &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.archived ? tr("%1 (archived)").arg(p.name) : p.name;
        case DescriptionColumn:
            // One line in the table; the editor shows the rest.
            return p.description.section(u'\n', 0, 0);
        case UnitColumn:
            // Not the UN/ECE code ("HUR") but the name the editors show, in the UI language.
            return Ui::EditorSupport::unitName(p.unit);
        case PriceColumn:
            // Unit prices may carry more decimals than money; the currency code keeps it plain.
            return QString(Ui::formatUnitPrice(p.unitPrice, currencyOf(p)) + QChar(0x00A0)
                           + currencyOf(p));
        case TaxColumn: {
            const auto it = m_rates.constFind(p.taxRateId);
            if (it == m_rates.cend())
                return QString();
            return tr("%1 (%2)").arg(it->name, Ui::formatPercent(it->rateBp));
        }
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return p.name;
        case DescriptionColumn:
            return p.description;
        case UnitColumn:
            return p.unit;
        case PriceColumn:
            return p.unitPrice;
        case TaxColumn:
            return p.taxRateId;
        }
        return {};
    case IdRole:
        return p.id;
    case Qt::TextAlignmentRole:
        return index.column() == PriceColumn ? QVariant(Ui::AmountAlignment) : QVariant();
    case Qt::ForegroundRole:
        if (p.archived)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant ProductListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == PriceColumn ? QVariant(Ui::AmountAlignment) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case UnitColumn:
        return tr("Unit");
    case PriceColumn:
        return tr("Unit price");
    case TaxColumn:
        return tr("VAT rate");
    }
    return {};
}

void ProductListModel::setSearchText(const QString &text)
{
    const QString search = text.trimmed();
    if (search == m_query.search)
        return;
    m_query.search = search;
    restart();
}

void ProductListModel::setIncludeArchived(bool include)
{
    if (include == m_query.includeArchived)
        return;
    m_query.includeArchived = include;
    restart();
}

Result<Page<Product>> ProductListModel::query(const QString &cursor, int limit) const
{
    ProductQuery q = m_query;
    q.after = cursor;
    q.limit = limit;
    return m_ctx.ledger.products(q);
}

} // namespace Kontor
