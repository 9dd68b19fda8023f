// Payments, expenses and receipts.
#include "ledger.h"

#include "ledger_p.h"
#include "money.h"
#include "rules.h"
#include "uuid7.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using namespace Kontor::detail;

namespace Kontor {

namespace {

constexpr qsizetype MaxReceiptBytes = 20 * 1024 * 1024;

// The receipt's bytes must be what its type says: a receipt that cannot be opened is lost.
QString sniffMime(const QByteArray &data)
{
    if (data.startsWith("%PDF-"))
        return u"application/pdf"_s;
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (data.startsWith("\xFF\xD8\xFF"))
        return u"image/jpeg"_s;
    if (data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

const char *const kExpenseColumns = "id, supplier, supplier_vat_id, date, category, currency, "
                                    "net, vat, total, paid, notes";

Expense readExpense(const QSqlQuery &q)
{
    Expense e;
    e.id = q.value(0).toString();
    e.supplier = q.value(1).toString();
    e.supplierVatId = q.value(2).toString();
    e.date = dateFromText(q.value(3).toString());
    e.category = q.value(4).toString();
    e.currency = q.value(5).toString();
    e.netMinor = q.value(6).toLongLong();
    e.vatMinor = q.value(7).toLongLong();
    e.totalMinor = q.value(8).toLongLong();
    e.paidMinor = q.value(9).toLongLong();
    e.notes = q.value(10).toString();
    return e;
}

} // namespace

Result<Payment> Ledger::recordPayment(Payment p)
{
    if (p.id.isEmpty())
        p.id = newUuid7();
    if (!p.date.isValid())
        p.date = m_store.today();
    qint64 balance = 0;
    QString currency;
    QString label;
    if (p.target == PaymentTarget::Invoice) {
        // Only the balance is needed: no lines, no snapshot or breakdown to parse.
        auto q = m_store.exec(u"SELECT kind, status, total - paid - credited, currency, number "
                              "FROM documents WHERE id = ?"_s,
                              {p.targetId});
        if (!q)
            return q.error();
        if (!(*q)->next())
            return validationError(u"invoice"_s, u"unknown-invoice"_s,
                                   u"the invoice '%1' does not exist"_s.arg(p.targetId));
        const DocumentKind kind
            = documentKindFromName((*q)->value(0).toString()).value_or(DocumentKind::Invoice);
        const bool draft = (*q)->value(1).toString() == u"draft"_s;
        balance = (*q)->value(2).toLongLong();
        currency = (*q)->value(3).toString();
        label = (*q)->value(4).toString();
        (*q)->finish();
        if (kind != DocumentKind::Invoice)
            return validationError(
                u"invoice"_s, u"not-an-invoice"_s,
                u"payments are recorded on invoices, not on %1s"_s.arg(documentKindName(kind)));
        if (draft)
            return validationError(u"invoice"_s, u"invoice-not-issued"_s,
                                   u"a draft cannot be paid; issue it first"_s);
    } else {
        auto e = expense(p.targetId);
        if (!e)
            return validationError(u"expense"_s, u"unknown-expense"_s,
                                   u"the expense '%1' does not exist"_s.arg(p.targetId));
        balance = e->totalMinor - e->paidMinor;
        currency = e->currency;
        label = e->supplier;
    }
    if (p.currency.isEmpty())
        p.currency = currency;
    Status valid = validatePayment(p, balance, currency);
    if (!valid) {
        Error e = valid.error();
        if (e.rule == u"overpayment"_s)
            e.message = u"the payment of %1 exceeds the open balance of %2 on %3; record it "
                        "explicitly as an overpayment if that is intended"_s.arg(
                            formatAmount(p.amountMinor, currency), formatAmount(balance, currency),
                            label);
        return e;
    }

    WriteTransaction tx(m_store);
    const bool invoice = p.target == PaymentTarget::Invoice;
    KONTOR_TRY(m_store.exec(
        u"INSERT INTO payments(id, target, document_id, expense_id, date, amount, currency, "
        "method, reference, overpayment, created_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {p.id, invoice ? u"invoice"_s : u"expense"_s,
         invoice ? QVariant(p.targetId) : QVariant(QMetaType(QMetaType::QString)),
         invoice ? QVariant(QMetaType(QMetaType::QString)) : QVariant(p.targetId),
         dateToText(p.date), p.amountMinor, p.currency, p.method, p.reference, p.overpayment,
         m_store.tick().toString()}));
    if (invoice) {
        KONTOR_TRY(m_store.exec(u"UPDATE documents SET paid = paid + ? WHERE id = ?"_s,
                                {p.amountMinor, p.targetId}));
        KONTOR_TRY(refreshStatus(p.targetId));
    } else {
        KONTOR_TRY(m_store.exec(u"UPDATE expenses SET paid = paid + ? WHERE id = ?"_s,
                                {p.amountMinor, p.targetId}));
    }
    const QJsonObject json = toJson(p);
    const QByteArray bytes = canonicalBytes(json);
    KONTOR_TRY(m_audit.appendEncoded(u"payment"_s, p.id, u"payment"_s, bytes));
    KONTOR_TRY(m_store.appendChange({u"payment"_s, p.id, u"create"_s, json, bytes}));
    KONTOR_TRY(tx.commit());
    return p;
}

Result<QList<Payment>> Ledger::payments(const QString &targetId) const
{
    auto q = m_store.exec(u"SELECT id, target, coalesce(document_id, expense_id), date, amount, "
                          "currency, method, reference, overpayment FROM payments WHERE "
                          "document_id = ? OR expense_id = ? ORDER BY date, id"_s,
                          {targetId, targetId});
    if (!q)
        return q.error();
    QList<Payment> out;
    while ((*q)->next()) {
        Payment p;
        p.id = (*q)->value(0).toString();
        p.target = (*q)->value(1).toString() == u"invoice"_s ? PaymentTarget::Invoice
                                                             : PaymentTarget::Expense;
        p.targetId = (*q)->value(2).toString();
        p.date = dateFromText((*q)->value(3).toString());
        p.amountMinor = (*q)->value(4).toLongLong();
        p.currency = (*q)->value(5).toString();
        p.method = (*q)->value(6).toString();
        p.reference = (*q)->value(7).toString();
        p.overpayment = (*q)->value(8).toBool();
        out.append(p);
    }
    return out;
}

Result<Page<PaymentSummary>> Ledger::paymentList(const PaymentQuery &query) const
{
    QString sql = u"SELECT p.id, p.target, coalesce(p.document_id, p.expense_id), p.date, "
                  "p.amount, p.currency, p.method, p.reference, p.overpayment, "
                  "coalesce(d.number, e.supplier), coalesce(d.customer_name, '') FROM payments p "
                  "LEFT JOIN documents d ON d.id = p.document_id LEFT JOIN expenses e ON e.id = "
                  "p.expense_id WHERE 1"_s;
    QVariantList binds;
    if (query.target) {
        sql += u" AND p.target = ?"_s;
        binds << (*query.target == PaymentTarget::Invoice ? u"invoice"_s : u"expense"_s);
    }
    if (query.from.isValid()) {
        sql += u" AND p.date >= ?"_s;
        binds << dateToText(query.from);
    }
    if (query.to.isValid()) {
        sql += u" AND p.date <= ?"_s;
        binds << dateToText(query.to);
    }
    if (!query.after.isEmpty()) {
        QVariant v;
        QString id;
        if (!decodeCursor(query.after, &v, &id))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        sql += u" AND (p.date, p.id) < (?, ?)"_s;
        binds << v.toString() << id;
    }
    const int limit = qBound(1, query.limit, 1000);
    sql += u" ORDER BY p.date DESC, p.id DESC LIMIT ?"_s;
    binds << limit + 1;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    Page<PaymentSummary> page;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        if (page.items.size() == limit) {
            const Payment &last = page.items.last().payment;
            page.next = encodeCursor(dateToText(last.date), last.id);
            break;
        }
        PaymentSummary s;
        s.payment.id = r.value(0).toString();
        s.payment.target = r.value(1).toString() == u"invoice"_s ? PaymentTarget::Invoice
                                                                 : PaymentTarget::Expense;
        s.payment.targetId = r.value(2).toString();
        s.payment.date = dateFromText(r.value(3).toString());
        s.payment.amountMinor = r.value(4).toLongLong();
        s.payment.currency = r.value(5).toString();
        s.payment.method = r.value(6).toString();
        s.payment.reference = r.value(7).toString();
        s.payment.overpayment = r.value(8).toBool();
        s.targetLabel = r.value(9).toString();
        s.partyName = r.value(10).toString();
        page.items.append(s);
    }
    (*q)->finish();
    return page;
}

Result<MonthlyFigures> Ledger::monthlyFigures(int year, const QString &currency) const
{
    MonthlyFigures f;
    const QString from = u"%1-01-01"_s.arg(year, 4, 10, QChar(u'0'));
    const QString to = u"%1-12-31"_s.arg(year, 4, 10, QChar(u'0'));
    // Revenue is net of VAT: invoices add, credit notes subtract.
    auto q = m_store.exec(u"SELECT CAST(substr(issue_date, 6, 2) AS INTEGER), sum(CASE kind WHEN "
                          "'credit_note' THEN -line_net ELSE line_net END) FROM documents WHERE "
                          "kind IN ('invoice', 'credit_note') AND status <> 'draft' AND issue_date "
                          "BETWEEN ? AND ? AND currency = ? GROUP BY 1"_s,
                          {from, to, currency});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        const int m = (*q)->value(0).toInt();
        if (m >= 1 && m <= 12)
            f.revenueMinor[m - 1] = (*q)->value(1).toLongLong();
    }
    q = m_store.exec(u"SELECT CAST(substr(date, 6, 2) AS INTEGER), sum(net) FROM expenses WHERE "
                     "date BETWEEN ? AND ? AND currency = ? GROUP BY 1"_s,
                     {from, to, currency});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        const int m = (*q)->value(0).toInt();
        if (m >= 1 && m <= 12)
            f.expensesMinor[m - 1] = (*q)->value(1).toLongLong();
    }
    return f;
}

Result<QList<CustomerRevenue>> Ledger::topCustomers(int year, const QString &currency,
                                                    int count) const
{
    auto q = m_store.exec(u"SELECT customer_id, max(customer_name), sum(CASE kind WHEN "
                          "'credit_note' THEN -line_net ELSE line_net END) AS revenue FROM "
                          "documents WHERE kind IN ('invoice', 'credit_note') AND status <> "
                          "'draft' AND issue_date BETWEEN ? AND ? AND currency = ? GROUP BY "
                          "customer_id ORDER BY revenue DESC, customer_id LIMIT ?"_s,
                          {u"%1-01-01"_s.arg(year, 4, 10, QChar(u'0')),
                           u"%1-12-31"_s.arg(year, 4, 10, QChar(u'0')), currency,
                           qBound(1, count, 100)});
    if (!q)
        return q.error();
    QList<CustomerRevenue> out;
    while ((*q)->next())
        out.append(
            {(*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toLongLong()});
    return out;
}

Result<Expense> Ledger::addExpense(Expense e)
{
    if (e.id.isEmpty())
        e.id = newUuid7();
    if (e.currency.isEmpty()) {
        auto co = company();
        e.currency = co ? co->currency : u"EUR"_s;
    }
    if (e.totalMinor == 0 && (e.netMinor != 0 || e.vatMinor != 0))
        e.totalMinor = e.netMinor + e.vatMinor;
    e.paidMinor = 0;
    KONTOR_TRY(validateExpense(e));
    WriteTransaction tx(m_store);
    const QString hlc = m_store.tick().toString();
    KONTOR_TRY(
        m_store.exec(u"INSERT INTO expenses(%1, created_hlc, updated_hlc) VALUES (?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(QLatin1StringView(kExpenseColumns)),
                     {e.id, e.supplier, e.supplierVatId, dateToText(e.date), e.category, e.currency,
                      e.netMinor, e.vatMinor, e.totalMinor, e.paidMinor, e.notes, hlc, hlc}));
    QList<ReceiptFile> receipts = e.receipts;
    e.receipts.clear();
    KONTOR_TRY(m_store.appendChange({u"expense"_s, e.id, u"create"_s, toJson(e)}));
    for (const ReceiptFile &r : receipts) {
        auto added = attachReceipt(e.id, r.fileName, r.mimeType, r.data);
        if (!added)
            return added.error();
        e.receipts.append(added.value());
    }
    KONTOR_TRY(tx.commit());
    return e;
}

Status Ledger::updateExpense(const Expense &e)
{
    auto before = expense(e.id);
    if (!before)
        return before.error();
    Expense next = e;
    next.paidMinor = before->paidMinor;
    next.receipts = before->receipts;
    KONTOR_TRY(validateExpense(next));
    if (next.totalMinor < next.paidMinor)
        return validationError(u"total"_s, u"below-paid"_s,
                               u"the total cannot be less than what was already paid (%1)"_s.arg(
                                   formatAmount(next.paidMinor, next.currency)));
    const QJsonObject fields = changedFields(toJson(before.value()), toJson(next));
    if (fields.isEmpty())
        return {};
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"UPDATE expenses SET supplier = ?, supplier_vat_id = ?, date = ?, "
                            "category = ?, currency = ?, net = ?, vat = ?, total = ?, notes = ?, "
                            "updated_hlc = ? WHERE id = ?"_s,
                            {next.supplier, next.supplierVatId, dateToText(next.date),
                             next.category, next.currency, next.netMinor, next.vatMinor,
                             next.totalMinor, next.notes, m_store.tick().toString(), next.id}));
    KONTOR_TRY(m_store.appendChange({u"expense"_s, e.id, u"update"_s, fields}));
    return tx.commit();
}

Status Ledger::deleteExpense(const QString &id)
{
    auto e = expense(id);
    if (!e)
        return e.error();
    if (e->paidMinor > 0)
        return Error {ErrorKind::Conflict, u"expense"_s, u"expense-paid"_s,
                      u"the expense has payments recorded and cannot be deleted"_s};
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"DELETE FROM expenses WHERE id = ?"_s, {id}));
    KONTOR_TRY(m_audit.append(u"expense"_s, id, u"delete"_s, toJson(e.value())));
    KONTOR_TRY(m_store.appendChange({u"expense"_s, id, u"delete"_s, {}}));
    return tx.commit();
}

Result<ReceiptFile> Ledger::attachReceipt(const QString &expenseId, const QString &fileName,
                                          const QString &mimeType, const QByteArray &data)
{
    KONTOR_TRY(expense(expenseId));
    if (data.isEmpty())
        return validationError(u"receipt"_s, u"empty-file"_s, u"the receipt file is empty"_s);
    if (data.size() > MaxReceiptBytes)
        return validationError(u"receipt"_s, u"too-large"_s,
                               u"a receipt may be at most 20 MiB (this one is %1 MiB)"_s.arg(
                                   data.size() / (1024 * 1024)));
    const QString sniffed = sniffMime(data);
    if (sniffed.isEmpty())
        return validationError(u"receipt"_s, u"unsupported-type"_s,
                               u"'%1' is not a PDF, PNG, JPEG or WebP file"_s.arg(fileName));
    if (!mimeType.isEmpty() && mimeType != sniffed)
        return validationError(
            u"receipt"_s, u"type-mismatch"_s,
            u"'%1' was declared as %2 but its content is %3"_s.arg(fileName, mimeType, sniffed));
    ReceiptFile r;
    r.id = newUuid7();
    r.fileName = fileName.isEmpty() ? u"receipt"_s : fileName;
    r.mimeType = sniffed;
    r.sha256
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(
        u"INSERT INTO receipts(id, expense_id, file_name, mime_type, data, "
        "sha256, created_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {r.id, expenseId, r.fileName, r.mimeType, data, r.sha256, m_store.tick().toString()}));
    KONTOR_TRY(
        m_store.appendChange({u"receipt"_s, r.id, u"create"_s,
                              QJsonObject {{u"expenseId"_s, expenseId},
                                           {u"fileName"_s, r.fileName},
                                           {u"mimeType"_s, r.mimeType},
                                           {u"sha256"_s, r.sha256},
                                           {u"data"_s, QString::fromLatin1(data.toBase64())}}}));
    KONTOR_TRY(tx.commit());
    return r;
}

Result<ReceiptFile> Ledger::receipt(const QString &receiptId) const
{
    auto q = m_store.exec(
        u"SELECT id, file_name, mime_type, data, sha256 FROM receipts WHERE id = ?"_s, {receiptId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"receipt"_s, receiptId);
    ReceiptFile r {(*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toString(),
                   (*q)->value(3).toByteArray(), (*q)->value(4).toString()};
    (*q)->finish();
    return r;
}

Result<Expense> Ledger::expense(const QString &id) const
{
    auto q = m_store.exec(
        u"SELECT %1 FROM expenses WHERE id = ?"_s.arg(QLatin1StringView(kExpenseColumns)), {id});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"expense"_s, id);
    Expense e = readExpense(**q);
    (*q)->finish();
    auto r = m_store.exec(u"SELECT id, file_name, mime_type, sha256 FROM receipts WHERE "
                          "expense_id = ? ORDER BY id"_s,
                          {id});
    if (!r)
        return r.error();
    while ((*r)->next())
        e.receipts.append(ReceiptFile {(*r)->value(0).toString(),
                                       (*r)->value(1).toString(),
                                       (*r)->value(2).toString(),
                                       {},
                                       (*r)->value(3).toString()});
    return e;
}

Result<Page<Expense>> Ledger::expenses(const ExpenseQuery &query) const
{
    QString sql = u"SELECT %1 FROM expenses WHERE 1"_s.arg(QLatin1StringView(kExpenseColumns));
    QVariantList binds;
    if (query.from.isValid()) {
        sql += u" AND date >= ?"_s;
        binds << dateToText(query.from);
    }
    if (query.to.isValid()) {
        sql += u" AND date <= ?"_s;
        binds << dateToText(query.to);
    }
    if (!query.category.isEmpty()) {
        sql += u" AND category = ?"_s;
        binds << query.category;
    }
    if (!query.after.isEmpty()) {
        QVariant v;
        QString id;
        if (!decodeCursor(query.after, &v, &id))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        sql += u" AND (date, id) < (?, ?)"_s;
        binds << v.toString() << id;
    }
    const int limit = qBound(1, query.limit, 1000);
    sql += u" ORDER BY date DESC, id DESC LIMIT ?"_s;
    binds << limit + 1;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    Page<Expense> page;
    while ((*q)->next()) {
        if (page.items.size() == limit) {
            page.next = encodeCursor(dateToText(page.items.last().date), page.items.last().id);
            break;
        }
        page.items.append(readExpense(**q));
    }
    (*q)->finish();
    return page;
}

} // namespace Kontor
