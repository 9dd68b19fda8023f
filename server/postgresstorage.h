// The shared storage of kontor-syncd: a PostgreSQL database that any number of instances use at
// once (in the cloud, the Patroni leader behind HAProxy). Same tables, same semantics and same
// errors as SqliteStorage; what differs is what a shared, replicated server needs:
// - a push takes its tenant's row FOR NO KEY UPDATE, so sequence numbers, the audit chain and op
//   results are serialised per tenant across processes, while other tenants run in parallel;
// - the schema is migrated under an advisory lock, so instances that start together, or start
//   while `--migrate` runs, do not race; DDL waits at most a second for its table lock (and
//   tries again), so pushes queued behind it are not held up for long;
// - a broken connection fails the call in progress (rule "database-unavailable", HTTP 503; ops
//   are idempotent, so the client's retry is safe) and the next call connects again, which after
//   a failover reaches the new leader through HAProxy;
// - a commit that PostgreSQL acknowledges with a WARNING (a cancelled wait for the synchronous
//   standby: "committed locally", possibly lost in a failover) is reported as a failure, never as
//   a success;
// - ping() says not-ready on a read-only standby, so HAProxy drops an instance stuck on a
//   demoted node;
// - a commit that moved a tenant's log NOTIFYs the other instances, so their long-polls wake.
// One connection through Qt's QPSQL driver, used from the server's thread only.
#pragma once

#include "storage.h"

#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <unordered_map>
#include <utility>

struct pg_conn;
struct pg_result;

namespace Kontor::Server {

class PostgresTenantWrite;

// Where and how to connect, from a postgresql:// (or postgres://) URL.
struct PostgresUrl
{
    QString host; // empty: libpq's default (a Unix socket)
    int port = -1; // -1: libpq's default (5432)
    QString user;
    QString password; // from the URL or its password_file; empty: libpq reads PGPASSWORD
    QString database;
    QList<std::pair<QString, QString>> options; // further libpq keywords, e.g. sslmode
    QString redacted; // the URL without its password, for logs and messages
};

class PostgresStorage final : public Storage
{
public:
    PostgresStorage();
    ~PostgresStorage() override;
    PostgresStorage(const PostgresStorage &) = delete;
    PostgresStorage &operator=(const PostgresStorage &) = delete;

    // True when `database` is a URL (it has a scheme) rather than a SQLite file path; a URL
    // that is not postgresql:// or postgres:// is refused by parseUrl.
    static bool isUrl(const QString &database);
    // postgresql://[user[:password]@]host[:port]/dbname[?key=value&...]. Keys: password_file
    // (a file whose first line is the password), host (a socket directory when the URL has no
    // host), and the libpq keywords in docs/sync-protocol.md. Bad input is an error naming it.
    static Result<PostgresUrl> parseUrl(const QString &url);

    // Connects; with OpenMode::Serve also checks and migrates the schema (storage.h).
    Status open(const QString &url, OpenMode mode = OpenMode::Serve);

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
    void setTenantAdvancedHandler(std::function<void(const QString &tenantId)> handler) override;

    // For tests: rows in a table, to prove a refused request wrote nothing.
    Result<qint64> rowCount(const QString &table);

    // Runs one statement with positional parameters (always bound, never spliced into the SQL);
    // the whole result is fetched, the query positioned before the first row. Never connects
    // again by itself: a call in progress fails when the connection breaks.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &params = {});

    // The server process behind this connection, for tests that break it on purpose.
    int backendPid() const;

private:
    friend class PostgresTenantWrite;

    Status connectNow();
    Status ensureConnected();
    Status lockSchema();
    void unlockSchema();
    Status createBase();
    Status expand(const MigrationOptions &options);
    Status contract(const MigrationOptions &options);
    // Copies audit_head to audit_head_hash where they differ, a batch per transaction.
    Status copyAuditHeads(const QString &step, const MigrationOptions &options);
    // Runs `body` in a transaction whose DDL waits at most a second for a table lock, and
    // tries again a while when it does not get it.
    Status ddlTransaction(const QString &what, const std::function<Status()> &body);
    Status begin();
    Status commit();
    void rollback();
    Error failure(const QString &what, const QSqlError &error);
    pg_conn *connection() const;
    static void receiveNotice(void *self, const pg_result *notice);
    void listen();
    void takeNotifications();

    QString m_connectionName;
    QSqlDatabase m_db;
    PostgresUrl m_url;
    bool m_reconnect = false; // the connection broke or is suspect: connect again on next call
    bool m_inTransaction = false;
    QStringList m_warnings; // WARNINGs PostgreSQL sent during the current statement
    QString m_lastSqlState; // SQLSTATE of the last failed statement
    QList<QSqlQuery> m_failedQueries; // kept until their transaction is rolled back
    // Statements with parameters, prepared once per connection and executed again with new
    // values: one round trip per execution instead of prepare, execute and deallocate.
    std::unordered_map<QString, QSqlQuery> m_prepared;
    std::function<void(const QString &)> m_tenantAdvanced;
    std::unique_ptr<QSocketNotifier> m_listener; // the connection's socket, for NOTIFY
    QStringList m_notified; // tenants other instances moved, not yet handed on
};

} // namespace Kontor::Server
