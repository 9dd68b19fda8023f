// Strict readers of the JSON forms that jsoncodec.h writes: the inverse of toJson for every
// record, used to apply changes that arrive from other devices and by the sync service to judge
// them with the same rules (rules.h). Each reader checks the type of every key it reads and names
// the key that is wrong ("lines[2].quantity: expected an integer"). Missing keys take the
// record's default, so an older peer that does not send a newer field stays readable.
#pragma once

#include "entities.h"
#include "result.h"

#include <QJsonObject>

namespace Kontor {

Result<PostalAddress> postalAddressFromJson(const QJsonObject &o, const QString &where = {});
Result<CompanyProfile> companyFromJson(const QJsonObject &o);
Result<TaxRate> taxRateFromJson(const QJsonObject &o);
Result<Customer> customerFromJson(const QJsonObject &o);
Result<Product> productFromJson(const QJsonObject &o);
Result<NumberSeries> seriesFromJson(const QJsonObject &o);
Result<DocumentLine> documentLineFromJson(const QJsonObject &o, const QString &where = {});
Result<DocumentTotals> totalsFromJson(const QJsonObject &o);
// `kind` comes from the entity name when the object does not carry it.
Result<Document> documentFromJson(const QJsonObject &o);
Result<Expense> expenseFromJson(const QJsonObject &o);
Result<Payment> paymentFromJson(const QJsonObject &o);

} // namespace Kontor
