// The client side of sync for one ledger: pushes the outbox, pulls what other devices did and
// merges it (sync/merge.h) into the Replica, bootstraps a new device from a snapshot, keeps a long
// poll open so remote changes arrive within a second, and retries with backoff when the servers
// cannot be reached. It owns no global state: the replica and (optionally) the transport are
// passed in, so tests run several engines against one server, or against a transport that
// injects faults.
//
// One cycle (syncNow): push every pending outbox entry in batches; pull pages until none is left,
// each page applied together with its new cursor in one transaction; for a ledger that has never
// pulled (no cursor) read the server's snapshot first. An epoch change (server restored from a
// backup) marks the whole outbox unpushed and merges a fresh snapshot, so nothing local is lost.
#pragma once

#include "merge.h"
#include "synctransport.h"

#include <replica.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

namespace Kontor::Sync {

class CredentialStore;

// What one cycle did.
struct SyncResult
{
    bool ok = false;
    int pushed = 0; // outbox entries the server accepted
    int pulled = 0; // remote ops (and snapshot records) applied
    int rejected = 0; // outbox entries the server refused (kept as RejectionEntry)
    int conflicts = 0; // values that lost a merge (kept as ConflictEntry)
    Error error; // when !ok
};

// Keeps an edit the server refused (the document was issued meanwhile) as a new draft: a copy
// of the document with the refused fields applied, its identity and lines' ids its own. Returns
// the draft's id. The engine does this on its own; the Sync panel does it on request.
Result<QString> keepRefusedEditAsDraft(Ledger &ledger, const QString &documentId,
                                       const QJsonObject &refusedFields);

class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disabled, // not started, or no server or credentials
        Offline, // no server answered; retrying with backoff
        Idle, // in step with the server, waiting for changes
        Syncing, // a cycle is running
        Error, // the server refused (credentials, a bad request); see lastError()
    };
    Q_ENUM(State)

    // Settings kept in the ledger (Replica::setting).
    static constexpr char ServersSetting[] = "sync.servers"; // URLs separated by spaces
    static constexpr char EmailSetting[] = "sync.email";
    static constexpr char DeviceNameSetting[] = "sync.deviceName";
    static constexpr char TenantSetting[] = "sync.tenantId";
    static constexpr char LastSyncSetting[] = "sync.lastSync"; // ISO 8601, UTC
    static constexpr char LastErrorSetting[] = "sync.lastError";

    static constexpr int LongPollWaitMs = 25000;
    static constexpr int DebounceMs = 300;

    // Without a transport the engine makes its own SyncClient.
    explicit SyncEngine(Replica &replica, QObject *parent = nullptr);
    SyncEngine(Replica &replica, SyncTransport *transport, QObject *parent = nullptr);
    ~SyncEngine() override;

    Replica &replica() { return m_replica; }
    SyncTransport &transport() { return *m_transport; }

    void setEndpoints(const QList<QUrl> &endpoints);
    QList<QUrl> endpoints() const { return m_transport->endpoints(); }
    // deviceId empty: the ledger's own (Store::deviceId()), which sign-in registers.
    void setCredentials(const QString &token, const QString &deviceId = {});
    bool hasCredentials() const { return !m_token.isEmpty(); }

    // Where sign-in keeps the token. Not owned; may be null (the caller stores it).
    void setCredentialStore(CredentialStore *store) { m_credentials = store; }
    // Reads the servers from the ledger's settings and the token from the credential store.
    // False when the ledger is not signed in.
    bool restoreSession();

    // Account: asynchronous; `done` is called once. signIn registers this ledger's device id,
    // stores servers, e-mail, device name and tenant in the ledger and the token in the
    // credential store (when one is set), and leaves the engine ready to start().
    void signUp(const QList<QUrl> &endpoints, const QString &email, const QString &password,
                const QString &business, std::function<void(Result<QString>)> done);
    void signIn(const QList<QUrl> &endpoints, const QString &email, const QString &password,
                const QString &deviceName, std::function<void(Status)> done);
    // Forgets the token (and removes it from the credential store); the ledger keeps its data.
    Status signOut();
    // Signs out everywhere it counts: asks the server to revoke this device's token first (a
    // copy of it left anywhere is then worthless), then forgets it here as signOut() does. The
    // token is forgotten even when the server cannot be reached; `done` says whether the server
    // revoked it.
    void signOutAndRevoke(std::function<void(Status revoked)> done);

    // start(): sync now, then keep in step (long poll, retries, network changes). stop(): cancel
    // what is in flight; nothing half-applied remains (pages commit atomically).
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // One cycle as soon as possible (after the current one, if one runs). Works without start()
    // too, for a one-off sync: then no long poll follows.
    void syncNow();
    // A local write happened: sync shortly after, so a burst of edits costs one push.
    void notifyLocalChange();

    // Series leases (need the server). `done` may be empty; leaseFinished is emitted as well.
    void takeLease(const QString &seriesId, bool force, std::function<void(Status)> done = {});
    void releaseLease(const QString &seriesId, std::function<void(Status)> done = {});

    State state() const { return m_state; }
    qint64 pendingCount() const;
    QDateTime lastSyncTime() const;
    Error lastError() const { return m_lastError; }
    // Retry timing after failures: full jitter between 0 and min(cap, base * 2^failures).
    void setRetryPolicy(int baseMs, int capMs);
    int consecutiveFailures() const { return m_failures; }
    // Milliseconds until the next automatic retry; -1 when none is scheduled.
    int nextRetryInMs() const;
    // Whether QNetworkInformation is used to sync when the network comes back (default on).
    void setUseNetworkInformation(bool use) { m_useNetworkInformation = use; }
    void setLongPollEnabled(bool enabled) { m_longPollEnabled = enabled; }
    // Records per snapshot request (tests use small pages to see several).
    void setSnapshotPageSize(int records)
    {
        m_snapshotPageSize = qBound(1, records, MaxSnapshotPage);
    }
    bool isLongPolling() const { return m_phase == Phase::LongPoll; }

Q_SIGNALS:
    void stateChanged(Kontor::Sync::SyncEngine::State state);
    // Snapshot bootstrap: records applied so far of the snapshot's total.
    void progress(qint64 done, qint64 total);
    void finished(const Kontor::Sync::SyncResult &result);
    void conflictsChanged();
    void rejectionsChanged();
    // Remote changes were written to the ledger: views re-read.
    void remoteChangesApplied(int count);
    void pendingCountChanged(qint64 count);
    void leaseFinished(const QString &seriesId, bool ok, const QString &message);

private:
    enum class Phase { None, Push, Snapshot, Pull, LongPoll };

    void init();
    void setState(State state);
    void beginCycle();
    void stepPush();
    void onPushed(const QList<Op> &sent, Result<PushResponse> response);
    void stepPull();
    void onPulled(Result<PullResponse> response);
    void stepSnapshot(const QString &after);
    void onSnapshot(Result<SnapshotPage> page);
    Result<bool> applySnapshotRecord(const SnapshotRecord &record, int *conflicts);
    // A run of issued documents for a new device, written in batches; the count applied.
    Result<int> applyNewIssued(const QList<SnapshotRecord> &records);
    void finishCycle(const Error *error);
    void startLongPoll();
    void onLongPoll(Result<PullResponse> response);
    void scheduleRetry();
    void cancelRequest();
    Status handleEpochChange();
    Result<int> applyPage(const QList<Op> &ops, const Cursor &next);
    Status keepAsDraft(const Op &op, RejectionEntry &rejection);
    // The values that lost a merge, kept as conflict records for the user.
    Status keepLostValues(const QString &entity, const QString &id, const QList<LostValue> &lost);
    void connectNetworkInformation();

    Replica &m_replica;
    std::unique_ptr<SyncTransport> m_ownedTransport;
    SyncTransport *m_transport = nullptr;
    CredentialStore *m_credentials = nullptr;
    QString m_token;
    QString m_deviceId;

    State m_state = State::Disabled;
    Phase m_phase = Phase::None;
    bool m_running = false;
    bool m_cycleActive = false;
    bool m_again = false; // another cycle was asked for while one ran
    bool m_epochHandled = false; // once per cycle
    int m_pushRounds = 0;
    SyncTransport::RequestId m_request = 0;
    quint64 m_generation = 0; // callbacks of an older generation are stale
    SyncResult m_result;
    Error m_lastError;
    qint64 m_snapshotDone = 0;
    Cursor m_snapshotAt;
    QList<SnapshotRecord> m_snapshotWaiting; // records whose references come on a later page

    QTimer m_debounce;
    QTimer m_retry;
    QTimer m_longPollDelay;
    QElapsedTimer m_longPollClock;
    bool m_freshBootstrap = false; // the snapshot fills a ledger without documents
    int m_failures = 0;
    int m_retryBaseMs = 500;
    int m_retryCapMs = 60000;
    bool m_useNetworkInformation = true;
    bool m_longPollEnabled = true;
    int m_snapshotPageSize = 500;
    bool m_networkConnected = false;
};

} // namespace Kontor::Sync

Q_DECLARE_METATYPE(Kontor::Sync::SyncResult)
