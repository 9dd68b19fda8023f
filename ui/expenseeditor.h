// Creates or edits an expense: supplier and their VAT ID, date, category, net, VAT and total
// (the total follows net + VAT until typed over, and the ledger refuses a total that does not add
// up), currency, notes, and the receipts: images or PDFs added with a file dialog or dropped on
// the dialog, previewed (images scaled, PDFs as a card that opens the file in the system viewer),
// saved elsewhere with "Save receipt as". Receipts added here are written with the expense when
// it is saved, in the same transaction, so Cancel leaves the ledger as it was. A saved expense can
// be paid from here.
#pragma once

#include "entities.h"
#include "result.h"
#include "uicontext.h"

#include <QDialog>
#include <QPixmap>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace Kontor::Ui {
class FieldErrors;
}

namespace Kontor {

class ExpenseEditor : public QDialog
{
    Q_OBJECT
public:
    // An empty id edits a new expense.
    ExpenseEditor(UiContext &ctx, const QString &expenseId, QWidget *parent = nullptr);

    QString expenseId() const { return m_expense.id; }

    // Adds a receipt from a file (what the file dialog and a drop do). The file is checked
    // (PDF, PNG, JPEG or WebP, at most 20 MiB) and shown; it is written on save().
    Status attachFile(const QString &path);
    // Number of receipts listed (saved and not yet saved).
    int receiptCount() const { return int(m_receipts.size()); }
    // Shows receipt `row` in the preview.
    void showReceipt(int row);
    // Writes receipt `row` to `path`.
    Status saveReceiptAs(int row, const QString &path);
    // What the preview shows now: "image", "file" (a card with name and size) or "none".
    QString previewKind() const;

    Status save();
    void accept() override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Receipt
    {
        ReceiptFile file; // data filled for pending receipts and once loaded
        bool pending = false;
    };

    void load();
    void refreshReceipts();
    void updatePreview();
    void updateTotalHint();
    void updatePaid();
    Result<QByteArray> receiptData(int row);
    void addReceiptFromDialog();
    void saveCurrentReceiptAs();
    void openCurrentReceipt();
    void recordPayment();

    UiContext &m_ctx;
    Expense m_expense;
    QList<Receipt> m_receipts;
    bool m_totalEdited = false;
    QPixmap m_pixmap; // the receipt image in full size; the preview shows it scaled
    QString m_companyCurrency = QStringLiteral("EUR");

    QLineEdit *m_supplier = nullptr;
    QLineEdit *m_vatId = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_currency = nullptr;
    QLineEdit *m_net = nullptr;
    QLineEdit *m_vat = nullptr;
    QLineEdit *m_total = nullptr;
    QLabel *m_totalHint = nullptr;
    QLabel *m_paid = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QListWidget *m_receiptList = nullptr;
    QStackedWidget *m_preview = nullptr;
    QLabel *m_image = nullptr;
    QLabel *m_fileName = nullptr;
    QLabel *m_fileSize = nullptr;
    QPushButton *m_addReceipt = nullptr;
    QPushButton *m_saveReceipt = nullptr;
    QPushButton *m_openReceipt = nullptr;
    QPushButton *m_pay = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
