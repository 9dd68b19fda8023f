#include "money.h"

#include <QHash>

#include <array>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

struct CurrencyEntry
{
    const char *code;
    int digits;
};

// Active ISO 4217 codes with their minor-unit digits (funds and metals excluded).
constexpr CurrencyEntry kCurrencies[] = {
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2},
    {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0},
    {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2},
    {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2},
    {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2},
    {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2},
    {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2},
    {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0},
    {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2},
    {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2},
    {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2},
    {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2},
    {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2},
    {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2},
    {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2},
    {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYU", 2}, {"UZS", 2}, {"VES", 2},
    {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2},
    {"ZAR", 2}, {"ZMW", 2}, {"ZWL", 2},
};

Int128 pow10(int n)
{
    Int128 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

} // namespace

std::optional<Currency> Currency::find(QStringView code)
{
    if (code.size() != 3)
        return std::nullopt;
    for (const auto &e : kCurrencies) {
        if (code == QLatin1StringView(e.code))
            return Currency {code.toString(), e.digits};
    }
    return std::nullopt;
}

qint64 divRoundHalfAway(Int128 num, qint64 den)
{
    Q_ASSERT(den > 0);
    const bool negative = num < 0;
    Int128 a = negative ? -num : num;
    Int128 q = a / den;
    const Int128 r = a % den;
    if (r * 2 >= den)
        ++q;
    return static_cast<qint64>(negative ? -q : q);
}

QString formatFixed(qint64 value, int decimals, bool trimZeros)
{
    const bool negative = value < 0;
    // Work in unsigned to survive INT64_MIN.
    quint64 a = negative ? quint64(0) - quint64(value) : quint64(value);
    QString digits = QString::number(a);
    if (decimals > 0) {
        if (digits.size() <= decimals)
            digits = QString(decimals - digits.size() + 1, u'0') + digits;
        QString intPart = digits.left(digits.size() - decimals);
        QString frac = digits.right(decimals);
        if (trimZeros) {
            while (!frac.isEmpty() && frac.endsWith(u'0'))
                frac.chop(1);
        }
        digits = frac.isEmpty() ? intPart : intPart + u'.' + frac;
    }
    return negative ? u'-' + digits : digits;
}

Result<qint64> parseFixed(QStringView text, int decimals, const QString &field)
{
    QStringView t = text.trimmed();
    auto bad = [&](const QString &why) {
        return validationError(field, u"number-format"_s,
                               u"'%1' is not a valid number: %2"_s.arg(text.toString(), why));
    };
    if (t.isEmpty())
        return bad(u"it is empty"_s);
    bool negative = false;
    if (t.front() == u'-' || t.front() == u'+') {
        negative = t.front() == u'-';
        t = t.mid(1);
    }
    const qsizetype dot = t.indexOf(u'.');
    QStringView intPart = dot < 0 ? t : t.left(dot);
    QStringView fracPart = dot < 0 ? QStringView() : t.mid(dot + 1);
    if (intPart.isEmpty() && fracPart.isEmpty())
        return bad(u"no digits"_s);
    for (QChar c : intPart)
        if (!c.isDigit() || c.unicode() > 127)
            return bad(u"only digits and one '.' are allowed"_s);
    for (QChar c : fracPart)
        if (!c.isDigit() || c.unicode() > 127)
            return bad(u"only digits and one '.' are allowed"_s);
    if (fracPart.size() > decimals) {
        // Accept trailing zeros beyond the precision, refuse real extra precision.
        for (QChar c : fracPart.mid(decimals))
            if (c != u'0')
                return bad(u"at most %1 decimals are allowed"_s.arg(decimals));
        fracPart = fracPart.left(decimals);
    }
    if (intPart.size() > 18)
        return bad(u"the value is too large"_s);
    Int128 v = 0;
    for (QChar c : intPart)
        v = v * 10 + (c.unicode() - u'0');
    v *= pow10(decimals);
    Int128 f = 0;
    for (QChar c : fracPart)
        f = f * 10 + (c.unicode() - u'0');
    f *= pow10(decimals - int(fracPart.size()));
    v += f;
    if (v > Int128(std::numeric_limits<qint64>::max()))
        return bad(u"the value is too large"_s);
    return static_cast<qint64>(negative ? -v : v);
}

QString formatMinor(qint64 minor, int minorDigits)
{
    return formatFixed(minor, minorDigits);
}

QString formatAmount(qint64 minor, const QString &currency)
{
    const auto c = Currency::find(currency);
    return formatMinor(minor, c ? c->minorDigits : 2) + u' ' + currency;
}

Result<qint64> parseMinor(QStringView text, int minorDigits, const QString &field)
{
    auto r = parseFixed(text, minorDigits, field);
    if (r && (r.value() > MaxAmountMinor || r.value() < -MaxAmountMinor))
        return validationError(field, u"amount-range"_s,
                               u"the amount exceeds the largest amount allowed"_s);
    return r;
}

Result<LineAmounts> computeLineAmounts(qint64 quantity, qint64 unitPrice, int discountBp,
                                       const QString &field)
{
    if (discountBp < 0 || discountBp > BasisPointScale)
        return validationError(field + u".discount"_s, u"discount-range"_s,
                               u"the discount must be between 0 % and 100 %"_s);
    const Int128 exact = Int128(quantity) * Int128(unitPrice);
    const Int128 limit = Int128(MaxAmountMinor) * QuantityScale * PriceExtraScale;
    if (exact > limit || exact < -limit)
        return validationError(field, u"amount-range"_s,
                               u"quantity times unit price exceeds the largest amount allowed"_s);
    LineAmounts a;
    a.gross = divRoundHalfAway(exact, QuantityScale * PriceExtraScale);
    a.allowance = divRoundHalfAway(Int128(a.gross) * discountBp, BasisPointScale);
    a.net = a.gross - a.allowance;
    return a;
}

qint64 vatAmount(qint64 taxableMinor, int rateBp)
{
    return divRoundHalfAway(Int128(taxableMinor) * rateBp, BasisPointScale);
}

} // namespace Kontor
