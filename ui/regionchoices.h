// The choices of country and currency that the setup wizard and the settings offer: ISO 3166
// country codes with their names and ISO 4217 currency codes, in combo boxes whose item data is
// the code, so forms read and write codes and never names.
#pragma once

#include <QString>

class QComboBox;

namespace Kontor::Ui {

// Fills `combo` with "Name (CC)" entries sorted by name, preceded by a "not set" entry whose
// data is empty when `allowEmpty`.
void fillCountryCombo(QComboBox *combo, bool allowEmpty);
// Fills `combo` with the ISO 4217 codes the ledger accepts, sorted.
void fillCurrencyCombo(QComboBox *combo);
// Selects the entry whose data is `code`; returns false (and leaves the combo) when absent.
bool selectCode(QComboBox *combo, const QString &code);
// The currency used in a country ("IT" → "EUR"); empty when Qt does not know.
QString currencyOfCountry(const QString &countryCode);
// The country of the system's locale, if the ledger accepts it; empty otherwise.
QString systemCountry();

} // namespace Kontor::Ui
