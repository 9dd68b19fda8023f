#include "regionchoices.h"

#include "money.h"
#include "rules.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

struct Country
{
    QString code;
    QString name;
};

const QList<Country> &countries()
{
    static const QList<Country> list = [] {
        QList<Country> out;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() != 2 || !isValidCountryCode(code))
                continue;
            if (std::any_of(out.cbegin(), out.cend(),
                            [&](const Country &c) { return c.code == code; }))
                continue;
            out.append({code, QLocale::territoryToString(territory)});
        }
        std::sort(out.begin(), out.end(), [](const Country &a, const Country &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        return out;
    }();
    return list;
}

// Qt has no list of currencies; the locales know the currency of every territory, which covers
// the codes people invoice in. Codes the ledger does not accept are left out.
const QStringList &currencies()
{
    static const QStringList list = [] {
        QSet<QString> codes;
        const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                      QLocale::AnyTerritory);
        for (const QLocale &l : locales) {
            const QString code = l.currencySymbol(QLocale::CurrencyIsoCode);
            if (Currency::isKnown(code))
                codes.insert(code);
        }
        QStringList out(codes.cbegin(), codes.cend());
        out.sort();
        return out;
    }();
    return list;
}

} // namespace

void fillCountryCombo(QComboBox *combo, bool allowEmpty)
{
    combo->clear();
    if (allowEmpty)
        combo->addItem(QCoreApplication::translate("Kontor::Ui::Region", "(not set)"), QString());
    for (const Country &c : countries())
        combo->addItem(u"%1 (%2)"_s.arg(c.name, c.code), c.code);
}

void fillCurrencyCombo(QComboBox *combo)
{
    combo->clear();
    for (const QString &code : currencies())
        combo->addItem(code, code);
}

bool selectCode(QComboBox *combo, const QString &code)
{
    const int index = combo->findData(code);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

QString currencyOfCountry(const QString &countryCode)
{
    const auto territory = QLocale::codeToTerritory(countryCode);
    if (territory == QLocale::AnyTerritory)
        return {};
    const QString code
        = QLocale(QLocale::AnyLanguage, territory).currencySymbol(QLocale::CurrencyIsoCode);
    return Currency::isKnown(code) ? code : QString();
}

QString systemCountry()
{
    const QString code = QLocale::territoryToCode(QLocale::system().territory());
    return code.size() == 2 && isValidCountryCode(code) ? code : QString();
}

} // namespace Kontor::Ui
