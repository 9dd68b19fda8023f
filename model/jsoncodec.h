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

// Keys whose values differ between two objects, with the new values (the outbox's "changed
// fields"). Keys missing from `after` map to null.
QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after);

QString dateToText(const QDate &d);
QDate dateFromText(const QString &s);

} // namespace Kontor
