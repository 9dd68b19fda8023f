// Whole-ledger JSON export and import: exact round trip, and a refused import writes nothing.
#include "ledgerexport.h"
#include "testledger.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Kontor;
using namespace Kontor::Test;

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripIsExact();
    void badImports_data();
    void badImports();
    void importNeedsAnEmptyLedger();

private:
    Fixture m_f;
    QJsonObject m_export;
};

void TestExport::initTestCase()
{
    QVERIFY(m_f.open());
    Ledger &l = *m_f.ledger;
    auto inv = m_f.issued(3);
    QVERIFY(inv);
    Payment p;
    p.targetId = inv->id;
    p.amountMinor = 1234;
    p.method = u"bonifico"_s;
    QVERIFY(l.recordPayment(p));
    CreditNoteRequest cn;
    cn.invoiceId = inv->id;
    DocumentLine line = inv->lines[0];
    line.id.clear();
    cn.lines = {line};
    QVERIFY(l.issue(l.createCreditNote(cn)->id));
    QVERIFY(m_f.draft(2));
    Expense e;
    e.supplier = u"Größe Bürobedarf"_s;
    e.date = QDate(2026, 5, 6);
    e.netMinor = 999;
    e.vatMinor = 220;
    auto ex = l.addExpense(e);
    QVERIFY(ex);
    QVERIFY(l.attachReceipt(ex->id, u"r.png"_s, {}, QByteArray("\x89PNG\r\n\x1a\n-data-", 15)));
    CompanyProfile c = l.company().value();
    c.logo = QByteArray("\x89PNG\r\n\x1a\nlogo", 12);
    c.logoMime = u"image/png"_s;
    QVERIFY(l.setCompany(c));
    auto exported = exportLedger(*m_f.store);
    QVERIFY(exported);
    m_export = exported.value();
}

void TestExport::roundTripIsExact()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"copy.kontor"_s);
    {
        auto target = Store::open(path, Store::OpenMode::CreateNew);
        QVERIFY(target);
        const Status s = importLedger(*target.value(), m_export);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    }
    auto reopened = Store::open(path);
    QVERIFY(reopened);
    auto again = exportLedger(*reopened.value());
    QVERIFY(again);
    QCOMPARE(QJsonDocument(again.value()).toJson(), QJsonDocument(m_export).toJson());
    Ledger copy(*reopened.value());
    QVERIFY(copy.verify()->ok());
    QCOMPARE(reopened.value()->deviceId(), m_f.store->deviceId());
    // The copy goes on numbering where the original stopped.
    QCOMPARE(copy.previewNumber(DocumentKind::Invoice).value(),
             m_f.ledger->previewNumber(DocumentKind::Invoice).value());
}

void TestExport::badImports_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("rule");
    QTest::newRow("unknown field")
        << u"customers"_s << u"nickname"_s << QJsonValue(u"x"_s) << u"unknown-field"_s;
    QTest::newRow("text where a number belongs")
        << u"documents"_s << u"total"_s << QJsonValue(u"12.00"_s) << u"type"_s;
    QTest::newRow("fraction where an integer belongs")
        << u"document_lines"_s << u"quantity"_s << QJsonValue(1.5) << u"type"_s;
    QTest::newRow("missing required")
        << u"customers"_s << u"name"_s << QJsonValue(QJsonValue::Null) << u"required"_s;
    QTest::newRow("tampered total")
        << u"documents"_s << u"total"_s << QJsonValue(1) << u"totals-mismatch"_s;
    QTest::newRow("dangling reference")
        << u"payments"_s << u"document_id"_s << QJsonValue(u"nowhere"_s) << u"broken-reference"_s;
    QTest::newRow("invalid e-mail")
        << u"customers"_s << u"email"_s << QJsonValue(u"not-mail"_s) << u"invalid-email"_s;
    QTest::newRow("chain payload edited")
        << u"audit_chain"_s << u"hash"_s << QJsonValue(QString(64, u'f')) << u"audit-chain"_s;
    QTest::newRow("bad base64") << u"receipts"_s << u"data"_s << QJsonValue(u"@@@"_s) << u"type"_s;
}

void TestExport::badImports()
{
    QFETCH(QString, table);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, rule);
    QJsonObject data = m_export;
    QJsonObject tables = data.value(u"tables"_s).toObject();
    QJsonArray rows = tables.value(table).toArray();
    QVERIFY(!rows.isEmpty());
    QJsonObject row = rows.first().toObject();
    row.insert(field, value);
    rows.replace(0, row);
    tables.insert(table, rows);
    data.insert(u"tables"_s, tables);

    QTemporaryDir dir;
    auto target = Store::open(dir.filePath(u"bad.kontor"_s), Store::OpenMode::CreateNew);
    QVERIFY(target);
    const Status s = importLedger(*target.value(), data);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().rule, rule);
    QVERIFY(!s.error().toString().isEmpty());
    // Nothing was written: the ledger is still empty and can take a good import.
    Ledger l(*target.value());
    QVERIFY(!l.isInitialized());
    QCOMPARE(target.value()->outboxCount().value(), qint64(0));
    QVERIFY(importLedger(*target.value(), m_export));
}

void TestExport::importNeedsAnEmptyLedger()
{
    const Status s = importLedger(*m_f.store, m_export);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().rule, u"not-empty"_s);
    QCOMPARE(exportLedger(*m_f.store).value(), m_export);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
