#include "producteditor.h"

#include "editorsupport.h"
#include "fielderrors.h"
#include "moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::EditorSupport;

ProductEditor::ProductEditor(UiContext &ctx, const QString &productId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"productEditor"_s);
    if (auto company = ctx.ledger.company())
        m_companyCurrency = company->currency;

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Name"));
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(u"unit"_s);
    m_unit->setAccessibleName(tr("Unit"));
    EditorSupport::fillUnitCombo(m_unit);
    m_price = new QLineEdit(this);
    m_price->setObjectName(u"unitPrice"_s);
    m_price->setAccessibleName(tr("Unit price"));
    m_price->setAlignment(Qt::AlignRight);
    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currency"_s);
    m_currency->setAccessibleName(tr("Currency"));
    EditorSupport::fillCurrencyCombo(m_currency, tr("Company default (%1)").arg(m_companyCurrency));
    m_taxRate = new QComboBox(this);
    m_taxRate->setObjectName(u"taxRate"_s);
    m_taxRate->setAccessibleName(tr("Tax rate"));
    if (auto rates = ctx.ledger.taxRates()) {
        for (const TaxRate &r : rates.value())
            m_taxRate->addItem(r.name, r.id);
        // The highest standard rate is what most sales carry.
        int best = -1;
        for (const TaxRate &r : rates.value())
            if (r.category == TaxCategory::Standard && (best < 0 || r.rateBp > best)) {
                best = r.rateBp;
                EditorSupport::selectData(m_taxRate, r.id);
            }
    }
    m_archived = new QCheckBox(tr("&Archived: no longer offered on new lines"), this);
    m_archived->setObjectName(u"archived"_s);
    m_archived->setAccessibleName(tr("Archived"));

    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(m_price, 2);
    priceRow->addWidget(m_currency, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("Unit &price:"), priceRow);
    form->addRow(tr("&Tax rate:"), m_taxRate);
    form->addRow(QString(), m_archived);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(priceRow)))
        label->setBuddy(m_price);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Save)->setShortcut(QKeySequence::Save);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProductEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProductEditor::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bind(u"name"_s, m_name, tr("Name"));
    m_errors->bind(u"description"_s, m_description, tr("Description"));
    m_errors->bind(u"unit"_s, m_unit, tr("Unit"));
    m_errors->bind(u"unitPrice"_s, m_price, tr("Unit price"));
    m_errors->bind(u"currency"_s, m_currency, tr("Currency"));
    m_errors->bind(u"taxRate"_s, m_taxRate, tr("Tax rate"));

    setTabOrder(m_name, m_description);
    setTabOrder(m_description, m_unit);
    setTabOrder(m_unit, m_price);
    setTabOrder(m_price, m_currency);
    setTabOrder(m_currency, m_taxRate);
    setTabOrder(m_taxRate, m_archived);

    m_product.id = productId;
    load();
    m_name->setFocus();
}

void ProductEditor::load()
{
    if (m_product.id.isEmpty()) {
        setWindowTitle(tr("New product"));
        EditorSupport::setUnit(m_unit, u"C62"_s);
        m_currency->setCurrentIndex(0);
        m_price->setText(Ui::formatUnitPrice(0, m_companyCurrency));
        return;
    }
    auto loaded = m_ctx.ledger.product(m_product.id);
    if (!loaded) {
        setWindowTitle(tr("Product"));
        m_errors->show(loaded.error());
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_product = loaded.value();
    setWindowTitle(tr("Product %1").arg(m_product.name));
    m_name->setText(m_product.name);
    m_description->setPlainText(m_product.description);
    EditorSupport::setUnit(m_unit, m_product.unit);
    EditorSupport::setCurrency(m_currency, m_product.currency);
    m_price->setText(Ui::formatUnitPrice(m_product.unitPrice, priceCurrency()));
    if (!EditorSupport::selectData(m_taxRate, m_product.taxRateId)) {
        // An archived rate is not in the list of active rates; keep it as it is.
        if (auto rate = m_ctx.ledger.taxRate(m_product.taxRateId)) {
            m_taxRate->addItem(rate->name, rate->id);
            EditorSupport::selectData(m_taxRate, rate->id);
        }
    }
    m_archived->setChecked(m_product.archived);
}

QString ProductEditor::priceCurrency() const
{
    const QString code = EditorSupport::currency(m_currency);
    return code.isEmpty() ? m_companyCurrency : code;
}

Product ProductEditor::product() const
{
    Product p = m_product;
    p.name = m_name->text().trimmed();
    p.description = m_description->toPlainText().trimmed();
    p.unit = EditorSupport::unit(m_unit);
    p.currency = EditorSupport::currency(m_currency);
    p.taxRateId = m_taxRate->currentData().toString();
    p.archived = m_archived->isChecked();
    if (auto price = Ui::parseUnitPrice(m_price->text(), priceCurrency(), u"unitPrice"_s))
        p.unitPrice = price.value();
    return p;
}

Status ProductEditor::save()
{
    m_errors->clear();
    auto price = Ui::parseUnitPrice(m_price->text(), priceCurrency(), u"unitPrice"_s);
    if (!price) {
        m_errors->show(price.error());
        return price.error();
    }
    Product p = product();
    p.unitPrice = price.value();
    if (p.id.isEmpty()) {
        auto added = m_ctx.ledger.addProduct(p);
        if (!added) {
            m_errors->show(added.error());
            return added.error();
        }
        p = added.value();
    } else if (auto updated = m_ctx.ledger.updateProduct(p); !updated) {
        m_errors->show(updated.error());
        return updated.error();
    }
    m_product = p;
    setWindowTitle(tr("Product %1").arg(p.name));
    Q_EMIT m_ctx.events.changed(u"product"_s, p.id);
    return {};
}

void ProductEditor::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace Kontor
