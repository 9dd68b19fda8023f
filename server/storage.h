// What kontor-syncd keeps, behind one interface so the HTTP layer and the sync rules never see
// SQL: tenants, accounts, devices, the login-failure log, and per tenant the op log, the op
// results (idempotent answers), the merged record states, series leases and the audit chain.
// SqliteStorage is the embedded default; PostgresStorage, shared by several instances, follows the
// same contract.
// Every call that touches a tenant's data takes the tenant id and scopes its queries by it.
#pragma once

#include "schema.h"

#include <protocol.h>
#include <replica.h>
#include <result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Kontor::Server {

struct AccountRecord
{
    QString id;
    QString tenantId;
    QString email; // case-folded
    QByteArray passwordHash;
    QByteArray salt;
    int iterations = 0;
    qint64 createdAt = 0; // ms since the epoch
};

struct DeviceRecord
{
    QString tenantId;
    QString id;
    QString name;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 revokedAt = 0; // 0: active
    bool revoked() const { return revokedAt != 0; }
};

// A series' lease and counter as the server enforces them.
struct SeriesLease
{
    QString id;
    bool exists = false;
    QString holderDeviceId;
    qint64 nextNumber = 1;
};

struct StoredRecord
{
    QString entity;
    QString id;
    RecordState state;
};

struct AuditEntry
{
    qint64 seq = 0;
    QString opId;
    QString prevHash; // hex; empty for the first entry
    QString hash; // hex SHA-256 over prevHash's bytes + the op's canonical bytes
};

// One write transaction on one tenant's books. Nothing is visible to others before commit();
// destroying an uncommitted TenantWrite rolls everything back.
class TenantWrite
{
public:
    virtual ~TenantWrite() = default;

    virtual Result<Sync::Cursor> head() = 0;
    virtual Result<QString> auditHeadHash() = 0;
    virtual Result<std::optional<Sync::OpResult>> opResult(const QString &opId) = 0;
    virtual Result<RecordState> record(const QString &entity, const QString &id) = 0;
    // Live records of one entity, e.g. the tenant's tax rates.
    virtual Result<QList<StoredRecord>> records(const QString &entity) = 0;
    // Live records of `entity` whose reference (payment: target, credit note: invoice) is refId.
    virtual Result<QList<StoredRecord>> referencing(const QString &entity, const QString &refId)
        = 0;
    virtual Status putRecord(const QString &entity, const QString &id, const QString &refId,
                             const RecordState &state)
        = 0;
    virtual Result<SeriesLease> series(const QString &id) = 0;
    virtual Status putSeries(const SeriesLease &lease) = 0;
    // Stores an accepted op (seq set: head + 1) with its audit entry and moves the head.
    virtual Status appendOp(const Sync::Op &op, qint64 receivedAt, const AuditEntry &audit) = 0;
    virtual Status putOpResult(const Sync::OpResult &result) = 0;
    virtual Status commit() = 0;
};

// What open() does to the schema.
enum class OpenMode {
    // For serving: refuses a database that needs a newer release, creates the tables of an
    // empty one and applies a pending expand (never a contract).
    Serve,
    // For `--migrate` and tests: connects and leaves the schema as it is.
    Maintain,
};

class Storage
{
public:
    virtual ~Storage() = default;

    virtual Result<SchemaStatus> schemaStatus() = 0;
    // Applies the migrations from the database's version up to `version` (Schema::Base,
    // Expanded or Contracted), one after the other; never goes down. An expand's backfill runs
    // in small transactions while other instances keep writing. Refuses a database that needs
    // a newer release (rule "newer-schema").
    virtual Status migrateTo(int version, const MigrationOptions &options = {}) = 0;

    // Cheap round trip to the database, for /readyz.
    virtual Status ping() = 0;

    // Creates a tenant with its first account. Conflict "email-taken" when the email exists.
    virtual Status createTenant(const QString &tenantId, const QString &name, const QString &epoch,
                                const AccountRecord &account)
        = 0;
    virtual Result<std::optional<AccountRecord>> accountByEmail(const QString &email) = 0;

    // Registers a device or, signing in again with the same id, gives it a new token (and
    // lifts a revocation: the password is the credential that counts).
    virtual Status upsertDevice(const DeviceRecord &device, const QByteArray &tokenHash) = 0;
    virtual Result<std::optional<DeviceRecord>> deviceByToken(const QByteArray &tokenHash) = 0;
    virtual Status touchDevice(const QString &tenantId, const QString &deviceId, qint64 now) = 0;
    virtual Result<QList<DeviceRecord>> devices(const QString &tenantId) = 0;
    // False when the tenant has no such device.
    virtual Result<bool> revokeDevice(const QString &tenantId, const QString &deviceId, qint64 now)
        = 0;

    // Failed sign-ins by key ("email:...", "addr:..."), newest last, since `since`.
    virtual Result<QList<qint64>> loginFailures(const QString &key, qint64 since) = 0;
    virtual Status recordLoginFailure(const QString &key, qint64 now, qint64 pruneBefore) = 0;
    virtual Status clearLoginFailures(const QString &key) = 0;

    virtual Result<Sync::Cursor> head(const QString &tenantId) = 0;
    virtual Result<QList<Sync::Op>> opsAfter(const QString &tenantId, qint64 afterSeq, int limit)
        = 0;
    // Records of one entity (tombstones included) in id order after `afterId`.
    virtual Result<QList<StoredRecord>> recordsAfter(const QString &tenantId, const QString &entity,
                                                     const QString &afterId, int limit)
        = 0;
    virtual Result<qint64> recordCount(const QString &tenantId) = 0;
    virtual Result<QList<AuditEntry>> auditAfter(const QString &tenantId, qint64 afterSeq,
                                                 int limit)
        = 0;
    // The head of the chain as the tenant row records it: seq and hash of the last entry.
    virtual Result<AuditEntry> auditHead(const QString &tenantId) = 0;

    virtual Result<std::unique_ptr<TenantWrite>> beginWrite(const QString &tenantId) = 0;

    // After a restore from a backup: gives every tenant (tenantId empty), or the one named, a
    // new epoch from makeEpoch (called once per tenant; each must be a wire id different from
    // the tenant's epoch), all in one transaction, and returns how many tenants changed. Only
    // the epoch changes: the log, op results, records, leases and audit chain stay as they are,
    // so ops re-sent under the new epoch that the database has are answered as duplicates. A
    // storage shared between processes tells the other instances, as for a push. NotFound
    // "no-tenant", naming it, when the tenant does not exist; then nothing changes.
    virtual Result<qint64> newEpochs(const QString &tenantId,
                                     const std::function<QString()> &makeEpoch)
        = 0;

    // Called on the server's thread when another kontor-syncd instance sharing this database
    // moved a tenant's log, so long-polls waiting here wake too. Only a storage shared between
    // processes reports anything; the default reports nothing.
    virtual void setTenantAdvancedHandler(std::function<void(const QString &tenantId)> handler)
    {
        Q_UNUSED(handler);
    }
};

// For Storage::newEpochs: the error for a tenant that does not exist, and the checks of one new
// epoch (a wire id, not the tenant's current one).
inline Error unknownTenantError(const QString &tenantId)
{
    return Error {
        ErrorKind::NotFound, QStringLiteral("tenant"), QStringLiteral("no-tenant"),
        QStringLiteral("there is no tenant with id '%1'; nothing was changed").arg(tenantId)};
}

inline Status checkNewEpoch(const QString &tenantId, const QString &oldEpoch,
                            const QString &newEpoch)
{
    if (!Sync::isValidId(newEpoch))
        return Error {ErrorKind::Usage, QStringLiteral("epoch"), QStringLiteral("bad-epoch"),
                      QStringLiteral("the new epoch '%1' for tenant '%2' is not a valid id "
                                     "(1-64 characters of A-Z, a-z, 0-9, _ and -)")
                          .arg(newEpoch, tenantId)};
    if (newEpoch == oldEpoch)
        return Error {ErrorKind::Usage, QStringLiteral("epoch"), QStringLiteral("same-epoch"),
                      QStringLiteral("the new epoch for tenant '%1' is its current one (%2)")
                          .arg(tenantId, oldEpoch)};
    return {};
}

} // namespace Kontor::Server
