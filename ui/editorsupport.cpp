#include "editorsupport.h"

#include "icons.h"

#include <QApplication>
#include <QCollator>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

QIcon EditorSupport::icon(const QString &name, QStyle::StandardPixmap fallback)
{
    const QIcon themed = Ui::icon(name, name);
    if (!themed.isNull())
        return themed;
    return QApplication::style()->standardIcon(fallback);
}

QList<UnitCode> EditorSupport::commonUnits()
{
    return {
        {u"C62"_s, tr("piece")},   {u"HUR"_s, tr("hour")},          {u"DAY"_s, tr("day")},
        {u"MON"_s, tr("month")},   {u"KGM"_s, tr("kilogram")},      {u"MTR"_s, tr("metre")},
        {u"LS"_s, tr("lump sum")}, {u"WEE"_s, tr("week")},          {u"ANN"_s, tr("year")},
        {u"MIN"_s, tr("minute")},  {u"KMT"_s, tr("kilometre")},     {u"MTK"_s, tr("square metre")},
        {u"LTR"_s, tr("litre")},   {u"KWH"_s, tr("kilowatt hour")}, {u"SET"_s, tr("set")},
    };
}

QString EditorSupport::unitName(const QString &code)
{
    for (const UnitCode &u : commonUnits())
        if (u.code == code)
            return u.name;
    return code;
}

void EditorSupport::fillUnitCombo(QComboBox *combo)
{
    combo->clear();
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const UnitCode &u : commonUnits())
        combo->addItem(u"%1 (%2)"_s.arg(u.name, u.code), u.code);
}

void EditorSupport::setUnit(QComboBox *combo, const QString &code)
{
    if (!selectData(combo, code)) {
        combo->setCurrentIndex(-1);
        combo->setEditText(code);
    }
}

QString EditorSupport::unit(const QComboBox *combo)
{
    const QString text = combo->currentText().trimmed();
    // The text of a list item, or a name or code typed by hand.
    for (int i = 0; i < combo->count(); ++i) {
        const QString code = combo->itemData(i).toString();
        if (text == combo->itemText(i) || text.compare(code, Qt::CaseInsensitive) == 0
            || text.compare(unitName(code), Qt::CaseInsensitive) == 0)
            return code;
    }
    return text.toUpper();
}

void EditorSupport::fillCountryCombo(QComboBox *combo)
{
    struct Country
    {
        QString name;
        QString code;
    };
    QList<Country> countries;
    for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
        const auto territory = QLocale::Territory(t);
        const QString code = QLocale::territoryToCode(territory);
        if (code.size() != 2 || !code.at(0).isLetter() || !code.at(1).isLetter())
            continue;
        countries.append({QLocale::territoryToString(territory), code});
    }
    QCollator collator;
    std::sort(countries.begin(), countries.end(), [&collator](const Country &a, const Country &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    combo->clear();
    combo->addItem(tr("(none)"), QString());
    for (const Country &c : std::as_const(countries))
        combo->addItem(u"%1 (%2)"_s.arg(c.name, c.code), c.code);
}

void EditorSupport::fillCurrencyCombo(QComboBox *combo, const QString &defaultLabel)
{
    combo->clear();
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    if (!defaultLabel.isEmpty())
        combo->addItem(defaultLabel, QString());
    for (const char *code : {"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF",
                             "RON", "BGN", "JPY", "CAD", "AUD"})
        combo->addItem(QString::fromLatin1(code), QString::fromLatin1(code));
}

void EditorSupport::setCurrency(QComboBox *combo, const QString &code)
{
    if (!selectData(combo, code)) {
        combo->setCurrentIndex(-1);
        combo->setEditText(code);
    }
}

QString EditorSupport::currency(const QComboBox *combo)
{
    const int index = combo->currentIndex();
    const QString text = combo->currentText().trimmed();
    if (index >= 0 && combo->itemText(index) == text)
        return combo->itemData(index).toString();
    return text.toUpper();
}

bool EditorSupport::selectData(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

QList<std::pair<QString, QString>> EditorSupport::paymentMethods()
{
    return {{u"bank transfer"_s, tr("Bank transfer")},
            {u"card"_s, tr("Card")},
            {u"cash"_s, tr("Cash")},
            {u"direct debit"_s, tr("Direct debit")},
            {u"paypal"_s, tr("PayPal")},
            {u"cheque"_s, tr("Cheque")}};
}

QString EditorSupport::paymentMethodName(const QString &key)
{
    for (const auto &[k, name] : paymentMethods())
        if (k == key)
            return name;
    return key;
}

QStringList EditorSupport::expenseCategories()
{
    return {tr("Office"), tr("Software"),  tr("Hardware"),  tr("Travel"),
            tr("Meals"),  tr("Telephone"), tr("Rent"),      tr("Training"),
            tr("Fees"),   tr("Insurance"), tr("Marketing"), tr("Other")};
}

QString EditorSupport::kindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Invoice:
        return tr("Invoice");
    case DocumentKind::CreditNote:
        return tr("Credit note");
    case DocumentKind::Quote:
        return tr("Quote");
    }
    return {};
}

QString EditorSupport::statusName(DocumentKind kind, DocumentStatus status)
{
    switch (status) {
    case DocumentStatus::Draft:
        return kind == DocumentKind::Quote ? tr("Open") : tr("Draft");
    case DocumentStatus::Issued:
        return tr("Issued");
    case DocumentStatus::PartiallyPaid:
        return tr("Partially paid");
    case DocumentStatus::Paid:
        return tr("Paid");
    case DocumentStatus::Credited:
        return tr("Credited");
    case DocumentStatus::Converted:
        return tr("Converted to invoice");
    }
    return {};
}

QString EditorSupport::safeFileName(const QString &title)
{
    QString out;
    for (QChar c : title) {
        // Characters Windows refuses in file names, and control characters everywhere.
        if (c.unicode() < 32 || QStringView(u"<>:\"/\\|?*").contains(c))
            out += u'-';
        else
            out += c;
    }
    out = out.trimmed();
    while (out.endsWith(u'.'))
        out.chop(1);
    return out.isEmpty() ? u"document"_s : out;
}

} // namespace Kontor::Ui
