// The invoicing rules as pure functions: totals and VAT by EN 16931, and the checks every record
// must pass before it is written. Both the desktop and the sync service call these, so a change
// is judged alike at both ends.
#pragma once

#include "entities.h"
#include "result.h"

#include <functional>

namespace Kontor {

using TaxRateLookup = std::function<std::optional<TaxRate>(const QString &id)>;

// Fills each line's tax data from its tax rate and computes line amounts, the VAT breakdown and
// the document totals. VAT per (category, rate) is computed on the sum of that group's line nets
// and rounded once, at the breakdown level (BR-CO-17 with BR-S-09 and friends); the totals are
// sums of those rounded figures, so BR-CO-10 to BR-CO-16 hold by construction.
Status computeTotals(Document &doc, const TaxRateLookup &taxRates);

// Same computation when each line already carries its tax category and rate (issued documents).
Status computeTotalsFromLines(Document &doc);

Status validateTaxRate(const TaxRate &rate);
Status validateCustomer(const Customer &customer);
Status validateProduct(const Product &product, const TaxRateLookup &taxRates);
Status validateCompany(const CompanyProfile &company);
Status validateSeries(const NumberSeries &series);
Status validateExpense(const Expense &expense);

// Checks a draft's fields (any state of completeness a user may save).
Status validateDraft(const Document &doc, const TaxRateLookup &taxRates);
// Checks that a draft may be issued: everything validateDraft checks, plus completeness.
Status validateIssuable(const Document &doc, const TaxRateLookup &taxRates);
// A number taken from a series must be the series' next one: gapless, in order.
Status validateSeriesNumber(const NumberSeries &series, qint64 sequence, DocumentKind kind,
                            const QString &deviceId);
// A payment must be positive and, unless marked as overpayment, not exceed the balance.
Status validatePayment(const Payment &payment, qint64 balanceMinor, const QString &currency);

bool isValidEmail(QStringView email);
bool isValidCountryCode(QStringView code);

} // namespace Kontor
