#include "settingserrors.h"

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

Error SettingsErrors::translated(Error error)
{
    const QString &rule = error.rule;
    QString text;
    if (rule == u"invalid-iban"_s)
        text = tr("This is not a valid IBAN: it starts with the two-letter country code and two "
                  "check digits that must match the rest, as in IT60X0542811101000000123456.");
    else if (rule == u"invalid-bic"_s)
        text = tr("This is not a valid BIC: 8 or 11 letters and digits, the first six letters, "
                  "as in BCITITMM.");
    else if (rule == u"rate-range"_s)
        text = tr("A tax rate must be between 0 % and 100 %.");
    else if (rule == u"standard-rate-zero"_s)
        text = tr("The standard category (S) needs a rate above 0 %; use Z for zero-rated "
                  "supplies.");
    else if (rule == u"category-rate-not-zero"_s)
        text = tr("Only the standard category (S) has a rate; every other category must be "
                  "0 %.");
    else if (rule == u"exemption-reason-required"_s)
        text = tr("Categories E, AE, K, G and O need an exemption reason (a text or a VATEX "
                  "code) that the invoice states, e.g. \"Reverse charge\".");
    else if (rule == u"exemption-reason-forbidden"_s)
        text = tr("Categories S and Z carry no exemption reason.");
    else if (rule == u"invalid-prefix"_s)
        text = tr("A prefix may contain only letters, digits and / _ . -");
    else if (rule == u"duplicate-prefix"_s)
        text = tr("Another series already uses this prefix; numbers must stay unique.");
    else if (rule == u"width-range"_s)
        text = tr("The number width must be between 1 and 12 digits.");
    else if (rule == u"number-range"_s)
        text = tr("The next number must be 1 or more.");
    else if (rule == u"not-a-ledger"_s)
        text = tr("This file is not a Kontor ledger.");
    else if (rule == u"newer-schema"_s)
        text = tr("This ledger was written by a newer version of Kontor. Update Kontor to open "
                  "it; this version leaves it untouched.");
    else if (rule == u"file-exists"_s)
        text = tr("A file with this name exists already; choose another name.");
    else if (rule == u"file-missing"_s)
        text = tr("The file does not exist (any more).");
    else if (rule == u"not-initialized"_s)
        text = tr("This ledger has no company profile yet.");
    if (!text.isEmpty())
        error.message = text;
    return error;
}

} // namespace Kontor::Ui
