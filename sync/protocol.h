// The sync protocol's wire types and their strict JSON codec, shared by the client engine and
// kontor-syncd so both ends read a request alike. Every decoder checks shape, types and sizes and
// names the offending field; a value that fails never reaches the ledger or the database.
// docs/sync-protocol.md describes the requests that carry these types.
#pragma once

#include <result.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kontor::Sync {

// The protocol this build speaks, and the oldest one it still serves (the server answers both,
// so clients and servers can be upgraded in any order).
inline constexpr int ProtocolVersion = 1;
inline constexpr int MinProtocolVersion = 1;

// Headers of every request.
inline constexpr char ProtocolHeader[] = "Kontor-Protocol";
inline constexpr char SchemaHeader[] = "Kontor-Schema";

// Limits both ends enforce.
inline constexpr qsizetype MaxBodyBytes = 48 * 1024 * 1024; // a 20 MiB receipt, base64, fits
inline constexpr int MaxOpsPerPush = 500;
inline constexpr int MaxPullPage = 1000;
inline constexpr int DefaultPullPage = 500;
inline constexpr int MaxSnapshotPage = 2000;
inline constexpr qsizetype MaxIdLength = 64;
inline constexpr qsizetype MaxTextLength = 4096;
inline constexpr int MaxLongPollMs = 30000;

// The kinds of record that travel and the kinds of change.
bool isKnownEntity(QStringView entity);
bool isDocumentEntity(QStringView entity); // invoice, credit_note, quote
bool isImmutableEntity(QStringView entity); // payment, receipt: insert-only
bool isKnownKind(QStringView kind); // create, update, delete, issue

// The id a second issue of an already issued document takes: derived from the document's id and
// the op's id, so every retry of that op gets the same one.
QString reissuedId(const QString &entityId, const QString &opId);
// Ids on the wire (op, device, entity, epoch): 1..MaxIdLength of [A-Za-z0-9_-].
bool isValidId(QStringView id);
// Exactly the text HlcStamp::toString() writes ("0001732890000000-00000").
bool isValidHlcText(QStringView text);

// One change, as recorded in a device's outbox and as stored in the tenant's log. `seq` is the
// tenant sequence the server gave it (0 until the server accepted it).
struct Op
{
    QString opId; // UUID
    QString deviceId;
    qint64 deviceSeq = 0;
    QString entity;
    QString entityId;
    QString kind;
    QJsonObject fields;
    QString hlc; // HlcStamp::toString()
    qint64 seq = 0;

    // "hlc/deviceId": the clock of every field the op writes; compares as text.
    QString clock() const { return hlc + QLatin1Char('/') + deviceId; }
    bool operator==(const Op &) const = default;
};

QJsonObject toJson(const Op &op);
// Strict: every key present with its type, ids of sane length, known entity and kind. `where`
// prefixes field names in errors, e.g. "ops[3]".
Result<Op> opFromJson(const QJsonValue &value, const QString &where = {});

// Where a device is in the tenant's log: the server's epoch (changes when the server is
// restored from a backup) and the last sequence applied. Never a wall-clock time.
struct Cursor
{
    QString epoch;
    qint64 seq = 0;
    bool operator==(const Cursor &) const = default;
};

QJsonObject toJson(const Cursor &c);
Result<Cursor> cursorFromJson(const QJsonValue &value, const QString &where = {});

enum class OpStatus { Accepted, Rejected };

// The server's answer for one pushed op. A repeated op id gets its first answer again with
// `duplicate` set.
struct OpResult
{
    QString opId;
    OpStatus status = OpStatus::Accepted;
    qint64 seq = 0; // tenant sequence of an accepted op
    QString rule; // rejected: machine-readable reason, e.g. "immutable-document"
    QString field;
    QString message;
    bool duplicate = false;
    // Accepted under another id: the document was already issued elsewhere with other content
    // (two devices issued the same draft offline), so this issue became a document of its own.
    // `rule` and `message` then carry the warning ("possible-double-billing").
    QString reassignedId;
    bool operator==(const OpResult &) const = default;
};

QJsonObject toJson(const OpResult &r);
Result<OpResult> opResultFromJson(const QJsonValue &value, const QString &where = {});

struct PushRequest
{
    QString deviceId;
    QList<Op> ops;
};

struct PushResponse
{
    QList<OpResult> results;
    Cursor head; // the tenant's latest sequence after this push
};

struct PullResponse
{
    Cursor next; // cursor to store once `ops` are applied
    QList<Op> ops; // with seq set, ascending
    bool more = false; // another page is waiting
    bool epochChanged = false; // the client's epoch is unknown: re-send and re-snapshot
};

// One record of a snapshot: the replicated state of a record and the clock of each field.
struct SnapshotRecord
{
    QString entity;
    QString id;
    QJsonObject fields;
    QJsonObject clocks;
    bool operator==(const SnapshotRecord &) const = default;
};

QJsonObject toJson(const SnapshotRecord &r);
Result<SnapshotRecord> snapshotRecordFromJson(const QJsonValue &value, const QString &where = {});

struct SnapshotPage
{
    Cursor at; // the log position the snapshot shows; pull from here once the pages are in
    QList<SnapshotRecord> records;
    QString next; // opaque; empty on the last page
    qint64 total = 0; // records in the whole snapshot, for progress
};

QByteArray encode(const PushRequest &r);
QByteArray encode(const PushResponse &r);
QByteArray encode(const PullResponse &r);
QByteArray encode(const SnapshotPage &p);

Result<PushRequest> decodePushRequest(const QByteArray &body);
Result<PushResponse> decodePushResponse(const QByteArray &body);
Result<PullResponse> decodePullResponse(const QByteArray &body);
Result<SnapshotPage> decodeSnapshotPage(const QByteArray &body);

// Parses a request or response body as one JSON object, refusing oversized and malformed input.
Result<QJsonObject> parseObject(const QByteArray &body, qsizetype maxBytes = MaxBodyBytes);

// The JSON error body of a refused request: {"error": {"rule", "field", "message"}}.
QByteArray errorBody(const Error &error);
Error errorFromBody(const QByteArray &body, int httpStatus);

} // namespace Kontor::Sync
