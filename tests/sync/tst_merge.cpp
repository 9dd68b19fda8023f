// The merge rules (sync/merge.h), row by row: last writer by HLC wins per field, ties broken by
// device id, deletes absorb, issued documents and payments refuse changes, the series' counter
// and holder never merge from a device, re-applying an op changes nothing, and two ops applied in
// either order leave the same state.
#include <hlc.h>
#include <merge.h>

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;

Q_DECLARE_METATYPE(Kontor::Sync::Op)
Q_DECLARE_METATYPE(Kontor::Sync::MergeOutcome)

namespace {

const QString DevA = u"dev-a"_s;
const QString DevB = u"dev-b"_s;
const QString DevC = u"dev-c"_s;
const QString Server = u"server"_s;
const qint64 T0 = 1'767'225'600'000; // 2026-01-01

QString stamp(int seconds, int logical = 0)
{
    return HlcStamp::make(T0 + seconds * 1000, logical).toString();
}

Op op(const QString &entity, const QString &id, const QString &kind, const QString &device,
      const QString &hlc, const QJsonObject &fields = {})
{
    static qint64 seq = 0;
    Op o;
    o.opId = u"op-%1"_s.arg(++seq);
    o.deviceId = device;
    o.deviceSeq = seq;
    o.entity = entity;
    o.entityId = id;
    o.kind = kind;
    o.fields = fields;
    o.hlc = hlc;
    return o;
}

Op customer(const QString &kind, const QString &device, int at, const QJsonObject &fields = {})
{
    return op(u"customer"_s, u"c1"_s, kind, device, stamp(at), fields);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QString describe(const QList<LostValue> &lost)
{
    QStringList out;
    for (const LostValue &l : lost)
        out << l.field + u'='
                + QString::fromUtf8(
                      QJsonDocument(QJsonObject {{u"v"_s, l.value}}).toJson(QJsonDocument::Compact))
                      .mid(5)
                      .chopped(1);
    return out.join(u"; "_s);
}

struct Run
{
    RecordState state;
    MergeResult last;
    QList<LostValue> lost;
};

Run applyAll(const QList<Op> &ops, RecordState state = {})
{
    Run run;
    for (const Op &o : ops) {
        run.last = merge(state, o);
        state = run.last.state;
        run.lost += run.last.lost;
    }
    run.state = state;
    return run;
}

// What two replicas must agree on. A deleted record's leftover fields and tombstone clock are
// not part of the books (and depend on which delete or edit came first).
QByteArray replicated(const RecordState &s)
{
    if (s.deleted)
        return compact({{u"deleted"_s, true}, {u"immutable"_s, s.immutable}});
    return compact({{u"exists"_s, s.exists},
                    {u"deleted"_s, s.deleted},
                    {u"immutable"_s, s.immutable},
                    {u"fields"_s, s.fields},
                    {u"clocks"_s, s.clocks}});
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void reapplyIsIdempotent_data();
    void reapplyIsIdempotent();
    void commutes_data();
    void commutes();
    void clocksCompare();
    void serverFields();
};

void TestMerge::rules_data()
{
    QTest::addColumn<QList<Op>>("ops");
    QTest::addColumn<QByteArray>("fields"); // compact JSON of the final fields
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<bool>("immutable");
    QTest::addColumn<MergeOutcome>("lastOutcome");
    QTest::addColumn<QString>("lastRule");
    QTest::addColumn<QString>("lost"); // every lost value, in order

    const QJsonObject created = json(R"({"name":"Rossi","email":"a@x.it"})");

    QTest::newRow("create") << QList<Op> {customer(u"create"_s, DevA, 1, created)}
                            << compact(created) << false << false << MergeOutcome::Applied
                            << QString() << QString();

    QTest::newRow("own later edit supersedes, nothing lost")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevA, 2, json(R"({"name":"Rossi Srl"})"))}
        << compact(json(R"({"name":"Rossi Srl","email":"a@x.it"})")) << false << false
        << MergeOutcome::Applied << QString() << QString();

    QTest::newRow("later writer of another device wins, earlier value lost")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevB, 2, json(R"({"name":"B"})"))}
        << compact(json(R"({"name":"B","email":"a@x.it"})")) << false << false
        << MergeOutcome::Applied << QString() << u"name=\"Rossi\""_s;

    QTest::newRow("late older edit loses and is kept as lost")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevB, 3, json(R"({"name":"B"})")),
                      customer(u"update"_s, DevC, 2, json(R"({"name":"C"})"))}
        << compact(json(R"({"name":"B","email":"a@x.it"})")) << false << false
        << MergeOutcome::Unchanged << QString() << u"name=\"Rossi\"; name=\"C\""_s;

    QTest::newRow("different fields both apply")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevB, 3, json(R"({"name":"B"})")),
                      customer(u"update"_s, DevC, 2, json(R"({"email":"c@x.it"})"))}
        << compact(json(R"({"name":"B","email":"c@x.it"})")) << false << false
        << MergeOutcome::Applied << QString() << u"name=\"Rossi\"; email=\"a@x.it\""_s;

    // Same HLC: the higher device id wins, whichever arrives first.
    QTest::newRow("tie by device id, a then b")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevA, 5, json(R"({"name":"A"})")),
                      customer(u"update"_s, DevB, 5, json(R"({"name":"B"})"))}
        << compact(json(R"({"name":"B","email":"a@x.it"})")) << false << false
        << MergeOutcome::Applied << QString() << u"name=\"A\""_s;
    QTest::newRow("tie by device id, b then a")
        << QList<Op> {customer(u"create"_s, DevA, 1, created),
                      customer(u"update"_s, DevB, 5, json(R"({"name":"B"})")),
                      customer(u"update"_s, DevA, 5, json(R"({"name":"A"})"))}
        << compact(json(R"({"name":"B","email":"a@x.it"})")) << false << false
        << MergeOutcome::Unchanged << QString() << u"name=\"Rossi\"; name=\"A\""_s;

    QTest::newRow("delete absorbs a later edit")
        << QList<Op> {customer(u"create"_s, DevA, 1, created), customer(u"delete"_s, DevA, 2),
                      customer(u"update"_s, DevB, 3, json(R"({"name":"B"})"))}
        << compact(created) << true << false << MergeOutcome::Unchanged << QString()
        << u"name=\"B\""_s;

    QTest::newRow("delete absorbs an earlier edit arriving late")
        << QList<Op> {customer(u"create"_s, DevA, 1, created), customer(u"delete"_s, DevB, 5),
                      customer(u"update"_s, DevC, 3, json(R"({"email":"c@x.it"})"))}
        << compact(created) << true << false << MergeOutcome::Unchanged << QString()
        << u"email=\"c@x.it\""_s;

    QTest::newRow("delete twice") << QList<Op> {customer(u"create"_s, DevA, 1, created),
                                                customer(u"delete"_s, DevA, 2),
                                                customer(u"delete"_s, DevB, 3)}
                                  << compact(created) << true << false << MergeOutcome::Unchanged
                                  << QString() << QString();

    const QJsonObject draft = json(R"({"number":"","notes":"draft","currency":"EUR"})");
    const QJsonObject issued = json(R"({"number":"2026-L-0001","notes":"draft","currency":"EUR"})");
    auto invoice
        = [](const QString &kind, const QString &device, int at, const QJsonObject &fields = {}) {
              return op(u"invoice"_s, u"i1"_s, kind, device, stamp(at), fields);
          };

    QTest::newRow("issue replaces the draft")
        << QList<Op> {invoice(u"create"_s, DevA, 1, draft), invoice(u"issue"_s, DevA, 2, issued)}
        << compact(issued) << false << true << MergeOutcome::Applied << QString() << QString();

    QTest::newRow("issued document refuses an edit")
        << QList<Op> {invoice(u"create"_s, DevA, 1, draft), invoice(u"issue"_s, DevA, 2, issued),
                      invoice(u"update"_s, DevB, 3, json(R"({"notes":"late"})"))}
        << compact(issued) << false << true << MergeOutcome::Rejected << u"immutable-document"_s
        << QString();

    QTest::newRow("issued document refuses a delete")
        << QList<Op> {invoice(u"create"_s, DevA, 1, draft), invoice(u"issue"_s, DevA, 2, issued),
                      invoice(u"delete"_s, DevB, 3)}
        << compact(issued) << false << true << MergeOutcome::Rejected << u"immutable-document"_s
        << QString();

    QTest::newRow("issue keeps another device's draft edit as lost")
        << QList<Op> {invoice(u"create"_s, DevA, 1, draft),
                      invoice(u"update"_s, DevB, 2, json(R"({"notes":"B's note"})")),
                      invoice(u"issue"_s, DevA, 3, issued)}
        << compact(issued) << false << true << MergeOutcome::Applied << QString()
        << u"notes=\"draft\"; notes=\"B's note\""_s;

    QTest::newRow("issue wins over a delete of the draft")
        << QList<Op> {invoice(u"create"_s, DevA, 1, draft), invoice(u"delete"_s, DevB, 2),
                      invoice(u"issue"_s, DevA, 3, issued)}
        << compact(issued) << false << true << MergeOutcome::Applied << QString() << QString();

    QTest::newRow("the same issue twice")
        << QList<Op> {invoice(u"issue"_s, DevA, 2, issued), invoice(u"issue"_s, DevA, 2, issued)}
        << compact(issued) << false << true << MergeOutcome::Unchanged << QString() << QString();

    QTest::newRow("a second issue with other content")
        << QList<Op> {invoice(u"issue"_s, DevA, 2, issued),
                      invoice(u"issue"_s, DevB, 3,
                              json(R"({"number":"2026-B-0001","notes":"x","currency":"EUR"})"))}
        << compact(issued) << false << true << MergeOutcome::Rejected << u"already-issued"_s
        << QString();

    QTest::newRow("a customer is not issued")
        << QList<Op> {customer(u"issue"_s, DevA, 1, created)} << QByteArray("{}") << false << false
        << MergeOutcome::Rejected << u"not-issuable"_s << QString();

    const QJsonObject paid = json(R"({"amount":1000,"currency":"EUR","targetId":"i1"})");
    auto payment
        = [](const QString &kind, const QString &device, int at, const QJsonObject &fields = {}) {
              return op(u"payment"_s, u"p1"_s, kind, device, stamp(at), fields);
          };
    QTest::newRow("payment recorded")
        << QList<Op> {payment(u"create"_s, DevA, 1, paid)} << compact(paid) << false << true
        << MergeOutcome::Applied << QString() << QString();
    QTest::newRow("payment refuses an edit")
        << QList<Op> {payment(u"create"_s, DevA, 1, paid),
                      payment(u"update"_s, DevB, 2, json(R"({"amount":5})"))}
        << compact(paid) << false << true << MergeOutcome::Rejected << u"immutable-record"_s
        << QString();
    QTest::newRow("payment refuses a delete")
        << QList<Op> {payment(u"create"_s, DevA, 1, paid), payment(u"delete"_s, DevB, 2)}
        << compact(paid) << false << true << MergeOutcome::Rejected << u"immutable-record"_s
        << QString();
    QTest::newRow("payment recorded again with the same content")
        << QList<Op> {payment(u"create"_s, DevA, 1, paid), payment(u"create"_s, DevA, 1, paid)}
        << compact(paid) << false << true << MergeOutcome::Unchanged << QString() << QString();
    QTest::newRow("payment recorded again with other content")
        << QList<Op> {payment(u"create"_s, DevA, 1, paid),
                      payment(u"create"_s, DevB, 2,
                              json(R"({"amount":2000,"currency":"EUR","targetId":"i1"})"))}
        << compact(paid) << false << true << MergeOutcome::Rejected << u"immutable-record"_s
        << QString();

    const QJsonObject series
        = json(R"({"prefix":"2026-A-","holderDeviceId":"dev-a","nextNumber":7,"width":4})");
    auto seriesOp
        = [](const QString &kind, const QString &device, int at, const QJsonObject &fields) {
              return op(u"series"_s, u"s1"_s, kind, device, stamp(at), fields);
          };
    QTest::newRow("series: the counter never merges, the creator sets the holder")
        << QList<Op> {seriesOp(u"create"_s, DevA, 1, series)}
        << compact(json(R"({"prefix":"2026-A-","holderDeviceId":"dev-a","width":4})")) << false
        << false << MergeOutcome::Applied << QString() << QString();
    QTest::newRow("series: a device cannot take the holder by an update")
        << QList<Op> {seriesOp(u"create"_s, DevA, 1, series),
                      seriesOp(u"update"_s, DevB, 2,
                               json(R"({"holderDeviceId":"dev-b","nextNumber":99})"))}
        << compact(json(R"({"prefix":"2026-A-","holderDeviceId":"dev-a","width":4})")) << false
        << false << MergeOutcome::Unchanged << QString() << QString();
    QTest::newRow("series: the server grants the holder")
        << QList<Op> {seriesOp(u"create"_s, DevA, 1, series),
                      seriesOp(u"update"_s, Server, 2, json(R"({"holderDeviceId":"dev-b"})"))}
        << compact(json(R"({"prefix":"2026-A-","holderDeviceId":"dev-b","width":4})")) << false
        << false << MergeOutcome::Applied << QString() << QString();
    QTest::newRow("series: settings merge like any record")
        << QList<Op> {seriesOp(u"create"_s, DevA, 1, series),
                      seriesOp(u"update"_s, DevB, 2, json(R"({"prefix":"2026-B-"})"))}
        << compact(json(R"({"prefix":"2026-B-","holderDeviceId":"dev-a","width":4})")) << false
        << false << MergeOutcome::Applied << QString() << u"prefix=\"2026-A-\""_s;
}

void TestMerge::rules()
{
    QFETCH(QList<Op>, ops);
    QFETCH(QByteArray, fields);
    QFETCH(bool, deleted);
    QFETCH(bool, immutable);
    QFETCH(MergeOutcome, lastOutcome);
    QFETCH(QString, lastRule);
    QFETCH(QString, lost);

    const Run run = applyAll(ops);
    QCOMPARE(compact(run.state.fields), fields);
    QCOMPARE(run.state.deleted, deleted);
    QCOMPARE(run.state.immutable, immutable);
    QCOMPARE(run.last.outcome, lastOutcome);
    if (lastOutcome == MergeOutcome::Rejected) {
        QCOMPARE(run.last.error.rule, lastRule);
        QVERIFY(!run.last.error.message.isEmpty());
    }
    QCOMPARE(describe(run.lost), lost);
}

void TestMerge::reapplyIsIdempotent_data()
{
    QTest::addColumn<QList<Op>>("ops");
    const QJsonObject created = json(R"({"name":"Rossi","email":"a@x.it"})");
    QTest::newRow("create") << QList<Op> {customer(u"create"_s, DevA, 1, created)};
    QTest::newRow("update") << QList<Op> {customer(u"create"_s, DevA, 1, created),
                                          customer(u"update"_s, DevB, 2, json(R"({"name":"B"})"))};
    QTest::newRow("delete") << QList<Op> {customer(u"create"_s, DevA, 1, created),
                                          customer(u"delete"_s, DevB, 2)};
    QTest::newRow("issue") << QList<Op> {
        op(u"invoice"_s, u"i1"_s, u"create"_s, DevA, stamp(1), json(R"({"number":""})")),
        op(u"invoice"_s, u"i1"_s, u"issue"_s, DevA, stamp(2), json(R"({"number":"A-1"})"))};
    QTest::newRow("payment") << QList<Op> {
        op(u"payment"_s, u"p1"_s, u"create"_s, DevA, stamp(1), json(R"({"amount":5})"))};
}

void TestMerge::reapplyIsIdempotent()
{
    QFETCH(QList<Op>, ops);
    const Run once = applyAll(ops);
    // Every op delivered a second time (a retried push, a page pulled twice) changes nothing.
    RecordState state = once.state;
    for (const Op &o : ops) {
        const MergeResult again = merge(state, o);
        QVERIFY2(again.outcome != MergeOutcome::Applied, qPrintable(o.kind));
        QCOMPARE(replicated(again.state), replicated(state));
        state = again.state;
    }
}

void TestMerge::commutes_data()
{
    QTest::addColumn<QList<Op>>("base");
    QTest::addColumn<Op>("first");
    QTest::addColumn<Op>("second");

    const QList<Op> base {customer(u"create"_s, DevA, 1, json(R"({"name":"R","email":"e"})"))};
    QTest::newRow("same field, different clocks")
        << base << customer(u"update"_s, DevB, 3, json(R"({"name":"B"})"))
        << customer(u"update"_s, DevC, 2, json(R"({"name":"C"})"));
    QTest::newRow("same field, same clock")
        << base << customer(u"update"_s, DevB, 3, json(R"({"name":"B"})"))
        << customer(u"update"_s, DevC, 3, json(R"({"name":"C"})"));
    QTest::newRow("different fields")
        << base << customer(u"update"_s, DevB, 3, json(R"({"name":"B"})"))
        << customer(u"update"_s, DevC, 2, json(R"({"email":"c"})"));
    QTest::newRow("overlapping fields")
        << base << customer(u"update"_s, DevB, 3, json(R"({"name":"B","email":"b"})"))
        << customer(u"update"_s, DevC, 4, json(R"({"email":"c"})"));
    QTest::newRow("update and delete")
        << base << customer(u"update"_s, DevB, 3, json(R"({"name":"B"})"))
        << customer(u"delete"_s, DevC, 2);
    QTest::newRow("two deletes") << base << customer(u"delete"_s, DevB, 3)
                                 << customer(u"delete"_s, DevC, 2);
    QTest::newRow("create on two devices")
        << QList<Op> {} << customer(u"create"_s, DevA, 1, json(R"({"name":"A","email":"a"})"))
        << customer(u"create"_s, DevB, 2, json(R"({"name":"B"})"));
    const QList<Op> invoiceBase {op(u"invoice"_s, u"i1"_s, u"create"_s, DevA, stamp(1),
                                    json(R"({"number":"","notes":""})"))};
    QTest::newRow("issue and a draft edit")
        << invoiceBase
        << op(u"invoice"_s, u"i1"_s, u"issue"_s, DevA, stamp(3),
              json(R"({"number":"A-1","notes":""})"))
        << op(u"invoice"_s, u"i1"_s, u"update"_s, DevB, stamp(2), json(R"({"notes":"B"})"));
    QTest::newRow("issue and a delete of the draft")
        << invoiceBase
        << op(u"invoice"_s, u"i1"_s, u"issue"_s, DevA, stamp(2),
              json(R"({"number":"A-1","notes":""})"))
        << op(u"invoice"_s, u"i1"_s, u"delete"_s, DevB, stamp(3));
}

void TestMerge::commutes()
{
    QFETCH(QList<Op>, base);
    QFETCH(Op, first);
    QFETCH(Op, second);
    const RecordState start = applyAll(base).state;
    const Run ab = applyAll({first, second}, start);
    const Run ba = applyAll({second, first}, start);
    QCOMPARE(replicated(ab.state), replicated(ba.state));
}

void TestMerge::clocksCompare()
{
    // Clocks compare as text: the fixed-width HLC first, the device id second.
    QVERIFY(compareClocks(stamp(1) + u"/dev-a"_s, stamp(2) + u"/dev-a"_s) < 0);
    QVERIFY(compareClocks(stamp(2) + u"/dev-a"_s, stamp(1) + u"/dev-z"_s) > 0);
    QVERIFY(compareClocks(stamp(1) + u"/dev-a"_s, stamp(1) + u"/dev-b"_s) < 0);
    QVERIFY(compareClocks(stamp(1, 1) + u"/dev-a"_s, stamp(1, 0) + u"/dev-b"_s) > 0);
    QCOMPARE(compareClocks(stamp(1) + u"/dev-a"_s, stamp(1) + u"/dev-a"_s), 0);
    QVERIFY(compareClocks(QString(), stamp(0) + u"/dev-a"_s) < 0);
    // A day of skew either way still orders by the stamps' text.
    QVERIFY(compareClocks(stamp(-86400) + u"/dev-a"_s, stamp(86400) + u"/dev-a"_s) < 0);
}

void TestMerge::serverFields()
{
    QVERIFY(isServerField(u"series", u"nextNumber"));
    QVERIFY(isServerField(u"series", u"holderDeviceId"));
    QVERIFY(!isServerField(u"series", u"prefix"));
    QVERIFY(!isServerField(u"customer", u"nextNumber"));
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
