#include "pdfpreview.h"

#include "editorsupport.h"
#include "invoicerenderer.h"
#include "moneyformat.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::EditorSupport;

namespace {

const QString kSendFolderKey = u"desktop/sendFolder"_s;

// Invoices are laid out for A4; the printer may still be switched to another paper in the print
// dialog, and the pages then take that paper's size.
void setUpPrinter(QPrinter &printer, const QString &title)
{
    printer.setFullPage(true);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    printer.setDocName(title);
    printer.setCreator(u"Kontor"_s);
}

} // namespace

PdfPreview::PdfPreview(UiContext &ctx, const QString &documentId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_documentId(documentId)
{
    setObjectName(u"pdfPreview"_s);
    if (auto doc = ctx.ledger.document(documentId)) {
        m_title = EditorSupport::kindName(doc->kind);
        if (!doc->number.isEmpty())
            m_title = tr("%1 %2").arg(m_title, doc->number);
        else if (doc->kind == DocumentKind::Quote)
            m_title = tr("%1 %2").arg(m_title, doc->issueDate.toString(Qt::ISODate));
        else
            m_title = tr("%1 (draft)").arg(m_title);
    } else {
        m_title = tr("Document");
        m_renderError = tr("The document cannot be read: %1").arg(doc.error().message);
    }
    setWindowTitle(tr("%1 - Preview").arg(m_title));

    m_printer = new QPrinter(QPrinter::HighResolution);
    setUpPrinter(*m_printer, m_title);
    m_view = new QPrintPreviewWidget(m_printer, this);
    m_view->setObjectName(u"previewWidget"_s);
    m_view->setAccessibleName(tr("Page preview"));
    m_view->setZoomMode(QPrintPreviewWidget::FitToWidth);
    connect(m_view, &QPrintPreviewWidget::paintRequested, this, &PdfPreview::paint);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *zoomIn = toolbar->addAction(tr("Zoom in"), m_view, [this] { m_view->zoomIn(); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = toolbar->addAction(tr("Zoom out"), m_view, [this] { m_view->zoomOut(); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    toolbar->addAction(tr("Fit width"), m_view, [this] { m_view->fitToWidth(); });
    toolbar->addSeparator();
    QAction *save = toolbar->addAction(EditorSupport::icon(u"pdf"_s, QStyle::SP_DialogSaveButton),
                                       tr("&Save as PDF..."), this, &PdfPreview::saveWithDialog);
    save->setObjectName(u"saveAsPdfAction"_s);
    save->setShortcut(QKeySequence::Save);
    QAction *print = toolbar->addAction(EditorSupport::icon(u"print"_s, QStyle::SP_FileIcon),
                                        tr("&Print..."), this, &PdfPreview::printWithDialog);
    print->setObjectName(u"printAction"_s);
    print->setShortcut(QKeySequence::Print);
    QAction *send = toolbar->addAction(EditorSupport::icon(u"send"_s, QStyle::SP_ArrowRight),
                                       tr("S&end..."), this, &PdfPreview::sendToDefaultFolder);
    send->setObjectName(u"sendAction"_s);
    send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    send->setToolTip(tr("Save the PDF, open your mail client and the folder with the PDF"));
    auto *sendMenu = new QMenu(this);
    sendMenu->addAction(tr("Choose the folder for sent PDFs..."), this,
                        &PdfPreview::chooseSendFolder);
    if (auto *sendButton = qobject_cast<QToolButton *>(toolbar->widgetForAction(send))) {
        sendButton->setMenu(sendMenu);
        sendButton->setPopupMode(QToolButton::MenuButtonPopup);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &PdfPreview::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 900);
    if (!m_renderError.isEmpty())
        showMessage(m_renderError);
}

PdfPreview::~PdfPreview()
{
    // The preview widget refers to the printer until it is gone.
    delete m_view;
    delete m_printer;
}

int PdfPreview::pageCount() const
{
    return m_view->pageCount();
}

void PdfPreview::paint(QPrinter *printer)
{
    Status painted = renderInvoice(m_ctx.ledger, m_documentId, *printer);
    m_renderError = painted ? QString() : painted.error().message;
    if (!painted)
        showMessage(tr("The document cannot be shown: %1").arg(m_renderError));
}

QString PdfPreview::suggestedFileName() const
{
    return EditorSupport::safeFileName(m_title) + u".pdf"_s;
}

Status PdfPreview::saveAs(const QString &path)
{
    return renderInvoicePdf(m_ctx.ledger, m_documentId, path);
}

QString PdfPreview::defaultSendFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    return QDir(base).filePath(u"Kontor"_s);
}

QUrl PdfPreview::mailtoUrl(const QString &pdfPath) const
{
    auto doc = m_ctx.ledger.document(m_documentId);
    QString email;
    QString companyName;
    if (auto company = m_ctx.ledger.company())
        companyName = company->name;
    QString subject = m_title;
    QString body;
    if (doc) {
        email = doc->customerSnapshot.email;
        if (!doc->isIssued() || email.isEmpty()) {
            if (auto customer = m_ctx.ledger.customer(doc->customerId))
                email = customer->email;
        }
        const QString total = Ui::formatMoney(doc->totals.payable, doc->currency);
        switch (doc->kind) {
        case DocumentKind::Invoice:
            subject = tr("Invoice %1 from %2").arg(doc->number, companyName);
            body = tr("Hello,\n\nplease find attached invoice %1 of %2 for %3, due on %4.\n\n"
                      "Kind regards,\n%5")
                       .arg(doc->number, Ui::formatDate(doc->issueDate), total,
                            Ui::formatDate(doc->dueDate), companyName);
            break;
        case DocumentKind::CreditNote:
            subject = tr("Credit note %1 from %2").arg(doc->number, companyName);
            body = tr("Hello,\n\nplease find attached credit note %1 of %2 for %3.\n\n"
                      "Kind regards,\n%4")
                       .arg(doc->number, Ui::formatDate(doc->issueDate), total, companyName);
            break;
        case DocumentKind::Quote:
            subject = tr("Quote from %1").arg(companyName);
            body = tr("Hello,\n\nplease find attached our quote of %1 for %2, valid until %3.\n\n"
                      "Kind regards,\n%4")
                       .arg(Ui::formatDate(doc->issueDate), total, Ui::formatDate(doc->dueDate),
                            companyName);
            break;
        }
    }
    // mailto: cannot attach files portably; the note tells the sender which file to attach.
    body += u"\n\n"_s
        + tr("[Attach the PDF before sending: %1]").arg(QDir::toNativeSeparators(pdfPath));
    body.replace(u"\n"_s, u"\r\n"_s); // RFC 6068: line breaks in a body are CRLF

    QUrl url;
    url.setScheme(u"mailto"_s);
    url.setPath(email);
    QUrlQuery query;
    // Query items are taken as written and encoded when the URL is made; only '&', '=', '+'
    // and '#' would be misread inside a value, so those are encoded by hand first.
    auto encode = [](QString text) {
        return text.replace(u'%', u"%25"_s)
            .replace(u'&', u"%26"_s)
            .replace(u'=', u"%3D"_s)
            .replace(u'+', u"%2B"_s)
            .replace(u'#', u"%23"_s);
    };
    query.addQueryItem(u"subject"_s, encode(subject));
    query.addQueryItem(u"body"_s, encode(body));
    url.setQuery(query);
    return url;
}

Result<QString> PdfPreview::send(const QString &folder)
{
    if (!QDir().mkpath(folder))
        return Error {ErrorKind::Io, u"folder"_s, u"write-failed"_s,
                      tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder))};
    const QString path = QDir(folder).filePath(suggestedFileName());
    KONTOR_TRY(saveAs(path));
    m_mailOpened = QDesktopServices::openUrl(mailtoUrl(path));
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    return path;
}

void PdfPreview::saveWithDialog()
{
    QSettings settings;
    const QString dir
        = settings
              .value(u"desktop/saveFolder"_s,
                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save as PDF"), QDir(dir).filePath(suggestedFileName()), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"desktop/saveFolder"_s, QFileInfo(path).absolutePath());
    if (Status saved = saveAs(path); !saved)
        showMessage(tr("The PDF was not saved: %1").arg(saved.error().message));
    else
        showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void PdfPreview::printWithDialog()
{
    QPrinter printer(QPrinter::HighResolution);
    setUpPrinter(printer, m_title);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(m_title));
    if (dialog.exec() != QDialog::Accepted)
        return;
    printer.setFullPage(true);
    if (Status printed = renderInvoice(m_ctx.ledger, m_documentId, printer); !printed)
        showMessage(tr("The document was not printed: %1").arg(printed.error().message));
}

void PdfPreview::sendToDefaultFolder()
{
    const QString folder = QSettings().value(kSendFolderKey, defaultSendFolder()).toString();
    auto sent = send(folder);
    if (!sent) {
        showMessage(tr("The PDF was not saved: %1").arg(sent.error().message));
        return;
    }
    const QString path = QDir::toNativeSeparators(sent.value());
    if (m_mailOpened)
        showMessage(tr("Saved %1 and opened your mail client. Attach the PDF to the message; the "
                       "folder with the file is open.")
                        .arg(path));
    else
        showMessage(tr("Saved %1. No mail client is set up to open mail links: send the PDF from "
                       "your web mail; the folder with the file is open.")
                        .arg(path));
}

void PdfPreview::chooseSendFolder()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder for sent PDFs"),
        settings.value(kSendFolderKey, defaultSendFolder()).toString());
    if (!folder.isEmpty())
        settings.setValue(kSendFolderKey, folder);
}

void PdfPreview::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace Kontor
