// Drafts, issue, credit notes, quotes and document lists.
#include "ledger.h"

#include "ledger_p.h"
#include "money.h"
#include "rules.h"
#include "schema.h"
#include "uuid7.h"

#include <array>

using namespace Qt::StringLiterals;
using namespace Kontor::detail;

namespace Kontor {

namespace {

const char *const kDocumentColumns
    = "id, kind, status, series_id, number, sequence, customer_id, customer_name, "
      "customer_snapshot, issue_date, due_date, currency, notes, payment_terms, reference_id, "
      "buyer_reference, line_net, vat_total, total, paid, credited, breakdown, issued_by_device, "
      "created_hlc, updated_hlc";

const char *const kLineColumns
    = "id, product_id, description, quantity, unit, unit_price, discount_bp, tax_rate_id, "
      "tax_category, tax_rate_bp, exemption_reason, exemption_code, gross, allowance, net";

// Statement texts built once: the statement cache is keyed by the text, and building it with
// arg() on every call costs more than running a small statement.
const QString &selectDocumentSql(bool byNumber)
{
    static const QString byId
        = u"SELECT %1 FROM documents WHERE id = ?"_s.arg(QLatin1StringView(kDocumentColumns));
    static const QString byNum
        = u"SELECT %1 FROM documents WHERE number = ?"_s.arg(QLatin1StringView(kDocumentColumns));
    return byNumber ? byNum : byId;
}

// The texts of a multi-row statement for 1 to N rows: `head`, then `rows` copies of `row`
// joined by `separator`, then `tail`. Built once, at first use (thread-safe), because the
// statement cache is keyed by the text.
template<qsizetype N> struct MultiRowSql
{
    std::array<QString, N + 1> texts;
    MultiRowSql(const QString &head, const QString &row, const QString &separator = u", "_s,
                const QString &tail = {})
    {
        for (qsizetype n = 1; n <= N; ++n) {
            QString sql = head;
            for (qsizetype i = 0; i < n; ++i)
                sql += (i ? separator : QString()) + row;
            texts[n] = sql + tail;
        }
    }
    const QString &operator[](qsizetype rows) const { return texts[rows]; }
};

// Lines per INSERT statement (17 values each): a document's lines go in with one statement, a
// long document's with a few.
constexpr qsizetype LinesPerInsert = 32;

const QString &insertLinesSql(qsizetype rows)
{
    static const MultiRowSql<LinesPerInsert> texts(
        u"INSERT INTO document_lines(document_id, position, %1) VALUES "_s.arg(
            QLatin1StringView(kLineColumns)),
        u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    return texts[rows];
}

// The lines of several documents, in order, with as few statements as the row limit allows.
Status insertLinesOf(Store &store, const Document *const *docs, qsizetype count)
{
    QVariantList binds;
    qsizetype rows = 0;
    auto flush = [&]() -> Status {
        if (rows == 0)
            return {};
        KONTOR_TRY(store.exec(insertLinesSql(rows), binds));
        binds.clear();
        rows = 0;
        return {};
    };
    binds.reserve(std::min<qsizetype>(LinesPerInsert, 8) * 17);
    for (qsizetype di = 0; di < count; ++di) {
        const Document &doc = *docs[di];
        for (qsizetype i = 0; i < doc.lines.size(); ++i) {
            const DocumentLine &l = doc.lines.at(i);
            binds << doc.id << i << l.id << textOrNull(l.productId) << l.description << l.quantity
                  << l.unit << l.unitPrice << l.discountBp << l.taxRateId
                  << taxCategoryCode(l.taxCategory) << l.taxRateBp << l.exemptionReason
                  << l.exemptionReasonCode << l.grossMinor << l.allowanceMinor << l.netMinor;
            if (++rows == LinesPerInsert)
                KONTOR_TRY(flush());
        }
    }
    return flush();
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

// The documents row as written by createDraft() (status 'draft') and issueNew() (status 'draft'
// too, with its number: the lines go in before the document is marked issued, which freezes
// them). The customer snapshot (NULL for a draft) and the breakdown are JSON as UTF-8 bytes.
Status insertDocumentRow(Store &store, const Document &d, const QString &status,
                         const QString &customerKey, const QString &hlc,
                         const QVariant &customerSnapshot, const QByteArray &breakdown)
{
    static const QString sql
        = u"INSERT INTO documents(id, kind, status, series_id, number, sequence, customer_id, "
          "customer_name, customer_key, customer_snapshot, issue_date, due_date, currency, notes, "
          "payment_terms, reference_id, buyer_reference, line_net, vat_total, total, paid, "
          "credited, breakdown, issued_by_device, created_hlc, updated_hlc) VALUES (?, ?, ?, ?, "
          "?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), "
          "?, ?, ?)"_s;
    KONTOR_TRY(
        store.exec(sql,
                   {d.id,
                    documentKindName(d.kind),
                    status,
                    textOrNull(d.seriesId),
                    d.number,
                    d.sequence ? QVariant(d.sequence) : QVariant(QMetaType(QMetaType::LongLong)),
                    textOrNull(d.customerId),
                    d.customerName,
                    customerKey,
                    customerSnapshot,
                    dateToText(d.issueDate),
                    dateToText(d.dueDate),
                    d.currency,
                    d.notes,
                    d.paymentTerms,
                    textOrNull(d.referenceId),
                    d.buyerReference,
                    d.totals.lineNetSum,
                    d.totals.vatTotal,
                    d.totals.taxInclusive,
                    d.paidMinor,
                    d.creditedMinor,
                    breakdown,
                    textOrNull(d.issuedByDevice),
                    hlc,
                    hlc}));
    return {};
}

QList<VatBreakdown> breakdownFromJson(const QByteArray &json)
{
    QList<VatBreakdown> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        VatBreakdown b;
        b.category = taxCategoryFromCode(o.value(u"category"_s).toString())
                         .value_or(TaxCategory::Standard);
        b.rateBp = o.value(u"rateBp"_s).toInt();
        b.taxableMinor = o.value(u"taxable"_s).toInteger();
        b.vatMinor = o.value(u"vat"_s).toInteger();
        b.exemptionReason = o.value(u"exemptionReason"_s).toString();
        b.exemptionReasonCode = o.value(u"exemptionReasonCode"_s).toString();
        out.append(b);
    }
    return out;
}

// What a document takes from the company when its customer does not say: the currency and the
// payment terms. Two columns, not the whole profile (which carries the logo).
struct CompanyDefaults
{
    QString currency = u"EUR"_s;
    int paymentTermsDays = 30;
};

CompanyDefaults companyDefaults(Store &store)
{
    CompanyDefaults out;
    auto q = store.exec(u"SELECT currency, payment_terms_days FROM company WHERE id = 1"_s);
    if (q && (*q)->next()) {
        out.currency = (*q)->value(0).toString();
        out.paymentTermsDays = (*q)->value(1).toInt();
        (*q)->finish();
    }
    return out;
}

// A new document starts as a draft of its own: an id, no number, nothing paid or credited. A
// credit note needs the invoice it corrects.
Status startNewDraft(Document &d)
{
    if (d.kind == DocumentKind::CreditNote && d.referenceId.isEmpty())
        return validationError(u"reference"_s, u"required"_s,
                               u"a credit note must reference the invoice it corrects; use "
                               "createCreditNote"_s);
    if (d.id.isEmpty())
        d.id = newUuid7();
    d.status = DocumentStatus::Draft;
    d.number.clear();
    d.sequence = 0;
    d.seriesId.clear();
    d.paidMinor = 0;
    d.creditedMinor = 0;
    d.issuedByDevice.clear();
    return {};
}

Error immutable(const Document &d)
{
    return Error {
        ErrorKind::Conflict, u"status"_s, u"immutable"_s,
        u"%1 %2 is issued and cannot be changed; correct it with a credit note"_s.arg(
            d.kind == DocumentKind::CreditNote ? u"credit note"_s : u"invoice"_s, d.number)};
}

QString sortColumn(DocumentSort s)
{
    switch (s) {
    case DocumentSort::IssueDate:
        return u"d.issue_date"_s;
    case DocumentSort::Number:
        return u"d.number"_s;
    case DocumentSort::Customer:
        return u"d.customer_key"_s;
    case DocumentSort::Total:
        return u"d.total"_s;
    case DocumentSort::DueDate:
        return u"d.due_date"_s;
    }
    return u"d.issue_date"_s;
}

} // namespace

Result<Document> Ledger::loadDocument(const QString &where, const QString &key) const
{
    Q_ASSERT(where == u"id"_s || where == u"number"_s);
    auto q = m_store.exec(selectDocumentSql(where == u"number"_s), {key});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"document"_s, key);
    const QSqlQuery &r = **q;
    Document d;
    d.id = r.value(0).toString();
    d.kind = documentKindFromName(r.value(1).toString()).value_or(DocumentKind::Invoice);
    d.status = documentStatusFromName(r.value(2).toString()).value_or(DocumentStatus::Draft);
    d.seriesId = r.value(3).toString();
    d.number = r.value(4).toString();
    d.sequence = r.value(5).toLongLong();
    d.customerId = r.value(6).toString();
    d.customerName = r.value(7).toString();
    if (!r.value(8).isNull())
        d.customerSnapshot
            = customerFromJson(QJsonDocument::fromJson(r.value(8).toByteArray()).object());
    d.issueDate = dateFromText(r.value(9).toString());
    d.dueDate = dateFromText(r.value(10).toString());
    d.currency = r.value(11).toString();
    d.notes = r.value(12).toString();
    d.paymentTerms = r.value(13).toString();
    d.referenceId = r.value(14).toString();
    d.buyerReference = r.value(15).toString();
    d.totals.lineNetSum = r.value(16).toLongLong();
    d.totals.taxExclusive = d.totals.lineNetSum;
    d.totals.vatTotal = r.value(17).toLongLong();
    d.totals.taxInclusive = r.value(18).toLongLong();
    d.totals.payable = d.totals.taxInclusive;
    d.paidMinor = r.value(19).toLongLong();
    d.creditedMinor = r.value(20).toLongLong();
    d.totals.breakdown = breakdownFromJson(r.value(21).toByteArray());
    d.issuedByDevice = r.value(22).toString();
    d.createdAt = r.value(23).toString();
    d.updatedAt = r.value(24).toString();
    (*q)->finish();

    static const QString linesSql
        = u"SELECT %1 FROM document_lines WHERE document_id = ? ORDER BY position"_s.arg(
            QLatin1StringView(kLineColumns));
    auto lq = m_store.exec(linesSql, {d.id});
    if (!lq)
        return lq.error();
    while ((*lq)->next()) {
        const QSqlQuery &l = **lq;
        DocumentLine line;
        line.id = l.value(0).toString();
        line.productId = l.value(1).toString();
        line.description = l.value(2).toString();
        line.quantity = l.value(3).toLongLong();
        line.unit = l.value(4).toString();
        line.unitPrice = l.value(5).toLongLong();
        line.discountBp = l.value(6).toInt();
        line.taxRateId = l.value(7).toString();
        line.taxCategory
            = taxCategoryFromCode(l.value(8).toString()).value_or(TaxCategory::Standard);
        line.taxRateBp = l.value(9).toInt();
        line.exemptionReason = l.value(10).toString();
        line.exemptionReasonCode = l.value(11).toString();
        line.grossMinor = l.value(12).toLongLong();
        line.allowanceMinor = l.value(13).toLongLong();
        line.netMinor = l.value(14).toLongLong();
        d.lines.append(line);
    }
    (*lq)->finish();
    return d;
}

Result<Document> Ledger::document(const QString &id) const
{
    return loadDocument(u"id"_s, id);
}

Result<Document> Ledger::documentByNumber(const QString &number) const
{
    if (number.isEmpty())
        return notFound(u"document"_s, number);
    return loadDocument(u"number"_s, number);
}

Status Ledger::writeLines(const Document &doc)
{
    KONTOR_TRY(m_store.exec(u"DELETE FROM document_lines WHERE document_id = ?"_s, {doc.id}));
    return insertLines(doc);
}

Status Ledger::insertLines(const Document &doc)
{
    const Document *docs[] = {&doc};
    return insertLinesOf(m_store, docs, 1);
}

Status Ledger::writeDocument(const Document &d, bool insert)
{
    const QString hlc = m_store.tick().toString();
    const QByteArray breakdown = canonicalJson(d.totals.breakdown);
    if (insert) {
        const QVariant snapshot
            = d.isIssued() ? QVariant(canonicalJson(d.customerSnapshot)) : nullText();
        KONTOR_TRY(insertDocumentRow(m_store, d, documentStatusName(d.status),
                                     searchKey(d.customerName), hlc, snapshot, breakdown));
        // A new document has no lines yet.
        return insertLines(d);
    }
    KONTOR_TRY(m_store.exec(
        u"UPDATE documents SET customer_id = ?, customer_name = ?, customer_key = ?, "
        "issue_date = ?, due_date = ?, currency = ?, notes = ?, payment_terms = ?, "
        "reference_id = ?, buyer_reference = ?, line_net = ?, vat_total = ?, total = ?, "
        "breakdown = CAST(? AS TEXT), updated_hlc = ? WHERE id = ? AND status = 'draft'"_s,
        {textOrNull(d.customerId), d.customerName, searchKey(d.customerName),
         dateToText(d.issueDate), dateToText(d.dueDate), d.currency, d.notes, d.paymentTerms,
         textOrNull(d.referenceId), d.buyerReference, d.totals.lineNetSum, d.totals.vatTotal,
         d.totals.taxInclusive, breakdown, hlc, d.id}));
    return writeLines(d);
}

Result<Document> Ledger::createDraft(Document d)
{
    KONTOR_TRY(startNewDraft(d));
    if (!d.customerId.isEmpty()) {
        auto c = cachedCustomer(d.customerId);
        if (!c)
            return validationError(u"customer"_s, u"unknown-customer"_s,
                                   u"the customer '%1' does not exist"_s.arg(d.customerId));
        d.customerName = c->customer.name;
        if (d.currency.isEmpty())
            d.currency = c->customer.currency;
    } else {
        d.customerName.clear();
    }
    if (d.currency.isEmpty())
        d.currency = companyDefaults(m_store).currency;
    if (!d.issueDate.isValid())
        d.issueDate = m_store.today();
    for (DocumentLine &l : d.lines)
        if (l.id.isEmpty())
            l.id = newUuid7();
    KONTOR_TRY(validateDraft(d, taxRateLookup()));
    KONTOR_TRY(computeTotals(d, taxRateLookup()));
    WriteTransaction tx(m_store);
    KONTOR_TRY(writeDocument(d, true));
    KONTOR_TRY(
        m_store.appendChange({documentKindName(d.kind), d.id, u"create"_s, {}, canonicalJson(d)}));
    KONTOR_TRY(tx.commit());
    return d;
}

Result<Document> Ledger::updateDraft(Document d)
{
    auto before = document(d.id);
    if (!before)
        return before.error();
    if (before->status != DocumentStatus::Draft)
        return immutable(before.value());
    if (d.kind != before->kind)
        return validationError(u"kind"_s, u"kind-change"_s,
                               u"a %1 cannot be turned into a %2"_s.arg(
                                   documentKindName(before->kind), documentKindName(d.kind)));
    d.status = DocumentStatus::Draft;
    d.number.clear();
    d.sequence = 0;
    d.seriesId.clear();
    if (!d.customerId.isEmpty()) {
        auto c = customer(d.customerId);
        if (!c)
            return validationError(u"customer"_s, u"unknown-customer"_s,
                                   u"the customer '%1' does not exist"_s.arg(d.customerId));
        d.customerName = c->name;
    } else {
        d.customerName.clear();
    }
    if (!d.issueDate.isValid())
        d.issueDate = before->issueDate;
    for (DocumentLine &l : d.lines)
        if (l.id.isEmpty())
            l.id = newUuid7();
    KONTOR_TRY(validateDraft(d, taxRateLookup()));
    KONTOR_TRY(computeTotals(d, taxRateLookup()));
    const QJsonObject fields = changedFields(toJson(before.value()), toJson(d));
    if (fields.isEmpty())
        return d;
    WriteTransaction tx(m_store);
    KONTOR_TRY(writeDocument(d, false));
    KONTOR_TRY(m_store.appendChange({documentKindName(d.kind), d.id, u"update"_s, fields}));
    KONTOR_TRY(tx.commit());
    return d;
}

Status Ledger::deleteDraft(const QString &id)
{
    auto d = document(id);
    if (!d)
        return d.error();
    if (d->isIssued())
        return immutable(d.value());
    WriteTransaction tx(m_store);
    if (d->kind == DocumentKind::Quote) {
        // Detach invoices made from this quote; they stand on their own.
        auto q = m_store.exec(u"SELECT count(*) FROM documents WHERE reference_id = ?"_s, {id});
        if (!q)
            return q.error();
        (*q)->next();
        const bool referenced = (*q)->value(0).toLongLong() > 0;
        (*q)->finish();
        if (referenced)
            return Error {ErrorKind::Conflict, u"reference"_s, u"quote-in-use"_s,
                          u"the quote was converted to an invoice and cannot be deleted"_s};
    }
    KONTOR_TRY(m_store.exec(u"DELETE FROM documents WHERE id = ? AND (status = 'draft' OR kind = "
                            "'quote')"_s,
                            {id}));
    KONTOR_TRY(m_audit.append(documentKindName(d->kind), id, u"delete"_s,
                              QJsonObject {{u"id"_s, id},
                                           {u"kind"_s, documentKindName(d->kind)},
                                           {u"total"_s, d->totals.payable}}));
    KONTOR_TRY(m_store.appendChange({documentKindName(d->kind), id, u"delete"_s, {}}));
    return tx.commit();
}

Result<QString> Ledger::previewNumber(DocumentKind kind, const QString &seriesId) const
{
    QString sid = seriesId;
    if (sid.isEmpty()) {
        auto def = defaultSeries(kind);
        if (!def)
            return def.error();
        sid = def.value();
    }
    auto s = series(sid);
    if (!s)
        return s.error();
    return s->format(s->nextNumber);
}

Result<NumberSeries> Ledger::issueSeries(DocumentKind kind, const IssueOptions &options) const
{
    if (!options.seriesId.isEmpty())
        return series(options.seriesId);
    // The default series (see defaultSeries()), read whole in the same query.
    static const QString sql = u"SELECT %1 FROM series WHERE kind = ? AND holder_device = ? "
                               "ORDER BY id LIMIT 1"_s.arg(QLatin1StringView(kSeriesColumns));
    auto q = m_store.exec(sql, {documentKindName(kind), m_store.deviceId()});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return defaultSeries(kind).error();
    NumberSeries ser = readSeries(**q);
    (*q)->finish();
    return ser;
}

Status Ledger::checkIssuable(Document &d, const IssueOptions &options, CachedCustomer *cust,
                             bool customerKnown, Document *invoiceOut) const
{
    if (options.issueDate.isValid())
        d.issueDate = options.issueDate;
    if (!d.issueDate.isValid())
        d.issueDate = m_store.today();
    const TaxRateLookup rates = taxRateLookup();
    KONTOR_TRY(validateIssuable(d, rates));
    KONTOR_TRY(computeTotals(d, rates));

    if (!customerKnown) {
        auto c = cachedCustomer(d.customerId);
        if (!c)
            return validationError(u"customer"_s, u"unknown-customer"_s,
                                   u"the customer '%1' does not exist"_s.arg(d.customerId));
        *cust = std::move(c).value();
    }
    if (!d.dueDate.isValid()) {
        int terms = cust->customer.paymentTermsDays;
        if (terms < 0)
            terms = companyDefaults(m_store).paymentTermsDays;
        d.dueDate = d.issueDate.addDays(terms);
    }
    if (d.dueDate < d.issueDate)
        return validationError(u"dueDate"_s, u"due-before-issue"_s,
                               u"the due date must not be before the issue date"_s);

    if (d.kind == DocumentKind::CreditNote) {
        auto inv = document(d.referenceId);
        if (!inv || inv->kind != DocumentKind::Invoice || !inv->isIssued())
            return validationError(u"reference"_s, u"invalid-reference"_s,
                                   u"a credit note must reference an issued invoice"_s);
        const Document &invoice = inv.value();
        if (invoice.currency != d.currency)
            return validationError(
                u"currency"_s, u"currency-mismatch"_s,
                u"the credit note must be in the invoice's currency (%1)"_s.arg(invoice.currency));
        if (invoice.customerId != d.customerId)
            return validationError(u"customer"_s, u"customer-mismatch"_s,
                                   u"the credit note must be for the invoice's customer"_s);
        const qint64 creditable = invoice.totals.payable - invoice.creditedMinor;
        if (d.totals.payable > creditable)
            return validationError(
                u"lines"_s, u"credit-exceeds-invoice"_s,
                u"the credit note (%1) exceeds what is left to credit on "
                "invoice %2 (%3)"_s.arg(formatAmount(d.totals.payable, d.currency), invoice.number,
                                        formatAmount(creditable, d.currency)));
        if (d.totals.payable <= 0)
            return validationError(u"lines"_s, u"empty-credit"_s,
                                   u"a credit note must credit a positive amount"_s);
        *invoiceOut = invoice;
    }
    return {};
}

namespace {

// The number and the frozen customer of a document being issued.
void applyIssue(Document &d, const NumberSeries &ser, qint64 sequence, const Customer &customer,
                const QString &deviceId)
{
    d.seriesId = ser.id;
    d.sequence = sequence;
    d.number = ser.format(sequence);
    d.status = DocumentStatus::Issued;
    d.customerName = customer.name;
    d.customerSnapshot = customer;
    d.issuedByDevice = deviceId;
}

// Compare-and-set: the series must still be at `from`, or another writer moved it.
Status moveSeries(Store &store, const NumberSeries &ser, qint64 from, qint64 to)
{
    auto moved = store.exec(u"UPDATE series SET next_number = ?, updated_hlc = ? WHERE id = ? "
                            "AND next_number = ?"_s,
                            {to, store.tick().toString(), ser.id, from});
    if (!moved)
        return moved.error();
    if ((*moved)->numRowsAffected() != 1)
        return validationError(u"number"_s, u"number-out-of-sequence"_s,
                               u"series '%1' moved on while issuing; try again"_s.arg(ser.name));
    return {};
}

// A credit note credits its invoice, whose status follows.
Status creditInvoice(Store &store, const QString &invoiceId, qint64 amount)
{
    KONTOR_TRY(store.exec(u"UPDATE documents SET credited = credited + ? WHERE id = ?"_s,
                          {amount, invoiceId}));
    return {};
}

// Marks freshly written drafts issued, several per statement; every one of them must still be
// a draft.
Status markIssued(Store &store, const QList<const Document *> &docs)
{
    constexpr qsizetype IdsPerUpdate = 32;
    static const MultiRowSql<IdsPerUpdate> texts(
        u"UPDATE documents SET status = 'issued' WHERE status = 'draft' AND id IN ("_s, u"?"_s,
        u", "_s, u")"_s);
    QVariantList ids;
    for (qsizetype i = 0; i < docs.size(); ++i) {
        ids << docs.at(i)->id;
        if (ids.size() == IdsPerUpdate || i + 1 == docs.size()) {
            auto marked = store.exec(texts[ids.size()], ids);
            if (!marked)
                return marked.error();
            if ((*marked)->numRowsAffected() != ids.size())
                return Error {ErrorKind::Integrity, u"status"_s, u"constraint"_s,
                              u"a document being issued changed underneath"_s};
            ids.clear();
        }
    }
    return {};
}

} // namespace

Result<Document> Ledger::issue(const QString &id, const IssueOptions &options)
{
    auto loaded = document(id);
    if (!loaded)
        return loaded.error();
    Document d = std::move(loaded).value();
    if (d.kind == DocumentKind::Quote)
        return Error {ErrorKind::Usage, u"kind"_s, u"quote-not-issuable"_s,
                      u"quotes are not issued; convert the quote to an invoice"_s};
    if (d.status != DocumentStatus::Draft)
        return Error {ErrorKind::Conflict, u"status"_s, u"already-issued"_s,
                      u"%1 is already issued as %2"_s.arg(documentKindName(d.kind), d.number)};

    const QList<DocumentLine> storedLines = d.lines;
    auto s = issueSeries(d.kind, options);
    if (!s)
        return s.error();
    const NumberSeries &ser = s.value();
    CachedCustomer cust;
    Document invoice;
    KONTOR_TRY(checkIssuable(d, options, &cust, false, &invoice));
    const qint64 sequence = options.expectedSequence.value_or(ser.nextNumber);
    KONTOR_TRY(validateSeriesNumber(ser, sequence, d.kind, m_store.deviceId()));
    applyIssue(d, ser, sequence, cust.customer, m_store.deviceId());

    QByteArray customerJson, breakdownJson;
    const QByteArray snapshot = canonicalJson(d, &customerJson, &breakdownJson);
    WriteTransaction tx(m_store);
    // Lines first: once the document is issued the triggers freeze them. Lines whose tax data
    // did not change since the draft was saved are already right and are not rewritten.
    if (d.lines != storedLines)
        KONTOR_TRY(writeLines(d));
    KONTOR_TRY(m_store.exec(
        u"UPDATE documents SET status = 'issued', series_id = ?, number = ?, sequence = ?, "
        "customer_name = ?, customer_key = ?, customer_snapshot = CAST(? AS TEXT), "
        "issue_date = ?, due_date = ?, line_net = ?, vat_total = ?, total = ?, "
        "breakdown = CAST(? AS TEXT), issued_by_device = ?, updated_hlc = ? WHERE id = ? AND "
        "status = 'draft'"_s,
        {d.seriesId, d.number, d.sequence, d.customerName, cust.key, customerJson,
         dateToText(d.issueDate), dateToText(d.dueDate), d.totals.lineNetSum, d.totals.vatTotal,
         d.totals.taxInclusive, breakdownJson, d.issuedByDevice, m_store.tick().toString(), d.id}));
    KONTOR_TRY(moveSeries(m_store, ser, sequence, sequence + 1));
    if (d.kind == DocumentKind::CreditNote) {
        KONTOR_TRY(creditInvoice(m_store, invoice.id, d.totals.payable));
        KONTOR_TRY(refreshStatus(invoice.id));
    }
    const QString entity = documentKindName(d.kind);
    KONTOR_TRY(m_audit.appendEncoded(entity, d.id, u"issue"_s, snapshot));
    KONTOR_TRY(m_store.appendChange({entity, d.id, u"issue"_s, {}, snapshot}));
    KONTOR_TRY(tx.commit());
    return d;
}

Status Ledger::writeIssued(const QList<IssuedRow> &rows)
{
    if (rows.isEmpty())
        return {};
    // The rows as drafts, their lines, then all of them marked issued at once: lines can only
    // be added to a draft (a trigger freezes the lines of issued documents).
    const QString hlc = m_store.tick().toString();
    QList<const Document *> written;
    written.reserve(rows.size());
    for (const IssuedRow &r : rows) {
        r.doc->createdAt = r.doc->updatedAt = hlc;
        KONTOR_TRY(insertDocumentRow(m_store, *r.doc, u"draft"_s, r.customerKey, hlc,
                                     r.customerJson, r.breakdownJson));
        written.append(r.doc);
    }
    KONTOR_TRY(insertLinesOf(m_store, written.constData(), written.size()));
    KONTOR_TRY(markIssued(m_store, written));
    // Encoded once: the snapshot is the audit entry and the outbox entry.
    QList<AuditChain::Item> audit;
    QList<Change> changes;
    audit.reserve(rows.size());
    changes.reserve(rows.size());
    for (const IssuedRow &r : rows) {
        const QString entity = documentKindName(r.doc->kind);
        audit.append({entity, r.doc->id, u"issue"_s, r.snapshot});
        changes.append({entity, r.doc->id, u"issue"_s, {}, r.snapshot});
    }
    KONTOR_TRY(m_audit.appendEncoded(audit));
    return m_store.appendChanges(changes); // nothing while applying other devices' changes
}

Result<Document> Ledger::issueNew(Document d, const IssueOptions &options)
{
    auto issued = issueMany(QList<Document> {std::move(d)}, options);
    if (!issued)
        return issued.error();
    return issued->takeFirst();
}

Result<QList<Document>> Ledger::issueMany(QList<Document> docs, const IssueOptions &options)
{
    // Per series: the series as read, and the number the next document takes.
    struct Run
    {
        NumberSeries series;
        qint64 from = 0; // next_number as stored (moved at each flush)
        qint64 next = 0;
    };
    QHash<int, Run> runs; // by document kind
    QHash<QString, CachedCustomer> customers; // read once per batch
    std::optional<QString> companyCurrency;
    QList<IssuedRow> pending; // checked and numbered, waiting to be written
    bool firstOfSeries = true;

    auto at = [&docs](qsizetype i, Error e) {
        if (docs.size() > 1) {
            e.field = e.field.isEmpty() ? u"documents[%1]"_s.arg(i)
                                        : u"documents[%1].%2"_s.arg(i).arg(e.field);
            e.message = u"document %1 of %2: %3"_s.arg(i + 1).arg(docs.size()).arg(e.message);
        }
        return e;
    };

    WriteTransaction tx(m_store);
    // Writes what is pending, then moves the series.
    auto flush = [&]() -> Status {
        if (pending.isEmpty())
            return {};
        KONTOR_TRY(writeIssued(pending));
        for (Run &run : runs) {
            if (run.next == run.from)
                continue;
            KONTOR_TRY(moveSeries(m_store, run.series, run.from, run.next));
            run.from = run.next;
        }
        pending.clear();
        return {};
    };

    // What createDraft() checks and fills in, then what issue() checks, in that order.
    auto prepare = [&](Document &d) -> Status {
        KONTOR_TRY(startNewDraft(d));
        CachedCustomer cust;
        if (!d.customerId.isEmpty()) {
            auto known = customers.constFind(d.customerId);
            if (known == customers.cend()) {
                auto c = cachedCustomer(d.customerId);
                if (!c)
                    return validationError(u"customer"_s, u"unknown-customer"_s,
                                           u"the customer '%1' does not exist"_s.arg(d.customerId));
                known = customers.insert(d.customerId, std::move(c).value());
            }
            cust = known.value();
            d.customerName = cust.customer.name;
            if (d.currency.isEmpty())
                d.currency = cust.customer.currency;
        } else {
            d.customerName.clear();
        }
        if (d.currency.isEmpty()) {
            if (!companyCurrency)
                companyCurrency = companyDefaults(m_store).currency;
            d.currency = *companyCurrency;
        }
        for (DocumentLine &l : d.lines)
            if (l.id.isEmpty())
                l.id = newUuid7();
        if (d.kind == DocumentKind::Quote)
            return Error {ErrorKind::Usage, u"kind"_s, u"quote-not-issuable"_s,
                          u"quotes are not issued; convert the quote to an invoice"_s};

        auto run = runs.find(int(d.kind));
        if (run == runs.end()) {
            auto s = issueSeries(d.kind, options);
            if (!s)
                return s.error();
            Run r;
            r.series = std::move(s).value();
            r.from = r.next = r.series.nextNumber;
            run = runs.insert(int(d.kind), r);
        }
        Document invoice;
        KONTOR_TRY(checkIssuable(d, options, &cust, !d.customerId.isEmpty(), &invoice));
        // The series as it will stand when this document is written.
        NumberSeries ser = run->series;
        ser.nextNumber = run->next;
        const qint64 sequence
            = firstOfSeries && options.expectedSequence ? *options.expectedSequence : run->next;
        KONTOR_TRY(validateSeriesNumber(ser, sequence, d.kind, m_store.deviceId()));
        firstOfSeries = false;
        applyIssue(d, ser, sequence, cust.customer, m_store.deviceId());
        run->next = sequence + 1;

        IssuedRow p {&d, cust.key, {}, {}, {}};
        p.snapshot = canonicalJson(d, &p.customerJson, &p.breakdownJson);
        pending.append(std::move(p));
        if (d.kind == DocumentKind::CreditNote) {
            KONTOR_TRY(flush());
            KONTOR_TRY(creditInvoice(m_store, invoice.id, d.totals.payable));
            KONTOR_TRY(refreshStatus(invoice.id));
        }
        return {};
    };

    // Rows per flush: enough to fill the multi-row statements, few enough to keep the pending
    // snapshots small.
    constexpr qsizetype FlushEvery = 64;
    for (qsizetype i = 0; i < docs.size(); ++i) {
        // A credit note checks its invoice in the tables, which may be earlier in this batch.
        if (docs[i].kind == DocumentKind::CreditNote)
            if (Status s = flush(); !s)
                return at(i, s.error());
        if (Status s = prepare(docs[i]); !s)
            return at(i, s.error());
        if (pending.size() >= FlushEvery)
            if (Status s = flush(); !s)
                return at(i, s.error());
    }
    KONTOR_TRY(flush());
    KONTOR_TRY(tx.commit());
    return docs;
}

Status Ledger::refreshStatus(const QString &documentId)
{
    KONTOR_TRY(
        m_store.exec(u"UPDATE documents SET status = CASE "
                     "WHEN credited >= total AND total > 0 AND paid = 0 THEN 'credited' "
                     "WHEN total - paid - credited <= 0 THEN 'paid' "
                     "WHEN paid > 0 OR credited > 0 THEN 'partially_paid' "
                     "ELSE 'issued' END WHERE id = ? AND kind = 'invoice' AND status <> 'draft'"_s,
                     {documentId}));
    return {};
}

Result<Document> Ledger::createCreditNote(const CreditNoteRequest &req)
{
    auto inv = document(req.invoiceId);
    if (!inv)
        return inv.error();
    if (inv->kind != DocumentKind::Invoice || !inv->isIssued())
        return validationError(u"invoice"_s, u"invalid-reference"_s,
                               u"credit notes can only be made for issued invoices"_s);
    Document cn;
    cn.kind = DocumentKind::CreditNote;
    cn.referenceId = inv->id;
    cn.customerId = inv->customerId;
    cn.currency = inv->currency;
    cn.issueDate = req.issueDate;
    // The reference to the invoice travels in referenceId and is printed from there.
    cn.notes = req.reason;
    if (req.lines.isEmpty()) {
        for (DocumentLine l : inv->lines) {
            l.id.clear();
            cn.lines.append(l);
        }
    } else {
        cn.lines = req.lines;
    }
    return createDraft(cn);
}

Result<Document> Ledger::convertQuote(const QString &quoteId)
{
    auto q = document(quoteId);
    if (!q)
        return q.error();
    if (q->kind != DocumentKind::Quote)
        return validationError(u"kind"_s, u"not-a-quote"_s, u"only quotes can be converted"_s);
    if (q->status == DocumentStatus::Converted)
        return Error {ErrorKind::Conflict, u"status"_s, u"already-converted"_s,
                      u"the quote was already converted to an invoice"_s};
    Document inv = q.value();
    inv.id.clear();
    inv.kind = DocumentKind::Invoice;
    inv.referenceId = quoteId;
    inv.issueDate = QDate();
    inv.dueDate = QDate();
    for (DocumentLine &l : inv.lines)
        l.id.clear();
    WriteTransaction tx(m_store);
    auto created = createDraft(inv);
    if (!created)
        return created.error();
    KONTOR_TRY(
        m_store.exec(u"UPDATE documents SET status = 'converted', updated_hlc = ? WHERE id = ?"_s,
                     {m_store.tick().toString(), quoteId}));
    KONTOR_TRY(m_store.appendChange(
        {u"quote"_s, quoteId, u"update"_s, QJsonObject {{u"status"_s, u"converted"_s}}}));
    KONTOR_TRY(tx.commit());
    return created;
}

Result<Document> Ledger::duplicateAsDraft(const QString &id)
{
    auto src = document(id);
    if (!src)
        return src.error();
    if (src->kind == DocumentKind::CreditNote)
        return validationError(u"kind"_s, u"not-duplicable"_s,
                               u"credit notes are made from their invoice, not duplicated"_s);
    Document d = src.value();
    d.id.clear();
    d.referenceId.clear();
    d.issueDate = QDate();
    d.dueDate = QDate();
    for (DocumentLine &l : d.lines)
        l.id.clear();
    return createDraft(d);
}

void Ledger::appendDocumentFilters(const DocumentQuery &query, QString &sql,
                                   QVariantList &binds) const
{
    const QString today = dateToText(m_store.today());
    if (query.status) {
        sql += u" AND d.status = ?"_s;
        binds << documentStatusName(*query.status);
    }
    if (query.openOnly || query.overdueOnly)
        sql += u" AND d.status IN ('issued', 'partially_paid')"_s;
    if (query.overdueOnly) {
        sql += u" AND d.due_date <> '' AND d.due_date < ?"_s;
        binds << today;
    }
    if (!query.customerId.isEmpty()) {
        sql += u" AND d.customer_id = ?"_s;
        binds << query.customerId;
    }
    if (!query.referenceId.isEmpty()) {
        sql += u" AND d.reference_id = ?"_s;
        binds << query.referenceId;
    }
    if (query.from.isValid()) {
        sql += u" AND d.issue_date >= ?"_s;
        binds << dateToText(query.from);
    }
    if (query.to.isValid()) {
        sql += u" AND d.issue_date <= ?"_s;
        binds << dateToText(query.to);
    }
}

Result<QHash<QString, DocumentListTotals>> Ledger::documentTotals(const DocumentQuery &query) const
{
    QString sql = u"SELECT d.currency, count(*), sum(d.line_net), sum(d.vat_total), "
                  "sum(d.total), sum(d.total - d.paid - d.credited) FROM documents d WHERE "
                  "d.kind = ?"_s;
    QVariantList binds {documentKindName(query.kind)};
    appendDocumentFilters(query, sql, binds);
    const QString term = query.search.trimmed();
    if (!term.isEmpty()) {
        // All matches are needed, so they are collected through the search indexes.
        const QString kind = documentKindName(query.kind);
        const QString key = searchKey(term);
        sql += u" AND d.rowid IN (SELECT rowid FROM documents WHERE kind = ? AND number >= ? AND "
               "number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND number >= ? AND "
               "number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND customer_key >= ? "
               "AND customer_key < ?)"_s;
        binds << kind << term << prefixEnd(term) << kind << term.toUpper()
              << prefixEnd(term.toUpper()) << kind << key << prefixEnd(key);
    }
    sql += u" GROUP BY d.currency"_s;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    QHash<QString, DocumentListTotals> out;
    while ((*q)->next()) {
        DocumentListTotals t;
        t.count = (*q)->value(1).toLongLong();
        t.netMinor = (*q)->value(2).toLongLong();
        t.vatMinor = (*q)->value(3).toLongLong();
        t.totalMinor = (*q)->value(4).toLongLong();
        t.balanceMinor = (*q)->value(5).toLongLong();
        out.insert((*q)->value(0).toString(), t);
    }
    return out;
}

Result<Page<DocumentSummary>> Ledger::documents(const DocumentQuery &query) const
{
    const QString col = sortColumn(query.sort);
    const QString dir = query.descending ? u"DESC"_s : u"ASC"_s;
    const QString cmp = query.descending ? u"<"_s : u">"_s;
    const int limit = qBound(1, query.limit, 1000);
    QVariant afterValue;
    QString afterId;
    if (!query.after.isEmpty()) {
        if (!decodeCursor(query.after, &afterValue, &afterId))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        afterValue = query.sort == DocumentSort::Total ? QVariant(afterValue.toLongLong())
                                                       : QVariant(afterValue.toString());
    }

    // Search: a prefix of the number (as typed or upper case) or of the case-folded customer
    // name, each a range of an index. Three plans, chosen by a capped, index-only count:
    // - few matches (under SelectiveMatches): collect them by rowid and sort them;
    // - a moderate number of matches, in a list by issue date with no other filter: take the
    //   newest (or oldest) from the ranges of the number and customer-key indexes, which carry
    //   the issue date, so only the page's rows are read (a broad prefix whose matches are old,
    //   such as "INV-2", would otherwise walk most of the list to fill a page);
    // - many matches: walk the list order and filter; a common term fills the page quickly.
    constexpr int SelectiveMatches = 2000;
    constexpr int DatedMatches = 20000;
    const QString term = query.search.trimmed();
    const QString kind = documentKindName(query.kind);
    enum class Plan { Walk, Selective, Dated } plan = Plan::Walk;
    QVariantList searchBinds;
    struct Range
    {
        const char *index;
        const char *column;
        QString from;
    };
    QList<Range> ranges;
    if (!term.isEmpty()) {
        const QString key = searchKey(term);
        searchBinds = {kind, term, prefixEnd(term), kind, term.toUpper(), prefixEnd(term.toUpper()),
                       kind, key,  prefixEnd(key)};
        ranges.append({"documents_kind_number", "number", term});
        if (term.toUpper() != term)
            ranges.append({"documents_kind_number", "number", term.toUpper()});
        ranges.append({"documents_customer_key", "customer_key", key});
        const bool datedApplies = query.sort == DocumentSort::IssueDate && !query.status
            && !query.openOnly && !query.overdueOnly && query.customerId.isEmpty()
            && query.referenceId.isEmpty() && !query.from.isValid() && !query.to.isValid();
        // Matches of the number ranges and of the customer-key range, counted apart (index
        // only, each up to the cap).
        const int cap = datedApplies ? DatedMatches : SelectiveMatches;
        QVariantList countBinds;
        auto countOf = [&](qsizetype from, qsizetype to) -> QString {
            QString sql = u"(SELECT count(*) FROM ("_s;
            for (qsizetype i = from; i < to; ++i) {
                sql += u"%1SELECT 1 FROM documents WHERE kind = ? AND %2 >= ? AND %2 < ?"_s.arg(
                    i > from ? u" UNION ALL "_s : QString(), QLatin1StringView(ranges[i].column));
                countBinds << kind << ranges[i].from << prefixEnd(ranges[i].from);
            }
            countBinds << cap;
            return sql + u" LIMIT ?))"_s;
        };
        const qsizetype numberRanges = ranges.size() - 1; // the last one is the customer key
        const QString numberCount = countOf(0, numberRanges);
        const QString customerCount = countOf(numberRanges, ranges.size());
        const QString countSql = u"SELECT "_s + numberCount + u", "_s + customerCount;
        auto c = m_store.exec(countSql, countBinds);
        if (!c)
            return c.error();
        int numberMatches = 0, customerMatches = 0;
        if ((*c)->next()) {
            numberMatches = (*c)->value(0).toInt();
            customerMatches = (*c)->value(1).toInt();
        }
        (*c)->finish();
        // A number prefix's matches cluster in time (numbers follow issue dates): walking the
        // list for old ones passes every newer document. A customer name's matches spread over
        // the list: walking finds a page of them soon.
        if (numberMatches + customerMatches < SelectiveMatches)
            plan = Plan::Selective;
        else if (datedApplies && numberMatches >= customerMatches
                 && numberMatches + customerMatches < DatedMatches)
            plan = Plan::Dated;
    }

    const QString columns = u"d.id, d.kind, d.status, d.number, d.customer_id, d.customer_name, "
                            "d.issue_date, d.due_date, d.currency, d.line_net, d.vat_total, "
                            "d.total, d.paid, d.credited, d.reference_id, "_s
        + col;
    QString sql;
    QVariantList binds;
    if (plan == Plan::Dated) {
        // Each range gives its first `limit + 1` by (issue date, id), index only; a document in
        // two ranges comes twice, so ranges × (limit + 1) keep at least limit + 1 documents.
        // A range is read in the direction of the list: numbers, and a customer's documents,
        // mostly follow their issue dates, so the rows that make the page come early and most
        // others are passed over with one comparison (read the other way, each row would take
        // a place). Its LIMIT keeps that order and cuts nothing: the count is below it.
        sql = u"SELECT %1 FROM documents d WHERE d.rowid IN (SELECT rid FROM ("_s.arg(columns);
        for (qsizetype i = 0; i < ranges.size(); ++i) {
            sql += u"%1SELECT * FROM (SELECT rowid AS rid, issue_date AS k, id AS i FROM "
                   "documents INDEXED BY %2 WHERE kind = ? AND %3 >= ? AND %3 < ?"_s.arg(
                       i ? u" UNION ALL "_s : QString(), QLatin1StringView(ranges[i].index),
                       QLatin1StringView(ranges[i].column));
            binds << kind << ranges[i].from << prefixEnd(ranges[i].from);
            if (!query.after.isEmpty()) {
                sql += u" AND (issue_date, id) %1 (?, ?)"_s.arg(cmp);
                binds << afterValue << afterId;
            }
            sql += u" ORDER BY %1 %2, id %2 LIMIT ?)"_s.arg(QLatin1StringView(ranges[i].column),
                                                            dir);
            binds << DatedMatches;
        }
        sql += u") ORDER BY k %1, i %1 LIMIT ?) ORDER BY d.issue_date %1, d.id %1 LIMIT ?"_s.arg(
            dir);
        binds << ranges.size() * (limit + 1) << limit + 1;
    } else {
        // With the rowid list, `+d.kind` keeps the planner from walking the kind index instead.
        sql = u"SELECT %1 FROM documents d WHERE %2d.kind = ?"_s.arg(
            columns, plan == Plan::Selective ? u"+"_s : QString());
        binds << kind;
        appendDocumentFilters(query, sql, binds);
        if (plan == Plan::Selective) {
            sql += u" AND d.rowid IN (SELECT rowid FROM documents WHERE kind = ? AND number >= ? "
                   "AND number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND number "
                   ">= ? AND number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND "
                   "customer_key >= ? AND customer_key < ?)"_s;
            binds << searchBinds;
        } else if (!term.isEmpty()) {
            const QString key = searchKey(term);
            sql += u" AND ((d.number >= ? AND d.number < ?) OR (d.number >= ? AND d.number < ?) "
                   "OR (d.customer_key >= ? AND d.customer_key < ?))"_s;
            binds << term << prefixEnd(term) << term.toUpper() << prefixEnd(term.toUpper()) << key
                  << prefixEnd(key);
        }
        if (!query.after.isEmpty()) {
            sql += u" AND (%1, d.id) %2 (?, ?)"_s.arg(col, cmp);
            binds << afterValue << afterId;
        }
        sql += u" ORDER BY %1 %2, d.id %2 LIMIT ?"_s.arg(col, dir);
        binds << limit + 1;
    }

    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    Page<DocumentSummary> page;
    const QDate todayDate = m_store.today();
    QVariant lastSort;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        if (page.items.size() == limit) {
            page.next = encodeCursor(lastSort, page.items.last().id);
            break;
        }
        DocumentSummary s;
        s.id = r.value(0).toString();
        s.kind = documentKindFromName(r.value(1).toString()).value_or(DocumentKind::Invoice);
        s.status = documentStatusFromName(r.value(2).toString()).value_or(DocumentStatus::Draft);
        s.number = r.value(3).toString();
        s.customerId = r.value(4).toString();
        s.customerName = r.value(5).toString();
        s.issueDate = dateFromText(r.value(6).toString());
        s.dueDate = dateFromText(r.value(7).toString());
        s.currency = r.value(8).toString();
        s.netMinor = r.value(9).toLongLong();
        s.vatMinor = r.value(10).toLongLong();
        s.totalMinor = r.value(11).toLongLong();
        s.paidMinor = r.value(12).toLongLong();
        s.creditedMinor = r.value(13).toLongLong();
        s.referenceId = r.value(14).toString();
        s.overdue = s.kind == DocumentKind::Invoice
            && (s.status == DocumentStatus::Issued || s.status == DocumentStatus::PartiallyPaid)
            && s.dueDate.isValid() && s.dueDate < todayDate && s.balanceMinor() > 0;
        lastSort = r.value(15);
        page.items.append(s);
    }
    (*q)->finish();
    return page;
}

Result<QHash<QString, qint64>> Ledger::outstandingTotals(bool overdueOnly) const
{
    QString sql = u"SELECT currency, sum(total - paid - credited) FROM documents WHERE kind = "
                  "'invoice' AND status IN ('issued', 'partially_paid')"_s;
    QVariantList binds;
    if (overdueOnly) {
        sql += u" AND due_date <> '' AND due_date < ?"_s;
        binds << dateToText(m_store.today());
    }
    sql += u" GROUP BY currency"_s;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    QHash<QString, qint64> out;
    while ((*q)->next())
        out.insert((*q)->value(0).toString(), (*q)->value(1).toLongLong());
    return out;
}

} // namespace Kontor
