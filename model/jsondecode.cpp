#include "jsondecode.h"

#include "jsoncodec.h"
#include "money.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Kontor {
namespace {

// JSON numbers are doubles: integers beyond 2^53 are not exact, so they are refused.
constexpr double MaxExactInteger = 9007199254740992.0;

// Reads typed keys of one object, remembering the first error; each reader returns the default
// when the key is absent, so older peers that lack a newer key stay readable.
class Reader
{
public:
    Reader(const QJsonObject &o, QString where) : m_o(o), m_where(std::move(where)) { }

    QString path(const QString &key) const
    {
        return m_where.isEmpty() ? key : m_where + QLatin1Char('.') + key;
    }

    QString text(const QString &key, const QString &fallback = {})
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString()) {
            fail(key, u"expected a string"_s);
            return fallback;
        }
        return v.toString();
    }

    qint64 integer(const QString &key, qint64 fallback = 0)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        const double d = v.toDouble();
        if (!v.isDouble() || std::trunc(d) != d || std::fabs(d) > MaxExactInteger) {
            fail(key, u"expected an integer"_s);
            return fallback;
        }
        return v.toInteger();
    }

    bool boolean(const QString &key, bool fallback = false)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            fail(key, u"expected true or false"_s);
            return fallback;
        }
        return v.toBool();
    }

    QDate date(const QString &key)
    {
        const QString s = text(key);
        if (s.isEmpty())
            return {};
        const QDate d = dateFromText(s);
        if (!d.isValid())
            fail(key, u"expected a date as YYYY-MM-DD"_s);
        return d;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(key, u"expected an object"_s);
        return v.toObject();
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(key, u"expected an array"_s);
        return v.toArray();
    }

    void fail(const QString &key, const QString &message)
    {
        if (!m_error)
            m_error = validationError(path(key), u"bad-type"_s, message);
    }
    void adopt(const Error &e)
    {
        if (!m_error)
            m_error = e;
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    const QJsonObject &m_o;
    QString m_where;
    std::optional<Error> m_error;
};

template<typename T> Result<T> finish(const Reader &r, T value)
{
    if (r.error())
        return *r.error();
    return value;
}

TaxCategory category(Reader &r, const QString &key)
{
    const QString code = r.text(key, u"S"_s);
    const auto c = taxCategoryFromCode(code);
    if (!c) {
        r.fail(key, u"'%1' is not a VAT category code (S, Z, E, AE, K, G, O)"_s.arg(code));
        return TaxCategory::Standard;
    }
    return *c;
}

} // namespace

Result<PostalAddress> postalAddressFromJson(const QJsonObject &o, const QString &where)
{
    Reader r(o, where);
    PostalAddress a;
    a.street = r.text(u"street"_s);
    a.additional = r.text(u"additional"_s);
    a.postalCode = r.text(u"postalCode"_s);
    a.city = r.text(u"city"_s);
    a.region = r.text(u"region"_s);
    a.country = r.text(u"country"_s);
    return finish(r, a);
}

Result<CompanyProfile> companyFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    CompanyProfile c;
    c.name = r.text(u"name"_s);
    if (auto a = postalAddressFromJson(r.object(u"address"_s), u"address"_s))
        c.address = a.value();
    else
        r.adopt(a.error());
    c.vatId = r.text(u"vatId"_s);
    c.taxId = r.text(u"taxId"_s);
    c.email = r.text(u"email"_s);
    c.phone = r.text(u"phone"_s);
    c.currency = r.text(u"currency"_s, c.currency);
    c.iban = r.text(u"iban"_s);
    c.bic = r.text(u"bic"_s);
    c.bankName = r.text(u"bankName"_s);
    c.paymentTermsDays = int(r.integer(u"paymentTermsDays"_s, c.paymentTermsDays));
    const QString logo = r.text(u"logo"_s);
    if (!logo.isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(logo.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            r.fail(u"logo"_s, u"expected base64"_s);
        else
            c.logo = *decoded;
    }
    c.logoMime = r.text(u"logoMime"_s);
    return finish(r, c);
}

Result<TaxRate> taxRateFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    TaxRate t;
    t.id = r.text(u"id"_s);
    t.name = r.text(u"name"_s);
    const QString rate = r.text(u"rate"_s, u"0"_s);
    if (auto bp = parseFixed(rate, 2, u"rate"_s))
        t.rateBp = int(bp.value());
    else
        r.adopt(bp.error());
    t.category = category(r, u"category"_s);
    t.exemptionReason = r.text(u"exemptionReason"_s);
    t.exemptionReasonCode = r.text(u"exemptionReasonCode"_s);
    t.archived = r.boolean(u"archived"_s);
    return finish(r, t);
}

Result<Customer> customerFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    Customer c;
    c.id = r.text(u"id"_s);
    c.name = r.text(u"name"_s);
    c.email = r.text(u"email"_s);
    c.vatId = r.text(u"vatId"_s);
    c.taxId = r.text(u"taxId"_s);
    if (auto a = postalAddressFromJson(r.object(u"billingAddress"_s), u"billingAddress"_s))
        c.billingAddress = a.value();
    else
        r.adopt(a.error());
    if (auto a = postalAddressFromJson(r.object(u"shippingAddress"_s), u"shippingAddress"_s))
        c.shippingAddress = a.value();
    else
        r.adopt(a.error());
    c.paymentTermsDays = int(r.integer(u"paymentTermsDays"_s, -1));
    c.currency = r.text(u"currency"_s);
    c.notes = r.text(u"notes"_s);
    c.archived = r.boolean(u"archived"_s);
    return finish(r, c);
}

Result<Product> productFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    Product p;
    p.id = r.text(u"id"_s);
    p.name = r.text(u"name"_s);
    p.description = r.text(u"description"_s);
    p.unit = r.text(u"unit"_s, p.unit);
    p.unitPrice = r.integer(u"unitPrice"_s);
    p.currency = r.text(u"currency"_s);
    p.taxRateId = r.text(u"taxRateId"_s);
    p.archived = r.boolean(u"archived"_s);
    return finish(r, p);
}

Result<NumberSeries> seriesFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    NumberSeries s;
    s.id = r.text(u"id"_s);
    s.name = r.text(u"name"_s);
    s.prefix = r.text(u"prefix"_s);
    s.width = int(r.integer(u"width"_s, s.width));
    s.nextNumber = r.integer(u"nextNumber"_s, 1);
    const QString kind = r.text(u"kind"_s, u"invoice"_s);
    if (auto k = documentKindFromName(kind))
        s.kind = *k;
    else
        r.fail(u"kind"_s, u"'%1' is not a document kind"_s.arg(kind));
    s.holderDeviceId = r.text(u"holderDeviceId"_s);
    return finish(r, s);
}

Result<DocumentLine> documentLineFromJson(const QJsonObject &o, const QString &where)
{
    Reader r(o, where);
    DocumentLine l;
    l.id = r.text(u"id"_s);
    l.productId = r.text(u"productId"_s);
    l.description = r.text(u"description"_s);
    l.quantity = r.integer(u"quantity"_s);
    l.unit = r.text(u"unit"_s, l.unit);
    l.unitPrice = r.integer(u"unitPrice"_s);
    l.discountBp = int(r.integer(u"discountBp"_s));
    l.taxRateId = r.text(u"taxRateId"_s);
    l.taxCategory = category(r, u"taxCategory"_s);
    l.taxRateBp = int(r.integer(u"taxRateBp"_s));
    l.exemptionReason = r.text(u"exemptionReason"_s);
    l.exemptionReasonCode = r.text(u"exemptionReasonCode"_s);
    l.grossMinor = r.integer(u"gross"_s);
    l.allowanceMinor = r.integer(u"allowance"_s);
    l.netMinor = r.integer(u"net"_s);
    return finish(r, l);
}

Result<DocumentTotals> totalsFromJson(const QJsonObject &o)
{
    Reader r(o, u"totals"_s);
    DocumentTotals t;
    t.lineNetSum = r.integer(u"lineNetSum"_s);
    t.allowances = r.integer(u"allowances"_s);
    t.charges = r.integer(u"charges"_s);
    t.taxExclusive = r.integer(u"taxExclusive"_s);
    t.vatTotal = r.integer(u"vatTotal"_s);
    t.taxInclusive = r.integer(u"taxInclusive"_s);
    t.prepaid = r.integer(u"prepaid"_s);
    t.rounding = r.integer(u"rounding"_s);
    t.payable = r.integer(u"payable"_s);
    const QJsonArray breakdown = r.array(u"breakdown"_s);
    for (qsizetype i = 0; i < breakdown.size(); ++i) {
        const QString where = u"totals.breakdown[%1]"_s.arg(i);
        if (!breakdown.at(i).isObject()) {
            r.adopt(validationError(where, u"bad-type"_s, u"expected an object"_s));
            break;
        }
        const QJsonObject bo = breakdown.at(i).toObject();
        Reader br(bo, where);
        VatBreakdown b;
        b.category = category(br, u"category"_s);
        b.rateBp = int(br.integer(u"rateBp"_s));
        b.taxableMinor = br.integer(u"taxable"_s);
        b.vatMinor = br.integer(u"vat"_s);
        b.exemptionReason = br.text(u"exemptionReason"_s);
        b.exemptionReasonCode = br.text(u"exemptionReasonCode"_s);
        if (br.error())
            r.adopt(*br.error());
        t.breakdown.append(b);
    }
    return finish(r, t);
}

Result<Document> documentFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    Document d;
    d.id = r.text(u"id"_s);
    const QString kind = r.text(u"kind"_s, u"invoice"_s);
    if (auto k = documentKindFromName(kind))
        d.kind = *k;
    else
        r.fail(u"kind"_s, u"'%1' is not a document kind"_s.arg(kind));
    d.seriesId = r.text(u"seriesId"_s);
    d.number = r.text(u"number"_s);
    d.sequence = r.integer(u"sequence"_s);
    d.customerId = r.text(u"customerId"_s);
    const QJsonObject snapshot = r.object(u"customer"_s);
    if (!snapshot.isEmpty()) {
        if (auto c = customerFromJson(snapshot)) {
            d.customerSnapshot = c.value();
            d.customerName = d.customerSnapshot.name;
        } else {
            Error e = c.error();
            e.field = u"customer."_s + e.field;
            r.adopt(e);
        }
    }
    d.issueDate = r.date(u"issueDate"_s);
    d.dueDate = r.date(u"dueDate"_s);
    d.currency = r.text(u"currency"_s);
    d.notes = r.text(u"notes"_s);
    d.paymentTerms = r.text(u"paymentTerms"_s);
    d.referenceId = r.text(u"referenceId"_s);
    d.buyerReference = r.text(u"buyerReference"_s);
    const QJsonArray lines = r.array(u"lines"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString where = u"lines[%1]"_s.arg(i);
        if (!lines.at(i).isObject()) {
            r.adopt(validationError(where, u"bad-type"_s, u"expected an object"_s));
            break;
        }
        auto line = documentLineFromJson(lines.at(i).toObject(), where);
        if (!line) {
            r.adopt(line.error());
            break;
        }
        d.lines.append(line.value());
    }
    if (auto t = totalsFromJson(r.object(u"totals"_s)))
        d.totals = t.value();
    else
        r.adopt(t.error());
    d.status = d.number.isEmpty() || d.kind == DocumentKind::Quote ? DocumentStatus::Draft
                                                                   : DocumentStatus::Issued;
    return finish(r, d);
}

Result<Expense> expenseFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    Expense e;
    e.id = r.text(u"id"_s);
    e.supplier = r.text(u"supplier"_s);
    e.supplierVatId = r.text(u"supplierVatId"_s);
    e.date = r.date(u"date"_s);
    e.category = r.text(u"category"_s);
    e.currency = r.text(u"currency"_s);
    e.netMinor = r.integer(u"net"_s);
    e.vatMinor = r.integer(u"vat"_s);
    e.totalMinor = r.integer(u"total"_s);
    e.notes = r.text(u"notes"_s);
    return finish(r, e);
}

Result<Payment> paymentFromJson(const QJsonObject &o)
{
    Reader r(o, {});
    Payment p;
    p.id = r.text(u"id"_s);
    const QString target = r.text(u"target"_s, u"invoice"_s);
    if (target == u"invoice")
        p.target = PaymentTarget::Invoice;
    else if (target == u"expense")
        p.target = PaymentTarget::Expense;
    else
        r.fail(u"target"_s, u"expected \"invoice\" or \"expense\""_s);
    p.targetId = r.text(u"targetId"_s);
    p.date = r.date(u"date"_s);
    p.amountMinor = r.integer(u"amount"_s);
    p.currency = r.text(u"currency"_s);
    p.method = r.text(u"method"_s);
    p.reference = r.text(u"reference"_s);
    p.overpayment = r.boolean(u"overpayment"_s);
    return finish(r, p);
}

} // namespace Kontor
