// The floor under the ledger build: what SQLite alone costs to store an issued invoice the way
// the ledger stores it, with none of the program's work (no checks, no totals, no JSON, no
// hashing, no Qt SQL). A ledger is made through the model (schema, indexes, triggers), one
// invoice of 5 lines is issued through Ledger::issueNew, and its rows are then copied N times
// with SQLite's C API and prepared statements, as the model writes them: the document row
// (written as a draft, lines added, then marked issued, because a trigger freezes the lines of
// issued documents), the 5 line rows, the audit entry and the outbox entry with the invoice's
// snapshot, 1 000 invoices per transaction. Prints JSON: wall and CPU time per invoice, and the
// time for 100 000 by proportion. Nothing here asserts a time.
#include <ledger.h>
#include <money.h>
#include <store.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Kontor;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "kontor-bench-sqlite-floor: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T must(Result<T> r, const QString &what)
{
    if (!r)
        fail(what + u": "_s + r.error().toString());
    return std::move(r).value();
}

void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(u"%1: %2"_s.arg(QLatin1StringView(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

// One row read back as text and type, to be bound again.
struct Row
{
    std::vector<int> types;
    std::vector<std::string> values;
};

std::vector<Row> readRows(sqlite3 *db, const char *sql, const std::string &key)
{
    sqlite3_stmt *q = nullptr;
    check(db, sqlite3_prepare_v2(db, sql, -1, &q, nullptr), "prepare");
    sqlite3_bind_text(q, 1, key.c_str(), int(key.size()), SQLITE_TRANSIENT);
    std::vector<Row> rows;
    while (sqlite3_step(q) == SQLITE_ROW) {
        Row r;
        for (int i = 0; i < sqlite3_column_count(q); ++i) {
            r.types.push_back(sqlite3_column_type(q, i));
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(q, i));
            r.values.emplace_back(text ? text : "");
        }
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(q);
    return rows;
}

void bindRow(sqlite3_stmt *st, const Row &row, const std::vector<std::pair<int, std::string>> &over)
{
    for (int i = 0; i < int(row.values.size()); ++i) {
        const std::string *value = &row.values[size_t(i)];
        bool text = row.types[size_t(i)] == SQLITE_TEXT;
        for (const auto &[col, v] : over)
            if (col == i) {
                value = &v;
                text = true;
            }
        if (!text && row.types[size_t(i)] == SQLITE_NULL)
            sqlite3_bind_null(st, i + 1);
        else if (!text && row.types[size_t(i)] == SQLITE_INTEGER)
            sqlite3_bind_int64(st, i + 1, std::atoll(value->c_str()));
        else
            sqlite3_bind_text(st, i + 1, value->c_str(), int(value->size()), SQLITE_TRANSIENT);
    }
}

std::string placeholders(size_t n)
{
    std::string s;
    for (size_t i = 0; i < n; ++i)
        s += i ? ",?" : "?";
    return s;
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"What SQLite alone costs per issued invoice; prints JSON."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"invoices"_s, u"Invoices to write."_s, u"n"_s, u"100000"_s},
        {u"dir"_s, u"Directory for the ledger file (default: the system temp dir)."_s, u"path"_s},
    });
    parser.process(app);
    bool ok = false;
    const int n = parser.value(u"invoices"_s).toInt(&ok);
    if (!ok || n < 1)
        fail(u"--invoices: a positive number is needed"_s);
    QTemporaryDir tmp(parser.isSet(u"dir"_s)
                          ? QDir(parser.value(u"dir"_s)).filePath(u"kontor-floor-XXXXXX"_s)
                          : QDir::temp().filePath(u"kontor-floor-XXXXXX"_s));
    if (!tmp.isValid())
        fail(u"cannot make a temporary directory"_s);
    const QString path = tmp.filePath(u"floor.kontor"_s);

    // The template: one invoice as the model writes it.
    std::string docId;
    {
        auto store = must(Store::open(path, Store::OpenMode::CreateNew), u"create"_s);
        Ledger ledger(*store);
        CompanyProfile company;
        company.name = u"Floor S.r.l."_s;
        company.address.country = u"IT"_s;
        company.currency = u"EUR"_s;
        if (auto s = ledger.initialize(company, u"FLOOR-"_s); !s)
            fail(u"initialize: "_s + s.error().toString());
        Customer c;
        c.name = u"Rossi Tessile S.r.l."_s;
        c.vatId = u"IT10000776062"_s;
        c.billingAddress.street = u"Via Garibaldi 99"_s;
        c.billingAddress.city = u"Torino"_s;
        c.billingAddress.postalCode = u"10198"_s;
        c.billingAddress.country = u"IT"_s;
        const Customer customer = must(ledger.addCustomer(c), u"customer"_s);
        const QString rate = must(ledger.taxRates(), u"rates"_s).first().id;
        Document d;
        d.customerId = customer.id;
        for (int i = 0; i < 5; ++i) {
            DocumentLine l;
            l.description = u"Consulenza tecnica, fase %1"_s.arg(i + 1);
            l.quantity = (i + 1) * QuantityScale;
            l.unitPrice = (120 + 15 * i) * 100 * PriceExtraScale;
            l.taxRateId = rate;
            d.lines.append(l);
        }
        docId = must(ledger.issueNew(d), u"issueNew"_s).id.toStdString();
    }

    sqlite3 *db = nullptr;
    check(db, sqlite3_open(path.toUtf8().constData(), &db), "open");
    // The store's own settings.
    check(db,
          sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                       "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32000;",
                       nullptr, nullptr, nullptr),
          "pragmas");
    const std::vector<Row> doc = readRows(db, "SELECT * FROM documents WHERE id = ?", docId);
    const std::vector<Row> lines = readRows(
        db, "SELECT * FROM document_lines WHERE document_id = ? ORDER BY position", docId);
    const std::vector<Row> audit = readRows(
        db,
        "SELECT entity, entity_id, action, payload, prev_hash, hash, hlc FROM audit_chain "
        "WHERE entity_id = ?",
        docId);
    const std::vector<Row> outbox = readRows(
        db,
        "SELECT device_seq, op_id, device_id, entity, entity_id, kind, fields, hlc FROM outbox "
        "WHERE entity_id = ?",
        docId);
    if (doc.size() != 1 || lines.size() != 5 || audit.size() != 1 || outbox.size() != 1)
        fail(u"the template invoice was not found whole"_s);

    sqlite3_stmt *insertDoc = nullptr, *insertLine = nullptr, *markIssued = nullptr,
                 *insertAudit = nullptr, *insertOutbox = nullptr;
    const std::string docSql
        = "INSERT INTO documents VALUES (" + placeholders(doc[0].values.size()) + ")";
    const std::string lineSql
        = "INSERT INTO document_lines VALUES (" + placeholders(lines[0].values.size()) + ")";
    check(db, sqlite3_prepare_v2(db, docSql.c_str(), -1, &insertDoc, nullptr), "prepare doc");
    check(db, sqlite3_prepare_v2(db, lineSql.c_str(), -1, &insertLine, nullptr), "prepare line");
    check(db,
          sqlite3_prepare_v2(db,
                             "UPDATE documents SET status = 'issued' WHERE id = ? AND status = "
                             "'draft'",
                             -1, &markIssued, nullptr),
          "prepare mark");
    check(db,
          sqlite3_prepare_v2(db,
                             "INSERT INTO audit_chain(entity, entity_id, action, payload, "
                             "prev_hash, hash, hlc) VALUES (?,?,?,?,?,?,?)",
                             -1, &insertAudit, nullptr),
          "prepare audit");
    check(db,
          sqlite3_prepare_v2(db,
                             "INSERT INTO outbox(device_seq, op_id, device_id, entity, entity_id, "
                             "kind, fields, hlc) VALUES (?,?,?,?,?,?,?,?)",
                             -1, &insertOutbox, nullptr),
          "prepare outbox");

    // documents: id (0), status (2), number (4), sequence (5); lines: id (0), document_id (1).
    constexpr int Batch = 1000;
    char buf[64];
    QElapsedTimer wall;
    wall.start();
    const std::clock_t cpu0 = std::clock();
    for (int i = 0; i < n; ++i) {
        if (i % Batch == 0)
            check(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), "begin");
        std::snprintf(buf, sizeof buf, "01a00000-0000-7000-8000-%012d", i);
        const std::string id = buf;
        std::snprintf(buf, sizeof buf, "FLOOR-%09d", i);
        const std::string number = buf;
        bindRow(insertDoc, doc[0], {{0, id}, {2, "draft"}, {4, number}});
        // The sequence is an integer column: bound as one.
        sqlite3_bind_int64(insertDoc, 6, 1000000 + i);
        check(db, sqlite3_step(insertDoc), "document");
        sqlite3_reset(insertDoc);
        for (size_t k = 0; k < lines.size(); ++k) {
            std::snprintf(buf, sizeof buf, "01b00000-0000-7000-8000-%010d%02d", i, int(k));
            bindRow(insertLine, lines[k], {{0, buf}, {1, id}});
            check(db, sqlite3_step(insertLine), "line");
            sqlite3_reset(insertLine);
        }
        sqlite3_bind_text(markIssued, 1, id.c_str(), int(id.size()), SQLITE_TRANSIENT);
        check(db, sqlite3_step(markIssued), "mark issued");
        sqlite3_reset(markIssued);
        bindRow(insertAudit, audit[0], {{1, id}});
        check(db, sqlite3_step(insertAudit), "audit");
        sqlite3_reset(insertAudit);
        std::snprintf(buf, sizeof buf, "01c00000-0000-7000-8000-%012d", i);
        bindRow(insertOutbox, outbox[0], {{1, buf}, {4, id}});
        sqlite3_bind_int64(insertOutbox, 1, 1000000 + i);
        check(db, sqlite3_step(insertOutbox), "outbox");
        sqlite3_reset(insertOutbox);
        if (i % Batch == Batch - 1 || i == n - 1)
            check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
    }
    const double seconds = wall.nsecsElapsed() / 1e9;
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    for (sqlite3_stmt *st : {insertDoc, insertLine, markIssued, insertAudit, insertOutbox})
        sqlite3_finalize(st);
    sqlite3_close(db);

    auto r3 = [](double v) { return qRound64(v * 1000) / 1000.0; };
    const QJsonObject out {
        {u"benchmark"_s, u"sqlite-floor"_s},
        {u"invoices"_s, n},
        {u"lines_per_invoice"_s, int(lines.size())},
        {u"snapshot_bytes"_s, int(audit[0].values[3].size())},
        {u"s"_s, r3(seconds)},
        {u"cpu_s"_s, r3(cpu)},
        {u"us_per_invoice"_s, r3(seconds * 1e6 / n)},
        {u"cpu_us_per_invoice"_s, r3(cpu * 1e6 / n)},
        {u"s_per_100000_pro_rata"_s, r3(seconds * 100000.0 / n)},
        {u"sqlite"_s, QString::fromLatin1(sqlite3_libversion())},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return run(argc, argv);
}
