// Records a payment on an issued invoice or on an expense: the amount (the open balance unless
// changed), the date, the method and the bank reference. Paying more than is open needs the
// "Overpayment" box ticked; without it the ledger refuses and the dialog says so at the amount.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Kontor::Ui {
class FieldErrors;
}

namespace Kontor {

class PaymentDialog : public QDialog
{
    Q_OBJECT
public:
    PaymentDialog(UiContext &ctx, PaymentTarget target, const QString &targetId,
                  QWidget *parent = nullptr);

    // What is still open on the invoice or expense, in its currency.
    qint64 openBalance() const { return m_balance; }
    QString currency() const { return m_currency; }
    // The payment written by record(); its id is empty until one was.
    Payment payment() const { return m_payment; }

    // Records what the form says. On an error nothing is written and the error is shown at its
    // field (and returned).
    Status record();
    void accept() override;

private:
    void load();

    UiContext &m_ctx;
    PaymentTarget m_target;
    QString m_targetId;
    qint64 m_balance = 0;
    QString m_currency;
    Payment m_payment;

    QLabel *m_summary = nullptr;
    QLineEdit *m_amount = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_reference = nullptr;
    QCheckBox *m_overpayment = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
