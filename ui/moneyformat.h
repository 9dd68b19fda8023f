// Locale-aware display and entry of money, quantities, percentages and dates for the widgets.
// The model stores exact integers; these helpers only translate to and from what a person reads
// and types in their locale ("1.234,50 €" in Italian, "€1,234.50" in English).
#pragma once

#include "result.h"

#include <QDate>
#include <QLocale>
#include <QString>

namespace Kontor::Ui {

QString formatMoney(qint64 minor, const QString &currency, const QLocale &locale = QLocale());
// Amount without the currency symbol, grouped: "1,234.50".
QString formatAmount(qint64 minor, const QString &currency, const QLocale &locale = QLocale());
QString formatQuantity(qint64 quantity, const QLocale &locale = QLocale());
QString formatUnitPrice(qint64 unitPrice, const QString &currency,
                        const QLocale &locale = QLocale());
QString formatPercent(int basisPoints, const QLocale &locale = QLocale());
QString formatDate(const QDate &date, const QLocale &locale = QLocale());

// Parsing accepts the locale's decimal separator and group separators, and the plain "C" form.
Result<qint64> parseAmount(const QString &text, const QString &currency, const QString &field,
                           const QLocale &locale = QLocale());
Result<qint64> parseQuantity(const QString &text, const QString &field,
                             const QLocale &locale = QLocale());
Result<qint64> parseUnitPrice(const QString &text, const QString &currency, const QString &field,
                              const QLocale &locale = QLocale());
Result<int> parsePercent(const QString &text, const QString &field,
                         const QLocale &locale = QLocale());

} // namespace Kontor::Ui
