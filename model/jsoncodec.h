// JSON forms of the ledger's records. The same form feeds the outbox (changed fields), the audit
// chain (canonical payload: QJsonObject keeps keys sorted and integers exact, so the compact
// encoding is canonical) and the command line's --json output.
#pragma once

#include "entities.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Kontor {

QJsonObject toJson(const PostalAddress &a);
QJsonObject toJson(const CompanyProfile &c); // logo as base64
QJsonObject toJson(const TaxRate &r);
QJsonObject toJson(const Customer &c);
QJsonObject toJson(const Product &p);
QJsonObject toJson(const NumberSeries &s);
QJsonObject toJson(const DocumentLine &l);
QJsonObject toJson(const DocumentTotals &t);
QJsonObject toJson(const Document &d);
QJsonObject toJson(const Expense &e); // receipts by id, name and hash, without data
QJsonObject toJson(const Payment &p);

// The canonical byte form of a JSON object for hashing.
QByteArray canonicalBytes(const QJsonObject &o);

// The same bytes as canonicalBytes(toJson(x)) (keys sorted, compact, integers exact, strings
// escaped as QJsonDocument escapes them), written directly without building a QJsonObject. The
// write paths use these: a document is encoded once for its outbox entry and its audit entry.
QByteArray canonicalJson(const PostalAddress &a);
QByteArray canonicalJson(const CompanyProfile &c);
QByteArray canonicalJson(const TaxRate &r);
QByteArray canonicalJson(const Customer &c);
QByteArray canonicalJson(const Product &p);
QByteArray canonicalJson(const NumberSeries &s);
QByteArray canonicalJson(const DocumentLine &l);
QByteArray canonicalJson(const DocumentTotals &t);
QByteArray canonicalJson(const Expense &e);
QByteArray canonicalJson(const Payment &p);
// The VAT breakdown as a compact JSON array: the form of "totals.breakdown" and of the
// documents.breakdown column.
QByteArray canonicalJson(const QList<VatBreakdown> &breakdown);
// A document; when given, `customer` and `breakdown` receive the encoded customer snapshot and
// VAT breakdown as they appear inside it (the documents.customer_snapshot and .breakdown
// columns), without encoding them twice.
QByteArray canonicalJson(const Document &d, QByteArray *customer = nullptr,
                         QByteArray *breakdown = nullptr);

// Keys whose values differ between two objects, with the new values (the outbox's "changed
// fields"). Keys missing from `after` map to null.
QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after);

QString dateToText(const QDate &d);
QDate dateFromText(const QString &s);

} // namespace Kontor
