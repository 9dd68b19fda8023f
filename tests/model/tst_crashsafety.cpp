// Kills (SIGKILL) a child process that writes to the ledger in a loop, at random moments, and
// checks that the ledger reopens consistent: no partial document, chain intact, outbox and tables
// in step, numbers gapless.
#include "testledger.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Kontor;
using namespace Kontor::Test;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killMidWrite();

private:
    void checkConsistent(const QString &path, qint64 *issuedCount);
};

namespace {
qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}
} // namespace

void TestCrashSafety::checkConsistent(const QString &path, qint64 *issuedCount)
{
    auto store = Store::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QSqlDatabase db = store.value()->database();
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        QVERIFY(q.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY2(!q.next(), "a row refers to a missing record");
    }
    // No partial document: every document has all five lines.
    QCOMPARE(scalar(db,
                    u"SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM "
                    "document_lines l WHERE l.document_id = d.id) <> 5 AND d.customer_id IN "
                    "(SELECT id FROM customers WHERE name = 'Caffè Größe GmbH')"_s),
             qint64(0));
    // Numbers gapless: 1..n in the series, and the series points past the last one.
    const qint64 issued = scalar(db, u"SELECT count(*) FROM documents WHERE status <> 'draft'"_s);
    QCOMPARE(scalar(db,
                    u"SELECT coalesce(max(sequence), 0) FROM documents WHERE status <> "
                    "'draft'"_s),
             issued);
    QCOMPARE(scalar(db, u"SELECT next_number FROM series WHERE kind = 'invoice'"_s), issued + 1);
    // Outbox and tables in step: a create and an issue op per issued document, a create per
    // payment, device sequence dense and matching the persisted counter.
    QCOMPARE(scalar(db, u"SELECT count(*) FROM outbox WHERE kind = 'issue'"_s), issued);
    QCOMPARE(scalar(db,
                    u"SELECT count(*) FROM outbox WHERE entity = 'invoice' AND kind = "
                    "'create'"_s),
             scalar(db, u"SELECT count(*) FROM documents"_s));
    QCOMPARE(scalar(db, u"SELECT count(*) FROM outbox WHERE entity = 'payment'"_s),
             scalar(db, u"SELECT count(*) FROM payments"_s));
    QCOMPARE(scalar(db, u"SELECT max(device_seq) FROM outbox"_s),
             scalar(db, u"SELECT count(*) FROM outbox"_s));
    QCOMPARE(scalar(db, u"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'device_seq'"_s),
             scalar(db, u"SELECT max(device_seq) FROM outbox"_s));
    // Paid amounts equal the payments recorded.
    QCOMPARE(scalar(db,
                    u"SELECT count(*) FROM documents d WHERE paid <> (SELECT "
                    "coalesce(sum(amount), 0) FROM payments p WHERE p.document_id = d.id)"_s),
             qint64(0));
    Ledger ledger(*store.value());
    auto report = ledger.verify();
    QVERIFY(report);
    QVERIFY2(
        report->ok(),
        qPrintable(report->problems.isEmpty() ? QString() : report->problems.first().description));
    *issuedCount = issued;
}

void TestCrashSafety::killMidWrite()
{
    Fixture f;
    QVERIFY(f.open());
    const QString path = f.path;
    f.ledger.reset();
    f.store.reset();

    QRandomGenerator rng(20261129);
    qint64 lastIssued = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(KONTOR_CRASH_WRITER), {path, QString::number(round)});
        QVERIFY(writer.waitForStarted(10000));
        const int commits = 2 + rng.bounded(25);
        int seen = 0;
        while (seen < commits) {
            if (!writer.canReadLine())
                QVERIFY2(writer.waitForReadyRead(30000), "the writer stopped writing");
            while (writer.canReadLine()) {
                writer.readLine();
                ++seen;
            }
        }
        writer.kill(); // SIGKILL: no destructor, no rollback, mid-transaction at some point
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        qint64 issued = 0;
        checkConsistent(path, &issued);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(issued >= lastIssued + commits);
        lastIssued = issued;
    }
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
