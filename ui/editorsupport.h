// Small pieces the record editors share: icons with fallbacks, the lists behind their combo boxes
// (UN/ECE units, ISO countries and currencies, payment methods, expense categories) and the names
// of document kinds and states as a person reads them.
#pragma once

#include "entities.h"

#include <QCoreApplication>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStyle>

#include <utility>

class QComboBox;
class QWidget;

namespace Kontor::Ui {

struct UnitCode
{
    QString code; // UN/ECE Recommendation 20
    QString name; // translated, e.g. "hour"
};

class EditorSupport
{
    Q_DECLARE_TR_FUNCTIONS(Kontor::Ui::EditorSupport)
public:
    // The application's SVG icon (icons.h), else the theme's icon of that name, else the
    // style's standard pixmap, so a button never ends up blank.
    static QIcon icon(const QString &name, QStyle::StandardPixmap fallback);

    // The units offered in combo boxes, most used first.
    static QList<UnitCode> commonUnits();
    // "hour" for HUR; an unknown code is returned as it is.
    static QString unitName(const QString &code);
    // Editable combo of units: items show "hour (HUR)" and carry the code as data; a typed code
    // that is not in the list is kept as typed.
    static void fillUnitCombo(QComboBox *combo);
    static void setUnit(QComboBox *combo, const QString &code);
    static QString unit(const QComboBox *combo);

    // Countries by name, "Italy (IT)", data = ISO 3166-1 alpha-2 code; the first item is "no
    // country" with an empty code.
    static void fillCountryCombo(QComboBox *combo);
    // Editable combo of ISO 4217 codes. With `defaultLabel` the first item is that label with an
    // empty code (e.g. "Company default (EUR)").
    static void fillCurrencyCombo(QComboBox *combo, const QString &defaultLabel = {});
    static void setCurrency(QComboBox *combo, const QString &code);
    static QString currency(const QComboBox *combo);

    // Selects the item whose data is `value`; returns false when there is none.
    static bool selectData(QComboBox *combo, const QVariant &value);

    // Payment methods offered, stored as the English key, shown translated.
    static QList<std::pair<QString, QString>> paymentMethods();
    static QString paymentMethodName(const QString &key);
    static QStringList expenseCategories();

    static QString kindName(DocumentKind kind); // "Invoice", "Credit note", "Quote"
    static QString statusName(DocumentKind kind, DocumentStatus status);

    // A file name that every platform accepts, from a title such as "Invoice 2026/0001".
    static QString safeFileName(const QString &title);
};

} // namespace Kontor::Ui
