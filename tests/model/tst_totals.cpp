// EN 16931 totals: line amounts, VAT per (category, rate) rounded at the breakdown level, and
// document totals that satisfy BR-CO-10 to BR-CO-16 by construction.
#include "money.h"
#include "rules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestTotals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totals_data();
    void totals();
    void breakdownRoundsOnceNotPerLine();
    void overflowIsAnErrorNotAWrap();
};

namespace {

// Lines as "quantity;unit price (major units, up to 4 decimals);discount bp;category;rate bp".
Document makeDocument(const QString &spec, QHash<QString, TaxRate> *rates)
{
    Document d;
    d.currency = u"EUR"_s;
    for (const QString &lineSpec : spec.split(u'|')) {
        const QStringList f = lineSpec.split(u';');
        Q_ASSERT(f.size() == 5);
        DocumentLine l;
        l.description = u"line"_s;
        l.quantity = parseFixed(f[0], QuantityDecimals, u"q"_s).value();
        l.unitPrice = parseFixed(f[1], 2 + PriceExtraDecimals, u"p"_s).value();
        l.discountBp = f[2].toInt();
        TaxRate r;
        r.id = f[3] + u'-' + f[4];
        r.category = taxCategoryFromCode(f[3]).value();
        r.rateBp = f[4].toInt();
        rates->insert(r.id, r);
        l.taxRateId = r.id;
        d.lines.append(l);
    }
    return d;
}

} // namespace

void TestTotals::totals_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<qint64>("net");
    QTest::addColumn<qint64>("vat");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("groups");

    QTest::newRow("half-way line amount rounds away from zero")
        << u"1;0.125;0;S;2200"_s << qint64(13) << qint64(3) << qint64(16) << 1;
    QTest::newRow("half-way VAT rounds away from zero")
        << u"1;0.25;0;S;2200"_s << qint64(25) << qint64(6) << qint64(31) << 1;
    QTest::newRow("VAT rounded on the group sum, not per line")
        << u"1;0.10;0;S;2200|1;0.10;0;S;2200|1;0.10;0;S;2200"_s << qint64(30) << qint64(7)
        << qint64(37) << 1;
    QTest::newRow("line discount 10 %")
        << u"3;19.99;1000;S;2200"_s << qint64(5397) << qint64(1187) << qint64(6584) << 1;
    QTest::newRow("full discount")
        << u"2;50;10000;S;2200"_s << qint64(0) << qint64(0) << qint64(0) << 1;
    QTest::newRow("mixed rates") << u"2;100;0;S;2200|1;50;0;S;1000"_s << qint64(25000)
                                 << qint64(4900) << qint64(29900) << 2;
    QTest::newRow("reverse charge")
        << u"1;1000;0;AE;0"_s << qint64(100000) << qint64(0) << qint64(100000) << 1;
    QTest::newRow("exempt beside standard")
        << u"1;100;0;E;0|1;100;0;S;2200"_s << qint64(20000) << qint64(2200) << qint64(22200) << 2;
    QTest::newRow("intra-community and export")
        << u"1;10;0;K;0|1;20;0;G;0|1;5;0;O;0"_s << qint64(3500) << qint64(0) << qint64(3500) << 3;
    QTest::newRow("negative credit amounts are symmetric")
        << u"-1;0.125;0;S;2200"_s << qint64(-13) << qint64(-3) << qint64(-16) << 1;
    QTest::newRow("negative mixed") << u"-2;100;0;S;2200|-1;50;0;S;1000"_s << qint64(-25000)
                                    << qint64(-4900) << qint64(-29900) << 2;
    QTest::newRow("zero quantity line")
        << u"0;100;0;S;2200|1;10;0;S;2200"_s << qint64(1000) << qint64(220) << qint64(1220) << 1;
    QTest::newRow("all zero quantities")
        << u"0;100;0;S;2200"_s << qint64(0) << qint64(0) << qint64(0) << 1;
    QTest::newRow("fractional quantity")
        << u"1.5;80;0;S;2200"_s << qint64(12000) << qint64(2640) << qint64(14640) << 1;
    QTest::newRow("four-decimal unit price")
        << u"3;0.3333;0;S;2200"_s << qint64(100) << qint64(22) << qint64(122) << 1;
    QTest::newRow("10^12 minor units") << u"1;10000000000;0;S;2200"_s << qint64(1'000'000'000'000)
                                       << qint64(220'000'000'000) << qint64(1'220'000'000'000) << 1;
    QTest::newRow("10^12 from large quantity times large price")
        << u"10000;1000000;0;S;2200"_s << qint64(1'000'000'000'000) << qint64(220'000'000'000)
        << qint64(1'220'000'000'000) << 1;
    QTest::newRow("many 10^12 lines")
        << u"1;10000000000;0;S;2200|1;10000000000;0;S;1000|1;10000000000;0;Z;0"_s
        << qint64(3'000'000'000'000) << qint64(320'000'000'000) << qint64(3'320'000'000'000) << 3;
    QTest::newRow("rate with decimals (5.5 %)")
        << u"1;9.99;0;S;550"_s << qint64(999) << qint64(55) << qint64(1054) << 1;
}

void TestTotals::totals()
{
    QFETCH(QString, lines);
    QFETCH(qint64, net);
    QFETCH(qint64, vat);
    QFETCH(qint64, total);
    QFETCH(int, groups);

    QHash<QString, TaxRate> rates;
    Document d = makeDocument(lines, &rates);
    const Status s = computeTotals(d, [&](const QString &id) -> std::optional<TaxRate> {
        if (!rates.contains(id))
            return std::nullopt;
        return rates.value(id);
    });
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));

    const DocumentTotals &t = d.totals;
    QCOMPARE(t.lineNetSum, net);
    QCOMPARE(t.vatTotal, vat);
    QCOMPARE(t.payable, total);
    QCOMPARE(t.breakdown.size(), groups);

    // BR-CO-10: sum of line net amounts.
    qint64 lineSum = 0;
    for (const DocumentLine &l : d.lines) {
        QCOMPARE(l.netMinor, l.grossMinor - l.allowanceMinor);
        lineSum += l.netMinor;
    }
    QCOMPARE(t.lineNetSum, lineSum);
    // BR-CO-13: tax exclusive = line sum - allowances + charges.
    QCOMPARE(t.taxExclusive, t.lineNetSum - t.allowances + t.charges);
    // BR-CO-14: VAT total = sum of breakdown VAT; BR-CO-15: inclusive = exclusive + VAT.
    qint64 vatSum = 0, taxableSum = 0;
    for (const VatBreakdown &b : t.breakdown) {
        vatSum += b.vatMinor;
        taxableSum += b.taxableMinor;
        // BR-S-09 and friends: category VAT = taxable x rate, rounded.
        QCOMPARE(b.vatMinor, vatAmount(b.taxableMinor, b.rateBp));
        if (b.category != TaxCategory::Standard)
            QCOMPARE(b.vatMinor, qint64(0));
    }
    QCOMPARE(t.vatTotal, vatSum);
    QCOMPARE(taxableSum, t.taxExclusive);
    QCOMPARE(t.taxInclusive, t.taxExclusive + t.vatTotal);
    // BR-CO-16: amount due = inclusive - prepaid + rounding.
    QCOMPARE(t.payable, t.taxInclusive - t.prepaid + t.rounding);
}

void TestTotals::breakdownRoundsOnceNotPerLine()
{
    // 7 lines of 0.07 at 22 %: per-line VAT would be 7 x round(1.54) = 14; on the sum it is
    // round(0.49 x 22 %) = round(10.78) = 11.
    QString spec;
    for (int i = 0; i < 7; ++i)
        spec += (i ? u"|"_s : QString()) + u"1;0.07;0;S;2200"_s;
    QHash<QString, TaxRate> rates;
    Document d = makeDocument(spec, &rates);
    QVERIFY(computeTotals(d, [&](const QString &id) { return std::optional(rates.value(id)); }));
    QCOMPARE(d.totals.vatTotal, qint64(11));
}

void TestTotals::overflowIsAnErrorNotAWrap()
{
    QHash<QString, TaxRate> rates;
    Document d = makeDocument(u"100000000;100000000;0;S;2200"_s, &rates);
    const Status s
        = computeTotals(d, [&](const QString &id) { return std::optional(rates.value(id)); });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().rule, u"amount-range"_s);
    QCOMPARE(s.error().field, u"lines[0]"_s);
}

QTEST_GUILESS_MAIN(TestTotals)
#include "tst_totals.moc"
