#include "ledger.h"

#include "ledger_p.h"
#include "money.h"
#include "rules.h"
#include "schema.h"
#include "uuid7.h"

#include <QSqlRecord>

using namespace Qt::StringLiterals;
using namespace Kontor::detail;

namespace Kontor {

namespace detail {

const char *const kCustomerColumns
    = "id, name, email, vat_id, tax_id, b_street, b_additional, b_postal_code, b_city, "
      "b_region, b_country, s_street, s_additional, s_postal_code, s_city, s_region, "
      "s_country, payment_terms_days, currency, notes, archived";
const char *const kProductColumns
    = "id, name, description, unit, unit_price, currency, tax_rate_id, archived";
const char *const kTaxRateColumns
    = "id, name, rate_bp, category, exemption_reason, exemption_code, archived";
const char *const kSeriesColumns = "id, name, prefix, width, next_number, kind, holder_device";

Customer readCustomer(const QSqlQuery &q, int b)
{
    Customer c;
    c.id = q.value(b + 0).toString();
    c.name = q.value(b + 1).toString();
    c.email = q.value(b + 2).toString();
    c.vatId = q.value(b + 3).toString();
    c.taxId = q.value(b + 4).toString();
    c.billingAddress
        = {q.value(b + 5).toString(), q.value(b + 6).toString(), q.value(b + 7).toString(),
           q.value(b + 8).toString(), q.value(b + 9).toString(), q.value(b + 10).toString()};
    c.shippingAddress
        = {q.value(b + 11).toString(), q.value(b + 12).toString(), q.value(b + 13).toString(),
           q.value(b + 14).toString(), q.value(b + 15).toString(), q.value(b + 16).toString()};
    c.paymentTermsDays = q.value(b + 17).toInt();
    c.currency = q.value(b + 18).toString();
    c.notes = q.value(b + 19).toString();
    c.archived = q.value(b + 20).toBool();
    return c;
}

Product readProduct(const QSqlQuery &q, int b)
{
    Product p;
    p.id = q.value(b + 0).toString();
    p.name = q.value(b + 1).toString();
    p.description = q.value(b + 2).toString();
    p.unit = q.value(b + 3).toString();
    p.unitPrice = q.value(b + 4).toLongLong();
    p.currency = q.value(b + 5).toString();
    p.taxRateId = q.value(b + 6).toString();
    p.archived = q.value(b + 7).toBool();
    return p;
}

TaxRate readTaxRate(const QSqlQuery &q, int b)
{
    TaxRate r;
    r.id = q.value(b + 0).toString();
    r.name = q.value(b + 1).toString();
    r.rateBp = q.value(b + 2).toInt();
    r.category = taxCategoryFromCode(q.value(b + 3).toString()).value_or(TaxCategory::Standard);
    r.exemptionReason = q.value(b + 4).toString();
    r.exemptionReasonCode = q.value(b + 5).toString();
    r.archived = q.value(b + 6).toBool();
    return r;
}

NumberSeries readSeries(const QSqlQuery &q, int b)
{
    NumberSeries s;
    s.id = q.value(b + 0).toString();
    s.name = q.value(b + 1).toString();
    s.prefix = q.value(b + 2).toString();
    s.width = q.value(b + 3).toInt();
    s.nextNumber = q.value(b + 4).toLongLong();
    s.kind = documentKindFromName(q.value(b + 5).toString()).value_or(DocumentKind::Invoice);
    s.holderDeviceId = q.value(b + 6).toString();
    return s;
}

static PostalAddress addressFromJson(const QJsonObject &o)
{
    return {o.value(u"street"_s).toString(),     o.value(u"additional"_s).toString(),
            o.value(u"postalCode"_s).toString(), o.value(u"city"_s).toString(),
            o.value(u"region"_s).toString(),     o.value(u"country"_s).toString()};
}

Customer customerFromJson(const QJsonObject &o)
{
    Customer c;
    c.id = o.value(u"id"_s).toString();
    c.name = o.value(u"name"_s).toString();
    c.email = o.value(u"email"_s).toString();
    c.vatId = o.value(u"vatId"_s).toString();
    c.taxId = o.value(u"taxId"_s).toString();
    c.billingAddress = addressFromJson(o.value(u"billingAddress"_s).toObject());
    c.shippingAddress = addressFromJson(o.value(u"shippingAddress"_s).toObject());
    c.paymentTermsDays = o.value(u"paymentTermsDays"_s).toInt(-1);
    c.currency = o.value(u"currency"_s).toString();
    c.notes = o.value(u"notes"_s).toString();
    c.archived = o.value(u"archived"_s).toBool();
    return c;
}

} // namespace detail

namespace {

QVariantList customerBinds(const Customer &c)
{
    return {c.id,
            c.name,
            c.email,
            c.vatId,
            c.taxId,
            c.billingAddress.street,
            c.billingAddress.additional,
            c.billingAddress.postalCode,
            c.billingAddress.city,
            c.billingAddress.region,
            c.billingAddress.country,
            c.shippingAddress.street,
            c.shippingAddress.additional,
            c.shippingAddress.postalCode,
            c.shippingAddress.city,
            c.shippingAddress.region,
            c.shippingAddress.country,
            c.paymentTermsDays,
            c.currency,
            c.notes,
            c.archived};
}

struct DefaultRate
{
    const char *name;
    int bp;
    TaxCategory category;
    const char *reason;
    const char *code;
};

// Starting tax rates for a new ledger. Standard rates of a few countries are known; any other
// country gets the categories without a standard rate, which the user adds in Settings.
QList<DefaultRate> defaultRates(const QString &country)
{
    QList<DefaultRate> out;
    static const QHash<QString, QList<std::pair<const char *, int>>> standard = {
        {u"IT"_s, {{"IVA 22%", 2200}, {"IVA 10%", 1000}, {"IVA 5%", 500}, {"IVA 4%", 400}}},
        {u"DE"_s, {{"USt 19%", 1900}, {"USt 7%", 700}}},
        {u"AT"_s, {{"USt 20%", 2000}, {"USt 10%", 1000}, {"USt 13%", 1300}}},
        {u"FR"_s, {{"TVA 20%", 2000}, {"TVA 10%", 1000}, {"TVA 5,5%", 550}}},
        {u"ES"_s, {{"IVA 21%", 2100}, {"IVA 10%", 1000}, {"IVA 4%", 400}}},
        {u"NL"_s, {{"BTW 21%", 2100}, {"BTW 9%", 900}}},
        {u"BE"_s, {{"BTW 21%", 2100}, {"BTW 6%", 600}}},
        {u"DK"_s, {{"Moms 25%", 2500}}},
        {u"SE"_s, {{"Moms 25%", 2500}, {"Moms 12%", 1200}, {"Moms 6%", 600}}},
        {u"IE"_s, {{"VAT 23%", 2300}, {"VAT 13.5%", 1350}}},
        {u"PT"_s, {{"IVA 23%", 2300}, {"IVA 13%", 1300}, {"IVA 6%", 600}}},
        {u"GB"_s, {{"VAT 20%", 2000}, {"VAT 5%", 500}}},
    };
    for (const auto &[name, bp] : standard.value(country))
        out.append({name, bp, TaxCategory::Standard, "", ""});
    out.append({"Zero rated", 0, TaxCategory::Zero, "", ""});
    out.append({"Exempt", 0, TaxCategory::Exempt, "Exempt from VAT", ""});
    out.append({"Reverse charge", 0, TaxCategory::ReverseCharge, "Reverse charge", "VATEX-EU-AE"});
    out.append({"Intra-community supply", 0, TaxCategory::IntraCommunity, "Intra-community supply",
                "VATEX-EU-IC"});
    out.append(
        {"Export outside the EU", 0, TaxCategory::Export, "Export outside the EU", "VATEX-EU-G"});
    out.append({"Outside the scope of VAT", 0, TaxCategory::OutOfScope, "Not subject to VAT",
                "VATEX-EU-O"});
    return out;
}

} // namespace

Ledger::Ledger(Store &store) : m_store(store), m_audit(store) { }

TaxRateLookup Ledger::taxRateLookup() const
{
    return [this](const QString &id) { return taxRate(id); };
}

bool Ledger::isInitialized() const
{
    auto q = m_store.database().exec(u"SELECT count(*) FROM company"_s);
    return q.next() && q.value(0).toInt() > 0;
}

Status Ledger::initialize(const CompanyProfile &company, const QString &seriesPrefix)
{
    if (isInitialized())
        return Error {ErrorKind::Conflict,
                      {},
                      u"already-initialized"_s,
                      u"the ledger already has a company profile"_s};
    WriteTransaction tx(m_store);
    KONTOR_TRY(setCompany(company));
    for (const DefaultRate &d : defaultRates(company.address.country)) {
        TaxRate r;
        r.name = QString::fromUtf8(d.name);
        r.rateBp = d.bp;
        r.category = d.category;
        r.exemptionReason = QString::fromUtf8(d.reason);
        r.exemptionReasonCode = QString::fromUtf8(d.code);
        auto added = addTaxRate(r);
        if (!added)
            return added.error();
    }
    NumberSeries inv;
    inv.name = u"Invoices"_s;
    inv.prefix = seriesPrefix;
    inv.kind = DocumentKind::Invoice;
    auto s1 = addSeries(inv);
    if (!s1)
        return s1.error();
    NumberSeries cn;
    cn.name = u"Credit notes"_s;
    cn.prefix = seriesPrefix + u"CN-"_s;
    cn.kind = DocumentKind::CreditNote;
    auto s2 = addSeries(cn);
    if (!s2)
        return s2.error();
    return tx.commit();
}

Result<CompanyProfile> Ledger::company() const
{
    // Through the statement cache: drafts and issues read the company on every call.
    auto r = m_store.exec(
        u"SELECT name, street, additional, postal_code, city, region, country, vat_id, tax_id, "
        "email, phone, currency, iban, bic, bank_name, payment_terms_days, logo, logo_mime "
        "FROM company WHERE id = 1"_s);
    if (!r)
        return r.error();
    QSqlQuery &q = **r;
    if (!q.next())
        return Error {ErrorKind::NotFound,
                      {},
                      u"not-initialized"_s,
                      u"the ledger has no company profile yet"_s};
    CompanyProfile c;
    c.name = q.value(0).toString();
    c.address = {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                 q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
    c.vatId = q.value(7).toString();
    c.taxId = q.value(8).toString();
    c.email = q.value(9).toString();
    c.phone = q.value(10).toString();
    c.currency = q.value(11).toString();
    c.iban = q.value(12).toString();
    c.bic = q.value(13).toString();
    c.bankName = q.value(14).toString();
    c.paymentTermsDays = q.value(15).toInt();
    c.logo = q.value(16).toByteArray();
    c.logoMime = q.value(17).toString();
    q.finish();
    return c;
}

Status Ledger::setCompany(const CompanyProfile &c)
{
    KONTOR_TRY(validateCompany(c));
    const auto before = company();
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(
        u"INSERT INTO company(id, name, street, additional, postal_code, city, region, country, "
        "vat_id, tax_id, email, phone, currency, iban, bic, bank_name, payment_terms_days, "
        "logo, logo_mime, updated_hlc) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, street = "
        "excluded.street, additional = excluded.additional, postal_code = "
        "excluded.postal_code, city = excluded.city, region = excluded.region, country = "
        "excluded.country, vat_id = excluded.vat_id, tax_id = excluded.tax_id, email = "
        "excluded.email, phone = excluded.phone, currency = excluded.currency, iban = "
        "excluded.iban, bic = excluded.bic, bank_name = excluded.bank_name, "
        "payment_terms_days = excluded.payment_terms_days, logo = excluded.logo, logo_mime = "
        "excluded.logo_mime, updated_hlc = excluded.updated_hlc"_s,
        QVariantList {c.name, c.address.street, c.address.additional, c.address.postalCode,
                      c.address.city, c.address.region, c.address.country, c.vatId, c.taxId,
                      c.email, c.phone, c.currency, c.iban, c.bic, c.bankName, c.paymentTermsDays,
                      c.logo.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                       : QVariant(c.logo),
                      c.logoMime, m_store.tick().toString()}));
    const QJsonObject fields
        = before ? changedFields(toJson(before.value()), toJson(c)) : toJson(c);
    if (!fields.isEmpty())
        KONTOR_TRY(m_store.appendChange(
            {u"company"_s, u"company"_s, before ? u"update"_s : u"create"_s, fields}));
    return tx.commit();
}

Result<TaxRate> Ledger::addTaxRate(TaxRate rate)
{
    if (rate.id.isEmpty())
        rate.id = newUuid7();
    KONTOR_TRY(validateTaxRate(rate));
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(
        u"INSERT INTO tax_rates(id, name, rate_bp, category, exemption_reason, "
        "exemption_code, archived, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {rate.id, rate.name, rate.rateBp, taxCategoryCode(rate.category), rate.exemptionReason,
         rate.exemptionReasonCode, rate.archived, m_store.tick().toString()}));
    KONTOR_TRY(m_store.appendChange({u"tax_rate"_s, rate.id, u"create"_s, toJson(rate)}));
    invalidateTaxRates();
    KONTOR_TRY(tx.commit());
    return rate;
}

Status Ledger::updateTaxRate(const TaxRate &rate)
{
    const auto before = taxRate(rate.id);
    if (!before)
        return notFound(u"tax rate"_s, rate.id);
    KONTOR_TRY(validateTaxRate(rate));
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"UPDATE tax_rates SET name = ?, rate_bp = ?, category = ?, "
                            "exemption_reason = ?, exemption_code = ?, archived = ?, updated_hlc = "
                            "? WHERE id = ?"_s,
                            {rate.name, rate.rateBp, taxCategoryCode(rate.category),
                             rate.exemptionReason, rate.exemptionReasonCode, rate.archived,
                             m_store.tick().toString(), rate.id}));
    KONTOR_TRY(m_store.appendChange(
        {u"tax_rate"_s, rate.id, u"update"_s, changedFields(toJson(*before), toJson(rate))}));
    invalidateTaxRates();
    return tx.commit();
}

Result<QList<TaxRate>> Ledger::taxRates(bool includeArchived) const
{
    auto q = m_store.exec(u"SELECT %1 FROM tax_rates ORDER BY category, rate_bp DESC, name"_s.arg(
        QLatin1StringView(kTaxRateColumns)));
    if (!q)
        return q.error();
    QList<TaxRate> out;
    while ((*q)->next()) {
        TaxRate r = readTaxRate(**q);
        if (includeArchived || !r.archived)
            out.append(r);
    }
    return out;
}

std::optional<TaxRate> Ledger::taxRate(const QString &id) const
{
    if (!m_taxRatesLoaded) {
        m_taxRates.clear();
        auto all = taxRates(true);
        if (!all)
            return std::nullopt;
        for (const TaxRate &r : all.value())
            m_taxRates.insert(r.id, r);
        m_taxRatesLoaded = true;
    }
    auto it = m_taxRates.constFind(id);
    if (it == m_taxRates.cend())
        return std::nullopt;
    return *it;
}

Result<NumberSeries> Ledger::addSeries(NumberSeries s)
{
    if (s.id.isEmpty())
        s.id = newUuid7();
    if (s.holderDeviceId.isEmpty())
        s.holderDeviceId = m_store.deviceId();
    KONTOR_TRY(validateSeries(s));
    auto existing = seriesList();
    if (!existing)
        return existing.error();
    for (const NumberSeries &o : existing.value())
        if (o.prefix == s.prefix)
            return validationError(u"prefix"_s, u"duplicate-prefix"_s,
                                   u"series '%1' already uses the prefix '%2'; numbers must stay "
                                   "unique"_s.arg(o.name, s.prefix));
    WriteTransaction tx(m_store);
    KONTOR_TRY(
        m_store.exec(u"INSERT INTO series(id, name, prefix, width, next_number, kind, "
                     "holder_device, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                     {s.id, s.name, s.prefix, s.width, s.nextNumber, documentKindName(s.kind),
                      s.holderDeviceId, m_store.tick().toString()}));
    KONTOR_TRY(m_store.appendChange({u"series"_s, s.id, u"create"_s, toJson(s)}));
    KONTOR_TRY(tx.commit());
    return s;
}

Result<QList<NumberSeries>> Ledger::seriesList() const
{
    auto q = m_store.exec(
        u"SELECT %1 FROM series ORDER BY kind, name"_s.arg(QLatin1StringView(kSeriesColumns)));
    if (!q)
        return q.error();
    QList<NumberSeries> out;
    while ((*q)->next())
        out.append(readSeries(**q));
    return out;
}

Result<NumberSeries> Ledger::series(const QString &id) const
{
    auto q = m_store.exec(
        u"SELECT %1 FROM series WHERE id = ?"_s.arg(QLatin1StringView(kSeriesColumns)), {id});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"series"_s, id);
    NumberSeries s = readSeries(**q);
    (*q)->finish();
    return s;
}

Result<QString> Ledger::defaultSeries(DocumentKind kind) const
{
    // The oldest series of the kind that this device holds (ids are time-ordered).
    auto q = m_store.exec(u"SELECT id FROM series WHERE kind = ? AND holder_device = ? ORDER BY "
                          "id LIMIT 1"_s,
                          {documentKindName(kind), m_store.deviceId()});
    if (!q)
        return q.error();
    if ((*q)->next()) {
        const QString id = (*q)->value(0).toString();
        (*q)->finish();
        return id;
    }
    return validationError(
        u"series"_s, u"no-series"_s,
        u"this device holds no %1 series; add one in Settings"_s.arg(documentKindName(kind)));
}

Result<Customer> Ledger::addCustomer(Customer c)
{
    if (c.id.isEmpty())
        c.id = newUuid7();
    KONTOR_TRY(validateCustomer(c));
    WriteTransaction tx(m_store);
    const QString hlc = m_store.tick().toString();
    QVariantList binds = customerBinds(c);
    binds << searchKey(c.name) << hlc << hlc;
    KONTOR_TRY(m_store.exec(u"INSERT INTO customers(%1, name_key, created_hlc, updated_hlc) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?)"_s.arg(QLatin1StringView(kCustomerColumns)),
                            binds));
    KONTOR_TRY(m_store.appendChange({u"customer"_s, c.id, u"create"_s, toJson(c)}));
    KONTOR_TRY(tx.commit());
    return c;
}

Status Ledger::updateCustomer(const Customer &c)
{
    auto before = customer(c.id);
    if (!before)
        return before.error();
    KONTOR_TRY(validateCustomer(c));
    const QJsonObject fields = changedFields(toJson(before.value()), toJson(c));
    if (fields.isEmpty())
        return {};
    WriteTransaction tx(m_store);
    QVariantList binds = customerBinds(c);
    binds.removeFirst();
    binds << searchKey(c.name) << m_store.tick().toString() << c.id;
    KONTOR_TRY(m_store.exec(
        u"UPDATE customers SET name = ?, email = ?, vat_id = ?, tax_id = ?, b_street = ?, "
        "b_additional = ?, b_postal_code = ?, b_city = ?, b_region = ?, b_country = ?, "
        "s_street = ?, s_additional = ?, s_postal_code = ?, s_city = ?, s_region = ?, "
        "s_country = ?, payment_terms_days = ?, currency = ?, notes = ?, archived = ?, "
        "name_key = ?, updated_hlc = ? WHERE id = ?"_s,
        binds));
    if (fields.contains(u"name"_s)) {
        // Drafts show the customer's current name; issued documents keep the name they had.
        KONTOR_TRY(m_store.exec(u"UPDATE documents SET customer_name = ?, customer_key = ? WHERE "
                                "customer_id = ? AND (status = 'draft' OR kind = 'quote')"_s,
                                {c.name, searchKey(c.name), c.id}));
    }
    KONTOR_TRY(m_store.appendChange({u"customer"_s, c.id, u"update"_s, fields}));
    return tx.commit();
}

Status Ledger::deleteCustomer(const QString &id)
{
    KONTOR_TRY(customer(id));
    auto q = m_store.exec(u"SELECT count(*) FROM documents WHERE customer_id = ?"_s, {id});
    if (!q)
        return q.error();
    (*q)->next();
    const qint64 n = (*q)->value(0).toLongLong();
    (*q)->finish();
    if (n > 0)
        return Error {
            ErrorKind::Conflict, u"customer"_s, u"customer-in-use"_s,
            u"the customer has %1 documents and cannot be deleted; archive it instead"_s.arg(n)};
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"DELETE FROM customers WHERE id = ?"_s, {id}));
    KONTOR_TRY(m_store.appendChange({u"customer"_s, id, u"delete"_s, {}}));
    return tx.commit();
}

Result<Customer> Ledger::customer(const QString &id) const
{
    static const QString sql
        = u"SELECT %1 FROM customers WHERE id = ?"_s.arg(QLatin1StringView(kCustomerColumns));
    auto q = m_store.exec(sql, {id});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"customer"_s, id);
    Customer c = readCustomer(**q);
    (*q)->finish();
    return c;
}

Result<Ledger::CachedCustomer> Ledger::cachedCustomer(const QString &id) const
{
    static const QString sql = u"SELECT %1, updated_hlc FROM customers WHERE id = ?"_s.arg(
        QLatin1StringView(kCustomerColumns));
    // Every write of a customer sets a new updated_hlc; a row still at the stamp cached is the
    // row cached.
    auto stamp = m_store.exec(u"SELECT updated_hlc FROM customers WHERE id = ?"_s, {id});
    if (!stamp)
        return stamp.error();
    if (!(*stamp)->next())
        return notFound(u"customer"_s, id);
    const QString hlc = (*stamp)->value(0).toString();
    (*stamp)->finish();
    auto it = m_customers.constFind(id);
    if (it != m_customers.cend() && it->updatedHlc == hlc)
        return *it;

    auto q = m_store.exec(sql, {id});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"customer"_s, id);
    CachedCustomer c;
    c.customer = readCustomer(**q);
    c.key = searchKey(c.customer.name);
    c.updatedHlc = (*q)->value(21).toString();
    (*q)->finish();
    constexpr qsizetype MaxCachedCustomers = 4096;
    if (m_customers.size() >= MaxCachedCustomers)
        m_customers.clear();
    m_customers.insert(id, c);
    return c;
}

Result<Page<Customer>> Ledger::customers(const CustomerQuery &query) const
{
    QString sql
        = u"SELECT %1, name_key FROM customers WHERE 1"_s.arg(QLatin1StringView(kCustomerColumns));
    QVariantList binds;
    if (!query.includeArchived)
        sql += u" AND archived = 0"_s;
    if (!query.search.isEmpty()) {
        const QString key = searchKey(query.search);
        sql += u" AND name_key >= ? AND name_key < ?"_s;
        binds << key << prefixEnd(key);
    }
    if (!query.after.isEmpty()) {
        QVariant v;
        QString id;
        if (!decodeCursor(query.after, &v, &id))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        sql += u" AND (name_key, id) > (?, ?)"_s;
        binds << v.toString() << id;
    }
    const int limit = qBound(1, query.limit, 1000);
    sql += u" ORDER BY name_key, id LIMIT ?"_s;
    binds << limit + 1;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    Page<Customer> page;
    QString lastKey;
    while ((*q)->next()) {
        if (page.items.size() == limit) {
            page.next = encodeCursor(lastKey, page.items.last().id);
            break;
        }
        page.items.append(readCustomer(**q));
        lastKey = (*q)->value(21).toString();
    }
    (*q)->finish();
    return page;
}

Result<Product> Ledger::addProduct(Product p)
{
    if (p.id.isEmpty())
        p.id = newUuid7();
    KONTOR_TRY(validateProduct(p, taxRateLookup()));
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"INSERT INTO products(%1, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, "
                            "?, ?)"_s.arg(QLatin1StringView(kProductColumns)),
                            {p.id, p.name, p.description, p.unit, p.unitPrice, p.currency,
                             p.taxRateId, p.archived, m_store.tick().toString()}));
    KONTOR_TRY(m_store.appendChange({u"product"_s, p.id, u"create"_s, toJson(p)}));
    KONTOR_TRY(tx.commit());
    return p;
}

Status Ledger::updateProduct(const Product &p)
{
    auto before = product(p.id);
    if (!before)
        return before.error();
    KONTOR_TRY(validateProduct(p, taxRateLookup()));
    const QJsonObject fields = changedFields(toJson(before.value()), toJson(p));
    if (fields.isEmpty())
        return {};
    WriteTransaction tx(m_store);
    KONTOR_TRY(m_store.exec(u"UPDATE products SET name = ?, description = ?, unit = ?, unit_price "
                            "= ?, currency = ?, tax_rate_id = ?, archived = ?, updated_hlc = ? "
                            "WHERE id = ?"_s,
                            {p.name, p.description, p.unit, p.unitPrice, p.currency, p.taxRateId,
                             p.archived, m_store.tick().toString(), p.id}));
    KONTOR_TRY(m_store.appendChange({u"product"_s, p.id, u"update"_s, fields}));
    return tx.commit();
}

Result<Product> Ledger::product(const QString &id) const
{
    auto q = m_store.exec(
        u"SELECT %1 FROM products WHERE id = ?"_s.arg(QLatin1StringView(kProductColumns)), {id});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return notFound(u"product"_s, id);
    Product p = readProduct(**q);
    (*q)->finish();
    return p;
}

Result<Page<Product>> Ledger::products(const ProductQuery &query) const
{
    QString sql = u"SELECT %1 FROM products WHERE 1"_s.arg(QLatin1StringView(kProductColumns));
    QVariantList binds;
    if (!query.includeArchived)
        sql += u" AND archived = 0"_s;
    if (!query.search.isEmpty()) {
        sql += u" AND name LIKE ? ESCAPE '\\'"_s;
        QString pattern = query.search;
        pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        binds << QString(u"%"_s + pattern + u"%"_s);
    }
    if (!query.after.isEmpty()) {
        QVariant v;
        QString id;
        if (!decodeCursor(query.after, &v, &id))
            return validationError(u"after"_s, u"invalid-cursor"_s,
                                   u"the page cursor is invalid"_s);
        sql += u" AND (name, id) > (?, ?)"_s;
        binds << v.toString() << id;
    }
    const int limit = qBound(1, query.limit, 1000);
    sql += u" ORDER BY name, id LIMIT ?"_s;
    binds << limit + 1;
    auto q = m_store.exec(sql, binds);
    if (!q)
        return q.error();
    Page<Product> page;
    while ((*q)->next()) {
        if (page.items.size() == limit) {
            page.next = encodeCursor(page.items.last().name, page.items.last().id);
            break;
        }
        page.items.append(readProduct(**q));
    }
    (*q)->finish();
    return page;
}

} // namespace Kontor
