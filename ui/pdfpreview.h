// Shows a document (invoice, credit note, quote) as it prints, through the same renderer that
// writes its PDF, and saves it as PDF, prints it, or "sends" it: a mailto: link cannot carry an
// attachment on every platform, so Send saves the PDF into a folder, opens the system's mail
// client with the customer's address, a subject and a body that says where the file is, and
// opens that folder so the file can be dragged into the message (docs/desktop.md, "Sending an
// invoice").
#pragma once

#include "result.h"
#include "uicontext.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QPrinter;
class QPrintPreviewWidget;

namespace Kontor {

class PdfPreview : public QDialog
{
    Q_OBJECT
public:
    PdfPreview(UiContext &ctx, const QString &documentId, QWidget *parent = nullptr);
    ~PdfPreview() override;

    // Pages of the preview (0 until it was laid out, i.e. shown).
    int pageCount() const;
    // The last rendering error; empty when the preview rendered.
    QString renderError() const { return m_renderError; }

    // "Invoice 2026-0001.pdf", "Quote 2026-03-09.pdf", ...
    QString suggestedFileName() const;
    // Writes the PDF to `path`, atomically.
    Status saveAs(const QString &path);
    // Saves the PDF into `folder` (created if needed), opens the mail client and the folder;
    // returns the PDF's path. mailClientOpened() says whether the system took the mail link.
    Result<QString> send(const QString &folder);
    bool mailClientOpened() const { return m_mailOpened; }
    // The mailto: link Send opens for a PDF saved at `pdfPath`.
    QUrl mailtoUrl(const QString &pdfPath) const;
    // Where Send saves unless the user chose a folder: Documents/Kontor.
    static QString defaultSendFolder();

private:
    void paint(QPrinter *printer);
    void saveWithDialog();
    void printWithDialog();
    void sendToDefaultFolder();
    void chooseSendFolder();
    void showMessage(const QString &text);

    UiContext &m_ctx;
    QString m_documentId;
    QString m_title; // "Invoice 2026-0001"
    QString m_renderError;
    bool m_mailOpened = false;
    QPrinter *m_printer = nullptr;
    QPrintPreviewWidget *m_view = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Kontor
