#include "rules.h"

#include "money.h"

#include <QLocale>
#include <QMap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

constexpr int MaxLines = 1000;
constexpr int MaxNameLength = 300;
constexpr int MaxTextLength = 10000;

Status tooLong(const QString &field, const QString &value, int max)
{
    if (value.size() > max)
        return validationError(
            field, u"too-long"_s,
            u"at most %1 characters are allowed (got %2)"_s.arg(max).arg(value.size()));
    return {};
}

Status required(const QString &field, const QString &value, int max = MaxNameLength)
{
    if (value.trimmed().isEmpty())
        return validationError(field, u"required"_s, u"a value is required"_s);
    return tooLong(field, value, max);
}

Status checkCurrency(const QString &field, const QString &code, bool allowEmpty)
{
    if (code.isEmpty() && allowEmpty)
        return {};
    if (!Currency::isKnown(code))
        return validationError(field, u"unknown-currency"_s,
                               u"'%1' is not an ISO 4217 currency code"_s.arg(code));
    return {};
}

Status checkAddress(const QString &field, const PostalAddress &a)
{
    KONTOR_TRY(tooLong(field + u".street"_s, a.street, MaxNameLength));
    KONTOR_TRY(tooLong(field + u".additional"_s, a.additional, MaxNameLength));
    KONTOR_TRY(tooLong(field + u".postalCode"_s, a.postalCode, 32));
    KONTOR_TRY(tooLong(field + u".city"_s, a.city, MaxNameLength));
    KONTOR_TRY(tooLong(field + u".region"_s, a.region, MaxNameLength));
    if (!a.country.isEmpty() && !isValidCountryCode(a.country))
        return validationError(field + u".country"_s, u"unknown-country"_s,
                               u"'%1' is not an ISO 3166-1 alpha-2 country code"_s.arg(a.country));
    return {};
}

Status checkEmail(const QString &field, const QString &email)
{
    if (!email.isEmpty() && !isValidEmail(email))
        return validationError(field, u"invalid-email"_s,
                               u"'%1' is not a valid e-mail address"_s.arg(email));
    return {};
}

Status checkVatId(const QString &field, const QString &vatId)
{
    static const QRegularExpression re(u"^[A-Z]{2}[0-9A-Z+*.]{2,13}$"_s);
    if (!vatId.isEmpty() && !re.match(vatId).hasMatch())
        return validationError(field, u"invalid-vat-id"_s,
                               u"'%1' is not a VAT identifier: two-letter country prefix and 2 to "
                               "13 letters or digits, no spaces"_s.arg(vatId));
    return {};
}

bool ibanChecksumOk(const QString &iban)
{
    if (iban.size() < 15 || iban.size() > 34)
        return false;
    const QString moved = iban.mid(4) + iban.left(4);
    int rem = 0;
    for (QChar c : moved) {
        int v;
        if (c >= u'0' && c <= u'9')
            v = c.unicode() - u'0';
        else if (c >= u'A' && c <= u'Z')
            v = c.unicode() - u'A' + 10;
        else
            return false;
        rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
    }
    return rem == 1;
}

bool categoryNeedsZeroRate(TaxCategory c)
{
    return c != TaxCategory::Standard;
}

bool categoryNeedsExemptionReason(TaxCategory c)
{
    return c == TaxCategory::Exempt || c == TaxCategory::ReverseCharge
        || c == TaxCategory::IntraCommunity || c == TaxCategory::Export
        || c == TaxCategory::OutOfScope;
}

Status fillTotals(Document &doc)
{
    // Group by (category, rate); the map keeps the breakdown in a stable order.
    struct Group
    {
        qint64 taxable = 0;
        QString reason;
        QString reasonCode;
    };
    QMap<std::pair<int, int>, Group> groups;
    DocumentTotals t;
    for (qsizetype i = 0; i < doc.lines.size(); ++i) {
        DocumentLine &line = doc.lines[i];
        const QString field = u"lines[%1]"_s.arg(i);
        auto amounts = computeLineAmounts(line.quantity, line.unitPrice, line.discountBp, field);
        if (!amounts)
            return amounts.error();
        line.grossMinor = amounts->gross;
        line.allowanceMinor = amounts->allowance;
        line.netMinor = amounts->net;
        t.lineNetSum += line.netMinor;
        Group &g = groups[{int(line.taxCategory), line.taxRateBp}];
        g.taxable += line.netMinor;
        if (g.reason.isEmpty())
            g.reason = line.exemptionReason;
        if (g.reasonCode.isEmpty())
            g.reasonCode = line.exemptionReasonCode;
        if (t.lineNetSum > MaxAmountMinor || t.lineNetSum < -MaxAmountMinor)
            return validationError(u"lines"_s, u"amount-range"_s,
                                   u"the sum of the lines exceeds the largest amount allowed"_s);
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        VatBreakdown b;
        b.category = TaxCategory(it.key().first);
        b.rateBp = it.key().second;
        b.taxableMinor = it->taxable;
        b.vatMinor = vatAmount(it->taxable, b.rateBp);
        b.exemptionReason = it->reason;
        b.exemptionReasonCode = it->reasonCode;
        t.vatTotal += b.vatMinor;
        t.breakdown.append(b);
    }
    t.taxExclusive = t.lineNetSum - t.allowances + t.charges;
    t.taxInclusive = t.taxExclusive + t.vatTotal;
    t.prepaid = 0;
    t.rounding = 0;
    t.payable = t.taxInclusive - t.prepaid + t.rounding;
    doc.totals = t;
    return {};
}

Status checkLines(const Document &doc, const TaxRateLookup &taxRates, bool forIssue)
{
    if (doc.lines.size() > MaxLines)
        return validationError(u"lines"_s, u"too-many-lines"_s,
                               u"a document may have at most %1 lines"_s.arg(MaxLines));
    for (qsizetype i = 0; i < doc.lines.size(); ++i) {
        const DocumentLine &line = doc.lines[i];
        const QString f = u"lines[%1]"_s.arg(i);
        if (forIssue)
            KONTOR_TRY(required(f + u".description"_s, line.description, MaxTextLength));
        else
            KONTOR_TRY(tooLong(f + u".description"_s, line.description, MaxTextLength));
        if (line.quantity < 0)
            return validationError(
                f + u".quantity"_s, u"negative-quantity"_s,
                u"the quantity must not be negative on %1; corrections are "
                "made with a credit note"_s.arg(doc.kind == DocumentKind::CreditNote
                                                    ? u"a credit note"_s
                                                    : u"an invoice or quote"_s));
        if (line.unitPrice < 0)
            return validationError(f + u".unitPrice"_s, u"negative-price"_s,
                                   u"the unit price must not be negative; use a discount"_s);
        if (line.discountBp < 0 || line.discountBp > BasisPointScale)
            return validationError(f + u".discount"_s, u"discount-range"_s,
                                   u"the discount must be between 0 % and 100 %"_s);
        if (line.unit.isEmpty() || line.unit.size() > 3)
            return validationError(f + u".unit"_s, u"invalid-unit"_s,
                                   u"the unit must be a UN/ECE Recommendation 20 code such as "
                                   "C62, HUR or DAY"_s);
        if (line.taxRateId.isEmpty())
            return validationError(f + u".taxRate"_s, u"required"_s,
                                   u"every line needs a tax rate"_s);
        if (taxRates && !taxRates(line.taxRateId))
            return validationError(f + u".taxRate"_s, u"unknown-tax-rate"_s,
                                   u"the tax rate '%1' does not exist"_s.arg(line.taxRateId));
    }
    return {};
}

} // namespace

bool isValidEmail(QStringView email)
{
    static const QRegularExpression re(
        u"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"_s);
    return email.size() <= 254 && re.match(email.toString()).hasMatch();
}

bool isValidCountryCode(QStringView code)
{
    if (code.size() != 2 || !code.at(0).isUpper() || !code.at(1).isUpper())
        return false;
    return QLocale::codeToTerritory(code) != QLocale::AnyTerritory;
}

Status computeTotalsFromLines(Document &doc)
{
    return fillTotals(doc);
}

Status computeTotals(Document &doc, const TaxRateLookup &taxRates)
{
    for (qsizetype i = 0; i < doc.lines.size(); ++i) {
        DocumentLine &line = doc.lines[i];
        const auto rate = taxRates(line.taxRateId);
        if (!rate)
            return validationError(u"lines[%1].taxRate"_s.arg(i), u"unknown-tax-rate"_s,
                                   u"the tax rate '%1' does not exist"_s.arg(line.taxRateId));
        line.taxCategory = rate->category;
        line.taxRateBp = rate->rateBp;
        line.exemptionReason = rate->exemptionReason;
        line.exemptionReasonCode = rate->exemptionReasonCode;
    }
    return fillTotals(doc);
}

Status validateTaxRate(const TaxRate &rate)
{
    KONTOR_TRY(required(u"name"_s, rate.name));
    if (rate.rateBp < 0 || rate.rateBp > BasisPointScale)
        return validationError(u"rate"_s, u"rate-range"_s,
                               u"a tax rate must be between 0 % and 100 %"_s);
    const QString code = taxCategoryCode(rate.category);
    if (rate.category == TaxCategory::Standard && rate.rateBp == 0)
        return validationError(u"rate"_s, u"standard-rate-zero"_s,
                               u"category S (standard) needs a rate above 0 %; use Z for "
                               "zero-rated supplies"_s);
    if (categoryNeedsZeroRate(rate.category) && rate.rateBp != 0)
        return validationError(
            u"rate"_s, u"category-rate-not-zero"_s,
            u"category %1 must have a rate of 0 % (EN 16931 BR-%1-05)"_s.arg(code));
    if (categoryNeedsExemptionReason(rate.category) && rate.exemptionReason.trimmed().isEmpty()
        && rate.exemptionReasonCode.trimmed().isEmpty())
        return validationError(u"exemptionReason"_s, u"exemption-reason-required"_s,
                               u"category %1 needs an exemption reason text or code (EN 16931 "
                               "BR-%1-10)"_s.arg(code));
    if (!categoryNeedsExemptionReason(rate.category)
        && (!rate.exemptionReason.isEmpty() || !rate.exemptionReasonCode.isEmpty()))
        return validationError(u"exemptionReason"_s, u"exemption-reason-forbidden"_s,
                               u"category %1 must not carry an exemption reason"_s.arg(code));
    KONTOR_TRY(tooLong(u"exemptionReason"_s, rate.exemptionReason, 1000));
    return {};
}

Status validateCustomer(const Customer &c)
{
    KONTOR_TRY(required(u"name"_s, c.name));
    KONTOR_TRY(checkEmail(u"email"_s, c.email));
    KONTOR_TRY(checkVatId(u"vatId"_s, c.vatId));
    KONTOR_TRY(tooLong(u"taxId"_s, c.taxId, 64));
    KONTOR_TRY(checkAddress(u"billingAddress"_s, c.billingAddress));
    KONTOR_TRY(checkAddress(u"shippingAddress"_s, c.shippingAddress));
    if (c.paymentTermsDays < -1 || c.paymentTermsDays > 366)
        return validationError(u"paymentTermsDays"_s, u"terms-range"_s,
                               u"payment terms must be between 0 and 366 days"_s);
    KONTOR_TRY(checkCurrency(u"currency"_s, c.currency, true));
    KONTOR_TRY(tooLong(u"notes"_s, c.notes, MaxTextLength));
    return {};
}

Status validateProduct(const Product &p, const TaxRateLookup &taxRates)
{
    KONTOR_TRY(required(u"name"_s, p.name));
    KONTOR_TRY(tooLong(u"description"_s, p.description, MaxTextLength));
    if (p.unit.isEmpty() || p.unit.size() > 3)
        return validationError(u"unit"_s, u"invalid-unit"_s,
                               u"the unit must be a UN/ECE Recommendation 20 code such as C62, "
                               "HUR or DAY"_s);
    if (p.unitPrice < 0)
        return validationError(u"unitPrice"_s, u"negative-price"_s,
                               u"the unit price must not be negative"_s);
    if (p.unitPrice > MaxAmountMinor * PriceExtraScale)
        return validationError(u"unitPrice"_s, u"amount-range"_s,
                               u"the unit price exceeds the largest amount allowed"_s);
    KONTOR_TRY(checkCurrency(u"currency"_s, p.currency, true));
    if (p.taxRateId.isEmpty())
        return validationError(u"taxRate"_s, u"required"_s, u"a product needs a tax rate"_s);
    if (taxRates && !taxRates(p.taxRateId))
        return validationError(u"taxRate"_s, u"unknown-tax-rate"_s,
                               u"the tax rate '%1' does not exist"_s.arg(p.taxRateId));
    return {};
}

Status validateCompany(const CompanyProfile &c)
{
    KONTOR_TRY(required(u"name"_s, c.name));
    KONTOR_TRY(checkAddress(u"address"_s, c.address));
    KONTOR_TRY(checkVatId(u"vatId"_s, c.vatId));
    KONTOR_TRY(checkEmail(u"email"_s, c.email));
    KONTOR_TRY(checkCurrency(u"currency"_s, c.currency, false));
    if (!c.iban.isEmpty() && !ibanChecksumOk(c.iban))
        return validationError(u"iban"_s, u"invalid-iban"_s,
                               u"'%1' is not a valid IBAN (write it without spaces; the check "
                               "digits must match)"_s.arg(c.iban));
    static const QRegularExpression bicRe(u"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$"_s);
    if (!c.bic.isEmpty() && !bicRe.match(c.bic).hasMatch())
        return validationError(u"bic"_s, u"invalid-bic"_s,
                               u"'%1' is not a valid BIC (8 or 11 characters)"_s.arg(c.bic));
    if (c.paymentTermsDays < 0 || c.paymentTermsDays > 366)
        return validationError(u"paymentTermsDays"_s, u"terms-range"_s,
                               u"payment terms must be between 0 and 366 days"_s);
    if (c.logo.size() > 2 * 1024 * 1024)
        return validationError(u"logo"_s, u"too-large"_s, u"the logo may be at most 2 MiB"_s);
    return {};
}

Status validateSeries(const NumberSeries &s)
{
    KONTOR_TRY(required(u"name"_s, s.name));
    KONTOR_TRY(tooLong(u"prefix"_s, s.prefix, 32));
    static const QRegularExpression prefixRe(u"^[A-Za-z0-9/_.-]*$"_s);
    if (!prefixRe.match(s.prefix).hasMatch())
        return validationError(u"prefix"_s, u"invalid-prefix"_s,
                               u"a prefix may contain only letters, digits and / _ . -"_s);
    if (s.width < 1 || s.width > 12)
        return validationError(u"width"_s, u"width-range"_s,
                               u"the number width must be between 1 and 12 digits"_s);
    if (s.nextNumber < 1)
        return validationError(u"nextNumber"_s, u"number-range"_s,
                               u"the next number must be 1 or more"_s);
    return {};
}

Status validateExpense(const Expense &e)
{
    KONTOR_TRY(required(u"supplier"_s, e.supplier));
    KONTOR_TRY(checkVatId(u"supplierVatId"_s, e.supplierVatId));
    if (!e.date.isValid())
        return validationError(u"date"_s, u"required"_s, u"a valid date is required"_s);
    KONTOR_TRY(tooLong(u"category"_s, e.category, 100));
    KONTOR_TRY(checkCurrency(u"currency"_s, e.currency, false));
    if (e.netMinor < 0 || e.vatMinor < 0)
        return validationError(e.netMinor < 0 ? u"net"_s : u"vat"_s, u"negative-amount"_s,
                               u"expense amounts must not be negative"_s);
    if (e.netMinor > MaxAmountMinor || e.vatMinor > MaxAmountMinor)
        return validationError(u"net"_s, u"amount-range"_s,
                               u"the amount exceeds the largest amount allowed"_s);
    if (e.netMinor + e.vatMinor != e.totalMinor)
        return validationError(u"total"_s, u"total-mismatch"_s,
                               u"the total must equal net plus VAT"_s);
    KONTOR_TRY(tooLong(u"notes"_s, e.notes, MaxTextLength));
    return {};
}

Status validateDraft(const Document &doc, const TaxRateLookup &taxRates)
{
    KONTOR_TRY(checkCurrency(u"currency"_s, doc.currency, false));
    KONTOR_TRY(tooLong(u"notes"_s, doc.notes, MaxTextLength));
    KONTOR_TRY(tooLong(u"paymentTerms"_s, doc.paymentTerms, 1000));
    KONTOR_TRY(tooLong(u"buyerReference"_s, doc.buyerReference, 200));
    if (doc.issueDate.isValid() && doc.dueDate.isValid() && doc.dueDate < doc.issueDate)
        return validationError(u"dueDate"_s, u"due-before-issue"_s,
                               u"the due date must not be before the issue date"_s);
    return checkLines(doc, taxRates, false);
}

Status validateIssuable(const Document &doc, const TaxRateLookup &taxRates)
{
    KONTOR_TRY(validateDraft(doc, taxRates));
    if (doc.customerId.isEmpty())
        return validationError(u"customer"_s, u"required"_s,
                               u"a customer is required to issue a document"_s);
    if (doc.lines.isEmpty())
        return validationError(u"lines"_s, u"empty-document"_s,
                               u"a document without lines cannot be issued"_s);
    if (!doc.issueDate.isValid())
        return validationError(u"issueDate"_s, u"required"_s, u"an issue date is required"_s);
    if (doc.kind == DocumentKind::CreditNote && doc.referenceId.isEmpty())
        return validationError(u"reference"_s, u"required"_s,
                               u"a credit note must reference the invoice it corrects"_s);
    return checkLines(doc, taxRates, true);
}

Status validateSeriesNumber(const NumberSeries &series, qint64 sequence, DocumentKind kind,
                            const QString &deviceId)
{
    if (series.kind != kind)
        return validationError(
            u"series"_s, u"series-kind"_s,
            u"series '%1' numbers %2 documents, not %3"_s.arg(
                series.name, documentKindName(series.kind), documentKindName(kind)));
    if (series.holderDeviceId != deviceId)
        return Error {ErrorKind::Conflict, u"series"_s, u"series-not-held"_s,
                      u"series '%1' is held by another device; take it over while online or use "
                      "this device's own series"_s.arg(series.name)};
    if (sequence != series.nextNumber)
        return validationError(
            u"number"_s, u"number-out-of-sequence"_s,
            u"number %1 is out of sequence in series '%2': the next number is %3"_s.arg(
                series.format(sequence), series.name, series.format(series.nextNumber)));
    return {};
}

Status validatePayment(const Payment &p, qint64 balanceMinor, const QString &currency)
{
    if (!p.date.isValid())
        return validationError(u"date"_s, u"required"_s, u"a valid payment date is required"_s);
    if (p.amountMinor <= 0)
        return validationError(u"amount"_s, u"non-positive-amount"_s,
                               u"a payment must be a positive amount"_s);
    if (p.amountMinor > MaxAmountMinor)
        return validationError(u"amount"_s, u"amount-range"_s,
                               u"the amount exceeds the largest amount allowed"_s);
    if (p.currency != currency)
        return validationError(
            u"currency"_s, u"currency-mismatch"_s,
            u"the payment is in %1 but the document is in %2"_s.arg(p.currency, currency));
    if (p.amountMinor > balanceMinor && !p.overpayment)
        return validationError(u"amount"_s, u"overpayment"_s,
                               u"the payment exceeds the open balance; record it explicitly as an "
                               "overpayment if that is intended"_s);
    KONTOR_TRY(tooLong(u"method"_s, p.method, 100));
    KONTOR_TRY(tooLong(u"reference"_s, p.reference, 300));
    return {};
}

} // namespace Kontor
