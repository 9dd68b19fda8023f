// Renders an issued (or draft) document of the ledger to PDF: company and customer blocks,
// number and dates, lines, VAT breakdown with exemption and reverse-charge texts, totals,
// payment terms and bank details, and the company logo.
#pragma once

#include "ledger.h"
#include "result.h"

#include <QString>

namespace Kontor {

// Needs a QGuiApplication (fonts). Writes the file atomically (QSaveFile): on error nothing is
// left behind.
Status renderInvoicePdf(const Ledger &ledger, const QString &documentId, const QString &pdfPath);

} // namespace Kontor
