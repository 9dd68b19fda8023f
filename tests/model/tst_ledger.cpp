// The ledger's operations on a real SQLite file: lifecycle, numbering, immutability, credit notes,
// quotes, payments, expenses, the outbox, and that a refused operation writes nothing.
#include "jsoncodec.h"
#include "testledger.h"

#include <QSqlQuery>

using namespace Kontor;
using namespace Kontor::Test;

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_f.reset(); }

    void lifecycle();
    void numbersAreGaplessPerSeries();
    void issuedDocumentsAreImmutable();
    void refusedOperationsWriteNothing_data();
    void refusedOperationsWriteNothing();
    void creditNotes();
    void quoteToInvoice();
    void overdueFollowsTheClock();
    void expensesAndReceipts();
    void outboxRecordsEveryChange();
    void customerEditDoesNotChangeIssuedInvoice();
    void walAndForeignKeys();
    void reports();

private:
    std::unique_ptr<Fixture> m_f;
};

void TestLedger::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->open());
}

void TestLedger::lifecycle()
{
    Ledger &l = *m_f->ledger;
    auto draft = m_f->draft(2); // 100.00 @22 % + 200.00 @10 %
    QVERIFY(draft);
    QCOMPARE(draft->status, DocumentStatus::Draft);
    QVERIFY(draft->number.isEmpty());
    QCOMPARE(draft->totals.payable, qint64(10000 + 2200 + 20000 + 2000));

    // Drafts are editable.
    Document edit = draft.value();
    edit.lines[0].quantity = 3 * QuantityScale;
    auto edited = l.updateDraft(edit);
    QVERIFY(edited);
    QCOMPARE(edited->totals.lineNetSum, qint64(50000));

    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), u"2026-L-0001"_s);
    auto issued = l.issue(draft->id);
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
    QCOMPARE(issued->number, u"2026-L-0001"_s);
    QCOMPARE(issued->status, DocumentStatus::Issued);
    QVERIFY(issued->dueDate.isValid());
    const qint64 total = issued->totals.payable;

    Payment p;
    p.targetId = issued->id;
    p.amountMinor = 10000;
    QVERIFY(l.recordPayment(p));
    QCOMPARE(l.document(issued->id)->status, DocumentStatus::PartiallyPaid);
    QCOMPARE(l.document(issued->id)->balanceMinor(), total - 10000);

    p.id.clear();
    p.amountMinor = total - 10000;
    QVERIFY(l.recordPayment(p));
    QCOMPARE(l.document(issued->id)->status, DocumentStatus::Paid);
    QCOMPARE(l.document(issued->id)->balanceMinor(), qint64(0));
    QCOMPARE(l.payments(issued->id)->size(), 2);

    // Paying more needs an explicit overpayment.
    p.id.clear();
    p.amountMinor = 1;
    auto over = l.recordPayment(p);
    QVERIFY(!over);
    QCOMPARE(over.error().rule, u"overpayment"_s);
    p.overpayment = true;
    QVERIFY(l.recordPayment(p));
    QCOMPARE(l.document(issued->id)->balanceMinor(), qint64(-1));

    auto report = l.verify();
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->entries, qint64(4)); // one issue, three payments
}

void TestLedger::numbersAreGaplessPerSeries()
{
    Ledger &l = *m_f->ledger;
    NumberSeries second;
    second.name = u"Desktop"_s;
    second.prefix = u"2026-D-"_s;
    auto s2 = l.addSeries(second);
    QVERIFY(s2);
    QStringList laptop, desktop;
    for (int i = 0; i < 6; ++i) {
        auto d = m_f->draft(1);
        QVERIFY(d);
        IssueOptions o;
        if (i % 2)
            o.seriesId = s2->id;
        auto issued = l.issue(d->id, o);
        QVERIFY(issued);
        (i % 2 ? desktop : laptop).append(issued->number);
    }
    QCOMPARE(laptop, QStringList({u"2026-L-0001"_s, u"2026-L-0002"_s, u"2026-L-0003"_s}));
    QCOMPARE(desktop, QStringList({u"2026-D-0001"_s, u"2026-D-0002"_s, u"2026-D-0003"_s}));

    // A number out of sequence is refused and takes nothing.
    auto d = m_f->draft(1);
    IssueOptions skip;
    skip.expectedSequence = 5;
    auto refused = l.issue(d->id, skip);
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, u"number-out-of-sequence"_s);
    QCOMPARE(l.issue(d->id)->number, u"2026-L-0004"_s);

    // A series held by another device cannot be used here.
    NumberSeries foreign;
    foreign.name = u"Other device"_s;
    foreign.prefix = u"2026-X-"_s;
    foreign.holderDeviceId = u"another-device"_s;
    auto s3 = l.addSeries(foreign);
    QVERIFY(s3);
    auto d2 = m_f->draft(1);
    IssueOptions o;
    o.seriesId = s3->id;
    auto notHeld = l.issue(d2->id, o);
    QCOMPARE(notHeld.error().rule, u"series-not-held"_s);
    QCOMPARE(l.document(d2->id)->status, DocumentStatus::Draft);
}

void TestLedger::issuedDocumentsAreImmutable()
{
    Ledger &l = *m_f->ledger;
    auto issued = m_f->issued();
    QVERIFY(issued);
    Document edit = issued.value();
    edit.notes = u"changed"_s;
    auto r = l.updateDraft(edit);
    QVERIFY(!r);
    QCOMPARE(r.error().rule, u"immutable"_s);
    QVERIFY(r.error().message.contains(issued->number));
    QCOMPARE(l.deleteDraft(issued->id).error().rule, u"immutable"_s);
    QCOMPARE(l.issue(issued->id).error().rule, u"already-issued"_s);

    // The database refuses it too, whatever code path tries.
    QSqlQuery q(m_f->store->database());
    QVERIFY(!q.exec(u"UPDATE documents SET total = 1 WHERE id = '%1'"_s.arg(issued->id)));
    QVERIFY(!q.exec(u"DELETE FROM document_lines WHERE document_id = '%1'"_s.arg(issued->id)));
    QVERIFY(!q.exec(u"DELETE FROM documents WHERE id = '%1'"_s.arg(issued->id)));
    QCOMPARE(l.document(issued->id)->totals.payable, issued->totals.payable);
}

void TestLedger::refusedOperationsWriteNothing_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("rule");
    QTest::newRow("unknown tax rate") << u"unknown-rate"_s << u"unknown-tax-rate"_s;
    QTest::newRow("issue empty invoice") << u"issue-empty"_s << u"empty-document"_s;
    QTest::newRow("edit issued invoice") << u"edit-issued"_s << u"immutable"_s;
    QTest::newRow("number out of sequence") << u"sequence"_s << u"number-out-of-sequence"_s;
    QTest::newRow("unknown currency") << u"currency"_s << u"unknown-currency"_s;
    QTest::newRow("negative quantity") << u"negative"_s << u"negative-quantity"_s;
    QTest::newRow("payment above balance") << u"overpay"_s << u"overpayment"_s;
    QTest::newRow("payment on a draft") << u"pay-draft"_s << u"invoice-not-issued"_s;
    QTest::newRow("unknown customer") << u"customer"_s << u"unknown-customer"_s;
    QTest::newRow("credit above invoice") << u"credit"_s << u"credit-exceeds-invoice"_s;
    QTest::newRow("duplicate series prefix") << u"prefix"_s << u"duplicate-prefix"_s;
    QTest::newRow("receipt that is not a PDF or image") << u"receipt"_s << u"unsupported-type"_s;
}

void TestLedger::refusedOperationsWriteNothing()
{
    QFETCH(QString, operation);
    QFETCH(QString, rule);
    Ledger &l = *m_f->ledger;
    auto issued = m_f->issued();
    QVERIFY(issued);
    auto draft = m_f->draft(1);
    QVERIFY(draft);
    auto empty = l.createDraft(Document {.customerId = m_f->customerId});
    QVERIFY(empty);
    Expense ex;
    ex.supplier = u"Cartoleria"_s;
    ex.date = QDate(2026, 2, 3);
    ex.netMinor = 1000;
    ex.vatMinor = 220;
    auto expense = l.addExpense(ex);
    QVERIFY(expense);

    const QStringList tables {u"documents"_s,   u"document_lines"_s, u"payments"_s, u"outbox"_s,
                              u"audit_chain"_s, u"series"_s,         u"receipts"_s};
    QHash<QString, qint64> before;
    for (const QString &t : tables)
        before.insert(t, m_f->count(t));
    const QString nextBefore = l.previewNumber(DocumentKind::Invoice).value();

    Error error;
    auto take = [&](const auto &result) {
        QVERIFY(!result.ok());
        error = result.error();
    };
    if (operation == u"unknown-rate"_s) {
        Document d = draft.value();
        d.lines[0].taxRateId = u"no-such-rate"_s;
        take(l.updateDraft(d));
    } else if (operation == u"issue-empty"_s) {
        take(l.issue(empty->id));
    } else if (operation == u"edit-issued"_s) {
        Document d = issued.value();
        d.lines[0].unitPrice += 1;
        take(l.updateDraft(d));
    } else if (operation == u"sequence"_s) {
        IssueOptions o;
        o.expectedSequence = 9;
        take(l.issue(draft->id, o));
    } else if (operation == u"currency"_s) {
        Document d = draft.value();
        d.currency = u"EURO"_s;
        take(l.updateDraft(d));
    } else if (operation == u"negative"_s) {
        Document d;
        d.customerId = m_f->customerId;
        d.lines.append(m_f->line(u"Refund"_s, -QuantityScale, 1000, m_f->standardRate));
        take(l.createDraft(d));
    } else if (operation == u"overpay"_s) {
        Payment p;
        p.targetId = issued->id;
        p.amountMinor = issued->totals.payable + 1;
        take(l.recordPayment(p));
    } else if (operation == u"pay-draft"_s) {
        Payment p;
        p.targetId = draft->id;
        p.amountMinor = 100;
        take(l.recordPayment(p));
    } else if (operation == u"customer"_s) {
        Document d = draft.value();
        d.customerId = u"nobody"_s;
        take(l.updateDraft(d));
    } else if (operation == u"credit"_s) {
        CreditNoteRequest req;
        req.invoiceId = issued->id;
        DocumentLine big = issued->lines[0];
        big.id.clear();
        big.quantity *= 100;
        req.lines = {big};
        auto cn = l.createCreditNote(req);
        QVERIFY(cn);
        for (const QString &t : tables)
            before.insert(t, m_f->count(t));
        take(l.issue(cn->id));
    } else if (operation == u"prefix"_s) {
        NumberSeries s;
        s.name = u"Clash"_s;
        s.prefix = u"2026-L-"_s;
        take(l.addSeries(s));
    } else if (operation == u"receipt"_s) {
        take(l.attachReceipt(expense->id, u"notes.txt"_s, {}, QByteArray("plain text")));
    }
    QCOMPARE(error.rule, rule);
    QVERIFY(!error.message.isEmpty());
    for (const QString &t : tables)
        QCOMPARE(m_f->count(t), before.value(t));
    QCOMPARE(l.previewNumber(DocumentKind::Invoice).value(), nextBefore);
    QVERIFY(l.verify()->ok());
}

void TestLedger::creditNotes()
{
    Ledger &l = *m_f->ledger;
    auto inv = m_f->issued(2);
    QVERIFY(inv);
    const qint64 total = inv->totals.payable;

    // Partial credit: the first line only.
    CreditNoteRequest partial;
    partial.invoiceId = inv->id;
    DocumentLine first = inv->lines[0];
    first.id.clear();
    partial.lines = {first};
    partial.reason = u"Returned goods"_s;
    auto cn1 = l.createCreditNote(partial);
    QVERIFY(cn1);
    QCOMPARE(cn1->kind, DocumentKind::CreditNote);
    auto issued1 = l.issue(cn1->id);
    QVERIFY(issued1);
    QCOMPARE(issued1->number, u"2026-L-CN-0001"_s);
    QCOMPARE(issued1->referenceId, inv->id);
    auto after = l.document(inv->id);
    QCOMPARE(after->creditedMinor, issued1->totals.payable);
    QCOMPARE(after->status, DocumentStatus::PartiallyPaid);
    QCOMPARE(after->balanceMinor(), total - issued1->totals.payable);

    // The rest, in full: the invoice is then fully credited (void).
    CreditNoteRequest rest;
    rest.invoiceId = inv->id;
    DocumentLine second = inv->lines[1];
    second.id.clear();
    rest.lines = {second};
    auto cn2 = l.createCreditNote(rest);
    QVERIFY(l.issue(cn2->id));
    QCOMPARE(l.document(inv->id)->status, DocumentStatus::Credited);
    QCOMPARE(l.document(inv->id)->balanceMinor(), qint64(0));

    // Nothing is left to credit.
    CreditNoteRequest again;
    again.invoiceId = inv->id;
    auto cn3 = l.createCreditNote(again);
    QVERIFY(cn3);
    QCOMPARE(l.issue(cn3->id).error().rule, u"credit-exceeds-invoice"_s);

    // Credit notes are not made from drafts.
    auto draft = m_f->draft(1);
    CreditNoteRequest onDraft;
    onDraft.invoiceId = draft->id;
    QCOMPARE(l.createCreditNote(onDraft).error().rule, u"invalid-reference"_s);
    QVERIFY(l.verify()->ok());
}

void TestLedger::quoteToInvoice()
{
    Ledger &l = *m_f->ledger;
    Document q;
    q.kind = DocumentKind::Quote;
    q.customerId = m_f->customerId;
    q.lines.append(m_f->line(u"Website"_s, QuantityScale, 1500'00, m_f->standardRate));
    auto quote = l.createDraft(q);
    QVERIFY(quote);
    QCOMPARE(l.issue(quote->id).error().rule, u"quote-not-issuable"_s);
    auto inv = l.convertQuote(quote->id);
    QVERIFY(inv);
    QCOMPARE(inv->kind, DocumentKind::Invoice);
    QCOMPARE(inv->referenceId, quote->id);
    QCOMPARE(inv->totals.payable, quote->totals.payable);
    QCOMPARE(l.document(quote->id)->status, DocumentStatus::Converted);
    QCOMPARE(l.convertQuote(quote->id).error().rule, u"already-converted"_s);
    QVERIFY(l.issue(inv->id));
}

void TestLedger::overdueFollowsTheClock()
{
    Ledger &l = *m_f->ledger;
    auto d = m_f->draft(1);
    IssueOptions o;
    o.issueDate = QDate(2026, 1, 10);
    auto inv = l.issue(d->id, o);
    QVERIFY(inv);
    QCOMPARE(inv->dueDate, QDate(2026, 2, 9)); // company terms: 30 days
    m_f->store->setClock(
        [] { return QDateTime(QDate(2026, 2, 9), QTime(12, 0)).toMSecsSinceEpoch(); });
    QVERIFY(!inv->isOverdue(m_f->store->today()));
    DocumentQuery overdue;
    overdue.overdueOnly = true;
    QCOMPARE(l.documents(overdue)->items.size(), 0);
    m_f->store->setClock(
        [] { return QDateTime(QDate(2026, 2, 10), QTime(12, 0)).toMSecsSinceEpoch(); });
    auto page = l.documents(overdue);
    QCOMPARE(page->items.size(), 1);
    QVERIFY(page->items[0].overdue);
    QCOMPARE(l.outstandingTotals(true)->value(u"EUR"_s), inv->totals.payable);

    Payment p;
    p.targetId = inv->id;
    p.amountMinor = inv->totals.payable;
    QVERIFY(l.recordPayment(p));
    QCOMPARE(l.documents(overdue)->items.size(), 0);
    QCOMPARE(l.outstandingTotals()->value(u"EUR"_s), qint64(0));
}

void TestLedger::expensesAndReceipts()
{
    Ledger &l = *m_f->ledger;
    Expense e;
    e.supplier = u"Treno Italia"_s;
    e.date = QDate(2026, 4, 1);
    e.category = u"Travel"_s;
    e.netMinor = 4500;
    e.vatMinor = 450;
    auto added = l.addExpense(e);
    QVERIFY(added);
    QCOMPARE(added->totalMinor, qint64(4950));
    const QByteArray pdf("%PDF-1.4\n% receipt\n");
    auto r = l.attachReceipt(added->id, u"ticket.pdf"_s, u"application/pdf"_s, pdf);
    QVERIFY(r);
    QCOMPARE(l.receipt(r->id)->data, pdf);
    QCOMPARE(l.expense(added->id)->receipts.size(), 1);
    auto mismatch = l.attachReceipt(added->id, u"x.png"_s, u"image/png"_s, pdf);
    QCOMPARE(mismatch.error().rule, u"type-mismatch"_s);

    Payment p;
    p.target = PaymentTarget::Expense;
    p.targetId = added->id;
    p.amountMinor = 4950;
    QVERIFY(l.recordPayment(p));
    QCOMPARE(l.expense(added->id)->paidMinor, qint64(4950));
    QCOMPARE(l.deleteExpense(added->id).error().rule, u"expense-paid"_s);

    Expense other = e;
    auto second = l.addExpense(other);
    QVERIFY(l.deleteExpense(second->id));
    QCOMPARE(l.expense(second->id).error().kind, ErrorKind::NotFound);
    QVERIFY(l.verify()->ok());
}

void TestLedger::outboxRecordsEveryChange()
{
    Ledger &l = *m_f->ledger;
    const qint64 before = m_f->store->outboxCount().value();
    auto d = m_f->draft(1);
    Document edit = d.value();
    edit.notes = u"Thanks"_s;
    QVERIFY(l.updateDraft(edit));
    QVERIFY(l.issue(d->id));
    auto entries = m_f->store->outbox(0, 1000).value();
    QCOMPARE(qint64(entries.size()), before + 3);
    const OutboxEntry &create = entries[entries.size() - 3];
    const OutboxEntry &update = entries[entries.size() - 2];
    const OutboxEntry &issue = entries.last();
    QCOMPARE(create.kind, u"create"_s);
    QCOMPARE(update.kind, u"update"_s);
    QCOMPARE(update.fields.keys(), QStringList {u"notes"_s});
    QCOMPARE(update.fields.value(u"notes"_s).toString(), u"Thanks"_s);
    QCOMPARE(issue.kind, u"issue"_s);
    QCOMPARE(issue.fields.value(u"number"_s).toString(), u"2026-L-0001"_s);
    QCOMPARE(issue.deviceId, m_f->store->deviceId());
    // Device sequence is dense and HLC stamps increase.
    for (qsizetype i = 1; i < entries.size(); ++i) {
        QCOMPARE(entries[i].deviceSeq, entries[i - 1].deviceSeq + 1);
        QVERIFY(entries[i].hlc > entries[i - 1].hlc);
        QVERIFY(entries[i].opId != entries[i - 1].opId);
    }
    // Reopening continues the sequence.
    const qint64 last = entries.last().deviceSeq;
    const QString path = m_f->path;
    m_f->ledger.reset();
    m_f->store.reset();
    m_f->store = std::move(Store::open(path).value());
    m_f->ledger = std::make_unique<Ledger>(*m_f->store);
    QVERIFY(m_f->ledger->addCustomer(Customer {.name = u"Neri"_s}));
    QCOMPARE(m_f->store->outbox(last, 10)->first().deviceSeq, last + 1);
}

void TestLedger::customerEditDoesNotChangeIssuedInvoice()
{
    Ledger &l = *m_f->ledger;
    auto inv = m_f->issued(1);
    auto draft = m_f->draft(1);
    Customer c = l.customer(m_f->customerId).value();
    c.name = u"Renamed AG"_s;
    c.billingAddress.city = u"München"_s;
    QVERIFY(l.updateCustomer(c));
    auto after = l.document(inv->id);
    QCOMPARE(after->customerName, u"Caffè Größe GmbH"_s);
    QCOMPARE(after->customerSnapshot.billingAddress.city, u"Berlin"_s);
    QCOMPARE(l.document(draft->id)->customerName, u"Renamed AG"_s);
    QVERIFY(l.verify()->ok());
}

void TestLedger::walAndForeignKeys()
{
    QSqlQuery q(m_f->store->database());
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
    QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(m_f->store->schemaVersion(), Store::SchemaVersion);
}

void TestLedger::reports()
{
    Ledger &l = *m_f->ledger;
    auto issueOn = [&](const QDate &date, qint64 quantity) {
        Document d;
        d.customerId = m_f->customerId;
        d.lines.append(m_f->line(u"Work"_s, quantity * QuantityScale, 100'00, m_f->standardRate));
        auto draft = l.createDraft(d);
        IssueOptions o;
        o.issueDate = date;
        return l.issue(draft->id, o);
    };
    auto march = issueOn(QDate(2026, 3, 5), 2); // 200.00 net
    QVERIFY(march);
    QVERIFY(issueOn(QDate(2026, 3, 20), 1)); // 100.00 net
    QVERIFY(issueOn(QDate(2026, 7, 1), 5)); // 500.00 net
    QVERIFY(issueOn(QDate(2025, 12, 31), 9)); // other year
    QVERIFY(m_f->draft(1)); // drafts are not revenue
    CreditNoteRequest cn;
    cn.invoiceId = march->id;
    DocumentLine half = march->lines[0];
    half.id.clear();
    half.quantity = QuantityScale;
    cn.lines = {half};
    cn.issueDate = QDate(2026, 4, 2);
    QVERIFY(l.issue(l.createCreditNote(cn)->id)); // -100.00 in April
    Expense e;
    e.supplier = u"Rent"_s;
    e.date = QDate(2026, 3, 1);
    e.netMinor = 500'00;
    e.vatMinor = 110'00;
    QVERIFY(l.addExpense(e));

    auto f = l.monthlyFigures(2026, u"EUR"_s);
    QVERIFY(f);
    QCOMPARE(f->revenueMinor[2], qint64(300'00));
    QCOMPARE(f->revenueMinor[3], qint64(-100'00));
    QCOMPARE(f->revenueMinor[6], qint64(500'00));
    QCOMPARE(f->revenueMinor[11], qint64(0));
    QCOMPARE(f->expensesMinor[2], qint64(500'00));
    auto top = l.topCustomers(2026, u"EUR"_s, 5);
    QVERIFY(top);
    QCOMPARE(top->size(), 1);
    QCOMPARE(top->first().revenueMinor, qint64(700'00));

    Payment p;
    p.targetId = march->id;
    p.amountMinor = 50'00;
    p.date = QDate(2026, 3, 30);
    QVERIFY(l.recordPayment(p));
    auto payments = l.paymentList({});
    QVERIFY(payments);
    QCOMPARE(payments->items.size(), 1);
    QCOMPARE(payments->items[0].targetLabel, march->number);
    QCOMPARE(payments->items[0].partyName, u"Caffè Größe GmbH"_s);
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
