#include "ledgerexport.h"

#include "ledger.h"
#include "rules.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

// Import order: lines before their documents, because the immutability triggers refuse lines
// added to an issued document; references are checked once everything is in.
const char *const kTables[]
    = {"meta",      "company",  "tax_rates", "customers", "products",    "series", "document_lines",
       "documents", "expenses", "receipts",  "payments",  "audit_chain", "outbox"};

struct Column
{
    QString name;
    QString type; // INTEGER, TEXT, BLOB
    bool notNull = false;
    bool hasDefault = false;
};

Result<QList<Column>> columnsOf(Store &store, const QString &table)
{
    QSqlQuery q(store.database());
    if (!q.exec(u"PRAGMA table_info(%1)"_s.arg(table)))
        return Error {ErrorKind::Io, {}, u"sql"_s, u"cannot read the schema of %1"_s.arg(table)};
    QList<Column> out;
    while (q.next())
        out.append({q.value(1).toString(), q.value(2).toString().toUpper(), q.value(3).toBool(),
                    !q.value(4).isNull()});
    return out;
}

QString orderBy(const QString &table)
{
    if (table == u"meta"_s)
        return u"key"_s;
    if (table == u"audit_chain"_s || table == u"outbox"_s || table == u"company"_s)
        return u"rowid"_s;
    if (table == u"outbox"_s)
        return u"device_seq"_s;
    return u"id"_s;
}

Error importError(const QString &field, const QString &rule, const QString &message)
{
    return validationError(field, rule, message);
}

} // namespace

Result<QJsonObject> exportLedger(Store &store)
{
    QJsonObject tables;
    for (const char *t : kTables) {
        const QString table = QString::fromLatin1(t);
        auto cols = columnsOf(store, table);
        if (!cols)
            return cols.error();
        QSqlQuery q(store.database());
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT * FROM %1 ORDER BY %2"_s.arg(table, orderBy(table))))
            return Error {ErrorKind::Io,
                          {},
                          u"sql"_s,
                          u"cannot read %1: %2"_s.arg(table, q.lastError().text())};
        QJsonArray rows;
        while (q.next()) {
            QJsonObject row;
            for (int i = 0; i < cols->size(); ++i) {
                const Column &c = cols->at(i);
                const QVariant v = q.value(i);
                if (v.isNull())
                    row.insert(c.name, QJsonValue::Null);
                else if (c.type == u"BLOB"_s)
                    row.insert(c.name, QString::fromLatin1(v.toByteArray().toBase64()));
                else if (c.type == u"INTEGER"_s)
                    row.insert(c.name, v.toLongLong());
                else
                    row.insert(c.name, v.toString());
            }
            rows.append(row);
        }
        tables.insert(table, rows);
    }
    return QJsonObject {{u"format"_s, QString::fromLatin1(LedgerExportFormat)},
                        {u"schemaVersion"_s, store.schemaVersion()},
                        {u"tables"_s, tables}};
}

Status importLedger(Store &store, const QJsonObject &data)
{
    if (data.value(u"format"_s).toString() != QLatin1StringView(LedgerExportFormat))
        return importError(u"format"_s, u"not-a-ledger-export"_s,
                           u"the file is not a Kontor ledger export (format must be '%1')"_s.arg(
                               QLatin1StringView(LedgerExportFormat)));
    const int version = data.value(u"schemaVersion"_s).toInt(-1);
    if (version != Store::SchemaVersion)
        return importError(
            u"schemaVersion"_s, u"schema-version"_s,
            u"the export has schema version %1; this Kontor imports version %2"_s.arg(version).arg(
                Store::SchemaVersion));
    if (!data.value(u"tables"_s).isObject())
        return importError(u"tables"_s, u"required"_s, u"the export has no tables object"_s);
    const QJsonObject tables = data.value(u"tables"_s).toObject();
    for (auto it = data.begin(); it != data.end(); ++it)
        if (it.key() != u"format"_s && it.key() != u"schemaVersion"_s && it.key() != u"tables"_s)
            return importError(it.key(), u"unknown-field"_s,
                               u"'%1' is not part of a Kontor ledger export"_s.arg(it.key()));

    {
        Ledger probe(store);
        if (probe.isInitialized())
            return Error {ErrorKind::Conflict, u"ledger"_s, u"not-empty"_s,
                          u"import needs an empty ledger; this one already has data"_s};
    }
    QSet<QString> known;
    for (const char *t : kTables)
        known.insert(QString::fromLatin1(t));
    for (auto it = tables.begin(); it != tables.end(); ++it)
        if (!known.contains(it.key()))
            return importError(u"tables.%1"_s.arg(it.key()), u"unknown-table"_s,
                               u"'%1' is not a table of a Kontor ledger"_s.arg(it.key()));

    WriteTransaction tx(store);
    if (!tx.isOpen())
        return tx.beginError();
    KONTOR_TRY(store.execRaw(u"PRAGMA defer_foreign_keys = ON"_s));
    KONTOR_TRY(store.execRaw(u"DELETE FROM meta"_s));

    for (const char *t : kTables) {
        const QString table = QString::fromLatin1(t);
        auto colsResult = columnsOf(store, table);
        if (!colsResult)
            return colsResult.error();
        const QList<Column> cols = colsResult.value();
        QHash<QString, Column> byName;
        for (const Column &c : cols)
            byName.insert(c.name, c);
        const QJsonValue value = tables.value(table);
        if (value.isUndefined())
            continue;
        if (!value.isArray())
            return importError(u"tables.%1"_s.arg(table), u"type"_s, u"must be an array of rows"_s);
        const QJsonArray rows = value.toArray();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QString where = u"tables.%1[%2]"_s.arg(table).arg(r);
            if (!rows.at(r).isObject())
                return importError(where, u"type"_s, u"each row must be an object"_s);
            const QJsonObject row = rows.at(r).toObject();
            QStringList names;
            QVariantList binds;
            for (auto it = row.begin(); it != row.end(); ++it) {
                const QString field = where + u'.' + it.key();
                if (!byName.contains(it.key()))
                    return importError(field, u"unknown-field"_s,
                                       u"'%1' is not a column of %2"_s.arg(it.key(), table));
                const Column &c = byName.value(it.key());
                const QJsonValue v = it.value();
                QVariant bind;
                if (v.isNull()) {
                    if (c.notNull)
                        return importError(field, u"required"_s, u"must not be null"_s);
                    bind = QVariant(QMetaType(c.type == u"INTEGER"_s ? QMetaType::LongLong
                                                                     : QMetaType::QString));
                } else if (c.type == u"INTEGER"_s) {
                    if (!v.isDouble() || v.toDouble() != double(v.toInteger()))
                        return importError(field, u"type"_s, u"must be an integer"_s);
                    bind = v.toInteger();
                } else if (c.type == u"BLOB"_s) {
                    if (!v.isString())
                        return importError(field, u"type"_s, u"must be base64 text"_s);
                    auto decoded = QByteArray::fromBase64Encoding(
                        v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                    if (!decoded)
                        return importError(field, u"type"_s, u"is not valid base64"_s);
                    bind = *decoded;
                } else {
                    if (!v.isString())
                        return importError(field, u"type"_s, u"must be text"_s);
                    bind = v.toString();
                }
                names << it.key();
                binds << bind;
            }
            for (const Column &c : cols)
                if (c.notNull && !c.hasDefault && !row.contains(c.name)
                    && !(table == u"audit_chain"_s && c.name == u"seq"_s))
                    return importError(where + u'.' + c.name, u"required"_s,
                                       u"the field is missing"_s);
            QSqlQuery q(store.database());
            const QString placeholders = QStringList(names.size(), u"?"_s).join(u", "_s);
            q.prepare(
                u"INSERT INTO %1(%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), placeholders));
            for (int i = 0; i < binds.size(); ++i)
                q.bindValue(i, binds.at(i));
            if (!q.exec())
                return importError(where, u"rejected"_s,
                                   u"the row was refused: %1"_s.arg(q.lastError().databaseText()));
        }
    }

    // References: name the first row whose reference points nowhere.
    {
        QSqlQuery q(store.database());
        if (q.exec(u"PRAGMA foreign_key_check"_s) && q.next())
            return importError(u"tables.%1"_s.arg(q.value(0).toString()), u"broken-reference"_s,
                               u"row %1 refers to a missing %2 record"_s.arg(
                                   q.value(1).toString(), q.value(2).toString()));
    }
    KONTOR_TRY(store.reload());

    // The rules: every record must be one the program itself could have written.
    Ledger ledger(store);
    if (!ledger.isInitialized())
        return importError(u"tables.company"_s, u"required"_s,
                           u"the export has no company profile"_s);
    auto company = ledger.company();
    if (!company)
        return company.error();
    if (Status s = validateCompany(company.value()); !s) {
        Error e = s.error();
        e.field = u"company."_s + e.field;
        return e;
    }
    auto rates = ledger.taxRates(true);
    if (!rates)
        return rates.error();
    for (const TaxRate &r : rates.value())
        if (Status s = validateTaxRate(r); !s) {
            Error e = s.error();
            e.field = u"tax_rates[%1].%2"_s.arg(r.id, e.field);
            return e;
        }
    {
        QSqlQuery q(store.database());
        q.exec(u"SELECT id FROM customers"_s);
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        for (const QString &id : ids) {
            auto c = ledger.customer(id);
            if (!c)
                return c.error();
            if (Status s = validateCustomer(c.value()); !s) {
                Error e = s.error();
                e.field = u"customers[%1].%2"_s.arg(id, e.field);
                return e;
            }
        }
        q.exec(u"SELECT id FROM documents"_s);
        ids.clear();
        while (q.next())
            ids << q.value(0).toString();
        for (const QString &id : ids) {
            auto d = ledger.document(id);
            if (!d)
                return d.error();
            Document recomputed = d.value();
            if (Status s = computeTotalsFromLines(recomputed); !s)
                return s.error();
            if (recomputed.totals.payable != d->totals.payable
                || recomputed.totals.vatTotal != d->totals.vatTotal
                || recomputed.totals.breakdown != d->totals.breakdown)
                return importError(u"documents[%1]"_s.arg(d->number.isEmpty() ? id : d->number),
                                   u"totals-mismatch"_s,
                                   u"the stored totals do not match the lines"_s);
        }
    }
    auto report = ledger.verify();
    if (!report)
        return report.error();
    if (!report->ok()) {
        const AuditProblem &p = report->problems.first();
        return Error {
            ErrorKind::Integrity, u"audit_chain"_s, u"audit-chain"_s,
            u"the audit chain does not verify: %1 %2: %3"_s.arg(p.entity, p.label, p.description)};
    }
    return tx.commit();
}

} // namespace Kontor
