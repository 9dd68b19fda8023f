// The ledger seen as one replica of the business's books: the replicated JSON state of every
// record with the clock of each field, and the writes that apply changes from other devices.
// Changes applied here are not recorded in the outbox (they came from the server); local changes
// keep going through Ledger. The merge decisions are made by the sync layer (sync/merge.h); this
// class reads and stores their outcome, plus the sync bookkeeping that must commit in the same
// transaction as the data: the pull cursor, which outbox entries the server acknowledged, and
// the conflict and rejection records the user reviews.
#pragma once

#include "ledger.h"
#include "result.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Kontor {

// A record's replicated state as both ends keep it.
struct RecordState
{
    bool exists = false;
    bool deleted = false; // tombstone: kept so late updates stay dead
    bool immutable = false; // issued document, payment, receipt
    QJsonObject fields; // the record's JSON form (jsoncodec.h) without derived fields
    QJsonObject clocks; // field name -> clock ("hlc/deviceId") of the value held
    bool operator==(const RecordState &) const = default;
};

// A value that lost a merge (or an edit that could not be applied), kept for the user.
struct ConflictEntry
{
    qint64 id = 0;
    QString entity;
    QString entityId;
    QString field;
    QJsonValue lostValue;
    QString lostClock;
    QJsonValue keptValue;
    QString keptClock;
    QString createdAt; // HLC text
    bool resolved = false;
};

// A local change the server refused, with its reason.
struct RejectionEntry
{
    QString opId;
    QString entity;
    QString entityId;
    QString kind;
    QJsonObject fields;
    QString rule;
    QString field;
    QString message;
    QString createdAt;
    QString resolution; // empty while open; "kept-as-draft:<id>", "dismissed", ...
};

// SHA-256 over records fed in (entity, id) order: the digest every replica and the server compute
// of the books they hold. Canonical: each record contributes its entity, id and canonicalBytes().
class StateDigest
{
public:
    StateDigest();
    ~StateDigest();
    void add(const QString &entity, const QString &id, const QJsonObject &fields);
    QString hex();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

class Replica
{
public:
    explicit Replica(Ledger &ledger);

    Ledger &ledger() { return m_ledger; }
    Store &store() { return m_ledger.store(); }

    // The replicated state of a record: its JSON form, field clocks (from remote applies and
    // this device's own outbox), and whether it is deleted or immutable.
    Result<RecordState> record(const QString &entity, const QString &id) const;

    // Makes the ledger hold `state` for the record without writing the outbox. Must run inside
    // a WriteTransaction. Derived data follows (totals, paid amounts, series counters).
    // `Absent` promises the record is not in the ledger (a new device filling up from a
    // snapshot), which spares looking for it.
    enum Presence { Unknown, Absent };
    Status apply(const QString &entity, const QString &id, const RecordState &state,
                 Presence presence = Unknown);

    // Issued documents (invoices, credit notes) the ledger does not hold yet, as a new device
    // receives them from the snapshot: the same rows, audit entries and derived data as apply()
    // with Absent for each, written in batches. All or nothing. Must run inside a
    // WriteTransaction.
    struct Incoming
    {
        QString entity;
        QString id;
        RecordState state;
    };
    Status applyNewIssued(const QList<Incoming> &records);

    // Another device issued the same draft first (the server said so when it accepted this
    // device's issue under a new id): this device's invoice moves there, number and all, and
    // the draft id is left as a draft shell for the other device's invoice to arrive in. The
    // audit chain records the move, so verify() knows the earlier entry lives on elsewhere.
    // Must run inside a WriteTransaction.
    Status reissue(const QString &entity, const QString &fromId, const QString &opId);
    // The form a second issue takes: the document's and its lines' ids derived from the op's id
    // (derivedUuid), the same on the server and on the issuing device.
    static QJsonObject reissuedFields(const QJsonObject &fields, const QString &opId);

    // True when the ledger has no documents and no payments yet (a new device): none of a
    // snapshot's insert-only records can be here already.
    bool holdsNoDocuments() const;

    // Every live record in (entity, id) order, with its JSON form.
    Status forEachRecord(const std::function<Status(const QString &entity, const QString &id,
                                                    const QJsonObject &fields)> &visit) const;
    // SHA-256 (hex) over the canonical forms of every live record in (entity, id) order; equal
    // on two replicas exactly when they hold the same books.
    Result<QString> digest() const;

    // Pull cursor: the server epoch and the last tenant sequence applied.
    Result<std::pair<QString, qint64>> cursor() const;
    Status setCursor(const QString &epoch, qint64 seq);

    // Outbox entries the server has not acknowledged yet, oldest first.
    Result<QList<OutboxEntry>> pending(int limit) const;
    Result<qint64> pendingCount() const;
    Status markPushed(const QString &opId);
    // After the server lost its history (epoch change): send every entry again.
    Status markAllUnpushed();

    // Advances this device's clock past a stamp seen from another device.
    void observe(const QString &hlc);

    Result<qint64> addConflict(const ConflictEntry &entry);
    Result<QList<ConflictEntry>> conflicts(bool includeResolved = false) const;
    Status resolveConflict(qint64 id);

    Status addRejection(const RejectionEntry &entry);
    Result<QList<RejectionEntry>> rejections(bool includeResolved = false) const;
    Status resolveRejection(const QString &opId, const QString &resolution);

    // Sync settings kept in the ledger (server URLs, account email, device name).
    Result<QString> setting(const QString &key) const;
    Status setSetting(const QString &key, const QString &value);

private:
    Status removeRecord(const QString &entity, const QString &id, bool immutable);
    Status materialize(const QString &entity, const QString &id, const RecordState &state,
                       bool exists, bool immutable);
    Status materializeDocument(const QString &entity, const QString &id, const QJsonObject &fields,
                               bool exists, bool immutable);

    Ledger &m_ledger;
};

} // namespace Kontor
