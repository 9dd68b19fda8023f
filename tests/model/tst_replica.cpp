// The ledger as a replica: every kind of record read as its replicated state on one ledger and
// applied to another gives the same books (equal digests), without outbox entries, with the
// audit chain of the receiving ledger still verifying.
#include "replica.h"
#include "testledger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

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
    void newIssuedInBatchesAsOneByOne();

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

void TestReplica::newIssuedInBatchesAsOneByOne()
{
    // A's invoices and a credit note reach two new ledgers: B one record at a time (apply with
    // Absent, as a new device did before), C with the issued documents in one batch. Same books,
    // same rows, same audit entries.
    Ledger &a = *m_a->ledger;
    QList<QString> issuedIds;
    for (int i = 0; i < 5; ++i) {
        auto inv = m_a->issued(1 + i % 3);
        QVERIFY(inv);
        issuedIds.append(inv->id);
    }
    CreditNoteRequest cr;
    cr.invoiceId = issuedIds.first();
    cr.reason = u"returned"_s;
    auto cn = a.createCreditNote(cr);
    QVERIFY(cn);
    QVERIFY(a.issue(cn->id));
    issuedIds.append(cn->id);

    Replica ra(a);
    auto entries = ra.pending(100000);
    QVERIFY(entries);
    QTemporaryDir dir;
    auto cStore = Store::open(dir.filePath(u"c.kontor"_s), Store::OpenMode::CreateNew);
    QVERIFY(cStore);
    Ledger c(*cStore.value());
    Replica rb(*m_b);
    Replica rc(c);
    QList<Replica::Incoming> batch;
    {
        WriteTransaction tb(*m_bStore);
        WriteTransaction tc(*cStore.value());
        QSet<QString> seen;
        for (const OutboxEntry &e : entries.value()) {
            if (seen.contains(e.entity + e.entityId))
                continue;
            seen.insert(e.entity + e.entityId);
            const RecordState state = ra.record(e.entity, e.entityId).value();
            const bool issued = issuedIds.contains(e.entityId);
            QVERIFY(
                rb.apply(e.entity, e.entityId, state, issued ? Replica::Absent : Replica::Unknown));
            if (issued)
                batch.append({e.entity, e.entityId, state});
            else
                QVERIFY(rc.apply(e.entity, e.entityId, state));
        }
        QCOMPARE(batch.size(), issuedIds.size());
        const Status applied = rc.applyNewIssued(batch);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QVERIFY(tb.commit());
        QVERIFY(tc.commit());
    }
    QCOMPARE(rc.digest().value(), ra.digest().value());
    QCOMPARE(rc.digest().value(), rb.digest().value());
    auto rows = [](Store &s, const QString &sql) {
        QStringList out;
        QSqlQuery q(s.database());
        if (!q.exec(sql))
            return QStringList {q.lastError().text()};
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols.append(q.value(i).toString());
            out.append(cols.join(u'|'));
        }
        return out;
    };
    const QString docs = u"SELECT id, kind, status, series_id, number, sequence, customer_id, "
                         "customer_name, customer_key, customer_snapshot, issue_date, due_date, "
                         "currency, line_net, vat_total, total, paid, credited, breakdown, "
                         "coalesce(issued_by_device, '') FROM documents ORDER BY id"_s;
    QCOMPARE(rows(c.store(), docs), rows(*m_bStore, docs));
    const QString lines = u"SELECT * FROM document_lines ORDER BY document_id, position"_s;
    QCOMPARE(rows(c.store(), lines), rows(*m_bStore, lines));
    const QString audit = u"SELECT entity, entity_id, action, payload FROM audit_chain "
                          "ORDER BY seq"_s;
    QCOMPARE(rows(c.store(), audit), rows(*m_bStore, audit));
    const QString series = u"SELECT id, next_number FROM series ORDER BY id"_s;
    QCOMPARE(rows(c.store(), series), rows(*m_bStore, series));
    QCOMPARE(count(*cStore.value(), u"SELECT count(*) FROM outbox"_s), qint64(0));
    auto report = c.verify();
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->entries, qint64(issuedIds.size()));
    QCOMPARE(c.document(issuedIds.first())->creditedMinor,
             a.document(issuedIds.first())->creditedMinor);

    // A record that is not an issued document refuses the batch, which writes nothing.
    const qint64 before = count(c.store(), u"SELECT count(*) FROM documents"_s);
    WriteTransaction again(c.store());
    auto draft = m_a->draft(1);
    QVERIFY(draft);
    QList<Replica::Incoming> wrong {
        {u"invoice"_s, draft->id, ra.record(u"invoice"_s, draft->id).value()}};
    QCOMPARE(rc.applyNewIssued(wrong).error().rule, u"not-issued"_s);
    QCOMPARE(count(c.store(), u"SELECT count(*) FROM documents"_s), before);
}

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
