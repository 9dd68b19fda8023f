#include "jsoncodec.h"

#include "money.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Kontor {

QString dateToText(const QDate &d)
{
    if (!d.isValid())
        return {};
    int year = 0, month = 0, day = 0;
    d.getDate(&year, &month, &day);
    if (year < 0 || year > 9999)
        return d.toString(Qt::ISODate);
    // What Qt::ISODate gives, without its general formatter: written on every document write.
    const char16_t text[10] = {char16_t(u'0' + year / 1000),
                               char16_t(u'0' + year / 100 % 10),
                               char16_t(u'0' + year / 10 % 10),
                               char16_t(u'0' + year % 10),
                               u'-',
                               char16_t(u'0' + month / 10),
                               char16_t(u'0' + month % 10),
                               u'-',
                               char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar *>(text), 10);
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

namespace {

// A growing byte buffer written through a cursor: the encoder's hot loop does no bounds checks of
// its own beyond one reserve per value.
class JsonOut
{
public:
    JsonOut() { grow(1024); }

    void reserve(qsizetype n)
    {
        if (m_end - m_cursor < n)
            grow(n);
    }
    void put(char c)
    {
        reserve(1);
        *m_cursor++ = c;
    }
    void write(const char *s, qsizetype n)
    {
        reserve(n);
        std::memcpy(m_cursor, s, size_t(n));
        m_cursor += n;
    }
    qsizetype position() const { return m_cursor - m_buffer.constData(); }
    QByteArray slice(qsizetype from, qsizetype to) const
    {
        return QByteArray(m_buffer.constData() + from, to - from);
    }
    QByteArray take()
    {
        m_buffer.truncate(position());
        m_cursor = m_end = nullptr;
        return std::move(m_buffer);
    }

    void number(qint64 v)
    {
        char digits[24];
        char *p = digits + sizeof digits;
        // Negative values are built as negatives, so the smallest qint64 needs no special case.
        const bool negative = v < 0;
        do {
            const int d = int(v % 10);
            *--p = char('0' + (negative ? -d : d));
            v /= 10;
        } while (v != 0);
        if (negative)
            *--p = '-';
        write(p, digits + sizeof digits - p);
    }
    void boolean(bool b) { b ? write("true", 4) : write("false", 5); }

    // As QJsonDocument writes a string: UTF-8, with ", \ and control characters escaped, and
    // UTF-16 that is not valid (a lone surrogate) as a \u escape of the code unit.
    void string(QStringView s)
    {
        static const char hex[] = "0123456789abcdef";
        reserve(6 * s.size() + 2);
        char *out = m_cursor;
        *out++ = '"';
        const char16_t *src = s.utf16();
        const char16_t *const end = src + s.size();
        while (src != end) {
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != u'"' && u != u'\\') {
                    *out++ = char(u);
                    continue;
                }
                *out++ = '\\';
                switch (u) {
                case u'"':
                    *out++ = '"';
                    break;
                case u'\\':
                    *out++ = '\\';
                    break;
                case 0x08:
                    *out++ = 'b';
                    break;
                case 0x0c:
                    *out++ = 'f';
                    break;
                case 0x0a:
                    *out++ = 'n';
                    break;
                case 0x0d:
                    *out++ = 'r';
                    break;
                case 0x09:
                    *out++ = 't';
                    break;
                default:
                    *out++ = 'u';
                    *out++ = '0';
                    *out++ = '0';
                    *out++ = hex[u >> 4];
                    *out++ = hex[u & 0xf];
                }
            } else if (u < 0x800) {
                *out++ = char(0xc0 | (u >> 6));
                *out++ = char(0x80 | (u & 0x3f));
            } else if (!QChar::isSurrogate(u)) {
                *out++ = char(0xe0 | (u >> 12));
                *out++ = char(0x80 | ((u >> 6) & 0x3f));
                *out++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
                const char32_t c = QChar::surrogateToUcs4(u, *src++);
                *out++ = char(0xf0 | (c >> 18));
                *out++ = char(0x80 | ((c >> 12) & 0x3f));
                *out++ = char(0x80 | ((c >> 6) & 0x3f));
                *out++ = char(0x80 | (c & 0x3f));
            } else {
                *out++ = '\\';
                *out++ = 'u';
                *out++ = hex[(u >> 12) & 0xf];
                *out++ = hex[(u >> 8) & 0xf];
                *out++ = hex[(u >> 4) & 0xf];
                *out++ = hex[u & 0xf];
            }
        }
        *out++ = '"';
        m_cursor = out;
    }

private:
    void grow(qsizetype n)
    {
        const qsizetype used = m_cursor ? position() : 0;
        m_buffer.resize(std::max(2 * m_buffer.size(), used + n + 256));
        m_cursor = m_buffer.data() + used;
        m_end = m_buffer.data() + m_buffer.size();
    }

    QByteArray m_buffer;
    char *m_cursor = nullptr;
    char *m_end = nullptr;
};

// One JSON object being written. Keys must come in the order QJsonObject keeps them (UTF-16
// code-unit order, here plain byte order of ASCII names); debug builds check it.
class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(JsonOut &out) : m_out(out) { m_out.put('{'); }
    ~JsonObjectWriter() { m_out.put('}'); }
    JsonObjectWriter(const JsonObjectWriter &) = delete;
    JsonObjectWriter &operator=(const JsonObjectWriter &) = delete;

    template<std::size_t N> JsonOut &key(const char (&name)[N])
    {
        Q_ASSERT_X(!m_last || std::strcmp(m_last, name) < 0, "canonicalJson",
                   "keys out of canonical order");
        m_last = name;
        if (m_count++ > 0)
            m_out.put(',');
        m_out.put('"');
        m_out.write(name, N - 1);
        m_out.write("\":", 2);
        return m_out;
    }
    template<std::size_t N> void field(const char (&name)[N], const QString &v)
    {
        key(name).string(v);
    }
    template<std::size_t N> void field(const char (&name)[N], qint64 v) { key(name).number(v); }
    template<std::size_t N> void field(const char (&name)[N], int v) { key(name).number(v); }
    template<std::size_t N> void field(const char (&name)[N], bool v) { key(name).boolean(v); }

private:
    JsonOut &m_out;
    const char *m_last = nullptr;
    int m_count = 0;
};

void writeJson(JsonOut &out, const PostalAddress &a)
{
    JsonObjectWriter o(out);
    o.field("additional", a.additional);
    o.field("city", a.city);
    o.field("country", a.country);
    o.field("postalCode", a.postalCode);
    o.field("region", a.region);
    o.field("street", a.street);
}

void writeJson(JsonOut &out, const CompanyProfile &c)
{
    JsonObjectWriter o(out);
    writeJson(o.key("address"), c.address);
    o.field("bankName", c.bankName);
    o.field("bic", c.bic);
    o.field("currency", c.currency);
    o.field("email", c.email);
    o.field("iban", c.iban);
    o.field("logo", QString::fromLatin1(c.logo.toBase64()));
    o.field("logoMime", c.logoMime);
    o.field("name", c.name);
    o.field("paymentTermsDays", c.paymentTermsDays);
    o.field("phone", c.phone);
    o.field("taxId", c.taxId);
    o.field("vatId", c.vatId);
}

void writeJson(JsonOut &out, const TaxRate &r)
{
    JsonObjectWriter o(out);
    o.field("archived", r.archived);
    o.key("category").string(taxCategoryCode(r.category));
    o.field("exemptionReason", r.exemptionReason);
    o.field("exemptionReasonCode", r.exemptionReasonCode);
    o.field("id", r.id);
    o.field("name", r.name);
    o.field("rate", formatFixed(r.rateBp, 2));
}

void writeJson(JsonOut &out, const Customer &c)
{
    JsonObjectWriter o(out);
    o.field("archived", c.archived);
    writeJson(o.key("billingAddress"), c.billingAddress);
    o.field("currency", c.currency);
    o.field("email", c.email);
    o.field("id", c.id);
    o.field("name", c.name);
    o.field("notes", c.notes);
    o.field("paymentTermsDays", c.paymentTermsDays);
    writeJson(o.key("shippingAddress"), c.shippingAddress);
    o.field("taxId", c.taxId);
    o.field("vatId", c.vatId);
}

void writeJson(JsonOut &out, const Product &p)
{
    JsonObjectWriter o(out);
    o.field("archived", p.archived);
    o.field("currency", p.currency);
    o.field("description", p.description);
    o.field("id", p.id);
    o.field("name", p.name);
    o.field("taxRateId", p.taxRateId);
    o.field("unit", p.unit);
    o.field("unitPrice", p.unitPrice);
}

void writeJson(JsonOut &out, const NumberSeries &s)
{
    JsonObjectWriter o(out);
    o.field("holderDeviceId", s.holderDeviceId);
    o.field("id", s.id);
    o.key("kind").string(documentKindName(s.kind));
    o.field("name", s.name);
    o.field("nextNumber", s.nextNumber);
    o.field("prefix", s.prefix);
    o.field("width", s.width);
}

void writeJson(JsonOut &out, const DocumentLine &l)
{
    JsonObjectWriter o(out);
    o.field("allowance", l.allowanceMinor);
    o.field("description", l.description);
    o.field("discountBp", l.discountBp);
    o.field("exemptionReason", l.exemptionReason);
    o.field("exemptionReasonCode", l.exemptionReasonCode);
    o.field("gross", l.grossMinor);
    o.field("id", l.id);
    o.field("net", l.netMinor);
    o.field("productId", l.productId);
    o.field("quantity", l.quantity);
    o.key("taxCategory").string(taxCategoryCode(l.taxCategory));
    o.field("taxRateBp", l.taxRateBp);
    o.field("taxRateId", l.taxRateId);
    o.field("unit", l.unit);
    o.field("unitPrice", l.unitPrice);
}

void writeJson(JsonOut &out, const QList<VatBreakdown> &list)
{
    out.put('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out.put(',');
        const VatBreakdown &b = list.at(i);
        JsonObjectWriter o(out);
        o.key("category").string(taxCategoryCode(b.category));
        o.field("exemptionReason", b.exemptionReason);
        o.field("exemptionReasonCode", b.exemptionReasonCode);
        o.field("rateBp", b.rateBp);
        o.field("taxable", b.taxableMinor);
        o.field("vat", b.vatMinor);
    }
    out.put(']');
}

void writeJson(JsonOut &out, const DocumentTotals &t, qsizetype *breakdownFrom = nullptr,
               qsizetype *breakdownTo = nullptr)
{
    JsonObjectWriter o(out);
    o.field("allowances", t.allowances);
    o.key("breakdown");
    if (breakdownFrom)
        *breakdownFrom = out.position();
    writeJson(out, t.breakdown);
    if (breakdownTo)
        *breakdownTo = out.position();
    o.field("charges", t.charges);
    o.field("lineNetSum", t.lineNetSum);
    o.field("payable", t.payable);
    o.field("prepaid", t.prepaid);
    o.field("rounding", t.rounding);
    o.field("taxExclusive", t.taxExclusive);
    o.field("taxInclusive", t.taxInclusive);
    o.field("vatTotal", t.vatTotal);
}

void writeJson(JsonOut &out, const Expense &e)
{
    JsonObjectWriter o(out);
    o.field("category", e.category);
    o.field("currency", e.currency);
    o.field("date", dateToText(e.date));
    o.field("id", e.id);
    o.field("net", e.netMinor);
    o.field("notes", e.notes);
    JsonOut &receipts = o.key("receipts");
    receipts.put('[');
    for (qsizetype i = 0; i < e.receipts.size(); ++i) {
        if (i > 0)
            receipts.put(',');
        const ReceiptFile &r = e.receipts.at(i);
        JsonObjectWriter ro(receipts);
        ro.field("fileName", r.fileName);
        ro.field("id", r.id);
        ro.field("mimeType", r.mimeType);
        ro.field("sha256", r.sha256);
    }
    receipts.put(']');
    o.field("supplier", e.supplier);
    o.field("supplierVatId", e.supplierVatId);
    o.field("total", e.totalMinor);
    o.field("vat", e.vatMinor);
}

void writeJson(JsonOut &out, const Payment &p)
{
    JsonObjectWriter o(out);
    o.field("amount", p.amountMinor);
    o.field("currency", p.currency);
    o.field("date", dateToText(p.date));
    o.field("id", p.id);
    o.field("method", p.method);
    o.field("overpayment", p.overpayment);
    o.field("reference", p.reference);
    o.key("target").string(p.target == PaymentTarget::Invoice ? u"invoice"_s : u"expense"_s);
    o.field("targetId", p.targetId);
}

template<typename T> QByteArray encode(const T &value)
{
    JsonOut out;
    writeJson(out, value);
    return out.take();
}

} // namespace

QByteArray canonicalJson(const PostalAddress &a)
{
    return encode(a);
}

QByteArray canonicalJson(const CompanyProfile &c)
{
    return encode(c);
}

QByteArray canonicalJson(const TaxRate &r)
{
    return encode(r);
}

QByteArray canonicalJson(const Customer &c)
{
    return encode(c);
}

QByteArray canonicalJson(const Product &p)
{
    return encode(p);
}

QByteArray canonicalJson(const NumberSeries &s)
{
    return encode(s);
}

QByteArray canonicalJson(const DocumentLine &l)
{
    return encode(l);
}

QByteArray canonicalJson(const DocumentTotals &t)
{
    return encode(t);
}

QByteArray canonicalJson(const Expense &e)
{
    return encode(e);
}

QByteArray canonicalJson(const Payment &p)
{
    return encode(p);
}

QByteArray canonicalJson(const QList<VatBreakdown> &breakdown)
{
    return encode(breakdown);
}

QByteArray canonicalJson(const Document &d, QByteArray *customer, QByteArray *breakdown)
{
    JsonOut out;
    out.reserve(1024 + 512 * d.lines.size());
    qsizetype customerFrom = 0, customerTo = 0, breakdownFrom = 0, breakdownTo = 0;
    {
        JsonObjectWriter o(out);
        o.field("buyerReference", d.buyerReference);
        o.field("currency", d.currency);
        o.key("customer");
        customerFrom = out.position();
        if (d.isIssued())
            writeJson(out, d.customerSnapshot);
        else
            out.write("{}", 2);
        customerTo = out.position();
        o.field("customerId", d.customerId);
        o.field("dueDate", dateToText(d.dueDate));
        o.field("id", d.id);
        o.field("issueDate", dateToText(d.issueDate));
        o.key("kind").string(documentKindName(d.kind));
        JsonOut &lines = o.key("lines");
        lines.put('[');
        for (qsizetype i = 0; i < d.lines.size(); ++i) {
            if (i > 0)
                lines.put(',');
            writeJson(lines, d.lines.at(i));
        }
        lines.put(']');
        o.field("notes", d.notes);
        o.field("number", d.number);
        o.field("paymentTerms", d.paymentTerms);
        o.field("referenceId", d.referenceId);
        o.field("sequence", d.sequence);
        o.field("seriesId", d.seriesId);
        writeJson(o.key("totals"), d.totals, &breakdownFrom, &breakdownTo);
    }
    if (customer)
        *customer = out.slice(customerFrom, customerTo);
    if (breakdown)
        *breakdown = out.slice(breakdownFrom, breakdownTo);
    return out.take();
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
