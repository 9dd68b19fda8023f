// The rules in words for the errors of the settings, the setup and the ledger file (IBAN, BIC,
// tax rates, number series, opening a file), in the user's language. FieldErrors::describe falls
// back to an error's message for rules it does not know, so these forms hand it the error with
// the message put in words here.
#pragma once

#include "result.h"

#include <QCoreApplication>

namespace Kontor::Ui {

class SettingsErrors
{
    Q_DECLARE_TR_FUNCTIONS(Kontor::Ui::SettingsErrors)
public:
    // The error with its message replaced by a translated sentence when the rule is one of the
    // settings' or the ledger file's; otherwise unchanged.
    static Error translated(Error error);
};

inline Error withSettingsMessage(Error error)
{
    return SettingsErrors::translated(std::move(error));
}

} // namespace Kontor::Ui
