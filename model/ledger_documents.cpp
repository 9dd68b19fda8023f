// Drafts, issue, credit notes, quotes and document lists.
#include "ledger.h"

#include "ledger_p.h"
#include "money.h"
#include "rules.h"
#include "schema.h"
#include "uuid7.h"

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

QJsonArray breakdownToJson(const QList<VatBreakdown> &list)
{
    QJsonArray out;
    for (const VatBreakdown &b : list)
        out.append(QJsonObject {{u"category"_s, taxCategoryCode(b.category)},
                                {u"rateBp"_s, b.rateBp},
                                {u"taxable"_s, b.taxableMinor},
                                {u"vat"_s, b.vatMinor},
                                {u"exemptionReason"_s, b.exemptionReason},
                                {u"exemptionReasonCode"_s, b.exemptionReasonCode}});
    return out;
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
    auto q = m_store.exec(
        u"SELECT %1 FROM documents WHERE %2 = ?"_s.arg(QLatin1StringView(kDocumentColumns), where),
        {key});
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

    auto lq = m_store.exec(u"SELECT %1 FROM document_lines WHERE document_id = ? ORDER BY "
                           "position"_s.arg(QLatin1StringView(kLineColumns)),
                           {d.id});
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
    for (qsizetype i = 0; i < doc.lines.size(); ++i) {
        const DocumentLine &l = doc.lines.at(i);
        KONTOR_TRY(
            m_store.exec(u"INSERT INTO document_lines(document_id, position, %1) VALUES (?, "
                         "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                             QLatin1StringView(kLineColumns)),
                         {doc.id, i, l.id, textOrNull(l.productId), l.description, l.quantity,
                          l.unit, l.unitPrice, l.discountBp, l.taxRateId,
                          taxCategoryCode(l.taxCategory), l.taxRateBp, l.exemptionReason,
                          l.exemptionReasonCode, l.grossMinor, l.allowanceMinor, l.netMinor}));
    }
    return {};
}

Status Ledger::writeDocument(const Document &d, bool insert)
{
    const QString hlc = m_store.tick().toString();
    const QString breakdown = QString::fromUtf8(
        QJsonDocument(breakdownToJson(d.totals.breakdown)).toJson(QJsonDocument::Compact));
    const QVariant snapshot = d.isIssued()
        ? QVariant(QString::fromUtf8(canonicalBytes(toJson(d.customerSnapshot))))
        : QVariant(QMetaType(QMetaType::QString));
    if (insert) {
        KONTOR_TRY(m_store.exec(
            u"INSERT INTO documents(id, kind, status, series_id, number, sequence, "
            "customer_id, customer_name, customer_key, customer_snapshot, issue_date, "
            "due_date, currency, notes, payment_terms, reference_id, buyer_reference, "
            "line_net, vat_total, total, paid, credited, breakdown, issued_by_device, "
            "created_hlc, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {d.id,
             documentKindName(d.kind),
             documentStatusName(d.status),
             textOrNull(d.seriesId),
             d.number,
             d.sequence ? QVariant(d.sequence) : QVariant(QMetaType(QMetaType::LongLong)),
             textOrNull(d.customerId),
             d.customerName,
             searchKey(d.customerName),
             snapshot,
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
    } else {
        KONTOR_TRY(m_store.exec(
            u"UPDATE documents SET customer_id = ?, customer_name = ?, customer_key = ?, "
            "issue_date = ?, due_date = ?, currency = ?, notes = ?, payment_terms = ?, "
            "reference_id = ?, buyer_reference = ?, line_net = ?, vat_total = ?, total = ?, "
            "breakdown = ?, updated_hlc = ? WHERE id = ? AND status = 'draft'"_s,
            {textOrNull(d.customerId), d.customerName, searchKey(d.customerName),
             dateToText(d.issueDate), dateToText(d.dueDate), d.currency, d.notes, d.paymentTerms,
             textOrNull(d.referenceId), d.buyerReference, d.totals.lineNetSum, d.totals.vatTotal,
             d.totals.taxInclusive, breakdown, hlc, d.id}));
    }
    return writeLines(d);
}

Result<Document> Ledger::createDraft(Document d)
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
    if (!d.customerId.isEmpty()) {
        auto c = customer(d.customerId);
        if (!c)
            return validationError(u"customer"_s, u"unknown-customer"_s,
                                   u"the customer '%1' does not exist"_s.arg(d.customerId));
        d.customerName = c->name;
        if (d.currency.isEmpty())
            d.currency = c->currency;
    } else {
        d.customerName.clear();
    }
    if (d.currency.isEmpty()) {
        auto co = company();
        d.currency = co ? co->currency : u"EUR"_s;
    }
    if (!d.issueDate.isValid())
        d.issueDate = m_store.today();
    for (DocumentLine &l : d.lines)
        if (l.id.isEmpty())
            l.id = newUuid7();
    KONTOR_TRY(validateDraft(d, taxRateLookup()));
    KONTOR_TRY(computeTotals(d, taxRateLookup()));
    WriteTransaction tx(m_store);
    KONTOR_TRY(writeDocument(d, true));
    KONTOR_TRY(m_store.appendChange({documentKindName(d.kind), d.id, u"create"_s, toJson(d)}));
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

Result<Document> Ledger::issue(const QString &id, const IssueOptions &options)
{
    auto loaded = document(id);
    if (!loaded)
        return loaded.error();
    Document d = loaded.value();
    if (d.kind == DocumentKind::Quote)
        return Error {ErrorKind::Usage, u"kind"_s, u"quote-not-issuable"_s,
                      u"quotes are not issued; convert the quote to an invoice"_s};
    if (d.status != DocumentStatus::Draft)
        return Error {ErrorKind::Conflict, u"status"_s, u"already-issued"_s,
                      u"%1 is already issued as %2"_s.arg(documentKindName(d.kind), d.number)};

    QString seriesId = options.seriesId;
    if (seriesId.isEmpty()) {
        auto def = defaultSeries(d.kind);
        if (!def)
            return def.error();
        seriesId = def.value();
    }
    auto s = series(seriesId);
    if (!s)
        return s.error();
    const NumberSeries ser = s.value();

    if (options.issueDate.isValid())
        d.issueDate = options.issueDate;
    if (!d.issueDate.isValid())
        d.issueDate = m_store.today();
    const QList<DocumentLine> storedLines = d.lines;
    KONTOR_TRY(validateIssuable(d, taxRateLookup()));
    KONTOR_TRY(computeTotals(d, taxRateLookup()));

    auto cust = customer(d.customerId);
    if (!cust)
        return validationError(u"customer"_s, u"unknown-customer"_s,
                               u"the customer '%1' does not exist"_s.arg(d.customerId));
    if (!d.dueDate.isValid()) {
        int terms = cust->paymentTermsDays;
        if (terms < 0) {
            auto co = company();
            terms = co ? co->paymentTermsDays : 30;
        }
        d.dueDate = d.issueDate.addDays(terms);
    }
    if (d.dueDate < d.issueDate)
        return validationError(u"dueDate"_s, u"due-before-issue"_s,
                               u"the due date must not be before the issue date"_s);

    Document invoice;
    if (d.kind == DocumentKind::CreditNote) {
        auto inv = document(d.referenceId);
        if (!inv || inv->kind != DocumentKind::Invoice || !inv->isIssued())
            return validationError(u"reference"_s, u"invalid-reference"_s,
                                   u"a credit note must reference an issued invoice"_s);
        invoice = inv.value();
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
    }

    const qint64 sequence = options.expectedSequence.value_or(ser.nextNumber);
    KONTOR_TRY(validateSeriesNumber(ser, sequence, d.kind, m_store.deviceId()));

    d.seriesId = ser.id;
    d.sequence = sequence;
    d.number = ser.format(sequence);
    d.status = DocumentStatus::Issued;
    d.customerName = cust->name;
    d.customerSnapshot = cust.value();
    d.issuedByDevice = m_store.deviceId();

    const QJsonObject snapshot = toJson(d);
    const QByteArray snapshotBytes = canonicalBytes(snapshot);
    WriteTransaction tx(m_store);
    // Lines first: once the document is issued the triggers freeze them. Lines whose tax data
    // did not change since the draft was saved are already right and are not rewritten.
    if (d.lines != storedLines)
        KONTOR_TRY(writeLines(d));
    KONTOR_TRY(m_store.exec(
        u"UPDATE documents SET status = 'issued', series_id = ?, number = ?, sequence = ?, "
        "customer_name = ?, customer_key = ?, customer_snapshot = ?, issue_date = ?, "
        "due_date = ?, line_net = ?, vat_total = ?, total = ?, breakdown = ?, "
        "issued_by_device = ?, updated_hlc = ? WHERE id = ? AND status = 'draft'"_s,
        {d.seriesId, d.number, d.sequence, d.customerName, searchKey(d.customerName),
         QString::fromUtf8(canonicalBytes(snapshot.value(u"customer"_s).toObject())),
         dateToText(d.issueDate), dateToText(d.dueDate), d.totals.lineNetSum, d.totals.vatTotal,
         d.totals.taxInclusive,
         QString::fromUtf8(
             QJsonDocument(breakdownToJson(d.totals.breakdown)).toJson(QJsonDocument::Compact)),
         d.issuedByDevice, m_store.tick().toString(), d.id}));
    auto moved = m_store.exec(u"UPDATE series SET next_number = next_number + 1, updated_hlc = ? "
                              "WHERE id = ? AND next_number = ?"_s,
                              {m_store.tick().toString(), ser.id, sequence});
    if (!moved)
        return moved.error();
    if ((*moved)->numRowsAffected() != 1)
        return validationError(u"number"_s, u"number-out-of-sequence"_s,
                               u"series '%1' moved on while issuing; try again"_s.arg(ser.name));
    if (d.kind == DocumentKind::CreditNote) {
        KONTOR_TRY(m_store.exec(u"UPDATE documents SET credited = credited + ? WHERE id = ?"_s,
                                {d.totals.payable, invoice.id}));
        KONTOR_TRY(refreshStatus(invoice.id));
    }
    KONTOR_TRY(m_audit.appendEncoded(documentKindName(d.kind), d.id, u"issue"_s, snapshotBytes));
    KONTOR_TRY(m_store.appendChange(
        {documentKindName(d.kind), d.id, u"issue"_s, snapshot, snapshotBytes}));
    KONTOR_TRY(tx.commit());
    return d;
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
    // Search. Few matches: collect them through the number and customer-key indexes and sort
    // them. Many matches: walk the sort order and filter, the page fills quickly. A capped,
    // index-only count tells the two apart; walking the sort order for a rare term reads every
    // row (100 ms at 100k invoices), sorting a common term's matches reads them all.
    constexpr int SelectiveMatches = 2000;
    const QString term = query.search.trimmed();
    QVariantList searchBinds;
    bool selective = false;
    if (!term.isEmpty()) {
        const QString kind = documentKindName(query.kind);
        const QString key = searchKey(term);
        searchBinds = {kind, term, prefixEnd(term), kind, term.toUpper(), prefixEnd(term.toUpper()),
                       kind, key,  prefixEnd(key)};
        QVariantList countBinds = searchBinds;
        countBinds << SelectiveMatches;
        auto c = m_store.exec(
            u"SELECT count(*) FROM (SELECT 1 FROM documents WHERE kind = ? AND number >= ? "
            "AND number < ? UNION ALL SELECT 1 FROM documents WHERE kind = ? AND number >= ? "
            "AND number < ? UNION ALL SELECT 1 FROM documents WHERE kind = ? AND "
            "customer_key >= ? AND customer_key < ? LIMIT ?)"_s,
            countBinds);
        if (!c)
            return c.error();
        selective = (*c)->next() && (*c)->value(0).toInt() < SelectiveMatches;
        (*c)->finish();
    }
    // With the rowid list, `+d.kind` keeps the planner from walking the kind index instead.
    QString sql
        = u"SELECT d.id, d.kind, d.status, d.number, d.customer_id, d.customer_name, "
          "d.issue_date, d.due_date, d.currency, d.line_net, d.vat_total, d.total, "
          "d.paid, d.credited, d.reference_id, %1 FROM documents d WHERE %2d.kind = ?"_s.arg(
              col, selective ? u"+"_s : QString());
    QVariantList binds {documentKindName(query.kind)};
    appendDocumentFilters(query, sql, binds);
    if (selective) {
        sql += u" AND d.rowid IN (SELECT rowid FROM documents WHERE kind = ? AND number >= ? AND "
               "number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND number >= ? AND "
               "number < ? UNION SELECT rowid FROM documents WHERE kind = ? AND customer_key >= ? "
               "AND customer_key < ?)"_s;
        binds << searchBinds;
    } else if (!term.isEmpty()) {
        const QString key = searchKey(term);
        sql += u" AND ((d.number >= ? AND d.number < ?) OR (d.number >= ? AND d.number < ?) "
               "OR (d.customer_key >= ? AND d.customer_key < ?))"_s;
        binds << term << prefixEnd(term) << term.toUpper() << prefixEnd(term.toUpper()) << key
              << prefixEnd(key);
    }
    if (!query.after.isEmpty()) {
        QVariant v;
        QString id;
        if (!decodeCursor(query.after, &v, &id))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        sql += u" AND (%1, d.id) %2 (?, ?)"_s.arg(col, query.descending ? u"<"_s : u">"_s);
        binds << (query.sort == DocumentSort::Total ? QVariant(v.toLongLong())
                                                    : QVariant(v.toString()))
              << id;
    }
    const QString dir = query.descending ? u"DESC"_s : u"ASC"_s;
    sql += u" ORDER BY %1 %2, d.id %2 LIMIT ?"_s.arg(col, dir);
    const int limit = qBound(1, query.limit, 1000);
    binds << limit + 1;

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
