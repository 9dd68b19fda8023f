// Schema migrations: each older version, with data in it, moves to the current one intact; files
// that are not ledgers, or come from a newer Kontor, are refused untouched.
#include "ledger.h"
#include "schema.h"
#include "store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEveryOlderVersion_data();
    void fromEveryOlderVersion();
    void v1CustomersGetSearchKeys();
    void v5SearchIndexesCarryTheIssueDate();
    void newerSchemaIsRefused();
    void foreignFilesAreRefused_data();
    void foreignFilesAreRefused();
};

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Writes version-1 rows with plain SQL, as a version-1 program would have.
void seedV1(Store &store)
{
    QSqlQuery q(store.database());
    QVERIFY(q.exec(u"INSERT INTO company(id, name, currency, updated_hlc) VALUES (1, 'Studio', "
                   "'EUR', '0000000000000001-00000')"_s));
    QVERIFY(q.exec(u"INSERT INTO tax_rates(id, name, rate_bp, category, updated_hlc) VALUES "
                   "('r1', 'IVA 22%', 2200, 'S', 'x')"_s));
    QVERIFY(q.exec(u"INSERT INTO customers(id, name, created_hlc, updated_hlc) VALUES "
                   "('c1', 'ÖLMÜHLE Straße KG', 'x', 'x'), ('c2', 'Caffè Nero', 'x', 'x')"_s));
    QVERIFY(q.exec(u"INSERT INTO series(id, name, prefix, width, next_number, kind, "
                   "holder_device, updated_hlc) VALUES ('s1', 'Inv', 'A-', 4, 1, 'invoice', "
                   "(SELECT value FROM meta WHERE key = 'device_id'), 'x')"_s));
    QVERIFY(q.exec(u"INSERT INTO documents(id, kind, status, customer_id, customer_name, "
                   "customer_key, issue_date, currency, total, created_hlc, updated_hlc) VALUES "
                   "('doc1', 'invoice', 'draft', 'c2', 'Caffè Nero', 'caffè nero', '2026-01-02', "
                   "'EUR', 1220, 'x', 'x')"_s));
    QVERIFY(q.exec(u"INSERT INTO document_lines(id, document_id, position, description, "
                   "quantity, unit, unit_price, tax_rate_id, tax_category, tax_rate_bp, gross, "
                   "allowance, net) VALUES ('l1', 'doc1', 0, 'Espresso', 10000, 'C62', 100000, "
                   "'r1', 'S', 2200, 1000, 0, 1000)"_s));
}

} // namespace

void TestMigrations::fromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Store::SchemaVersion; ++v)
        QTest::addRow("from v%d", v) << v;
}

void TestMigrations::fromEveryOlderVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.kontor"_s);
    QString deviceId;
    {
        auto old = Store::openAtVersion(path, from);
        QVERIFY2(old, qPrintable(old ? QString() : old.error().toString()));
        QCOMPARE(old.value()->schemaVersion(), from);
        if (from >= 1)
            seedV1(*old.value());
        deviceId = old.value()->deviceId();
    }
    auto store = Store::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QCOMPARE(store.value()->schemaVersion(), Store::SchemaVersion);
    if (from >= 1) {
        QCOMPARE(store.value()->deviceId(), deviceId);
        Ledger ledger(*store.value());
        QCOMPARE(ledger.company()->name, u"Studio"_s);
        auto doc = ledger.document(u"doc1"_s);
        QVERIFY(doc);
        QCOMPARE(doc->lines.size(), 1);
        QCOMPARE(doc->lines[0].description, u"Espresso"_s);
        QCOMPARE(doc->totals.payable, qint64(1220));
        // The migrated ledger works: the draft can be edited and issued.
        QVERIFY(ledger.issue(u"doc1"_s));
        QVERIFY(ledger.verify()->ok());
    }
}

void TestMigrations::v1CustomersGetSearchKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v1.kontor"_s);
    {
        auto old = Store::openAtVersion(path, 1);
        QVERIFY(old);
        seedV1(*old.value());
    }
    auto store = Store::open(path);
    QVERIFY(store);
    Ledger ledger(*store.value());
    CustomerQuery q;
    q.search = u"ölmühle straße"_s;
    auto page = ledger.customers(q);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].id, u"c1"_s);
    q.search = u"CAFFÈ"_s;
    QCOMPARE(ledger.customers(q)->items.size(), 1);
}

static QStringList indexColumns(Store &store, const QString &index)
{
    QSqlQuery q(store.database());
    q.exec(u"PRAGMA index_info(%1)"_s.arg(index));
    QStringList columns;
    while (q.next())
        columns << q.value(2).toString();
    return columns;
}

// Version 5: the number and customer-key indexes also carry the issue date, so a search's
// matches are taken in list order from the indexes alone.
void TestMigrations::v5SearchIndexesCarryTheIssueDate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v4.kontor"_s);
    {
        auto old = Store::openAtVersion(path, 4);
        QVERIFY(old);
        seedV1(*old.value());
        QCOMPARE(indexColumns(*old.value(), u"documents_kind_number"_s),
                 QStringList({u"kind"_s, u"number"_s, u"id"_s}));
        QCOMPARE(indexColumns(*old.value(), u"documents_customer_key"_s),
                 QStringList({u"kind"_s, u"customer_key"_s, u"id"_s}));
    }
    auto store = Store::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QCOMPARE(store.value()->schemaVersion(), 5);
    QCOMPARE(indexColumns(*store.value(), u"documents_kind_number"_s),
             QStringList({u"kind"_s, u"number"_s, u"id"_s, u"issue_date"_s}));
    QCOMPARE(indexColumns(*store.value(), u"documents_customer_key"_s),
             QStringList({u"kind"_s, u"customer_key"_s, u"id"_s, u"issue_date"_s}));
    // Running it again changes nothing.
    QVERIFY(store.value()->execRaw(u"BEGIN"_s));
    QVERIFY(applyMigration(*store.value(), 5));
    QVERIFY(store.value()->execRaw(u"COMMIT"_s));
    QCOMPARE(indexColumns(*store.value(), u"documents_kind_number"_s).size(), 4);

    Ledger ledger(*store.value());
    QVERIFY(ledger.issue(u"doc1"_s));
    DocumentQuery q;
    q.search = u"caffè"_s;
    auto page = ledger.documents(q);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].id, u"doc1"_s);
    q.search = u"A-0001"_s;
    QCOMPARE(ledger.documents(q)->items.size(), 1);
    QVERIFY(ledger.verify()->ok());
}

void TestMigrations::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.kontor"_s);
    {
        auto s = Store::open(path, Store::OpenMode::CreateNew);
        QVERIFY(s);
        QVERIFY(s.value()->execRaw(u"PRAGMA user_version = 99"_s));
    }
    const QByteArray before = fileHash(path);
    auto s = Store::open(path);
    QVERIFY(!s);
    QCOMPARE(s.error().rule, u"newer-schema"_s);
    QVERIFY(s.error().message.contains(u"99"_s));
    QCOMPARE(fileHash(path), before);
}

void TestMigrations::foreignFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("rule");
    QTest::newRow("text file") << QByteArray("hello, this is not a database\n")
                               << u"not-a-ledger"_s;
    QTest::newRow("other sqlite database") << QByteArray() << u"not-a-ledger"_s;
}

void TestMigrations::foreignFilesAreRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, rule);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"foreign"_s);
    if (content.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE notes(t TEXT)"_s));
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"foreign"_s);
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = fileHash(path);
    auto s = Store::open(path);
    QVERIFY(!s);
    QCOMPARE(s.error().rule, rule);
    QCOMPARE(fileHash(path), before);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
