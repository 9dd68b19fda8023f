#include "merge.h"

#include <jsoncodec.h>

using namespace Qt::StringLiterals;

namespace Kontor::Sync {
namespace {

const QString kDeletedKey = u"_deleted"_s;
const QString kServerDevice = u"server"_s;

QString deviceOf(const QString &clock)
{
    const qsizetype slash = clock.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : clock.mid(slash + 1);
}

MergeResult rejected(const RecordState &current, const QString &rule, const QString &message)
{
    MergeResult r;
    r.outcome = MergeOutcome::Rejected;
    r.state = current;
    r.error = Error {ErrorKind::Conflict, {}, rule, message};
    return r;
}

MergeResult unchanged(const RecordState &current)
{
    MergeResult r;
    r.state = current;
    return r;
}

bool sameFields(const QJsonObject &a, const QJsonObject &b)
{
    return canonicalBytes(a) == canonicalBytes(b);
}

} // namespace

int compareClocks(const QString &a, const QString &b)
{
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

bool isServerField(QStringView entity, QStringView field)
{
    return entity == u"series" && (field == u"nextNumber" || field == u"holderDeviceId");
}

MergeResult merge(const RecordState &current, const Op &op)
{
    const QString clock = op.clock();
    const bool document = isDocumentEntity(op.entity);

    if (op.kind == u"issue") {
        if (!document)
            return rejected(current, u"not-issuable"_s,
                            u"only invoices and credit notes are issued, not %1"_s.arg(op.entity));
        if (current.exists && current.immutable) {
            if (sameFields(current.fields, op.fields))
                return unchanged(current);
            return rejected(current, u"already-issued"_s,
                            u"this document was already issued with other content"_s);
        }
        // Issuing wins over the draft it came from, and over a delete of that draft: a number
        // taken is never lost. Draft edits from other devices that the issue overrides are kept
        // as lost values.
        MergeResult r;
        r.outcome = MergeOutcome::Applied;
        r.state.exists = true;
        r.state.immutable = true;
        r.state.fields = op.fields;
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it)
            r.state.clocks.insert(it.key(), clock);
        if (current.exists) {
            for (auto it = current.fields.begin(); it != current.fields.end(); ++it) {
                const QString held = current.clocks.value(it.key()).toString();
                if (op.fields.value(it.key()) != it.value() && !held.isEmpty()
                    && deviceOf(held) != op.deviceId)
                    r.lost.append({it.key(), it.value(), held, op.fields.value(it.key()), clock});
            }
        }
        return r;
    }

    if (isImmutableEntity(op.entity)) {
        if (op.kind != u"create")
            return rejected(current, u"immutable-record"_s,
                            u"a %1 cannot be changed or deleted once recorded"_s.arg(op.entity));
        if (current.exists) {
            if (sameFields(current.fields, op.fields))
                return unchanged(current);
            return rejected(current, u"immutable-record"_s,
                            u"this %1 was already recorded with other content"_s.arg(op.entity));
        }
        MergeResult r;
        r.outcome = MergeOutcome::Applied;
        r.state.exists = true;
        r.state.immutable = true;
        r.state.fields = op.fields;
        return r;
    }

    if (current.immutable && current.exists) {
        // The issuing device's own earlier edits are part of what it issued (it receives them
        // back after issuing): nothing to do. Any other change is refused.
        QString issuedAt;
        for (auto it = current.clocks.begin(); it != current.clocks.end(); ++it)
            if (compareClocks(it.value().toString(), issuedAt) > 0)
                issuedAt = it.value().toString();
        if (!issuedAt.isEmpty() && compareClocks(clock, issuedAt) < 0
            && deviceOf(issuedAt) == op.deviceId)
            return unchanged(current);
        return rejected(current, u"immutable-document"_s,
                        u"the document is issued; an issued document cannot be changed"_s);
    }

    if (op.kind == u"delete") {
        if (current.deleted)
            return unchanged(current);
        MergeResult r;
        r.outcome = MergeOutcome::Applied;
        r.state = current;
        r.state.exists = false;
        r.state.deleted = true;
        if (compareClocks(clock, current.clocks.value(kDeletedKey).toString()) > 0)
            r.state.clocks.insert(kDeletedKey, clock);
        return r;
    }

    if (op.kind != u"create" && op.kind != u"update")
        return rejected(current, u"unknown-kind"_s,
                        u"'%1' is not a change of a record"_s.arg(op.kind));

    MergeResult r;
    r.state = current;
    if (current.deleted) {
        // Deletes absorb: the edit is kept for the user, the record stays deleted.
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it)
            if (current.fields.value(it.key()) != it.value())
                r.lost.append({it.key(), it.value(), clock, QJsonValue(),
                               current.clocks.value(kDeletedKey).toString()});
        return r;
    }
    const bool fromServer = op.deviceId == kServerDevice;
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
        const QString &field = it.key();
        // The counter is derived; the holder is granted by the server (or set by the creator).
        if (isServerField(op.entity, field)) {
            if (field == u"nextNumber")
                continue;
            if (!fromServer && current.exists)
                continue;
        }
        const QString held = current.clocks.value(field).toString();
        const QJsonValue heldValue = current.fields.value(field);
        const int order = compareClocks(clock, held);
        if (!current.exists || order > 0) {
            // A lease the server granted elsewhere is not a value anyone typed: no conflict.
            if (current.exists && heldValue != it.value() && !held.isEmpty()
                && deviceOf(held) != op.deviceId && !isServerField(op.entity, field))
                r.lost.append({field, heldValue, held, it.value(), clock});
            if (heldValue != it.value() || !r.state.fields.contains(field))
                r.outcome = MergeOutcome::Applied;
            r.state.fields.insert(field, it.value());
            if (order > 0)
                r.state.clocks.insert(field, clock);
        } else if (order < 0 && heldValue != it.value() && deviceOf(held) != op.deviceId) {
            r.lost.append({field, it.value(), clock, heldValue, held});
        }
    }
    if (!current.exists) {
        r.state.exists = true;
        r.outcome = MergeOutcome::Applied;
    }
    if (r.outcome == MergeOutcome::Unchanged && r.state.clocks != current.clocks)
        r.outcome = MergeOutcome::Applied;
    return r;
}

} // namespace Kontor::Sync
