#include "synctexts.h"

#include "fielderrors.h"
#include "hlc.h"
#include "ledger.h"
#include "moneyformat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

bool isDocument(const QString &entity)
{
    return entity == u"invoice"_s || entity == u"quote"_s || entity == u"credit_note"_s;
}

// The first part of an id: enough to tell records apart in a list.
QString shortId(const QString &id)
{
    return id.size() > 13 ? id.left(13) + u'…' : id;
}

} // namespace

QString SyncTexts::entityName(const QString &entity)
{
    if (entity == u"customer"_s)
        return tr("Customer");
    if (entity == u"product"_s)
        return tr("Product");
    if (entity == u"expense"_s)
        return tr("Expense");
    if (entity == u"invoice"_s)
        return tr("Invoice");
    if (entity == u"quote"_s)
        return tr("Quote");
    if (entity == u"credit_note"_s)
        return tr("Credit note");
    if (entity == u"payment"_s)
        return tr("Payment");
    if (entity == u"receipt"_s)
        return tr("Receipt");
    if (entity == u"tax_rate"_s)
        return tr("Tax rate");
    if (entity == u"series"_s)
        return tr("Number series");
    if (entity == u"company"_s)
        return tr("Company profile");
    return entity;
}

QString SyncTexts::recordLabel(const Ledger &ledger, const QString &entity, const QString &id)
{
    if (entity == u"customer"_s) {
        if (auto c = ledger.customer(id))
            return c->name;
    } else if (entity == u"product"_s) {
        if (auto p = ledger.product(id))
            return p->name;
    } else if (entity == u"expense"_s) {
        if (auto e = ledger.expense(id))
            return tr("%1, %2").arg(e->supplier, QLocale().toString(e->date, QLocale::ShortFormat));
    } else if (isDocument(entity)) {
        if (auto d = ledger.document(id)) {
            if (!d->number.isEmpty())
                return d->number;
            QString customer;
            if (auto c = ledger.customer(d->customerId))
                customer = c->name;
            return customer.isEmpty() ? tr("Draft") : tr("Draft for %1").arg(customer);
        }
    } else if (entity == u"tax_rate"_s) {
        if (auto rates = ledger.taxRates(true))
            for (const TaxRate &r : rates.value())
                if (r.id == id)
                    return r.name;
    } else if (entity == u"series"_s) {
        if (auto s = ledger.series(id))
            return s->name;
    } else if (entity == u"company"_s) {
        if (auto c = ledger.company())
            return c->name;
    }
    return shortId(id);
}

QString SyncTexts::recordCurrency(const Ledger &ledger, const QString &entity, const QString &id)
{
    QString currency;
    if (isDocument(entity)) {
        if (auto d = ledger.document(id))
            currency = d->currency;
    } else if (entity == u"expense"_s) {
        if (auto e = ledger.expense(id))
            currency = e->currency;
    } else if (entity == u"product"_s) {
        if (auto p = ledger.product(id))
            currency = p->currency;
    } else if (entity == u"customer"_s) {
        if (auto c = ledger.customer(id))
            currency = c->currency;
    }
    if (currency.isEmpty())
        if (auto c = ledger.company())
            currency = c->currency;
    return currency;
}

QString SyncTexts::fieldName(const QString &field)
{
    static const QHash<QString, const char *> names {
        {u"name"_s, QT_TR_NOOP("Name")},
        {u"email"_s, QT_TR_NOOP("E-mail")},
        {u"phone"_s, QT_TR_NOOP("Phone")},
        {u"vatId"_s, QT_TR_NOOP("VAT ID")},
        {u"taxId"_s, QT_TR_NOOP("Tax code")},
        {u"address"_s, QT_TR_NOOP("Address")},
        {u"billingAddress"_s, QT_TR_NOOP("Billing address")},
        {u"shippingAddress"_s, QT_TR_NOOP("Shipping address")},
        {u"paymentTermsDays"_s, QT_TR_NOOP("Payment terms")},
        {u"paymentTerms"_s, QT_TR_NOOP("Payment terms")},
        {u"currency"_s, QT_TR_NOOP("Currency")},
        {u"notes"_s, QT_TR_NOOP("Notes")},
        {u"archived"_s, QT_TR_NOOP("Archived")},
        {u"description"_s, QT_TR_NOOP("Description")},
        {u"unit"_s, QT_TR_NOOP("Unit")},
        {u"unitPrice"_s, QT_TR_NOOP("Unit price")},
        {u"taxRateId"_s, QT_TR_NOOP("Tax rate")},
        {u"supplier"_s, QT_TR_NOOP("Supplier")},
        {u"supplierVatId"_s, QT_TR_NOOP("Supplier's VAT ID")},
        {u"date"_s, QT_TR_NOOP("Date")},
        {u"category"_s, QT_TR_NOOP("Category")},
        {u"net"_s, QT_TR_NOOP("Net")},
        {u"vat"_s, QT_TR_NOOP("VAT")},
        {u"total"_s, QT_TR_NOOP("Total")},
        {u"customerId"_s, QT_TR_NOOP("Customer")},
        {u"issueDate"_s, QT_TR_NOOP("Issue date")},
        {u"dueDate"_s, QT_TR_NOOP("Due date")},
        {u"lines"_s, QT_TR_NOOP("Lines")},
        {u"referenceId"_s, QT_TR_NOOP("Reference")},
        {u"buyerReference"_s, QT_TR_NOOP("Buyer reference")},
        {u"rate"_s, QT_TR_NOOP("Rate")},
        {u"exemptionReason"_s, QT_TR_NOOP("Exemption reason")},
        {u"exemptionReasonCode"_s, QT_TR_NOOP("Exemption reason code")},
        {u"prefix"_s, QT_TR_NOOP("Prefix")},
        {u"width"_s, QT_TR_NOOP("Digits")},
        {u"iban"_s, QT_TR_NOOP("IBAN")},
        {u"bic"_s, QT_TR_NOOP("BIC")},
        {u"bankName"_s, QT_TR_NOOP("Bank")},
        {u"logo"_s, QT_TR_NOOP("Logo")},
    };
    const auto it = names.constFind(field);
    return it == names.cend() ? field : tr(it.value());
}

QString SyncTexts::valueText(const QString &field, const QJsonValue &value, const QString &currency)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double: {
        const qint64 n = value.toInteger();
        if (!currency.isEmpty()) {
            if (field == u"net"_s || field == u"vat"_s || field == u"total"_s)
                return formatMoney(n, currency);
            if (field == u"unitPrice"_s)
                return formatUnitPrice(n, currency);
        }
        if (field == u"paymentTermsDays"_s)
            return n < 0 ? tr("(company default)") : tr("%n day(s)", nullptr, int(n));
        return QLocale().toString(n);
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        if (text.isEmpty())
            return tr("(empty)");
        if (field == u"logo"_s)
            return tr("An image");
        return text;
    }
    case QJsonValue::Array: {
        const int count = int(value.toArray().size());
        if (field == u"lines"_s)
            return tr("%n line(s)", nullptr, count);
        return tr("%n item(s)", nullptr, count);
    }
    case QJsonValue::Object: {
        // An address: its parts on one line, in the order they are written.
        const QJsonObject o = value.toObject();
        QStringList parts;
        for (const QString &key :
             {u"street"_s, u"additional"_s, u"postalCode"_s, u"city"_s, u"region"_s, u"country"_s})
            if (const QString part = o.value(key).toString(); !part.isEmpty())
                parts << part;
        if (parts.isEmpty() && !o.isEmpty())
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it->isString() && !it->toString().isEmpty())
                    parts << it->toString();
        return parts.isEmpty() ? tr("(empty)") : parts.join(u", "_s);
    }
    }
    return {};
}

QString SyncTexts::changeKind(const QString &kind)
{
    if (kind == u"create"_s)
        return tr("created");
    if (kind == u"update"_s)
        return tr("changed");
    if (kind == u"issue"_s)
        return tr("issued");
    if (kind == u"delete"_s)
        return tr("deleted");
    return kind;
}

QString SyncTexts::resolutionText(const QString &resolution)
{
    if (resolution.isEmpty())
        return tr("Open");
    if (resolution.startsWith(u"kept-as-draft:"_s))
        return tr("Kept as a new draft");
    if (resolution == u"dismissed"_s)
        return tr("Dismissed");
    return resolution;
}

QDateTime SyncTexts::stampTime(const QString &hlc)
{
    bool ok = false;
    const HlcStamp stamp = HlcStamp::fromString(hlc, &ok);
    if (!ok || stamp.value == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(stamp.physicalMs()).toLocalTime();
}

QString SyncTexts::stampText(const QString &hlc)
{
    const QDateTime when = stampTime(hlc);
    return when.isValid() ? QLocale().toString(when, QLocale::ShortFormat) : QString();
}

QString SyncTexts::describeError(const Error &error)
{
    const QString &rule = error.rule;
    if (rule == u"network"_s)
        return tr("The sync server cannot be reached; your changes are kept and sent when it "
                  "answers again. (%1)")
            .arg(error.message);
    if (rule == u"server-unavailable"_s)
        return tr("The sync server is unavailable at the moment; Kontor tries again later.");
    if (rule == u"unauthorized"_s)
        return tr("The sync server no longer accepts this computer's sign-in; sign in again in "
                  "Settings > Sync account.");
    if (rule == u"not-signed-in"_s)
        return tr("This ledger is not signed in to a sync server.");
    if (rule == u"no-server"_s)
        return tr("No sync server is set.");
    if (rule == u"rate-limited"_s)
        return tr("Too many attempts; wait a minute and try again.");
    if (rule == u"email-taken"_s)
        return tr("There is already an account with this e-mail address; sign in instead.");
    if (rule == u"missing-field"_s || rule == u"empty"_s)
        return tr("A value is required.");
    if (rule == u"too-short"_s) {
        static const QRegularExpression digits(u"(\\d+)"_s);
        const auto match = digits.match(error.message);
        return match.hasMatch()
            ? tr("This is too short: at least %1 characters are needed.").arg(match.captured(1))
            : tr("This is too short.");
    }
    if (rule == u"protocol-version"_s)
        return tr("The sync server speaks another version of the sync protocol; update Kontor.");
    if (rule == u"credentials-unavailable"_s)
        return tr("The sign-in cannot be stored on this computer: %1").arg(error.message);
    if (rule == u"immutable-document"_s)
        return tr("An issued document cannot be changed; correct it with a credit note.");
    if (rule == u"immutable-record"_s)
        return tr("Payments and receipts cannot be changed once recorded.");
    if (rule == u"series-held"_s)
        return tr("The number series is held by another device.");
    return FieldErrors::describe(error);
}

} // namespace Kontor::Ui
