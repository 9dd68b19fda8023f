// Fixed-point parsing and formatting, rounding, and the currency table.
#include "money.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void format_data();
    void format();
    void rounding_data();
    void rounding();
    void currencies();
};

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");

    QTest::newRow("integer") << u"12"_s << 2 << true << qint64(1200);
    QTest::newRow("decimals") << u"12.34"_s << 2 << true << qint64(1234);
    QTest::newRow("one decimal") << u"12.3"_s << 2 << true << qint64(1230);
    QTest::newRow("leading dot") << u".5"_s << 2 << true << qint64(50);
    QTest::newRow("negative") << u"-0.01"_s << 2 << true << qint64(-1);
    QTest::newRow("plus sign") << u"+7"_s << 0 << true << qint64(7);
    QTest::newRow("spaces trimmed") << u" 3.5 "_s << 4 << true << qint64(35000);
    QTest::newRow("trailing zeros beyond precision") << u"1.2300"_s << 2 << true << qint64(123);
    QTest::newRow("too many decimals") << u"1.234"_s << 2 << false << qint64(0);
    QTest::newRow("comma") << u"1,5"_s << 2 << false << qint64(0);
    QTest::newRow("empty") << QString() << 2 << false << qint64(0);
    QTest::newRow("letters") << u"12a"_s << 2 << false << qint64(0);
    QTest::newRow("two dots") << u"1.2.3"_s << 2 << false << qint64(0);
    QTest::newRow("exponent") << u"1e5"_s << 2 << false << qint64(0);
    QTest::newRow("huge") << u"99999999999999999999"_s << 2 << false << qint64(0);
    QTest::newRow("10^12 minor") << u"10000000000.00"_s << 2 << true << qint64(1'000'000'000'000);
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << 2 << false << qint64(0);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(int, decimals);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    auto r = parseFixed(text, decimals, u"amount"_s);
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(r.value(), value);
    else
        QCOMPARE(r.error().field, u"amount"_s);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<bool>("trim");
    QTest::addColumn<QString>("text");
    QTest::newRow("cents") << qint64(1234) << 2 << false << u"12.34"_s;
    QTest::newRow("small") << qint64(5) << 2 << false << u"0.05"_s;
    QTest::newRow("negative") << qint64(-5) << 2 << false << u"-0.05"_s;
    QTest::newRow("zero decimals") << qint64(500) << 0 << false << u"500"_s;
    QTest::newRow("trim") << qint64(15000) << 4 << true << u"1.5"_s;
    QTest::newRow("trim whole") << qint64(20000) << 4 << true << u"2"_s;
    QTest::newRow("min int64") << std::numeric_limits<qint64>::min() << 2 << false
                               << u"-92233720368547758.08"_s;
}

void TestMoney::format()
{
    QFETCH(qint64, value);
    QFETCH(int, decimals);
    QFETCH(bool, trim);
    QFETCH(QString, text);
    QCOMPARE(formatFixed(value, decimals, trim), text);
}

void TestMoney::rounding_data()
{
    QTest::addColumn<qint64>("num");
    QTest::addColumn<qint64>("den");
    QTest::addColumn<qint64>("result");
    QTest::newRow("exact") << qint64(10) << qint64(5) << qint64(2);
    QTest::newRow("below half") << qint64(14) << qint64(10) << qint64(1);
    QTest::newRow("half up") << qint64(15) << qint64(10) << qint64(2);
    QTest::newRow("half away negative") << qint64(-15) << qint64(10) << qint64(-2);
    QTest::newRow("below half negative") << qint64(-14) << qint64(10) << qint64(-1);
    QTest::newRow("25 half") << qint64(25) << qint64(10) << qint64(3);
    QTest::newRow("zero") << qint64(0) << qint64(7) << qint64(0);
}

void TestMoney::rounding()
{
    QFETCH(qint64, num);
    QFETCH(qint64, den);
    QFETCH(qint64, result);
    QCOMPARE(divRoundHalfAway(num, den), result);
}

void TestMoney::currencies()
{
    QCOMPARE(Currency::find(u"EUR").value().minorDigits, 2);
    QCOMPARE(Currency::find(u"JPY").value().minorDigits, 0);
    QCOMPARE(Currency::find(u"KWD").value().minorDigits, 3);
    QVERIFY(!Currency::find(u"EURO"));
    QVERIFY(!Currency::find(u"XYZ"));
    QVERIFY(!Currency::find(u"eur"));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
