// The ledger file: one SQLite database in WAL mode with foreign keys, its schema migrations, a
// cache of prepared statements, the write-transaction guard and the outbox of changes. Every
// mutation of the ledger runs inside a WriteTransaction and records its change in the outbox in
// that same transaction, so the tables and the outbox can never disagree.
#pragma once

#include "hlc.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <memory>
#include <unordered_map>

namespace Kontor {

Q_DECLARE_LOGGING_CATEGORY(lcModel)

// One change for the outbox: what changed, on which record, with the new field values.
struct Change
{
    QString entity; // "customer", "invoice", "payment", ...
    QString entityId;
    QString kind; // "create", "update", "delete", "issue", ...
    QJsonObject fields;
    QByteArray encodedFields; // optional: `fields` already as compact JSON (canonicalBytes)
};

// A row of the outbox as stored.
struct OutboxEntry
{
    qint64 deviceSeq = 0;
    QString opId;
    QString deviceId;
    QString entity;
    QString entityId;
    QString kind;
    QJsonObject fields;
    QString hlc;
    bool pushed = false;
};

class Store
{
public:
    static constexpr int SchemaVersion = 5;

    enum class OpenMode { OpenExisting, CreateNew, OpenOrCreate };

    // Opens (and migrates) or creates a ledger file. CreateNew refuses an existing file.
    static Result<std::unique_ptr<Store>> open(const QString &path,
                                               OpenMode mode = OpenMode::OpenExisting);
    // Opens a file for migration tests: migrates only up to `targetVersion`.
    static Result<std::unique_ptr<Store>> openAtVersion(const QString &path, int targetVersion);
    ~Store();

    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const { return m_path; }
    QString deviceId() const { return m_deviceId; }
    int schemaVersion() const;

    // Runs a statement from the prepared-statement cache with positional bindings. The query
    // stays valid until the next call with the same SQL text.
    Result<QSqlQuery *> exec(const QString &sql, std::initializer_list<QVariant> binds = {});
    Result<QSqlQuery *> exec(const QString &sql, const QVariantList &binds);
    // Runs a one-off statement (DDL, pragmas) without caching.
    Status execRaw(const QString &sql);

    // Outbox and clock. appendChange must be called inside a WriteTransaction.
    Status appendChange(const Change &change);
    // Several changes in order, with few statements (a batch of issued documents).
    Status appendChanges(const QList<Change> &changes);
    HlcStamp tick();
    // Advances the clock past a stamp seen from another device (kept with the next commit).
    void observe(HlcStamp remote) { m_hlc.observe(remote, m_clock()); }
    // Changes that arrive from other devices are applied without being recorded again: while
    // recording is off, appendChange() writes nothing. See OutboxSuspension.
    bool isRecording() const { return m_recording; }
    qint64 nowMs() const { return m_clock(); }
    QDate today() const;
    // Tests inject a clock to simulate skew; the default is the system clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    Result<QList<OutboxEntry>> outbox(qint64 afterDeviceSeq, int limit) const;
    Result<qint64> outboxCount() const;

    Result<QString> meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    bool inTransaction() const { return m_depth > 0; }
    // Re-reads the device identity, sequence and clock from the file (after an import).
    Status reload() { return loadState(); }

    // Copies the ledger to a new file while it stays open (VACUUM INTO: consistent, compact).
    Status backupTo(const QString &targetPath);

    QSqlDatabase database() const { return m_db; }

private:
    friend class WriteTransaction;
    explicit Store(QString path, QString connectionName);
    Status configure();
    Status migrate(int targetVersion);
    Status loadState();
    Status begin();
    Status commitTop();
    void rollbackTop();
    Error sqlError(const QString &what, const QSqlQuery &q) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    // Node-based, so the QSqlQuery an exec() returned stays where it is when later statements
    // are added to the cache (a QHash would move it on rehash).
    std::unordered_map<QString, QSqlQuery> m_cache;
    QString m_deviceId;
    int m_depth = 0;
    qint64 m_deviceSeq = 0;
    qint64 m_savedDeviceSeq = 0;
    QList<qint64> m_levelSeqs; // device seq at the start of each open level
    HybridLogicalClock m_hlc;
    HlcStamp m_savedHlc;
    std::function<qint64()> m_clock;
    bool m_recording = true;
    friend class OutboxSuspension;
};

// Turns outbox recording off for its lifetime (remote changes being applied); restores it after.
class [[nodiscard]] OutboxSuspension
{
public:
    explicit OutboxSuspension(Store &store) : m_store(store), m_was(store.m_recording)
    {
        store.m_recording = false;
    }
    ~OutboxSuspension() { m_store.m_recording = m_was; }
    OutboxSuspension(const OutboxSuspension &) = delete;
    OutboxSuspension &operator=(const OutboxSuspension &) = delete;

private:
    Store &m_store;
    bool m_was;
};

// RAII guard of one write transaction. Nested guards become savepoints. A guard that goes out of
// scope without commit() rolls back everything it covered, including the outbox entries.
class [[nodiscard]] WriteTransaction
{
public:
    explicit WriteTransaction(Store &store);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    // False when BEGIN itself failed (file locked, disk full); commit() then returns that error.
    bool isOpen() const { return m_open; }
    const Error &beginError() const { return m_beginError; }
    Status commit();

private:
    Store &m_store;
    int m_level = 0;
    bool m_open = false;
    bool m_done = false;
    Error m_beginError;
};

} // namespace Kontor
