#include "documentlinemodel.h"

#include "editorsupport.h"
#include "fielderrors.h"
#include "money.h"
#include "moneyformat.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

const char *const kFieldNames[DocumentLineModel::ColumnCount]
    = {"product", "description", "quantity", "unit", "unitPrice", "discount", "taxRate", "net"};

bool isNumeric(int column)
{
    return column == DocumentLineModel::QuantityColumn
        || column == DocumentLineModel::UnitPriceColumn
        || column == DocumentLineModel::DiscountColumn || column == DocumentLineModel::NetColumn;
}

} // namespace

DocumentLineModel::DocumentLineModel(QObject *parent) : QAbstractTableModel(parent) { }

bool DocumentLineModel::isCell(const QModelIndex &index) const
{
    // Views and the model tester ask about the invalid index too; that is no misuse.
    return index.isValid()
        && checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

QString DocumentLineModel::fieldName(int row, int column)
{
    return u"lines[%1].%2"_s.arg(row).arg(QLatin1StringView(kFieldNames[column]));
}

QHash<QString, int> DocumentLineModel::fieldColumns()
{
    QHash<QString, int> out;
    for (int c = 0; c < ColumnCount; ++c)
        out.insert(QString::fromLatin1(kFieldNames[c]), c);
    return out;
}

void DocumentLineModel::setLines(const QList<DocumentLine> &lines,
                                 const QHash<QString, QString> &productNames)
{
    beginResetModel();
    m_rows.clear();
    for (const DocumentLine &l : lines)
        m_rows.append(Row {l, productNames.value(l.productId), {}, {}, {}});
    endResetModel();
}

QList<DocumentLine> DocumentLineModel::lines() const
{
    QList<DocumentLine> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.line);
    return out;
}

void DocumentLineModel::setCurrency(const QString &currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, UnitPriceColumn), index(rowCount() - 1, NetColumn),
                           {Qt::DisplayRole, Qt::EditRole});
}

void DocumentLineModel::setTaxRates(const QList<TaxRate> &rates)
{
    m_taxRates = rates;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TaxRateColumn), index(rowCount() - 1, TaxRateColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

void DocumentLineModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    // Flags are not covered by dataChanged; views re-read them on layout changes.
    Q_EMIT layoutAboutToBeChanged();
    m_readOnly = readOnly;
    Q_EMIT layoutChanged();
}

DocumentLine DocumentLineModel::newLine() const
{
    DocumentLine l;
    l.quantity = QuantityScale;
    l.unit = u"C62"_s;
    l.taxRateId = m_defaultTaxRateId;
    return l;
}

int DocumentLineModel::addLine(int row)
{
    if (row < 0 || row > rowCount())
        row = rowCount();
    insertRows(row, 1);
    return row;
}

void DocumentLineModel::applyProduct(int row, const Product &product)
{
    if (row < 0 || row >= rowCount())
        return;
    Row &r = m_rows[row];
    r.line.productId = product.id;
    r.productName = product.name;
    r.line.description = product.description.trimmed().isEmpty()
        ? product.name
        : u"%1 – %2"_s.arg(product.name, product.description.trimmed());
    r.line.unit = product.unit;
    r.line.unitPrice = product.unitPrice;
    if (!product.taxRateId.isEmpty())
        r.line.taxRateId = product.taxRateId;
    r.rawText.clear();
    r.rawError.clear();
    emitRowChanged(row);
}

bool DocumentLineModel::moveLine(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to)
        return false;
    // moveRows takes the row before which the moved row lands.
    return moveRows({}, from, 1, {}, to > from ? to + 1 : to);
}

std::optional<Error> DocumentLineModel::firstInputError() const
{
    for (const Row &r : m_rows) {
        for (int c = 0; c < ColumnCount; ++c)
            if (r.rawError.contains(c))
                return r.rawError.value(c);
    }
    return std::nullopt;
}

int DocumentLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DocumentLineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DocumentLineModel::taxRateName(const QString &id) const
{
    for (const TaxRate &r : m_taxRates)
        if (r.id == id)
            return r.name;
    return id.isEmpty() ? QString() : tr("Unknown rate");
}

QString DocumentLineModel::displayText(const Row &row, int column) const
{
    if (row.rawText.contains(column))
        return row.rawText.value(column);
    const DocumentLine &l = row.line;
    switch (column) {
    case ProductColumn:
        return row.productName;
    case DescriptionColumn:
        return l.description;
    case QuantityColumn:
        return formatQuantity(l.quantity);
    case UnitColumn:
        return EditorSupport::unitName(l.unit);
    case UnitPriceColumn:
        return formatUnitPrice(l.unitPrice, m_currency);
    case DiscountColumn:
        return l.discountBp ? formatPercent(l.discountBp) : QString();
    case TaxRateColumn:
        return taxRateName(l.taxRateId);
    case NetColumn: {
        auto amounts = computeLineAmounts(l.quantity, l.unitPrice, l.discountBp, {});
        return amounts ? formatAmount(amounts->net, m_currency) : u"—"_s;
    }
    }
    return {};
}

QString DocumentLineModel::editText(const Row &row, int column) const
{
    if (row.rawText.contains(column))
        return row.rawText.value(column);
    const DocumentLine &l = row.line;
    switch (column) {
    case ProductColumn:
        return l.productId;
    case UnitColumn:
        return l.unit;
    case TaxRateColumn:
        return l.taxRateId;
    case DiscountColumn:
        return l.discountBp ? formatPercent(l.discountBp).remove(u" %"_s) : QString();
    default:
        return displayText(row, column);
    }
}

QVariant DocumentLineModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::EditRole:
        return editText(row, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                 : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (row.marks.contains(column))
            return row.marks.value(column);
        if (row.rawError.contains(column))
            return FieldErrors::describe(row.rawError.value(column));
        if (column == UnitColumn)
            return row.line.unit;
        return {};
    case Qt::BackgroundRole:
        if (row.marks.contains(column) || row.rawError.contains(column))
            return FieldErrors::tint(QGuiApplication::palette());
        return {};
    case FieldErrorRole:
        return row.marks.contains(column) ? QVariant(row.marks.value(column)) : QVariant();
    default:
        return {};
    }
}

QVariant DocumentLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case ProductColumn:
        return tr("Product");
    case DescriptionColumn:
        return tr("Description");
    case QuantityColumn:
        return tr("Quantity");
    case UnitColumn:
        return tr("Unit");
    case UnitPriceColumn:
        return tr("Unit price");
    case DiscountColumn:
        return tr("Discount %");
    case TaxRateColumn:
        return tr("VAT rate");
    case NetColumn:
        return tr("Net amount");
    }
    return {};
}

Qt::ItemFlags DocumentLineModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!m_readOnly && index.column() != NetColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

std::optional<Error> DocumentLineModel::assign(Row &row, int rowIndex, int column,
                                               const QVariant &value)
{
    const QString field = fieldName(rowIndex, column);
    const QString text = value.toString().trimmed();
    DocumentLine &l = row.line;
    switch (column) {
    case ProductColumn:
        if (text.isEmpty()) {
            l.productId.clear();
            row.productName.clear();
            return std::nullopt;
        }
        if (m_productLookup) {
            if (const auto product = m_productLookup(text)) {
                const Product p = *product;
                applyProduct(rowIndex, p);
                return std::nullopt;
            }
        }
        return validationError(field, u"unknown-product"_s,
                               tr("There is no such product; pick one from the list."));
    case DescriptionColumn:
        l.description = value.toString();
        return std::nullopt;
    case QuantityColumn: {
        auto q = parseQuantity(text, field);
        if (!q)
            return q.error();
        l.quantity = q.value();
        return std::nullopt;
    }
    case UnitColumn: {
        QString code = text;
        for (const UnitCode &u : EditorSupport::commonUnits()) {
            if (text.compare(u.code, Qt::CaseInsensitive) == 0
                || text.compare(u.name, Qt::CaseInsensitive) == 0
                || text.compare(u"%1 (%2)"_s.arg(u.name, u.code), Qt::CaseInsensitive) == 0)
                code = u.code;
        }
        // Codes outside the list are kept; the ledger's rules judge them.
        l.unit = code.toUpper();
        return std::nullopt;
    }
    case UnitPriceColumn: {
        auto p = parseUnitPrice(text, m_currency, field);
        if (!p)
            return p.error();
        l.unitPrice = p.value();
        return std::nullopt;
    }
    case DiscountColumn: {
        if (text.isEmpty()) {
            l.discountBp = 0;
            return std::nullopt;
        }
        auto d = parsePercent(text, field);
        if (!d)
            return d.error();
        l.discountBp = d.value();
        return std::nullopt;
    }
    case TaxRateColumn: {
        for (const TaxRate &r : std::as_const(m_taxRates)) {
            if (r.id == text || r.name.compare(text, Qt::CaseInsensitive) == 0) {
                l.taxRateId = r.id;
                return std::nullopt;
            }
        }
        // "22" or "22 %": the one active rate of that percentage, if there is exactly one.
        if (auto bp = parsePercent(text, field)) {
            const TaxRate *match = nullptr;
            int matches = 0;
            for (const TaxRate &r : std::as_const(m_taxRates)) {
                if (!r.archived && r.rateBp == bp.value()
                    && (r.category == TaxCategory::Standard || r.category == TaxCategory::Zero)) {
                    match = &r;
                    ++matches;
                }
            }
            if (matches == 1) {
                l.taxRateId = match->id;
                return std::nullopt;
            }
        }
        return validationError(field, u"unknown-tax-rate"_s,
                               tr("There is no tax rate '%1'.").arg(text));
    }
    }
    return std::nullopt;
}

bool DocumentLineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index))
        return false;
    Row &row = m_rows[index.row()];
    const int column = index.column();
    if (role == FieldErrorRole) {
        if (value.isValid() && !value.toString().isEmpty())
            row.marks.insert(column, value.toString());
        else if (!row.marks.remove(column))
            return true;
        Q_EMIT dataChanged(index, index, {FieldErrorRole, Qt::BackgroundRole, Qt::ToolTipRole});
        return true;
    }
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    if (value.toString() == editText(row, column) && !row.rawText.contains(column))
        return true;
    if (auto error = assign(row, index.row(), column, value)) {
        // Keep what the user typed, visibly wrong, rather than losing or guessing it.
        Row &again = m_rows[index.row()];
        again.rawText.insert(column, value.toString());
        again.rawError.insert(column, *error);
    } else {
        Row &again = m_rows[index.row()];
        again.rawText.remove(column);
        again.rawError.remove(column);
    }
    emitRowChanged(index.row());
    return true;
}

void DocumentLineModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, Qt::BackgroundRole});
}

bool DocumentLineModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count < 1 || m_readOnly)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_rows.insert(row, Row {newLine(), {}, {}, {}, {}});
    endInsertRows();
    return true;
}

bool DocumentLineModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount() || m_readOnly)
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return true;
}

bool DocumentLineModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                 const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || m_readOnly || count < 1
        || sourceRow < 0 || sourceRow + count > rowCount() || destinationChild < 0
        || destinationChild > rowCount())
        return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false; // a move onto itself
    if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent,
                       destinationChild))
        return false;
    QList<Row> moving = m_rows.mid(sourceRow, count);
    m_rows.remove(sourceRow, count);
    const int target = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_rows.insert(target + i, moving.at(i));
    endMoveRows();
    return true;
}

} // namespace Kontor::Ui
