// Renders an issued (or draft) document of the ledger to PDF: company and customer blocks,
// number and dates, lines, VAT breakdown with exemption and reverse-charge texts, totals,
// payment terms and bank details, and the company logo.
#pragma once

#include "ledger.h"
#include "result.h"

#include <QString>

class QPagedPaintDevice;

namespace Kontor {

// Needs a QGuiApplication (fonts). Writes the file atomically (QSaveFile): on error nothing is
// left behind.
Status renderInvoicePdf(const Ledger &ledger, const QString &documentId, const QString &pdfPath);

// Paints the same pages onto any paged device, for print and print preview: the pages take the
// device's page layout, painted from the paper's corner (a QPrinter must be in full-page mode).
// Needs a QGuiApplication.
Status renderInvoice(const Ledger &ledger, const QString &documentId, QPagedPaintDevice &device);

} // namespace Kontor
