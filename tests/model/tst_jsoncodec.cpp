// The direct canonical JSON encoder writes exactly the bytes of QJsonDocument's compact form of
// toJson(): for every kind of record, empty or filled, with text that needs escaping.
#include "auditchain.h"
#include "jsoncodec.h"
#include "money.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestJsonCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strings_data();
    void strings();
    void everyRecordKind();
    void documentParts();
    void dates();
};

namespace {

// Text that QJsonDocument escapes or encodes in every way it can: quotes, backslashes, control
// characters, DEL, two- three- and four-byte UTF-8, and UTF-16 that is not valid (lone
// surrogates), which it writes as \u escapes.
QString awkward(int variant)
{
    switch (variant % 6) {
    case 0:
        return u"Caffè \"Größe\" \\ GmbH"_s;
    case 1:
        return QString::fromUtf16(u"tab\there\nnew line\r\x0001\x001f\x007f\b\f end");
    case 2:
        return QString::fromUtf16(u"emoji \U0001F600 and \u20AC, \u0800, \u07FF, \uFFFF");
    case 3: {
        QString s = u"lone high "_s;
        s += QChar(0xD800);
        s += u" lone low "_s;
        s += QChar(0xDC00);
        s += u" high at end "_s;
        s += QChar(0xDBFF);
        return s;
    }
    case 4:
        return QString(); // null: written as ""
    default:
        return u""_s;
    }
}

PostalAddress address(int v)
{
    return {awkward(v), awkward(v + 1), u"10115"_s, awkward(v + 2), awkward(v + 3), u"DE"_s};
}

Customer customer(int v)
{
    Customer c;
    c.id = u"0190b0a0-0000-7000-8000-00000000000%1"_s.arg(v);
    c.name = awkward(v);
    c.email = u"a@b.example"_s;
    c.vatId = u"DE123456789"_s;
    c.taxId = awkward(v + 1);
    c.billingAddress = address(v);
    c.shippingAddress = address(v + 2);
    c.paymentTermsDays = v % 2 ? -1 : 366;
    c.currency = v % 2 ? QString() : u"CHF"_s;
    c.notes = awkward(v + 3);
    c.archived = v % 2;
    return c;
}

DocumentLine line(int v)
{
    DocumentLine l;
    l.id = u"line-%1"_s.arg(v);
    l.productId = v % 2 ? QString() : u"product"_s;
    l.description = awkward(v);
    l.quantity = v % 3 ? 12345678 : -1;
    l.unit = u"HUR"_s;
    l.unitPrice = 9'000'000'000'000'000'000LL; // beyond 2^53: stays exact
    l.discountBp = 500;
    l.taxRateId = u"rate"_s;
    l.taxCategory = TaxCategory(v % 7);
    l.taxRateBp = 2200;
    l.exemptionReason = awkward(v + 1);
    l.exemptionReasonCode = u"VATEX-EU-AE"_s;
    l.grossMinor = std::numeric_limits<qint64>::max();
    l.allowanceMinor = std::numeric_limits<qint64>::min();
    l.netMinor = -42;
    return l;
}

DocumentTotals totals(int v)
{
    DocumentTotals t;
    t.lineNetSum = 100 * v;
    t.allowances = -1;
    t.charges = 0;
    t.taxExclusive = 123456789012345LL;
    t.vatTotal = 22;
    t.taxInclusive = 122;
    t.prepaid = 0;
    t.rounding = -3;
    t.payable = 119;
    for (int i = 0; i < v; ++i)
        t.breakdown.append({TaxCategory(i % 7), 2200 - i, 100 + i, 22, awkward(v + i),
                            i % 2 ? u"VATEX-EU-G"_s : QString()});
    return t;
}

Document document(int v, DocumentStatus status)
{
    Document d;
    d.id = u"doc-%1"_s.arg(v);
    d.kind = DocumentKind(v % 3);
    d.status = status;
    d.seriesId = v % 2 ? u"series"_s : QString();
    d.number = v % 2 ? u"2026-L-0001"_s : QString();
    d.sequence = v;
    d.customerId = u"customer"_s;
    d.customerName = awkward(v);
    d.customerSnapshot = customer(v);
    d.issueDate = QDate(2026, 1, 1 + v);
    d.dueDate = v % 2 ? QDate() : QDate(2026, 12, 31);
    d.currency = u"EUR"_s;
    d.notes = awkward(v + 1);
    d.paymentTerms = awkward(v + 2);
    d.referenceId = v % 2 ? QString() : u"ref"_s;
    d.buyerReference = awkward(v + 3);
    for (int i = 0; i < v; ++i)
        d.lines.append(line(v + i));
    d.totals = totals(v);
    return d;
}

template<typename T> QByteArray viaQt(const T &value)
{
    return canonicalBytes(toJson(value));
}

} // namespace

void TestJsonCodec::strings_data()
{
    QTest::addColumn<QString>("text");
    for (int v = 0; v < 6; ++v)
        QTest::addRow("variant %d", v) << awkward(v);
    // Every UTF-16 code unit once, paired and alone.
    QString all;
    for (int u = 0; u < 0x10000; ++u)
        all += QChar(char16_t(u));
    QTest::newRow("every code unit") << all;
    QRandomGenerator rng(7);
    for (int r = 0; r < 20; ++r) {
        QString s;
        for (int i = 0; i < 200; ++i)
            s += QChar(char16_t(rng.bounded(0x10000)));
        QTest::addRow("random %d", r) << s;
    }
}

void TestJsonCodec::strings()
{
    QFETCH(QString, text);
    Payment p;
    p.reference = text;
    p.method = text;
    QCOMPARE(canonicalJson(p), viaQt(p));
}

void TestJsonCodec::everyRecordKind()
{
    for (int v = 0; v < 6; ++v) {
        QCOMPARE(canonicalJson(address(v)), viaQt(address(v)));
        QCOMPARE(canonicalJson(PostalAddress {}), viaQt(PostalAddress {}));

        CompanyProfile company;
        QCOMPARE(canonicalJson(company), viaQt(company));
        company.name = awkward(v);
        company.address = address(v);
        company.vatId = awkward(v + 1);
        company.taxId = awkward(v + 2);
        company.email = u"x@y.example"_s;
        company.phone = awkward(v + 3);
        company.currency = u"EUR"_s;
        company.iban = u"IT60X0542811101000000123456"_s;
        company.bic = u"ABCDEFGH"_s;
        company.bankName = awkward(v + 4);
        company.paymentTermsDays = v;
        company.logo = QByteArray("\x89PNG\r\n\x1a\n\0\xff", 10);
        company.logoMime = u"image/png"_s;
        QCOMPARE(canonicalJson(company), viaQt(company));

        TaxRate rate;
        QCOMPARE(canonicalJson(rate), viaQt(rate));
        rate = {u"r"_s,         awkward(v),     1234 * v,  TaxCategory(v % 7),
                awkward(v + 1), awkward(v + 2), v % 2 == 0};
        QCOMPARE(canonicalJson(rate), viaQt(rate));

        QCOMPARE(canonicalJson(Customer {}), viaQt(Customer {}));
        QCOMPARE(canonicalJson(customer(v)), viaQt(customer(v)));

        Product product;
        QCOMPARE(canonicalJson(product), viaQt(product));
        product = {u"p"_s, awkward(v), awkward(v + 1), u"C62"_s, -5, u"EUR"_s, u"t"_s, v % 2 == 1};
        QCOMPARE(canonicalJson(product), viaQt(product));

        NumberSeries series;
        QCOMPARE(canonicalJson(series), viaQt(series));
        series = {
            u"s"_s,        awkward(v), u"2026-L-"_s, 12, 1'000'000'000'000LL, DocumentKind(v % 3),
            awkward(v + 1)};
        QCOMPARE(canonicalJson(series), viaQt(series));

        QCOMPARE(canonicalJson(DocumentLine {}), viaQt(DocumentLine {}));
        QCOMPARE(canonicalJson(line(v)), viaQt(line(v)));
        QCOMPARE(canonicalJson(DocumentTotals {}), viaQt(DocumentTotals {}));
        QCOMPARE(canonicalJson(totals(v)), viaQt(totals(v)));

        QCOMPARE(canonicalJson(Document {}), viaQt(Document {}));
        for (DocumentStatus status : {DocumentStatus::Draft, DocumentStatus::Issued,
                                      DocumentStatus::Paid, DocumentStatus::Converted}) {
            const Document d = document(v, status);
            QCOMPARE(canonicalJson(d), viaQt(d));
        }

        Expense expense;
        QCOMPARE(canonicalJson(expense), viaQt(expense));
        expense.id = u"e"_s;
        expense.supplier = awkward(v);
        expense.supplierVatId = u"IT01234567890"_s;
        expense.date = QDate(2026, 2, 28);
        expense.category = awkward(v + 1);
        expense.currency = u"EUR"_s;
        expense.netMinor = 100;
        expense.vatMinor = 22;
        expense.totalMinor = 122;
        expense.paidMinor = 50; // not part of the JSON form
        expense.notes = awkward(v + 2);
        for (int i = 0; i < v; ++i)
            expense.receipts.append({u"r%1"_s.arg(i), awkward(v + i), u"application/pdf"_s,
                                     QByteArray("data"), u"abcdef"_s});
        QCOMPARE(canonicalJson(expense), viaQt(expense));

        Payment payment;
        QCOMPARE(canonicalJson(payment), viaQt(payment));
        payment = {u"pay"_s,    v % 2 ? PaymentTarget::Expense : PaymentTarget::Invoice,
                   u"target"_s, QDate(2026, 3, 1),
                   -99,         u"EUR"_s,
                   awkward(v),  awkward(v + 1),
                   v % 2 == 0};
        QCOMPARE(canonicalJson(payment), viaQt(payment));
    }
}

void TestJsonCodec::documentParts()
{
    for (int v = 0; v < 6; ++v) {
        Document d = document(v, DocumentStatus::Issued);
        d.kind
            = v % 2 ? DocumentKind::CreditNote : DocumentKind::Invoice; // a quote has no snapshot
        QByteArray customerJson, breakdownJson;
        QCOMPARE(canonicalJson(d, &customerJson, &breakdownJson), viaQt(d));
        QCOMPARE(customerJson, viaQt(d.customerSnapshot));
        const QJsonArray breakdown = toJson(d.totals).value(u"breakdown"_s).toArray();
        QCOMPARE(breakdownJson, QJsonDocument(breakdown).toJson(QJsonDocument::Compact));
        QCOMPARE(canonicalJson(d.totals.breakdown), breakdownJson);

        // A draft has no customer snapshot: an empty object.
        const Document draft = document(v, DocumentStatus::Draft);
        QCOMPARE(canonicalJson(draft, &customerJson, &breakdownJson), viaQt(draft));
        QCOMPARE(customerJson, QByteArray("{}"));
    }
}

void TestJsonCodec::dates()
{
    QCOMPARE(dateToText(QDate()), QString());
    QVERIFY(dateToText(QDate()).isNull());
    for (const QDate &d :
         {QDate(1, 1, 1), QDate(999, 12, 31), QDate(1000, 1, 1), QDate(2026, 11, 29),
          QDate(9999, 12, 31), QDate(10000, 1, 1), QDate(-44, 3, 15)})
        QCOMPARE(dateToText(d), d.toString(Qt::ISODate));
    for (QDate d(1999, 12, 1); d < QDate(2001, 3, 1); d = d.addDays(1)) {
        QCOMPARE(dateToText(d), d.toString(Qt::ISODate));
        QCOMPARE(dateFromText(dateToText(d)), d);
    }
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
