#include "protocol.h"

#include <hlc.h>
#include <uuid7.h>

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Kontor::Sync {

namespace {

// JSON numbers are doubles on many clients: integers beyond 2^53 would silently lose digits.
constexpr qint64 MaxSafeInteger = (qint64(1) << 53);

const QStringList &entityNames()
{
    static const QStringList names {u"company"_s, u"tax_rate"_s, u"customer"_s,    u"product"_s,
                                    u"series"_s,  u"invoice"_s,  u"credit_note"_s, u"quote"_s,
                                    u"expense"_s, u"receipt"_s,  u"payment"_s};
    return names;
}

QString path(const QString &where, const QString &key)
{
    return where.isEmpty() ? key : where + u'.' + key;
}

Error invalid(const QString &field, const QString &rule, const QString &message)
{
    return validationError(field, rule, message);
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

// Looks a required key up and checks its JSON type.
Result<QJsonValue> require(const QJsonObject &o, const QString &key, const QString &where,
                           QJsonValue::Type type, const QString &expected)
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return invalid(path(where, key), u"missing-field"_s, u"is required"_s);
    if (it->type() != type)
        return invalid(path(where, key), u"bad-type"_s,
                       u"expected %1, got %2"_s.arg(expected, typeName(*it)));
    return QJsonValue(*it);
}

Result<QString> requireString(const QJsonObject &o, const QString &key, const QString &where,
                              qsizetype maxLength = MaxTextLength)
{
    auto v = require(o, key, where, QJsonValue::String, u"a string"_s);
    KONTOR_TRY(v);
    QString s = v->toString();
    if (s.size() > maxLength)
        return invalid(path(where, key), u"too-long"_s,
                       u"longer than %1 characters"_s.arg(maxLength));
    return s;
}

Status checkId(const QString &id, const QString &field)
{
    if (id.isEmpty())
        return invalid(field, u"empty"_s, u"must not be empty"_s);
    if (id.size() > MaxIdLength)
        return invalid(field, u"too-long"_s, u"longer than %1 characters"_s.arg(MaxIdLength));
    if (!isValidId(id))
        return invalid(field, u"bad-id"_s, u"may hold only A-Z, a-z, 0-9, '-' and '_'"_s);
    return {};
}

Result<QString> requireId(const QJsonObject &o, const QString &key, const QString &where)
{
    auto v = require(o, key, where, QJsonValue::String, u"a string"_s);
    KONTOR_TRY(v);
    QString s = v->toString();
    KONTOR_TRY(checkId(s, path(where, key)));
    return s;
}

Result<qint64> integerValue(const QJsonValue &v, const QString &field, qint64 min)
{
    if (!v.isDouble())
        return invalid(field, u"bad-type"_s, u"expected an integer, got %1"_s.arg(typeName(v)));
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d)
        return invalid(field, u"bad-type"_s, u"expected an integer, got a fraction"_s);
    const qint64 n = v.toInteger(std::numeric_limits<qint64>::min());
    if (std::fabs(d) > double(MaxSafeInteger) || n > MaxSafeInteger || n < -MaxSafeInteger)
        return invalid(field, u"out-of-range"_s, u"beyond 2^53"_s);
    if (n < min)
        return invalid(field, u"out-of-range"_s, u"must be at least %1"_s.arg(min));
    return n;
}

Result<qint64> requireInteger(const QJsonObject &o, const QString &key, const QString &where,
                              qint64 min)
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return invalid(path(where, key), u"missing-field"_s, u"is required"_s);
    return integerValue(*it, path(where, key), min);
}

Result<bool> requireBool(const QJsonObject &o, const QString &key, const QString &where)
{
    auto v = require(o, key, where, QJsonValue::Bool, u"a boolean"_s);
    KONTOR_TRY(v);
    return v->toBool();
}

Result<QJsonObject> requireObject(const QJsonObject &o, const QString &key, const QString &where)
{
    auto v = require(o, key, where, QJsonValue::Object, u"an object"_s);
    KONTOR_TRY(v);
    return v->toObject();
}

Result<QJsonArray> requireArray(const QJsonObject &o, const QString &key, const QString &where,
                                qsizetype maxItems)
{
    auto v = require(o, key, where, QJsonValue::Array, u"an array"_s);
    KONTOR_TRY(v);
    QJsonArray a = v->toArray();
    if (a.size() > maxItems)
        return invalid(path(where, key), u"too-many"_s,
                       u"holds %1 items; at most %2 are allowed"_s.arg(a.size()).arg(maxItems));
    return a;
}

QString item(const QString &where, const QString &key, qsizetype i)
{
    return path(where, key) + u'[' + QString::number(i) + u']';
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

bool isKnownEntity(QStringView entity)
{
    for (const QString &name : entityNames())
        if (entity == name)
            return true;
    return false;
}

bool isDocumentEntity(QStringView entity)
{
    return entity == u"invoice" || entity == u"credit_note" || entity == u"quote";
}

bool isImmutableEntity(QStringView entity)
{
    return entity == u"payment" || entity == u"receipt";
}

bool isKnownKind(QStringView kind)
{
    return kind == u"create" || kind == u"update" || kind == u"delete" || kind == u"issue";
}

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool good = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!good)
            return false;
    }
    return true;
}

bool isValidHlcText(QStringView text)
{
    // fromString alone would accept signs and spaces that toLongLong tolerates.
    if (text.size() != 22 || text.at(16) != u'-')
        return false;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (i != 16 && !(text.at(i) >= u'0' && text.at(i) <= u'9'))
            return false;
    bool ok = false;
    HlcStamp::fromString(text, &ok);
    return ok;
}

QJsonObject toJson(const Op &op)
{
    QJsonObject o {{u"opId"_s, op.opId},           {u"deviceId"_s, op.deviceId},
                   {u"deviceSeq"_s, op.deviceSeq}, {u"entity"_s, op.entity},
                   {u"entityId"_s, op.entityId},   {u"kind"_s, op.kind},
                   {u"fields"_s, op.fields},       {u"hlc"_s, op.hlc}};
    if (op.seq > 0)
        o.insert(u"seq"_s, op.seq);
    return o;
}

Result<Op> opFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return invalid(where, u"bad-type"_s, u"expected an object, got %1"_s.arg(typeName(value)));
    const QJsonObject o = value.toObject();
    Op op;
    auto opId = requireId(o, u"opId"_s, where);
    KONTOR_TRY(opId);
    op.opId = *opId;
    auto deviceId = requireId(o, u"deviceId"_s, where);
    KONTOR_TRY(deviceId);
    op.deviceId = *deviceId;
    auto deviceSeq = requireInteger(o, u"deviceSeq"_s, where, 1);
    KONTOR_TRY(deviceSeq);
    op.deviceSeq = *deviceSeq;
    auto entity = requireString(o, u"entity"_s, where, MaxIdLength);
    KONTOR_TRY(entity);
    if (!isKnownEntity(*entity))
        return invalid(path(where, u"entity"_s), u"unknown-entity"_s,
                       u"'%1' is not a known entity"_s.arg(*entity));
    op.entity = *entity;
    auto entityId = requireId(o, u"entityId"_s, where);
    KONTOR_TRY(entityId);
    op.entityId = *entityId;
    auto kind = requireString(o, u"kind"_s, where, MaxIdLength);
    KONTOR_TRY(kind);
    if (!isKnownKind(*kind))
        return invalid(path(where, u"kind"_s), u"unknown-kind"_s,
                       u"'%1' is not a known kind of change"_s.arg(*kind));
    op.kind = *kind;
    auto fields = requireObject(o, u"fields"_s, where);
    KONTOR_TRY(fields);
    op.fields = *fields;
    auto hlc = requireString(o, u"hlc"_s, where, MaxIdLength);
    KONTOR_TRY(hlc);
    if (!isValidHlcText(*hlc))
        return invalid(path(where, u"hlc"_s), u"bad-hlc"_s,
                       u"expected a clock stamp like 0001732890000000-00000"_s);
    op.hlc = *hlc;
    if (o.contains(u"seq"_s)) {
        auto seq = integerValue(o.value(u"seq"_s), path(where, u"seq"_s), 0);
        KONTOR_TRY(seq);
        op.seq = *seq;
    }
    return op;
}

QJsonObject toJson(const Cursor &c)
{
    return {{u"epoch"_s, c.epoch}, {u"seq"_s, c.seq}};
}

Result<Cursor> cursorFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return invalid(where, u"bad-type"_s, u"expected an object, got %1"_s.arg(typeName(value)));
    const QJsonObject o = value.toObject();
    Cursor c;
    auto epoch = requireId(o, u"epoch"_s, where);
    KONTOR_TRY(epoch);
    c.epoch = *epoch;
    auto seq = requireInteger(o, u"seq"_s, where, 0);
    KONTOR_TRY(seq);
    c.seq = *seq;
    return c;
}

QString reissuedId(const QString &entityId, const QString &opId)
{
    return derivedUuid(entityId, opId);
}

QJsonObject toJson(const OpResult &r)
{
    QJsonObject o {{u"opId"_s, r.opId},
                   {u"status"_s, r.status == OpStatus::Accepted ? u"accepted"_s : u"rejected"_s},
                   {u"duplicate"_s, r.duplicate}};
    if (r.status == OpStatus::Accepted) {
        o.insert(u"seq"_s, r.seq);
        if (!r.reassignedId.isEmpty()) {
            o.insert(u"reassignedId"_s, r.reassignedId);
            o.insert(u"rule"_s, r.rule);
            o.insert(u"message"_s, r.message);
        }
    } else {
        o.insert(u"rule"_s, r.rule);
        o.insert(u"field"_s, r.field);
        o.insert(u"message"_s, r.message);
    }
    return o;
}

Result<OpResult> opResultFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return invalid(where, u"bad-type"_s, u"expected an object, got %1"_s.arg(typeName(value)));
    const QJsonObject o = value.toObject();
    OpResult r;
    auto opId = requireId(o, u"opId"_s, where);
    KONTOR_TRY(opId);
    r.opId = *opId;
    auto status = requireString(o, u"status"_s, where, MaxIdLength);
    KONTOR_TRY(status);
    if (*status == u"accepted")
        r.status = OpStatus::Accepted;
    else if (*status == u"rejected")
        r.status = OpStatus::Rejected;
    else
        return invalid(path(where, u"status"_s), u"unknown-status"_s,
                       u"expected \"accepted\" or \"rejected\""_s);
    auto duplicate = requireBool(o, u"duplicate"_s, where);
    KONTOR_TRY(duplicate);
    r.duplicate = *duplicate;
    if (r.status == OpStatus::Accepted) {
        auto seq = requireInteger(o, u"seq"_s, where, 1);
        KONTOR_TRY(seq);
        r.seq = *seq;
        if (o.contains(u"reassignedId"_s)) {
            auto id = requireId(o, u"reassignedId"_s, where);
            KONTOR_TRY(id);
            r.reassignedId = *id;
            auto rule = requireString(o, u"rule"_s, where);
            KONTOR_TRY(rule);
            r.rule = *rule;
            auto message = requireString(o, u"message"_s, where);
            KONTOR_TRY(message);
            r.message = *message;
        }
    } else {
        auto rule = requireString(o, u"rule"_s, where);
        KONTOR_TRY(rule);
        r.rule = *rule;
        auto field = requireString(o, u"field"_s, where);
        KONTOR_TRY(field);
        r.field = *field;
        auto message = requireString(o, u"message"_s, where);
        KONTOR_TRY(message);
        r.message = *message;
    }
    return r;
}

QJsonObject toJson(const SnapshotRecord &r)
{
    return {
        {u"entity"_s, r.entity}, {u"id"_s, r.id}, {u"fields"_s, r.fields}, {u"clocks"_s, r.clocks}};
}

Result<SnapshotRecord> snapshotRecordFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return invalid(where, u"bad-type"_s, u"expected an object, got %1"_s.arg(typeName(value)));
    const QJsonObject o = value.toObject();
    SnapshotRecord r;
    auto entity = requireString(o, u"entity"_s, where, MaxIdLength);
    KONTOR_TRY(entity);
    if (!isKnownEntity(*entity))
        return invalid(path(where, u"entity"_s), u"unknown-entity"_s,
                       u"'%1' is not a known entity"_s.arg(*entity));
    r.entity = *entity;
    auto id = requireId(o, u"id"_s, where);
    KONTOR_TRY(id);
    r.id = *id;
    auto fields = requireObject(o, u"fields"_s, where);
    KONTOR_TRY(fields);
    r.fields = *fields;
    auto clocks = requireObject(o, u"clocks"_s, where);
    KONTOR_TRY(clocks);
    r.clocks = *clocks;
    return r;
}

QByteArray encode(const PushRequest &r)
{
    QJsonArray ops;
    for (const Op &op : r.ops)
        ops.append(toJson(op));
    return compact({{u"deviceId"_s, r.deviceId}, {u"ops"_s, ops}});
}

QByteArray encode(const PushResponse &r)
{
    QJsonArray results;
    for (const OpResult &res : r.results)
        results.append(toJson(res));
    return compact({{u"results"_s, results}, {u"head"_s, toJson(r.head)}});
}

QByteArray encode(const PullResponse &r)
{
    QJsonArray ops;
    for (const Op &op : r.ops)
        ops.append(toJson(op));
    return compact({{u"next"_s, toJson(r.next)},
                    {u"ops"_s, ops},
                    {u"more"_s, r.more},
                    {u"epochChanged"_s, r.epochChanged}});
}

QByteArray encode(const SnapshotPage &p)
{
    QJsonArray records;
    for (const SnapshotRecord &rec : p.records)
        records.append(toJson(rec));
    return compact({{u"at"_s, toJson(p.at)},
                    {u"records"_s, records},
                    {u"next"_s, p.next},
                    {u"total"_s, p.total}});
}

Result<QJsonObject> parseObject(const QByteArray &body, qsizetype maxBytes)
{
    if (body.size() > maxBytes)
        return invalid(
            QString(), u"too-large"_s,
            u"the body has %1 bytes; at most %2 are allowed"_s.arg(body.size()).arg(maxBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(
            QString(), u"bad-json"_s,
            u"not valid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return invalid(QString(), u"bad-type"_s, u"expected a JSON object"_s);
    return doc.object();
}

Result<PushRequest> decodePushRequest(const QByteArray &body)
{
    auto o = parseObject(body);
    KONTOR_TRY(o);
    PushRequest r;
    auto deviceId = requireId(*o, u"deviceId"_s, {});
    KONTOR_TRY(deviceId);
    r.deviceId = *deviceId;
    auto ops = requireArray(*o, u"ops"_s, {}, MaxOpsPerPush);
    KONTOR_TRY(ops);
    r.ops.reserve(ops->size());
    for (qsizetype i = 0; i < ops->size(); ++i) {
        const QString where = item({}, u"ops"_s, i);
        auto op = opFromJson(ops->at(i), where);
        KONTOR_TRY(op);
        if (op->deviceId != r.deviceId)
            return invalid(path(where, u"deviceId"_s), u"device-mismatch"_s,
                           u"an op must come from the pushing device"_s);
        if (op->seq != 0)
            return invalid(path(where, u"seq"_s), u"server-field"_s,
                           u"the server gives sequence numbers"_s);
        r.ops.append(std::move(*op));
    }
    return r;
}

// A cursor every response must carry under `key`.
static Result<Cursor> requireCursor(const QJsonObject &o, const QString &key)
{
    if (!o.contains(key))
        return invalid(key, u"missing-field"_s, u"is required"_s);
    return cursorFromJson(o.value(key), key);
}

Result<PushResponse> decodePushResponse(const QByteArray &body)
{
    auto o = parseObject(body);
    KONTOR_TRY(o);
    PushResponse r;
    auto results = requireArray(*o, u"results"_s, {}, MaxOpsPerPush);
    KONTOR_TRY(results);
    for (qsizetype i = 0; i < results->size(); ++i) {
        auto res = opResultFromJson(results->at(i), item({}, u"results"_s, i));
        KONTOR_TRY(res);
        r.results.append(std::move(*res));
    }
    auto head = requireCursor(*o, u"head"_s);
    KONTOR_TRY(head);
    r.head = *head;
    return r;
}

Result<PullResponse> decodePullResponse(const QByteArray &body)
{
    auto o = parseObject(body);
    KONTOR_TRY(o);
    PullResponse r;
    auto next = requireCursor(*o, u"next"_s);
    KONTOR_TRY(next);
    r.next = *next;
    auto ops = requireArray(*o, u"ops"_s, {}, MaxPullPage);
    KONTOR_TRY(ops);
    r.ops.reserve(ops->size());
    for (qsizetype i = 0; i < ops->size(); ++i) {
        const QString where = item({}, u"ops"_s, i);
        auto op = opFromJson(ops->at(i), where);
        KONTOR_TRY(op);
        if (op->seq < 1)
            return invalid(path(where, u"seq"_s), u"missing-field"_s,
                           u"a pulled op carries its sequence"_s);
        if (!r.ops.isEmpty() && op->seq <= r.ops.constLast().seq)
            return invalid(path(where, u"seq"_s), u"out-of-order"_s,
                           u"pulled ops must be in ascending sequence"_s);
        r.ops.append(std::move(*op));
    }
    auto more = requireBool(*o, u"more"_s, {});
    KONTOR_TRY(more);
    r.more = *more;
    auto epochChanged = requireBool(*o, u"epochChanged"_s, {});
    KONTOR_TRY(epochChanged);
    r.epochChanged = *epochChanged;
    return r;
}

Result<SnapshotPage> decodeSnapshotPage(const QByteArray &body)
{
    auto o = parseObject(body);
    KONTOR_TRY(o);
    SnapshotPage p;
    auto at = requireCursor(*o, u"at"_s);
    KONTOR_TRY(at);
    p.at = *at;
    auto records = requireArray(*o, u"records"_s, {}, MaxSnapshotPage);
    KONTOR_TRY(records);
    p.records.reserve(records->size());
    for (qsizetype i = 0; i < records->size(); ++i) {
        auto rec = snapshotRecordFromJson(records->at(i), item({}, u"records"_s, i));
        KONTOR_TRY(rec);
        p.records.append(std::move(*rec));
    }
    auto next = requireString(*o, u"next"_s, {}, MaxTextLength);
    KONTOR_TRY(next);
    p.next = *next;
    auto total = requireInteger(*o, u"total"_s, {}, 0);
    KONTOR_TRY(total);
    p.total = *total;
    return p;
}

QByteArray errorBody(const Error &error)
{
    return compact(
        {{u"error"_s,
          QJsonObject {
              {u"rule"_s, error.rule}, {u"field"_s, error.field}, {u"message"_s, error.message}}}});
}

Error errorFromBody(const QByteArray &body, int httpStatus)
{
    ErrorKind kind = ErrorKind::Io;
    if (httpStatus == 400 || httpStatus == 413 || httpStatus == 422)
        kind = ErrorKind::Validation;
    else if (httpStatus == 404)
        kind = ErrorKind::NotFound;
    else if (httpStatus == 409)
        kind = ErrorKind::Conflict;
    else if (httpStatus == 401 || httpStatus == 403 || httpStatus == 426)
        kind = ErrorKind::Usage;

    const QString fallbackRule = u"http-%1"_s.arg(httpStatus);
    auto o = parseObject(body, 1024 * 1024);
    if (!o.ok() || !o->value(u"error"_s).isObject())
        return Error {kind, QString(), fallbackRule,
                      u"the server answered with HTTP status %1"_s.arg(httpStatus)};
    const QJsonObject e = o->value(u"error"_s).toObject();
    const QString rule = e.value(u"rule"_s).toString();
    return Error {kind, e.value(u"field"_s).toString().left(MaxTextLength),
                  rule.isEmpty() ? fallbackRule : rule.left(MaxIdLength),
                  e.value(u"message"_s).toString().left(MaxTextLength)};
}

} // namespace Kontor::Sync
