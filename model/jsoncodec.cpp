#include "jsoncodec.h"

#include "money.h"

#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Kontor {

QString dateToText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QDate dateFromText(const QString &s)
{
    return s.isEmpty() ? QDate() : QDate::fromString(s, Qt::ISODate);
}

QJsonObject toJson(const PostalAddress &a)
{
    return {{u"street"_s, a.street},         {u"additional"_s, a.additional},
            {u"postalCode"_s, a.postalCode}, {u"city"_s, a.city},
            {u"region"_s, a.region},         {u"country"_s, a.country}};
}

QJsonObject toJson(const CompanyProfile &c)
{
    return {{u"name"_s, c.name},
            {u"address"_s, toJson(c.address)},
            {u"vatId"_s, c.vatId},
            {u"taxId"_s, c.taxId},
            {u"email"_s, c.email},
            {u"phone"_s, c.phone},
            {u"currency"_s, c.currency},
            {u"iban"_s, c.iban},
            {u"bic"_s, c.bic},
            {u"bankName"_s, c.bankName},
            {u"paymentTermsDays"_s, c.paymentTermsDays},
            {u"logo"_s, QString::fromLatin1(c.logo.toBase64())},
            {u"logoMime"_s, c.logoMime}};
}

QJsonObject toJson(const TaxRate &r)
{
    return {{u"id"_s, r.id},
            {u"name"_s, r.name},
            {u"rate"_s, formatFixed(r.rateBp, 2)},
            {u"category"_s, taxCategoryCode(r.category)},
            {u"exemptionReason"_s, r.exemptionReason},
            {u"exemptionReasonCode"_s, r.exemptionReasonCode},
            {u"archived"_s, r.archived}};
}

QJsonObject toJson(const Customer &c)
{
    return {{u"id"_s, c.id},
            {u"name"_s, c.name},
            {u"email"_s, c.email},
            {u"vatId"_s, c.vatId},
            {u"taxId"_s, c.taxId},
            {u"billingAddress"_s, toJson(c.billingAddress)},
            {u"shippingAddress"_s, toJson(c.shippingAddress)},
            {u"paymentTermsDays"_s, c.paymentTermsDays},
            {u"currency"_s, c.currency},
            {u"notes"_s, c.notes},
            {u"archived"_s, c.archived}};
}

QJsonObject toJson(const Product &p)
{
    return {{u"id"_s, p.id},
            {u"name"_s, p.name},
            {u"description"_s, p.description},
            {u"unit"_s, p.unit},
            {u"unitPrice"_s, p.unitPrice},
            {u"currency"_s, p.currency},
            {u"taxRateId"_s, p.taxRateId},
            {u"archived"_s, p.archived}};
}

QJsonObject toJson(const NumberSeries &s)
{
    return {{u"id"_s, s.id},
            {u"name"_s, s.name},
            {u"prefix"_s, s.prefix},
            {u"width"_s, s.width},
            {u"nextNumber"_s, s.nextNumber},
            {u"kind"_s, documentKindName(s.kind)},
            {u"holderDeviceId"_s, s.holderDeviceId}};
}

QJsonObject toJson(const DocumentLine &l)
{
    return {{u"id"_s, l.id},
            {u"productId"_s, l.productId},
            {u"description"_s, l.description},
            {u"quantity"_s, l.quantity},
            {u"unit"_s, l.unit},
            {u"unitPrice"_s, l.unitPrice},
            {u"discountBp"_s, l.discountBp},
            {u"taxRateId"_s, l.taxRateId},
            {u"taxCategory"_s, taxCategoryCode(l.taxCategory)},
            {u"taxRateBp"_s, l.taxRateBp},
            {u"exemptionReason"_s, l.exemptionReason},
            {u"exemptionReasonCode"_s, l.exemptionReasonCode},
            {u"gross"_s, l.grossMinor},
            {u"allowance"_s, l.allowanceMinor},
            {u"net"_s, l.netMinor}};
}

QJsonObject toJson(const DocumentTotals &t)
{
    QJsonArray breakdown;
    for (const VatBreakdown &b : t.breakdown)
        breakdown.append(QJsonObject {{u"category"_s, taxCategoryCode(b.category)},
                                      {u"rateBp"_s, b.rateBp},
                                      {u"taxable"_s, b.taxableMinor},
                                      {u"vat"_s, b.vatMinor},
                                      {u"exemptionReason"_s, b.exemptionReason},
                                      {u"exemptionReasonCode"_s, b.exemptionReasonCode}});
    return {{u"lineNetSum"_s, t.lineNetSum}, {u"allowances"_s, t.allowances},
            {u"charges"_s, t.charges},       {u"taxExclusive"_s, t.taxExclusive},
            {u"vatTotal"_s, t.vatTotal},     {u"taxInclusive"_s, t.taxInclusive},
            {u"prepaid"_s, t.prepaid},       {u"rounding"_s, t.rounding},
            {u"payable"_s, t.payable},       {u"breakdown"_s, breakdown}};
}

QJsonObject toJson(const Document &d)
{
    QJsonArray lines;
    for (const DocumentLine &l : d.lines)
        lines.append(toJson(l));
    return {{u"id"_s, d.id},
            {u"kind"_s, documentKindName(d.kind)},
            {u"seriesId"_s, d.seriesId},
            {u"number"_s, d.number},
            {u"sequence"_s, d.sequence},
            {u"customerId"_s, d.customerId},
            {u"customer"_s, d.isIssued() ? toJson(d.customerSnapshot) : QJsonObject()},
            {u"issueDate"_s, dateToText(d.issueDate)},
            {u"dueDate"_s, dateToText(d.dueDate)},
            {u"currency"_s, d.currency},
            {u"notes"_s, d.notes},
            {u"paymentTerms"_s, d.paymentTerms},
            {u"referenceId"_s, d.referenceId},
            {u"buyerReference"_s, d.buyerReference},
            {u"lines"_s, lines},
            {u"totals"_s, toJson(d.totals)}};
}

QJsonObject toJson(const Expense &e)
{
    QJsonArray receipts;
    for (const ReceiptFile &r : e.receipts)
        receipts.append(QJsonObject {{u"id"_s, r.id},
                                     {u"fileName"_s, r.fileName},
                                     {u"mimeType"_s, r.mimeType},
                                     {u"sha256"_s, r.sha256}});
    return {{u"id"_s, e.id},
            {u"supplier"_s, e.supplier},
            {u"supplierVatId"_s, e.supplierVatId},
            {u"date"_s, dateToText(e.date)},
            {u"category"_s, e.category},
            {u"currency"_s, e.currency},
            {u"net"_s, e.netMinor},
            {u"vat"_s, e.vatMinor},
            {u"total"_s, e.totalMinor},
            {u"notes"_s, e.notes},
            {u"receipts"_s, receipts}};
}

QJsonObject toJson(const Payment &p)
{
    return {{u"id"_s, p.id},
            {u"target"_s, p.target == PaymentTarget::Invoice ? u"invoice"_s : u"expense"_s},
            {u"targetId"_s, p.targetId},
            {u"date"_s, dateToText(p.date)},
            {u"amount"_s, p.amountMinor},
            {u"currency"_s, p.currency},
            {u"method"_s, p.method},
            {u"reference"_s, p.reference},
            {u"overpayment"_s, p.overpayment}};
}

QByteArray canonicalBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject out;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value())
            out.insert(it.key(), it.value());
    for (auto it = before.begin(); it != before.end(); ++it)
        if (!after.contains(it.key()))
            out.insert(it.key(), QJsonValue::Null);
    return out;
}

} // namespace Kontor
