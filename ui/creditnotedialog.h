// Corrects an issued invoice with a credit note: the whole invoice, or chosen lines and
// quantities, with a reason and a date. On OK it shows the number the credit note will take,
// and after confirmation creates and issues it in one transaction, so a refused credit note
// leaves no draft behind. Errors (more credited than invoiced, ...) are shown here, at the line.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableWidget;

namespace Kontor::Ui {
class FieldErrors;
}

namespace Kontor {

class CreditNoteDialog : public QDialog
{
    Q_OBJECT
public:
    CreditNoteDialog(UiContext &ctx, const QString &invoiceId, QWidget *parent = nullptr);

    // Columns of the line table.
    enum Column { DescriptionColumn, QuantityColumn, InvoicedColumn, UnitPriceColumn };

    // The request as the form describes it, or the error of the cell that cannot be read.
    Result<CreditNoteRequest> request() const;
    // Total of the credit note (with VAT) as the form describes it; 0 when it cannot be read.
    qint64 creditTotal() const;
    // The issued credit note, after accept.
    Document creditNote() const { return m_creditNote; }

    // Asks for confirmation, then creates and issues the credit note. Errors are shown and
    // returned; on success the dialog closes with Accepted.
    Status createAndIssue();
    void accept() override;

private:
    void updateTotal();

    UiContext &m_ctx;
    Document m_invoice;
    Document m_creditNote;

    QRadioButton *m_full = nullptr;
    QRadioButton *m_partial = nullptr;
    QTableWidget *m_lines = nullptr;
    QLineEdit *m_reason = nullptr;
    QDateEdit *m_date = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
