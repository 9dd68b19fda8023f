// Every rule rejects bad input with the field and the rule named.
#include "rules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taxRates_data();
    void taxRates();
    void customers_data();
    void customers();
    void company_data();
    void company();
    void drafts_data();
    void drafts();
    void seriesNumbers();
    void payments_data();
    void payments();
    void expenses();
};

void TestRules::taxRates_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("bp");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("rule"); // empty: valid
    QTest::newRow("standard 22") << u"S"_s << 2200 << QString() << QString();
    QTest::newRow("standard zero") << u"S"_s << 0 << QString() << u"standard-rate-zero"_s;
    QTest::newRow("zero rated") << u"Z"_s << 0 << QString() << QString();
    QTest::newRow("zero with rate") << u"Z"_s << 500 << QString() << u"category-rate-not-zero"_s;
    QTest::newRow("exempt without reason")
        << u"E"_s << 0 << QString() << u"exemption-reason-required"_s;
    QTest::newRow("exempt with reason") << u"E"_s << 0 << u"Art. 10"_s << QString();
    QTest::newRow("reverse charge without text")
        << u"AE"_s << 0 << QString() << u"exemption-reason-required"_s;
    QTest::newRow("reverse charge with rate")
        << u"AE"_s << 2200 << u"Reverse charge"_s << u"category-rate-not-zero"_s;
    QTest::newRow("intra-community") << u"K"_s << 0 << u"Intra-community"_s << QString();
    QTest::newRow("export") << u"G"_s << 0 << u"Export"_s << QString();
    QTest::newRow("out of scope") << u"O"_s << 0 << u"Not subject"_s << QString();
    QTest::newRow("standard with reason")
        << u"S"_s << 2200 << u"why"_s << u"exemption-reason-forbidden"_s;
    QTest::newRow("above 100 %") << u"S"_s << 10001 << QString() << u"rate-range"_s;
    QTest::newRow("negative") << u"S"_s << -1 << QString() << u"rate-range"_s;
}

void TestRules::taxRates()
{
    QFETCH(QString, category);
    QFETCH(int, bp);
    QFETCH(QString, reason);
    QFETCH(QString, rule);
    TaxRate r;
    r.name = u"rate"_s;
    r.category = taxCategoryFromCode(category).value();
    r.rateBp = bp;
    r.exemptionReason = reason;
    const Status s = validateTaxRate(r);
    QCOMPARE(s.ok(), rule.isEmpty());
    if (!s.ok()) {
        QCOMPARE(s.error().rule, rule);
        QVERIFY(!s.error().field.isEmpty());
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestRules::customers_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorField");
    QTest::addColumn<QString>("rule");
    QTest::newRow("valid email") << u"email"_s << u"a@b.example"_s << QString() << QString();
    QTest::newRow("bad email") << u"email"_s << u"a@"_s << u"email"_s << u"invalid-email"_s;
    QTest::newRow("empty name") << u"name"_s << u"  "_s << u"name"_s << u"required"_s;
    QTest::newRow("vat id lower case")
        << u"vatId"_s << u"it123"_s << u"vatId"_s << u"invalid-vat-id"_s;
    QTest::newRow("vat id with space")
        << u"vatId"_s << u"IT 123456"_s << u"vatId"_s << u"invalid-vat-id"_s;
    QTest::newRow("unknown currency")
        << u"currency"_s << u"EURO"_s << u"currency"_s << u"unknown-currency"_s;
    QTest::newRow("unknown country")
        << u"country"_s << u"XX"_s << u"billingAddress.country"_s << u"unknown-country"_s;
    QTest::newRow("lower-case country")
        << u"country"_s << u"it"_s << u"billingAddress.country"_s << u"unknown-country"_s;
    QTest::newRow("terms too long")
        << u"terms"_s << u"400"_s << u"paymentTermsDays"_s << u"terms-range"_s;
}

void TestRules::customers()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, errorField);
    QFETCH(QString, rule);
    Customer c;
    c.name = u"Rossi"_s;
    if (field == u"email"_s)
        c.email = value;
    else if (field == u"name"_s)
        c.name = value;
    else if (field == u"vatId"_s)
        c.vatId = value;
    else if (field == u"currency"_s)
        c.currency = value;
    else if (field == u"country"_s)
        c.billingAddress.country = value;
    else if (field == u"terms"_s)
        c.paymentTermsDays = value.toInt();
    const Status s = validateCustomer(c);
    QCOMPARE(s.ok(), rule.isEmpty());
    if (!s.ok()) {
        QCOMPARE(s.error().field, errorField);
        QCOMPARE(s.error().rule, rule);
    }
}

void TestRules::company_data()
{
    QTest::addColumn<QString>("iban");
    QTest::addColumn<QString>("bic");
    QTest::addColumn<QString>("rule");
    QTest::newRow("valid") << u"IT60X0542811101000000123456"_s << u"BPMOIT22XXX"_s << QString();
    QTest::newRow("iban checksum")
        << u"IT61X0542811101000000123456"_s << QString() << u"invalid-iban"_s;
    QTest::newRow("iban spaces") << u"IT60 X054 2811 1010 0000 0123 456"_s << QString()
                                 << u"invalid-iban"_s;
    QTest::newRow("bic short") << QString() << u"BPMO"_s << u"invalid-bic"_s;
}

void TestRules::company()
{
    QFETCH(QString, iban);
    QFETCH(QString, bic);
    QFETCH(QString, rule);
    CompanyProfile c;
    c.name = u"Studio"_s;
    c.iban = iban;
    c.bic = bic;
    const Status s = validateCompany(c);
    QCOMPARE(s.ok(), rule.isEmpty());
    if (!s.ok())
        QCOMPARE(s.error().rule, rule);
}

void TestRules::drafts_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<bool>("forIssue");
    QTest::addColumn<QString>("errorField");
    QTest::addColumn<QString>("rule");
    QTest::newRow("valid draft") << QString() << false << QString() << QString();
    QTest::newRow("valid issue") << QString() << true << QString() << QString();
    QTest::newRow("negative quantity")
        << u"negative-quantity"_s << false << u"lines[0].quantity"_s << u"negative-quantity"_s;
    QTest::newRow("negative price")
        << u"negative-price"_s << false << u"lines[0].unitPrice"_s << u"negative-price"_s;
    QTest::newRow("unknown tax rate")
        << u"unknown-rate"_s << false << u"lines[0].taxRate"_s << u"unknown-tax-rate"_s;
    QTest::newRow("unknown currency")
        << u"currency"_s << false << u"currency"_s << u"unknown-currency"_s;
    QTest::newRow("discount above 100")
        << u"discount"_s << false << u"lines[0].discount"_s << u"discount-range"_s;
    QTest::newRow("due before issue") << u"due"_s << false << u"dueDate"_s << u"due-before-issue"_s;
    QTest::newRow("empty invoice issued")
        << u"no-lines"_s << true << u"lines"_s << u"empty-document"_s;
    QTest::newRow("empty draft saved") << u"no-lines"_s << false << QString() << QString();
    QTest::newRow("no customer on issue")
        << u"no-customer"_s << true << u"customer"_s << u"required"_s;
    QTest::newRow("no description on issue")
        << u"no-description"_s << true << u"lines[0].description"_s << u"required"_s;
    QTest::newRow("bad unit") << u"unit"_s << false << u"lines[0].unit"_s << u"invalid-unit"_s;
}

void TestRules::drafts()
{
    QFETCH(QString, mutation);
    QFETCH(bool, forIssue);
    QFETCH(QString, errorField);
    QFETCH(QString, rule);
    TaxRate rate;
    rate.id = u"s22"_s;
    rate.rateBp = 2200;
    const TaxRateLookup lookup = [&](const QString &id) -> std::optional<TaxRate> {
        return id == rate.id ? std::optional(rate) : std::nullopt;
    };
    Document d;
    d.currency = u"EUR"_s;
    d.customerId = u"c1"_s;
    d.issueDate = QDate(2026, 3, 1);
    DocumentLine l;
    l.description = u"Work"_s;
    l.quantity = 10000;
    l.unitPrice = 100;
    l.taxRateId = rate.id;
    d.lines.append(l);
    if (mutation == u"negative-quantity"_s)
        d.lines[0].quantity = -1;
    else if (mutation == u"negative-price"_s)
        d.lines[0].unitPrice = -1;
    else if (mutation == u"unknown-rate"_s)
        d.lines[0].taxRateId = u"nope"_s;
    else if (mutation == u"currency"_s)
        d.currency = u"XXX"_s;
    else if (mutation == u"discount"_s)
        d.lines[0].discountBp = 10001;
    else if (mutation == u"due"_s)
        d.dueDate = QDate(2026, 2, 1);
    else if (mutation == u"no-lines"_s)
        d.lines.clear();
    else if (mutation == u"no-customer"_s)
        d.customerId.clear();
    else if (mutation == u"no-description"_s)
        d.lines[0].description.clear();
    else if (mutation == u"unit"_s)
        d.lines[0].unit = u"HOURS"_s;
    const Status s = forIssue ? validateIssuable(d, lookup) : validateDraft(d, lookup);
    QCOMPARE(s.ok(), rule.isEmpty());
    if (!s.ok()) {
        QCOMPARE(s.error().field, errorField);
        QCOMPARE(s.error().rule, rule);
    }
}

void TestRules::seriesNumbers()
{
    NumberSeries s;
    s.name = u"Laptop"_s;
    s.prefix = u"2026-L-"_s;
    s.nextNumber = 5;
    s.holderDeviceId = u"dev-a"_s;
    QCOMPARE(s.format(5), u"2026-L-0005"_s);
    QVERIFY(validateSeriesNumber(s, 5, DocumentKind::Invoice, u"dev-a"_s));
    auto gap = validateSeriesNumber(s, 7, DocumentKind::Invoice, u"dev-a"_s);
    QVERIFY(!gap);
    QCOMPARE(gap.error().rule, u"number-out-of-sequence"_s);
    QVERIFY(gap.error().message.contains(u"2026-L-0005"_s));
    auto back = validateSeriesNumber(s, 4, DocumentKind::Invoice, u"dev-a"_s);
    QCOMPARE(back.error().rule, u"number-out-of-sequence"_s);
    auto other = validateSeriesNumber(s, 5, DocumentKind::Invoice, u"dev-b"_s);
    QCOMPARE(other.error().rule, u"series-not-held"_s);
    auto kind = validateSeriesNumber(s, 5, DocumentKind::CreditNote, u"dev-a"_s);
    QCOMPARE(kind.error().rule, u"series-kind"_s);
}

void TestRules::payments_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<bool>("overpayment");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("rule");
    QTest::newRow("partial") << qint64(500) << qint64(1000) << false << u"EUR"_s << QString();
    QTest::newRow("full") << qint64(1000) << qint64(1000) << false << u"EUR"_s << QString();
    QTest::newRow("above balance")
        << qint64(1001) << qint64(1000) << false << u"EUR"_s << u"overpayment"_s;
    QTest::newRow("explicit overpayment")
        << qint64(1001) << qint64(1000) << true << u"EUR"_s << QString();
    QTest::newRow("zero") << qint64(0) << qint64(1000) << false << u"EUR"_s
                          << u"non-positive-amount"_s;
    QTest::newRow("negative") << qint64(-1) << qint64(1000) << false << u"EUR"_s
                              << u"non-positive-amount"_s;
    QTest::newRow("other currency")
        << qint64(5) << qint64(1000) << false << u"USD"_s << u"currency-mismatch"_s;
}

void TestRules::payments()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, balance);
    QFETCH(bool, overpayment);
    QFETCH(QString, currency);
    QFETCH(QString, rule);
    Payment p;
    p.date = QDate(2026, 1, 1);
    p.amountMinor = amount;
    p.currency = currency;
    p.overpayment = overpayment;
    const Status s = validatePayment(p, balance, u"EUR"_s);
    QCOMPARE(s.ok(), rule.isEmpty());
    if (!s.ok())
        QCOMPARE(s.error().rule, rule);
}

void TestRules::expenses()
{
    Expense e;
    e.supplier = u"Ufficio srl"_s;
    e.date = QDate(2026, 1, 2);
    e.currency = u"EUR"_s;
    e.netMinor = 1000;
    e.vatMinor = 220;
    e.totalMinor = 1220;
    QVERIFY(validateExpense(e));
    e.totalMinor = 1221;
    QCOMPARE(validateExpense(e).error().rule, u"total-mismatch"_s);
    e.totalMinor = 1220;
    e.date = QDate();
    QCOMPARE(validateExpense(e).error().field, u"date"_s);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
