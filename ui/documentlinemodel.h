// The lines of a document while it is being edited: a small in-memory table model behind the
// invoice editor's line table. It holds DocumentLine values (the ledger's own type), shows them in
// the user's locale (moneyformat) and reads what the user types back into exact integers. Text
// that cannot be read stays in its cell, marked, and is reported by firstInputError(), so a typo
// is never silently replaced or saved. Totals are not computed here: the editor runs the
// ledger's rules (computeTotals) over lines() on every change.
#pragma once

#include "entities.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace Kontor::Ui {

class DocumentLineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ProductColumn,
        DescriptionColumn,
        QuantityColumn,
        UnitColumn,
        UnitPriceColumn,
        DiscountColumn,
        TaxRateColumn,
        NetColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    using ProductLookup = std::function<std::optional<Product>(const QString &id)>;

    explicit DocumentLineModel(QObject *parent = nullptr);

    // Replaces all lines. `productNames` maps product ids to the names the Product column shows.
    void setLines(const QList<DocumentLine> &lines,
                  const QHash<QString, QString> &productNames = {});
    QList<DocumentLine> lines() const;
    const DocumentLine &line(int row) const { return m_rows.at(row).line; }

    void setCurrency(const QString &currency);
    QString currency() const { return m_currency; }
    void setTaxRates(const QList<TaxRate> &rates);
    // The rate a new line starts with.
    void setDefaultTaxRateId(const QString &id) { m_defaultTaxRateId = id; }
    QString defaultTaxRateId() const { return m_defaultTaxRateId; }
    // Resolves a product id written into the Product column (EditRole) to its record.
    void setProductLookup(ProductLookup lookup) { m_productLookup = std::move(lookup); }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Appends (row < 0) or inserts a line with quantity 1, unit C62 and the default rate;
    // returns its row.
    int addLine(int row = -1);
    // Fills a line from a product: description, unit, unit price, tax rate.
    void applyProduct(int row, const Product &product);
    bool moveLine(int from, int to);

    // The first cell holding text that could not be read (e.g. "abc" as a quantity), as an
    // error naming that cell ("lines[1].quantity").
    std::optional<Error> firstInputError() const;

    // The model's field name for a cell: "lines[2].quantity".
    static QString fieldName(int row, int column);
    // Column of a field name suffix ("quantity" -> QuantityColumn), for FieldErrors.
    static QHash<QString, int> fieldColumns();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

private:
    struct Row
    {
        DocumentLine line;
        QString productName;
        QHash<int, QString> rawText; // unreadable input, by column
        QHash<int, Error> rawError;
        QHash<int, QString> marks; // FieldErrors messages, by column
    };

    bool isCell(const QModelIndex &index) const;
    DocumentLine newLine() const;
    QString taxRateName(const QString &id) const;
    QString displayText(const Row &row, int column) const;
    QString editText(const Row &row, int column) const;
    // Reads `text` into the line; returns the error when it cannot.
    std::optional<Error> assign(Row &row, int rowIndex, int column, const QVariant &value);
    void emitRowChanged(int row);

    QList<Row> m_rows;
    QString m_currency = QStringLiteral("EUR");
    QList<TaxRate> m_taxRates;
    QString m_defaultTaxRateId;
    ProductLookup m_productLookup;
    bool m_readOnly = false;
};

} // namespace Kontor::Ui
