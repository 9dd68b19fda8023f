// What sync records look like to a person, in the user's language: the kinds of records, their
// fields, the values of a conflict, the time of an entry (an HLC stamp), what a refused change
// was and what became of it, and the sync errors the engine and the server give. The Sync panel,
// its models and the Sync account page share these words.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Kontor {

class Ledger;

namespace Ui {

class SyncTexts
{
    Q_DECLARE_TR_FUNCTIONS(Kontor::Ui::SyncTexts)
public:
    // "Customer", "Invoice", ... for the outbox's entity names; the name itself when unknown.
    static QString entityName(const QString &entity);
    // How a person recognises the record: a customer's name, a document's number (or "Draft
    // for <customer>"), an expense's supplier and date. A record that is gone gives its id.
    static QString recordLabel(const Ledger &ledger, const QString &entity, const QString &id);
    // The currency the record's amounts are in (its own, else the company's).
    static QString recordCurrency(const Ledger &ledger, const QString &entity, const QString &id);
    // "Name", "E-mail", "Lines", ... for a record's JSON field; the field itself when unknown.
    static QString fieldName(const QString &field);
    // A field's value as shown in a list: amounts with their currency, addresses on one line,
    // "3 lines" for a document's lines, "(empty)" for nothing.
    static QString valueText(const QString &field, const QJsonValue &value,
                             const QString &currency);
    // "created", "changed", "issued", "deleted".
    static QString changeKind(const QString &kind);
    // What became of a refused change: "Open", "Kept as a new draft", "Dismissed".
    static QString resolutionText(const QString &resolution);
    // The local time of an HLC stamp ("0001732890000000-00000"); invalid when it is not one.
    static QDateTime stampTime(const QString &hlc);
    static QString stampText(const QString &hlc);
    // A sync error in words: the common ones (no network, signed out, refused credentials)
    // translated, the server's own message otherwise.
    static QString describeError(const Error &error);
};

} // namespace Ui
} // namespace Kontor
