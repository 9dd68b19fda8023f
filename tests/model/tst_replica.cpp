// The ledger as a replica: every kind of record read as its replicated state on one ledger and
// applied to another gives the same books (equal digests), without outbox entries, with the
// audit chain of the receiving ledger still verifying.
#include "replica.h"
#include "testledger.h"

#include <QSqlQuery>

using namespace Kontor;
using namespace Kontor::Test;

class TestReplica : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void copiesEveryKindOfRecord();
    void deletesAndTombstones();
    void clocksComeFromTheOutbox();
    void conflictsAndRejectionsAreKept();
    void cursorAndPending();

private:
    // Applies the current state of every record A changed, in the order A first changed them.
    void replayInto(Replica &from, Replica &to);
    qint64 count(Store &s, const QString &sql);

    std::unique_ptr<Fixture> m_a;
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_bStore;
    std::unique_ptr<Ledger> m_b;
};

void TestReplica::init()
{
    m_a = std::make_unique<Fixture>();
    QVERIFY(m_a->open());
    auto s = Store::open(m_dir.filePath(u"b.kontor"_s), Store::OpenMode::CreateNew);
    QVERIFY(s);
    m_bStore = std::move(s.value());
    m_b = std::make_unique<Ledger>(*m_bStore);
}

void TestReplica::cleanup()
{
    m_b.reset();
    m_bStore.reset();
    m_a.reset();
    QFile::remove(m_dir.filePath(u"b.kontor"_s));
}

qint64 TestReplica::count(Store &s, const QString &sql)
{
    QSqlQuery q(s.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestReplica::replayInto(Replica &from, Replica &to)
{
    auto entries = from.pending(100000);
    QVERIFY(entries);
    QSet<QString> seen;
    WriteTransaction tx(to.store());
    for (const OutboxEntry &e : entries.value()) {
        if (seen.contains(e.entity + e.entityId))
            continue;
        seen.insert(e.entity + e.entityId);
        auto state = from.record(e.entity, e.entityId);
        QVERIFY2(state, qPrintable(state ? QString() : state.error().toString()));
        const Status applied = to.apply(e.entity, e.entityId, state.value());
        QVERIFY2(applied,
                 qPrintable(u"%1 %2: %3"_s.arg(e.entity, e.entityId,
                                               applied ? QString() : applied.error().toString())));
    }
    QVERIFY(tx.commit());
}

void TestReplica::copiesEveryKindOfRecord()
{
    Ledger &a = *m_a->ledger;
    auto inv = m_a->issued(2);
    QVERIFY(inv);
    auto draft = m_a->draft(1);
    QVERIFY(draft);
    Payment p;
    p.targetId = inv->id;
    p.amountMinor = 1000;
    QVERIFY(a.recordPayment(p));
    CreditNoteRequest cr;
    cr.invoiceId = inv->id;
    cr.reason = u"returned"_s;
    auto cn = a.createCreditNote(cr);
    QVERIFY2(cn, qPrintable(cn ? QString() : cn.error().toString()));
    QVERIFY(a.issue(cn->id));
    Expense e;
    e.supplier = u"Caffè Größe"_s;
    e.date = QDate(2026, 3, 1);
    e.netMinor = 1000;
    e.vatMinor = 220;
    auto ex = a.addExpense(e);
    QVERIFY(ex);
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    QVERIFY(a.attachReceipt(ex->id, u"r.png"_s, {}, png));

    Replica ra(a);
    Replica rb(*m_b);
    replayInto(ra, rb);

    QCOMPARE(rb.digest().value(), ra.digest().value());
    QCOMPARE(count(*m_bStore, u"SELECT count(*) FROM outbox"_s), qint64(0));
    auto report = m_b->verify();
    QVERIFY(report);
    QVERIFY2(
        report->ok(),
        qPrintable(report->problems.isEmpty() ? QString() : report->problems.first().description));
    QCOMPARE(report->entries, qint64(3)); // invoice, payment, credit note
    const Document copied = m_b->document(inv->id).value();
    QCOMPARE(copied.number, inv->number);
    QCOMPARE(copied.paidMinor, qint64(1000));
    QCOMPARE(copied.status, a.document(inv->id)->status);
    QCOMPARE(copied.balanceMinor(), a.document(inv->id)->balanceMinor());
    // The series counter follows the issued numbers.
    QCOMPARE(m_b->series(inv->seriesId)->nextNumber, a.series(inv->seriesId)->nextNumber);
}

void TestReplica::deletesAndTombstones()
{
    Ledger &a = *m_a->ledger;
    auto draft = m_a->draft(1);
    QVERIFY(draft);
    Replica ra(a);
    Replica rb(*m_b);
    replayInto(ra, rb);
    QVERIFY(m_b->document(draft->id));

    auto state = ra.record(u"invoice"_s, draft->id).value();
    state.deleted = true;
    state.exists = false;
    {
        WriteTransaction tx(*m_bStore);
        QVERIFY(rb.apply(u"invoice"_s, draft->id, state));
        QVERIFY(tx.commit());
    }
    QVERIFY(!m_b->document(draft->id));
    const RecordState after = rb.record(u"invoice"_s, draft->id).value();
    QVERIFY(after.deleted);
    QVERIFY(!after.exists);
}

void TestReplica::clocksComeFromTheOutbox()
{
    Ledger &a = *m_a->ledger;
    Replica ra(a);
    Customer c = a.customer(m_a->customerId).value();
    const RecordState before = ra.record(u"customer"_s, c.id).value();
    QVERIFY(before.clocks.contains(u"name"_s));
    c.email = u"new@example.com"_s;
    QVERIFY(a.updateCustomer(c));
    const RecordState after = ra.record(u"customer"_s, c.id).value();
    QVERIFY(after.clocks.value(u"email"_s).toString() > before.clocks.value(u"email"_s).toString());
    QCOMPARE(after.clocks.value(u"name"_s), before.clocks.value(u"name"_s));
    QVERIFY(after.clocks.value(u"email"_s).toString().endsWith(a.deviceId()));
    QCOMPARE(after.fields.value(u"email"_s).toString(), c.email);
    QVERIFY(!after.immutable);
}

void TestReplica::conflictsAndRejectionsAreKept()
{
    Replica ra(*m_a->ledger);
    ConflictEntry c;
    c.entity = u"customer"_s;
    c.entityId = m_a->customerId;
    c.field = u"name"_s;
    c.lostValue = u"Old name"_s;
    c.keptValue = u"New name"_s;
    auto id = ra.addConflict(c);
    QVERIFY(id);
    QCOMPARE(ra.conflicts()->size(), 1);
    QCOMPARE(ra.conflicts()->first().lostValue.toString(), u"Old name"_s);
    QVERIFY(ra.resolveConflict(id.value()));
    QCOMPARE(ra.conflicts()->size(), 0);
    QCOMPARE(ra.conflicts(true)->size(), 1);
    QVERIFY(!ra.resolveConflict(9999));

    RejectionEntry r;
    r.opId = u"op-1"_s;
    r.entity = u"invoice"_s;
    r.entityId = u"x"_s;
    r.kind = u"update"_s;
    r.rule = u"immutable-document"_s;
    r.message = u"issued"_s;
    QVERIFY(ra.addRejection(r));
    QVERIFY(ra.addRejection(r)); // the same op twice is one record
    QCOMPARE(ra.rejections()->size(), 1);
    QVERIFY(ra.resolveRejection(u"op-1"_s, u"dismissed"_s));
    QCOMPARE(ra.rejections()->size(), 0);
}

void TestReplica::cursorAndPending()
{
    Replica ra(*m_a->ledger);
    QCOMPARE(ra.cursor()->first, QString());
    QCOMPARE(ra.cursor()->second, qint64(0));
    QVERIFY(ra.setCursor(u"e1"_s, 42));
    QCOMPARE(ra.cursor()->first, u"e1"_s);
    QCOMPARE(ra.cursor()->second, qint64(42));
    const qint64 n = ra.pendingCount().value();
    QVERIFY(n > 0);
    const QString first = ra.pending(1)->first().opId;
    QVERIFY(ra.markPushed(first));
    QCOMPARE(ra.pendingCount().value(), n - 1);
    QVERIFY(ra.markAllUnpushed());
    QCOMPARE(ra.pendingCount().value(), n);
}

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
