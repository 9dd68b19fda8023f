#include "schema.h"

#include "store.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

// Version 1: the ledger's tables. Issued documents, their lines, payments and the audit chain
// are protected by triggers, so no code path of the program can alter them by mistake; the audit
// chain catches changes made around the program.
const char *const kSchemaV1[] = {
    R"(CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID)",
    R"(CREATE TABLE company(
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL, street TEXT NOT NULL DEFAULT '', additional TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
        vat_id TEXT NOT NULL DEFAULT '', tax_id TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL, iban TEXT NOT NULL DEFAULT '', bic TEXT NOT NULL DEFAULT '',
        bank_name TEXT NOT NULL DEFAULT '', payment_terms_days INTEGER NOT NULL DEFAULT 30,
        logo BLOB, logo_mime TEXT NOT NULL DEFAULT '', updated_hlc TEXT NOT NULL))",
    R"(CREATE TABLE tax_rates(
        id TEXT PRIMARY KEY, name TEXT NOT NULL, rate_bp INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('S','Z','E','AE','K','G','O')),
        exemption_reason TEXT NOT NULL DEFAULT '', exemption_code TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0, updated_hlc TEXT NOT NULL))",
    R"(CREATE TABLE customers(
        id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '',
        vat_id TEXT NOT NULL DEFAULT '', tax_id TEXT NOT NULL DEFAULT '',
        b_street TEXT NOT NULL DEFAULT '', b_additional TEXT NOT NULL DEFAULT '',
        b_postal_code TEXT NOT NULL DEFAULT '', b_city TEXT NOT NULL DEFAULT '',
        b_region TEXT NOT NULL DEFAULT '', b_country TEXT NOT NULL DEFAULT '',
        s_street TEXT NOT NULL DEFAULT '', s_additional TEXT NOT NULL DEFAULT '',
        s_postal_code TEXT NOT NULL DEFAULT '', s_city TEXT NOT NULL DEFAULT '',
        s_region TEXT NOT NULL DEFAULT '', s_country TEXT NOT NULL DEFAULT '',
        payment_terms_days INTEGER NOT NULL DEFAULT -1, currency TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '', archived INTEGER NOT NULL DEFAULT 0,
        created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL))",
    R"(CREATE TABLE products(
        id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL, unit_price INTEGER NOT NULL, currency TEXT NOT NULL DEFAULT '',
        tax_rate_id TEXT NOT NULL REFERENCES tax_rates(id),
        archived INTEGER NOT NULL DEFAULT 0, updated_hlc TEXT NOT NULL))",
    R"(CREATE INDEX products_name ON products(name))",
    R"(CREATE TABLE series(
        id TEXT PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, width INTEGER NOT NULL,
        next_number INTEGER NOT NULL CHECK (next_number >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit_note','quote')),
        holder_device TEXT NOT NULL, updated_hlc TEXT NOT NULL))",
    R"(CREATE TABLE documents(
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit_note','quote')),
        status TEXT NOT NULL,
        series_id TEXT REFERENCES series(id), number TEXT NOT NULL DEFAULT '', sequence INTEGER,
        customer_id TEXT REFERENCES customers(id),
        customer_name TEXT NOT NULL DEFAULT '', customer_key TEXT NOT NULL DEFAULT '',
        issue_date TEXT NOT NULL, due_date TEXT NOT NULL DEFAULT '', currency TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '', payment_terms TEXT NOT NULL DEFAULT '',
        reference_id TEXT REFERENCES documents(id), buyer_reference TEXT NOT NULL DEFAULT '',
        line_net INTEGER NOT NULL DEFAULT 0, vat_total INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0, paid INTEGER NOT NULL DEFAULT 0,
        credited INTEGER NOT NULL DEFAULT 0, breakdown TEXT NOT NULL DEFAULT '[]',
        customer_snapshot TEXT, issued_by_device TEXT,
        created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL,
        UNIQUE (series_id, sequence)))",
    R"(CREATE UNIQUE INDEX documents_number ON documents(number) WHERE number <> '')",
    R"(CREATE INDEX documents_kind_date ON documents(kind, issue_date, id))",
    R"(CREATE INDEX documents_customer ON documents(customer_id, kind, issue_date, id))",
    R"(CREATE INDEX documents_customer_key ON documents(kind, customer_key, id))",
    R"(CREATE INDEX documents_kind_number ON documents(kind, number, id))",
    R"(CREATE INDEX documents_kind_total ON documents(kind, total, id))",
    R"(CREATE INDEX documents_kind_due ON documents(kind, due_date, id))",
    R"(CREATE INDEX documents_open ON documents(kind, status, due_date))",
    R"(CREATE INDEX documents_reference ON documents(reference_id) WHERE reference_id IS NOT NULL)",
    R"(CREATE TABLE document_lines(
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, product_id TEXT REFERENCES products(id),
        description TEXT NOT NULL DEFAULT '', quantity INTEGER NOT NULL, unit TEXT NOT NULL,
        unit_price INTEGER NOT NULL, discount_bp INTEGER NOT NULL DEFAULT 0,
        tax_rate_id TEXT NOT NULL REFERENCES tax_rates(id), tax_category TEXT NOT NULL,
        tax_rate_bp INTEGER NOT NULL, exemption_reason TEXT NOT NULL DEFAULT '',
        exemption_code TEXT NOT NULL DEFAULT '', gross INTEGER NOT NULL,
        allowance INTEGER NOT NULL, net INTEGER NOT NULL,
        UNIQUE (document_id, position)))",
    R"(CREATE TABLE expenses(
        id TEXT PRIMARY KEY, supplier TEXT NOT NULL, supplier_vat_id TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL, category TEXT NOT NULL DEFAULT '', currency TEXT NOT NULL,
        net INTEGER NOT NULL, vat INTEGER NOT NULL, total INTEGER NOT NULL,
        paid INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '',
        created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL, CHECK (net + vat = total)))",
    R"(CREATE INDEX expenses_date ON expenses(date, id))",
    R"(CREATE TABLE receipts(
        id TEXT PRIMARY KEY, expense_id TEXT NOT NULL REFERENCES expenses(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL, mime_type TEXT NOT NULL, data BLOB NOT NULL,
        sha256 TEXT NOT NULL, created_hlc TEXT NOT NULL))",
    R"(CREATE INDEX receipts_expense ON receipts(expense_id))",
    R"(CREATE TABLE payments(
        id TEXT PRIMARY KEY, target TEXT NOT NULL CHECK (target IN ('invoice','expense')),
        document_id TEXT REFERENCES documents(id), expense_id TEXT REFERENCES expenses(id),
        date TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0), currency TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
        overpayment INTEGER NOT NULL DEFAULT 0, created_hlc TEXT NOT NULL,
        CHECK ((document_id IS NULL) <> (expense_id IS NULL))))",
    R"(CREATE INDEX payments_document ON payments(document_id) WHERE document_id IS NOT NULL)",
    R"(CREATE INDEX payments_expense ON payments(expense_id) WHERE expense_id IS NOT NULL)",
    R"(CREATE INDEX payments_date ON payments(date, id))",
    R"(CREATE TABLE audit_chain(
        seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        action TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL, hlc TEXT NOT NULL))",
    R"(CREATE INDEX audit_entity ON audit_chain(entity_id))",
    R"(CREATE TABLE outbox(
        device_seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL,
        fields TEXT NOT NULL, hlc TEXT NOT NULL, pushed INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE INDEX outbox_pending ON outbox(pushed, device_seq))",
    // Immutability of what was issued.
    R"(CREATE TRIGGER documents_issued_frozen BEFORE UPDATE ON documents
       WHEN OLD.status NOT IN ('draft') AND OLD.kind <> 'quote' AND (
            NEW.kind IS NOT OLD.kind OR NEW.series_id IS NOT OLD.series_id
         OR NEW.number IS NOT OLD.number OR NEW.sequence IS NOT OLD.sequence
         OR NEW.customer_id IS NOT OLD.customer_id OR NEW.customer_name IS NOT OLD.customer_name
         OR NEW.issue_date IS NOT OLD.issue_date
         OR NEW.due_date IS NOT OLD.due_date OR NEW.currency IS NOT OLD.currency
         OR NEW.notes IS NOT OLD.notes OR NEW.payment_terms IS NOT OLD.payment_terms
         OR NEW.reference_id IS NOT OLD.reference_id OR NEW.line_net IS NOT OLD.line_net
         OR NEW.vat_total IS NOT OLD.vat_total OR NEW.total IS NOT OLD.total
         OR NEW.breakdown IS NOT OLD.breakdown OR NEW.customer_snapshot IS NOT OLD.customer_snapshot
         OR NEW.status = 'draft')
       BEGIN SELECT RAISE(ABORT, 'issued documents are immutable'); END)",
    R"(CREATE TRIGGER documents_issued_undeletable BEFORE DELETE ON documents
       WHEN OLD.status <> 'draft' AND OLD.kind <> 'quote'
       BEGIN SELECT RAISE(ABORT, 'issued documents cannot be deleted'); END)",
    R"(CREATE TRIGGER lines_issued_frozen BEFORE UPDATE ON document_lines
       WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
        AND (SELECT kind FROM documents WHERE id = OLD.document_id) <> 'quote'
       BEGIN SELECT RAISE(ABORT, 'lines of issued documents are immutable'); END)",
    R"(CREATE TRIGGER lines_issued_undeletable BEFORE DELETE ON document_lines
       WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
        AND (SELECT kind FROM documents WHERE id = OLD.document_id) <> 'quote'
       BEGIN SELECT RAISE(ABORT, 'lines of issued documents cannot be deleted'); END)",
    R"(CREATE TRIGGER lines_issued_no_insert BEFORE INSERT ON document_lines
       WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
        AND (SELECT kind FROM documents WHERE id = NEW.document_id) <> 'quote'
       BEGIN SELECT RAISE(ABORT, 'lines cannot be added to issued documents'); END)",
    R"(CREATE TRIGGER payments_frozen BEFORE UPDATE ON payments
       BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END)",
    R"(CREATE TRIGGER payments_undeletable BEFORE DELETE ON payments
       BEGIN SELECT RAISE(ABORT, 'payments cannot be deleted'); END)",
    R"(CREATE TRIGGER audit_frozen BEFORE UPDATE ON audit_chain
       BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END)",
    R"(CREATE TRIGGER audit_undeletable BEFORE DELETE ON audit_chain
       BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END)",
};

// Version 2: case-insensitive customer search. The key is computed by the program (Unicode case
// folding, which SQLite's lower() does not do), so existing rows are filled in here.
Status migrateV2(Store &store)
{
    KONTOR_TRY(
        store.execRaw(u"ALTER TABLE customers ADD COLUMN name_key TEXT NOT NULL DEFAULT ''"_s));
    KONTOR_TRY(store.execRaw(u"CREATE INDEX customers_name_key ON customers(name_key)"_s));
    auto rows = store.exec(u"SELECT id, name FROM customers"_s);
    if (!rows)
        return rows.error();
    QList<std::pair<QString, QString>> keys;
    while ((*rows)->next())
        keys.append({(*rows)->value(0).toString(), searchKey((*rows)->value(1).toString())});
    (*rows)->finish();
    for (const auto &[id, key] : keys)
        KONTOR_TRY(store.exec(u"UPDATE customers SET name_key = ? WHERE id = ?"_s, {key, id}));
    return {};
}

// Version 3: list and total queries read only indexes. The date index also carries what a search
// filters on, so walking the list order for a common term never reads the documents themselves;
// the open-invoice index carries what outstandingTotals() sums.
Status migrateV3(Store &store)
{
    KONTOR_TRY(store.execRaw(u"DROP INDEX documents_kind_date"_s));
    KONTOR_TRY(store.execRaw(
        u"CREATE INDEX documents_kind_date ON documents(kind, issue_date, id, number, customer_key)"_s));
    KONTOR_TRY(store.execRaw(u"DROP INDEX documents_open"_s));
    KONTOR_TRY(store.execRaw(u"CREATE INDEX documents_open ON documents(kind, status, due_date, "
                             "currency, total, paid, credited)"_s));
    return {};
}

// Version 4: the ledger as a sync replica. Field clocks and tombstones of records changed by
// other devices (this device's own clocks are read from the outbox, which the index makes
// cheap), and the conflicts and rejections the user reviews.
Status migrateV4(Store &store)
{
    KONTOR_TRY(store.execRaw(u"CREATE TABLE replica_records(entity TEXT NOT NULL, "
                             "entity_id TEXT NOT NULL, clocks TEXT NOT NULL, "
                             "deleted INTEGER NOT NULL DEFAULT 0, "
                             "PRIMARY KEY(entity, entity_id)) WITHOUT ROWID"_s));
    KONTOR_TRY(store.execRaw(u"CREATE INDEX outbox_record ON outbox(entity_id, device_seq)"_s));
    KONTOR_TRY(store.execRaw(
        u"CREATE TABLE sync_conflicts(id INTEGER PRIMARY KEY, entity TEXT NOT NULL, "
        "entity_id TEXT NOT NULL, field TEXT NOT NULL, lost_value TEXT NOT NULL, "
        "lost_clock TEXT NOT NULL, kept_value TEXT NOT NULL, kept_clock TEXT NOT NULL, "
        "created_hlc TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0)"_s));
    KONTOR_TRY(store.execRaw(
        u"CREATE TABLE sync_rejections(op_id TEXT PRIMARY KEY, entity TEXT NOT NULL, "
        "entity_id TEXT NOT NULL, kind TEXT NOT NULL, fields TEXT NOT NULL, rule TEXT NOT NULL, "
        "field TEXT NOT NULL, message TEXT NOT NULL, created_hlc TEXT NOT NULL, "
        "resolution TEXT NOT NULL DEFAULT '')"_s));
    return {};
}

// Version 5: a search by a number prefix or a customer-name prefix, in a list by issue date,
// takes the newest matches from the number and customer-key indexes alone: both carry the issue
// date now. (The list sorted by number or customer uses the same indexes as before.) Written so
// that running it again changes nothing.
Status migrateV5(Store &store)
{
    KONTOR_TRY(store.execRaw(u"DROP INDEX IF EXISTS documents_kind_number"_s));
    KONTOR_TRY(store.execRaw(u"CREATE INDEX documents_kind_number ON documents(kind, number, id, "
                             "issue_date)"_s));
    KONTOR_TRY(store.execRaw(u"DROP INDEX IF EXISTS documents_customer_key"_s));
    KONTOR_TRY(store.execRaw(u"CREATE INDEX documents_customer_key ON documents(kind, "
                             "customer_key, id, issue_date)"_s));
    return {};
}

} // namespace

QString searchKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

Status applyMigration(Store &store, int toVersion)
{
    switch (toVersion) {
    case 1:
        for (const char *sql : kSchemaV1)
            KONTOR_TRY(store.execRaw(QString::fromUtf8(sql)));
        return {};
    case 2:
        return migrateV2(store);
    case 3:
        return migrateV3(store);
    case 4:
        return migrateV4(store);
    case 5:
        return migrateV5(store);
    default:
        return Error {ErrorKind::Usage,
                      {},
                      u"unknown-migration"_s,
                      u"no migration to schema version %1"_s.arg(toVersion)};
    }
}

} // namespace Kontor
