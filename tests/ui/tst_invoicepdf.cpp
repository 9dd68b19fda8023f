// The invoice PDF: rendered from a real ledger and read back with poppler's pdftotext, so the
// checks see what a customer's PDF viewer sees. Set KONTOR_PDF_SAMPLE_DIR to keep the PDFs; the
// README's picture is `pdftoppm -png -r 100 -singlefile <dir>/invoice.pdf
// docs/images/invoice-sample`.
#include "invoicerenderer.h"
#include "ledger.h"
#include "money.h"
#include "store.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;

namespace {

QByteArray pngLogo()
{
    QImage image(360, 120, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x24, 0x48, 0x7a));
    p.drawRoundedRect(QRectF(0, 0, 120, 120), 24, 24);
    p.setBrush(QColor(0xe0, 0x8a, 0x2c));
    p.drawEllipse(QRectF(70, 70, 36, 36));
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(64);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRectF(0, 0, 120, 110), Qt::AlignCenter, u"SR"_s);
    p.setPen(QColor(0x1d, 0x24, 0x30));
    font.setPixelSize(46);
    p.setFont(font);
    p.drawText(QRectF(140, 0, 220, 120), Qt::AlignVCenter | Qt::AlignLeft, u"studio"_s);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

const QByteArray kSvgLogo
    = "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40' viewBox='0 0 120 40'>"
      "<rect width='40' height='40' rx='8' fill='#24487a'/>"
      "<circle cx='80' cy='20' r='16' fill='#e08a2c'/></svg>";

qint64 eur(qint64 units, qint64 cents = 0)
{
    return units * 100 + cents;
}

qint64 price(qint64 units, qint64 cents = 0)
{
    return eur(units, cents) * PriceExtraScale;
}

qint64 quantity(const char *text)
{
    auto q = parseFixed(QString::fromLatin1(text), QuantityDecimals, u"quantity"_s);
    Q_ASSERT(q.ok());
    return q.value();
}

int pageCount(const QString &pdfPath)
{
    QFile f(pdfPath);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression page(u"/Type\\s*/Page(?![s\\w])"_s);
    int n = 0;
    for (const QRegularExpressionMatch &m : page.globalMatch(QString::fromLatin1(f.readAll()))) {
        Q_UNUSED(m);
        ++n;
    }
    return n;
}

} // namespace

class TestInvoicePdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void issuedInvoice();
    void creditNote();
    void draftOverManyPages();
    void quoteWithSvgLogo();
    void unknownDocument();
    void unwritablePath();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The PDF's text as pdftotext lays it out, with no-break spaces made plain.
    QString pdfText(const QString &pdfPath, const QString &mode = u"-layout"_s);
    void keepSample(const QString &pdfPath);
    QString rateId(TaxCategory category, int rateBp) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ledger> m_ledger;
    QString m_pdftotext;
    QString m_customerId;
    QString m_productId;
    Document m_invoice;
};

void TestInvoicePdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);

    auto store = Store::open(path(u"ledger.kontor"_s), Store::OpenMode::CreateNew);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(store.value());
    m_ledger = std::make_unique<Ledger>(*m_store);

    CompanyProfile company;
    company.name = u"Studio Rossi di Marco Rossi"_s;
    company.address = {u"Via Roma 12"_s, {}, u"20121"_s, u"Milano"_s, u"MI"_s, u"IT"_s};
    company.vatId = u"IT12345678903"_s;
    company.email = u"marco@studiorossi.example"_s;
    company.phone = u"+39 02 1234 5678"_s;
    company.iban = u"IT60X0542811101000000123456"_s;
    company.bic = u"BPMOIT22XXX"_s;
    company.bankName = u"Banca Esempio, Milano"_s;
    company.logo = pngLogo();
    company.logoMime = u"image/png"_s;
    const Status init = m_ledger->initialize(company, u"2026-L-"_s);
    QVERIFY2(init.ok(), qPrintable(init.ok() ? QString() : init.error().toString()));

    Customer customer;
    customer.name = u"Caffè Größe GmbH"_s;
    customer.email = u"einkauf@caffe-groesse.example"_s;
    customer.vatId = u"DE123456789"_s;
    customer.billingAddress
        = {u"Hauptstraße 5"_s, u"Hinterhaus, 2. OG"_s, u"10115"_s, u"Berlin"_s, {}, u"DE"_s};
    auto c = m_ledger->addCustomer(customer);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    m_customerId = c->id;

    Product product;
    product.name = u"Barista training"_s;
    product.unit = u"DAY"_s;
    product.unitPrice = price(450);
    product.taxRateId = rateId(TaxCategory::Standard, 1000);
    auto p = m_ledger->addProduct(product);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
    m_productId = p->id;

    Document draft;
    draft.kind = DocumentKind::Invoice;
    draft.customerId = m_customerId;
    draft.issueDate = QDate(2026, 3, 9);
    draft.buyerReference = u"PO 4711"_s;
    draft.notes = u"Thank you for your business. All prices in € (EUR).\nGrazie mille!"_s;
    DocumentLine design;
    design.description = u"Espresso bar design: concept, floor plan and drawings"_s;
    design.quantity = quantity("12.5");
    design.unit = u"HUR"_s;
    design.unitPrice = price(80);
    design.taxRateId = rateId(TaxCategory::Standard, 2200);
    DocumentLine training;
    training.productId = m_productId;
    training.description = u"Barista training on site, team of the Größe branch"_s;
    training.quantity = quantity("2");
    training.unit = u"DAY"_s;
    training.unitPrice = price(450);
    training.discountBp = 1000;
    training.taxRateId = rateId(TaxCategory::Standard, 1000);
    DocumentLine beans;
    beans.description = u"Caffè beans sample box, 250 g"_s;
    beans.quantity = quantity("3");
    beans.unitPrice = price(12, 34) + 50; // 12.345
    beans.taxRateId = rateId(TaxCategory::Standard, 400);
    DocumentLine install;
    install.description = u"Installation of the grinder (1,000 € deposit already settled)"_s;
    install.quantity = quantity("1");
    install.unitPrice = price(500);
    install.taxRateId = rateId(TaxCategory::ReverseCharge, 0);
    draft.lines = {design, training, beans, install};

    auto created = m_ledger->createDraft(draft);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    auto issued = m_ledger->issue(created->id);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));

    Payment payment;
    payment.targetId = issued->id;
    payment.date = QDate(2026, 3, 20);
    payment.amountMinor = eur(1000);
    payment.currency = u"EUR"_s;
    payment.method = u"bank transfer"_s;
    auto paid = m_ledger->recordPayment(payment);
    QVERIFY2(paid.ok(), qPrintable(paid.ok() ? QString() : paid.error().toString()));

    auto reloaded = m_ledger->document(issued->id);
    QVERIFY(reloaded.ok());
    m_invoice = reloaded.value();
    // 1,000.00 at 22 % + 810.00 at 10 % + 37.04 at 4 % + 500.00 reverse charge.
    QCOMPARE(m_invoice.totals.taxExclusive, eur(2347, 4));
    QCOMPARE(m_invoice.totals.vatTotal, eur(302, 48));
    QCOMPARE(m_invoice.totals.taxInclusive, eur(2649, 52));
    QCOMPARE(m_invoice.balanceMinor(), eur(1649, 52));
}

QString TestInvoicePdf::rateId(TaxCategory category, int rateBp) const
{
    auto rates = m_ledger->taxRates();
    if (!rates)
        return {};
    for (const TaxRate &r : rates.value())
        if (r.category == category && r.rateBp == rateBp)
            return r.id;
    return {};
}

QString TestInvoicePdf::pdfText(const QString &pdfPath, const QString &mode)
{
    QProcess process;
    process.start(m_pdftotext, {mode, u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.replace(QChar(0x00a0), u' ');
    return text;
}

void TestInvoicePdf::keepSample(const QString &pdfPath)
{
    const QString dir = qEnvironmentVariable("KONTOR_PDF_SAMPLE_DIR");
    if (dir.isEmpty())
        return;
    const QString target = QDir(dir).filePath(QFileInfo(pdfPath).fileName());
    QFile::remove(target);
    QVERIFY(QFile::copy(pdfPath, target));
}

void TestInvoicePdf::issuedInvoice()
{
    const QString pdf = path(u"invoice.pdf"_s);
    const Status s = renderInvoicePdf(*m_ledger, m_invoice.id, pdf);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    keepSample(pdf);

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    QCOMPARE(pageCount(pdf), 1);
    QVERIFY(QDir(m_dir.path()).entryList({u"invoice.pdf*"_s}, QDir::Files).size() == 1);

    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; the PDF's text is not checked");
    const QString text = pdfText(pdf);
    QVERIFY2(!text.isEmpty(), "pdftotext read no text");
    const QStringList expected {
        u"Invoice"_s,
        m_invoice.number,
        u"Studio Rossi di Marco Rossi"_s,
        u"VAT ID IT12345678903"_s,
        u"marco@studiorossi.example"_s,
        u"Caffè Größe GmbH"_s,
        u"Hauptstraße 5"_s,
        u"10115 Berlin"_s,
        u"VAT ID DE123456789"_s,
        u"9 Mar 2026"_s,
        u"8 Apr 2026"_s, // 30 days of the company's default terms
        u"PO 4711"_s,
        u"12.5"_s,
        u"12.345"_s,
        u"10 %"_s,
        u"1,000.00"_s,
        u"810.00"_s,
        u"37.04"_s,
        u"Reverse charge"_s,
        u"Standard rate (S)"_s,
        u"302.48 EUR"_s,
        u"2,649.52 EUR"_s,
        u"-1,000.00 EUR"_s,
        u"Amount due"_s,
        u"1,649.52 EUR"_s,
        u"IT60 X054 2811 1010 0000 0123 456"_s,
        u"BPMOIT22XXX"_s,
        u"Banca Esempio"_s,
        u"€ (EUR)"_s,
        u"Grazie mille!"_s,
        u"Page 1 of 1"_s,
    };
    for (const QString &needle : expected)
        QVERIFY2(text.contains(needle), qPrintable(u"missing '%1' in:\n%2"_s.arg(needle, text)));
    QVERIFY(!text.contains(u"DRAFT"_s));
}

void TestInvoicePdf::creditNote()
{
    CreditNoteRequest request;
    request.invoiceId = m_invoice.id;
    request.reason = u"beans returned"_s;
    request.issueDate = QDate(2026, 3, 25);
    DocumentLine beans = m_invoice.lines.at(2);
    beans.id.clear();
    request.lines = {beans};
    auto draft = m_ledger->createCreditNote(request);
    QVERIFY2(draft.ok(), qPrintable(draft.ok() ? QString() : draft.error().toString()));
    auto issued = m_ledger->issue(draft->id);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));

    const QString pdf = path(u"credit-note.pdf"_s);
    const Status s = renderInvoicePdf(*m_ledger, issued->id, pdf);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    keepSample(pdf);
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));

    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; the PDF's text is not checked");
    const QString text = pdfText(pdf);
    const QStringList expected {
        u"Credit note"_s,
        issued->number,
        u"Credit note for invoice %1"_s.arg(m_invoice.number),
        u"Caffè Größe GmbH"_s,
        u"37.04"_s,
        u"1.48 EUR"_s,
        u"Total credited"_s,
        u"38.52 EUR"_s,
        u"beans returned"_s,
    };
    for (const QString &needle : expected)
        QVERIFY2(text.contains(needle), qPrintable(u"missing '%1' in:\n%2"_s.arg(needle, text)));
    QVERIFY2(!text.contains(u"IBAN"_s), "a credit note asks for no payment");
}

void TestInvoicePdf::draftOverManyPages()
{
    auto customer = m_ledger->customer(m_customerId);
    QVERIFY(customer.ok());
    Customer renamed = customer.value();
    renamed.name = u"Renamed Later AG"_s;
    const Status updated = m_ledger->updateCustomer(renamed);
    QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().toString()));

    Document draft;
    draft.customerId = m_customerId;
    draft.issueDate = QDate(2026, 4, 1);
    for (int i = 1; i <= 70; ++i) {
        DocumentLine line;
        line.description = u"Support ticket #%1: espresso machine check"_s.arg(i);
        line.quantity = quantity("0.75");
        line.unit = u"HUR"_s;
        line.unitPrice = price(60);
        line.taxRateId = rateId(TaxCategory::Standard, 2200);
        draft.lines.append(line);
    }
    auto created = m_ledger->createDraft(draft);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));

    const QString pdf = path(u"draft.pdf"_s);
    const Status s = renderInvoicePdf(*m_ledger, created->id, pdf);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    keepSample(pdf);
    const int pages = pageCount(pdf);
    QVERIFY2(pages >= 2, qPrintable(u"%1 pages"_s.arg(pages)));

    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; the PDF's text is not checked");
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(u"Draft, not yet issued"_s));
    // The watermark is set diagonally; only pdftotext's raw mode reads it.
    QCOMPARE(pdfText(pdf, u"-raw"_s).count(u"DRAFT"_s), pages);
    QVERIFY(text.contains(u"Support ticket #70"_s));
    // A draft shows the customer as they are now.
    QVERIFY(text.contains(u"Renamed Later AG"_s));
    // The lines' header is repeated on every page the table runs onto.
    QCOMPARE(text.count(u"Unit price"_s), pages);
    QVERIFY(text.contains(u"Page %1 of %1"_s.arg(pages)));
    // 70 x 0.75 h x 60.00 = 3,150.00 net, 693.00 VAT.
    QVERIFY(text.contains(u"3,843.00 EUR"_s));

    // The issued invoice still shows the buyer as at issue, not the later edit.
    const QString invoicePdf = path(u"invoice-again.pdf"_s);
    QVERIFY(renderInvoicePdf(*m_ledger, m_invoice.id, invoicePdf).ok());
    const QString invoiceText = pdfText(invoicePdf);
    QVERIFY(invoiceText.contains(u"Caffè Größe GmbH"_s));
    QVERIFY(!invoiceText.contains(u"Renamed Later AG"_s));
}

void TestInvoicePdf::quoteWithSvgLogo()
{
    auto company = m_ledger->company();
    QVERIFY(company.ok());
    CompanyProfile profile = company.value();
    const CompanyProfile original = profile;
    profile.logo = kSvgLogo;
    profile.logoMime = u"image/svg+xml"_s;
    QVERIFY(m_ledger->setCompany(profile).ok());

    Document quote;
    quote.kind = DocumentKind::Quote;
    quote.customerId = m_customerId;
    quote.issueDate = QDate(2026, 5, 4);
    quote.dueDate = QDate(2026, 6, 3);
    DocumentLine line;
    line.description = u"Menu board redesign"_s;
    line.quantity = quantity("1");
    line.unitPrice = price(1234, 50);
    line.taxRateId = rateId(TaxCategory::Standard, 2200);
    quote.lines = {line};
    auto created = m_ledger->createDraft(quote);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));

    const QString pdf = path(u"quote.pdf"_s);
    const Status s = renderInvoicePdf(*m_ledger, created->id, pdf);
    QVERIFY(m_ledger->setCompany(original).ok());
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    keepSample(pdf);

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY2(bytes.contains("/Subtype /Image"), "the SVG logo is drawn as an image");

    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; the PDF's text is not checked");
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(u"Quote"_s));
    QVERIFY(text.contains(u"Valid until"_s));
    QVERIFY(text.contains(u"1,234.50"_s));
    QVERIFY(text.contains(u"1,506.09 EUR"_s));
    QVERIFY(!text.contains(u"DRAFT"_s));
}

void TestInvoicePdf::unknownDocument()
{
    const QString pdf = path(u"missing.pdf"_s);
    const Status s = renderInvoicePdf(*m_ledger, u"01900000-0000-7000-8000-000000000000"_s, pdf);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().kind, ErrorKind::NotFound);
    QVERIFY(!QFile::exists(pdf));
    QVERIFY(QDir(m_dir.path()).entryList({u"missing*"_s}, QDir::Files).isEmpty());
}

void TestInvoicePdf::unwritablePath()
{
    // A regular file where a folder should be: no platform lets us create a file under it.
    const QString blocker = path(u"not-a-folder"_s);
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    const QString pdf = blocker + u"/invoice.pdf"_s;
    const Status s = renderInvoicePdf(*m_ledger, m_invoice.id, pdf);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().kind, ErrorKind::Io);
    QVERIFY(s.error().message.contains(pdf));
    QVERIFY(!QFile::exists(pdf));
}

QTEST_MAIN(TestInvoicePdf)
#include "tst_invoicepdf.moc"
