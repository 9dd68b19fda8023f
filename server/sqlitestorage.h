// The embedded storage of kontor-syncd: one SQLite file in WAL mode with synchronous=FULL, so an
// answered push survives a power cut. One connection, used from the server's thread only; SQLite
// serialises writers, and BEGIN IMMEDIATE makes a push take the write lock before it reads.
#pragma once

#include "storage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

namespace Kontor::Server {

class SqliteStorage final : public Storage
{
public:
    SqliteStorage();
    ~SqliteStorage() override;
    SqliteStorage(const SqliteStorage &) = delete;
    SqliteStorage &operator=(const SqliteStorage &) = delete;

    // Opens (creating if needed) the database file; with OpenMode::Serve, checks and migrates
    // its schema (storage.h).
    Status open(const QString &path, OpenMode mode = OpenMode::Serve);

    Result<SchemaStatus> schemaStatus() override;
    Status migrateTo(int version, const MigrationOptions &options = {}) override;

    Status ping() override;
    Status createTenant(const QString &tenantId, const QString &name, const QString &epoch,
                        const AccountRecord &account) override;
    Result<std::optional<AccountRecord>> accountByEmail(const QString &email) override;
    Status upsertDevice(const DeviceRecord &device, const QByteArray &tokenHash) override;
    Result<std::optional<DeviceRecord>> deviceByToken(const QByteArray &tokenHash) override;
    Status touchDevice(const QString &tenantId, const QString &deviceId, qint64 now) override;
    Result<QList<DeviceRecord>> devices(const QString &tenantId) override;
    Result<bool> revokeDevice(const QString &tenantId, const QString &deviceId,
                              qint64 now) override;
    Result<QList<qint64>> loginFailures(const QString &key, qint64 since) override;
    Status recordLoginFailure(const QString &key, qint64 now, qint64 pruneBefore) override;
    Status clearLoginFailures(const QString &key) override;
    Result<Sync::Cursor> head(const QString &tenantId) override;
    Result<QList<Sync::Op>> opsAfter(const QString &tenantId, qint64 afterSeq, int limit) override;
    Result<QList<StoredRecord>> recordsAfter(const QString &tenantId, const QString &entity,
                                             const QString &afterId, int limit) override;
    Result<qint64> recordCount(const QString &tenantId) override;
    Result<QList<AuditEntry>> auditAfter(const QString &tenantId, qint64 afterSeq,
                                         int limit) override;
    Result<AuditEntry> auditHead(const QString &tenantId) override;
    Result<std::unique_ptr<TenantWrite>> beginWrite(const QString &tenantId) override;
    Result<qint64> newEpochs(const QString &tenantId,
                             const std::function<QString()> &makeEpoch) override;

    // For tests: rows in a table, to prove a refused request wrote nothing.
    Result<qint64> rowCount(const QString &table);

    // Runs one statement with positional parameters; the query is left positioned before the
    // first row. Used by the write transaction too.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &params = {});

private:
    Status createBase();
    Status expand(const MigrationOptions &options);
    Status contract(const MigrationOptions &options);
    // Copies audit_head to audit_head_hash where they differ, a batch per transaction.
    Status copyAuditHeads(const QString &step, const MigrationOptions &options);
    Result<bool> hasColumn(const QString &table, const QString &column);
    // Runs `body` in a BEGIN IMMEDIATE transaction: committed if it succeeds, else rolled back.
    Status transaction(const std::function<Status()> &body);

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace Kontor::Server
