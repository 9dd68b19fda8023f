// Ledger::issueNew: a document created and issued in one step is the document createDraft()
// followed by issue() gives, refused for the same reasons, with one outbox entry and one audit
// entry, and nothing written when refused. Ledger::issueMany: a batch is the same documents as
// issueNew() one by one, and is refused whole, naming the document.
#include "jsoncodec.h"
#include "testledger.h"

#include <QSqlQuery>

using namespace Kontor;
using namespace Kontor::Test;

class TestIssueNew : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_f.reset(); }

    void sameAsDraftThenIssue();
    void oneOutboxEntryAndOneAuditEntry();
    void refusedLikeIssueAndWritesNothing_data();
    void refusedLikeIssueAndWritesNothing();
    void creditNotes();
    void numbersInOrder();
    void insideAnOuterTransaction();
    void manySameAsOneByOne();
    void manyRefusedWhole();
    void manyWithCreditNotes();

private:
    Document input() const;
    QHash<QString, qint64> counts() const;
    QString lastAuditPayload() const;

    std::unique_ptr<Fixture> m_f;
};

namespace {

const QStringList kTables {u"documents"_s, u"document_lines"_s, u"payments"_s,
                           u"outbox"_s,    u"audit_chain"_s,    u"series"_s};

// The fields that differ between two documents made the same way: their ids and numbers.
Document withoutIdentity(Document d)
{
    d.id.clear();
    d.number.clear();
    d.sequence = 0;
    d.createdAt.clear();
    d.updatedAt.clear();
    for (DocumentLine &l : d.lines)
        l.id.clear();
    return d;
}

void compareDocuments(const Document &a, const Document &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.seriesId, b.seriesId);
    QCOMPARE(a.number, b.number);
    QCOMPARE(a.sequence, b.sequence);
    QCOMPARE(a.customerId, b.customerId);
    QCOMPARE(a.customerName, b.customerName);
    QVERIFY(a.customerSnapshot == b.customerSnapshot);
    QCOMPARE(a.issueDate, b.issueDate);
    QCOMPARE(a.dueDate, b.dueDate);
    QCOMPARE(a.currency, b.currency);
    QCOMPARE(a.notes, b.notes);
    QCOMPARE(a.paymentTerms, b.paymentTerms);
    QCOMPARE(a.referenceId, b.referenceId);
    QCOMPARE(a.buyerReference, b.buyerReference);
    QCOMPARE(a.lines.size(), b.lines.size());
    for (qsizetype i = 0; i < a.lines.size(); ++i)
        QVERIFY2(a.lines[i] == b.lines[i], qPrintable(u"line %1"_s.arg(i)));
    QVERIFY(a.totals == b.totals);
    QCOMPARE(a.paidMinor, b.paidMinor);
    QCOMPARE(a.creditedMinor, b.creditedMinor);
    QCOMPARE(a.issuedByDevice, b.issuedByDevice);
    QCOMPARE(canonicalJson(a), canonicalJson(b));
}

} // namespace

void TestIssueNew::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->open());
}

Document TestIssueNew::input() const
{
    Document d;
    d.customerId = m_f->customerId;
    d.notes = u"Grazie — \"danke\""_s;
    d.paymentTerms = u"Bonifico a 30 giorni"_s;
    d.buyerReference = u"PO-77"_s;
    d.lines.append(m_f->line(u"Consulenza"_s, 3 * QuantityScale, 80'00, m_f->standardRate));
    d.lines.append(m_f->line(u"Catering"_s, QuantityScale / 2, 19'99, m_f->reducedRate, 500));
    DocumentLine product = m_f->line(u"Hours"_s, 2 * QuantityScale, 80'00, m_f->standardRate);
    product.productId = m_f->productId;
    product.unit = u"HUR"_s;
    d.lines.append(product);
    return d;
}

QHash<QString, qint64> TestIssueNew::counts() const
{
    QHash<QString, qint64> out;
    for (const QString &t : kTables)
        out.insert(t, m_f->count(t));
    return out;
}

QString TestIssueNew::lastAuditPayload() const
{
    QSqlQuery q(m_f->store->database());
    q.exec(u"SELECT payload, typeof(payload) FROM audit_chain ORDER BY seq DESC LIMIT 1"_s);
    if (!q.next())
        return {};
    // Stored as text, like every other payload.
    if (q.value(1).toString() != u"text"_s)
        return u"not text: "_s + q.value(1).toString();
    return q.value(0).toString();
}

void TestIssueNew::sameAsDraftThenIssue()
{
    Ledger &l = *m_f->ledger;
    IssueOptions o;
    o.issueDate = QDate(2026, 3, 5);

    auto draft = l.createDraft(input());
    QVERIFY(draft);
    auto twoSteps = l.issue(draft->id, o);
    QVERIFY2(twoSteps, qPrintable(twoSteps ? QString() : twoSteps.error().toString()));
    auto oneStep = l.issueNew(input(), o);
    QVERIFY2(oneStep, qPrintable(oneStep ? QString() : oneStep.error().toString()));

    QCOMPARE(oneStep->number, u"2026-L-0002"_s);
    QCOMPARE(oneStep->sequence, twoSteps->sequence + 1);
    QCOMPARE(oneStep->status, DocumentStatus::Issued);
    QCOMPARE(oneStep->dueDate, QDate(2026, 4, 4)); // the company's 30 days
    compareDocuments(withoutIdentity(oneStep.value()), withoutIdentity(twoSteps.value()));

    // What was stored is what was returned, and reads back as the two-step document does.
    auto stored = l.document(oneStep->id);
    QVERIFY(stored);
    compareDocuments(stored.value(), oneStep.value());
    QCOMPARE(stored->createdAt, oneStep->createdAt);
    compareDocuments(withoutIdentity(stored.value()),
                     withoutIdentity(l.document(twoSteps->id).value()));

    // In lists and searches like any issued invoice.
    DocumentQuery q;
    q.search = oneStep->number;
    auto page = l.documents(q);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].id, oneStep->id);
    QCOMPARE(page->items[0].totalMinor, twoSteps->totals.payable);
    QCOMPARE(l.outstandingTotals()->value(u"EUR"_s), 2 * twoSteps->totals.payable);

    // Issued is issued: immutable like any other.
    QCOMPARE(l.issue(oneStep->id).error().rule, u"already-issued"_s);
    Document edit = oneStep.value();
    edit.notes = u"changed"_s;
    QCOMPARE(l.updateDraft(edit).error().rule, u"immutable"_s);
    QSqlQuery sql(m_f->store->database());
    QVERIFY(!sql.exec(u"UPDATE documents SET total = 1 WHERE id = '%1'"_s.arg(oneStep->id)));
    QVERIFY(!sql.exec(u"DELETE FROM document_lines WHERE document_id = '%1'"_s.arg(oneStep->id)));
    QVERIFY(l.verify()->ok());
}

void TestIssueNew::oneOutboxEntryAndOneAuditEntry()
{
    Ledger &l = *m_f->ledger;
    const auto before = counts();
    auto issued = l.issueNew(input());
    QVERIFY(issued);
    const auto after = counts();
    QCOMPARE(after.value(u"outbox"_s), before.value(u"outbox"_s) + 1);
    QCOMPARE(after.value(u"audit_chain"_s), before.value(u"audit_chain"_s) + 1);
    QCOMPARE(after.value(u"documents"_s), before.value(u"documents"_s) + 1);
    QCOMPARE(after.value(u"document_lines"_s), before.value(u"document_lines"_s) + 3);

    const OutboxEntry entry = m_f->store->outbox(0, 1000)->last();
    QCOMPARE(entry.kind, u"issue"_s);
    QCOMPARE(entry.entity, u"invoice"_s);
    QCOMPARE(entry.entityId, issued->id);
    QCOMPARE(entry.deviceId, m_f->store->deviceId());
    // The full snapshot, as issue() records it: a replica can build the document from it.
    const QJsonObject json = toJson(l.document(issued->id).value());
    QVERIFY(entry.fields == json);
    QCOMPARE(lastAuditPayload(), QString::fromUtf8(canonicalBytes(json)));

    auto report = l.verify();
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->entries, qint64(1));
}

void TestIssueNew::refusedLikeIssueAndWritesNothing_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("rule");
    QTest::newRow("no lines") << u"empty"_s << u"empty-document"_s;
    QTest::newRow("no customer") << u"no-customer"_s << u"required"_s;
    QTest::newRow("unknown customer") << u"unknown-customer"_s << u"unknown-customer"_s;
    QTest::newRow("unknown tax rate") << u"rate"_s << u"unknown-tax-rate"_s;
    QTest::newRow("negative quantity") << u"negative"_s << u"negative-quantity"_s;
    QTest::newRow("line without description") << u"description"_s << u"required"_s;
    QTest::newRow("unknown currency") << u"currency"_s << u"unknown-currency"_s;
    QTest::newRow("due before issue") << u"due"_s << u"due-before-issue"_s;
    QTest::newRow("quote") << u"quote"_s << u"quote-not-issuable"_s;
    QTest::newRow("number out of sequence") << u"sequence"_s << u"number-out-of-sequence"_s;
    QTest::newRow("series held elsewhere") << u"foreign-series"_s << u"series-not-held"_s;
    QTest::newRow("unknown series") << u"no-series"_s << u"not-found"_s;
    QTest::newRow("credit note above its invoice") << u"credit"_s << u"credit-exceeds-invoice"_s;
    QTest::newRow("credit note without invoice") << u"credit-no-ref"_s << u"required"_s;
    QTest::newRow("credit note of a draft") << u"credit-draft"_s << u"invalid-reference"_s;
}

void TestIssueNew::refusedLikeIssueAndWritesNothing()
{
    QFETCH(QString, operation);
    QFETCH(QString, rule);
    Ledger &l = *m_f->ledger;
    auto invoice = l.issueNew(input());
    QVERIFY(invoice);
    auto draft = l.createDraft(input());
    QVERIFY(draft);
    NumberSeries foreign;
    foreign.name = u"Other device"_s;
    foreign.prefix = u"2026-X-"_s;
    foreign.holderDeviceId = u"another-device"_s;
    auto foreignSeries = l.addSeries(foreign);
    QVERIFY(foreignSeries);

    Document d = input();
    IssueOptions o;
    if (operation == u"empty"_s) {
        d.lines.clear();
    } else if (operation == u"no-customer"_s) {
        d.customerId.clear();
    } else if (operation == u"unknown-customer"_s) {
        d.customerId = u"nobody"_s;
    } else if (operation == u"rate"_s) {
        d.lines[1].taxRateId = u"no-such-rate"_s;
    } else if (operation == u"negative"_s) {
        d.lines[0].quantity = -QuantityScale;
    } else if (operation == u"description"_s) {
        d.lines[2].description = u"  "_s;
    } else if (operation == u"currency"_s) {
        d.currency = u"EURO"_s;
    } else if (operation == u"due"_s) {
        d.issueDate = QDate(2026, 3, 10);
        d.dueDate = QDate(2026, 3, 1);
    } else if (operation == u"quote"_s) {
        d.kind = DocumentKind::Quote;
    } else if (operation == u"sequence"_s) {
        o.expectedSequence = 9;
    } else if (operation == u"foreign-series"_s) {
        o.seriesId = foreignSeries->id;
    } else if (operation == u"no-series"_s) {
        o.seriesId = u"nope"_s;
    } else if (operation == u"credit"_s) {
        d.kind = DocumentKind::CreditNote;
        d.referenceId = invoice->id;
        d.lines[0].quantity *= 100;
    } else if (operation == u"credit-no-ref"_s) {
        d.kind = DocumentKind::CreditNote;
    } else if (operation == u"credit-draft"_s) {
        d.kind = DocumentKind::CreditNote;
        d.referenceId = draft->id;
    }

    // The two-step path refuses it for the same rule (its writes are rolled back here).
    QString twoStepRule;
    {
        WriteTransaction probe(*m_f->store);
        auto created = l.createDraft(d);
        if (!created)
            twoStepRule = created.error().rule;
        else if (auto issued = l.issue(created->id, o); !issued)
            twoStepRule = issued.error().rule;
    }
    QCOMPARE(twoStepRule, rule);

    const auto before = counts();
    const QString nextBefore = l.previewNumber(DocumentKind::Invoice).value();
    const qint64 outboxBefore = m_f->store->outboxCount().value();
    auto refused = l.issueNew(d, o);
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, rule);
    QVERIFY(!refused.error().message.isEmpty());
    QVERIFY(counts() == before);
    QCOMPARE(m_f->store->outboxCount().value(), outboxBefore);
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), nextBefore);
    QVERIFY(l.verify()->ok());

    // And the next one that is right takes the next number: no gap.
    auto next = l.issueNew(input());
    QVERIFY(next);
    QCOMPARE(next->number, nextBefore);
}

void TestIssueNew::creditNotes()
{
    Ledger &l = *m_f->ledger;
    auto invoice = l.issueNew(input());
    QVERIFY(invoice);
    Document cn;
    cn.kind = DocumentKind::CreditNote;
    cn.customerId = m_f->customerId;
    cn.referenceId = invoice->id;
    DocumentLine first = invoice->lines[0];
    first.id.clear();
    cn.lines = {first};
    auto credit = l.issueNew(cn);
    QVERIFY2(credit, qPrintable(credit ? QString() : credit.error().toString()));
    QCOMPARE(credit->number, u"2026-L-CN-0001"_s);
    QCOMPARE(credit->kind, DocumentKind::CreditNote);
    auto after = l.document(invoice->id);
    QCOMPARE(after->creditedMinor, credit->totals.payable);
    QCOMPARE(after->status, DocumentStatus::PartiallyPaid);

    // The rest of the invoice, line by line: fully credited.
    Document rest = cn;
    rest.lines.clear();
    for (qsizetype i = 1; i < invoice->lines.size(); ++i) {
        DocumentLine line = invoice->lines[i];
        line.id.clear();
        rest.lines.append(line);
    }
    QVERIFY(l.issueNew(rest));
    QCOMPARE(l.document(invoice->id)->status, DocumentStatus::Credited);
    QCOMPARE(l.document(invoice->id)->balanceMinor(), qint64(0));
    QCOMPARE(l.issueNew(cn).error().rule, u"credit-exceeds-invoice"_s);
    QVERIFY(l.verify()->ok());
}

void TestIssueNew::numbersInOrder()
{
    Ledger &l = *m_f->ledger;
    QVERIFY(l.issueNew(input()));
    const auto before = counts();
    QList<Document> issued;
    {
        WriteTransaction batch(*m_f->store);
        for (int i = 0; i < 20; ++i) {
            Document d = input();
            d.issueDate = QDate(2026, 1, 1).addDays(i);
            d.lines.resize(1 + i % 3);
            IssueOptions o;
            if (i == 0)
                o.expectedSequence = 2;
            auto one = l.issueNew(d, o);
            QVERIFY2(one, qPrintable(one ? QString() : one.error().toString()));
            issued.append(one.value());
        }
        QVERIFY(batch.commit());
    }
    for (qsizetype i = 0; i < issued.size(); ++i) {
        const Document &d = issued.at(i);
        QCOMPARE(d.number, u"2026-L-%1"_s.arg(i + 2, 4, 10, QChar(u'0')));
        QCOMPARE(d.issueDate, QDate(2026, 1, 1).addDays(i));
        QCOMPARE(d.lines.size(), 1 + i % 3);
        compareDocuments(l.document(d.id).value(), d);
    }
    const auto after = counts();
    QCOMPARE(after.value(u"outbox"_s), before.value(u"outbox"_s) + 20);
    QCOMPARE(after.value(u"audit_chain"_s), before.value(u"audit_chain"_s) + 20);
    QCOMPARE(after.value(u"document_lines"_s), before.value(u"document_lines"_s) + 39);
    const auto entries = m_f->store->outbox(0, 1000).value();
    for (qsizetype i = 0; i < 20; ++i) {
        const OutboxEntry &e = entries.at(entries.size() - 20 + i);
        QCOMPARE(e.kind, u"issue"_s);
        QCOMPARE(e.entityId, issued.at(i).id);
        QVERIFY(e.fields == toJson(issued.at(i)));
    }
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), u"2026-L-0022"_s);
    // A long document's lines go in with several statements, in order.
    Document longOne = input();
    for (int i = 0; i < 70; ++i)
        longOne.lines.append(
            m_f->line(u"Line %1"_s.arg(i), QuantityScale, 1'00 + i, m_f->standardRate));
    auto stored = l.issueNew(longOne);
    QVERIFY(stored);
    compareDocuments(l.document(stored->id).value(), stored.value());
    QVERIFY(l.verify()->ok());
}

void TestIssueNew::insideAnOuterTransaction()
{
    Ledger &l = *m_f->ledger;
    const auto before = counts();
    {
        WriteTransaction outer(*m_f->store);
        QVERIFY(l.issueNew(input()));
        QVERIFY(l.issueNew(input()));
        Document bad = input();
        bad.lines.clear();
        QVERIFY(!l.issueNew(bad)); // refused: the others stay
        IssueOptions skip;
        skip.expectedSequence = 7;
        QVERIFY(!l.issueNew(input(), skip));
        QVERIFY(l.issueNew(input()));
        QCOMPARE(m_f->count(u"documents"_s), before.value(u"documents"_s) + 3);
        // Not committed: rolled back with everything in it.
    }
    QVERIFY(counts() == before);
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), u"2026-L-0001"_s);
    {
        WriteTransaction outer(*m_f->store);
        for (int i = 0; i < 3; ++i)
            QVERIFY(l.issueNew(input()));
        QVERIFY(outer.commit());
    }
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), u"2026-L-0004"_s);
    QVERIFY(l.verify()->ok());
}

void TestIssueNew::manySameAsOneByOne()
{
    // Two ledgers fed the same documents: one by one with issueNew(), as one batch with
    // issueMany(). Long enough for several flushes and multi-row statements.
    Fixture other;
    QVERIFY(other.open());
    Ledger &l = *m_f->ledger;
    QList<Document> batch;
    for (int i = 0; i < 150; ++i) {
        Document d = input();
        d.issueDate = QDate(2026, 1, 1).addDays(i % 90);
        d.lines.resize(1 + i % 3);
        if (i % 7 == 0)
            d.dueDate = d.issueDate.addDays(10);
        batch.append(d);
    }
    const auto before = counts();
    IssueOptions first;
    first.expectedSequence = 1;
    auto many = l.issueMany(batch, first);
    QVERIFY2(many, qPrintable(many ? QString() : many.error().toString()));
    QCOMPARE(many->size(), batch.size());

    const QString otherCustomer = other.customerId;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Document d = batch.at(i);
        d.customerId = otherCustomer;
        for (DocumentLine &line : d.lines) {
            if (line.taxRateId == m_f->standardRate)
                line.taxRateId = other.standardRate;
            else if (line.taxRateId == m_f->reducedRate)
                line.taxRateId = other.reducedRate;
            if (!line.productId.isEmpty())
                line.productId = other.productId;
        }
        auto one = other.ledger->issueNew(d);
        QVERIFY2(one, qPrintable(one ? QString() : one.error().toString()));
        const Document &m = many->at(i);
        QCOMPARE(m.number, one->number);
        QCOMPARE(m.number, u"2026-L-%1"_s.arg(i + 1, 4, 10, QChar(u'0')));
        QCOMPARE(m.status, DocumentStatus::Issued);
        QCOMPARE(m.dueDate, one->dueDate);
        QVERIFY(m.totals == one->totals);
        // As stored, it reads back as returned.
        compareDocuments(l.document(m.id).value(), m);
    }
    const auto after = counts();
    QCOMPARE(after.value(u"documents"_s), before.value(u"documents"_s) + 150);
    QCOMPARE(after.value(u"outbox"_s), before.value(u"outbox"_s) + 150);
    QCOMPARE(after.value(u"audit_chain"_s), before.value(u"audit_chain"_s) + 150);
    QCOMPARE(after.value(u"document_lines"_s), before.value(u"document_lines"_s) + 300);
    // One outbox entry per document, in order, with the full snapshot; the chain verifies.
    const auto all = m_f->store->outbox(0, 1000).value();
    QCOMPARE(all.size(), before.value(u"outbox"_s) + 150);
    const auto entries = all.mid(all.size() - 150);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries.at(i).entityId, many->at(i).id);
        QCOMPARE(entries.at(i).kind, u"issue"_s);
        QVERIFY(entries.at(i).fields == toJson(many->at(i)));
        if (i)
            QVERIFY(entries.at(i).deviceSeq == entries.at(i - 1).deviceSeq + 1);
    }
    QCOMPARE(lastAuditPayload(), QString::fromUtf8(canonicalJson(many->last())));
    auto report = l.verify();
    QVERIFY(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.value(0).description));
    QCOMPARE(report->entries, qint64(150));
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), u"2026-L-0151"_s);
    // And the ledger goes on from there, one by one.
    QCOMPARE(l.issueNew(input())->number, u"2026-L-0151"_s);
    // An empty batch writes nothing.
    auto none = l.issueMany({});
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TestIssueNew::manyRefusedWhole()
{
    Ledger &l = *m_f->ledger;
    QVERIFY(l.issueNew(input()));
    const auto before = counts();
    const QString nextBefore = l.previewNumber(DocumentKind::Invoice).value();
    // The 100th is wrong, after a flush of the first ones has gone to the tables.
    QList<Document> batch;
    for (int i = 0; i < 120; ++i)
        batch.append(input());
    batch[99].lines[1].quantity = -QuantityScale;
    auto refused = l.issueMany(batch);
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, u"negative-quantity"_s);
    QVERIFY2(refused.error().field.startsWith(u"documents[99].lines[1]"_s),
             qPrintable(refused.error().field));
    QVERIFY2(refused.error().message.startsWith(u"document 100 of 120: "_s),
             qPrintable(refused.error().message));
    QVERIFY(counts() == before);
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), nextBefore);

    // A wrong first number refuses the batch before anything is written.
    batch[99] = input();
    IssueOptions wrong;
    wrong.expectedSequence = 5;
    refused = l.issueMany(batch, wrong);
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, u"number-out-of-sequence"_s);
    QCOMPARE(refused.error().field, u"documents[0].number"_s);
    QVERIFY(counts() == before);
    // A quote is not issued, in a batch neither.
    batch[3].kind = DocumentKind::Quote;
    QCOMPARE(l.issueMany(batch).error().field, u"documents[3].kind"_s);
    QVERIFY(counts() == before);
    QVERIFY(l.verify()->ok());

    // Put right, the same batch goes in whole, with the numbers that were free.
    batch[3].kind = DocumentKind::Invoice;
    auto many = l.issueMany(batch);
    QVERIFY2(many, qPrintable(many ? QString() : many.error().toString()));
    QCOMPARE(many->first().number, nextBefore);
    QCOMPARE(m_f->count(u"documents"_s), before.value(u"documents"_s) + 120);
    QVERIFY(l.verify()->ok());
}

void TestIssueNew::manyWithCreditNotes()
{
    // A credit note may correct an invoice issued earlier in the same batch; what is left to
    // credit counts the credit notes before it in the batch.
    Ledger &l = *m_f->ledger;
    Document inv = input();
    inv.id = u"01900000-0000-7000-8000-00000000a001"_s;
    Document cn;
    cn.kind = DocumentKind::CreditNote;
    cn.customerId = m_f->customerId;
    cn.referenceId = inv.id;
    cn.lines = {inv.lines[0]};
    Document cn2 = cn;
    cn2.lines = {inv.lines[1], inv.lines[2]};
    auto many = l.issueMany({inv, cn, input(), cn2});
    QVERIFY2(many, qPrintable(many ? QString() : many.error().toString()));
    QCOMPARE(many->at(0).number, u"2026-L-0001"_s);
    QCOMPARE(many->at(1).number, u"2026-L-CN-0001"_s);
    QCOMPARE(many->at(2).number, u"2026-L-0002"_s);
    QCOMPARE(many->at(3).number, u"2026-L-CN-0002"_s);
    QCOMPARE(l.document(inv.id)->status, DocumentStatus::Credited);
    QVERIFY(l.verify()->ok());

    // A third credit note on it exceeds what is left: the whole batch is refused.
    const auto before = counts();
    auto refused = l.issueMany({input(), cn});
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, u"credit-exceeds-invoice"_s);
    QVERIFY(refused.error().field.startsWith(u"documents[1]"_s));
    QVERIFY(counts() == before);
    QVERIFY(l.verify()->ok());
}

QTEST_GUILESS_MAIN(TestIssueNew)
#include "tst_issuenew.moc"
