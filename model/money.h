// Exact money arithmetic. Amounts are integer minor units of a currency; quantities and unit
// prices are fixed-point integers. No value on the money path is ever a double.
#pragma once

#include "result.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace Kontor {

#if defined(_MSC_VER) && !defined(__clang__)
} // namespace Kontor
#include <__msvc_int128.hpp>
namespace Kontor {
using Int128 = std::_Signed128;
#else
__extension__ typedef __int128 Int128;
#endif

// Quantities carry four decimals: 1.5 hours is 15000.
inline constexpr int QuantityDecimals = 4;
inline constexpr qint64 QuantityScale = 10'000;
// Unit prices carry two decimals beyond the currency's minor unit: 12.3456 EUR is 123456.
inline constexpr int PriceExtraDecimals = 2;
inline constexpr qint64 PriceExtraScale = 100;
// Percentages (tax rates, discounts) are basis points: 22 % is 2200.
inline constexpr qint64 BasisPointScale = 10'000;
// The largest amount any single document, line or payment may carry, in minor units. Leaves
// room for sums of many lines in 64 bits with margin.
inline constexpr qint64 MaxAmountMinor = 1'000'000'000'000'000LL; // 10^15

// An ISO 4217 currency and the number of decimals of its minor unit.
struct Currency
{
    QString code;
    int minorDigits = 2;

    static std::optional<Currency> find(QStringView code);
    static bool isKnown(QStringView code) { return find(code).has_value(); }
};

// Divides and rounds half away from zero (commercial rounding, the convention EN 16931
// implementations use for amounts). Requires den > 0. Works on 128-bit intermediates.
qint64 divRoundHalfAway(Int128 num, qint64 den);

// Amount formatting and parsing in the plain "C" form ("-1234.50"); locale formatting is the
// UI's job.
QString formatMinor(qint64 minor, int minorDigits);
// The amount with its currency's decimals and code, for messages: "1234.50 EUR".
QString formatAmount(qint64 minor, const QString &currency);
Result<qint64> parseMinor(QStringView text, int minorDigits, const QString &field);

// Generic fixed-point text conversion: value scaled by 10^decimals.
QString formatFixed(qint64 value, int decimals, bool trimZeros = false);
Result<qint64> parseFixed(QStringView text, int decimals, const QString &field);

// Line arithmetic: gross = round(quantity x unit price); allowance = round(gross x discount).
struct LineAmounts
{
    qint64 gross = 0;
    qint64 allowance = 0;
    qint64 net = 0;
};
Result<LineAmounts> computeLineAmounts(qint64 quantity, qint64 unitPrice, int discountBp,
                                       const QString &field);

// VAT of a taxable amount at a rate in basis points, rounded half away from zero.
qint64 vatAmount(qint64 taxableMinor, int rateBp);

} // namespace Kontor
