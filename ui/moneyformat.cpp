#include "moneyformat.h"

#include "money.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

int digitsOf(const QString &currency)
{
    const auto c = Currency::find(currency);
    return c ? c->minorDigits : 2;
}

// Turns a fixed-point "C" text ("-1234.5") into the locale's form with grouping.
QString localise(const QString &plain, const QLocale &locale)
{
    const bool negative = plain.startsWith(u'-');
    const QString body = negative ? plain.mid(1) : plain;
    const qsizetype dot = body.indexOf(u'.');
    const QString intPart = dot < 0 ? body : body.left(dot);
    const QString frac = dot < 0 ? QString() : body.mid(dot + 1);
    QString grouped;
    const QString sep = locale.groupSeparator();
    for (qsizetype i = 0; i < intPart.size(); ++i) {
        if (i > 0 && (intPart.size() - i) % 3 == 0)
            grouped += sep;
        grouped += intPart.at(i);
    }
    QString out = grouped;
    if (!frac.isEmpty())
        out += locale.decimalPoint() + frac;
    return negative ? locale.negativeSign() + out : out;
}

// Back to the "C" form: drop group separators and spaces, use '.' for decimals.
QString delocalise(QString text, const QLocale &locale)
{
    text = text.trimmed();
    text.remove(locale.groupSeparator());
    text.remove(QChar(0x00A0));
    text.remove(QChar(0x202F));
    text.remove(u' ');
    text.replace(locale.decimalPoint(), u"."_s);
    text.replace(locale.negativeSign(), u"-"_s);
    return text;
}

} // namespace

QString formatAmount(qint64 minor, const QString &currency, const QLocale &locale)
{
    return localise(formatMinor(minor, digitsOf(currency)), locale);
}

QString formatMoney(qint64 minor, const QString &currency, const QLocale &locale)
{
    const QString symbol = locale.currencySymbol(QLocale::CurrencyIsoCode) == currency
        ? locale.currencySymbol(QLocale::CurrencySymbol)
        : currency;
    if (locale.language() == QLocale::English && symbol.size() == 1) {
        if (minor < 0)
            return locale.negativeSign() + symbol + formatAmount(-minor, currency, locale);
        return symbol + formatAmount(minor, currency, locale);
    }
    return formatAmount(minor, currency, locale) + QChar(0x00A0) + symbol;
}

QString formatQuantity(qint64 quantity, const QLocale &locale)
{
    return localise(formatFixed(quantity, QuantityDecimals, true), locale);
}

QString formatUnitPrice(qint64 unitPrice, const QString &currency, const QLocale &locale)
{
    const int digits = digitsOf(currency);
    QString text = formatFixed(unitPrice, digits + PriceExtraDecimals);
    // Show the extra decimals only when they are used: 80.00, but 12.345.
    while (text.endsWith(u'0') && text.size() - text.indexOf(u'.') - 1 > digits)
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return localise(text, locale);
}

QString formatPercent(int basisPoints, const QLocale &locale)
{
    return localise(formatFixed(basisPoints, 2, true), locale) + u" %"_s;
}

QString formatDate(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : QString();
}

Result<qint64> parseAmount(const QString &text, const QString &currency, const QString &field,
                           const QLocale &locale)
{
    return parseMinor(delocalise(text, locale), digitsOf(currency), field);
}

Result<qint64> parseQuantity(const QString &text, const QString &field, const QLocale &locale)
{
    return parseFixed(delocalise(text, locale), QuantityDecimals, field);
}

Result<qint64> parseUnitPrice(const QString &text, const QString &currency, const QString &field,
                              const QLocale &locale)
{
    return parseFixed(delocalise(text, locale), digitsOf(currency) + PriceExtraDecimals, field);
}

Result<int> parsePercent(const QString &text, const QString &field, const QLocale &locale)
{
    QString t = delocalise(text, locale);
    t.remove(u'%');
    auto r = parseFixed(t, 2, field);
    if (!r)
        return r.error();
    if (r.value() < 0 || r.value() > 10000)
        return validationError(
            field, u"percent-range"_s,
            QCoreApplication::translate("Kontor::Ui", "must be between 0 % and 100 %"));
    return int(r.value());
}

} // namespace Kontor::Ui
