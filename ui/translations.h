// The desktop's language: which translations exist, which one the user chose (kept in QSettings
// under "language"), and switching between them while the program runs. Installing or removing
// a translator makes Qt send QEvent::LanguageChange to every widget, which each widget answers
// by setting its texts again.
#pragma once

#include <QList>
#include <QString>

namespace Kontor::Ui {

struct Language
{
    QString code; // "en", "it"; empty: follow the system
    QString name; // in the language itself ("Italiano"); the system entry is translated
};

// The choices offered in Settings, the system entry first.
QList<Language> availableLanguages();

// The stored choice; empty when the user never chose or chose "System".
QString languageSetting();
void setLanguageSetting(const QString &code);

// The language a choice resolves to: itself, or for "" the first of the system's preferred UI
// languages that Kontor has, else English.
QString resolveLanguage(const QString &code);

// Installs Kontor's (and, where installed, Qt's own) translator for the resolved language,
// replacing the previous ones, and makes the matching locale the default for numbers, dates and
// money. Returns the language now in use.
QString applyLanguage(const QString &code);

// The language applyLanguage last installed ("en" before any call).
QString currentLanguage();

} // namespace Kontor::Ui
