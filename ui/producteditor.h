// Creates or edits a product or service: name, description, unit (UN/ECE codes shown by name:
// piece, hour, day, ...), unit price, currency and tax rate. What a product holds is what an
// invoice line picking it starts with.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Kontor::Ui {
class FieldErrors;
}

namespace Kontor {

class ProductEditor : public QDialog
{
    Q_OBJECT
public:
    // An empty id edits a new product.
    ProductEditor(UiContext &ctx, const QString &productId, QWidget *parent = nullptr);

    QString productId() const { return m_product.id; }
    // The product as the form describes it; an unreadable price is reported by save().
    Product product() const;

    Status save();
    void accept() override;

private:
    void load();
    QString priceCurrency() const;

    UiContext &m_ctx;
    Product m_product;
    QString m_companyCurrency = QStringLiteral("EUR");

    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_unit = nullptr;
    QLineEdit *m_price = nullptr;
    QComboBox *m_currency = nullptr;
    QComboBox *m_taxRate = nullptr;
    QCheckBox *m_archived = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
