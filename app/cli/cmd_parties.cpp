// The commands about the ledger's master data: customers, products, tax rates and number series.
#include "commands.h"

#include "jsoncodec.h"

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

namespace {

void declarePaging(CommandLine &l)
{
    l.addOption(u"search"_s,
                u"Only names starting with (customers) or containing (products) "
                "TEXT, case-insensitive."_s,
                u"TEXT"_s);
    l.addOption(u"archived"_s, u"Include archived records."_s);
    l.addOption(u"limit"_s, u"Rows per page, 1 to 1000 (default 50)."_s, u"N"_s);
    l.addOption(u"after"_s, u"Continue after this cursor (printed with the previous page)."_s,
                u"CURSOR"_s);
}

Result<int> pageLimit(const CommandLine &l)
{
    if (!l.isSet(u"limit"_s))
        return 50;
    return parseInteger(l.value(u"limit"_s), u"limit"_s, 1, 1000);
}

void reportNext(Context &ctx, const QString &next)
{
    if (!next.isEmpty() && !ctx.json)
        ctx.message(u"more rows: continue with --after %1"_s.arg(next));
}

QString addressText(const PostalAddress &a)
{
    QStringList parts;
    for (const QString &p : {a.street, a.additional,
                             QString(a.postalCode + u' ' + a.city).trimmed(), a.region, a.country})
        if (!p.isEmpty())
            parts << p;
    return parts.join(u", "_s);
}

void printFields(QTextStream &out, const QList<std::pair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &[k, v] : fields)
        width = qMax(width, k.size());
    for (const auto &[k, v] : fields)
        if (!v.isEmpty())
            out << QString(k + u':').leftJustified(width + 2) << v << u'\n';
}

// ---- customers ------------------------------------------------------------------------------

void declareCustomerAdd(CommandLine &l)
{
    l.addHelpParagraph(u"Adds a customer and prints its id (or the record with --json)."_s);
    l.addOption(u"name"_s, u"Name (required)."_s, u"NAME"_s);
    l.addOption(u"email"_s, u"E-mail address."_s, u"ADDRESS"_s);
    l.addOption(u"vat-id"_s, u"VAT identifier, e.g. DE123456789."_s, u"ID"_s);
    l.addOption(u"tax-id"_s, u"National tax number."_s, u"ID"_s);
    l.addOption(u"street"_s, u"Billing address: street and number."_s, u"TEXT"_s);
    l.addOption(u"additional"_s, u"Billing address: additional line."_s, u"TEXT"_s);
    l.addOption(u"postal-code"_s, u"Billing address: postal code."_s, u"CODE"_s);
    l.addOption(u"city"_s, u"Billing address: city."_s, u"TEXT"_s);
    l.addOption(u"region"_s, u"Billing address: region or province."_s, u"TEXT"_s);
    l.addOption(u"country"_s, u"Billing address: ISO 3166 country code."_s, u"CC"_s);
    l.addOption(u"ship-street"_s, u"Shipping address: street and number."_s, u"TEXT"_s);
    l.addOption(u"ship-postal-code"_s, u"Shipping address: postal code."_s, u"CODE"_s);
    l.addOption(u"ship-city"_s, u"Shipping address: city."_s, u"TEXT"_s);
    l.addOption(u"ship-country"_s, u"Shipping address: ISO 3166 country code."_s, u"CC"_s);
    l.addOption(u"terms"_s, u"Payment terms in days (default: the company's)."_s, u"DAYS"_s);
    l.addOption(u"currency"_s, u"Invoice currency (default: the company's)."_s, u"CODE"_s);
    l.addOption(u"notes"_s, u"Internal notes."_s, u"TEXT"_s);
}

Status runCustomerAdd(Context &ctx, const CommandLine &l)
{
    auto name = l.required(u"name"_s);
    if (!name)
        return name.error();
    KONTOR_TRY(ctx.openLedger());
    Customer c;
    c.name = name.value();
    c.email = l.value(u"email"_s);
    c.vatId = l.value(u"vat-id"_s);
    c.taxId = l.value(u"tax-id"_s);
    c.billingAddress = {l.value(u"street"_s), l.value(u"additional"_s), l.value(u"postal-code"_s),
                        l.value(u"city"_s),   l.value(u"region"_s),     l.value(u"country"_s)};
    c.shippingAddress = {l.value(u"ship-street"_s), {}, l.value(u"ship-postal-code"_s),
                         l.value(u"ship-city"_s),   {}, l.value(u"ship-country"_s)};
    if (l.isSet(u"terms"_s)) {
        auto days = parseInteger(l.value(u"terms"_s), u"paymentTermsDays"_s, 0, 366);
        if (!days)
            return days.error();
        c.paymentTermsDays = days.value();
    }
    c.currency = l.value(u"currency"_s);
    c.notes = l.value(u"notes"_s);
    auto added = ctx.ledger().addCustomer(c);
    if (!added)
        return added.error();
    if (ctx.json)
        ctx.printJson(toJson(added.value()));
    else
        ctx.out() << added->id << u'\n';
    return {};
}

void declareCustomerList(CommandLine &l)
{
    l.addHelpParagraph(u"Lists customers by name, one page at a time."_s);
    declarePaging(l);
}

Status runCustomerList(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    CustomerQuery q;
    q.search = l.value(u"search"_s);
    q.includeArchived = l.isSet(u"archived"_s);
    q.after = l.value(u"after"_s);
    auto limit = pageLimit(l);
    if (!limit)
        return limit.error();
    q.limit = limit.value();
    auto page = ctx.ledger().customers(q);
    if (!page)
        return page.error();
    if (ctx.json) {
        QJsonArray items;
        for (const Customer &c : page->items)
            items.append(toJson(c));
        ctx.printJson(pageJson(items, page->next));
        return {};
    }
    Table t({u"Name"_s, u"Email"_s, u"VAT id"_s, u"City"_s, u"Country"_s, u"Terms"_s, u"Currency"_s,
             u"Id"_s});
    t.alignRight(5);
    for (const Customer &c : page->items)
        t.addRow({c.name + (c.archived ? u" (archived)"_s : QString()), c.email, c.vatId,
                  c.billingAddress.city, c.billingAddress.country,
                  c.paymentTermsDays < 0 ? u"-"_s : QString::number(c.paymentTermsDays),
                  c.currency.isEmpty() ? u"-"_s : c.currency, c.id});
    t.print(ctx.out());
    reportNext(ctx, page->next);
    return {};
}

void declareCustomerShow(CommandLine &l)
{
    l.addPositional(u"customer"_s, u"Customer id or name."_s, u"CUSTOMER"_s);
    l.setPositionalRange(1, 1);
}

Status runCustomerShow(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto c = findCustomer(ctx.ledger(), l.positional(0), u"customer"_s);
    if (!c)
        return c.error();
    if (ctx.json) {
        ctx.printJson(toJson(c.value()));
        return {};
    }
    printFields(
        ctx.out(),
        {{u"Name"_s, c->name},
         {u"Id"_s, c->id},
         {u"Email"_s, c->email},
         {u"VAT id"_s, c->vatId},
         {u"Tax id"_s, c->taxId},
         {u"Billing address"_s, addressText(c->billingAddress)},
         {u"Shipping address"_s, addressText(c->shippingAddress)},
         {u"Payment terms"_s,
          c->paymentTermsDays < 0 ? u"company default"_s : u"%1 days"_s.arg(c->paymentTermsDays)},
         {u"Currency"_s, c->currency.isEmpty() ? u"company default"_s : c->currency},
         {u"Notes"_s, c->notes},
         {u"Archived"_s, c->archived ? u"yes"_s : QString()}});
    return {};
}

// ---- products -------------------------------------------------------------------------------

void declareProductAdd(CommandLine &l)
{
    l.addHelpParagraph(u"Adds a product or service and prints its id (or the record with "
                       "--json). The price is decimal text in the product's currency, with up "
                       "to two decimals more than the currency's minor unit (12.50, 0.1234)."_s);
    l.addOption(u"name"_s, u"Name (required)."_s, u"NAME"_s);
    l.addOption(u"price"_s, u"Unit price, e.g. 12.50 (required)."_s, u"AMOUNT"_s);
    l.addOption(u"tax-rate"_s, u"Tax rate name or id (required)."_s, u"RATE"_s);
    l.addOption(u"unit"_s, u"UN/ECE Rec. 20 unit code: C62 (one, default), HUR, DAY, ..."_s,
                u"CODE"_s);
    l.addOption(u"description"_s, u"Description printed on documents."_s, u"TEXT"_s);
    l.addOption(u"currency"_s, u"Currency of the price (default: the company's)."_s, u"CODE"_s);
}

Status runProductAdd(Context &ctx, const CommandLine &l)
{
    auto name = l.required(u"name"_s);
    if (!name)
        return name.error();
    auto price = l.required(u"price"_s);
    if (!price)
        return price.error();
    auto rate = l.required(u"tax-rate"_s);
    if (!rate)
        return rate.error();
    KONTOR_TRY(ctx.openLedger());
    Product p;
    p.name = name.value();
    p.description = l.value(u"description"_s);
    if (l.isSet(u"unit"_s))
        p.unit = l.value(u"unit"_s);
    p.currency = l.value(u"currency"_s);
    QString currency = p.currency;
    if (currency.isEmpty())
        currency = ctx.ledger().company()->currency;
    auto unitPrice = parsePrice(price.value(), currency, u"unitPrice"_s);
    if (!unitPrice)
        return unitPrice.error();
    p.unitPrice = unitPrice.value();
    auto taxRate = findTaxRate(ctx.ledger(), rate.value(), u"taxRate"_s);
    if (!taxRate)
        return taxRate.error();
    p.taxRateId = taxRate->id;
    auto added = ctx.ledger().addProduct(p);
    if (!added)
        return added.error();
    if (ctx.json)
        ctx.printJson(toJson(added.value()));
    else
        ctx.out() << added->id << u'\n';
    return {};
}

void declareProductList(CommandLine &l)
{
    l.addHelpParagraph(u"Lists products by name, one page at a time."_s);
    declarePaging(l);
}

Status runProductList(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    ProductQuery q;
    q.search = l.value(u"search"_s);
    q.includeArchived = l.isSet(u"archived"_s);
    q.after = l.value(u"after"_s);
    auto limit = pageLimit(l);
    if (!limit)
        return limit.error();
    q.limit = limit.value();
    auto page = ctx.ledger().products(q);
    if (!page)
        return page.error();
    if (ctx.json) {
        QJsonArray items;
        for (const Product &p : page->items)
            items.append(toJson(p));
        ctx.printJson(pageJson(items, page->next));
        return {};
    }
    const QString companyCurrency = ctx.ledger().company()->currency;
    Table t({u"Name"_s, u"Unit"_s, u"Price"_s, u"Currency"_s, u"Tax rate"_s, u"Id"_s});
    t.alignRight(2);
    for (const Product &p : page->items) {
        const QString currency = p.currency.isEmpty() ? companyCurrency : p.currency;
        const auto rate = ctx.ledger().taxRate(p.taxRateId);
        t.addRow({p.name + (p.archived ? u" (archived)"_s : QString()), p.unit,
                  priceText(p.unitPrice, currency), currency, rate ? rate->name : p.taxRateId,
                  p.id});
    }
    t.print(ctx.out());
    reportNext(ctx, page->next);
    return {};
}

void declareProductShow(CommandLine &l)
{
    l.addPositional(u"product"_s, u"Product id or name."_s, u"PRODUCT"_s);
    l.setPositionalRange(1, 1);
}

Status runProductShow(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto p = findProduct(ctx.ledger(), l.positional(0), u"product"_s);
    if (!p)
        return p.error();
    if (ctx.json) {
        ctx.printJson(toJson(p.value()));
        return {};
    }
    const QString currency = p->currency.isEmpty() ? ctx.ledger().company()->currency : p->currency;
    const auto rate = ctx.ledger().taxRate(p->taxRateId);
    printFields(ctx.out(),
                {{u"Name"_s, p->name},
                 {u"Id"_s, p->id},
                 {u"Description"_s, p->description},
                 {u"Unit"_s, p->unit},
                 {u"Unit price"_s, priceText(p->unitPrice, currency) + u' ' + currency},
                 {u"Tax rate"_s, rate ? rate->name : p->taxRateId},
                 {u"Archived"_s, p->archived ? u"yes"_s : QString()}});
    return {};
}

// ---- tax rates and series -------------------------------------------------------------------

void declareTaxRateList(CommandLine &l)
{
    l.addHelpParagraph(u"Lists the tax rates; lines and products name one by its name or id."_s);
    l.addOption(u"archived"_s, u"Include archived rates."_s);
}

Status runTaxRateList(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto rates = ctx.ledger().taxRates(l.isSet(u"archived"_s));
    if (!rates)
        return rates.error();
    if (ctx.json) {
        QJsonArray items;
        for (const TaxRate &r : rates.value())
            items.append(toJson(r));
        ctx.printJson({{u"items"_s, items}});
        return {};
    }
    Table t({u"Name"_s, u"Rate"_s, u"Category"_s, u"Exemption reason"_s, u"Id"_s});
    t.alignRight(1);
    for (const TaxRate &r : rates.value())
        t.addRow({r.name + (r.archived ? u" (archived)"_s : QString()), percentText(r.rateBp),
                  taxCategoryCode(r.category),
                  r.exemptionReasonCode.isEmpty()
                      ? r.exemptionReason
                      : u"%1 (%2)"_s.arg(r.exemptionReason, r.exemptionReasonCode),
                  r.id});
    t.print(ctx.out());
    return {};
}

void declareSeriesList(CommandLine &l)
{
    l.addHelpParagraph(u"Lists the number series and the number each would give next."_s);
}

Status runSeriesList(Context &ctx, const CommandLine & /*line*/)
{
    KONTOR_TRY(ctx.openLedger());
    auto series = ctx.ledger().seriesList();
    if (!series)
        return series.error();
    if (ctx.json) {
        QJsonArray items;
        for (const NumberSeries &s : series.value())
            items.append(toJson(s));
        ctx.printJson({{u"items"_s, items}});
        return {};
    }
    Table t({u"Name"_s, u"Kind"_s, u"Prefix"_s, u"Next number"_s, u"Held here"_s, u"Id"_s});
    for (const NumberSeries &s : series.value())
        t.addRow({s.name, documentKindName(s.kind), s.prefix, s.format(s.nextNumber),
                  s.holderDeviceId == ctx.store().deviceId() ? u"yes"_s : u"no"_s, s.id});
    t.print(ctx.out());
    return {};
}

} // namespace

QList<CommandSpec> partyCommands()
{
    return {
        {u"customer"_s, u"add"_s, u"Add a customer"_s, declareCustomerAdd, runCustomerAdd},
        {u"customer"_s, u"list"_s, u"List customers"_s, declareCustomerList, runCustomerList},
        {u"customer"_s, u"show"_s, u"Show one customer"_s, declareCustomerShow, runCustomerShow},
        {u"product"_s, u"add"_s, u"Add a product or service"_s, declareProductAdd, runProductAdd},
        {u"product"_s, u"list"_s, u"List products"_s, declareProductList, runProductList},
        {u"product"_s, u"show"_s, u"Show one product"_s, declareProductShow, runProductShow},
        {u"tax-rate"_s, u"list"_s, u"List tax rates"_s, declareTaxRateList, runTaxRateList},
        {u"series"_s, u"list"_s, u"List number series"_s, declareSeriesList, runSeriesList},
    };
}

} // namespace Kontor::Cli
