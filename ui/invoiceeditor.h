// The editor of invoices, quotes and credit notes. A draft is edited freely: customer (found by
// typing), dates (the due date follows the customer's payment terms until set by hand),
// currency, buyer reference, notes and the lines (products picked by typing fill description,
// unit, price and tax rate), with totals and the VAT breakdown recomputed by the ledger's own
// rules on every edit. Issue shows the number the document will take and, once confirmed,
// makes it immutable: the editor turns read-only and offers what an issued invoice allows —
// credit note, payment, PDF, duplicate. A quote converts to an invoice. Every rule the input
// breaks is shown at its field or line cell, and nothing is written.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace Kontor::Ui {
class DocumentLineModel;
class FieldErrors;
class RecordPicker;
} // namespace Kontor::Ui

namespace Kontor {

class InvoiceEditor : public QDialog
{
    Q_OBJECT
public:
    // An empty documentId starts a new draft of `kindForNew` (invoice or quote), optionally for
    // a customer.
    InvoiceEditor(UiContext &ctx, const QString &documentId,
                  DocumentKind kindForNew = DocumentKind::Invoice, const QString &customerId = {},
                  QWidget *parent = nullptr);

    // The document shown; empty for a new draft that was never saved.
    QString documentId() const { return m_doc.id; }
    DocumentKind kind() const { return m_doc.kind; }
    DocumentStatus status() const { return m_doc.status; }
    // The document as last loaded from the ledger (numbers, totals, payments).
    const Document &document() const { return m_doc; }
    bool isReadOnly() const { return m_readOnly; }
    bool isDirty() const { return m_dirty; }
    Ui::DocumentLineModel *lineModel() const { return m_lines; }
    QTableView *lineTable() const { return m_table; }

    // The editor's commands, also behind its buttons and shortcuts. Each shows its own errors
    // and returns the outcome; those that ask first return a "cancelled" error when declined.
    Status saveDraft();
    Status issue();
    Status recordPayment();
    Status createCreditNote();
    Status duplicate();
    Status convertToInvoice();
    Status deleteDraft();
    void showPdf();

    // Adds a line after the current one and starts typing into its product cell.
    void addLine();
    void removeCurrentLine();
    void moveCurrentLine(int delta);

    void reject() override;

Q_SIGNALS:
    // The editor now shows another document (after Duplicate or Convert to invoice).
    void documentChanged(const QString &documentId);

private:
    void buildUi();
    void load(const QString &documentId);
    void startNew(DocumentKind kind, const QString &customerId);
    void showDocument();
    void setReadOnly(bool readOnly);
    void updateActions();
    void updateTotals();
    void showTotals(const DocumentTotals &totals, const QString &currency);
    void customerPicked(const QString &customerId);
    void newCustomer();
    void applyDefaultDueDate();
    QDate defaultDueDate() const;
    void markDirty();
    // The document as the form describes it; the error of the first field that cannot be read.
    Result<Document> formDocument();
    void showError(const Error &error);
    void showInfo(const QString &text);
    Status confirm(const QString &objectName, const QString &title, const QString &text,
                   const QString &details, const QString &acceptText);
    void emitChanged(const QString &entity, const QString &id);
    void openReference(const QString &link);
    QString documentTitle() const;

    UiContext &m_ctx;
    Document m_doc;
    CompanyProfile m_company;
    QList<TaxRate> m_taxRates;
    bool m_readOnly = false;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_dueEdited = false;
    bool m_currencyEdited = false;
    bool m_liveError = false; // the error shown came from live checking, not from a command
    bool m_emitting = false;
    bool m_settingDue = false; // the due date is being set by the editor, not by the user

    QLabel *m_title = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_reference = nullptr;
    Ui::RecordPicker *m_customer = nullptr;
    QToolButton *m_newCustomer = nullptr;
    QDateEdit *m_issueDate = nullptr;
    QLabel *m_dueLabel = nullptr;
    QDateEdit *m_dueDate = nullptr;
    QComboBox *m_currency = nullptr;
    QLineEdit *m_buyerReference = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTableView *m_table = nullptr;
    Ui::DocumentLineModel *m_lines = nullptr;
    QPushButton *m_addLine = nullptr;
    QPushButton *m_removeLine = nullptr;
    QPushButton *m_lineUp = nullptr;
    QPushButton *m_lineDown = nullptr;
    QLabel *m_netTotal = nullptr;
    QLabel *m_vatTotal = nullptr;
    QLabel *m_grandTotal = nullptr;
    QLabel *m_breakdown = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_info = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_issueButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_creditButton = nullptr;
    QPushButton *m_paymentButton = nullptr;
    QPushButton *m_convertButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
