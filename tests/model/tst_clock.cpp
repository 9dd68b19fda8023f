// Hybrid logical clock and UUIDv7: ordering survives clock skew and same-millisecond bursts.
#include "hlc.h"
#include "uuid7.h"

#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hlcFollowsWallClock();
    void hlcMonotonicWhenClockGoesBack();
    void hlcObservesRemoteAheadByADay();
    void hlcTextRoundTrip();
    void uuidVersionAndOrder();
};

void TestClock::hlcFollowsWallClock()
{
    HybridLogicalClock c;
    const HlcStamp a = c.now(1000);
    const HlcStamp b = c.now(2000);
    QCOMPARE(a.physicalMs(), 1000);
    QCOMPARE(b.physicalMs(), 2000);
    QCOMPARE(b.logical(), 0);
    QVERIFY(a < b);
}

void TestClock::hlcMonotonicWhenClockGoesBack()
{
    HybridLogicalClock c;
    const HlcStamp a = c.now(5000);
    const HlcStamp b = c.now(4000); // clock set back
    const HlcStamp d = c.now(4000);
    QVERIFY(a < b);
    QVERIFY(b < d);
    QCOMPARE(d.physicalMs(), 5000);
    QCOMPARE(d.logical(), 2);
}

void TestClock::hlcObservesRemoteAheadByADay()
{
    const qint64 day = 24 * 3600 * 1000LL;
    HybridLogicalClock local;
    local.now(1'000'000);
    const HlcStamp remote = HlcStamp::make(1'000'000 + day, 3);
    const HlcStamp seen = local.observe(remote, 1'000'001);
    QVERIFY(seen > remote);
    // Later local events stay after what was seen, although the wall clock is a day behind.
    QVERIFY(local.now(1'000'002) > seen);
}

void TestClock::hlcTextRoundTrip()
{
    const HlcStamp s = HlcStamp::make(1732890000123, 42);
    bool ok = false;
    QCOMPARE(HlcStamp::fromString(s.toString(), &ok), s);
    QVERIFY(ok);
    HlcStamp::fromString(u"garbage"_s, &ok);
    QVERIFY(!ok);
    // Text order equals stamp order.
    QVERIFY(HlcStamp::make(999, 5).toString() < HlcStamp::make(1000, 0).toString());
}

void TestClock::uuidVersionAndOrder()
{
    QString previous;
    for (int i = 0; i < 5000; ++i) {
        const QString id = newUuid7();
        QVERIFY(isValidUuid(id));
        QCOMPARE(id.at(14), u'7');
        QVERIFY(QStringList({u"8"_s, u"9"_s, u"a"_s, u"b"_s}).contains(id.at(19)));
        QVERIFY2(id > previous, qPrintable(id + u" after "_s + previous));
        previous = id;
    }
    QVERIFY(!isValidUuid(u"not-a-uuid"_s));
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
