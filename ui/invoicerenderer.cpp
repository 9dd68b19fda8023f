#include "invoicerenderer.h"

#include "htmltemplate.h"
#include "money.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

const QString kTemplatePath = u":/kontor/templates/invoice.html"_s;
const QString kLogoUrl = u"kontor-logo:company"_s;

// Page geometry in millimetres. The bottom margin leaves room for the painted footer.
constexpr qreal kMarginSide = 18.0;
constexpr qreal kMarginTop = 16.0;
constexpr qreal kMarginBottom = 22.0;
constexpr qreal kFooterBaseline = 12.0; // from the bottom edge

// The logo is fitted into this box, in the 96-dpi pixels QTextDocument sizes images in.
constexpr int kLogoMaxWidth = 180;
constexpr int kLogoMaxHeight = 64;

const QColor kInk(0x1d, 0x24, 0x30);
const QColor kMuted(0x5b, 0x65, 0x75);
const QColor kRule(0xd5, 0xdb, 0xe5);
const QColor kWatermark(0xec, 0xef, 0xf4);

// An unbreakable space keeps "1,234.50 EUR" and "22 %" on one line.
constexpr QChar kNbsp(0x00a0);

QFont documentFont(qreal pointSize, bool bold = false)
{
    QFont font;
    // DejaVu Sans covers Latin, Greek and Cyrillic and the euro sign and ships with most Linux
    // systems; the others are what Windows and macOS offer. Qt falls back per glyph beyond these.
    font.setFamilies({u"DejaVu Sans"_s, u"Segoe UI"_s, u"Helvetica Neue"_s, u"Arial"_s});
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    // Without shaping Latin text gets no ligatures: "Caffè" stays c-a-f-f-è in the PDF's text
    // layer, so it can be searched for and copied; shaping is still applied where a script
    // needs it.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// Amounts print as "1,234.50": thousands grouped, a point for decimals, whatever the machine's
// locale, so an invoice reads the same to the customer and the accountant.
QString groupThousands(const QString &plain)
{
    const bool negative = plain.startsWith(u'-');
    const QString digits = negative ? plain.mid(1) : plain;
    const qsizetype dot = digits.indexOf(u'.');
    QString integer = dot < 0 ? digits : digits.left(dot);
    const QString fraction = dot < 0 ? QString() : digits.mid(dot);
    for (qsizetype i = integer.size() - 3; i > 0; i -= 3)
        integer.insert(i, u',');
    return (negative ? u"-"_s : QString()) + integer + fraction;
}

class Numbers
{
public:
    explicit Numbers(const QString &currency)
        : m_currency(currency)
        , m_digits(Currency::find(currency).value_or(Currency {currency, 2}).minorDigits)
    { }

    QString currency() const { return m_currency; }
    QString amount(qint64 minor) const { return groupThousands(formatMinor(minor, m_digits)); }
    QString money(qint64 minor) const { return amount(minor) + kNbsp + m_currency; }

    // Unit prices carry extra decimals; show them only when they are used (12.3456, but 80.00).
    QString unitPrice(qint64 price) const
    {
        QString text = formatFixed(price, m_digits + PriceExtraDecimals);
        for (int i = 0; i < PriceExtraDecimals && text.endsWith(u'0'); ++i)
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
        return groupThousands(text);
    }

    static QString quantity(qint64 quantity)
    {
        return groupThousands(formatFixed(quantity, QuantityDecimals, true));
    }

    static QString percent(int basisPoints)
    {
        return formatFixed(basisPoints, 2, true) + kNbsp + u'%';
    }

private:
    QString m_currency;
    int m_digits = 2;
};

QString formatDate(const QDate &date)
{
    // "9 Mar 2026": no day/month order to guess.
    return date.isValid() ? QLocale(QLocale::English).toString(date, u"d MMM yyyy"_s) : QString();
}

// UN/ECE Recommendation 20 codes as people read them; codes not listed print as they are.
QString unitLabel(const QString &code)
{
    static const QHash<QString, QString> labels = {
        {u"C62"_s, u"pcs"_s},     {u"H87"_s, u"pcs"_s},    {u"EA"_s, u"each"_s},
        {u"HUR"_s, u"h"_s},       {u"MIN"_s, u"min"_s},    {u"DAY"_s, u"days"_s},
        {u"WEE"_s, u"weeks"_s},   {u"MON"_s, u"months"_s}, {u"ANN"_s, u"years"_s},
        {u"KGM"_s, u"kg"_s},      {u"GRM"_s, u"g"_s},      {u"TNE"_s, u"t"_s},
        {u"MTR"_s, u"m"_s},       {u"KMT"_s, u"km"_s},     {u"MTK"_s, u"m²"_s},
        {u"MTQ"_s, u"m³"_s},      {u"LTR"_s, u"l"_s},      {u"KWH"_s, u"kWh"_s},
        {u"SET"_s, u"sets"_s},    {u"PR"_s, u"pairs"_s},   {u"LS"_s, u"lump sum"_s},
        {u"E48"_s, u"service"_s},
    };
    return labels.value(code, code);
}

QString categoryLabel(TaxCategory category)
{
    switch (category) {
    case TaxCategory::Standard:
        return u"Standard rate"_s;
    case TaxCategory::Zero:
        return u"Zero rated"_s;
    case TaxCategory::Exempt:
        return u"Exempt"_s;
    case TaxCategory::ReverseCharge:
        return u"Reverse charge"_s;
    case TaxCategory::IntraCommunity:
        return u"Intra-community supply"_s;
    case TaxCategory::Export:
        return u"Export outside the EU"_s;
    case TaxCategory::OutOfScope:
        return u"Outside the scope of VAT"_s;
    }
    return {};
}

QString countryName(const QString &code)
{
    if (code.isEmpty())
        return {};
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    return territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
}

QVariantList textRows(const QStringList &lines)
{
    QVariantList rows;
    for (const QString &line : lines)
        if (!line.trimmed().isEmpty())
            rows.append(QVariantHash {{u"text"_s, line}});
    return rows;
}

QStringList addressLines(const PostalAddress &a)
{
    QStringList city;
    for (const QString &part : {a.postalCode, a.city, a.region})
        if (!part.trimmed().isEmpty())
            city.append(part.trimmed());
    return {a.street, a.additional, city.join(u' '), countryName(a.country)};
}

QString oneLineAddress(const PostalAddress &a)
{
    QStringList parts;
    for (const QString &line : addressLines(a))
        if (!line.trimmed().isEmpty())
            parts.append(line);
    return parts.join(u", "_s);
}

// IBANs print in groups of four, as banks print them, so they can be read out and typed; the
// groups are joined by no-break spaces so an IBAN never wraps.
QString groupIban(const QString &iban)
{
    QString out;
    for (qsizetype i = 0; i < iban.size(); i += 4) {
        if (!out.isEmpty())
            out += kNbsp;
        out += iban.mid(i, 4);
    }
    return out;
}

QImage logoImage(const CompanyProfile &company)
{
    if (company.logo.isEmpty())
        return {};
    const bool svg = company.logoMime.contains(u"svg"_s, Qt::CaseInsensitive)
        || company.logo.left(256).contains("<svg");
    if (!svg)
        return QImage::fromData(company.logo);
    QSvgRenderer renderer(company.logo);
    if (!renderer.isValid() || renderer.defaultSize().isEmpty())
        return {};
    // Rasterised at about 600 dpi for the logo box: sharp in print, small in the file.
    const QSize size = renderer.defaultSize().scaled(QSize(kLogoMaxWidth, kLogoMaxHeight) * 6,
                                                     Qt::KeepAspectRatio);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    return image;
}

struct PageFrame
{
    bool draft = false;
    QString footerLeft;
    QString documentLabel; // "Invoice 2026-L-0001", on every page next to the page number
};

Error ioError(const QString &path, const QString &why)
{
    return Error {ErrorKind::Io, u"pdfPath"_s, u"write-failed"_s,
                  u"cannot write '%1': %2"_s.arg(path, why)};
}

Result<QString> loadTemplate()
{
    QFile file(kTemplatePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error {ErrorKind::Io,
                      {},
                      u"template-missing"_s,
                      u"the invoice template %1 is not built in"_s.arg(kTemplatePath)};
    return QString::fromUtf8(file.readAll());
}

struct Buyer
{
    QString name;
    PostalAddress address;
    QString vatId;
    QString taxId;
};

// Issued documents show the buyer frozen at issue; drafts and quotes show the customer as they
// are now, since the document will take that state when it is issued.
Buyer buyerOf(const Ledger &ledger, const Document &doc)
{
    if (doc.isIssued() && !doc.customerSnapshot.name.isEmpty()) {
        const Customer &c = doc.customerSnapshot;
        return {c.name, c.billingAddress, c.vatId, c.taxId};
    }
    if (!doc.customerId.isEmpty()) {
        if (auto c = ledger.customer(doc.customerId))
            return {c->name, c->billingAddress, c->vatId, c->taxId};
    }
    return {doc.customerName, {}, {}, {}};
}

QString paymentTermsText(const Ledger &ledger, const Document &doc, const CompanyProfile &company)
{
    if (!doc.paymentTerms.trimmed().isEmpty())
        return doc.paymentTerms;
    if (doc.kind != DocumentKind::Invoice)
        return {};
    int days = -1;
    if (doc.issueDate.isValid() && doc.dueDate.isValid()) {
        days = int(doc.issueDate.daysTo(doc.dueDate));
    } else {
        // A draft without a due date: issuing will apply the customer's or the company's terms.
        Customer customer = doc.customerSnapshot;
        if (!doc.isIssued()) {
            if (auto current = ledger.customer(doc.customerId))
                customer = current.value();
        }
        days
            = customer.paymentTermsDays >= 0 ? customer.paymentTermsDays : company.paymentTermsDays;
    }
    if (days <= 0)
        return u"Payable on receipt."_s;
    if (doc.dueDate.isValid())
        return u"Payable within %1 days of the issue date, by %2."_s.arg(QString::number(days),
                                                                         formatDate(doc.dueDate));
    return u"Payable within %1 days of the issue date."_s.arg(days);
}

QVariantHash buildContext(const Ledger &ledger, const Document &doc, const CompanyProfile &company,
                          const QString &referencedNumber, const QImage &logo)
{
    const Numbers numbers(doc.currency.isEmpty() ? company.currency : doc.currency);
    const bool draft = doc.status == DocumentStatus::Draft && doc.kind != DocumentKind::Quote;
    QVariantHash c;

    switch (doc.kind) {
    case DocumentKind::Invoice:
        c[u"title"_s] = u"Invoice"_s;
        break;
    case DocumentKind::CreditNote:
        c[u"title"_s] = u"Credit note"_s;
        break;
    case DocumentKind::Quote:
        c[u"title"_s] = u"Quote"_s;
        break;
    }
    QStringList subtitle;
    if (draft)
        subtitle.append(u"Draft, not yet issued"_s);
    if (doc.kind == DocumentKind::CreditNote && !referencedNumber.isEmpty())
        subtitle.append(u"Credit note for invoice %1"_s.arg(referencedNumber));
    c[u"subtitle"_s] = subtitle.join(u'\n');

    if (!logo.isNull()) {
        const QSize box = logo.size().scaled(kLogoMaxWidth, kLogoMaxHeight, Qt::KeepAspectRatio);
        c[u"logo"_s] = true;
        c[u"logoWidth"_s] = QString::number(box.width());
        c[u"logoHeight"_s] = QString::number(box.height());
    }
    c[u"companyName"_s] = company.name;
    c[u"companyLines"_s] = textRows(addressLines(company.address));
    c[u"companyVatId"_s] = company.vatId;
    c[u"companyTaxId"_s] = company.taxId != company.vatId ? company.taxId : QString();
    c[u"companyContacts"_s] = textRows({company.email, company.phone});

    const Buyer buyer = buyerOf(ledger, doc);
    c[u"buyerLabel"_s] = doc.kind == DocumentKind::Quote ? u"QUOTE FOR"_s : u"BILL TO"_s;
    c[u"buyerName"_s] = buyer.name;
    c[u"buyerLines"_s] = textRows(addressLines(buyer.address));
    c[u"buyerVatId"_s] = buyer.vatId;
    c[u"buyerTaxId"_s] = buyer.taxId != buyer.vatId ? buyer.taxId : QString();

    QVariantList meta;
    auto addMeta = [&meta](const QString &label, const QString &value) {
        if (!value.isEmpty())
            meta.append(QVariantHash {{u"label"_s, label}, {u"value"_s, value}});
    };
    if (doc.kind == DocumentKind::Quote)
        addMeta(u"Quote date"_s, formatDate(doc.issueDate));
    else
        addMeta(u"Number"_s, draft ? u"assigned on issue"_s : doc.number);
    if (doc.kind != DocumentKind::Quote)
        addMeta(u"Issue date"_s, formatDate(doc.issueDate));
    if (doc.kind == DocumentKind::Invoice)
        addMeta(u"Due date"_s, formatDate(doc.dueDate));
    else if (doc.kind == DocumentKind::Quote)
        addMeta(u"Valid until"_s, formatDate(doc.dueDate));
    addMeta(u"Your reference"_s, doc.buyerReference);
    addMeta(u"Currency"_s, numbers.currency());
    c[u"meta"_s] = meta;

    bool hasDiscount = false;
    for (const DocumentLine &line : doc.lines)
        hasDiscount = hasDiscount || line.discountBp != 0;
    c[u"hasDiscount"_s] = hasDiscount;
    c[u"currency"_s] = numbers.currency();

    QVariantList lines;
    for (const DocumentLine &line : doc.lines) {
        const bool rated
            = line.taxCategory == TaxCategory::Standard || line.taxCategory == TaxCategory::Zero;
        lines.append(QVariantHash {
            {u"description"_s, line.description},
            {u"quantity"_s, Numbers::quantity(line.quantity)},
            {u"unit"_s, unitLabel(line.unit)},
            {u"unitPrice"_s, numbers.unitPrice(line.unitPrice)},
            {u"discount"_s, line.discountBp ? Numbers::percent(line.discountBp) : QString()},
            {u"vat"_s,
             rated ? Numbers::percent(line.taxRateBp) : taxCategoryCode(line.taxCategory)},
            {u"net"_s, numbers.amount(line.netMinor)},
        });
    }
    c[u"lines"_s] = lines;

    QVariantList breakdown;
    bool reverseCharge = false;
    for (const VatBreakdown &b : doc.totals.breakdown) {
        QString note = b.exemptionReason;
        // The category label already says "Reverse charge"; repeat only a different wording.
        if (b.category == TaxCategory::ReverseCharge) {
            reverseCharge = true;
            if (note.compare(u"Reverse charge"_s, Qt::CaseInsensitive) == 0)
                note.clear();
        }
        if (!b.exemptionReasonCode.isEmpty())
            note = note.isEmpty() ? b.exemptionReasonCode
                                  : u"%1 (%2)"_s.arg(note, b.exemptionReasonCode);
        breakdown.append(QVariantHash {
            {u"category"_s,
             u"%1 (%2)"_s.arg(categoryLabel(b.category), taxCategoryCode(b.category))},
            {u"note"_s, note},
            {u"rate"_s, Numbers::percent(b.rateBp)},
            {u"taxable"_s, numbers.amount(b.taxableMinor)},
            {u"vat"_s, numbers.amount(b.vatMinor)},
        });
    }
    c[u"breakdown"_s] = breakdown;
    c[u"reverseCharge"_s] = reverseCharge;

    QVariantList totals;
    auto addTotal = [&totals](const QString &label, const QString &value) {
        totals.append(QVariantHash {{u"label"_s, label}, {u"value"_s, value}});
    };
    addTotal(u"Net total"_s, numbers.money(doc.totals.taxExclusive));
    addTotal(u"VAT"_s, numbers.money(doc.totals.vatTotal));
    if (doc.kind == DocumentKind::Invoice && doc.isIssued()) {
        addTotal(u"Total"_s, numbers.money(doc.totals.taxInclusive));
        addTotal(u"Paid"_s, numbers.money(-doc.paidMinor));
        if (doc.creditedMinor != 0)
            addTotal(u"Credited"_s, numbers.money(-doc.creditedMinor));
        c[u"grandLabel"_s] = u"Amount due"_s;
        c[u"grandValue"_s] = numbers.money(doc.balanceMinor());
    } else {
        c[u"grandLabel"_s]
            = doc.kind == DocumentKind::CreditNote ? u"Total credited"_s : u"Total"_s;
        c[u"grandValue"_s] = numbers.money(doc.totals.taxInclusive);
    }
    c[u"totals"_s] = totals;

    const QString terms = paymentTermsText(ledger, doc, company);
    const bool bank = doc.kind == DocumentKind::Invoice
        && !(company.iban.isEmpty() && company.bic.isEmpty() && company.bankName.isEmpty());
    c[u"paymentTerms"_s] = terms;
    c[u"paymentReference"_s]
        = doc.kind == DocumentKind::Invoice && doc.isIssued() ? doc.number : QString();
    c[u"bank"_s] = bank;
    c[u"bankName"_s] = company.bankName;
    c[u"iban"_s] = groupIban(company.iban);
    c[u"bic"_s] = company.bic;
    c[u"paymentBlock"_s] = bank || !terms.isEmpty();
    c[u"notes"_s] = doc.notes.trimmed();
    return c;
}

void paintWatermark(QPainter &painter, const QRectF &page)
{
    painter.save();
    painter.setPen(kWatermark);
    painter.setFont(documentFont(120, true));
    painter.translate(page.center());
    painter.rotate(-35);
    const QRectF box(-page.width(), -page.height() / 4, 2 * page.width(), page.height() / 2);
    painter.drawText(box, Qt::AlignCenter, u"DRAFT"_s);
    painter.restore();
}

void paintFooter(QPainter &painter, const QRectF &page, qreal mm, const PageFrame &frame, int page1,
                 int pages)
{
    painter.save();
    const QFont font = documentFont(6.5);
    painter.setFont(font);
    const qreal left = kMarginSide * mm;
    const qreal right = page.width() - kMarginSide * mm;
    const qreal baseline = page.height() - kFooterBaseline * mm;
    const QFontMetricsF metrics(font, painter.device());
    painter.setPen(QPen(kRule, 0.25 * mm));
    const qreal ruleY = baseline - metrics.ascent() - 2.0 * mm;
    painter.drawLine(QPointF(left, ruleY), QPointF(right, ruleY));
    painter.setPen(kMuted);
    const QString pageText = u"%1  ·  Page %2 of %3"_s.arg(
        frame.documentLabel, QString::number(page1), QString::number(pages));
    const qreal pageWidth = metrics.horizontalAdvance(pageText);
    const QString leftText
        = metrics.elidedText(frame.footerLeft, Qt::ElideRight, right - left - pageWidth - 6.0 * mm);
    painter.drawText(QPointF(left, baseline), leftText);
    painter.drawText(QPointF(right - pageWidth, baseline), pageText);
    painter.restore();
}

// Lays the document out on the device's pages and paints each page: watermark first, so the text
// stays on top, then the slice of the document that falls on the page, then the footer.
Status paintPages(QTextDocument &doc, QPagedPaintDevice &device, const PageFrame &frame)
{
    // For a QPdfWriter and a QPrinter alike the logical resolution is the device's resolution.
    const int dpi = device.logicalDpiY();
    const QRectF page = device.pageLayout().fullRectPixels(dpi);
    const qreal mm = dpi / 25.4;
    const QRectF body(kMarginSide * mm, kMarginTop * mm, page.width() - 2 * kMarginSide * mm,
                      page.height() - (kMarginTop + kMarginBottom) * mm);
    doc.setPageSize(body.size());
    const int pages = doc.pageCount();

    QPainter painter;
    if (!painter.begin(&device))
        return Error {ErrorKind::Io, u"pdfPath"_s, u"write-failed"_s,
                      u"cannot start painting the document"_s};
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !device.newPage())
            return Error {ErrorKind::Io, u"pdfPath"_s, u"write-failed"_s,
                          u"cannot start page %1 of the document"_s.arg(i + 1)};
        if (frame.draft)
            paintWatermark(painter, page);
        painter.save();
        painter.translate(body.topLeft());
        painter.setClipRect(QRectF(QPointF(0, 0), body.size()));
        painter.translate(0, -i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(QPointF(0, i * body.height()), body.size());
        context.palette.setColor(QPalette::Text, kInk);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
        paintFooter(painter, page, mm, frame, i + 1, pages);
    }
    if (!painter.end())
        return Error {ErrorKind::Io, u"pdfPath"_s, u"write-failed"_s,
                      u"the device failed to finish the document"_s};
    return {};
}

// Everything the pages need, gathered from the ledger once, independent of the device.
struct PreparedDocument
{
    QString html;
    QImage logo;
    PageFrame frame;
    QString title;
};

Status needsGuiApplication()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error {ErrorKind::Usage,
                      {},
                      u"no-gui-application"_s,
                      u"rendering a PDF needs a QGuiApplication for its fonts"_s};
    return {};
}

Result<PreparedDocument> prepareDocument(const Ledger &ledger, const QString &documentId)
{
    KONTOR_TRY(needsGuiApplication());
    auto loaded = ledger.document(documentId);
    if (!loaded)
        return loaded.error();
    const Document &doc = loaded.value();
    auto company = ledger.company();
    if (!company)
        return company.error();
    QString referencedNumber;
    if (doc.kind == DocumentKind::CreditNote && !doc.referenceId.isEmpty()) {
        if (auto invoice = ledger.document(doc.referenceId))
            referencedNumber = invoice->number;
    }
    auto text = loadTemplate();
    if (!text)
        return text.error();

    PreparedDocument prepared;
    prepared.logo = logoImage(company.value());
    auto html = renderHtmlTemplate(
        text.value(), buildContext(ledger, doc, company.value(), referencedNumber, prepared.logo));
    if (!html)
        return html.error();
    prepared.html = html.value();

    const QString kindName = doc.kind == DocumentKind::Invoice ? u"Invoice"_s
        : doc.kind == DocumentKind::CreditNote                 ? u"Credit note"_s
                                                               : u"Quote"_s;
    const bool draft = doc.status == DocumentStatus::Draft && doc.kind != DocumentKind::Quote;
    const QString label = doc.number.isEmpty() ? (draft ? u"%1 (draft)"_s.arg(kindName) : kindName)
                                               : u"%1 %2"_s.arg(kindName, doc.number);
    prepared.title = u"%1 · %2"_s.arg(label, company->name);

    prepared.frame.draft = draft;
    QStringList footer {company->name, oneLineAddress(company->address)};
    if (!company->vatId.isEmpty())
        footer.append(u"VAT ID %1"_s.arg(company->vatId));
    footer.removeAll(QString());
    prepared.frame.footerLeft = footer.join(u"  ·  "_s);
    prepared.frame.documentLabel = label;
    return prepared;
}

Status paintDocument(const PreparedDocument &prepared, QPagedPaintDevice &device)
{
    QTextDocument textDoc;
    // Lay out against the device so that fonts are measured at its resolution.
    textDoc.documentLayout()->setPaintDevice(&device);
    textDoc.setDocumentMargin(0);
    textDoc.setDefaultFont(documentFont(8.5));
    if (!prepared.logo.isNull())
        textDoc.addResource(QTextDocument::ImageResource, QUrl(kLogoUrl), prepared.logo);
    textDoc.setHtml(prepared.html);
    return paintPages(textDoc, device, prepared.frame);
}

} // namespace

Status renderInvoice(const Ledger &ledger, const QString &documentId, QPagedPaintDevice &device)
{
    auto prepared = prepareDocument(ledger, documentId);
    if (!prepared)
        return prepared.error();
    return paintDocument(prepared.value(), device);
}

Status renderInvoicePdf(const Ledger &ledger, const QString &documentId, const QString &pdfPath)
{
    KONTOR_TRY(needsGuiApplication());
    if (pdfPath.isEmpty())
        return validationError(u"pdfPath"_s, u"required"_s, u"no file name for the PDF"_s);
    auto prepared = prepareDocument(ledger, documentId);
    if (!prepared)
        return prepared.error();

    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(pdfPath, file.errorString());

    QPdfWriter writer(&file);
    writer.setResolution(600);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(prepared->title);
    writer.setCreator(u"Kontor"_s);

    KONTOR_TRY(paintDocument(prepared.value(), writer));
    if (!file.commit())
        return ioError(pdfPath, file.errorString());
    return {};
}

} // namespace Kontor
