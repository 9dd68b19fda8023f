#include "entities.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
constexpr std::array kCategoryCodes {"S", "Z", "E", "AE", "K", "G", "O"};
constexpr std::array kKindNames {"invoice", "credit_note", "quote"};
constexpr std::array kStatusNames {"draft", "issued",   "partially_paid",
                                   "paid",  "credited", "converted"};

template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char *, N> &names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (name == QLatin1StringView(names[i]))
            return Enum(i);
    return std::nullopt;
}
} // namespace

QString taxCategoryCode(TaxCategory c)
{
    return QString::fromLatin1(kCategoryCodes[std::size_t(c)]);
}
std::optional<TaxCategory> taxCategoryFromCode(QStringView code)
{
    return fromName<TaxCategory>(kCategoryCodes, code);
}
QString documentKindName(DocumentKind k)
{
    return QString::fromLatin1(kKindNames[std::size_t(k)]);
}
std::optional<DocumentKind> documentKindFromName(QStringView name)
{
    return fromName<DocumentKind>(kKindNames, name);
}
QString documentStatusName(DocumentStatus s)
{
    return QString::fromLatin1(kStatusNames[std::size_t(s)]);
}
std::optional<DocumentStatus> documentStatusFromName(QStringView name)
{
    return fromName<DocumentStatus>(kStatusNames, name);
}

QString NumberSeries::format(qint64 n) const
{
    return prefix + u"%1"_s.arg(n, width, 10, QChar(u'0'));
}

} // namespace Kontor
