// The merge rules, run alike by every client and by kontor-syncd, so replicas converge whatever
// order ops arrive in.
//
// - Mutable records (customers, products, tax rates, series settings, company, expenses and
//   draft documents) merge per top-level field: the value with the higher clock wins, where a
//   clock is "hlc/deviceId" compared as text (HLC first, device id breaks ties). The value that
//   loses is returned so the caller can keep it as a conflict record.
// - A delete is absorbing: once a record is deleted, later or earlier updates do not bring it
//   back.
// - Issued documents, payments and receipts are insert-only: an "issue" or "create" of them
//   replaces a draft or creates the record; any later change to them is refused.
// - Series: `nextNumber` only grows (the highest issued sequence + 1) and `holderDeviceId` is
//   granted by the server; neither merges from an update.
#pragma once

#include "protocol.h"

#include <replica.h>

#include <QJsonObject>

namespace Kontor::Sync {

using Kontor::RecordState;

// A value that lost a merge: the caller stores it so the user can see and restore it.
struct LostValue
{
    QString field;
    QJsonValue value; // the losing value
    QString clock; // its clock
    QJsonValue winner;
    QString winnerClock;
};

enum class MergeOutcome {
    Applied, // the state changed
    Unchanged, // nothing to do (older values, duplicate)
    Rejected, // the op breaks a rule (see `error`)
};

struct MergeResult
{
    MergeOutcome outcome = MergeOutcome::Unchanged;
    RecordState state; // the state after the op
    QList<LostValue> lost;
    Error error; // when Rejected
};

// Applies one op to a record's state. Pure: no I/O. Values a device superseded itself are not
// reported as lost.
MergeResult merge(const RecordState &current, const Op &op);

// Fields of each entity that are derived or server-granted and never merged from an op.
bool isServerField(QStringView entity, QStringView field);

// Compares two clocks ("hlc/deviceId"); an empty clock is older than any other.
int compareClocks(const QString &a, const QString &b);

} // namespace Kontor::Sync
