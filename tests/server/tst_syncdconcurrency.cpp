// Two kontor-syncd processes on one PostgreSQL database, as behind HAProxy. Devices of one
// business push interleaved batches, each batch to both instances at once, and repeat ops they
// sent before. Afterwards the tenant's log is 1..N without gaps or duplicates, every op was
// applied once, every repeat was answered with the op's first result, and the audit chain
// verifies on both instances. A long-poll parked on one instance wakes for a push on the other.
#include "pgtestdatabase.h"

#include <hlc.h>
#include <protocol.h>
#include <uuid7.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Kontor;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

struct Session
{
    QString token;
    QString deviceId;
    qint64 deviceSeq = 0;
};

// One op's answer in one push response.
struct Answer
{
    qint64 seq = 0;
    bool duplicate = false;
    QString status;
};

} // namespace

class TestSyncdConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void interleavedPushesOnTwoInstances();
    void longPollWakesAcrossInstances();

private:
    void launch(int i);
    void waitListening(int i);
    QNetworkReply *send(int instance, const QByteArray &method, const QString &path,
                        const QByteArray &body, const QString &token);
    Reply call(int instance, const QByteArray &method, const QString &path,
               const QJsonObject &body = {}, const QString &token = {});
    Session signIn(int instance, const QString &device);
    QJsonObject customerOp(Session &s, const QString &id);

    QTemporaryDir m_dir;
    Kontor::Test::PgTestDatabase m_pg;
    QProcess m_servers[2];
    quint16 m_ports[2] = {0, 0};
    QNetworkAccessManager m_net;
    const QString m_email = u"dora@example.com"_s;
    const QString m_password = u"correct horse battery"_s;
    QString m_epoch;
};

void TestSyncdConcurrency::launch(int i)
{
    QProcess &server = m_servers[i];
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.setStandardErrorFile(m_dir.filePath(u"syncd-%1.log"_s.arg(i)), QIODevice::Append);
    server.start(QStringLiteral(KONTOR_SYNCD),
                 {u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, m_pg.url(),
                  u"--password-iterations"_s, u"200000"_s});
    QVERIFY(server.waitForStarted(10000));
}

void TestSyncdConcurrency::waitListening(int i)
{
    QProcess &server = m_servers[i];
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() == QProcess::NotRunning, 30000);
    QVERIFY2(server.canReadLine(), "kontor-syncd stopped; see its log in the test directory");
    const QJsonObject line = QJsonDocument::fromJson(server.readLine()).object();
    QCOMPARE(line.value(u"event"_s).toString(), u"listening"_s);
    m_ports[i] = quint16(line.value(u"port"_s).toInt());
    QVERIFY(m_ports[i] > 0);
}

QNetworkReply *TestSyncdConcurrency::send(int instance, const QByteArray &method,
                                          const QString &path, const QByteArray &body,
                                          const QString &token)
{
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_ports[instance]).arg(path)));
    req.setRawHeader("Content-Type", "application/json");
    req.setRawHeader("Kontor-Protocol", "1");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return m_net.sendCustomRequest(req, method, body);
}

Reply TestSyncdConcurrency::call(int instance, const QByteArray &method, const QString &path,
                                 const QJsonObject &body, const QString &token)
{
    QNetworkReply *reply = send(
        instance, method, path,
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
}

Session TestSyncdConcurrency::signIn(int instance, const QString &device)
{
    const Reply r
        = call(instance, "POST", u"/v1/sessions"_s,
               {{u"email"_s, m_email}, {u"password"_s, m_password}, {u"deviceName"_s, device}});
    if (r.status != 201)
        qWarning() << "sign-in failed" << r.status << r.raw;
    m_epoch = r.body.value(u"epoch"_s).toString();
    return Session {r.body.value(u"token"_s).toString(), r.body.value(u"deviceId"_s).toString()};
}

QJsonObject TestSyncdConcurrency::customerOp(Session &s, const QString &id)
{
    ++s.deviceSeq;
    const QString hlc
        = HlcStamp::make(QDateTime::currentMSecsSinceEpoch(), int(s.deviceSeq)).toString();
    return Sync::toJson(Sync::Op {newUuid7(), s.deviceId, s.deviceSeq, u"customer"_s, id,
                                  u"create"_s, QJsonObject {{u"id"_s, id}, {u"name"_s, id}}, hlc,
                                  0});
}

void TestSyncdConcurrency::initTestCase()
{
    if (!Kontor::Test::usePostgres())
        QSKIP("needs PostgreSQL: KONTOR_TEST_STORAGE=postgresql and a server (ctest's fixture)");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_pg.create(), qPrintable(m_pg.error()));
    // Both at once against the empty database: one migrates, the other waits for it.
    launch(0);
    launch(1);
    waitListening(0);
    waitListening(1);
    const Reply account = call(
        0, "POST", u"/v1/accounts"_s,
        {{u"email"_s, m_email}, {u"password"_s, m_password}, {u"business"_s, u"Dora Srl"_s}});
    QCOMPARE(account.status, 201);
}

void TestSyncdConcurrency::cleanupTestCase()
{
    for (QProcess &server : m_servers) {
        if (server.state() != QProcess::NotRunning) {
            server.terminate();
            server.waitForFinished(15000);
        }
    }
}

void TestSyncdConcurrency::interleavedPushesOnTwoInstances()
{
    constexpr int Devices = 4;
    constexpr int Rounds = 8;
    constexpr int NewOpsPerBatch = 5;
    constexpr int Total = Devices * Rounds * NewOpsPerBatch;

    struct Device
    {
        Session session;
        int round = 0;
        int pending = 0;
        QJsonObject lastOp; // repeated in the next batch
    };
    QList<Device> devices(Devices);
    for (int d = 0; d < Devices; ++d) {
        devices[d].session = signIn(d % 2, u"device %1"_s.arg(d));
        QVERIFY(!devices[d].session.token.isEmpty());
    }

    QHash<QString, QList<Answer>> answers; // op id -> every answer it got
    QSet<QString> sent;
    QList<int> statuses;
    int finished = 0;
    std::function<void(int)> nextRound = [&](int d) {
        Device &device = devices[d];
        if (device.round == Rounds) {
            ++finished;
            return;
        }
        QJsonArray ops;
        for (int i = 0; i < NewOpsPerBatch; ++i) {
            const QJsonObject op
                = customerOp(device.session, u"cust-%1-%2-%3"_s.arg(d).arg(device.round).arg(i));
            sent.insert(op.value(u"opId"_s).toString());
            ops.append(op);
        }
        if (!device.lastOp.isEmpty())
            ops.append(device.lastOp); // a retry of an op already answered
        device.lastOp = ops.at(NewOpsPerBatch - 1).toObject();
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"deviceId"_s, device.session.deviceId}, {u"ops"_s, ops}})
                  .toJson(QJsonDocument::Compact);
        // The same batch to both instances at once (a client retrying on another zone while
        // its first request is still running), the order changing from round to round.
        device.pending = 2;
        for (int k = 0; k < 2; ++k) {
            QNetworkReply *reply = send((d + device.round + k) % 2, "POST", u"/v1/push"_s, body,
                                        device.session.token);
            connect(reply, &QNetworkReply::finished, this, [&, reply, d] {
                statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
                reply->deleteLater();
                for (const auto &v : page.value(u"results"_s).toArray()) {
                    const QJsonObject r = v.toObject();
                    answers[r.value(u"opId"_s).toString()].append(
                        Answer {r.value(u"seq"_s).toInteger(), r.value(u"duplicate"_s).toBool(),
                                r.value(u"status"_s).toString()});
                }
                if (--devices[d].pending == 0) {
                    ++devices[d].round;
                    nextRound(d);
                }
            });
        }
    };
    for (int d = 0; d < Devices; ++d)
        nextRound(d);
    QTRY_COMPARE_WITH_TIMEOUT(finished, Devices, 300000);

    QCOMPARE(statuses.size(), Devices * Rounds * 2);
    QCOMPARE(statuses.count(200), statuses.size());
    QCOMPARE(sent.size(), Total);
    QCOMPARE(qsizetype(answers.size()), qsizetype(Total));

    // Each op applied once (one first answer), every other answer the same seq, flagged as a
    // repeat; the first answers' seqs are exactly 1..N.
    QList<qint64> firstSeqs;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        QVERIFY(sent.contains(it.key()));
        int first = 0;
        for (const Answer &a : it.value()) {
            QCOMPARE(a.status, u"accepted"_s);
            QCOMPARE(a.seq, it.value().constFirst().seq);
            if (!a.duplicate)
                ++first;
        }
        QVERIFY2(first == 1, qPrintable(u"op %1 applied %2 times"_s.arg(it.key()).arg(first)));
        QVERIFY(it.value().size() >= 2);
        firstSeqs.append(it.value().constFirst().seq);
    }
    std::sort(firstSeqs.begin(), firstSeqs.end());
    for (int i = 0; i < Total; ++i)
        QCOMPARE(firstSeqs.at(i), qint64(i + 1));

    // The log as a device pulls it, from either instance: 1..N, each op once.
    for (int instance = 0; instance < 2; ++instance) {
        const Reply pulled
            = call(instance, "GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epoch), {},
                   devices[0].session.token);
        QCOMPARE(pulled.status, 200);
        const QJsonArray ops = pulled.body.value(u"ops"_s).toArray();
        QCOMPARE(ops.size(), Total);
        QSet<QString> pulledIds;
        for (int i = 0; i < Total; ++i) {
            QCOMPARE(ops[i][u"seq"_s].toInteger(), qint64(i + 1));
            pulledIds.insert(ops[i][u"opId"_s].toString());
        }
        QCOMPARE(pulledIds, sent);
        const Reply snapshot
            = call(instance, "GET", u"/v1/snapshot"_s, {}, devices[1].session.token);
        QCOMPARE(snapshot.body.value(u"total"_s).toInteger(), qint64(Total));
        const Reply verify
            = call(instance, "GET", u"/v1/audit/verify"_s, {}, devices[2].session.token);
        QVERIFY2(verify.body.value(u"ok"_s).toBool(), verify.raw.constData());
        QCOMPARE(verify.body.value(u"entries"_s).toInteger(), qint64(Total));
    }
    const Reply head0 = call(0, "GET", u"/v1/audit/head"_s, {}, devices[3].session.token);
    const Reply head1 = call(1, "GET", u"/v1/audit/head"_s, {}, devices[3].session.token);
    QCOMPARE(head0.body.value(u"seq"_s).toInteger(), qint64(Total));
    QCOMPARE(head0.raw, head1.raw);
}

void TestSyncdConcurrency::longPollWakesAcrossInstances()
{
    Session reader = signIn(1, u"reader"_s);
    Session writer = signIn(0, u"writer"_s);
    const Reply audit = call(1, "GET", u"/v1/audit/head"_s, {}, reader.token);
    const qint64 at = audit.body.value(u"seq"_s).toInteger();
    QNetworkReply *waiting
        = send(1, "GET", u"/v1/pull?epoch=%1&after=%2&wait=25000"_s.arg(m_epoch).arg(at), {},
               reader.token);
    QTRY_VERIFY_WITH_TIMEOUT(
        call(1, "GET", u"/metrics"_s).raw.contains("kontor_longpolls_waiting 1"), 10000);
    QVERIFY(!waiting->isFinished());
    const QJsonObject op = customerOp(writer, u"cust-live"_s);
    const Reply pushed
        = call(0, "POST", u"/v1/push"_s,
               {{u"deviceId"_s, writer.deviceId}, {u"ops"_s, QJsonArray {op}}}, writer.token);
    QCOMPARE(pushed.status, 200);
    // Woken by instance 0's NOTIFY, well before the 25 s wait on instance 1 would run out.
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    waiting->deleteLater();
    const QJsonArray ops = page.value(u"ops"_s).toArray();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0][u"entityId"_s].toString(), u"cust-live"_s);
    QCOMPARE(ops[0][u"seq"_s].toInteger(), at + 1);
}

QTEST_GUILESS_MAIN(TestSyncdConcurrency)
#include "tst_syncdconcurrency.moc"
