// The tamper-evident log: every issued document, payment and deletion is appended as a
// canonical JSON payload chained by SHA-256 over (previous hash, payload). verify() recomputes
// the chain and compares each entry with the record in the tables, so an edit made behind the
// program's back (e.g. with the sqlite3 shell) is found and named.
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kontor {

class Ledger;
class Store;

struct AuditProblem
{
    qint64 seq = 0; // chain position, 0 when the problem is a record missing from the chain
    QString entity; // "invoice", "credit_note", "payment", ...
    QString entityId;
    QString label; // the document number or payment id a person recognises
    QString description;
};

struct AuditReport
{
    qint64 entries = 0;
    QString head; // hash of the last entry
    QList<AuditProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

class AuditChain
{
public:
    static inline const QString GenesisHash = QString(64, u'0');

    explicit AuditChain(Store &store) : m_store(store) { }

    // Appends an entry; must run inside the caller's WriteTransaction.
    Status append(const QString &entity, const QString &entityId, const QString &action,
                  const QJsonObject &payload);
    Result<QString> head() const;
    // The same with the payload already in canonical bytes, shared with the outbox entry.
    Status appendEncoded(const QString &entity, const QString &entityId, const QString &action,
                         const QByteArray &canonicalPayload);
    // Several entries in one go, in order: the head is read once and written once, the rows go
    // in with few statements. Must run inside the caller's WriteTransaction.
    struct Item
    {
        QString entity;
        QString entityId;
        QString action;
        QByteArray canonicalPayload;
    };
    Status appendEncoded(const QList<Item> &items);
    Result<AuditReport> verify(const Ledger &ledger) const;

    static QString hashOf(const QString &prevHash, const QByteArray &payload);

private:
    Store &m_store;
};

} // namespace Kontor
