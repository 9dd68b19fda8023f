// kontor-cli end to end: the real binary on real ledger files in a temporary directory, driven the
// way a shell script drives it. Checks what it prints, its exit codes, that a refused command
// writes nothing, the byte-exact export round trip, and that verify finds tampering done behind
// the program's back with the sqlite3 shell.
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitUsage = 64;
constexpr int ExitData = 65;
constexpr int ExitIntegrity = 70;
constexpr int ExitIo = 74;

// Generous: a debug build on a busy two-core machine. Only a hang ever reaches it.
constexpr int ProcessTimeoutMs = 120'000;

struct Run
{
    int code = -1; // -1: did not start or did not finish, -2: crashed
    QByteArray out;
    QByteArray err;

    QString text() const { return QString::fromUtf8(out).trimmed(); }
    QString errors() const { return QString::fromUtf8(err); }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QByteArray describe() const
    {
        return "exit code " + QByteArray::number(code) + "\n--- stdout:\n" + out.left(4000)
            + "\n--- stderr:\n" + err.left(4000);
    }
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

bool ledgerFilesExist(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        if (QFile::exists(path + suffix))
            return true;
    return false;
}

QStringList numbersOf(const QJsonObject &page)
{
    QStringList out;
    for (const QJsonValue &v : page.value(u"items"_s).toArray())
        out << v.toObject().value(u"number"_s).toString();
    out.sort();
    return out;
}

} // namespace

#define CLI_OK(run) QVERIFY2((run).code == ExitOk, (run).describe().constData())

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup() { m_dir.reset(); }

    void fullFlow();
    void listFilters_data();
    void listFilters();
    void paging();
    void quotes();
    void masterData();
    void productPrices_data();
    void productPrices();
    void linesFromJsonFile();
    void humanOutput();
    void exportRoundTripIsByteExact();
    void exitCodes_data();
    void exitCodes();
    void importRejectsCorruptExport_data();
    void importRejectsCorruptExport();
    void verifyDetectsTampering_data();
    void verifyDetectsTampering();
    void pdf();
    void help();

private:
    Run cli(const QStringList &args, const QByteArray &input = {},
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) const;
    Run onLedger(const QStringList &args, const QByteArray &input = {}) const;
    QByteArray exportBytes() const;
    void seed(); // builds the base ledger; QVERIFY inside, check QTest::currentTestFailed()

    QTemporaryDir m_baseDir;
    QString m_base;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ledger;

    // Built once by seed(), the same in every copy.
    QDate m_today;
    QDate m_oldDate; // invoice 2026-L-0001, overdue
    QDate m_recentDate; // invoice 2026-L-0002, not yet due
    QString m_rossi;
    QString m_beta;
    QString m_product;
    QString m_invoice1;
    QString m_invoice2;
    QString m_payment;
    QString m_creditNote;
    QString m_draft; // a draft invoice with one line
    QString m_emptyDraft; // a draft invoice without lines
};

Run TestCli::cli(const QStringList &args, const QByteArray &input,
                 const QProcessEnvironment &env) const
{
    QProcess p;
    QProcessEnvironment e = env;
    e.remove(u"KONTOR_LEDGER"_s);
    p.setProcessEnvironment(e);
    p.setWorkingDirectory(m_dir ? m_dir->path() : m_baseDir.path());
    p.start(QStringLiteral(KONTOR_CLI_PATH), args);
    Run r;
    if (!p.waitForStarted(ProcessTimeoutMs))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(ProcessTimeoutMs)) {
        p.kill();
        p.waitForFinished(ProcessTimeoutMs);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run TestCli::onLedger(const QStringList &args, const QByteArray &input) const
{
    return cli(QStringList {u"--ledger"_s, m_ledger} + args, input);
}

QByteArray TestCli::exportBytes() const
{
    const Run r = onLedger({u"export"_s});
    return r.code == ExitOk ? r.out : QByteArray();
}

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(KONTOR_CLI_PATH)));
    QVERIFY(m_baseDir.isValid());
    m_base = m_baseDir.filePath(u"base.kontor"_s);
    m_ledger = m_base;
    seed();
}

void TestCli::seed()
{
    m_today = QDate::currentDate();
    m_oldDate = m_today.addDays(-60);
    m_recentDate = m_today.addDays(-1);
    const QString old = m_oldDate.toString(Qt::ISODate);
    const QString recent = m_recentDate.toString(Qt::ISODate);

    Run r = onLedger({u"init"_s, u"--company"_s, u"Studio Rossi"_s, u"--country"_s, u"IT"_s,
                      u"--currency"_s, u"EUR"_s, u"--vat-id"_s, u"IT12345678901"_s,
                      u"--series-prefix"_s, u"2026-L-"_s, u"--iban"_s,
                      u"IT60X0542811101000000123456"_s, u"--city"_s, u"Roma"_s});
    CLI_OK(r);
    QVERIFY2(r.errors().contains(u"2026-L-0001"_s), r.describe().constData());

    r = onLedger({u"customer"_s, u"add"_s, u"--name"_s, u"Caffè Rossi Srl"_s, u"--email"_s,
                  u"conti@rossi.example"_s, u"--vat-id"_s, u"IT01234567890"_s, u"--street"_s,
                  u"Via Po 3"_s, u"--postal-code"_s, u"10100"_s, u"--city"_s, u"Torino"_s,
                  u"--country"_s, u"IT"_s, u"--terms"_s, u"15"_s});
    CLI_OK(r);
    m_rossi = r.text();
    QCOMPARE(m_rossi.size(), 36);
    r = onLedger({u"customer"_s, u"add"_s, u"--name"_s, u"Beta GmbH"_s, u"--vat-id"_s,
                  u"DE123456789"_s, u"--country"_s, u"DE"_s, u"--currency"_s, u"EUR"_s});
    CLI_OK(r);
    m_beta = r.text();
    r = onLedger({u"product"_s, u"add"_s, u"--name"_s, u"Consulting"_s, u"--price"_s, u"80.00"_s,
                  u"--tax-rate"_s, u"IVA 22%"_s, u"--unit"_s, u"HUR"_s});
    CLI_OK(r);
    m_product = r.text();

    // 10 x 80.00 + 2.5 h x 80.00 at 22 %, and a book at 4 % with 10 % off: 17.99 net.
    // VAT 220.00 + 0.72; total 1238.71.
    r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, u"caffè rossi srl"_s, u"--date"_s,
                  old, u"--line"_s, u"Design;10;80.00;IVA 22%"_s, u"--item"_s, u"Consulting;2.5"_s,
                  u"--line"_s, u"Book;1;19.99;IVA 4%;10"_s});
    CLI_OK(r);
    const QString draft1 = r.text();
    r = onLedger({u"invoice"_s, u"issue"_s, draft1});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-0001"_s);
    m_invoice1 = draft1;

    r = onLedger({u"invoice"_s, u"pay"_s, u"2026-L-0001"_s, u"--amount"_s, u"200.00"_s, u"--date"_s,
                  old, u"--method"_s, u"bank transfer"_s});
    CLI_OK(r);
    m_payment = r.text();

    // Partial credit: the book line only (17.99 + 0.72 VAT).
    r = onLedger({u"credit-note"_s, u"create"_s, u"--invoice"_s, u"2026-L-0001"_s,
                  u"--invoice-line"_s, u"3"_s, u"--reason"_s, u"book returned"_s});
    CLI_OK(r);
    r = onLedger({u"credit-note"_s, u"issue"_s, r.text()});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-CN-0001"_s);
    m_creditNote = r.text();

    r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, m_beta, u"--date"_s, recent,
                  u"--due"_s, m_today.addDays(30).toString(Qt::ISODate), u"--line"_s,
                  u"Workshop;1;500;IVA 22%"_s});
    CLI_OK(r);
    m_invoice2 = r.text();
    r = onLedger({u"invoice"_s, u"issue"_s, m_invoice2});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-0002"_s);

    r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, u"Beta GmbH"_s, u"--date"_s, recent,
                  u"--line"_s, u"Draft work;2;50;IVA 10%"_s});
    CLI_OK(r);
    m_draft = r.text();
    r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, m_rossi});
    CLI_OK(r);
    m_emptyDraft = r.text();
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ledger = m_dir->filePath(u"ledger.kontor"_s);
    // The CLI closes the ledger on exit, which checkpoints the WAL into the main file.
    QVERIFY(!QFile::exists(m_base + u"-wal"_s) || QFile(m_base + u"-wal"_s).size() == 0);
    QVERIFY(QFile::copy(m_base, m_ledger));
}

void TestCli::fullFlow()
{
    Run r = onLedger({u"show"_s, u"2026-L-0001"_s, u"--json"_s});
    CLI_OK(r);
    QJsonObject inv = r.json();
    QCOMPARE(inv.value(u"id"_s).toString(), m_invoice1);
    QCOMPARE(inv.value(u"kind"_s).toString(), u"invoice"_s);
    QCOMPARE(inv.value(u"status"_s).toString(), u"partially_paid"_s);
    QCOMPARE(inv.value(u"totals"_s).toObject().value(u"payable"_s).toInteger(), 123871);
    QCOMPARE(inv.value(u"totals"_s).toObject().value(u"vatTotal"_s).toInteger(), 22072);
    QCOMPARE(inv.value(u"paid"_s).toInteger(), 20000);
    QCOMPARE(inv.value(u"credited"_s).toInteger(), 1871);
    QCOMPARE(inv.value(u"balance"_s).toInteger(), 102000);
    QCOMPARE(inv.value(u"overdue"_s).toBool(), true);
    QCOMPARE(inv.value(u"issueDate"_s).toString(), m_oldDate.toString(Qt::ISODate));
    QCOMPARE(inv.value(u"dueDate"_s).toString(), m_oldDate.addDays(15).toString(Qt::ISODate));
    QCOMPARE(inv.value(u"customer"_s).toObject().value(u"vatId"_s).toString(), u"IT01234567890"_s);
    const QJsonArray lines = inv.value(u"lines"_s).toArray();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).toObject().value(u"quantity"_s).toInteger(), 100000);
    QCOMPARE(lines.at(1).toObject().value(u"productId"_s).toString(), m_product);
    QCOMPARE(lines.at(1).toObject().value(u"unit"_s).toString(), u"HUR"_s);
    QCOMPARE(lines.at(1).toObject().value(u"quantity"_s).toInteger(), 25000);
    QCOMPARE(lines.at(2).toObject().value(u"discountBp"_s).toInteger(), 1000);
    QCOMPARE(lines.at(2).toObject().value(u"net"_s).toInteger(), 1799);
    const QJsonArray payments = inv.value(u"payments"_s).toArray();
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.at(0).toObject().value(u"id"_s).toString(), m_payment);
    QCOMPARE(payments.at(0).toObject().value(u"method"_s).toString(), u"bank transfer"_s);

    // The same document by id, through the kind-specific command.
    r = onLedger({u"invoice"_s, u"show"_s, m_invoice1, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"number"_s).toString(), u"2026-L-0001"_s);

    r = onLedger({u"credit-note"_s, u"show"_s, u"2026-L-CN-0001"_s, u"--json"_s});
    CLI_OK(r);
    const QJsonObject cn = r.json();
    QCOMPARE(cn.value(u"kind"_s).toString(), u"credit_note"_s);
    QCOMPARE(cn.value(u"referenceId"_s).toString(), m_invoice1);
    QCOMPARE(cn.value(u"totals"_s).toObject().value(u"payable"_s).toInteger(), 1871);
    QCOMPARE(cn.value(u"lines"_s).toArray().size(), 1);
    QVERIFY(cn.value(u"notes"_s).toString().contains(u"book returned"_s));

    // Paying the rest exactly settles the invoice; a further payment needs --overpayment.
    r = onLedger(
        {u"invoice"_s, u"pay"_s, u"2026-L-0001"_s, u"--amount"_s, u"1020.00"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"invoice"_s).toObject().value(u"status"_s).toString(), u"paid"_s);
    QCOMPARE(r.json().value(u"invoice"_s).toObject().value(u"balance"_s).toInteger(), 0);
    r = onLedger({u"invoice"_s, u"pay"_s, u"2026-L-0001"_s, u"--amount"_s, u"5"_s});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"(overpayment)"_s), r.describe().constData());
    r = onLedger({u"invoice"_s, u"pay"_s, u"2026-L-0001"_s, u"--amount"_s, u"5"_s,
                  u"--overpayment"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"payment"_s).toObject().value(u"overpayment"_s).toBool(), true);
    QCOMPARE(r.json().value(u"invoice"_s).toObject().value(u"balance"_s).toInteger(), -500);

    // A credit note without lines credits everything that is left.
    r = onLedger({u"credit-note"_s, u"create"_s, u"--invoice"_s, u"2026-L-0002"_s});
    CLI_OK(r);
    r = onLedger({u"credit-note"_s, u"issue"_s, r.text()});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-CN-0002"_s);
    r = onLedger({u"show"_s, u"2026-L-0002"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"credited"_s);
    QCOMPARE(r.json().value(u"balance"_s).toInteger(), 0);

    // Issuing the remaining draft takes the next number.
    r = onLedger({u"invoice"_s, u"issue"_s, m_draft});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-0003"_s);

    r = onLedger({u"credit-note"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(numbersOf(r.json()), (QStringList {u"2026-L-CN-0001"_s, u"2026-L-CN-0002"_s}));

    r = onLedger({u"verify"_s});
    CLI_OK(r);
    QVERIFY2(r.text().startsWith(u"audit chain ok"_s), r.describe().constData());
}

void TestCli::listFilters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("numbers"); // sorted; a draft has no number ("")

    const QString recent = m_recentDate.toString(Qt::ISODate);
    QTest::newRow("all") << QStringList {}
                         << QStringList {u""_s, u""_s, u"2026-L-0001"_s, u"2026-L-0002"_s};
    QTest::newRow("status issued")
        << QStringList {u"--status"_s, u"issued"_s} << QStringList {u"2026-L-0002"_s};
    QTest::newRow("status partially paid")
        << QStringList {u"--status"_s, u"partially-paid"_s} << QStringList {u"2026-L-0001"_s};
    QTest::newRow("status draft") << QStringList {u"--status"_s, u"draft"_s}
                                  << QStringList {u""_s, u""_s};
    QTest::newRow("customer by name")
        << QStringList {u"--customer"_s, u"Beta GmbH"_s} << QStringList {u""_s, u"2026-L-0002"_s};
    QTest::newRow("customer by id")
        << QStringList {u"--customer"_s, m_rossi} << QStringList {u""_s, u"2026-L-0001"_s};
    QTest::newRow("from") << QStringList {u"--from"_s, recent}
                          << QStringList {u""_s, u""_s, u"2026-L-0002"_s};
    QTest::newRow("to") << QStringList {u"--to"_s, m_oldDate.addDays(1).toString(Qt::ISODate)}
                        << QStringList {u"2026-L-0001"_s};
    QTest::newRow("date range, status")
        << QStringList {u"--from"_s, recent, u"--to"_s, recent, u"--status"_s, u"issued"_s}
        << QStringList {u"2026-L-0002"_s};
    QTest::newRow("open") << QStringList {u"--open"_s}
                          << QStringList {u"2026-L-0001"_s, u"2026-L-0002"_s};
    QTest::newRow("overdue") << QStringList {u"--overdue"_s} << QStringList {u"2026-L-0001"_s};
    QTest::newRow("search number")
        << QStringList {u"--search"_s, u"2026-L-0002"_s} << QStringList {u"2026-L-0002"_s};
    QTest::newRow("search customer")
        << QStringList {u"--search"_s, u"caff"_s} << QStringList {u""_s, u"2026-L-0001"_s};
    QTest::newRow("nothing") << QStringList {u"--status"_s, u"paid"_s} << QStringList {};
}

void TestCli::listFilters()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, numbers);
    const Run r = onLedger(QStringList {u"invoice"_s, u"list"_s, u"--json"_s} + args);
    CLI_OK(r);
    QCOMPARE(numbersOf(r.json()), numbers);
    QVERIFY(r.json().value(u"next"_s).isNull());
}

void TestCli::paging()
{
    Run all = onLedger({u"invoice"_s, u"list"_s, u"--json"_s});
    CLI_OK(all);
    QStringList expected;
    for (const QJsonValue &v : all.json().value(u"items"_s).toArray())
        expected << v.toObject().value(u"id"_s).toString();
    QCOMPARE(expected.size(), 4);

    QStringList seen;
    QString cursor;
    for (int page = 0; page < 10; ++page) {
        QStringList args {u"invoice"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"1"_s};
        if (!cursor.isEmpty())
            args << u"--after"_s << cursor;
        const Run r = onLedger(args);
        CLI_OK(r);
        const QJsonArray items = r.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        seen << items.at(0).toObject().value(u"id"_s).toString();
        const QJsonValue next = r.json().value(u"next"_s);
        if (next.isNull())
            break;
        cursor = next.toString();
    }
    QCOMPARE(seen, expected);

    // In a table the cursor goes to stderr, so stdout stays the table alone.
    const Run r = onLedger({u"invoice"_s, u"list"_s, u"--limit"_s, u"2"_s});
    CLI_OK(r);
    QVERIFY2(r.errors().contains(u"--after "_s), r.describe().constData());
    QVERIFY(!r.text().contains(u"--after"_s));

    const Run bad = onLedger({u"invoice"_s, u"list"_s, u"--after"_s, u"not-a-cursor!"_s});
    QCOMPARE(bad.code, ExitData);
    QVERIFY2(bad.errors().contains(u"(invalid-cursor)"_s), bad.describe().constData());
}

void TestCli::quotes()
{
    Run r = onLedger({u"quote"_s, u"create"_s, u"--customer"_s, u"Beta GmbH"_s, u"--line"_s,
                      u"Audit;3;120.00;IVA 22%;;DAY"_s});
    CLI_OK(r);
    const QString quote = r.text();
    r = onLedger({u"quote"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"items"_s).toArray().size(), 1);

    // A quote is not issued; the invoice command refuses it by kind.
    r = onLedger({u"invoice"_s, u"issue"_s, quote});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"(wrong-kind)"_s), r.describe().constData());

    r = onLedger({u"quote"_s, u"convert"_s, quote});
    CLI_OK(r);
    const QString invoice = r.text();
    QVERIFY(invoice != quote);
    r = onLedger({u"quote"_s, u"show"_s, quote, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"converted"_s);
    r = onLedger({u"invoice"_s, u"show"_s, invoice, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"referenceId"_s).toString(), quote);
    QCOMPARE(r.json().value(u"totals"_s).toObject().value(u"payable"_s).toInteger(), 43920);
    QCOMPARE(r.json().value(u"lines"_s).toArray().at(0).toObject().value(u"unit"_s).toString(),
             u"DAY"_s);
    r = onLedger({u"invoice"_s, u"issue"_s, invoice});
    CLI_OK(r);
    QCOMPARE(r.text(), u"2026-L-0003"_s);

    r = onLedger({u"quote"_s, u"convert"_s, quote});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"(already-converted)"_s), r.describe().constData());
}

void TestCli::masterData()
{
    Run r = onLedger({u"customer"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    const QJsonArray customers = r.json().value(u"items"_s).toArray();
    QCOMPARE(customers.size(), 2);
    const QJsonObject beta = customers.at(0).toObject();
    const QJsonObject rossi = customers.at(1).toObject();
    QCOMPARE(beta.value(u"name"_s).toString(), u"Beta GmbH"_s);
    QCOMPARE(beta.value(u"currency"_s).toString(), u"EUR"_s);
    QCOMPARE(rossi.value(u"id"_s).toString(), m_rossi);
    QCOMPARE(rossi.value(u"email"_s).toString(), u"conti@rossi.example"_s);
    QCOMPARE(rossi.value(u"vatId"_s).toString(), u"IT01234567890"_s);
    QCOMPARE(rossi.value(u"paymentTermsDays"_s).toInt(), 15);
    const QJsonObject address = rossi.value(u"billingAddress"_s).toObject();
    QCOMPARE(address.value(u"street"_s).toString(), u"Via Po 3"_s);
    QCOMPARE(address.value(u"postalCode"_s).toString(), u"10100"_s);
    QCOMPARE(address.value(u"city"_s).toString(), u"Torino"_s);
    QCOMPARE(address.value(u"country"_s).toString(), u"IT"_s);

    r = onLedger({u"customer"_s, u"list"_s, u"--json"_s, u"--search"_s, u"caf"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"items"_s).toArray().size(), 1);
    r = onLedger({u"customer"_s, u"show"_s, u"Caffè Rossi Srl"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"id"_s).toString(), m_rossi);

    r = onLedger({u"tax-rate"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    QString standard;
    for (const QJsonValue &v : r.json().value(u"items"_s).toArray()) {
        const QJsonObject rate = v.toObject();
        if (rate.value(u"name"_s).toString() == u"IVA 22%"_s) {
            standard = rate.value(u"id"_s).toString();
            QCOMPARE(rate.value(u"rate"_s).toString(), u"22.00"_s);
            QCOMPARE(rate.value(u"category"_s).toString(), u"S"_s);
        }
    }
    QVERIFY(!standard.isEmpty());

    r = onLedger({u"product"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    const QJsonObject product = r.json().value(u"items"_s).toArray().at(0).toObject();
    QCOMPARE(product.value(u"id"_s).toString(), m_product);
    QCOMPARE(product.value(u"unitPrice"_s).toInteger(), 800000); // 80.00 EUR, 4 decimals
    QCOMPARE(product.value(u"unit"_s).toString(), u"HUR"_s);
    QCOMPARE(product.value(u"taxRateId"_s).toString(), standard);

    // A tax rate given by id works like one given by name.
    r = onLedger({u"product"_s, u"add"_s, u"--name"_s, u"Hosting"_s, u"--price"_s, u"9.90"_s,
                  u"--tax-rate"_s, standard, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"taxRateId"_s).toString(), standard);

    r = onLedger({u"series"_s, u"list"_s, u"--json"_s});
    CLI_OK(r);
    const QJsonArray series = r.json().value(u"items"_s).toArray();
    QCOMPARE(series.size(), 2);
    for (const QJsonValue &v : series) {
        const QJsonObject s = v.toObject();
        if (s.value(u"kind"_s).toString() == u"invoice"_s) {
            QCOMPARE(s.value(u"prefix"_s).toString(), u"2026-L-"_s);
            QCOMPARE(s.value(u"nextNumber"_s).toInteger(), 3);
        } else {
            QCOMPARE(s.value(u"kind"_s).toString(), u"credit_note"_s);
            QCOMPARE(s.value(u"nextNumber"_s).toInteger(), 2);
        }
    }
}

void TestCli::productPrices_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint64>("unitPrice"); // minor units x 100; -1: refused
    QTest::addColumn<QString>("error");

    QTest::newRow("EUR cents") << u"EUR"_s << u"12.50"_s << qint64(125000) << QString();
    QTest::newRow("EUR sub-cent") << u"EUR"_s << u"0.1234"_s << qint64(1234) << QString();
    QTest::newRow("EUR too precise")
        << u"EUR"_s << u"0.12345"_s << qint64(-1) << u"unitPrice: '0.12345'"_s;
    QTest::newRow("JPY no minor unit") << u"JPY"_s << u"100.5"_s << qint64(10050) << QString();
    QTest::newRow("KWD three decimals") << u"KWD"_s << u"1.23456"_s << qint64(123456) << QString();
    QTest::newRow("negative") << u"EUR"_s << u"-1"_s << qint64(-1) << u"(negative-price)"_s;
    QTest::newRow("comma") << u"EUR"_s << u"12,50"_s << qint64(-1) << u"(number-format)"_s;
    QTest::newRow("unknown currency")
        << u"EUX"_s << u"1"_s << qint64(-1) << u"(unknown-currency)"_s;
}

void TestCli::productPrices()
{
    QFETCH(QString, currency);
    QFETCH(QString, price);
    QFETCH(qint64, unitPrice);
    QFETCH(QString, error);
    const Run r = onLedger({u"product"_s, u"add"_s, u"--name"_s, u"Thing"_s, u"--price"_s, price,
                            u"--currency"_s, currency, u"--tax-rate"_s, u"IVA 22%"_s, u"--json"_s});
    if (unitPrice < 0) {
        QCOMPARE(r.code, ExitData);
        QVERIFY2(r.errors().contains(error), r.describe().constData());
        return;
    }
    CLI_OK(r);
    QCOMPARE(r.json().value(u"unitPrice"_s).toInteger(), unitPrice);
    QCOMPARE(r.json().value(u"currency"_s).toString(), currency);
}

void TestCli::linesFromJsonFile()
{
    const QString file = m_dir->filePath(u"lines.json"_s);
    // 12 x 9.90 = 118.80; 1.5 h x 80.00 - 5 % = 114.00; VAT 22 % of 232.80 = 51.22 (51.216).
    const QByteArray lines = R"([
        {"description": "Hosting", "quantity": "12", "unitPrice": "9.90",
         "taxRate": "IVA 22%", "unit": "MON"},
        {"product": "Consulting", "quantity": 1.5, "discount": "5%"}
    ])";
    QVERIFY(writeFile(file, lines));
    Run r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, u"Beta GmbH"_s, u"--lines-file"_s,
                      file, u"--line"_s, u"Setup;1;0;IVA 22%"_s, u"--json"_s});
    CLI_OK(r);
    QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"totals"_s).toObject().value(u"payable"_s).toInteger(), 28402);
    const QJsonArray docLines = doc.value(u"lines"_s).toArray();
    QCOMPARE(docLines.size(), 3);
    QCOMPARE(docLines.at(0).toObject().value(u"unit"_s).toString(), u"MON"_s);
    QCOMPARE(docLines.at(1).toObject().value(u"productId"_s).toString(), m_product);
    QCOMPARE(docLines.at(1).toObject().value(u"discountBp"_s).toInteger(), 500);
    QCOMPARE(docLines.at(2).toObject().value(u"description"_s).toString(), u"Setup"_s);

    // The same lines from standard input.
    r = onLedger({u"invoice"_s, u"create"_s, u"--customer"_s, u"Beta GmbH"_s, u"--lines-file"_s,
                  u"-"_s, u"--json"_s},
                 lines);
    CLI_OK(r);
    QCOMPARE(r.json().value(u"totals"_s).toObject().value(u"payable"_s).toInteger(), 28402);

    const QByteArray before = exportBytes();
    QVERIFY(writeFile(file, R"([{"description": "a", "quantity": "1", "unitPrice": "1",
                                 "taxRate": "IVA 22%"}, {"colour": "red"}])"));
    r = onLedger({u"invoice"_s, u"create"_s, u"--lines-file"_s, file});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"lines[1].colour"_s), r.describe().constData());
    QVERIFY2(r.errors().contains(u"(unknown-field)"_s), r.describe().constData());
    QVERIFY(writeFile(file, R"([{"description": "a", "quantity": "1", "unitPrice": "1"}])"));
    r = onLedger({u"invoice"_s, u"create"_s, u"--lines-file"_s, file});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"lines[0].taxRate: a value is required (required)"_s),
             r.describe().constData());
    QCOMPARE(exportBytes(), before);
}

void TestCli::humanOutput()
{
    Run r = onLedger({u"invoice"_s, u"list"_s});
    CLI_OK(r);
    const QStringList rows = r.text().split(u'\n');
    QCOMPARE(rows.size(), 5); // header and four invoices
    QVERIFY(rows.at(0).startsWith(u"Number"_s));
    QVERIFY(r.text().contains(u"2026-L-0001"_s));
    QVERIFY(r.text().contains(u"1238.71"_s));
    QVERIFY(r.text().contains(u"partially_paid, overdue"_s));
    QVERIFY(r.err.isEmpty());

    r = onLedger({u"show"_s, u"2026-L-0001"_s});
    CLI_OK(r);
    QVERIFY(r.text().startsWith(u"Invoice 2026-L-0001"_s));
    for (const QString &s : {u"Caffè Rossi Srl"_s, u"Consulting"_s, u"1020.00"_s, u"0.72"_s,
                             u"bank transfer"_s, u"18.71"_s})
        QVERIFY2(r.text().contains(s), qPrintable(s));
}

void TestCli::exportRoundTripIsByteExact()
{
    const QString a = m_dir->filePath(u"a.json"_s);
    const QString b = m_dir->filePath(u"b.json"_s);
    const QString copy = m_dir->filePath(u"copy.kontor"_s);
    CLI_OK(onLedger({u"export"_s, a}));
    const QByteArray exported = readFile(a);
    QVERIFY(exported.startsWith("{"));
    QVERIFY(QJsonDocument::fromJson(exported).object().value(u"tables"_s).isObject());

    Run r = cli({u"--ledger"_s, copy, u"import"_s, a});
    CLI_OK(r);
    CLI_OK(cli({u"--ledger"_s, copy, u"export"_s, b}));
    QCOMPARE(readFile(b), exported);
    // Standard output carries the same bytes as the file.
    r = cli({u"--ledger"_s, copy, u"export"_s});
    CLI_OK(r);
    QCOMPARE(r.out, exported);
    CLI_OK(cli({u"--ledger"_s, copy, u"verify"_s}));
    r = cli({u"--ledger"_s, copy, u"show"_s, u"2026-L-0001"_s, u"--json"_s});
    CLI_OK(r);
    QCOMPARE(r.json().value(u"balance"_s).toInteger(), 102000);

    // Import only fills an empty ledger; a second import is refused and changes nothing.
    r = cli({u"--ledger"_s, copy, u"import"_s, a});
    QCOMPARE(r.code, ExitData);
    QVERIFY2(r.errors().contains(u"(not-empty)"_s), r.describe().constData());
    CLI_OK(cli({u"--ledger"_s, copy, u"export"_s, b}));
    QCOMPARE(readFile(b), exported);

    // From standard input as well.
    const QString piped = m_dir->filePath(u"piped.kontor"_s);
    CLI_OK(cli({u"--ledger"_s, piped, u"import"_s, u"-"_s}, exported));
    r = cli({u"--ledger"_s, piped, u"export"_s});
    CLI_OK(r);
    QCOMPARE(r.out, exported);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("messages"); // each must appear on stderr

    const QString L = u"@LEDGER"_s;
    auto row = [&](const char *name, QStringList args, int code, QStringList messages) {
        QTest::newRow(name) << args << code << messages;
    };
    auto onL = [&](QStringList args) { return QStringList {u"--ledger"_s, L} + args; };

    // 64: the command line itself is wrong.
    row("no command", onL({}), ExitUsage, {u"no command given"_s});
    row("unknown command", onL({u"frobnicate"_s}), ExitUsage, {u"unknown command 'frobnicate'"_s});
    row("unknown verb", onL({u"invoice"_s, u"frobnicate"_s}), ExitUsage,
        {u"unknown command 'invoice frobnicate'"_s});
    row("missing verb", onL({u"invoice"_s}), ExitUsage, {u"needs a subcommand"_s});
    row("unknown option", onL({u"invoice"_s, u"list"_s, u"--bogus"_s}), ExitUsage,
        {u"bogus"_s, u"invoice list --help"_s});
    row("unknown global option", {u"--bogus"_s, u"invoice"_s, u"list"_s}, ExitUsage, {u"bogus"_s});
    row("missing option value", onL({u"invoice"_s, u"pay"_s, u"2026-L-0001"_s, u"--amount"_s}),
        ExitUsage, {u"--amount"_s});
    row("missing required option", onL({u"customer"_s, u"add"_s, u"--email"_s, u"a@b.it"_s}),
        ExitUsage, {u"--name"_s});
    row("missing argument", onL({u"invoice"_s, u"issue"_s}), ExitUsage, {u"argument"_s});
    row("extra argument", onL({u"invoice"_s, u"show"_s, u"2026-L-0001"_s, u"extra"_s}), ExitUsage,
        {u"unexpected argument 'extra'"_s});
    row("no ledger", {u"invoice"_s, u"list"_s}, ExitUsage, {u"no ledger given"_s});

    // 65: the ledger's rules refuse the input.
    const QStringList create {u"invoice"_s, u"create"_s, u"--customer"_s, u"Beta GmbH"_s};
    row("negative quantity",
        onL(create
            + QStringList {u"--line"_s, u"Fine;1;10;IVA 22%"_s, u"--line"_s,
                           u"Refund;-2;10;IVA 22%"_s}),
        ExitData,
        {u"lines[1].quantity: the quantity must not be negative"_s, u"(negative-quantity)"_s});
    row("unknown tax rate", onL(create + QStringList {u"--line"_s, u"Fine;1;10;IVA 99%"_s}),
        ExitData,
        {u"lines[0].taxRate: the tax rate 'IVA 99%' does not exist"_s, u"(unknown-tax-rate)"_s});
    row("malformed quantity", onL(create + QStringList {u"--line"_s, u"Fine;two;10;IVA 22%"_s}),
        ExitData, {u"lines[0].quantity: 'two' is not a valid number"_s, u"(number-format)"_s});
    row("too precise price", onL(create + QStringList {u"--line"_s, u"Fine;1;1.23456;IVA 22%"_s}),
        ExitData, {u"lines[0].unitPrice"_s, u"(number-format)"_s});
    row("discount above 100 %", onL(create + QStringList {u"--line"_s, u"Fine;1;10;IVA 22%;150"_s}),
        ExitData, {u"lines[0].discount"_s, u"(discount-range)"_s});
    row("malformed line", onL(create + QStringList {u"--line"_s, u"just a description"_s}),
        ExitData, {u"lines[0]: "_s, u"(line-format)"_s});
    row("unknown product", onL(create + QStringList {u"--item"_s, u"Nothing;1"_s}), ExitData,
        {u"lines[0].product"_s, u"(unknown-product)"_s});
    row("unknown customer", onL({u"invoice"_s, u"create"_s, u"--customer"_s, u"Nobody"_s}),
        ExitData, {u"customer: "_s, u"(unknown-customer)"_s});
    row("overpayment without flag",
        onL({u"invoice"_s, u"pay"_s, u"2026-L-0002"_s, u"--amount"_s, u"1000.00"_s}), ExitData,
        {u"amount: "_s, u"610.00"_s, u"(overpayment)"_s});
    row("zero payment", onL({u"invoice"_s, u"pay"_s, u"2026-L-0002"_s, u"--amount"_s, u"0"_s}),
        ExitData, {u"(non-positive-amount)"_s});
    row("payment on a draft", onL({u"invoice"_s, u"pay"_s, u"@DRAFT"_s, u"--amount"_s, u"1"_s}),
        ExitData, {u"(invoice-not-issued)"_s});
    row("issue empty invoice", onL({u"invoice"_s, u"issue"_s, u"@EMPTY"_s}), ExitData,
        {u"lines: a document without lines cannot be issued (empty-document)"_s});
    row("issue twice", onL({u"invoice"_s, u"issue"_s, u"2026-L-0001"_s}), ExitData,
        {u"(already-issued)"_s});
    row("wrong kind", onL({u"credit-note"_s, u"issue"_s, u"@DRAFT"_s}), ExitData,
        {u"is an invoice, not a credit note"_s, u"(wrong-kind)"_s});
    row("credit note of a draft", onL({u"credit-note"_s, u"create"_s, u"--invoice"_s, u"@DRAFT"_s}),
        ExitData, {u"(invalid-reference)"_s});
    row("credit line out of range",
        onL({u"credit-note"_s, u"create"_s, u"--invoice"_s, u"2026-L-0001"_s, u"--invoice-line"_s,
             u"9"_s}),
        ExitData, {u"lines[0].invoiceLine"_s, u"(unknown-line)"_s});
    row("delete issued", onL({u"invoice"_s, u"delete"_s, u"2026-L-0001"_s}), ExitData,
        {u"(immutable)"_s});
    row("invalid email",
        onL({u"customer"_s, u"add"_s, u"--name"_s, u"X"_s, u"--email"_s, u"not-an-address"_s}),
        ExitData, {u"email: "_s, u"(invalid-email)"_s});
    row("invalid VAT id",
        onL({u"customer"_s, u"add"_s, u"--name"_s, u"X"_s, u"--vat-id"_s, u"12 34"_s}), ExitData,
        {u"vatId: "_s, u"(invalid-vat-id)"_s});
    row("invalid date", onL({u"invoice"_s, u"list"_s, u"--from"_s, u"2026-13-01"_s}), ExitData,
        {u"from: "_s, u"(invalid-date)"_s});
    row("invalid status", onL({u"invoice"_s, u"list"_s, u"--status"_s, u"lost"_s}), ExitData,
        {u"status: "_s, u"(invalid-value)"_s});
    row("unknown document", onL({u"show"_s, u"NOPE-1"_s}), ExitData, {u"(unknown-document)"_s});

    // 74: files missing or not what they should be.
    row("missing ledger file", {u"--ledger"_s, u"@MISSING"_s, u"invoice"_s, u"list"_s}, ExitIo,
        {u"does not exist"_s, u"(file-missing)"_s});
    row("not a ledger", {u"--ledger"_s, u"@TEXT"_s, u"invoice"_s, u"list"_s}, ExitIo,
        {u"(not-a-ledger)"_s});
    row("init over existing",
        onL({u"init"_s, u"--company"_s, u"X"_s, u"--country"_s, u"IT"_s, u"--series-prefix"_s,
             u"X-"_s}),
        ExitIo, {u"(file-exists)"_s});
    row("import missing file", {u"--ledger"_s, u"@MISSING"_s, u"import"_s, u"@DIR/none.json"_s},
        ExitIo, {u"(file-missing)"_s});
    row("import invalid JSON", {u"--ledger"_s, u"@MISSING"_s, u"import"_s, u"@TEXT"_s}, ExitIo,
        {u"(invalid-json)"_s});
    row("lines file missing", onL(create + QStringList {u"--lines-file"_s, u"@DIR/none.json"_s}),
        ExitIo, {u"lines-file: "_s, u"(file-missing)"_s});
    // A refused init removes the file it created.
    row("init refused",
        {u"--ledger"_s, u"@MISSING"_s, u"init"_s, u"--company"_s, u"X"_s, u"--country"_s, u"IT"_s,
         u"--series-prefix"_s, u"X-"_s, u"--iban"_s, u"IT00X000"_s},
        ExitData, {u"iban: "_s, u"(invalid-iban)"_s});
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QStringList, messages);

    const QString missing = m_dir->filePath(u"missing.kontor"_s);
    const QString text = m_dir->filePath(u"notes.txt"_s);
    QVERIFY(writeFile(text, "these are notes, not a ledger\n"));
    for (QString &a : args) {
        a.replace(u"@LEDGER"_s, m_ledger)
            .replace(u"@MISSING"_s, missing)
            .replace(u"@TEXT"_s, text)
            .replace(u"@DIR"_s, m_dir->path())
            .replace(u"@DRAFT"_s, m_draft)
            .replace(u"@EMPTY"_s, m_emptyDraft);
    }

    const QByteArray before = exportBytes();
    QVERIFY(!before.isEmpty());
    const Run r = cli(args);
    QVERIFY2(r.code == code, r.describe().constData());
    for (const QString &m : messages)
        QVERIFY2(r.errors().contains(m),
                 qPrintable(u"missing '%1' in:\n"_s.arg(m) + QString::fromUtf8(r.describe())));
    QVERIFY2(r.errors().startsWith(u"kontor-cli: "_s), r.describe().constData());
    QVERIFY(r.out.isEmpty());
    // A refused command writes nothing and creates nothing.
    QCOMPARE(exportBytes(), before);
    QVERIFY(!ledgerFilesExist(missing));
}

void TestCli::importRejectsCorruptExport_data()
{
    QTest::addColumn<QString>("corruption");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("messages");

    QTest::newRow("tampered total")
        << u"total"_s << ExitData
        << QStringList {u"documents[2026-L-0001]"_s, u"(totals-mismatch)"_s};
    QTest::newRow("unknown field")
        << u"field"_s << ExitData
        << QStringList {u"tables.customers[0].colour"_s, u"(unknown-field)"_s};
    QTest::newRow("missing field")
        << u"missing"_s << ExitData << QStringList {u"tables.customers[0].name"_s, u"(required)"_s};
    QTest::newRow("wrong type") << u"type"_s << ExitData
                                << QStringList {u"tables.documents[0].total"_s, u"(type)"_s};
    QTest::newRow("unknown table")
        << u"table"_s << ExitData << QStringList {u"tables.gadgets"_s, u"(unknown-table)"_s};
    QTest::newRow("unknown top-level key")
        << u"top"_s << ExitData << QStringList {u"comment: "_s, u"(unknown-field)"_s};
    QTest::newRow("not an export")
        << u"format"_s << ExitData << QStringList {u"format: "_s, u"(not-a-ledger-export)"_s};
    QTest::newRow("tampered payment")
        << u"payment"_s << ExitIntegrity << QStringList {u"audit chain"_s, u"(audit-chain)"_s};
    QTest::newRow("truncated") << u"truncate"_s << ExitIo << QStringList {u"(invalid-json)"_s};
}

void TestCli::importRejectsCorruptExport()
{
    QFETCH(QString, corruption);
    QFETCH(int, code);
    QFETCH(QStringList, messages);

    const Run exported = onLedger({u"export"_s});
    CLI_OK(exported);
    QJsonObject data = QJsonDocument::fromJson(exported.out).object();
    QJsonObject tables = data.value(u"tables"_s).toObject();
    auto edit = [&](const QString &table, auto change) {
        QJsonArray rows = tables.value(table).toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            if (change(row)) {
                rows.replace(i, row);
                break;
            }
        }
        tables.insert(table, rows);
    };
    if (corruption == u"total"_s) {
        edit(u"documents"_s, [](QJsonObject &row) {
            if (row.value(u"number"_s).toString() != u"2026-L-0001"_s)
                return false;
            row.insert(u"total"_s, row.value(u"total"_s).toInteger() + 100);
            return true;
        });
    } else if (corruption == u"field"_s) {
        edit(u"customers"_s, [](QJsonObject &row) {
            row.insert(u"colour"_s, u"red"_s);
            return true;
        });
    } else if (corruption == u"missing"_s) {
        edit(u"customers"_s, [](QJsonObject &row) {
            row.remove(u"name"_s);
            return true;
        });
    } else if (corruption == u"type"_s) {
        edit(u"documents"_s, [](QJsonObject &row) {
            row.insert(u"total"_s, u"1238.71"_s);
            return true;
        });
    } else if (corruption == u"table"_s) {
        tables.insert(u"gadgets"_s, QJsonArray());
    } else if (corruption == u"top"_s) {
        data.insert(u"comment"_s, u"edited by hand"_s);
    } else if (corruption == u"format"_s) {
        data.insert(u"format"_s, u"spreadsheet"_s);
    } else if (corruption == u"payment"_s) {
        edit(u"payments"_s, [](QJsonObject &row) {
            row.insert(u"amount"_s, row.value(u"amount"_s).toInteger() - 1);
            return true;
        });
    }
    data.insert(u"tables"_s, tables);
    QByteArray bytes = QJsonDocument(data).toJson(QJsonDocument::Indented);
    if (corruption == u"truncate"_s)
        bytes = exported.out.left(exported.out.size() / 2);
    const QString file = m_dir->filePath(u"corrupt.json"_s);
    QVERIFY(writeFile(file, bytes));

    const QString target = m_dir->filePath(u"imported.kontor"_s);
    const Run r = cli({u"--ledger"_s, target, u"import"_s, file});
    QVERIFY2(r.code == code, r.describe().constData());
    for (const QString &m : messages)
        QVERIFY2(r.errors().contains(m),
                 qPrintable(u"missing '%1' in:\n"_s.arg(m) + QString::fromUtf8(r.describe())));
    QVERIFY2(!ledgerFilesExist(target), "a failed import must leave no ledger file behind");
}

void TestCli::verifyDetectsTampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("findings"); // each must appear in the report

    QTest::newRow("invoice total")
        << u"DROP TRIGGER documents_issued_frozen; UPDATE documents SET total = total + 100 "
           "WHERE number = '2026-L-0001';"_s
        << QStringList {u"2026-L-0001"_s, u"totals.payable (recorded 123871, now 123971)"_s,
                        u"documents_issued_frozen"_s};
    QTest::newRow("line quantity")
        << u"DROP TRIGGER lines_issued_frozen; UPDATE document_lines SET quantity = 10000 "
           "WHERE description = 'Design';"_s
        << QStringList {u"2026-L-0001"_s, u"lines[0].quantity"_s};
    QTest::newRow("credit note customer")
        << u"DROP TRIGGER documents_issued_frozen; UPDATE documents SET customer_snapshot = "
           "replace(customer_snapshot, 'Caffè Rossi Srl', 'Someone Else') WHERE number = "
           "'2026-L-CN-0001';"_s
        << QStringList {u"2026-L-CN-0001"_s, u"customer.name"_s};
    QTest::newRow("payment amount")
        << u"DROP TRIGGER payments_frozen; UPDATE payments SET amount = 100;"_s
        << QStringList {u"@PAYMENT"_s, u"amount (recorded 20000, now 100)"_s};
    QTest::newRow("last audit entry removed")
        << u"DROP TRIGGER audit_undeletable; DELETE FROM audit_chain WHERE seq = (SELECT "
           "max(seq) FROM audit_chain);"_s
        << QStringList {u"2026-L-0002"_s, u"not recorded in the audit chain"_s};
}

void TestCli::verifyDetectsTampering()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, findings);
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (sqlite3.isEmpty())
        QSKIP("the sqlite3 shell is not installed");

    Run r = onLedger({u"verify"_s});
    CLI_OK(r);

    QProcess shell;
    shell.start(sqlite3, {m_ledger, sql});
    QVERIFY(shell.waitForFinished(ProcessTimeoutMs));
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());

    r = onLedger({u"verify"_s});
    QVERIFY2(r.code == ExitIntegrity, r.describe().constData());
    QVERIFY(r.text().startsWith(u"audit chain FAILED"_s));
    QVERIFY2(r.errors().contains(u"does not verify"_s), r.describe().constData());
    for (QString f : findings) {
        f.replace(u"@PAYMENT"_s, m_payment);
        QVERIFY2(r.text().contains(f),
                 qPrintable(u"missing '%1' in:\n"_s.arg(f) + QString::fromUtf8(r.describe())));
    }

    r = onLedger({u"verify"_s, u"--json"_s});
    QCOMPARE(r.code, ExitIntegrity);
    const QJsonObject report = r.json();
    QCOMPARE(report.value(u"ok"_s).toBool(true), false);
    QVERIFY(!report.value(u"problems"_s).toArray().isEmpty());
}

void TestCli::pdf()
{
    // The renderer lives in ui/; until it is there the command cannot be tested.
    if (!QFile::exists(QStringLiteral(KONTOR_SOURCE_DIR) + u"/ui/invoicerenderer.cpp"_s))
        QSKIP("ui/invoicerenderer.cpp is not there yet");

    // Without QT_QPA_PLATFORM: the command must pick a platform that needs no display itself.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s);
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    const QString output = m_dir->filePath(u"invoice.pdf"_s);
    Run r = cli({u"--ledger"_s, m_ledger, u"pdf"_s, u"2026-L-0001"_s, u"--output"_s, output}, {},
                env);
    CLI_OK(r);
    QCOMPARE(r.text(), output);
    QVERIFY(readFile(output).startsWith("%PDF-"));

    // Drafts and credit notes render too; the default name is the number.
    r = onLedger({u"pdf"_s, u"2026-L-CN-0001"_s});
    CLI_OK(r);
    QVERIFY(readFile(m_dir->filePath(u"2026-L-CN-0001.pdf"_s)).startsWith("%PDF-"));

    const QString none = m_dir->filePath(u"none.pdf"_s);
    r = onLedger({u"pdf"_s, u"NOPE-1"_s, u"--output"_s, none});
    QCOMPARE(r.code, ExitData);
    QVERIFY(!QFile::exists(none));
}

void TestCli::help()
{
    Run r = cli({u"--help"_s});
    CLI_OK(r);
    for (const QString &s : {u"invoice create"_s, u"credit-note issue"_s, u"verify"_s, u"export"_s,
                             u"import"_s, u"64"_s, u"74"_s})
        QVERIFY2(r.text().contains(s), qPrintable(s));

    r = cli({u"invoice"_s, u"pay"_s, u"--help"_s});
    CLI_OK(r);
    QVERIFY(r.text().startsWith(u"Usage: kontor-cli [--ledger FILE] invoice pay"_s));
    QVERIFY(r.text().contains(u"--overpayment"_s));
    r = cli({u"help"_s, u"invoice"_s, u"pay"_s});
    CLI_OK(r);
    QVERIFY(r.text().contains(u"--overpayment"_s));

    r = cli({u"--version"_s});
    CLI_OK(r);
    QVERIFY(r.text().startsWith(u"kontor-cli "_s));

    // Without a command the overview goes to stderr and the exit code says "usage".
    r = cli({});
    QCOMPARE(r.code, ExitUsage);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.errors().contains(u"invoice create"_s));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
