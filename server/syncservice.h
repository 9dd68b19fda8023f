// What kontor-syncd does, apart from HTTP: sign-up and sign-in bookkeeping, device tokens, and
// per tenant the push (judge each op with the model's rules, merge it, log it, chain it), pull,
// snapshot, series leases and audit. Storage-agnostic (only Storage is used) and synchronous;
// the HTTP layer (SyncApi) adds the asynchronous parts: password hashing off the event loop and
// long-polls.
#pragma once

#include "storage.h"

#include <hlc.h>
#include <protocol.h>

#include <functional>

namespace Kontor::Server {

// Who a request acts for, from its bearer token.
struct AuthContext
{
    QString tenantId;
    QString deviceId;
};

struct SessionGrant
{
    QString token;
    QString deviceId;
    QString tenantId;
    QString epoch;
};

struct AuditReport
{
    bool ok = true;
    qint64 entries = 0;
    QStringList problems;
};

// The pseudo-device that signs ops the server itself makes (series lease grants).
inline constexpr char16_t ServerDeviceId[] = u"server";

class SyncService
{
public:
    using Clock = std::function<qint64()>; // ms since the epoch

    explicit SyncService(Storage &storage, Clock clock = {});

    Storage &storage() { return m_storage; }
    qint64 now() const { return m_clock(); }

    static QString normaliseEmail(const QString &email);
    // A tenant's epoch: a new UUIDv7, random enough never to repeat. Made when the tenant is
    // created, and again for every tenant by `kontor-syncd --new-epochs` after a restore.
    static QString newEpoch();

    // Accounts and sessions. The password hash is computed by the caller (off the event loop).
    Result<QString> createAccount(const QString &email, const QString &business,
                                  const QByteArray &passwordHash, const QByteArray &salt,
                                  int iterations);
    // Seconds the client must wait before trying to sign in again; 0 when it may try now.
    Result<qint64> loginDelay(const QString &email, const QString &peer);
    Status loginFailed(const QString &email, const QString &peer);
    Result<SessionGrant> openSession(const AccountRecord &account, const QString &email,
                                     const QString &deviceName, const QString &deviceId);

    // A bearer token to the device it belongs to; Error rule "unauthorized" when unknown or
    // revoked.
    Result<AuthContext> authenticate(const QString &token);
    Result<QList<DeviceRecord>> devices(const AuthContext &ctx);
    Status revokeDevice(const AuthContext &ctx, const QString &deviceId);

    // Applies a batch in one transaction; answers after commit.
    Result<Sync::PushResponse> push(const AuthContext &ctx, const Sync::PushRequest &request);
    Result<Sync::PullResponse> pull(const AuthContext &ctx, const QString &epoch, qint64 after,
                                    int limit);
    Result<Sync::SnapshotPage> snapshot(const AuthContext &ctx, const QString &after, int limit);

    Result<SeriesLease> lease(const AuthContext &ctx, const QString &seriesId, bool force);
    Result<SeriesLease> release(const AuthContext &ctx, const QString &seriesId);

    Result<AuditEntry> auditHead(const AuthContext &ctx);
    Result<AuditReport> verifyAudit(const AuthContext &ctx);

    // The audit chain's hash of one op (seq set) after `prevHash`.
    static QString chainHash(const QString &prevHash, const Sync::Op &op);

private:
    Result<Sync::OpResult> judge(TenantWrite &write, const Sync::Op &op, qint64 receivedAt);
    Status check(TenantWrite &write, const Sync::Op &op, RecordState &state,
                 std::optional<SeriesLease> &leaseChange, bool &noChange);
    Status append(TenantWrite &write, Sync::Op &op, qint64 receivedAt);
    Result<SeriesLease> setHolder(const AuthContext &ctx, const QString &seriesId,
                                  const QString &holder, bool force, bool release);

    Storage &m_storage;
    Clock m_clock;
    HybridLogicalClock m_hlc;
};

} // namespace Kontor::Server
