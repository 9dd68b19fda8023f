#include "syncservice.h"

#include "logging.h"

#include "credentials.h"

#include <jsoncodec.h>
#include <jsondecode.h>
#include <merge.h>
#include <replica.h>
#include <rules.h>
#include <uuid7.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

namespace {

constexpr qint64 LoginWindowMs = 15 * 60 * 1000;
constexpr int LoginFreeFailuresPerEmail = 5;
constexpr int LoginFreeFailuresPerAddress = 20;
constexpr qint64 LoginBaseDelayMs = 30 * 1000;
constexpr qint64 LoginMaxDelayMs = 15 * 60 * 1000;
constexpr qint64 OneDayMs = 24 * 3600 * 1000;
constexpr qint64 TouchIntervalMs = 60 * 1000;

Error unauthorized()
{
    return Error {ErrorKind::Usage, QString(), u"unauthorized"_s,
                  u"a valid bearer token is required"_s};
}

Error rejection(const QString &field, const QString &rule, const QString &message)
{
    return Error {ErrorKind::Conflict, field, rule, message};
}

bool isFatal(const Error &e)
{
    return e.kind == ErrorKind::Io || e.kind == ErrorKind::Integrity;
}

// Seconds still to wait after `failures` (times, oldest first) with `free` allowed.
qint64 delayAfter(const QList<qint64> &failures, int free, qint64 now)
{
    if (failures.size() < free)
        return 0;
    const int over = int(failures.size()) - free; // 0 for the first refused try
    const qint64 delay = std::min(LoginMaxDelayMs, LoginBaseDelayMs << std::min(over, 10));
    const qint64 until = failures.constLast() + delay;
    return until > now ? (until - now + 999) / 1000 : 0;
}

// The same snapshot as the one held: every key the op sends has the held value.
bool sameSnapshot(const QJsonObject &held, const QJsonObject &sent)
{
    for (auto it = sent.begin(); it != sent.end(); ++it)
        if (held.value(it.key()) != it.value())
            return false;
    return true;
}

QString refIdOf(const QString &entity, const QJsonObject &fields)
{
    if (entity == u"payment")
        return fields.value(u"targetId"_s).toString();
    if (entity == u"credit_note")
        return fields.value(u"referenceId"_s).toString();
    return {};
}

struct SnapshotCursor
{
    qint64 at = 0;
    QString entity;
    QString id;
};

QString encodeCursor(const SnapshotCursor &c)
{
    const QByteArray json
        = QJsonDocument(QJsonObject {{u"a"_s, c.at}, {u"e"_s, c.entity}, {u"i"_s, c.id}})
              .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<SnapshotCursor> decodeCursor(const QString &text)
{
    const Error bad
        = validationError(u"after"_s, u"bad-cursor"_s, u"not a cursor this server handed out"_s);
    if (text.size() > 1024)
        return bad;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    SnapshotCursor c;
    c.at = o.value(u"a"_s).toInteger(-1);
    c.entity = o.value(u"e"_s).toString();
    c.id = o.value(u"i"_s).toString();
    if (c.at < 0 || !Sync::isKnownEntity(c.entity) || !Sync::isValidId(c.id))
        return bad;
    return c;
}

} // namespace

SyncService::SyncService(Storage &storage, Clock clock)
    : m_storage(storage)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{ }

QString SyncService::normaliseEmail(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

QString SyncService::newEpoch()
{
    return newUuid7();
}

QString SyncService::chainHash(const QString &prevHash, const Sync::Op &op)
{
    return sha256Hex(prevHash.toLatin1() + canonicalBytes(Sync::toJson(op)));
}

Result<QString> SyncService::createAccount(const QString &email, const QString &business,
                                           const QByteArray &passwordHash, const QByteArray &salt,
                                           int iterations)
{
    AccountRecord a;
    a.id = newUuid7();
    a.email = normaliseEmail(email);
    a.passwordHash = passwordHash;
    a.salt = salt;
    a.iterations = iterations;
    a.createdAt = now();
    const QString tenantId = newUuid7();
    a.tenantId = tenantId;
    KONTOR_TRY(m_storage.createTenant(tenantId, business, newEpoch(), a));
    qCInfo(lcServer).noquote() << "tenant created" << tenantId;
    return tenantId;
}

Result<qint64> SyncService::loginDelay(const QString &email, const QString &peer)
{
    const qint64 t = now();
    auto byEmail = m_storage.loginFailures(u"email:"_s + normaliseEmail(email), t - LoginWindowMs);
    KONTOR_TRY(byEmail);
    auto byAddress = m_storage.loginFailures(u"addr:"_s + peer, t - LoginWindowMs);
    KONTOR_TRY(byAddress);
    return std::max(delayAfter(*byEmail, LoginFreeFailuresPerEmail, t),
                    delayAfter(*byAddress, LoginFreeFailuresPerAddress, t));
}

Status SyncService::loginFailed(const QString &email, const QString &peer)
{
    const qint64 t = now();
    KONTOR_TRY(
        m_storage.recordLoginFailure(u"email:"_s + normaliseEmail(email), t, t - LoginWindowMs));
    KONTOR_TRY(m_storage.recordLoginFailure(u"addr:"_s + peer, t, t - LoginWindowMs));
    return {};
}

Result<SessionGrant> SyncService::openSession(const AccountRecord &account, const QString &email,
                                              const QString &deviceName, const QString &deviceId)
{
    KONTOR_TRY(m_storage.clearLoginFailures(u"email:"_s + normaliseEmail(email)));
    auto head = m_storage.head(account.tenantId);
    KONTOR_TRY(head);
    SessionGrant g;
    g.token = newToken();
    g.deviceId = deviceId.isEmpty() ? newUuid7() : deviceId;
    g.tenantId = account.tenantId;
    g.epoch = head->epoch;
    DeviceRecord d;
    d.tenantId = account.tenantId;
    d.id = g.deviceId;
    d.name = deviceName;
    d.createdAt = now();
    d.lastSeenAt = d.createdAt;
    KONTOR_TRY(m_storage.upsertDevice(d, tokenHash(g.token)));
    return g;
}

Result<AuthContext> SyncService::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 128)
        return unauthorized();
    auto device = m_storage.deviceByToken(tokenHash(token));
    KONTOR_TRY(device);
    if (!device->has_value() || (*device)->revoked())
        return unauthorized();
    const DeviceRecord &d = **device;
    if (now() - d.lastSeenAt > TouchIntervalMs)
        KONTOR_TRY(m_storage.touchDevice(d.tenantId, d.id, now()));
    return AuthContext {d.tenantId, d.id};
}

Result<QList<DeviceRecord>> SyncService::devices(const AuthContext &ctx)
{
    return m_storage.devices(ctx.tenantId);
}

Status SyncService::revokeDevice(const AuthContext &ctx, const QString &deviceId)
{
    auto done = m_storage.revokeDevice(ctx.tenantId, deviceId, now());
    KONTOR_TRY(done);
    if (!*done)
        return Error {ErrorKind::NotFound, u"id"_s, u"unknown-device"_s, u"no such device"_s};
    return {};
}

Result<Sync::PushResponse> SyncService::push(const AuthContext &ctx,
                                             const Sync::PushRequest &request)
{
    if (request.deviceId != ctx.deviceId)
        return validationError(u"deviceId"_s, u"device-mismatch"_s,
                               u"the token belongs to another device"_s);
    auto write = m_storage.beginWrite(ctx.tenantId);
    KONTOR_TRY(write);
    Sync::PushResponse response;
    const qint64 receivedAt = now();
    for (const Sync::Op &op : request.ops) {
        auto result = judge(**write, op, receivedAt);
        KONTOR_TRY(result);
        response.results.append(*result);
    }
    auto head = (*write)->head();
    KONTOR_TRY(head);
    response.head = *head;
    KONTOR_TRY((*write)->commit());
    return response;
}

Result<Sync::OpResult> SyncService::judge(TenantWrite &w, const Sync::Op &incoming,
                                          qint64 receivedAt)
{
    auto previous = w.opResult(incoming.opId);
    KONTOR_TRY(previous);
    if (previous->has_value()) {
        Sync::OpResult r = **previous;
        r.duplicate = true;
        return r;
    }
    Sync::Op op = incoming;
    // Two devices issued the same draft offline: both numbers are taken and both invoices are
    // legal, so the later one becomes a document of its own (its id derived from the op), and
    // the device is told so it can follow and warn of a likely double billing.
    QString reassigned;
    if (op.kind == u"issue") {
        auto held = w.record(op.entity, op.entityId);
        KONTOR_TRY(held);
        if (held->exists && held->immutable && !sameSnapshot(held->fields, op.fields)) {
            op.fields = Replica::reissuedFields(op.fields, op.opId);
            reassigned = op.fields.value(u"id"_s).toString();
            op.entityId = reassigned;
        }
    }
    RecordState state;
    std::optional<SeriesLease> leaseChange;
    bool noChange = false;
    const Status verdict = check(w, op, state, leaseChange, noChange);
    Sync::OpResult r;
    r.opId = op.opId;
    if (!reassigned.isEmpty() && verdict) {
        r.reassignedId = reassigned;
        r.rule = u"possible-double-billing"_s;
        r.message = u"this draft was also issued on another device; both invoices stand, check "
                    "that the customer is not billed twice"_s;
    }
    if (!verdict) {
        if (isFatal(verdict.error()))
            return verdict.error();
        r.status = Sync::OpStatus::Rejected;
        r.rule = verdict.error().rule;
        r.field = verdict.error().field;
        r.message = verdict.error().message;
        KONTOR_TRY(w.putOpResult(r));
        return r;
    }
    if (!noChange)
        KONTOR_TRY(w.putRecord(op.entity, op.entityId, refIdOf(op.entity, state.fields), state));
    if (leaseChange) {
        KONTOR_TRY(w.putSeries(*leaseChange));
        // The series record shows the server's counter and holder too (snapshots carry them).
        auto series = w.record(u"series"_s, leaseChange->id);
        KONTOR_TRY(series);
        if (series->exists && !(op.entity == u"series" && op.entityId == leaseChange->id)) {
            series->fields.insert(u"nextNumber"_s, leaseChange->nextNumber);
            series->fields.insert(u"holderDeviceId"_s, leaseChange->holderDeviceId);
            KONTOR_TRY(w.putRecord(u"series"_s, leaseChange->id, {}, *series));
        }
    }
    KONTOR_TRY(append(w, op, receivedAt));
    const qint64 nowMs = now();
    bool okStamp = false;
    const HlcStamp stamp = HlcStamp::fromString(op.hlc, &okStamp);
    if (okStamp && stamp.physicalMs() < nowMs + OneDayMs)
        m_hlc.observe(stamp, nowMs);
    r.status = Sync::OpStatus::Accepted;
    r.seq = op.seq;
    KONTOR_TRY(w.putOpResult(r));
    return r;
}

Status SyncService::append(TenantWrite &w, Sync::Op &op, qint64 receivedAt)
{
    auto head = w.head();
    KONTOR_TRY(head);
    auto prev = w.auditHeadHash();
    KONTOR_TRY(prev);
    op.seq = head->seq + 1;
    AuditEntry audit {op.seq, op.opId, *prev, chainHash(*prev, op)};
    return w.appendOp(op, receivedAt, audit);
}

Status SyncService::check(TenantWrite &w, const Sync::Op &op, RecordState &state,
                          std::optional<SeriesLease> &leaseChange, bool &noChange)
{
    const QString &entity = op.entity;
    const QString &kind = op.kind;
    if (op.deviceId == QStringView(ServerDeviceId))
        return rejection(u"deviceId"_s, u"reserved-device"_s,
                         u"the device id 'server' is reserved"_s);
    if (op.fields.contains(u"id"_s) && op.fields.value(u"id"_s) != QJsonValue(op.entityId))
        return rejection(u"fields.id"_s, u"id-mismatch"_s,
                         u"the record's id differs from the op's entityId"_s);
    if (kind == u"issue" && !Sync::isDocumentEntity(entity))
        return rejection(u"kind"_s, u"bad-kind"_s, u"only documents are issued"_s);
    if (kind == u"issue" && entity == u"quote")
        return rejection(u"kind"_s, u"quote-not-issuable"_s,
                         u"quotes are not issued; convert the quote to an invoice"_s);
    if (Sync::isImmutableEntity(entity) && kind != u"create")
        return rejection(u"kind"_s, u"immutable-document"_s,
                         u"%1 records are insert-only"_s.arg(entity));

    auto current = w.record(entity, op.entityId);
    KONTOR_TRY(current);
    if (current->exists && current->immutable) {
        if (kind == u"update" || kind == u"delete")
            return rejection(QString(), u"immutable-document"_s,
                             u"this %1 is issued or recorded and can no longer change; keep the "
                             "edit as a new draft"_s.arg(entity));
        if (!sameSnapshot(current->fields, op.fields))
            return rejection(
                QString(), kind == u"issue" ? u"already-issued"_s : u"immutable-document"_s,
                u"this %1 was already issued or recorded with other content"_s.arg(entity));
        // The same snapshot again under a new op id (e.g. re-sent after an epoch change).
        noChange = true;
        return {};
    }

    const Sync::MergeResult merged = Sync::merge(*current, op);
    if (merged.outcome == Sync::MergeOutcome::Rejected) {
        Error e = merged.error;
        if (isFatal(e))
            e.kind = ErrorKind::Conflict;
        return e;
    }
    state = merged.state;
    // Insert-only whatever the merge decided: issued documents, payments, receipts.
    if (kind == u"issue" || Sync::isImmutableEntity(entity))
        state.immutable = true;

    // Server-granted series fields come from the lease table, never from a device.
    if (entity == u"series") {
        auto lease = w.series(op.entityId);
        KONTOR_TRY(lease);
        if (!lease->exists && !state.deleted) {
            // The device that creates a series holds it; its first number is the device's
            // choice (a business may continue an existing numbering).
            SeriesLease fresh;
            fresh.id = op.entityId;
            fresh.exists = true;
            fresh.holderDeviceId = op.deviceId;
            const qint64 first = op.fields.value(u"nextNumber"_s).toInteger(1);
            fresh.nextNumber = first >= 1 ? first : 1;
            leaseChange = fresh;
            lease = fresh;
        }
        if (lease->exists) {
            state.fields.insert(u"holderDeviceId"_s, lease->holderDeviceId);
            state.fields.insert(u"nextNumber"_s, lease->nextNumber);
        }
    }
    if (state.deleted)
        return {};

    auto taxRecords = w.records(u"tax_rate"_s);
    KONTOR_TRY(taxRecords);
    QHash<QString, TaxRate> rates;
    for (const StoredRecord &r : std::as_const(*taxRecords)) {
        auto rate = taxRateFromJson(r.state.fields);
        if (rate)
            rates.insert(r.id, *rate);
    }
    const TaxRateLookup lookup = [&rates](const QString &id) -> std::optional<TaxRate> {
        const auto it = rates.constFind(id);
        return it == rates.constEnd() ? std::nullopt : std::optional<TaxRate>(*it);
    };

    const QJsonObject &f = state.fields;
    if (entity == u"tax_rate") {
        auto v = taxRateFromJson(f);
        KONTOR_TRY(v);
        return validateTaxRate(*v);
    }
    if (entity == u"customer") {
        auto v = customerFromJson(f);
        KONTOR_TRY(v);
        return validateCustomer(*v);
    }
    if (entity == u"product") {
        auto v = productFromJson(f);
        KONTOR_TRY(v);
        return validateProduct(*v, lookup);
    }
    if (entity == u"company") {
        auto v = companyFromJson(f);
        KONTOR_TRY(v);
        return validateCompany(*v);
    }
    if (entity == u"series") {
        auto v = seriesFromJson(f);
        KONTOR_TRY(v);
        return validateSeries(*v);
    }
    if (entity == u"expense") {
        auto v = expenseFromJson(f);
        KONTOR_TRY(v);
        return validateExpense(*v);
    }
    if (Sync::isDocumentEntity(entity)) {
        auto doc = documentFromJson(f);
        KONTOR_TRY(doc);
        if (documentKindName(doc->kind) != entity)
            return rejection(u"kind"_s, u"kind-mismatch"_s,
                             u"the document's kind differs from the op's entity"_s);
        if (kind != u"issue")
            return validateDraft(*doc, lookup);
        KONTOR_TRY(validateIssuable(*doc, lookup));
        if (doc->seriesId.isEmpty())
            return rejection(u"series"_s, u"required"_s, u"an issued document names its series"_s);
        auto lease = w.series(doc->seriesId);
        KONTOR_TRY(lease);
        auto seriesRecord = w.record(u"series"_s, doc->seriesId);
        KONTOR_TRY(seriesRecord);
        if (!lease->exists || !seriesRecord->exists || seriesRecord->deleted)
            return rejection(u"series"_s, u"unknown-series"_s,
                             u"the series '%1' does not exist"_s.arg(doc->seriesId));
        auto series = seriesFromJson(seriesRecord->fields);
        KONTOR_TRY(series);
        series->holderDeviceId = lease->holderDeviceId;
        series->nextNumber = lease->nextNumber;
        if (Status s = validateSeriesNumber(*series, doc->sequence, doc->kind, op.deviceId); !s) {
            Error e = s.error();
            e.kind = ErrorKind::Conflict;
            return e;
        }
        if (doc->number != series->format(doc->sequence))
            return rejection(u"number"_s, u"number-format"_s,
                             u"the number must read '%1'"_s.arg(series->format(doc->sequence)));
        SeriesLease moved = *lease;
        moved.nextNumber = doc->sequence + 1;
        leaseChange = moved;
        return {};
    }
    if (entity == u"payment") {
        auto p = paymentFromJson(f);
        KONTOR_TRY(p);
        qint64 balance = 0;
        QString currency;
        const QString targetEntity
            = p->target == PaymentTarget::Invoice ? u"invoice"_s : u"expense"_s;
        auto target = w.record(targetEntity, p->targetId);
        KONTOR_TRY(target);
        if (!target->exists || target->deleted)
            return rejection(u"targetId"_s, u"unknown-target"_s,
                             u"the %1 being paid does not exist"_s.arg(targetEntity));
        auto payments = w.referencing(u"payment"_s, p->targetId);
        KONTOR_TRY(payments);
        qint64 paid = 0;
        for (const StoredRecord &r : std::as_const(*payments))
            paid += r.state.fields.value(u"amount"_s).toInteger();
        if (p->target == PaymentTarget::Invoice) {
            auto inv = documentFromJson(target->fields);
            KONTOR_TRY(inv);
            if (!target->immutable)
                return rejection(u"targetId"_s, u"target-not-issued"_s,
                                 u"only an issued invoice can be paid"_s);
            auto credits = w.referencing(u"credit_note"_s, p->targetId);
            KONTOR_TRY(credits);
            qint64 credited = 0;
            for (const StoredRecord &r : std::as_const(*credits))
                if (r.state.immutable)
                    credited += r.state.fields.value(u"totals"_s)
                                    .toObject()
                                    .value(u"payable"_s)
                                    .toInteger();
            balance = inv->totals.payable - paid - credited;
            currency = inv->currency;
        } else {
            auto exp = expenseFromJson(target->fields);
            KONTOR_TRY(exp);
            balance = exp->totalMinor - paid;
            currency = exp->currency;
        }
        // A payment is money that arrived: two devices recording one each for the same invoice
        // may pay it past its balance, and refusing the second would leave that device's books
        // apart from everyone else's. It is taken as an overpayment the user sees.
        Payment asRecorded = *p;
        asRecorded.overpayment = true;
        return validatePayment(asRecorded, balance, currency);
    }
    return {}; // receipt: insert-only, its content is the device's file
}

Result<Sync::PullResponse> SyncService::pull(const AuthContext &ctx, const QString &epoch,
                                             qint64 after, int limit)
{
    auto head = m_storage.head(ctx.tenantId);
    KONTOR_TRY(head);
    Sync::PullResponse r;
    // A cursor from another epoch, or beyond what the server holds, means the server lost
    // history (restored from a backup): the client re-sends its ops and takes a snapshot.
    if (epoch != head->epoch || after > head->seq) {
        r.epochChanged = true;
        r.next = {head->epoch, 0};
        return r;
    }
    auto ops = m_storage.opsAfter(ctx.tenantId, after, limit);
    KONTOR_TRY(ops);
    r.ops = *ops;
    r.next = {head->epoch, r.ops.isEmpty() ? after : r.ops.constLast().seq};
    r.more = r.next.seq < head->seq;
    return r;
}

Result<Sync::SnapshotPage> SyncService::snapshot(const AuthContext &ctx, const QString &after,
                                                 int limit)
{
    auto head = m_storage.head(ctx.tenantId);
    KONTOR_TRY(head);
    SnapshotCursor cursor;
    if (!after.isEmpty()) {
        auto c = decodeCursor(after);
        KONTOR_TRY(c);
        cursor = *c;
    } else {
        cursor.at = head->seq;
    }
    auto total = m_storage.recordCount(ctx.tenantId);
    KONTOR_TRY(total);
    Sync::SnapshotPage page;
    page.at = {head->epoch, cursor.at};
    page.total = *total;
    // Records come in the order they depend on each other (a series before its invoices, an
    // invoice before its payments), so a new device can apply each page as it arrives.
    static const QStringList order {u"company"_s, u"tax_rate"_s,    u"series"_s,  u"customer"_s,
                                    u"product"_s, u"expense"_s,     u"receipt"_s, u"quote"_s,
                                    u"invoice"_s, u"credit_note"_s, u"payment"_s};
    qsizetype at = cursor.entity.isEmpty() ? 0 : order.indexOf(cursor.entity);
    if (at < 0)
        return validationError(u"after"_s, u"bad-cursor"_s,
                               u"not a cursor this server handed out"_s);
    QString afterId = cursor.id;
    bool more = false;
    for (; at < order.size(); ++at, afterId.clear()) {
        const int room = limit - int(page.records.size());
        auto records = m_storage.recordsAfter(ctx.tenantId, order.at(at), afterId, room + 1);
        KONTOR_TRY(records);
        if (records->size() > room) {
            records->removeLast();
            more = true;
        }
        for (const StoredRecord &r : std::as_const(*records)) {
            Sync::SnapshotRecord out {r.entity, r.id, r.state.fields, r.state.clocks};
            if (r.state.deleted)
                out.fields = QJsonObject {{u"_deleted"_s, true}};
            page.records.append(out);
        }
        if (more)
            break;
    }
    if (more && !page.records.isEmpty())
        page.next = encodeCursor(
            {cursor.at, page.records.constLast().entity, page.records.constLast().id});
    return page;
}

Result<SeriesLease> SyncService::lease(const AuthContext &ctx, const QString &seriesId, bool force)
{
    return setHolder(ctx, seriesId, ctx.deviceId, force, false);
}

Result<SeriesLease> SyncService::release(const AuthContext &ctx, const QString &seriesId)
{
    return setHolder(ctx, seriesId, QString(), false, true);
}

Result<SeriesLease> SyncService::setHolder(const AuthContext &ctx, const QString &seriesId,
                                           const QString &holder, bool force, bool release)
{
    auto write = m_storage.beginWrite(ctx.tenantId);
    KONTOR_TRY(write);
    TenantWrite &w = **write;
    auto lease = w.series(seriesId);
    KONTOR_TRY(lease);
    auto record = w.record(u"series"_s, seriesId);
    KONTOR_TRY(record);
    if (!lease->exists || !record->exists || record->deleted)
        return Error {ErrorKind::NotFound, u"id"_s, u"unknown-series"_s, u"no such series"_s};
    if (release) {
        if (lease->holderDeviceId != ctx.deviceId)
            return Error {ErrorKind::Conflict, u"id"_s, u"series-not-held"_s,
                          u"this device does not hold the series"_s};
    } else {
        if (lease->holderDeviceId == ctx.deviceId)
            return *lease; // already held: nothing to record
        if (!lease->holderDeviceId.isEmpty() && !force)
            return Error {ErrorKind::Conflict, u"id"_s, u"series-held"_s,
                          u"the series is held by device '%1'; take it over with force"_s.arg(
                              lease->holderDeviceId)};
    }
    const QString previous = lease->holderDeviceId;
    lease->holderDeviceId = holder;
    KONTOR_TRY(w.putSeries(*lease));

    // The grant travels as an op so every device learns it by pulling.
    auto head = w.head();
    KONTOR_TRY(head);
    Sync::Op op;
    op.opId = newUuid7();
    op.deviceId = QString::fromUtf16(ServerDeviceId);
    op.deviceSeq = head->seq + 1;
    op.entity = u"series"_s;
    op.entityId = seriesId;
    op.kind = u"update"_s;
    op.fields = QJsonObject {{u"holderDeviceId"_s, holder}};
    op.hlc = m_hlc.now(now()).toString();
    record->fields.insert(u"holderDeviceId"_s, holder);
    record->fields.insert(u"nextNumber"_s, lease->nextNumber);
    record->clocks.insert(u"holderDeviceId"_s, op.clock());
    KONTOR_TRY(w.putRecord(u"series"_s, seriesId, {}, *record));
    KONTOR_TRY(append(w, op, now()));
    KONTOR_TRY(w.putOpResult(Sync::OpResult {op.opId, Sync::OpStatus::Accepted, op.seq}));
    KONTOR_TRY(w.commit());
    qCInfo(lcServer).noquote() << "series" << seriesId << "lease:" << previous << "->" << holder;
    return *lease;
}

Result<AuditEntry> SyncService::auditHead(const AuthContext &ctx)
{
    return m_storage.auditHead(ctx.tenantId);
}

Result<AuditReport> SyncService::verifyAudit(const AuthContext &ctx)
{
    AuditReport report;
    auto head = m_storage.auditHead(ctx.tenantId);
    KONTOR_TRY(head);
    QString prev;
    qint64 expected = 1;
    constexpr int Page = 500;
    for (;;) {
        auto entries = m_storage.auditAfter(ctx.tenantId, expected - 1, Page);
        KONTOR_TRY(entries);
        auto ops = m_storage.opsAfter(ctx.tenantId, expected - 1, Page);
        KONTOR_TRY(ops);
        if (entries->isEmpty() && ops->isEmpty())
            break;
        const qsizetype n = std::max(entries->size(), ops->size());
        for (qsizetype i = 0; i < n; ++i) {
            if (i >= entries->size() || i >= ops->size() || entries->at(i).seq != ops->at(i).seq) {
                report.problems.append(
                    u"seq %1: the log and the audit chain differ"_s.arg(expected));
                report.ok = false;
                return report;
            }
            const AuditEntry &e = entries->at(i);
            const Sync::Op &op = ops->at(i);
            if (e.seq != expected)
                report.problems.append(u"seq %1: gap before it"_s.arg(e.seq));
            if (e.opId != op.opId)
                report.problems.append(u"seq %1: entry names another op"_s.arg(e.seq));
            if (e.prevHash != prev)
                report.problems.append(u"seq %1: chain broken (previous hash)"_s.arg(e.seq));
            if (e.hash != chainHash(e.prevHash, op))
                report.problems.append(u"seq %1: hash does not match the op"_s.arg(e.seq));
            prev = e.hash;
            expected = e.seq + 1;
            ++report.entries;
        }
    }
    if (report.entries != head->seq || prev != head->hash)
        report.problems.append(u"the chain's head does not match the tenant's head (%1 entries, "
                               "head %2)"_s.arg(report.entries)
                                   .arg(head->seq));
    report.ok = report.problems.isEmpty();
    return report;
}

} // namespace Kontor::Server
