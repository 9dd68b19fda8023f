#include "syncengine.h"

#include "credentialstore.h"
#include "merge.h"
#include "syncclient.h"

#include <jsoncodec.h>
#include <jsondecode.h>
#include <ledger.h>
#include <store.h>

#include <QNetworkInformation>

#include <algorithm>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;

namespace Kontor::Sync {

namespace {

// A long poll that comes back empty sooner than this means the server does not hold requests;
// the next one waits a little instead of spinning.
constexpr int MinLongPollMs = 1000;
constexpr int ShortLongPollPauseMs = 5000;

const QString kImmutableDocumentRule = u"immutable-document"_s;

Error engineError(const QString &rule, const QString &message)
{
    return Error {ErrorKind::Conflict, QString(), rule, message};
}

QString settingText(const Replica &replica, const char *key)
{
    auto value = replica.setting(QString::fromLatin1(key));
    return value.ok() ? value.value() : QString();
}

Result<RecordState> currentState(const Replica &replica, const QString &entity, const QString &id)
{
    auto state = replica.record(entity, id);
    if (!state.ok() && state.error().kind == ErrorKind::NotFound)
        return RecordState();
    return state;
}

// Splits a field clock "hlc/deviceId" into its parts.
std::pair<QString, QString> splitClock(const QString &clock)
{
    const qsizetype slash = clock.indexOf(u'/');
    if (slash < 0)
        return {clock, QString()};
    return {clock.left(slash), clock.mid(slash + 1)};
}

// A snapshot record as the ops that would have made it: insert-only records (payments,
// receipts, issued documents) as one op, mutable records as one op per distinct field clock in
// clock order, so merge() judges each field against the local value by its own clock and a
// local edit the server has not seen yet survives the snapshot.
QList<Op> snapshotOps(const SnapshotRecord &record)
{
    QString latest;
    for (auto it = record.clocks.begin(); it != record.clocks.end(); ++it)
        if (compareClocks(it.value().toString(), latest) > 0)
            latest = it.value().toString();

    auto makeOp = [&](const QString &kind, const QString &clock, const QJsonObject &fields) {
        const auto [hlc, device] = splitClock(clock);
        Op op;
        op.opId = u"snapshot"_s;
        op.deviceId = device;
        op.entity = record.entity;
        op.entityId = record.id;
        op.kind = kind;
        op.fields = fields;
        op.hlc = hlc;
        return op;
    };

    // A deleted record travels as {"_deleted": true}: a delete, which absorbs any local edit.
    if (record.fields.value(u"_deleted"_s).toBool()) {
        const QString clock = record.clocks.value(u"_deleted"_s).toString();
        return {makeOp(u"delete"_s, clock.isEmpty() ? latest : clock, QJsonObject())};
    }
    const bool issuedDocument = isDocumentEntity(record.entity) && record.entity != u"quote"_s
        && !record.fields.value(u"number"_s).toString().isEmpty();
    if (isImmutableEntity(record.entity) || issuedDocument)
        return {makeOp(issuedDocument ? u"issue"_s : u"create"_s, latest, record.fields)};

    std::map<QString, QJsonObject, bool (*)(const QString &, const QString &)> groups(
        [](const QString &a, const QString &b) { return compareClocks(a, b) < 0; });
    for (auto it = record.fields.begin(); it != record.fields.end(); ++it) {
        const QString clock = record.clocks.value(it.key()).toString();
        groups[clock.isEmpty() ? latest : clock].insert(it.key(), it.value());
    }
    QList<Op> ops;
    for (const auto &[clock, fields] : groups)
        ops.append(makeOp(ops.isEmpty() ? u"create"_s : u"update"_s, clock, fields));
    return ops;
}

Op opFromOutbox(const OutboxEntry &e)
{
    Op op;
    op.opId = e.opId;
    op.deviceId = e.deviceId;
    op.deviceSeq = e.deviceSeq;
    op.entity = e.entity;
    op.entityId = e.entityId;
    op.kind = e.kind;
    op.fields = e.fields;
    op.hlc = e.hlc;
    return op;
}

} // namespace

SyncEngine::SyncEngine(Replica &replica, QObject *parent) : QObject(parent), m_replica(replica)
{
    auto client = std::make_unique<SyncClient>();
    m_transport = client.get();
    m_ownedTransport = std::move(client);
    init();
}

SyncEngine::SyncEngine(Replica &replica, SyncTransport *transport, QObject *parent)
    : QObject(parent), m_replica(replica), m_transport(transport)
{
    init();
}

SyncEngine::~SyncEngine()
{
    cancelRequest();
}

void SyncEngine::init()
{
    qRegisterMetaType<SyncResult>();
    m_deviceId = m_replica.store().deviceId();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_longPollDelay.setSingleShot(true);
    connect(&m_longPollDelay, &QTimer::timeout, this, &SyncEngine::startLongPoll);
}

void SyncEngine::setEndpoints(const QList<QUrl> &endpoints)
{
    m_transport->setEndpoints(endpoints);
}

void SyncEngine::setCredentials(const QString &token, const QString &deviceId)
{
    m_token = token;
    m_deviceId = deviceId.isEmpty() ? m_replica.store().deviceId() : deviceId;
    m_transport->setToken(token);
}

bool SyncEngine::restoreSession()
{
    QList<QUrl> urls;
    const QStringList servers
        = settingText(m_replica, ServersSetting).split(u' ', Qt::SkipEmptyParts);
    for (const QString &s : servers)
        urls.append(QUrl(s, QUrl::StrictMode));
    QString token;
    if (m_credentials) {
        auto loaded = m_credentials->load();
        if (loaded.ok())
            token = loaded.value();
        else
            qCWarning(lcSync) << loaded.error().message;
    }
    if (urls.isEmpty() || token.isEmpty())
        return false;
    setEndpoints(urls);
    setCredentials(token);
    return true;
}

void SyncEngine::signUp(const QList<QUrl> &endpoints, const QString &email, const QString &password,
                        const QString &business, std::function<void(Result<QString>)> done)
{
    m_transport->setEndpoints(endpoints);
    QPointer<SyncEngine> self(this);
    m_transport->createAccount(email, password, business,
                               [self, done = std::move(done)](Result<QString> tenant) {
                                   if (self && done)
                                       done(std::move(tenant));
                               });
}

void SyncEngine::signIn(const QList<QUrl> &endpoints, const QString &email, const QString &password,
                        const QString &deviceName, std::function<void(Status)> done)
{
    m_transport->setEndpoints(endpoints);
    QPointer<SyncEngine> self(this);
    const QString deviceId = m_replica.store().deviceId();
    m_transport->signIn(
        email, password, deviceName, deviceId,
        [this, self, endpoints, email, deviceName, deviceId,
         done = std::move(done)](Result<Session> session) {
            if (!self)
                return;
            auto finish = [&](Status status) {
                if (done)
                    done(std::move(status));
            };
            if (!session.ok())
                return finish(session.error());
            if (session->deviceId != deviceId)
                qCWarning(lcSync) << "the server registered device" << session->deviceId
                                  << "instead of" << deviceId;
            QStringList servers;
            for (const QUrl &u : endpoints)
                servers << u.toString(QUrl::FullyEncoded);
            // Another account's log means nothing to this ledger: start from a snapshot and send
            // the whole outbox to the new account.
            const QString oldTenant = settingText(m_replica, TenantSetting);
            WriteTransaction tx(m_replica.store());
            if (!oldTenant.isEmpty() && oldTenant != session->tenantId) {
                if (Status s = m_replica.setCursor(QString(), 0); !s)
                    return finish(s);
                if (Status s = m_replica.markAllUnpushed(); !s)
                    return finish(s);
            }
            for (const auto &[key, value] :
                 {std::pair {ServersSetting, servers.join(u' ')}, std::pair {EmailSetting, email},
                  std::pair {DeviceNameSetting, deviceName},
                  std::pair {TenantSetting, session->tenantId}}) {
                if (Status s = m_replica.setSetting(QString::fromLatin1(key), value); !s)
                    return finish(s);
            }
            if (Status s = tx.commit(); !s)
                return finish(s);
            if (m_credentials) {
                if (Status s = m_credentials->save(session->token); !s)
                    return finish(s);
            }
            setCredentials(session->token, session->deviceId);
            finish({});
        });
}

Status SyncEngine::signOut()
{
    stop();
    m_token.clear();
    m_transport->setToken(QString());
    if (m_credentials)
        return m_credentials->remove();
    return {};
}

void SyncEngine::signOutAndRevoke(std::function<void(Status)> done)
{
    stop();
    if (m_token.isEmpty()) {
        const Status local = signOut();
        if (done)
            done(local ? Status(Error {ErrorKind::Usage, u"account"_s, u"not-signed-in"_s,
                                       u"this ledger was not signed in"_s})
                       : local);
        return;
    }
    const QString deviceId = m_deviceId.isEmpty() ? m_replica.store().deviceId() : m_deviceId;
    QPointer<SyncEngine> self(this);
    m_request = m_transport->removeDevice(
        deviceId, [this, self, done = std::move(done)](Result<QJsonObject> r) {
            if (!self)
                return;
            m_request = 0;
            const Status local = signOut();
            if (done)
                done(!r.ok() ? Status(r.error()) : local);
        });
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    connectNetworkInformation();
    syncNow();
}

void SyncEngine::stop()
{
    m_running = false;
    m_debounce.stop();
    m_retry.stop();
    m_longPollDelay.stop();
    cancelRequest();
    m_phase = Phase::None;
    const bool wasActive = m_cycleActive;
    m_cycleActive = false;
    m_again = false;
    setState(State::Disabled);
    if (wasActive) {
        m_result.ok = false;
        m_result.error = Error {ErrorKind::Io, QString(), QString::fromLatin1(CancelledRule),
                                u"sync was stopped"_s};
        Q_EMIT finished(m_result);
    }
}

void SyncEngine::syncNow()
{
    m_debounce.stop();
    m_retry.stop();
    m_longPollDelay.stop();
    if (m_transport->endpoints().isEmpty() || m_token.isEmpty()) {
        m_lastError = Error {ErrorKind::Usage, u"account"_s, u"not-signed-in"_s,
                             u"this ledger is not signed in to a sync server; run "
                             "'kontor-cli sync signin' or use Settings > Sync"_s};
        setState(State::Disabled);
        SyncResult result;
        result.error = m_lastError;
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    if (m_cycleActive) {
        m_again = true;
        return;
    }
    if (m_phase == Phase::LongPoll)
        cancelRequest();
    beginCycle();
}

void SyncEngine::notifyLocalChange()
{
    Q_EMIT pendingCountChanged(pendingCount());
    if (m_running)
        m_debounce.start();
}

void SyncEngine::takeLease(const QString &seriesId, bool force, std::function<void(Status)> done)
{
    QPointer<SyncEngine> self(this);
    m_transport->takeLease(
        seriesId, force, [this, self, seriesId, done = std::move(done)](Result<QJsonObject> r) {
            if (!self)
                return;
            Status status = r.ok() ? Status() : Status(r.error());
            Q_EMIT leaseFinished(seriesId, r.ok(), r.ok() ? QString() : r.error().toString());
            // The grant reaches the ledger through the log, like any change.
            if (r.ok() && m_running)
                syncNow();
            if (done)
                done(std::move(status));
        });
}

void SyncEngine::releaseLease(const QString &seriesId, std::function<void(Status)> done)
{
    QPointer<SyncEngine> self(this);
    m_transport->releaseLease(
        seriesId, [this, self, seriesId, done = std::move(done)](Result<QJsonObject> r) {
            if (!self)
                return;
            Q_EMIT leaseFinished(seriesId, r.ok(), r.ok() ? QString() : r.error().toString());
            if (r.ok() && m_running)
                syncNow();
            if (done)
                done(r.ok() ? Status() : Status(r.error()));
        });
}

qint64 SyncEngine::pendingCount() const
{
    auto count = m_replica.pendingCount();
    return count.ok() ? count.value() : 0;
}

QDateTime SyncEngine::lastSyncTime() const
{
    return QDateTime::fromString(settingText(m_replica, LastSyncSetting), Qt::ISODateWithMs);
}

void SyncEngine::setRetryPolicy(int baseMs, int capMs)
{
    m_retryBaseMs = qMax(1, baseMs);
    m_retryCapMs = qMax(m_retryBaseMs, capMs);
}

int SyncEngine::nextRetryInMs() const
{
    return m_retry.isActive() ? m_retry.remainingTime() : -1;
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncEngine::cancelRequest()
{
    if (m_request != 0)
        m_transport->cancel(m_request);
    m_request = 0;
    ++m_generation;
}

// ---- The cycle ------------------------------------------------------------------------------

void SyncEngine::beginCycle()
{
    m_cycleActive = true;
    m_again = false;
    m_epochHandled = false;
    m_pushRounds = 0;
    m_result = SyncResult();
    setState(State::Syncing);
    stepPush();
}

void SyncEngine::stepPush()
{
    m_phase = Phase::Push;
    auto pending = m_replica.pending(MaxOpsPerPush);
    if (!pending.ok())
        return finishCycle(&pending.error());
    if (pending->isEmpty())
        return stepPull();

    PushRequest request;
    request.deviceId = m_deviceId;
    for (const OutboxEntry &e : pending.value())
        request.ops.append(opFromOutbox(e));
    qCDebug(lcSync) << "pushing" << request.ops.size() << "changes";
    const quint64 generation = ++m_generation;
    QPointer<SyncEngine> self(this);
    const QList<Op> sent = request.ops;
    m_request
        = m_transport->push(request, [this, self, generation, sent](Result<PushResponse> response) {
              if (!self || generation != m_generation)
                  return;
              m_request = 0;
              onPushed(sent, std::move(response));
          });
}

void SyncEngine::onPushed(const QList<Op> &sent, Result<PushResponse> response)
{
    if (!response.ok())
        return finishCycle(&response.error());

    QHash<QString, const Op *> byId;
    for (const Op &op : sent)
        byId.insert(op.opId, &op);

    int accepted = 0;
    int rejected = 0;
    {
        WriteTransaction tx(m_replica.store());
        if (!tx.isOpen())
            return finishCycle(&tx.beginError());
        for (const OpResult &r : response->results) {
            const Op *op = byId.value(r.opId);
            if (!op)
                continue; // not ours to judge: answered twice or for another batch
            byId.remove(r.opId);
            if (r.status == OpStatus::Accepted) {
                ++accepted;
                if (!r.reassignedId.isEmpty()) {
                    // Another device issued this draft first: ours stands under the id the
                    // server gave it, theirs arrives under the draft's id; the user is warned.
                    if (Status s = m_replica.reissue(op->entity, op->entityId, op->opId); !s)
                        return finishCycle(&s.error());
                    RejectionEntry warning;
                    warning.opId = op->opId;
                    warning.entity = op->entity;
                    warning.entityId = r.reassignedId;
                    warning.kind = op->kind;
                    warning.fields = op->fields;
                    warning.rule = r.rule;
                    warning.message = r.message;
                    warning.createdAt = m_replica.store().tick().toString();
                    if (Status s = m_replica.addRejection(warning); !s)
                        return finishCycle(&s.error());
                    Q_EMIT rejectionsChanged();
                }
            } else {
                ++rejected;
                RejectionEntry rejection;
                rejection.opId = op->opId;
                rejection.entity = op->entity;
                rejection.entityId = op->entityId;
                rejection.kind = op->kind;
                rejection.fields = op->fields;
                rejection.rule = r.rule;
                rejection.field = r.field;
                rejection.message = r.message;
                rejection.createdAt = m_replica.store().tick().toString();
                if (r.rule == kImmutableDocumentRule && isDocumentEntity(op->entity)
                    && op->kind == u"update"_s) {
                    if (Status kept = keepAsDraft(*op, rejection); !kept)
                        qCWarning(lcSync) << "could not keep the refused edit of" << op->entityId
                                          << "as a draft:" << kept.error().toString();
                }
                qCInfo(lcSync) << "the server refused" << op->kind << op->entity << op->entityId
                               << r.rule << r.message;
                if (Status s = m_replica.addRejection(rejection); !s)
                    return finishCycle(&s.error());
            }
            // A refused change is not sent again: it is on record for the user instead.
            if (Status s = m_replica.markPushed(op->opId); !s)
                return finishCycle(&s.error());
        }
        if (Status s = tx.commit(); !s)
            return finishCycle(&s.error());
    }
    m_result.pushed += accepted;
    m_result.rejected += rejected;
    if (rejected > 0)
        Q_EMIT rejectionsChanged();
    Q_EMIT pendingCountChanged(pendingCount());

    // The server restored from a backup answers with a new epoch.
    auto cursor = m_replica.cursor();
    if (cursor.ok() && !cursor->first.isEmpty() && !response->head.epoch.isEmpty()
        && response->head.epoch != cursor->first && !m_epochHandled) {
        m_epochHandled = true;
        if (Status s = handleEpochChange(); !s)
            return finishCycle(&s.error());
        return stepPush();
    }

    if (accepted + rejected == 0) {
        const Error e
            = engineError(u"push-unanswered"_s,
                          u"the server answered none of the %1 changes sent"_s.arg(sent.size()));
        return finishCycle(&e);
    }
    stepPush();
}

Result<QString> keepRefusedEditAsDraft(Ledger &ledger, const QString &documentId,
                                       const QJsonObject &refusedFields)
{
    auto draft = ledger.duplicateAsDraft(documentId);
    if (!draft.ok())
        return draft.error();
    // The refused edit applied on a fresh draft: the document's identity and what follows from
    // its lines stay the draft's own.
    static const QStringList identity {u"id"_s,       u"kind"_s,     u"seriesId"_s, u"number"_s,
                                       u"sequence"_s, u"customer"_s, u"totals"_s};
    QJsonObject json = toJson(draft.value());
    for (auto it = refusedFields.begin(); it != refusedFields.end(); ++it) {
        if (identity.contains(it.key()))
            continue;
        if (it.key() == u"lines"_s) {
            // The lines' ids belong to the original document; the draft's lines get new ones.
            QJsonArray lines;
            for (const QJsonValue &l : it.value().toArray()) {
                QJsonObject line = l.toObject();
                line.remove(u"id"_s);
                lines.append(line);
            }
            json.insert(it.key(), lines);
            continue;
        }
        json.insert(it.key(), it.value());
    }
    auto decoded = documentFromJson(json);
    if (!decoded.ok())
        return decoded.error();
    Document edited = decoded.value();
    edited.id = draft->id;
    edited.kind = draft->kind;
    auto updated = ledger.updateDraft(edited);
    if (!updated.ok())
        return updated.error();
    return draft->id;
}

Status SyncEngine::keepLostValues(const QString &entity, const QString &id,
                                  const QList<LostValue> &lost)
{
    for (const LostValue &l : lost) {
        ConflictEntry c;
        c.entity = entity;
        c.entityId = id;
        c.field = l.field;
        c.lostValue = l.value;
        c.lostClock = l.clock;
        c.keptValue = l.winner;
        c.keptClock = l.winnerClock;
        c.createdAt = m_replica.store().tick().toString();
        auto added = m_replica.addConflict(c);
        if (!added.ok())
            return added.error();
    }
    return {};
}

Status SyncEngine::keepAsDraft(const Op &op, RejectionEntry &rejection)
{
    auto kept = keepRefusedEditAsDraft(m_replica.ledger(), op.entityId, op.fields);
    if (!kept.ok())
        return kept.error();
    rejection.resolution = u"kept-as-draft:"_s + kept.value();
    return {};
}

void SyncEngine::stepPull()
{
    m_phase = Phase::Pull;
    auto cursor = m_replica.cursor();
    if (!cursor.ok())
        return finishCycle(&cursor.error());
    if (cursor->first.isEmpty()) {
        // Never pulled: the server's current state first, then its log from there.
        m_snapshotDone = 0;
        m_snapshotAt = Cursor();
        m_snapshotWaiting.clear();
        // A ledger with no documents yet cannot hold any of the snapshot's insert-only records,
        // so those are written without looking for a local version first.
        m_freshBootstrap = m_replica.holdsNoDocuments();
        return stepSnapshot(QString());
    }
    const quint64 generation = ++m_generation;
    QPointer<SyncEngine> self(this);
    m_request = m_transport->pull(Cursor {cursor->first, cursor->second}, DefaultPullPage, 0,
                                  [this, self, generation](Result<PullResponse> response) {
                                      if (!self || generation != m_generation)
                                          return;
                                      m_request = 0;
                                      onPulled(std::move(response));
                                  });
}

void SyncEngine::onPulled(Result<PullResponse> response)
{
    if (!response.ok())
        return finishCycle(&response.error());
    if (response->epochChanged) {
        if (m_epochHandled) {
            const Error e
                = engineError(u"epoch-loop"_s, u"the server changed its epoch twice in one sync"_s);
            return finishCycle(&e);
        }
        m_epochHandled = true;
        if (Status s = handleEpochChange(); !s)
            return finishCycle(&s.error());
        return stepPush();
    }
    auto before = m_replica.cursor();
    auto applied = applyPage(response->ops, response->next);
    if (!applied.ok())
        return finishCycle(&applied.error());
    if (applied.value() > 0)
        Q_EMIT remoteChangesApplied(applied.value());
    if (response->more) {
        if (before.ok() && before->first == response->next.epoch
            && before->second >= response->next.seq) {
            const Error e = engineError(u"pull-no-progress"_s,
                                        u"the server announced more changes but sent none"_s);
            return finishCycle(&e);
        }
        return stepPull();
    }
    finishCycle(nullptr);
}

void SyncEngine::stepSnapshot(const QString &after)
{
    m_phase = Phase::Snapshot;
    const quint64 generation = ++m_generation;
    QPointer<SyncEngine> self(this);
    m_request = m_transport->snapshot(after, m_snapshotPageSize,
                                      [this, self, generation](Result<SnapshotPage> page) {
                                          if (!self || generation != m_generation)
                                              return;
                                          m_request = 0;
                                          onSnapshot(std::move(page));
                                      });
}

Result<bool> SyncEngine::applySnapshotRecord(const SnapshotRecord &record, int *conflicts)
{
    // A savepoint: a record that cannot be written yet leaves nothing behind.
    WriteTransaction tx(m_replica.store());
    const bool insertOnly = m_freshBootstrap
        && (isImmutableEntity(record.entity)
            || (isDocumentEntity(record.entity)
                && !record.fields.value(u"number"_s).toString().isEmpty()));
    auto current = insertOnly ? Result<RecordState>(RecordState {})
                              : currentState(m_replica, record.entity, record.id);
    if (!current.ok())
        return current.error();
    RecordState state = current.value();
    QList<LostValue> lost;
    for (const Op &op : snapshotOps(record)) {
        m_replica.observe(op.hlc);
        MergeResult merged = merge(state, op);
        if (merged.outcome == MergeOutcome::Rejected) {
            qCWarning(lcSync) << "snapshot record" << record.entity << record.id
                              << "not merged:" << merged.error.toString();
            continue;
        }
        state = merged.state;
        lost += merged.lost;
    }
    const bool changed = state != current.value();
    if (changed)
        KONTOR_TRY(m_replica.apply(record.entity, record.id, state,
                                   insertOnly ? Replica::Absent : Replica::Unknown));
    KONTOR_TRY(keepLostValues(record.entity, record.id, lost));
    KONTOR_TRY(tx.commit());
    *conflicts += int(lost.size());
    return changed;
}

Result<int> SyncEngine::applyNewIssued(const QList<SnapshotRecord> &records)
{
    // A savepoint: all of them or none.
    WriteTransaction tx(m_replica.store());
    QList<Replica::Incoming> incoming;
    incoming.reserve(records.size());
    for (const SnapshotRecord &record : records) {
        RecordState state;
        for (const Op &op : snapshotOps(record)) {
            m_replica.observe(op.hlc);
            MergeResult merged = merge(state, op);
            if (merged.outcome == MergeOutcome::Rejected || !merged.lost.isEmpty())
                return merged.error.rule.isEmpty()
                    ? Error {ErrorKind::Conflict, {}, u"not-new"_s, u"not a new record"_s}
                    : merged.error;
            state = merged.state;
        }
        incoming.append({record.entity, record.id, state});
    }
    KONTOR_TRY(m_replica.applyNewIssued(incoming));
    KONTOR_TRY(tx.commit());
    return int(incoming.size());
}

void SyncEngine::onSnapshot(Result<SnapshotPage> page)
{
    if (!page.ok())
        return finishCycle(&page.error());
    // Pages may be read at slightly different log positions; the earliest is safe to pull from,
    // since applying an op twice changes nothing.
    if (m_snapshotAt.epoch.isEmpty() || page->at.seq < m_snapshotAt.seq)
        m_snapshotAt = page->at;
    const bool last = page->next.isEmpty();
    int changed = 0;
    int conflicts = 0;
    {
        WriteTransaction tx(m_replica.store());
        if (!tx.isOpen())
            return finishCycle(&tx.beginError());
        // The snapshot comes in (entity, id) order, so a record may arrive before one it refers
        // to (an invoice before its tax rate). Such a record waits until a later page brings
        // what it needs; only the last page insists.
        QList<SnapshotRecord> waiting = std::exchange(m_snapshotWaiting, {});
        waiting += page->records;
        bool progressed = true;
        Error firstError;
        while (progressed && !waiting.isEmpty()) {
            progressed = false;
            QList<SnapshotRecord> still;
            auto applyOne = [&](const SnapshotRecord &record) {
                auto applied = applySnapshotRecord(record, &conflicts);
                if (!applied.ok()) {
                    if (still.isEmpty())
                        firstError = applied.error();
                    still.append(record);
                    return;
                }
                progressed = true;
                if (applied.value())
                    ++changed;
            };
            // A new device takes runs of issued documents in batches (they cannot be here
            // yet); a run that cannot be written whole goes record by record.
            QList<SnapshotRecord> run;
            auto flushRun = [&] {
                if (run.isEmpty())
                    return;
                if (auto n = applyNewIssued(run); n.ok()) {
                    progressed = true;
                    changed += n.value();
                } else {
                    for (const SnapshotRecord &record : std::as_const(run))
                        applyOne(record);
                }
                run.clear();
            };
            for (const SnapshotRecord &record : std::as_const(waiting)) {
                if (m_freshBootstrap && isDocumentEntity(record.entity)
                    && record.entity != u"quote"_s
                    && !record.fields.value(u"number"_s).toString().isEmpty()) {
                    run.append(record);
                    continue;
                }
                flushRun();
                applyOne(record);
            }
            flushRun();
            waiting = std::move(still);
        }
        m_snapshotWaiting = std::move(waiting);
        if (last) {
            if (!m_snapshotWaiting.isEmpty()) {
                qCWarning(lcSync) << m_snapshotWaiting.size() << "snapshot records could not be "
                                  << "applied; first:" << m_snapshotWaiting.first().entity
                                  << m_snapshotWaiting.first().id << firstError.toString();
                m_snapshotWaiting.clear();
                return finishCycle(&firstError);
            }
            if (Status s = m_replica.setCursor(m_snapshotAt.epoch, m_snapshotAt.seq); !s)
                return finishCycle(&s.error());
        }
        if (Status s = tx.commit(); !s)
            return finishCycle(&s.error());
    }
    m_snapshotDone += page->records.size();
    m_result.pulled += changed;
    m_result.conflicts += conflicts;
    Q_EMIT progress(m_snapshotDone, qMax(page->total, m_snapshotDone));
    if (changed > 0)
        Q_EMIT remoteChangesApplied(changed);
    if (conflicts > 0)
        Q_EMIT conflictsChanged();
    if (!last)
        return stepSnapshot(page->next);
    qCInfo(lcSync) << "snapshot applied:" << m_snapshotDone << "records at" << m_snapshotAt.epoch
                   << m_snapshotAt.seq;
    stepPull();
}

Result<int> SyncEngine::applyPage(const QList<Op> &ops, const Cursor &next)
{
    int applied = 0;
    int conflicts = 0;
    WriteTransaction tx(m_replica.store());
    if (!tx.isOpen())
        return tx.beginError();
    for (const Op &op : ops) {
        m_replica.observe(op.hlc);
        auto current = currentState(m_replica, op.entity, op.entityId);
        if (!current.ok())
            return current.error();
        const MergeResult merged = merge(current.value(), op);
        switch (merged.outcome) {
        case MergeOutcome::Applied:
            KONTOR_TRY(m_replica.apply(op.entity, op.entityId, merged.state));
            if (op.deviceId != m_deviceId)
                ++applied;
            break;
        case MergeOutcome::Unchanged:
            break;
        case MergeOutcome::Rejected: {
            // Another device changed a document this device has issued meanwhile (the server
            // took the change before it learnt of the issue; the issue replaces it there too).
            // The change cannot apply here; it is kept as a conflict the user sees, and the
            // page goes on rather than stall every later change behind it.
            qCInfo(lcSync) << "op" << op.opId << op.kind << op.entity << op.entityId
                           << "from the server kept as a conflict:" << merged.error.toString();
            for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
                if (current->fields.value(it.key()) == it.value())
                    continue;
                ConflictEntry c;
                c.entity = op.entity;
                c.entityId = op.entityId;
                c.field = it.key();
                c.lostValue = it.value();
                c.lostClock = op.clock();
                c.keptValue = current->fields.value(it.key());
                c.keptClock = current->clocks.value(it.key()).toString();
                c.createdAt = m_replica.store().tick().toString();
                auto added = m_replica.addConflict(c);
                if (!added.ok())
                    return added.error();
                ++conflicts;
            }
            break;
        }
        }
        KONTOR_TRY(keepLostValues(op.entity, op.entityId, merged.lost));
        conflicts += int(merged.lost.size());
    }
    KONTOR_TRY(m_replica.setCursor(next.epoch, next.seq));
    KONTOR_TRY(tx.commit());
    m_result.pulled += applied;
    m_result.conflicts += conflicts;
    if (conflicts > 0)
        Q_EMIT conflictsChanged();
    return applied;
}

Status SyncEngine::handleEpochChange()
{
    qCWarning(lcSync) << "the server's epoch changed (restored from a backup): sending every "
                         "local change again and merging a fresh snapshot";
    WriteTransaction tx(m_replica.store());
    KONTOR_TRY(m_replica.markAllUnpushed());
    KONTOR_TRY(m_replica.setCursor(QString(), 0));
    return tx.commit();
}

void SyncEngine::finishCycle(const Error *error)
{
    m_phase = Phase::None;
    m_cycleActive = false;
    m_request = 0;
    if (!error) {
        m_result.ok = true;
        m_result.error = Error();
        m_lastError = Error();
        m_failures = 0;
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        if (Status s = m_replica.setSetting(QString::fromLatin1(LastSyncSetting), now); !s)
            qCWarning(lcSync) << s.error().toString();
        setState(State::Idle);
    } else {
        m_result.ok = false;
        m_result.error = *error;
        m_lastError = *error;
        ++m_failures;
        qCInfo(lcSync) << "sync failed:" << error->toString() << "(" << error->rule << ")";
        setState(isRetryable(*error) ? State::Offline : State::Error);
    }
    if (Status s
        = m_replica.setSetting(QString::fromLatin1(LastErrorSetting),
                               m_lastError.message.isEmpty() ? QString() : m_lastError.toString());
        !s)
        qCWarning(lcSync) << s.error().toString();

    const SyncResult result = m_result;
    QPointer<SyncEngine> self(this);
    Q_EMIT finished(result);
    if (!self)
        return;
    if (!result.ok) {
        // Credentials do not fix themselves; anything else may (server back, bug fixed).
        if (m_running && !isAuthError(result.error))
            scheduleRetry();
        return;
    }
    if (m_again) {
        m_again = false;
        QMetaObject::invokeMethod(this, &SyncEngine::syncNow, Qt::QueuedConnection);
        return;
    }
    startLongPoll();
}

void SyncEngine::scheduleRetry()
{
    // Full jitter: many clients that lost one server do not come back in step.
    const int exponent = qMin(m_failures - 1, 20);
    const qint64 ceiling = qMin<qint64>(m_retryCapMs, qint64(m_retryBaseMs) << qMax(0, exponent));
    const int delay = int(QRandomGenerator::global()->bounded(ceiling + 1));
    qCInfo(lcSync) << "next attempt in" << delay << "ms";
    m_retry.start(delay);
}

// ---- Long poll ------------------------------------------------------------------------------

void SyncEngine::startLongPoll()
{
    if (!m_running || !m_longPollEnabled || m_cycleActive || m_token.isEmpty()
        || m_phase == Phase::LongPoll)
        return;
    auto cursor = m_replica.cursor();
    if (!cursor.ok() || cursor->first.isEmpty()) {
        syncNow();
        return;
    }
    m_phase = Phase::LongPoll;
    m_longPollClock.start();
    const quint64 generation = ++m_generation;
    QPointer<SyncEngine> self(this);
    m_request
        = m_transport->pull(Cursor {cursor->first, cursor->second}, DefaultPullPage, LongPollWaitMs,
                            [this, self, generation](Result<PullResponse> response) {
                                if (!self || generation != m_generation)
                                    return;
                                m_request = 0;
                                onLongPoll(std::move(response));
                            });
}

void SyncEngine::onLongPoll(Result<PullResponse> response)
{
    m_phase = Phase::None;
    if (!response.ok()) {
        m_lastError = response.error();
        ++m_failures;
        setState(isRetryable(m_lastError) ? State::Offline : State::Error);
        if (!isAuthError(m_lastError))
            scheduleRetry();
        return;
    }
    if (response->epochChanged) {
        syncNow(); // the cycle handles it
        return;
    }
    auto applied = applyPage(response->ops, response->next);
    if (!applied.ok()) {
        m_lastError = applied.error();
        setState(State::Error);
        scheduleRetry();
        return;
    }
    if (applied.value() > 0) {
        qCDebug(lcSync) << "long poll brought" << applied.value() << "changes";
        Q_EMIT remoteChangesApplied(applied.value());
    }
    if (response->more) {
        syncNow();
        return;
    }
    if (response->ops.isEmpty() && m_longPollClock.elapsed() < MinLongPollMs) {
        m_longPollDelay.start(ShortLongPollPauseMs);
        return;
    }
    startLongPoll();
}

void SyncEngine::connectNetworkInformation()
{
    if (!m_useNetworkInformation)
        return;
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend()) {
        qCDebug(lcSync) << "no network information backend; retries probe the servers";
        return;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    m_networkConnected = info->reachability() != QNetworkInformation::Reachability::Disconnected;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                const bool connected
                    = reachability != QNetworkInformation::Reachability::Disconnected;
                const bool cameBack = connected && !m_networkConnected;
                m_networkConnected = connected;
                if (!connected) {
                    qCInfo(lcSync) << "the network is down";
                    if (m_state == State::Idle)
                        setState(State::Offline);
                    return;
                }
                // The network is back: whatever the backoff says, now is the time to try.
                if (cameBack && m_running && m_state != State::Syncing) {
                    m_failures = 0;
                    syncNow();
                }
            });
}

} // namespace Kontor::Sync
