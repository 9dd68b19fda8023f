#include "customereditor.h"

#include "editorsupport.h"
#include "fielderrors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::EditorSupport;

namespace {

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

CustomerEditor::CustomerEditor(UiContext &ctx, const QString &customerId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"customerEditor"_s);
    if (auto company = ctx.ledger.company())
        m_companyTerms = company->paymentTermsDays;

    m_name = lineEdit(this, u"name"_s, tr("Name"));
    m_email = lineEdit(this, u"email"_s, tr("E-mail"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_vatId = lineEdit(this, u"vatId"_s, tr("VAT ID"));
    m_vatId->setPlaceholderText(tr("e.g. IT01234567890"));
    m_taxId = lineEdit(this, u"taxId"_s, tr("Tax ID"));

    auto *who = new QGroupBox(tr("Customer"), this);
    auto *whoForm = new QFormLayout(who);
    whoForm->addRow(tr("&Name:"), m_name);
    whoForm->addRow(tr("&E-mail:"), m_email);
    whoForm->addRow(tr("&VAT ID:"), m_vatId);
    whoForm->addRow(tr("Ta&x ID:"), m_taxId);

    m_terms = new QSpinBox(this);
    m_terms->setObjectName(u"paymentTerms"_s);
    m_terms->setAccessibleName(tr("Payment terms"));
    m_terms->setRange(-1, 366);
    m_terms->setSuffix(tr(" days"));
    m_terms->setSpecialValueText(tr("Company default (%n days)", nullptr, m_companyTerms));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currency"_s);
    m_currency->setAccessibleName(tr("Currency"));
    QString companyCurrency = u"EUR"_s;
    if (auto company = ctx.ledger.company())
        companyCurrency = company->currency;
    EditorSupport::fillCurrencyCombo(m_currency, tr("Company default (%1)").arg(companyCurrency));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(60);
    m_archived
        = new QCheckBox(tr("&Archived: keep the documents, stop offering this customer"), this);
    m_archived->setObjectName(u"archived"_s);
    m_archived->setAccessibleName(tr("Archived"));

    auto *terms = new QGroupBox(tr("Terms"), this);
    auto *termsForm = new QFormLayout(terms);
    termsForm->addRow(tr("Payment &terms:"), m_terms);
    termsForm->addRow(tr("C&urrency:"), m_currency);
    termsForm->addRow(tr("N&otes:"), m_notes);
    termsForm->addRow(QString(), m_archived);

    QGroupBox *billing = makeAddress(tr("Billing address"), u"billing"_s, m_billing);
    m_shippingBox = makeAddress(tr("Shipping address"), u"shipping"_s, m_shipping);
    m_sameShipping = new QCheckBox(tr("S&hip to the billing address"), this);
    m_sameShipping->setObjectName(u"sameShipping"_s);
    m_sameShipping->setAccessibleName(tr("Ship to the billing address"));
    connect(m_sameShipping, &QCheckBox::toggled, m_shippingBox, &QWidget::setDisabled);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setObjectName(u"saveButton"_s);
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_newInvoice = m_buttons->addButton(tr("New &invoice"), QDialogButtonBox::ActionRole);
    m_newInvoice->setObjectName(u"newInvoiceButton"_s);
    m_newInvoice->setIcon(EditorSupport::icon(u"new-document"_s, QStyle::SP_FileIcon));
    connect(m_newInvoice, &QPushButton::clicked, this, [this] {
        if (m_ctx.navigator && !m_customer.id.isEmpty())
            m_ctx.navigator->newDocument(DocumentKind::Invoice, m_customer.id);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomerEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CustomerEditor::reject);

    auto *grid = new QGridLayout;
    grid->addWidget(who, 0, 0);
    grid->addWidget(billing, 0, 1);
    grid->addWidget(terms, 1, 0);
    auto *shippingColumn = new QVBoxLayout;
    shippingColumn->addWidget(m_sameShipping);
    shippingColumn->addWidget(m_shippingBox);
    grid->addLayout(shippingColumn, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bind(u"name"_s, m_name, tr("Name"));
    m_errors->bind(u"email"_s, m_email, tr("E-mail"));
    m_errors->bind(u"vatId"_s, m_vatId, tr("VAT ID"));
    m_errors->bind(u"taxId"_s, m_taxId, tr("Tax ID"));
    m_errors->bind(u"paymentTermsDays"_s, m_terms, tr("Payment terms"));
    m_errors->bind(u"currency"_s, m_currency, tr("Currency"));
    m_errors->bind(u"notes"_s, m_notes, tr("Notes"));
    const std::pair<QString, AddressFields *> addresses[]
        = {{u"billingAddress"_s, &m_billing}, {u"shippingAddress"_s, &m_shipping}};
    for (const auto &[prefix, fields] : addresses) {
        const QString caption
            = fields == &m_billing ? tr("Billing address") : tr("Shipping address");
        m_errors->bind(prefix + u".street"_s, fields->street, tr("%1, street").arg(caption));
        m_errors->bind(prefix + u".additional"_s, fields->additional,
                       tr("%1, additional line").arg(caption));
        m_errors->bind(prefix + u".postalCode"_s, fields->postalCode,
                       tr("%1, postal code").arg(caption));
        m_errors->bind(prefix + u".city"_s, fields->city, tr("%1, city").arg(caption));
        m_errors->bind(prefix + u".region"_s, fields->region, tr("%1, region").arg(caption));
        m_errors->bind(prefix + u".country"_s, fields->country, tr("%1, country").arg(caption));
    }

    // Reading order: the customer, then the billing address, then terms and shipping.
    setTabOrder(m_name, m_email);
    setTabOrder(m_email, m_vatId);
    setTabOrder(m_vatId, m_taxId);
    setTabOrder(m_taxId, m_billing.street);
    setTabOrder(m_billing.street, m_billing.additional);
    setTabOrder(m_billing.additional, m_billing.postalCode);
    setTabOrder(m_billing.postalCode, m_billing.city);
    setTabOrder(m_billing.city, m_billing.region);
    setTabOrder(m_billing.region, m_billing.country);
    setTabOrder(m_billing.country, m_terms);
    setTabOrder(m_terms, m_currency);
    setTabOrder(m_currency, m_notes);
    setTabOrder(m_notes, m_archived);
    setTabOrder(m_archived, m_sameShipping);

    m_customer.id = customerId;
    load();
    m_name->setFocus();
}

QGroupBox *CustomerEditor::makeAddress(const QString &title, const QString &field,
                                       AddressFields &fields)
{
    auto *box = new QGroupBox(title, this);
    box->setObjectName(field + u"Address"_s);
    fields.street = lineEdit(box, field + u"Street"_s, tr("%1, street").arg(title));
    fields.additional
        = lineEdit(box, field + u"Additional"_s, tr("%1, additional line").arg(title));
    fields.postalCode = lineEdit(box, field + u"PostalCode"_s, tr("%1, postal code").arg(title));
    fields.city = lineEdit(box, field + u"City"_s, tr("%1, city").arg(title));
    fields.region = lineEdit(box, field + u"Region"_s, tr("%1, region").arg(title));
    fields.country = new QComboBox(box);
    fields.country->setObjectName(field + u"Country"_s);
    fields.country->setAccessibleName(tr("%1, country").arg(title));
    EditorSupport::fillCountryCombo(fields.country);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Street:"), fields.street);
    form->addRow(tr("Additional line:"), fields.additional);
    auto *cityRow = new QHBoxLayout;
    cityRow->addWidget(fields.postalCode, 1);
    cityRow->addWidget(fields.city, 3);
    form->addRow(tr("Postal code, city:"), cityRow);
    form->addRow(tr("Region:"), fields.region);
    form->addRow(tr("Country:"), fields.country);
    return box;
}

void CustomerEditor::setAddress(AddressFields &fields, const PostalAddress &a)
{
    fields.street->setText(a.street);
    fields.additional->setText(a.additional);
    fields.postalCode->setText(a.postalCode);
    fields.city->setText(a.city);
    fields.region->setText(a.region);
    if (!EditorSupport::selectData(fields.country, a.country)) {
        // A code the list does not know (it came from another device): keep it visible, so the
        // ledger's rule names it rather than the form dropping it.
        fields.country->addItem(a.country, a.country);
        EditorSupport::selectData(fields.country, a.country);
    }
}

PostalAddress CustomerEditor::address(const AddressFields &fields) const
{
    PostalAddress a;
    a.street = fields.street->text().trimmed();
    a.additional = fields.additional->text().trimmed();
    a.postalCode = fields.postalCode->text().trimmed();
    a.city = fields.city->text().trimmed();
    a.region = fields.region->text().trimmed();
    a.country = fields.country->currentData().toString();
    return a;
}

void CustomerEditor::load()
{
    if (m_customer.id.isEmpty()) {
        setWindowTitle(tr("New customer"));
        if (auto company = m_ctx.ledger.company())
            EditorSupport::selectData(m_billing.country, company->address.country);
        m_terms->setValue(-1);
        m_currency->setCurrentIndex(0);
        m_sameShipping->setChecked(true);
        m_newInvoice->setVisible(false);
        return;
    }
    auto loaded = m_ctx.ledger.customer(m_customer.id);
    if (!loaded) {
        setWindowTitle(tr("Customer"));
        m_errors->show(loaded.error());
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_customer = loaded.value();
    setWindowTitle(tr("Customer %1").arg(m_customer.name));
    m_name->setText(m_customer.name);
    m_email->setText(m_customer.email);
    m_vatId->setText(m_customer.vatId);
    m_taxId->setText(m_customer.taxId);
    setAddress(m_billing, m_customer.billingAddress);
    setAddress(m_shipping, m_customer.shippingAddress);
    m_sameShipping->setChecked(m_customer.shippingAddress == PostalAddress());
    m_terms->setValue(m_customer.paymentTermsDays);
    EditorSupport::setCurrency(m_currency, m_customer.currency);
    m_notes->setPlainText(m_customer.notes);
    m_archived->setChecked(m_customer.archived);
    m_newInvoice->setVisible(m_ctx.navigator != nullptr);
}

void CustomerEditor::setInitialName(const QString &name)
{
    if (m_customer.id.isEmpty())
        m_name->setText(name);
}

Customer CustomerEditor::customer() const
{
    Customer c = m_customer;
    c.name = m_name->text().trimmed();
    c.email = m_email->text().trimmed();
    // VAT IDs are printed with spaces and in lower case as often as not; the rule wants them
    // compact and upper case, which is unambiguous to restore.
    c.vatId = m_vatId->text().remove(u' ').trimmed().toUpper();
    c.taxId = m_taxId->text().trimmed();
    c.billingAddress = address(m_billing);
    c.shippingAddress = m_sameShipping->isChecked() ? PostalAddress() : address(m_shipping);
    c.paymentTermsDays = m_terms->value();
    c.currency = EditorSupport::currency(m_currency);
    c.notes = m_notes->toPlainText();
    c.archived = m_archived->isChecked();
    return c;
}

Status CustomerEditor::save()
{
    m_errors->clear();
    Customer c = customer();
    if (c.id.isEmpty()) {
        auto added = m_ctx.ledger.addCustomer(c);
        if (!added) {
            m_errors->show(added.error());
            return added.error();
        }
        c = added.value();
    } else {
        auto updated = m_ctx.ledger.updateCustomer(c);
        if (!updated) {
            m_errors->show(updated.error());
            return updated.error();
        }
    }
    m_customer = c;
    setWindowTitle(tr("Customer %1").arg(c.name));
    m_newInvoice->setVisible(m_ctx.navigator != nullptr);
    Q_EMIT m_ctx.events.changed(u"customer"_s, c.id);
    return {};
}

void CustomerEditor::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace Kontor
