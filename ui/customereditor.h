// Creates or edits a customer: name, e-mail, VAT and tax IDs, billing and shipping address,
// payment terms, currency, notes, and archiving (an archived customer keeps its documents but is
// no longer offered in pickers). A rule the input breaks is shown at the field, in words, and
// nothing is written.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Kontor::Ui {
class FieldErrors;
}

namespace Kontor {

class CustomerEditor : public QDialog
{
    Q_OBJECT
public:
    // An empty id edits a new customer.
    CustomerEditor(UiContext &ctx, const QString &customerId, QWidget *parent = nullptr);

    // The customer's id; for a new customer empty until save() succeeded.
    QString customerId() const { return m_customer.id; }
    // Starts a new customer with a name, e.g. what was typed into a document's customer field.
    void setInitialName(const QString &name);
    // The customer as the form describes it now.
    Customer customer() const;

    // Writes the form. On an error nothing is written and the error is shown at its field.
    Status save();
    void accept() override;

private:
    struct AddressFields
    {
        QLineEdit *street = nullptr;
        QLineEdit *additional = nullptr;
        QLineEdit *postalCode = nullptr;
        QLineEdit *city = nullptr;
        QLineEdit *region = nullptr;
        QComboBox *country = nullptr;
    };
    QGroupBox *makeAddress(const QString &title, const QString &field, AddressFields &fields);
    void setAddress(AddressFields &fields, const PostalAddress &address);
    PostalAddress address(const AddressFields &fields) const;
    void load();

    UiContext &m_ctx;
    Customer m_customer;
    int m_companyTerms = 30;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_vatId = nullptr;
    QLineEdit *m_taxId = nullptr;
    AddressFields m_billing;
    AddressFields m_shipping;
    QCheckBox *m_sameShipping = nullptr;
    QGroupBox *m_shippingBox = nullptr;
    QSpinBox *m_terms = nullptr;
    QComboBox *m_currency = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QCheckBox *m_archived = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_newInvoice = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
