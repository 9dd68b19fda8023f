// The audit chain finds and names edits made behind the program's back with the sqlite3 shell.
#include "testledger.h"

#include <QProcess>
#include <QStandardPaths>

using namespace Kontor;
using namespace Kontor::Test;

class TestAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_f.reset(); }
    void intactChainVerifies();
    void tampering_data();
    void tampering();

private:
    void reopen();
    void shell(const QString &sql);

    std::unique_ptr<Fixture> m_f;
    Document m_invoice;
    Payment m_payment;
};

void TestAuditChain::init()
{
    if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
        QSKIP("the sqlite3 shell is not installed (apt-get install sqlite3)");
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->open());
    QVERIFY(m_f->issued(1));
    auto inv = m_f->issued(3);
    QVERIFY(inv);
    m_invoice = inv.value();
    Payment p;
    p.targetId = m_invoice.id;
    p.amountMinor = 5000;
    auto paid = m_f->ledger->recordPayment(p);
    QVERIFY(paid);
    m_payment = paid.value();
    QVERIFY(m_f->issued(1));
}

void TestAuditChain::reopen()
{
    m_f->ledger.reset();
    m_f->store.reset();
    auto s = Store::open(m_f->path);
    QVERIFY(s);
    m_f->store = std::move(s.value());
    m_f->ledger = std::make_unique<Ledger>(*m_f->store);
}

void TestAuditChain::shell(const QString &sql)
{
    m_f->ledger.reset();
    m_f->store.reset();
    QProcess p;
    p.start(u"sqlite3"_s, {m_f->path, sql});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    reopen();
}

void TestAuditChain::intactChainVerifies()
{
    auto report = m_f->ledger->verify();
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->entries, qint64(4));
    QCOMPARE(report->head, m_f->ledger->auditChain().head().value());
}

void TestAuditChain::tampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expectLabel"); // what the report must name
    QTest::addColumn<QString>("expectText"); // and a part of the description

    QTest::newRow("unit price of a line")
        << u"DROP TRIGGER lines_issued_frozen; UPDATE document_lines SET unit_price = 1 "
           "WHERE document_id = '$INV' AND position = 1;"_s
        << u"2026-L-0002"_s << u"lines[1].unitPrice"_s;
    QTest::newRow("invoice total")
        << u"DROP TRIGGER documents_issued_frozen; UPDATE documents SET total = total - "
           "100 WHERE id = '$INV';"_s
        << u"2026-L-0002"_s << u"totals.payable"_s;
    QTest::newRow("customer on the invoice")
        << u"DROP TRIGGER documents_issued_frozen; UPDATE documents SET customer_snapshot "
           "= replace(customer_snapshot, 'Berlin', 'Bern') WHERE id = '$INV';"_s
        << u"2026-L-0002"_s << u"customer.billingAddress.city"_s;
    QTest::newRow("line deleted")
        << u"DROP TRIGGER lines_issued_undeletable; DELETE FROM document_lines WHERE "
           "document_id = '$INV' AND position = 2;"_s
        << u"2026-L-0002"_s << u"lines (count 3"_s;
    QTest::newRow("payment amount")
        << u"DROP TRIGGER payments_frozen; UPDATE payments SET amount = 50 WHERE id = "
           "'$PAY';"_s
        << u"$PAY"_s << u"amount (recorded 5000, now 50)"_s;
    QTest::newRow("audit entry rewritten")
        << u"DROP TRIGGER audit_frozen; UPDATE audit_chain SET payload = replace(payload, "
           "'5000', '50') WHERE entity_id = '$PAY';"_s
        << u"$PAY"_s << u"hash does not match"_s;
    QTest::newRow("last entry cut off")
        << u"DROP TRIGGER audit_undeletable; DELETE FROM audit_chain WHERE seq = (SELECT "
           "max(seq) FROM audit_chain);"_s
        << u"2026-L-0003"_s << u"not recorded in the audit chain"_s;
    QTest::newRow("trigger dropped only") << u"DROP TRIGGER payments_undeletable;"_s
                                          << u"payments_undeletable"_s << u"trigger was removed"_s;
}

void TestAuditChain::tampering()
{
    QFETCH(QString, sql);
    QFETCH(QString, expectLabel);
    QFETCH(QString, expectText);
    sql.replace(u"$INV"_s, m_invoice.id).replace(u"$PAY"_s, m_payment.id);
    expectLabel.replace(u"$PAY"_s, m_payment.id);
    expectText.replace(u"$PAY"_s, m_payment.id);
    shell(sql);
    auto report = m_f->ledger->verify();
    QVERIFY(report);
    QVERIFY(!report->ok());
    bool found = false;
    QStringList seen;
    for (const AuditProblem &p : report->problems) {
        seen << p.label + u": "_s + p.description;
        if (p.label == expectLabel && p.description.contains(expectText))
            found = true;
    }
    QVERIFY2(found, qPrintable(seen.join(u" | "_s)));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
