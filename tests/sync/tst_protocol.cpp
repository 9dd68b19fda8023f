// The wire codec: good bodies decode and round-trip; every bad body is refused with the field
// and the rule named, so a client (or an attacker) learns exactly what was wrong.
#include "protocol.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;

namespace {

const QString Device = u"dev-A_1"_s;

QJsonObject goodOp(int i = 0)
{
    return {{u"opId"_s, u"0190a1b2-c3d4-7e5f-8a9b-00000000000%1"_s.arg(i)},
            {u"deviceId"_s, Device},
            {u"deviceSeq"_s, i + 1},
            {u"entity"_s, u"customer"_s},
            {u"entityId"_s, u"0190a1b2-c3d4-7e5f-8a9b-0000000000ff"_s},
            {u"kind"_s, u"update"_s},
            {u"fields"_s, QJsonObject {{u"name"_s, u"Caffè Größe GmbH"_s}}},
            {u"hlc"_s, u"0001732890000000-00007"_s}};
}

QByteArray pushBody(const std::function<void(QJsonObject &body, QJsonArray &ops)> &mutate)
{
    QJsonArray ops {goodOp(0), goodOp(1), goodOp(2), goodOp(3)};
    QJsonObject body {{u"deviceId"_s, Device}};
    mutate(body, ops);
    if (!ops.isEmpty() || !body.contains(u"ops"_s))
        body.insert(u"ops"_s, ops);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// Replaces (or with an undefined value removes) one key of op 3.
QByteArray withOp3(const QString &key, const QJsonValue &value)
{
    return pushBody([&](QJsonObject &, QJsonArray &ops) {
        QJsonObject op = ops.at(3).toObject();
        if (value.isUndefined())
            op.remove(key);
        else
            op.insert(key, value);
        ops.replace(3, op);
    });
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushRequest_data();
    void pushRequest();
    void pushRequestRoundTrip();
    void bigIntegers();
    void responsesRoundTrip();
    void responseErrors_data();
    void responseErrors();
    void errorBodies();
    void names();
};

void TestProtocol::pushRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); // empty rule: the body is good
    QTest::addColumn<QString>("rule");

    const auto good = pushBody([](QJsonObject &, QJsonArray &) {});
    QTest::newRow("good") << good << QString() << QString();
    QTest::newRow("good, empty batch") << pushBody([](QJsonObject &b, QJsonArray &ops) {
        ops = {};
        b.insert(u"ops"_s, QJsonArray());
    }) << QString() << QString();
    QTest::newRow("good, every entity and kind") << pushBody([](QJsonObject &, QJsonArray &ops) {
        const QStringList entities {u"company"_s, u"tax_rate"_s, u"customer"_s, u"product"_s,
                                    u"series"_s,  u"invoice"_s,  u"quote"_s,    u"credit_note"_s,
                                    u"expense"_s, u"receipt"_s,  u"payment"_s};
        const QStringList kinds {u"create"_s, u"update"_s, u"delete"_s, u"issue"_s};
        ops = {};
        int i = 0;
        for (const QString &e : entities)
            for (const QString &k : kinds) {
                QJsonObject op = goodOp(i);
                op[u"opId"_s] = u"op-%1"_s.arg(i++);
                op[u"entity"_s] = e;
                op[u"kind"_s] = k;
                ops.append(op);
            }
    }) << QString() << QString();
    QTest::newRow("good, unknown keys ignored")
        << withOp3(u"future"_s, 1) << QString() << QString();
    QTest::newRow("good, 64-char id")
        << withOp3(u"entityId"_s, QString(64, u'a')) << QString() << QString();
    QTest::newRow("good, deviceSeq 2^53")
        << withOp3(u"deviceSeq"_s, double(qint64(1) << 53)) << QString() << QString();

    QTest::newRow("not JSON") << "{\"deviceId\":"_ba << QString() << u"bad-json"_s;
    QTest::newRow("empty body") << QByteArray() << QString() << u"bad-json"_s;
    QTest::newRow("array body") << "[1,2]"_ba << QString() << u"bad-type"_s;
    QTest::newRow("no deviceId") << pushBody([](QJsonObject &b, QJsonArray &) {
        b.remove(u"deviceId"_s);
    }) << u"deviceId"_s << u"missing-field"_s;
    QTest::newRow("deviceId number")
        << pushBody([](QJsonObject &b, QJsonArray &) { b.insert(u"deviceId"_s, 7); })
        << u"deviceId"_s << u"bad-type"_s;
    QTest::newRow("no ops") << R"({"deviceId":"dev-A_1"})"_ba << u"ops"_s << u"missing-field"_s;
    QTest::newRow("ops object") << R"({"deviceId":"dev-A_1","ops":{}})"_ba << u"ops"_s
                                << u"bad-type"_s;
    QTest::newRow("too many ops") << pushBody([](QJsonObject &, QJsonArray &ops) {
        for (int i = 4; i <= MaxOpsPerPush; ++i)
            ops.append(goodOp(i));
    }) << u"ops"_s << u"too-many"_s;
    QTest::newRow("op not object")
        << pushBody([](QJsonObject &, QJsonArray &ops) { ops.replace(3, u"op"_s); }) << u"ops[3]"_s
        << u"bad-type"_s;

    QTest::newRow("missing opId") << withOp3(u"opId"_s, QJsonValue::Undefined) << u"ops[3].opId"_s
                                  << u"missing-field"_s;
    QTest::newRow("empty opId") << withOp3(u"opId"_s, u""_s) << u"ops[3].opId"_s << u"empty"_s;
    QTest::newRow("opId null") << withOp3(u"opId"_s, QJsonValue::Null) << u"ops[3].opId"_s
                               << u"bad-type"_s;
    QTest::newRow("opId too long")
        << withOp3(u"opId"_s, QString(65, u'a')) << u"ops[3].opId"_s << u"too-long"_s;
    QTest::newRow("opId with space")
        << withOp3(u"opId"_s, u"a b"_s) << u"ops[3].opId"_s << u"bad-id"_s;
    QTest::newRow("opId non-ASCII")
        << withOp3(u"opId"_s, u"opé"_s) << u"ops[3].opId"_s << u"bad-id"_s;
    QTest::newRow("opId with NUL")
        << withOp3(u"opId"_s, QString(u"a\0b"_s)) << u"ops[3].opId"_s << u"bad-id"_s;
    QTest::newRow("entityId slash")
        << withOp3(u"entityId"_s, u"../x"_s) << u"ops[3].entityId"_s << u"bad-id"_s;
    QTest::newRow("entityId too long")
        << withOp3(u"entityId"_s, QString(65, u'0')) << u"ops[3].entityId"_s << u"too-long"_s;
    QTest::newRow("deviceId other device")
        << withOp3(u"deviceId"_s, u"dev-B"_s) << u"ops[3].deviceId"_s << u"device-mismatch"_s;
    QTest::newRow("deviceId empty")
        << withOp3(u"deviceId"_s, u""_s) << u"ops[3].deviceId"_s << u"empty"_s;
    QTest::newRow("deviceSeq zero")
        << withOp3(u"deviceSeq"_s, 0) << u"ops[3].deviceSeq"_s << u"out-of-range"_s;
    QTest::newRow("deviceSeq negative")
        << withOp3(u"deviceSeq"_s, -4) << u"ops[3].deviceSeq"_s << u"out-of-range"_s;
    QTest::newRow("deviceSeq fraction")
        << withOp3(u"deviceSeq"_s, 1.5) << u"ops[3].deviceSeq"_s << u"bad-type"_s;
    QTest::newRow("deviceSeq string")
        << withOp3(u"deviceSeq"_s, u"3"_s) << u"ops[3].deviceSeq"_s << u"bad-type"_s;
    QTest::newRow("deviceSeq beyond 2^53") << withOp3(u"deviceSeq"_s, double(qint64(1) << 53) * 2)
                                           << u"ops[3].deviceSeq"_s << u"out-of-range"_s;
    QTest::newRow("deviceSeq 1e300")
        << withOp3(u"deviceSeq"_s, 1e300) << u"ops[3].deviceSeq"_s << u"out-of-range"_s;
    QTest::newRow("deviceSeq missing") << withOp3(u"deviceSeq"_s, QJsonValue::Undefined)
                                       << u"ops[3].deviceSeq"_s << u"missing-field"_s;
    QTest::newRow("unknown entity")
        << withOp3(u"entity"_s, u"users"_s) << u"ops[3].entity"_s << u"unknown-entity"_s;
    QTest::newRow("entity case") << withOp3(u"entity"_s, u"Invoice"_s) << u"ops[3].entity"_s
                                 << u"unknown-entity"_s;
    QTest::newRow("entity array") << withOp3(u"entity"_s, QJsonArray {u"invoice"_s})
                                  << u"ops[3].entity"_s << u"bad-type"_s;
    QTest::newRow("unknown kind") << withOp3(u"kind"_s, u"truncate"_s) << u"ops[3].kind"_s
                                  << u"unknown-kind"_s;
    QTest::newRow("fields array") << withOp3(u"fields"_s, QJsonArray()) << u"ops[3].fields"_s
                                  << u"bad-type"_s;
    QTest::newRow("fields missing")
        << withOp3(u"fields"_s, QJsonValue::Undefined) << u"ops[3].fields"_s << u"missing-field"_s;
    QTest::newRow("hlc garbage") << withOp3(u"hlc"_s, u"yesterday"_s) << u"ops[3].hlc"_s
                                 << u"bad-hlc"_s;
    QTest::newRow("hlc with sign")
        << withOp3(u"hlc"_s, u"+001732890000000-00007"_s) << u"ops[3].hlc"_s << u"bad-hlc"_s;
    QTest::newRow("hlc with space")
        << withOp3(u"hlc"_s, u" 001732890000000-00007"_s) << u"ops[3].hlc"_s << u"bad-hlc"_s;
    QTest::newRow("hlc counter overflow")
        << withOp3(u"hlc"_s, u"0001732890000000-70000"_s) << u"ops[3].hlc"_s << u"bad-hlc"_s;
    QTest::newRow("hlc number") << withOp3(u"hlc"_s, 17) << u"ops[3].hlc"_s << u"bad-type"_s;
    QTest::newRow("seq from client")
        << withOp3(u"seq"_s, 5) << u"ops[3].seq"_s << u"server-field"_s;
}

void TestProtocol::pushRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, rule);
    const auto r = decodePushRequest(body);
    if (rule.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->deviceId, Device);
        for (const Op &op : r->ops)
            QCOMPARE(op.seq, 0);
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Validation);
    QCOMPARE(r.error().rule, rule);
    QCOMPARE(r.error().field, field);
    QVERIFY(!r.error().message.isEmpty());
}

void TestProtocol::pushRequestRoundTrip()
{
    PushRequest req;
    req.deviceId = Device;
    for (int i = 0; i < 3; ++i) {
        auto op = opFromJson(goodOp(i));
        QVERIFY(op.ok());
        req.ops.append(*op);
    }
    const QByteArray body = encode(req);
    QVERIFY(!body.contains('\n')); // compact
    const auto back = decodePushRequest(body);
    QVERIFY(back.ok());
    QCOMPARE(back->deviceId, req.deviceId);
    QCOMPARE(back->ops, req.ops);
    QCOMPARE(encode(back.value()), body);
    QCOMPARE(back->ops.at(1).clock(), u"0001732890000000-00007/dev-A_1"_s);
}

void TestProtocol::bigIntegers()
{
    // Integers are read exactly up to 2^53, the largest every JSON client keeps exact.
    const auto body
        = R"({"deviceId":"d","ops":[{"opId":"o","deviceId":"d","deviceSeq":9007199254740992,)"
          R"("entity":"invoice","entityId":"e","kind":"issue","fields":{},)"
          R"("hlc":"0001732890000000-00000"}]})"_ba;
    auto r = decodePushRequest(body);
    QVERIFY(r.ok());
    QCOMPARE(r->ops.at(0).deviceSeq, qint64(1) << 53);
    QByteArray beyond = body;
    beyond.replace("9007199254740992", "9007199254740993");
    r = decodePushRequest(beyond);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().rule, u"out-of-range"_s);
    QCOMPARE(r.error().field, u"ops[0].deviceSeq"_s);
}

void TestProtocol::responsesRoundTrip()
{
    PushResponse push;
    push.head = {u"ep-1"_s, 42};
    push.results.append(OpResult {u"op-1"_s, OpStatus::Accepted, 41, {}, {}, {}, false});
    push.results.append(OpResult {u"op-2"_s, OpStatus::Rejected, 0, u"immutable-document"_s,
                                  u"number"_s, u"issued documents cannot change"_s, true});
    auto pushBack = decodePushResponse(encode(push));
    QVERIFY(pushBack.ok());
    QCOMPARE(pushBack->head, push.head);
    QCOMPARE(pushBack->results, push.results);

    PullResponse pull;
    pull.next = {u"ep-1"_s, 9};
    pull.more = true;
    for (int i = 0; i < 2; ++i) {
        auto op = opFromJson(goodOp(i));
        QVERIFY(op.ok());
        op->seq = 8 + i;
        pull.ops.append(*op);
    }
    auto pullBack = decodePullResponse(encode(pull));
    QVERIFY(pullBack.ok());
    QCOMPARE(pullBack->next, pull.next);
    QCOMPARE(pullBack->ops, pull.ops);
    QCOMPARE(pullBack->more, true);
    QCOMPARE(pullBack->epochChanged, false);

    SnapshotPage page;
    page.at = {u"ep-1"_s, 9};
    page.total = 3;
    page.next = u"customer/abc"_s;
    page.records.append(SnapshotRecord {u"customer"_s, u"abc"_s,
                                        QJsonObject {{u"name"_s, u"Rossi"_s}},
                                        QJsonObject {{u"name"_s, u"0001-00000/d"_s}}});
    auto pageBack = decodeSnapshotPage(encode(page));
    QVERIFY(pageBack.ok());
    QCOMPARE(pageBack->at, page.at);
    QCOMPARE(pageBack->records, page.records);
    QCOMPARE(pageBack->next, page.next);
    QCOMPARE(pageBack->total, 3);
}

void TestProtocol::responseErrors_data()
{
    QTest::addColumn<int>("which"); // 0 push, 1 pull, 2 snapshot
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("rule");
    QTest::newRow("push no head") << 0 << R"({"results":[]})"_ba << u"head"_s << u"missing-field"_s;
    QTest::newRow("push head seq negative")
        << 0 << R"({"results":[],"head":{"epoch":"e","seq":-1}})"_ba << u"head.seq"_s
        << u"out-of-range"_s;
    QTest::newRow("push bad status")
        << 0
        << R"({"results":[{"opId":"o","status":"maybe","duplicate":false}],"head":{"epoch":"e","seq":1}})"_ba
        << u"results[0].status"_s << u"unknown-status"_s;
    QTest::newRow("push accepted without seq")
        << 0
        << R"({"results":[{"opId":"o","status":"accepted","duplicate":false}],"head":{"epoch":"e","seq":1}})"_ba
        << u"results[0].seq"_s << u"missing-field"_s;
    QTest::newRow("pull op without seq")
        << 1
        << QByteArray(R"({"next":{"epoch":"e","seq":1},"more":false,"epochChanged":false,"ops":[)"
                      + QJsonDocument(goodOp()).toJson(QJsonDocument::Compact) + "]}")
        << u"ops[0].seq"_s << u"missing-field"_s;
    QTest::newRow("pull more string")
        << 1 << R"({"next":{"epoch":"e","seq":1},"ops":[],"more":"no","epochChanged":false})"_ba
        << u"more"_s << u"bad-type"_s;
    QTest::newRow("pull epoch empty")
        << 1 << R"({"next":{"epoch":"","seq":1},"ops":[],"more":false,"epochChanged":false})"_ba
        << u"next.epoch"_s << u"empty"_s;
    QTest::newRow("snapshot unknown entity")
        << 2
        << R"({"at":{"epoch":"e","seq":1},"next":"","total":1,"records":[{"entity":"x","id":"a","fields":{},"clocks":{}}]})"_ba
        << u"records[0].entity"_s << u"unknown-entity"_s;
    QTest::newRow("snapshot total fraction")
        << 2 << R"({"at":{"epoch":"e","seq":1},"next":"","total":1.25,"records":[]})"_ba
        << u"total"_s << u"bad-type"_s;
}

void TestProtocol::responseErrors()
{
    QFETCH(int, which);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, rule);
    Error error;
    if (which == 0) {
        auto r = decodePushResponse(body);
        QVERIFY(!r.ok());
        error = r.error();
    } else if (which == 1) {
        auto r = decodePullResponse(body);
        QVERIFY(!r.ok());
        error = r.error();
    } else {
        auto r = decodeSnapshotPage(body);
        QVERIFY(!r.ok());
        error = r.error();
    }
    QCOMPARE(error.kind, ErrorKind::Validation);
    QCOMPARE(error.field, field);
    QCOMPARE(error.rule, rule);
}

void TestProtocol::errorBodies()
{
    const Error e = validationError(u"ops[3].entityId"_s, u"bad-id"_s, u"no"_s);
    const QByteArray body = errorBody(e);
    QCOMPARE(body, R"({"error":{"field":"ops[3].entityId","message":"no","rule":"bad-id"}})"_ba);
    const Error back = errorFromBody(body, 400);
    QCOMPARE(back.kind, ErrorKind::Validation);
    QCOMPARE(back.field, e.field);
    QCOMPARE(back.rule, e.rule);
    QCOMPARE(back.message, e.message);
    QCOMPARE(errorFromBody("<html>oops</html>"_ba, 502).rule, u"http-502"_s);
    QCOMPARE(errorFromBody("{}"_ba, 404).kind, ErrorKind::NotFound);

    const auto big = parseObject(QByteArray(100, ' '), 99);
    QVERIFY(!big.ok());
    QCOMPARE(big.error().rule, u"too-large"_s);
}

void TestProtocol::names()
{
    QVERIFY(isKnownEntity(u"credit_note"));
    QVERIFY(!isKnownEntity(u""));
    QVERIFY(isDocumentEntity(u"quote"));
    QVERIFY(!isDocumentEntity(u"payment"));
    QVERIFY(isImmutableEntity(u"receipt"));
    QVERIFY(!isImmutableEntity(u"invoice"));
    QVERIFY(isKnownKind(u"issue"));
    QVERIFY(!isKnownKind(u"Issue"));
    QVERIFY(isValidHlcText(u"0001732890000000-00000"));
    QVERIFY(!isValidHlcText(u"0001732890000000_00000"));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
