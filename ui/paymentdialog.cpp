#include "paymentdialog.h"

#include "editorsupport.h"
#include "fielderrors.h"
#include "moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::EditorSupport;

PaymentDialog::PaymentDialog(UiContext &ctx, PaymentTarget target, const QString &targetId,
                             QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_target(target), m_targetId(targetId)
{
    setWindowTitle(tr("Record payment"));
    setObjectName(u"paymentDialog"_s);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_amount = new QLineEdit(this);
    m_amount->setObjectName(u"amount"_s);
    m_amount->setAccessibleName(tr("Amount"));
    m_amount->setAlignment(Qt::AlignRight);
    m_currencyLabel = new QLabel(this);
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currencyLabel);

    m_date = new QDateEdit(this);
    m_date->setObjectName(u"date"_s);
    m_date->setAccessibleName(tr("Payment date"));
    m_date->setCalendarPopup(true);
    m_date->setDate(ctx.ledger.store().today());

    m_method = new QComboBox(this);
    m_method->setObjectName(u"method"_s);
    m_method->setAccessibleName(tr("Payment method"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    for (const auto &[key, name] : EditorSupport::paymentMethods())
        m_method->addItem(name, key);

    m_reference = new QLineEdit(this);
    m_reference->setObjectName(u"reference"_s);
    m_reference->setAccessibleName(tr("Reference"));
    m_reference->setPlaceholderText(tr("Bank reference, cheque number, ..."));

    m_overpayment = new QCheckBox(tr("&Overpayment: more than the open balance was paid"), this);
    m_overpayment->setObjectName(u"overpayment"_s);
    m_overpayment->setAccessibleName(tr("Overpayment"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Amount:"), amountRow);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Reference:"), m_reference);
    form->addRow(QString(), m_overpayment);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(amountRow)))
        label->setBuddy(m_amount);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record payment"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"recordButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PaymentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PaymentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bind(u"amount"_s, m_amount, tr("Amount"));
    m_errors->bind(u"date"_s, m_date, tr("Date"));
    m_errors->bind(u"currency"_s, m_amount, tr("Currency"));
    m_errors->bind(u"method"_s, m_method, tr("Method"));
    m_errors->bind(u"reference"_s, m_reference, tr("Reference"));
    // Ticking the box is the answer to an overpayment error: take the mark away.
    connect(m_overpayment, &QCheckBox::toggled, this, [this] {
        if (m_errors->hasError() && m_errors->currentField() == u"amount"_s)
            m_errors->clear();
    });

    setTabOrder(m_amount, m_date);
    setTabOrder(m_date, m_method);
    setTabOrder(m_method, m_reference);
    setTabOrder(m_reference, m_overpayment);
    load();
    m_amount->setFocus();
    m_amount->selectAll();
}

void PaymentDialog::load()
{
    if (m_target == PaymentTarget::Invoice) {
        auto doc = m_ctx.ledger.document(m_targetId);
        if (!doc) {
            m_errors->show(doc.error());
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
            return;
        }
        m_currency = doc->currency;
        m_balance = doc->balanceMinor();
        m_summary->setText(tr("Invoice %1 to %2\nTotal %3, paid %4, open %5")
                               .arg(doc->number.isEmpty() ? tr("(draft)") : doc->number,
                                    doc->customerName,
                                    Ui::formatMoney(doc->totals.payable, m_currency),
                                    Ui::formatMoney(doc->paidMinor, m_currency),
                                    Ui::formatMoney(m_balance, m_currency)));
        if (!doc->isIssued() || doc->kind != DocumentKind::Invoice) {
            m_errors->show(validationError(u"invoice"_s, u"invoice-not-issued"_s,
                                           tr("A draft cannot be paid; issue it first.")));
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        }
    } else {
        auto expense = m_ctx.ledger.expense(m_targetId);
        if (!expense) {
            m_errors->show(expense.error());
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
            return;
        }
        m_currency = expense->currency;
        m_balance = expense->totalMinor - expense->paidMinor;
        m_summary->setText(tr("Expense from %1 of %2\nTotal %3, paid %4, open %5")
                               .arg(expense->supplier, Ui::formatDate(expense->date),
                                    Ui::formatMoney(expense->totalMinor, m_currency),
                                    Ui::formatMoney(expense->paidMinor, m_currency),
                                    Ui::formatMoney(m_balance, m_currency)));
    }
    m_currencyLabel->setText(m_currency);
    m_amount->setText(Ui::formatAmount(qMax<qint64>(m_balance, 0), m_currency));
}

Status PaymentDialog::record()
{
    m_errors->clear();
    auto amount = Ui::parseAmount(m_amount->text(), m_currency, u"amount"_s);
    if (!amount) {
        m_errors->show(amount.error());
        return amount.error();
    }
    Payment p;
    p.target = m_target;
    p.targetId = m_targetId;
    p.date = m_date->date();
    p.amountMinor = amount.value();
    p.currency = m_currency;
    const QString typed = m_method->currentText().trimmed();
    const int index = m_method->currentIndex();
    p.method = index >= 0 && m_method->itemText(index) == typed
        ? m_method->itemData(index).toString()
        : typed;
    p.reference = m_reference->text().trimmed();
    p.overpayment = m_overpayment->isChecked();

    auto recorded = m_ctx.ledger.recordPayment(p);
    if (!recorded) {
        m_errors->show(recorded.error());
        return recorded.error();
    }
    m_payment = recorded.value();
    Q_EMIT m_ctx.events.changed(u"payment"_s, m_payment.id);
    Q_EMIT m_ctx.events.changed(m_target == PaymentTarget::Invoice ? u"invoice"_s : u"expense"_s,
                                m_targetId);
    return {};
}

void PaymentDialog::accept()
{
    if (record())
        QDialog::accept();
}

} // namespace Kontor
