// Internal helpers shared by the ledger's translation units: row readers and cursors.
#pragma once

#include "entities.h"
#include "jsoncodec.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Kontor::detail {

inline QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

inline QVariant dateOrNull(const QDate &d)
{
    return d.isValid() ? QVariant(dateToText(d)) : QVariant(QMetaType(QMetaType::QString));
}

// Keyset cursor: the sort value and id of the last row of a page.
inline QString encodeCursor(const QVariant &sortValue, const QString &id)
{
    const QJsonArray a {QJsonValue::fromVariant(sortValue), id};
    return QString::fromLatin1(
        QJsonDocument(a)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline bool decodeCursor(const QString &cursor, QVariant *sortValue, QString *id)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isArray() || doc.array().size() != 2 || !doc.array().at(1).isString())
        return false;
    *sortValue = doc.array().at(0).toVariant();
    *id = doc.array().at(1).toString();
    return true;
}

// Upper bound for a prefix range scan: every string starting with `prefix` sorts below it.
inline QString prefixEnd(const QString &prefix)
{
    return prefix + QChar(0xFFFF);
}

inline Error notFound(const QString &what, const QString &id)
{
    return Error {ErrorKind::NotFound,
                  {},
                  QStringLiteral("not-found"),
                  QStringLiteral("%1 '%2' does not exist").arg(what, id)};
}

Customer readCustomer(const QSqlQuery &q, int base = 0);
extern const char *const kCustomerColumns;
Product readProduct(const QSqlQuery &q, int base = 0);
extern const char *const kProductColumns;
TaxRate readTaxRate(const QSqlQuery &q, int base = 0);
extern const char *const kTaxRateColumns;
NumberSeries readSeries(const QSqlQuery &q, int base = 0);
extern const char *const kSeriesColumns;
Customer customerFromJson(const QJsonObject &o);

} // namespace Kontor::detail
