#include "replica.h"

#include "jsoncodec.h"
#include "jsondecode.h"
#include "ledger_p.h"
#include "schema.h"
#include "uuid7.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Kontor {
namespace {

const QString kDeletedKey = u"_deleted"_s;

bool isDocumentEntity(const QString &e)
{
    return e == u"invoice" || e == u"credit_note" || e == u"quote";
}

QString clockText(const QString &hlc, const QString &deviceId)
{
    return hlc + QLatin1Char('/') + deviceId;
}

void raise(QJsonObject &clocks, const QString &field, const QString &clock)
{
    if (clocks.value(field).toString() < clock)
        clocks.insert(field, clock);
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(canonicalBytes(o));
}

// Values are stored as a one-element array so any JSON value (also a bare string) round-trips.
QString valueText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact));
}

QJsonValue valueFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

Error unknownEntity(const QString &entity)
{
    return Error {ErrorKind::Validation, u"entity"_s, u"unknown-entity"_s,
                  u"'%1' is not a kind of record"_s.arg(entity)};
}

} // namespace

struct StateDigest::Private
{
    QCryptographicHash hash {QCryptographicHash::Sha256};
};

StateDigest::StateDigest() : d(std::make_unique<Private>()) { }
StateDigest::~StateDigest() = default;

void StateDigest::add(const QString &entity, const QString &id, const QJsonObject &fields)
{
    d->hash.addData(entity.toUtf8());
    d->hash.addData("\t");
    d->hash.addData(id.toUtf8());
    d->hash.addData("\t");
    d->hash.addData(canonicalBytes(fields));
    d->hash.addData("\n");
}

QString StateDigest::hex()
{
    return QString::fromLatin1(d->hash.result().toHex());
}

Replica::Replica(Ledger &ledger) : m_ledger(ledger) { }

// The record's JSON form as it travels: toJson() without what each replica derives itself.
static Result<std::optional<QJsonObject>> currentFields(const Ledger &ledger, Store &store,
                                                        const QString &entity, const QString &id,
                                                        bool *immutable)
{
    using Found = std::optional<QJsonObject>;
    *immutable = false;
    if (entity == u"company") {
        auto c = ledger.company();
        if (!c)
            return c.error().kind == ErrorKind::NotFound ? Result<Found>(Found {})
                                                         : Result<Found>(c.error());
        return Found(toJson(c.value()));
    }
    if (entity == u"tax_rate") {
        auto q = store.exec(u"SELECT count(*) FROM tax_rates WHERE id = ?"_s, {id});
        if (!q)
            return q.error();
        const bool found = (*q)->next() && (*q)->value(0).toInt() > 0;
        (*q)->finish();
        if (!found)
            return Found {};
        auto all = ledger.taxRates(true);
        if (!all)
            return all.error();
        for (const TaxRate &r : all.value())
            if (r.id == id)
                return Found(toJson(r));
        return Found {};
    }
    if (entity == u"customer" || entity == u"product" || entity == u"series"
        || entity == u"expense") {
        Result<QJsonObject> json = Error {};
        if (entity == u"customer") {
            auto c = ledger.customer(id);
            json = c ? Result<QJsonObject>(toJson(c.value())) : Result<QJsonObject>(c.error());
        } else if (entity == u"product") {
            auto p = ledger.product(id);
            json = p ? Result<QJsonObject>(toJson(p.value())) : Result<QJsonObject>(p.error());
        } else if (entity == u"series") {
            auto s = ledger.series(id);
            if (s)
                json = toJson(s.value());
            else
                json = s.error();
        } else {
            auto e = ledger.expense(id);
            if (e) {
                QJsonObject o = toJson(e.value());
                o.remove(u"receipts"_s); // receipts are records of their own
                json = o;
            } else {
                json = e.error();
            }
        }
        if (!json)
            return json.error().kind == ErrorKind::NotFound ? Result<Found>(Found {})
                                                            : Result<Found>(json.error());
        return Found(json.value());
    }
    if (isDocumentEntity(entity)) {
        auto d = ledger.document(id);
        if (!d)
            return d.error().kind == ErrorKind::NotFound ? Result<Found>(Found {})
                                                         : Result<Found>(d.error());
        if (documentKindName(d->kind) != entity)
            return Found {};
        *immutable = d->isIssued();
        return Found(toJson(d.value()));
    }
    if (entity == u"receipt") {
        auto q = store.exec(u"SELECT expense_id, file_name, mime_type, sha256, data FROM receipts "
                            "WHERE id = ?"_s,
                            {id});
        if (!q)
            return q.error();
        if (!(*q)->next())
            return Found {};
        QJsonObject o {{u"expenseId"_s, (*q)->value(0).toString()},
                       {u"fileName"_s, (*q)->value(1).toString()},
                       {u"mimeType"_s, (*q)->value(2).toString()},
                       {u"sha256"_s, (*q)->value(3).toString()},
                       {u"data"_s, QString::fromLatin1((*q)->value(4).toByteArray().toBase64())}};
        (*q)->finish();
        *immutable = true;
        return Found(o);
    }
    if (entity == u"payment") {
        auto q = store.exec(u"SELECT target, coalesce(document_id, expense_id), date, amount, "
                            "currency, method, reference, overpayment FROM payments WHERE id = ?"_s,
                            {id});
        if (!q)
            return q.error();
        if (!(*q)->next())
            return Found {};
        Payment p;
        p.id = id;
        p.target = (*q)->value(0).toString() == u"expense" ? PaymentTarget::Expense
                                                           : PaymentTarget::Invoice;
        p.targetId = (*q)->value(1).toString();
        p.date = dateFromText((*q)->value(2).toString());
        p.amountMinor = (*q)->value(3).toLongLong();
        p.currency = (*q)->value(4).toString();
        p.method = (*q)->value(5).toString();
        p.reference = (*q)->value(6).toString();
        p.overpayment = (*q)->value(7).toBool();
        (*q)->finish();
        *immutable = true;
        return Found(toJson(p));
    }
    return unknownEntity(entity);
}

Result<RecordState> Replica::record(const QString &entity, const QString &id) const
{
    RecordState st;
    bool immutable = false;
    auto fields = currentFields(m_ledger, m_ledger.store(), entity, id, &immutable);
    if (!fields)
        return fields.error();
    if (fields->has_value()) {
        st.exists = true;
        st.fields = **fields;
        st.immutable = immutable;
    }
    Store &store = m_ledger.store();
    {
        auto q = store.exec(
            u"SELECT clocks, deleted FROM replica_records WHERE entity = ? AND entity_id = ?"_s,
            {entity, id});
        if (!q)
            return q.error();
        if ((*q)->next()) {
            st.clocks = parseObject((*q)->value(0).toString());
            st.deleted = (*q)->value(1).toBool();
        }
        (*q)->finish();
    }
    // This device's own changes carry the clocks of the fields it wrote.
    auto q = store.exec(u"SELECT kind, fields, hlc, device_id FROM outbox WHERE entity_id = ? AND "
                        "entity = ? ORDER BY device_seq"_s,
                        {id, entity});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        const QString kind = (*q)->value(0).toString();
        const QString clock = clockText((*q)->value(2).toString(), (*q)->value(3).toString());
        if (kind == u"delete") {
            st.deleted = true;
            raise(st.clocks, kDeletedKey, clock);
            continue;
        }
        const QJsonObject changed = parseObject((*q)->value(1).toString());
        for (auto it = changed.begin(); it != changed.end(); ++it)
            raise(st.clocks, it.key(), clock);
    }
    (*q)->finish();
    if (st.deleted)
        st.exists = false;
    return st;
}

Status Replica::apply(const QString &entity, const QString &id, const RecordState &state,
                      Presence presence)
{
    Store &store = m_ledger.store();
    Q_ASSERT_X(store.inTransaction(), "Replica::apply",
               "remote changes applied outside a transaction");
    OutboxSuspension quiet(store);
    bool immutable = false;
    Result<std::optional<QJsonObject>> current = std::optional<QJsonObject>();
    if (presence == Unknown)
        current = currentFields(m_ledger, store, entity, id, &immutable);
    if (!current)
        return current.error();
    const bool exists = current->has_value();

    if (state.deleted) {
        if (exists)
            KONTOR_TRY(removeRecord(entity, id, immutable));
    } else if (!exists || **current != state.fields) {
        KONTOR_TRY(materialize(entity, id, state, exists, immutable));
    }
    // Clocks matter only while a record can still change.
    if (!state.immutable || state.deleted)
        KONTOR_TRY(store.exec(u"INSERT INTO replica_records(entity, entity_id, clocks, deleted) "
                              "VALUES (?, ?, ?, ?) ON CONFLICT(entity, entity_id) DO UPDATE SET "
                              "clocks = excluded.clocks, deleted = excluded.deleted"_s,
                              {entity, id, compact(state.clocks), state.deleted}));
    return {};
}

Status Replica::removeRecord(const QString &entity, const QString &id, bool immutable)
{
    Store &store = m_ledger.store();
    if (immutable)
        return {}; // issued documents and payments are never deleted; the merge refused it
    if (isDocumentEntity(entity))
        return m_ledger.deleteDraft(id);
    if (entity == u"expense")
        return m_ledger.deleteExpense(id);
    if (entity == u"customer") {
        Status gone = m_ledger.deleteCustomer(id);
        if (gone)
            return {};
        // Still used by documents here: archived instead, which keeps the books whole.
        auto c = m_ledger.customer(id);
        if (!c)
            return c.error();
        Customer archived = c.value();
        archived.archived = true;
        return m_ledger.updateCustomer(archived);
    }
    if (entity == u"product") {
        auto p = m_ledger.product(id);
        if (!p)
            return p.error();
        Product archived = p.value();
        archived.archived = true;
        return m_ledger.updateProduct(archived);
    }
    if (entity == u"tax_rate") {
        auto r = m_ledger.taxRate(id);
        if (!r)
            return {};
        TaxRate archived = *r;
        archived.archived = true;
        return m_ledger.updateTaxRate(archived);
    }
    if (entity == u"receipt")
        return store.exec(u"DELETE FROM receipts WHERE id = ?"_s, {id}).ok()
            ? Status {}
            : Status {Error {ErrorKind::Io, {}, u"sql"_s, u"could not delete a receipt"_s}};
    return {};
}

Status Replica::materialize(const QString &entity, const QString &id, const RecordState &state,
                            bool exists, bool immutable)
{
    Store &store = m_ledger.store();
    QJsonObject fields = state.fields;
    if (entity == u"company") {
        auto c = companyFromJson(fields);
        if (!c)
            return c.error();
        return m_ledger.setCompany(c.value());
    }
    if (entity == u"tax_rate") {
        auto r = taxRateFromJson(fields);
        if (!r)
            return r.error();
        r->id = id;
        if (exists)
            return m_ledger.updateTaxRate(r.value());
        auto added = m_ledger.addTaxRate(r.value());
        return added ? Status {} : Status {added.error()};
    }
    if (entity == u"customer") {
        auto c = customerFromJson(fields);
        if (!c)
            return c.error();
        c->id = id;
        if (exists)
            return m_ledger.updateCustomer(c.value());
        auto added = m_ledger.addCustomer(c.value());
        return added ? Status {} : Status {added.error()};
    }
    if (entity == u"product") {
        auto p = productFromJson(fields);
        if (!p)
            return p.error();
        p->id = id;
        if (exists)
            return m_ledger.updateProduct(p.value());
        auto added = m_ledger.addProduct(p.value());
        return added ? Status {} : Status {added.error()};
    }
    if (entity == u"expense") {
        auto e = expenseFromJson(fields);
        if (!e)
            return e.error();
        e->id = id;
        if (exists)
            return m_ledger.updateExpense(e.value());
        auto added = m_ledger.addExpense(e.value());
        return added ? Status {} : Status {added.error()};
    }
    if (entity == u"series") {
        auto s = seriesFromJson(fields);
        if (!s)
            return s.error();
        s->id = id;
        KONTOR_TRY(validateSeries(s.value()));
        // The counter only grows: the issues applied here and the server's count both move it.
        KONTOR_TRY(store.exec(
            u"INSERT INTO series(id, name, prefix, width, next_number, kind, holder_device, "
            "updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "name = excluded.name, prefix = excluded.prefix, width = excluded.width, "
            "next_number = max(series.next_number, excluded.next_number), "
            "kind = excluded.kind, holder_device = excluded.holder_device, "
            "updated_hlc = excluded.updated_hlc"_s,
            {id, s->name, s->prefix, s->width, std::max<qint64>(1, s->nextNumber),
             documentKindName(s->kind), s->holderDeviceId, store.tick().toString()}));
        return {};
    }
    if (isDocumentEntity(entity))
        return materializeDocument(entity, id, fields, exists, immutable);
    if (entity == u"receipt") {
        if (exists)
            return {};
        auto data = QByteArray::fromBase64Encoding(fields.value(u"data"_s).toString().toLatin1(),
                                                   QByteArray::AbortOnBase64DecodingErrors);
        if (!data)
            return validationError(u"data"_s, u"bad-type"_s, u"expected base64"_s);
        KONTOR_TRY(store.exec(
            u"INSERT INTO receipts(id, expense_id, file_name, mime_type, data, sha256, "
            "created_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {id, fields.value(u"expenseId"_s).toString(), fields.value(u"fileName"_s).toString(),
             fields.value(u"mimeType"_s).toString(), *data, fields.value(u"sha256"_s).toString(),
             store.tick().toString()}));
        return {};
    }
    if (entity == u"payment") {
        if (exists)
            return {};
        auto p = paymentFromJson(fields);
        if (!p)
            return p.error();
        p->id = id;
        const bool invoice = p->target == PaymentTarget::Invoice;
        KONTOR_TRY(store.exec(
            u"INSERT INTO payments(id, target, document_id, expense_id, date, amount, currency, "
            "method, reference, overpayment, created_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?)"_s,
            {p->id, invoice ? u"invoice"_s : u"expense"_s,
             invoice ? QVariant(p->targetId) : QVariant(QMetaType(QMetaType::QString)),
             invoice ? QVariant(QMetaType(QMetaType::QString)) : QVariant(p->targetId),
             dateToText(p->date), p->amountMinor, p->currency, p->method, p->reference,
             p->overpayment, store.tick().toString()}));
        if (invoice) {
            KONTOR_TRY(store.exec(u"UPDATE documents SET paid = paid + ? WHERE id = ?"_s,
                                  {p->amountMinor, p->targetId}));
            KONTOR_TRY(m_ledger.refreshStatus(p->targetId));
        } else {
            KONTOR_TRY(store.exec(u"UPDATE expenses SET paid = paid + ? WHERE id = ?"_s,
                                  {p->amountMinor, p->targetId}));
        }
        return m_ledger.m_audit.append(u"payment"_s, p->id, u"payment"_s, toJson(p.value()));
    }
    return unknownEntity(entity);
}

Status Replica::materializeDocument(const QString &entity, const QString &id,
                                    const QJsonObject &fields, bool exists, bool immutable)
{
    Store &store = m_ledger.store();
    auto parsed = documentFromJson(fields);
    if (!parsed)
        return parsed.error();
    Document d = parsed.value();
    d.id = id;
    if (documentKindName(d.kind) != entity)
        return validationError(
            u"kind"_s, u"kind-mismatch"_s,
            u"the record is a %1, not a %2"_s.arg(documentKindName(d.kind), entity));
    if (immutable)
        return {}; // an issued document never changes; the merge let nothing through
    if (d.customerName.isEmpty() && !d.customerId.isEmpty()) {
        auto c = m_ledger.customer(d.customerId);
        if (c)
            d.customerName = c->name;
    }
    const bool issued = d.status != DocumentStatus::Draft;
    d.status = DocumentStatus::Draft;
    if (!issued)
        return m_ledger.writeDocument(d, !exists);

    // An issued document arrives whole: written as a draft first (lines are frozen once it is
    // issued), then frozen with its number, as Ledger::issue() does.
    KONTOR_TRY(m_ledger.writeDocument(d, !exists));
    const QString snapshot = QString::fromUtf8(canonicalBytes(toJson(d.customerSnapshot)));
    KONTOR_TRY(store.exec(
        u"UPDATE documents SET status = 'issued', series_id = ?, number = ?, sequence = ?, "
        "customer_name = ?, customer_key = ?, customer_snapshot = ?, issued_by_device = ?, "
        "updated_hlc = ? WHERE id = ? AND status = 'draft'"_s,
        {d.seriesId, d.number, d.sequence, d.customerName, searchKey(d.customerName), snapshot,
         QString(), store.tick().toString(), id}));
    KONTOR_TRY(store.exec(u"UPDATE series SET next_number = max(next_number, ?) WHERE id = ?"_s,
                          {d.sequence + 1, d.seriesId}));
    if (d.kind == DocumentKind::CreditNote && !d.referenceId.isEmpty()) {
        KONTOR_TRY(store.exec(u"UPDATE documents SET credited = credited + ? WHERE id = ?"_s,
                              {d.totals.payable, d.referenceId}));
        KONTOR_TRY(m_ledger.refreshStatus(d.referenceId));
    }
    KONTOR_TRY(m_ledger.refreshStatus(id));
    auto stored = m_ledger.document(id);
    if (!stored)
        return stored.error();
    return m_ledger.m_audit.appendEncoded(entity, id, u"issue"_s,
                                          canonicalBytes(toJson(stored.value())));
}

Status Replica::applyNewIssued(const QList<Incoming> &records)
{
    Store &store = m_ledger.store();
    Q_ASSERT_X(store.inTransaction(), "Replica::applyNewIssued",
               "remote changes applied outside a transaction");
    if (records.isEmpty())
        return {};
    OutboxSuspension quiet(store);
    // What materializeDocument() makes of each, in memory first.
    QList<Document> docs;
    docs.reserve(records.size());
    QHash<QString, qint64> seriesNext;
    QHash<QString, QString> customerNames;
    for (const Incoming &r : records) {
        if (!isDocumentEntity(r.entity) || r.state.deleted)
            return validationError(u"entity"_s, u"not-an-issued-document"_s,
                                   u"%1 %2 is not an issued document"_s.arg(r.entity, r.id));
        auto parsed = documentFromJson(r.state.fields);
        if (!parsed)
            return parsed.error();
        Document d = std::move(parsed).value();
        d.id = r.id;
        if (documentKindName(d.kind) != r.entity)
            return validationError(
                u"kind"_s, u"kind-mismatch"_s,
                u"the record is a %1, not a %2"_s.arg(documentKindName(d.kind), r.entity));
        if (d.number.isEmpty() || d.seriesId.isEmpty() || d.kind == DocumentKind::Quote)
            return validationError(u"number"_s, u"not-issued"_s,
                                   u"%1 %2 carries no number"_s.arg(r.entity, r.id));
        if (d.customerName.isEmpty() && !d.customerId.isEmpty()) {
            auto known = customerNames.constFind(d.customerId);
            if (known == customerNames.cend()) {
                auto c = m_ledger.customer(d.customerId);
                known = customerNames.insert(d.customerId, c ? c->name : QString());
            }
            d.customerName = known.value();
        }
        d.status = DocumentStatus::Issued;
        d.issuedByDevice.clear();
        d.paidMinor = 0;
        d.creditedMinor = 0;
        qint64 &next = seriesNext[d.seriesId];
        next = std::max(next, d.sequence + 1);
        docs.append(std::move(d));
    }
    QList<Ledger::IssuedRow> rows;
    rows.reserve(docs.size());
    for (Document &d : docs) {
        Ledger::IssuedRow row {&d, searchKey(d.customerName), {}, {}, {}};
        row.snapshot = canonicalJson(d, &row.customerJson, &row.breakdownJson);
        rows.append(std::move(row));
    }
    KONTOR_TRY(m_ledger.writeIssued(rows));
    for (auto it = seriesNext.cbegin(); it != seriesNext.cend(); ++it)
        KONTOR_TRY(store.exec(u"UPDATE series SET next_number = max(next_number, ?) WHERE id = ?"_s,
                              {it.value(), it.key()}));
    for (const Document &d : std::as_const(docs)) {
        if (d.kind != DocumentKind::CreditNote || d.referenceId.isEmpty())
            continue;
        KONTOR_TRY(store.exec(u"UPDATE documents SET credited = credited + ? WHERE id = ?"_s,
                              {d.totals.payable, d.referenceId}));
        KONTOR_TRY(m_ledger.refreshStatus(d.referenceId));
    }
    return {};
}

QJsonObject Replica::reissuedFields(const QJsonObject &fields, const QString &opId)
{
    QJsonObject out = fields;
    out.insert(u"id"_s, derivedUuid(fields.value(u"id"_s).toString(), opId));
    QJsonArray lines = fields.value(u"lines"_s).toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonObject line = lines.at(i).toObject();
        line.insert(u"id"_s, derivedUuid(line.value(u"id"_s).toString(), opId));
        lines[i] = line;
    }
    out.insert(u"lines"_s, lines);
    return out;
}

Status Replica::reissue(const QString &entity, const QString &fromId, const QString &opId)
{
    Store &store = m_ledger.store();
    const QString toId = derivedUuid(fromId, opId);
    Q_ASSERT_X(store.inTransaction(), "Replica::reissue", "called outside a transaction");
    OutboxSuspension quiet(store);
    if (m_ledger.document(toId))
        return {}; // done before: the answer was repeated
    auto doc = m_ledger.document(fromId);
    if (!doc)
        return doc.error().kind == ErrorKind::NotFound ? Status {} : Status {doc.error()};
    if (!doc->isIssued())
        return {};
    const Document mine = doc.value();

    // The only place an issued row changes back: the freezing trigger is lifted for this
    // transaction alone and put back before it commits (verify() checks it is there).
    const QString trigger = u"documents_issued_frozen"_s;
    QString triggerSql;
    {
        auto q = store.exec(u"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"_s,
                            {trigger});
        if (!q)
            return q.error();
        if ((*q)->next())
            triggerSql = (*q)->value(0).toString();
        (*q)->finish();
    }
    if (triggerSql.isEmpty())
        return Error {ErrorKind::Integrity,
                      {},
                      u"missing-trigger"_s,
                      u"the ledger lacks its immutability trigger"_s};
    KONTOR_TRY(store.execRaw(u"DROP TRIGGER "_s + trigger));
    KONTOR_TRY(store.exec(u"UPDATE documents SET status = 'draft', series_id = NULL, number = '', "
                          "sequence = NULL, customer_snapshot = NULL, issued_by_device = NULL "
                          "WHERE id = ?"_s,
                          {fromId}));
    KONTOR_TRY(store.execRaw(triggerSql));
    if (mine.kind == DocumentKind::CreditNote && !mine.referenceId.isEmpty()) {
        KONTOR_TRY(store.exec(u"UPDATE documents SET credited = credited - ? WHERE id = ?"_s,
                              {mine.totals.payable, mine.referenceId}));
        KONTOR_TRY(m_ledger.refreshStatus(mine.referenceId));
    }

    KONTOR_TRY(materializeDocument(entity, toId, reissuedFields(toJson(mine), opId), false, false));
    return m_ledger.m_audit.append(
        entity, fromId, u"reissue"_s,
        QJsonObject {{u"from"_s, fromId}, {u"to"_s, toId}, {u"number"_s, mine.number}});
}

Status Replica::forEachRecord(
    const std::function<Status(const QString &, const QString &, const QJsonObject &)> &visit) const
{
    Store &store = m_ledger.store();
    // Entity names in byte order, each table's ids in byte order: (entity, id) order overall.
    struct Source
    {
        QString entity;
        QString sql;
    };
    const QList<Source> sources {
        {u"company"_s, u"SELECT 'company' FROM company"_s},
        {u"credit_note"_s, u"SELECT id FROM documents WHERE kind = 'credit_note' ORDER BY id"_s},
        {u"customer"_s, u"SELECT id FROM customers ORDER BY id"_s},
        {u"expense"_s, u"SELECT id FROM expenses ORDER BY id"_s},
        {u"invoice"_s, u"SELECT id FROM documents WHERE kind = 'invoice' ORDER BY id"_s},
        {u"payment"_s, u"SELECT id FROM payments ORDER BY id"_s},
        {u"product"_s, u"SELECT id FROM products ORDER BY id"_s},
        {u"quote"_s, u"SELECT id FROM documents WHERE kind = 'quote' ORDER BY id"_s},
        {u"receipt"_s, u"SELECT id FROM receipts ORDER BY id"_s},
        {u"series"_s, u"SELECT id FROM series ORDER BY id"_s},
        {u"tax_rate"_s, u"SELECT id FROM tax_rates ORDER BY id"_s},
    };
    for (const Source &s : sources) {
        QStringList ids;
        {
            QSqlQuery q(store.database());
            q.setForwardOnly(true);
            if (!q.exec(s.sql))
                return Error {ErrorKind::Io, {}, u"sql"_s, q.lastError().text()};
            while (q.next())
                ids.append(q.value(0).toString());
        }
        for (const QString &id : std::as_const(ids)) {
            bool immutable = false;
            auto fields = currentFields(m_ledger, store, s.entity, id, &immutable);
            if (!fields)
                return fields.error();
            if (fields->has_value())
                KONTOR_TRY(visit(s.entity, id, **fields));
        }
    }
    return {};
}

bool Replica::holdsNoDocuments() const
{
    auto q = m_ledger.store().exec(u"SELECT NOT EXISTS (SELECT 1 FROM documents) AND NOT "
                                   "EXISTS (SELECT 1 FROM payments)"_s);
    const bool empty = q && (*q)->next() && (*q)->value(0).toBool();
    if (q)
        (*q)->finish();
    return empty;
}

Result<QString> Replica::digest() const
{
    StateDigest digest;
    KONTOR_TRY(forEachRecord([&](const QString &entity, const QString &id, const QJsonObject &f) {
        digest.add(entity, id, f);
        return Status {};
    }));
    return digest.hex();
}

// A missing meta entry reads as empty: a ledger that never synced has no cursor or settings.
static Result<QString> metaOrEmpty(const Store &store, const QString &key)
{
    auto v = store.meta(key);
    if (!v && v.error().kind == ErrorKind::NotFound)
        return QString();
    return v;
}

Result<std::pair<QString, qint64>> Replica::cursor() const
{
    auto epoch = metaOrEmpty(m_ledger.store(), u"sync.epoch"_s);
    if (!epoch)
        return epoch.error();
    auto seq = metaOrEmpty(m_ledger.store(), u"sync.seq"_s);
    if (!seq)
        return seq.error();
    return std::pair {epoch.value(), seq->toLongLong()};
}

Status Replica::setCursor(const QString &epoch, qint64 seq)
{
    KONTOR_TRY(m_ledger.store().setMeta(u"sync.epoch"_s, epoch));
    return m_ledger.store().setMeta(u"sync.seq"_s, QString::number(seq));
}

Result<QList<OutboxEntry>> Replica::pending(int limit) const
{
    auto q = m_ledger.store().exec(
        u"SELECT device_seq, op_id, device_id, entity, entity_id, kind, fields, hlc FROM outbox "
        "WHERE pushed = 0 ORDER BY device_seq LIMIT ?"_s,
        {limit});
    if (!q)
        return q.error();
    QList<OutboxEntry> out;
    while ((*q)->next()) {
        OutboxEntry e;
        e.deviceSeq = (*q)->value(0).toLongLong();
        e.opId = (*q)->value(1).toString();
        e.deviceId = (*q)->value(2).toString();
        e.entity = (*q)->value(3).toString();
        e.entityId = (*q)->value(4).toString();
        e.kind = (*q)->value(5).toString();
        e.fields = parseObject((*q)->value(6).toString());
        e.hlc = (*q)->value(7).toString();
        out.append(e);
    }
    (*q)->finish();
    return out;
}

Result<qint64> Replica::pendingCount() const
{
    auto q = m_ledger.store().exec(u"SELECT count(*) FROM outbox WHERE pushed = 0"_s);
    if (!q)
        return q.error();
    const qint64 n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Status Replica::markPushed(const QString &opId)
{
    auto q = m_ledger.store().exec(u"UPDATE outbox SET pushed = 1 WHERE op_id = ?"_s, {opId});
    return q ? Status {} : Status {q.error()};
}

Status Replica::markAllUnpushed()
{
    auto q = m_ledger.store().exec(u"UPDATE outbox SET pushed = 0 WHERE pushed <> 0"_s);
    return q ? Status {} : Status {q.error()};
}

void Replica::observe(const QString &hlc)
{
    bool ok = false;
    const HlcStamp stamp = HlcStamp::fromString(hlc, &ok);
    if (ok)
        m_ledger.store().observe(stamp);
}

Result<qint64> Replica::addConflict(const ConflictEntry &e)
{
    auto q = m_ledger.store().exec(
        u"INSERT INTO sync_conflicts(entity, entity_id, field, lost_value, lost_clock, "
        "kept_value, kept_clock, created_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {e.entity, e.entityId, e.field, valueText(e.lostValue), e.lostClock, valueText(e.keptValue),
         e.keptClock, m_ledger.store().tick().toString()});
    if (!q)
        return q.error();
    return (*q)->lastInsertId().toLongLong();
}

Result<QList<ConflictEntry>> Replica::conflicts(bool includeResolved) const
{
    auto q = m_ledger.store().exec(
        u"SELECT id, entity, entity_id, field, lost_value, lost_clock, kept_value, kept_clock, "
        "created_hlc, resolved FROM sync_conflicts WHERE resolved = 0 OR ? ORDER BY id"_s,
        {includeResolved});
    if (!q)
        return q.error();
    QList<ConflictEntry> out;
    while ((*q)->next())
        out.append({(*q)->value(0).toLongLong(), (*q)->value(1).toString(),
                    (*q)->value(2).toString(), (*q)->value(3).toString(),
                    valueFromText((*q)->value(4).toString()), (*q)->value(5).toString(),
                    valueFromText((*q)->value(6).toString()), (*q)->value(7).toString(),
                    (*q)->value(8).toString(), (*q)->value(9).toBool()});
    (*q)->finish();
    return out;
}

Status Replica::resolveConflict(qint64 id)
{
    auto q = m_ledger.store().exec(u"UPDATE sync_conflicts SET resolved = 1 WHERE id = ?"_s, {id});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return detail::notFound(u"conflict"_s, QString::number(id));
    return {};
}

Status Replica::addRejection(const RejectionEntry &e)
{
    auto q = m_ledger.store().exec(
        u"INSERT INTO sync_rejections(op_id, entity, entity_id, kind, fields, rule, field, "
        "message, created_hlc, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(op_id) DO NOTHING"_s,
        {e.opId, e.entity, e.entityId, e.kind, compact(e.fields), e.rule, e.field, e.message,
         e.createdAt.isEmpty() ? m_ledger.store().tick().toString() : e.createdAt, e.resolution});
    return q ? Status {} : Status {q.error()};
}

Result<QList<RejectionEntry>> Replica::rejections(bool includeResolved) const
{
    auto q = m_ledger.store().exec(
        u"SELECT op_id, entity, entity_id, kind, fields, rule, field, message, created_hlc, "
        "resolution FROM sync_rejections WHERE resolution = '' OR ? ORDER BY created_hlc"_s,
        {includeResolved});
    if (!q)
        return q.error();
    QList<RejectionEntry> out;
    while ((*q)->next())
        out.append({(*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toString(),
                    (*q)->value(3).toString(), parseObject((*q)->value(4).toString()),
                    (*q)->value(5).toString(), (*q)->value(6).toString(), (*q)->value(7).toString(),
                    (*q)->value(8).toString(), (*q)->value(9).toString()});
    (*q)->finish();
    return out;
}

Status Replica::resolveRejection(const QString &opId, const QString &resolution)
{
    auto q = m_ledger.store().exec(u"UPDATE sync_rejections SET resolution = ? WHERE op_id = ?"_s,
                                   {resolution, opId});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return detail::notFound(u"rejection"_s, opId);
    return {};
}

Result<QString> Replica::setting(const QString &key) const
{
    return metaOrEmpty(m_ledger.store(), u"sync.setting."_s + key);
}

Status Replica::setSetting(const QString &key, const QString &value)
{
    return m_ledger.store().setMeta(u"sync.setting."_s + key, value);
}

} // namespace Kontor
