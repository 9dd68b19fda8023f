#include "expenseeditor.h"

#ifdef KONTOR_HAVE_QTPDF
#include <QBuffer>
#include <QPdfDocument>
#endif

#include "editorsupport.h"
#include "fielderrors.h"
#include "moneyformat.h"
#include "paymentdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::EditorSupport;

namespace {

constexpr qint64 MaxReceiptBytes = 20 * 1024 * 1024;

enum PreviewPage { NoPreview, ImagePreview, FilePreview };

QLineEdit *amountEdit(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setAlignment(Qt::AlignRight);
    return edit;
}

// The types the ledger keeps as receipts, told by content, not by the file's name.
QString receiptMime(const QByteArray &data)
{
    const QString name = QMimeDatabase().mimeTypeForData(data).name();
    static const QStringList accepted
        = {u"application/pdf"_s, u"image/png"_s, u"image/jpeg"_s, u"image/webp"_s};
    return accepted.contains(name) ? name : QString();
}

} // namespace

ExpenseEditor::ExpenseEditor(UiContext &ctx, const QString &expenseId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"expenseEditor"_s);
    setAcceptDrops(true);
    if (auto company = ctx.ledger.company())
        m_companyCurrency = company->currency;

    m_supplier = new QLineEdit(this);
    m_supplier->setObjectName(u"supplier"_s);
    m_supplier->setAccessibleName(tr("Supplier"));
    m_vatId = new QLineEdit(this);
    m_vatId->setObjectName(u"supplierVatId"_s);
    m_vatId->setAccessibleName(tr("Supplier VAT ID"));
    m_date = new QDateEdit(this);
    m_date->setObjectName(u"date"_s);
    m_date->setAccessibleName(tr("Date"));
    m_date->setCalendarPopup(true);
    m_category = new QComboBox(this);
    m_category->setObjectName(u"category"_s);
    m_category->setAccessibleName(tr("Category"));
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_category->addItems(EditorSupport::expenseCategories());
    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currency"_s);
    m_currency->setAccessibleName(tr("Currency"));
    EditorSupport::fillCurrencyCombo(m_currency);
    m_net = amountEdit(this, u"net"_s, tr("Net amount"));
    m_vat = amountEdit(this, u"vat"_s, tr("VAT"));
    m_total = amountEdit(this, u"total"_s, tr("Total"));
    m_totalHint = new QLabel(this);
    m_totalHint->setObjectName(u"totalHint"_s);
    m_totalHint->setVisible(false);
    m_paid = new QLabel(this);
    m_paid->setObjectName(u"paid"_s);
    m_pay = new QPushButton(EditorSupport::icon(u"payment"_s, QStyle::SP_DialogApplyButton),
                            tr("Record pa&yment..."), this);
    m_pay->setObjectName(u"recordPaymentButton"_s);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(80);

    auto *form = new QFormLayout;
    form->addRow(tr("Su&pplier:"), m_supplier);
    form->addRow(tr("Supplier VAT &ID:"), m_vatId);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("C&urrency:"), m_currency);
    form->addRow(tr("&Net:"), m_net);
    form->addRow(tr("&VAT:"), m_vat);
    form->addRow(tr("&Total:"), m_total);
    form->addRow(QString(), m_totalHint);
    auto *payRow = new QHBoxLayout;
    payRow->addWidget(m_paid, 1);
    payRow->addWidget(m_pay);
    form->addRow(tr("Paid:"), payRow);
    form->addRow(tr("N&otes:"), m_notes);

    // Receipts: the list, the preview, and what can be done with the one selected.
    m_receiptList = new QListWidget(this);
    m_receiptList->setObjectName(u"receipts"_s);
    m_receiptList->setAccessibleName(tr("Receipts"));
    m_receiptList->setMaximumHeight(90);
    m_preview = new QStackedWidget(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setAccessibleName(tr("Receipt preview"));
    m_preview->setMinimumSize(260, 260);
    auto *none = new QLabel(tr("No receipt yet.\nDrop an image or PDF here, or use \"Add "
                               "receipt\"."),
                            m_preview);
    none->setAlignment(Qt::AlignCenter);
    none->setWordWrap(true);
    m_image = new QLabel(m_preview);
    m_image->setObjectName(u"previewImage"_s);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(tr("Receipt image"));
    auto *card = new QWidget(m_preview);
    card->setObjectName(u"previewCard"_s);
    auto *cardIcon = new QLabel(card);
    cardIcon->setPixmap(EditorSupport::icon(u"pdf"_s, QStyle::SP_FileIcon).pixmap(QSize(48, 48)));
    cardIcon->setAlignment(Qt::AlignCenter);
    m_fileName = new QLabel(card);
    m_fileName->setObjectName(u"previewFileName"_s);
    m_fileName->setAlignment(Qt::AlignCenter);
    m_fileName->setWordWrap(true);
    m_fileSize = new QLabel(card);
    m_fileSize->setObjectName(u"previewFileSize"_s);
    m_fileSize->setAlignment(Qt::AlignCenter);
    auto *cardOpen = new QPushButton(tr("Open"), card);
    cardOpen->setObjectName(u"previewOpenButton"_s);
    cardOpen->setToolTip(tr("Open the receipt in the system's viewer"));
    connect(cardOpen, &QPushButton::clicked, this, &ExpenseEditor::openCurrentReceipt);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addStretch();
    cardLayout->addWidget(cardIcon);
    cardLayout->addWidget(m_fileName);
    cardLayout->addWidget(m_fileSize);
    cardLayout->addWidget(cardOpen, 0, Qt::AlignHCenter);
    cardLayout->addStretch();
    m_preview->insertWidget(NoPreview, none);
    m_preview->insertWidget(ImagePreview, m_image);
    m_preview->insertWidget(FilePreview, card);

    m_addReceipt = new QPushButton(EditorSupport::icon(u"attach"_s, QStyle::SP_FileDialogStart),
                                   tr("&Add receipt..."), this);
    m_addReceipt->setObjectName(u"addReceiptButton"_s);
    m_saveReceipt = new QPushButton(EditorSupport::icon(u"save"_s, QStyle::SP_DialogSaveButton),
                                    tr("Save &receipt as..."), this);
    m_saveReceipt->setObjectName(u"saveReceiptButton"_s);
    m_openReceipt = new QPushButton(EditorSupport::icon(u"open"_s, QStyle::SP_DirOpenIcon),
                                    tr("Op&en"), this);
    m_openReceipt->setObjectName(u"openReceiptButton"_s);
    connect(m_addReceipt, &QPushButton::clicked, this, &ExpenseEditor::addReceiptFromDialog);
    connect(m_saveReceipt, &QPushButton::clicked, this, &ExpenseEditor::saveCurrentReceiptAs);
    connect(m_openReceipt, &QPushButton::clicked, this, &ExpenseEditor::openCurrentReceipt);
    connect(m_receiptList, &QListWidget::currentRowChanged, this, [this] { updatePreview(); });

    auto *receiptButtons = new QHBoxLayout;
    receiptButtons->addWidget(m_addReceipt);
    receiptButtons->addWidget(m_saveReceipt);
    receiptButtons->addWidget(m_openReceipt);
    auto *receiptsBox = new QGroupBox(tr("Receipts"), this);
    auto *receiptsLayout = new QVBoxLayout(receiptsBox);
    receiptsLayout->addWidget(m_receiptList);
    receiptsLayout->addWidget(m_preview, 1);
    receiptsLayout->addLayout(receiptButtons);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Save)->setShortcut(QKeySequence::Save);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExpenseEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExpenseEditor::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addWidget(receiptsBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bind(u"supplier"_s, m_supplier, tr("Supplier"));
    m_errors->bind(u"supplierVatId"_s, m_vatId, tr("Supplier VAT ID"));
    m_errors->bind(u"date"_s, m_date, tr("Date"));
    m_errors->bind(u"category"_s, m_category, tr("Category"));
    m_errors->bind(u"currency"_s, m_currency, tr("Currency"));
    m_errors->bind(u"net"_s, m_net, tr("Net"));
    m_errors->bind(u"vat"_s, m_vat, tr("VAT"));
    m_errors->bind(u"total"_s, m_total, tr("Total"));
    m_errors->bind(u"notes"_s, m_notes, tr("Notes"));
    m_errors->bind(u"receipt"_s, m_receiptList, tr("Receipt"));

    // The total follows net + VAT until the user types one of their own.
    for (QLineEdit *edit : {m_net, m_vat})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            if (!m_totalEdited) {
                const QString currency = EditorSupport::currency(m_currency);
                auto net = Ui::parseAmount(m_net->text(), currency, u"net"_s);
                auto vat = Ui::parseAmount(m_vat->text().isEmpty() ? u"0"_s : m_vat->text(),
                                           currency, u"vat"_s);
                if (net && vat)
                    m_total->setText(Ui::formatAmount(net.value() + vat.value(), currency));
            }
            updateTotalHint();
        });
    connect(m_total, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_totalEdited = !text.trimmed().isEmpty();
        updateTotalHint();
    });
    connect(m_pay, &QPushButton::clicked, this, &ExpenseEditor::recordPayment);

    setTabOrder(m_supplier, m_vatId);
    setTabOrder(m_vatId, m_date);
    setTabOrder(m_date, m_category);
    setTabOrder(m_category, m_currency);
    setTabOrder(m_currency, m_net);
    setTabOrder(m_net, m_vat);
    setTabOrder(m_vat, m_total);
    setTabOrder(m_total, m_pay);
    setTabOrder(m_pay, m_notes);
    setTabOrder(m_notes, m_receiptList);
    setTabOrder(m_receiptList, m_addReceipt);
    setTabOrder(m_addReceipt, m_saveReceipt);
    setTabOrder(m_saveReceipt, m_openReceipt);

    m_expense.id = expenseId;
    load();
    m_supplier->setFocus();
}

void ExpenseEditor::load()
{
    m_receipts.clear();
    if (m_expense.id.isEmpty()) {
        setWindowTitle(tr("New expense"));
        m_date->setDate(m_ctx.ledger.store().today());
        EditorSupport::setCurrency(m_currency, m_companyCurrency);
        m_category->setCurrentIndex(-1);
        m_category->setEditText(QString());
        m_expense.currency = m_companyCurrency;
    } else {
        auto loaded = m_ctx.ledger.expense(m_expense.id);
        if (!loaded) {
            setWindowTitle(tr("Expense"));
            m_errors->show(loaded.error());
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
            return;
        }
        m_expense = loaded.value();
        setWindowTitle(tr("Expense from %1").arg(m_expense.supplier));
        m_supplier->setText(m_expense.supplier);
        m_vatId->setText(m_expense.supplierVatId);
        m_date->setDate(m_expense.date);
        m_category->setEditText(m_expense.category);
        EditorSupport::setCurrency(m_currency, m_expense.currency);
        m_net->setText(Ui::formatAmount(m_expense.netMinor, m_expense.currency));
        m_vat->setText(Ui::formatAmount(m_expense.vatMinor, m_expense.currency));
        m_total->setText(Ui::formatAmount(m_expense.totalMinor, m_expense.currency));
        m_totalEdited = m_expense.totalMinor != m_expense.netMinor + m_expense.vatMinor;
        m_notes->setPlainText(m_expense.notes);
        for (const ReceiptFile &r : std::as_const(m_expense.receipts))
            m_receipts.append(Receipt {r, false});
    }
    refreshReceipts();
    updatePaid();
    updateTotalHint();
}

void ExpenseEditor::updatePaid()
{
    const bool saved = !m_expense.id.isEmpty();
    m_pay->setEnabled(saved);
    m_pay->setToolTip(saved ? tr("Record a payment of this expense")
                            : tr("Save the expense first"));
    if (!saved) {
        m_paid->setText(tr("Nothing paid yet"));
        return;
    }
    m_paid->setText(tr("%1 of %2")
                        .arg(Ui::formatMoney(m_expense.paidMinor, m_expense.currency),
                             Ui::formatMoney(m_expense.totalMinor, m_expense.currency)));
}

void ExpenseEditor::updateTotalHint()
{
    const QString currency = EditorSupport::currency(m_currency);
    auto net = Ui::parseAmount(m_net->text(), currency, u"net"_s);
    auto vat = Ui::parseAmount(m_vat->text(), currency, u"vat"_s);
    auto total = Ui::parseAmount(m_total->text(), currency, u"total"_s);
    const bool mismatch = net && vat && total && net.value() + vat.value() != total.value();
    m_totalHint->setVisible(mismatch);
    if (mismatch)
        m_totalHint->setText(
            tr("Net plus VAT is %1.").arg(Ui::formatMoney(net.value() + vat.value(), currency)));
}

void ExpenseEditor::refreshReceipts()
{
    const int current = m_receiptList->currentRow();
    m_receiptList->clear();
    const QLocale locale;
    for (const Receipt &r : std::as_const(m_receipts)) {
        QString text = r.file.fileName;
        if (!r.file.data.isEmpty())
            text = tr("%1 (%2)").arg(text, locale.formattedDataSize(r.file.data.size()));
        if (r.pending)
            text = tr("%1, not saved yet").arg(text);
        auto *item = new QListWidgetItem(
            EditorSupport::icon(r.file.mimeType.startsWith(u"image/"_s) ? u"image"_s : u"pdf"_s,
                                QStyle::SP_FileIcon),
            text, m_receiptList);
        item->setToolTip(r.file.fileName);
    }
    if (!m_receipts.isEmpty())
        m_receiptList->setCurrentRow(
            current >= 0 && current < m_receipts.size() ? current : int(m_receipts.size()) - 1);
    updatePreview();
}

Result<QByteArray> ExpenseEditor::receiptData(int row)
{
    if (row < 0 || row >= m_receipts.size())
        return Error {ErrorKind::NotFound, u"receipt"_s, u"not-found"_s, tr("No receipt chosen.")};
    Receipt &r = m_receipts[row];
    if (r.file.data.isEmpty()) {
        auto loaded = m_ctx.ledger.receipt(r.file.id);
        if (!loaded)
            return loaded.error();
        r.file.data = loaded->data;
    }
    return r.file.data;
}

void ExpenseEditor::updatePreview()
{
    const int row = m_receiptList->currentRow();
    const bool has = row >= 0 && row < m_receipts.size();
    m_saveReceipt->setEnabled(has);
    m_openReceipt->setEnabled(has);
    m_pixmap = QPixmap();
    if (!has) {
        m_preview->setCurrentIndex(NoPreview);
        return;
    }
    auto data = receiptData(row);
    const ReceiptFile &file = m_receipts.at(row).file;
    if (data && file.mimeType.startsWith(u"image/"_s) && m_pixmap.loadFromData(data.value())) {
        m_image->setPixmap(m_pixmap.scaled(m_preview->size() - QSize(8, 8), Qt::KeepAspectRatio,
                                           Qt::SmoothTransformation));
        m_image->setToolTip(file.fileName);
        m_preview->setCurrentIndex(ImagePreview);
        return;
    }
#ifdef KONTOR_HAVE_QTPDF
    if (data && file.mimeType == u"application/pdf"_s) {
        // The first page, rendered at the preview's size.
        QBuffer buffer;
        buffer.setData(data.value());
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument pdf;
        pdf.load(&buffer);
        if (pdf.status() == QPdfDocument::Status::Ready && pdf.pageCount() > 0) {
            const QSize box = m_preview->size() - QSize(8, 8);
            const QSizeF page = pdf.pagePointSize(0);
            const QSize size
                = page.isEmpty() ? box : page.scaled(box, Qt::KeepAspectRatio).toSize();
            const QImage image = pdf.render(0, size.expandedTo(QSize(16, 16)));
            if (!image.isNull()) {
                m_pixmap = QPixmap::fromImage(image);
                m_image->setPixmap(m_pixmap);
                m_image->setToolTip(file.fileName);
                m_preview->setCurrentIndex(ImagePreview);
                return;
            }
        }
    }
#endif
    // A PDF that cannot be rendered (or a build without Qt PDF), or an image Qt cannot decode:
    // a card with the name and size, and the system's viewer one click away.
    m_fileName->setText(file.fileName);
    m_fileSize->setText(data ? QLocale().formattedDataSize(data->size()) : data.error().message);
    m_preview->setCurrentIndex(FilePreview);
}

void ExpenseEditor::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (!m_pixmap.isNull())
        m_image->setPixmap(m_pixmap.scaled(m_preview->size() - QSize(8, 8), Qt::KeepAspectRatio,
                                           Qt::SmoothTransformation));
}

QString ExpenseEditor::previewKind() const
{
    switch (m_preview->currentIndex()) {
    case ImagePreview:
        return u"image"_s;
    case FilePreview:
        return u"file"_s;
    default:
        return u"none"_s;
    }
}

void ExpenseEditor::showReceipt(int row)
{
    m_receiptList->setCurrentRow(row);
}

Status ExpenseEditor::attachFile(const QString &path)
{
    m_errors->clear();
    const QFileInfo info(path);
    auto fail = [this](const Error &error) -> Status {
        m_errors->show(error);
        return error;
    };
    if (info.size() > MaxReceiptBytes)
        return fail(validationError(u"receipt"_s, u"too-large"_s,
                                    tr("'%1' is larger than 20 MiB.").arg(info.fileName())));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error {ErrorKind::Io, u"receipt"_s, u"read-failed"_s,
                           tr("'%1' cannot be read: %2").arg(info.fileName(), file.errorString())});
    const QByteArray data = file.readAll();
    if (data.isEmpty())
        return fail(validationError(u"receipt"_s, u"empty-file"_s,
                                    tr("'%1' is empty.").arg(info.fileName())));
    const QString mime = receiptMime(data);
    if (mime.isEmpty())
        return fail(
            validationError(u"receipt"_s, u"unsupported-type"_s,
                            tr("'%1' is not a PDF, PNG, JPEG or WebP file.").arg(info.fileName())));
    Receipt r;
    r.pending = true;
    r.file.fileName = info.fileName();
    r.file.mimeType = mime;
    r.file.data = data;
    m_receipts.append(r);
    refreshReceipts();
    m_receiptList->setCurrentRow(int(m_receipts.size()) - 1);
    return {};
}

void ExpenseEditor::addReceiptFromDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add receipt"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Receipts (*.pdf *.png *.jpg *.jpeg *.webp);;All files (*)"));
    for (const QString &path : paths)
        if (!attachFile(path))
            break;
}

Status ExpenseEditor::saveReceiptAs(int row, const QString &path)
{
    auto data = receiptData(row);
    if (!data)
        return data.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data.value()) != data->size() || !out.commit())
        return Error {ErrorKind::Io, u"receipt"_s, u"write-failed"_s,
                      tr("'%1' cannot be written: %2").arg(path, out.errorString())};
    return {};
}

void ExpenseEditor::saveCurrentReceiptAs()
{
    const int row = m_receiptList->currentRow();
    if (row < 0 || row >= m_receipts.size())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save receipt as"), QDir(dir).filePath(m_receipts.at(row).file.fileName));
    if (path.isEmpty())
        return;
    if (auto saved = saveReceiptAs(row, path); !saved)
        m_errors->show(saved.error());
}

void ExpenseEditor::openCurrentReceipt()
{
    const int row = m_receiptList->currentRow();
    if (row < 0 || row >= m_receipts.size())
        return;
    // The viewer gets a copy in the temporary folder: the receipt itself lives in the ledger.
    const QString dir
        = QStandardPaths::writableLocation(QStandardPaths::TempLocation) + u"/kontor-receipts"_s;
    QDir().mkpath(dir);
    const QString path
        = QDir(dir).filePath(EditorSupport::safeFileName(m_receipts.at(row).file.fileName));
    if (auto saved = saveReceiptAs(row, path); !saved) {
        m_errors->show(saved.error());
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        m_errors->show(
            Error {ErrorKind::Io, u"receipt"_s, u"open-failed"_s,
                   tr("No application opens '%1'. The copy is in %2.")
                       .arg(m_receipts.at(row).file.fileName, QDir::toNativeSeparators(dir))});
}

void ExpenseEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
    QDialog::dragEnterEvent(event);
}

void ExpenseEditor::dropEvent(QDropEvent *event)
{
    bool any = false;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        any = true;
        if (!attachFile(url.toLocalFile()))
            break;
    }
    if (any)
        event->acceptProposedAction();
}

Status ExpenseEditor::save()
{
    m_errors->clear();
    Expense e = m_expense;
    e.supplier = m_supplier->text().trimmed();
    e.supplierVatId = m_vatId->text().remove(u' ').trimmed().toUpper();
    e.date = m_date->date();
    e.category = m_category->currentText().trimmed();
    e.currency = EditorSupport::currency(m_currency);
    e.notes = m_notes->toPlainText();
    const std::pair<QLineEdit *, QString> amounts[]
        = {{m_net, u"net"_s}, {m_vat, u"vat"_s}, {m_total, u"total"_s}};
    qint64 values[3] = {};
    for (int i = 0; i < 3; ++i) {
        const QString text = amounts[i].first->text().trimmed();
        // An empty VAT is no VAT; an empty net or total is a missing value.
        auto v = Ui::parseAmount(text.isEmpty() && i == 1 ? u"0"_s : text, e.currency,
                                 amounts[i].second);
        if (!v) {
            m_errors->show(v.error());
            return v.error();
        }
        values[i] = v.value();
    }
    e.netMinor = values[0];
    e.vatMinor = values[1];
    e.totalMinor = values[2];

    QList<ReceiptFile> pending;
    for (const Receipt &r : std::as_const(m_receipts)) {
        if (!r.pending)
            continue;
        // The ledger tells the type from the content itself; it is the one that must agree.
        ReceiptFile file = r.file;
        file.mimeType.clear();
        pending.append(file);
    }

    if (e.id.isEmpty()) {
        e.receipts = pending;
        auto added = m_ctx.ledger.addExpense(e);
        if (!added) {
            m_errors->show(added.error());
            return added.error();
        }
        e = added.value();
    } else {
        // The expense and its new receipts are one change: all of it is written, or none.
        WriteTransaction tx(m_ctx.ledger.store());
        if (auto updated = m_ctx.ledger.updateExpense(e); !updated) {
            m_errors->show(updated.error());
            return updated.error();
        }
        for (const ReceiptFile &r : std::as_const(pending)) {
            auto attached = m_ctx.ledger.attachReceipt(e.id, r.fileName, r.mimeType, r.data);
            if (!attached) {
                m_errors->show(attached.error());
                return attached.error();
            }
        }
        if (auto committed = tx.commit(); !committed) {
            m_errors->show(committed.error());
            return committed.error();
        }
    }
    Q_EMIT m_ctx.events.changed(u"expense"_s, e.id);
    // Reload what was stored: receipts get their ids, paid amounts stay the ledger's.
    m_expense.id = e.id;
    const int current = m_receiptList->currentRow();
    load();
    if (current >= 0 && current < m_receipts.size())
        m_receiptList->setCurrentRow(current);
    return {};
}

void ExpenseEditor::accept()
{
    if (save())
        QDialog::accept();
}

void ExpenseEditor::recordPayment()
{
    // The payment is checked against the stored total: store what the form says first.
    if (!save())
        return;
    PaymentDialog dialog(m_ctx, PaymentTarget::Expense, m_expense.id, this);
    if (dialog.exec() == QDialog::Accepted)
        load();
}

} // namespace Kontor
