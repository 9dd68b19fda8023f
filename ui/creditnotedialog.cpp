#include "creditnotedialog.h"

#include "editorsupport.h"
#include "fielderrors.h"
#include "moneyformat.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

CreditNoteDialog::CreditNoteDialog(UiContext &ctx, const QString &invoiceId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"creditNoteDialog"_s);
    if (auto invoice = ctx.ledger.document(invoiceId))
        m_invoice = invoice.value();
    setWindowTitle(tr("Credit note for invoice %1").arg(m_invoice.number));

    auto *intro = new QLabel(
        tr("A credit note corrects invoice %1 of %2 (total %3, already credited %4). It gets "
           "its own number and cannot be changed once issued.")
            .arg(m_invoice.number, m_invoice.customerName,
                 Ui::formatMoney(m_invoice.totals.payable, m_invoice.currency),
                 Ui::formatMoney(m_invoice.creditedMinor, m_invoice.currency)),
        this);
    intro->setWordWrap(true);

    m_full = new QRadioButton(tr("Credit the &whole invoice"), this);
    m_full->setObjectName(u"fullCredit"_s);
    m_partial = new QRadioButton(tr("Credit &selected lines and quantities"), this);
    m_partial->setObjectName(u"partialCredit"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_full);
    group->addButton(m_partial);
    // What is left after an earlier credit note can only be credited line by line.
    (m_invoice.creditedMinor > 0 ? m_partial : m_full)->setChecked(true);

    m_lines = new QTableWidget(int(m_invoice.lines.size()), 4, this);
    m_lines->setObjectName(u"lines"_s);
    m_lines->setAccessibleName(tr("Lines to credit"));
    m_lines->setHorizontalHeaderLabels(
        {tr("Line"), tr("Quantity to credit"), tr("Invoiced"), tr("Unit price")});
    m_lines->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_lines->verticalHeader()->setVisible(false);
    m_lines->setEditTriggers(QAbstractItemView::AllEditTriggers);
    for (int row = 0; row < m_invoice.lines.size(); ++row) {
        const DocumentLine &l = m_invoice.lines.at(row);
        auto *description = new QTableWidgetItem(l.description);
        description->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        description->setCheckState(Qt::Checked);
        auto *quantity = new QTableWidgetItem(Ui::formatQuantity(l.quantity));
        quantity->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *invoiced = new QTableWidgetItem(
            tr("%1 %2").arg(Ui::formatQuantity(l.quantity), Ui::EditorSupport::unitName(l.unit)));
        invoiced->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        invoiced->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *price = new QTableWidgetItem(Ui::formatUnitPrice(l.unitPrice, m_invoice.currency));
        price->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, DescriptionColumn, description);
        m_lines->setItem(row, QuantityColumn, quantity);
        m_lines->setItem(row, InvoicedColumn, invoiced);
        m_lines->setItem(row, UnitPriceColumn, price);
    }

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reason"_s);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("e.g. returned goods, price corrected"));
    m_date = new QDateEdit(this);
    m_date->setObjectName(u"issueDate"_s);
    m_date->setAccessibleName(tr("Issue date"));
    m_date->setCalendarPopup(true);
    m_date->setDate(ctx.ledger.store().today());
    m_total = new QLabel(this);
    m_total->setObjectName(u"creditTotal"_s);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("Credit note total:"), m_total);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Issue credit note..."));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"issueCreditNoteButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreditNoteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreditNoteDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_full);
    layout->addWidget(m_partial);
    layout->addWidget(m_lines, 1);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    resize(640, 420);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bindTable(u"lines"_s, m_lines, {{u"quantity"_s, QuantityColumn}}, DescriptionColumn,
                        tr("Lines"));
    m_errors->bind(u"lines"_s, m_lines, tr("Lines"));
    m_errors->bind(u"reason"_s, m_reason, tr("Reason"));
    m_errors->bind(u"notes"_s, m_reason, tr("Reason"));
    m_errors->bind(u"issueDate"_s, m_date, tr("Date"));

    connect(m_partial, &QRadioButton::toggled, m_lines, &QWidget::setEnabled);
    connect(m_partial, &QRadioButton::toggled, this, &CreditNoteDialog::updateTotal);
    connect(m_lines, &QTableWidget::itemChanged, this, &CreditNoteDialog::updateTotal);
    m_lines->setEnabled(m_partial->isChecked());
    updateTotal();
    m_reason->setFocus();
}

Result<CreditNoteRequest> CreditNoteDialog::request() const
{
    CreditNoteRequest req;
    req.invoiceId = m_invoice.id;
    req.reason = m_reason->text().trimmed();
    req.issueDate = m_date->date();
    if (m_full->isChecked())
        return req;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        if (m_lines->item(row, DescriptionColumn)->checkState() != Qt::Checked)
            continue;
        const DocumentLine &invoiced = m_invoice.lines.at(row);
        const QString field = u"lines[%1].quantity"_s.arg(row);
        auto quantity = Ui::parseQuantity(m_lines->item(row, QuantityColumn)->text(), field);
        if (!quantity)
            return quantity.error();
        if (quantity.value() <= 0 || quantity.value() > invoiced.quantity)
            return validationError(field, u"credit-quantity-range"_s,
                                   tr("Credit more than 0 and at most the invoiced quantity (%1).")
                                       .arg(Ui::formatQuantity(invoiced.quantity)));
        DocumentLine line = invoiced;
        line.id.clear();
        line.quantity = quantity.value();
        line.grossMinor = line.allowanceMinor = line.netMinor = 0;
        req.lines.append(line);
    }
    if (req.lines.isEmpty())
        return validationError(u"lines"_s, u"empty-credit"_s,
                               tr("Choose at least one line to credit."));
    return req;
}

qint64 CreditNoteDialog::creditTotal() const
{
    auto req = request();
    if (!req)
        return 0;
    Document preview;
    preview.kind = DocumentKind::CreditNote;
    preview.lines = req->lines.isEmpty() ? m_invoice.lines : req->lines;
    if (!computeTotalsFromLines(preview))
        return 0;
    return preview.totals.payable;
}

void CreditNoteDialog::updateTotal()
{
    const qint64 left = m_invoice.totals.payable - m_invoice.creditedMinor;
    m_total->setText(tr("%1 (left to credit on the invoice: %2)")
                         .arg(Ui::formatMoney(creditTotal(), m_invoice.currency),
                              Ui::formatMoney(left, m_invoice.currency)));
}

Status CreditNoteDialog::createAndIssue()
{
    m_errors->clear();
    auto req = request();
    if (!req) {
        m_errors->show(req.error());
        return req.error();
    }
    auto number = m_ctx.ledger.previewNumber(DocumentKind::CreditNote);
    if (!number) {
        m_errors->show(number.error());
        return number.error();
    }
    QMessageBox confirm(
        QMessageBox::Question, tr("Issue credit note"),
        tr("Issue credit note %1 for %2?")
            .arg(number.value(), Ui::formatMoney(creditTotal(), m_invoice.currency)),
        QMessageBox::NoButton, this);
    confirm.setObjectName(u"creditNoteConfirmation"_s);
    confirm.setInformativeText(
        tr("It corrects invoice %1 and cannot be changed once issued.").arg(m_invoice.number));
    QPushButton *issue = confirm.addButton(tr("&Issue"), QMessageBox::AcceptRole);
    confirm.addButton(QMessageBox::Cancel);
    confirm.setDefaultButton(issue);
    confirm.exec();
    if (confirm.clickedButton() != issue)
        return Error {ErrorKind::Usage, {}, u"cancelled"_s, tr("The credit note was not issued.")};

    // Line numbers of the credit note are positions among the chosen lines; the table counts
    // all the invoice's lines.
    QList<int> rows;
    for (int row = 0; row < m_lines->rowCount(); ++row)
        if (m_full->isChecked()
            || m_lines->item(row, DescriptionColumn)->checkState() == Qt::Checked)
            rows.append(row);
    auto fail = [this, &rows](Error error) -> Status {
        static const QRegularExpression re(u"^lines\\[(\\d+)\\]"_s);
        if (const auto m = re.match(error.field); m.hasMatch()) {
            const int k = m.captured(1).toInt();
            if (k < rows.size())
                error.field.replace(0, m.capturedLength(), u"lines[%1]"_s.arg(rows.at(k)));
        }
        m_errors->show(error);
        return error;
    };

    WriteTransaction tx(m_ctx.ledger.store());
    auto draft = m_ctx.ledger.createCreditNote(req.value());
    if (!draft)
        return fail(draft.error());
    auto issued = m_ctx.ledger.issue(draft->id);
    if (!issued)
        return fail(issued.error());
    if (Status committed = tx.commit(); !committed)
        return fail(committed.error());
    m_creditNote = issued.value();
    Q_EMIT m_ctx.events.changed(u"credit_note"_s, m_creditNote.id);
    Q_EMIT m_ctx.events.changed(u"invoice"_s, m_invoice.id);
    return {};
}

void CreditNoteDialog::accept()
{
    if (createAndIssue())
        QDialog::accept();
}

} // namespace Kontor
