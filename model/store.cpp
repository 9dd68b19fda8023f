#include "store.h"

#include "schema.h"
#include "uuid7.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlResult>

#include <array>

using namespace Qt::StringLiterals;

namespace Kontor {

Q_LOGGING_CATEGORY(lcModel, "kontor.model")

namespace {
QAtomicInt s_connectionCounter;
const QString kMetaDeviceId = u"device_id"_s;
const QString kMetaDeviceSeq = u"device_seq"_s;
const QString kMetaHlc = u"hlc"_s;

// Qt's SQLite driver binds a null QString as SQL NULL. An empty text field is '' in the ledger;
// only a QVariant that is itself null (QVariant(QMetaType(...))) means NULL.
bool isNullText(const QVariant &v)
{
    return v.typeId() == QMetaType::QString && !v.isNull()
        && static_cast<const QString *>(v.constData())->isNull();
}

// The values a prepared statement will bind, written in place. QSqlQuery::bindValue() costs about
// a microsecond per value (it files each position under a generated placeholder name in a hash);
// a write of an issued invoice binds some 130 values. The driver reads the values from
// QSqlResult::boundValues() when the statement runs, which is what bindValue() fills as well.
struct BoundValues : QSqlResult
{
    static QVariantList &of(const QSqlQuery &q)
    {
        return get(q.result(), &BoundValues::boundValues);
    }

private:
    // Qt 6.4 and 6.5: QVariantList &boundValues() const.
    template<typename C>
    static QVariantList &get(const QSqlResult *r, QVariantList &(C::*f)() const)
    {
        return (r->*f)();
    }
    // Later: a mutable overload, QVariantList &boundValues(Qt::Disambiguated_t).
    template<typename C>
    static QVariantList &get(const QSqlResult *r, QVariantList &(C::*f)(Qt::Disambiguated_t))
    {
        return (const_cast<QSqlResult *>(r)->*f)(Qt::Disambiguated);
    }
};

void setBinds(QSqlQuery &q, const QVariant *begin, const QVariant *end)
{
    static const QVariant emptyText = QVariant(QString(u""_s));
    QVariantList &values = BoundValues::of(q);
    const qsizetype n = end - begin;
    values.resize(n);
    for (qsizetype i = 0; i < n; ++i)
        values[i] = isNullText(begin[i]) ? emptyText : begin[i];
}

// Savepoint statements of nested transactions, one text per depth, built once: the statement
// cache then finds them without formatting the text on every nested operation.
QString savepointSql(bool release, int depth)
{
    constexpr int Prepared = 16;
    static const auto texts = [] {
        std::array<std::array<QString, Prepared>, 2> t;
        for (int d = 0; d < Prepared; ++d) {
            t[0][d] = u"SAVEPOINT sp%1"_s.arg(d);
            t[1][d] = u"RELEASE sp%1"_s.arg(d);
        }
        return t;
    }();
    if (depth >= 0 && depth < Prepared)
        return texts[release ? 1 : 0][depth];
    return (release ? u"RELEASE sp%1"_s : u"SAVEPOINT sp%1"_s).arg(depth);
}
} // namespace

QString Error::kindName(ErrorKind k)
{
    switch (k) {
    case ErrorKind::Validation:
        return u"validation"_s;
    case ErrorKind::NotFound:
        return u"not-found"_s;
    case ErrorKind::Conflict:
        return u"conflict"_s;
    case ErrorKind::Integrity:
        return u"integrity"_s;
    case ErrorKind::Io:
        return u"io"_s;
    case ErrorKind::Usage:
        return u"usage"_s;
    }
    return u"unknown"_s;
}

Store::Store(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

Store::~Store()
{
    m_cache.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, OpenMode mode)
{
    const bool exists = QFileInfo::exists(path);
    if (mode == OpenMode::CreateNew && exists)
        return Error {ErrorKind::Io, u"path"_s, u"file-exists"_s,
                      u"'%1' already exists; refusing to overwrite it"_s.arg(path)};
    if (mode == OpenMode::OpenExisting && !exists)
        return Error {ErrorKind::Io, u"path"_s, u"file-missing"_s,
                      u"'%1' does not exist"_s.arg(path)};
    return openAtVersion(path, SchemaVersion);
}

Result<std::unique_ptr<Store>> Store::openAtVersion(const QString &path, int targetVersion)
{
    const QString name = u"kontor-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Store> store(new Store(path, name));
    store->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    store->m_db.setDatabaseName(path);
    store->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!store->m_db.open())
        return Error {ErrorKind::Io, u"path"_s, u"open-failed"_s,
                      u"cannot open '%1': %2"_s.arg(path, store->m_db.lastError().text())};
    KONTOR_TRY(store->configure());
    KONTOR_TRY(store->migrate(targetVersion));
    KONTOR_TRY(store->loadState());
    return store;
}

Status Store::configure()
{
    // Reading one page tells a SQLite file from anything else before we write to it.
    QSqlQuery probe(m_db);
    if (!probe.exec(u"SELECT count(*) FROM sqlite_master"_s))
        return Error {ErrorKind::Io, u"path"_s, u"not-a-ledger"_s,
                      u"'%1' is not a Kontor ledger (not a SQLite database): %2"_s.arg(
                          m_path, probe.lastError().text())};
    probe.next();
    const int tables = probe.value(0).toInt();
    probe.finish();
    // Refuse foreign and future files before any pragma below writes to them.
    const int version = schemaVersion();
    if (version > SchemaVersion)
        return Error {
            ErrorKind::Io, u"schema"_s, u"newer-schema"_s,
            u"'%1' was written by a newer Kontor (schema %2; this one knows up to %3)"_s.arg(m_path)
                .arg(version)
                .arg(SchemaVersion)};
    if (version == 0 && tables > 0)
        return Error {ErrorKind::Io, u"path"_s, u"not-a-ledger"_s,
                      u"'%1' is a SQLite database but not a Kontor ledger"_s.arg(m_path)};
    KONTOR_TRY(execRaw(u"PRAGMA journal_mode = WAL"_s));
    // FULL: a committed change survives power loss, which is what a book of account needs.
    KONTOR_TRY(execRaw(u"PRAGMA synchronous = FULL"_s));
    KONTOR_TRY(execRaw(u"PRAGMA foreign_keys = ON"_s));
    KONTOR_TRY(execRaw(u"PRAGMA temp_store = MEMORY"_s));
    KONTOR_TRY(execRaw(u"PRAGMA cache_size = -32000"_s));
    return {};
}

int Store::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(u"PRAGMA user_version"_s) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Store::migrate(int targetVersion)
{
    const int current = schemaVersion();
    for (int v = current + 1; v <= targetVersion; ++v) {
        KONTOR_TRY(execRaw(u"BEGIN IMMEDIATE"_s));
        Status s = applyMigration(*this, v);
        if (s)
            s = execRaw(u"PRAGMA user_version = %1"_s.arg(v));
        if (s && v == 1) {
            // A ledger is born with its device identity.
            s = execRaw(
                u"INSERT INTO meta(key, value) VALUES ('device_id', '%1')"_s.arg(newUuid7()));
        }
        if (!s) {
            m_cache.clear();
            execRaw(u"ROLLBACK"_s).ok();
            return Error {ErrorKind::Io, u"schema"_s, u"migration-failed"_s,
                          u"migrating '%1' to schema %2 failed: %3"_s.arg(m_path).arg(v).arg(
                              s.error().message)};
        }
        m_cache.clear();
        KONTOR_TRY(execRaw(u"COMMIT"_s));
        qCInfo(lcModel) << "migrated" << m_path << "to schema" << v;
    }
    return {};
}

Status Store::loadState()
{
    if (schemaVersion() == 0)
        return {}; // an empty file opened for a migration test: no identity yet
    auto id = meta(kMetaDeviceId);
    if (!id)
        return id.error();
    m_deviceId = id.value();
    auto seq = meta(kMetaDeviceSeq);
    m_deviceSeq = seq ? seq->toLongLong() : 0;
    auto hlc = meta(kMetaHlc);
    m_hlc = HybridLogicalClock(hlc ? HlcStamp::fromString(hlc.value()) : HlcStamp {});
    return {};
}

Error Store::sqlError(const QString &what, const QSqlQuery &q) const
{
    const QSqlError e = q.lastError();
    // Constraint failures and trigger aborts are the database's last line of defence for rules;
    // report them as integrity errors, everything else as I/O.
    const bool constraint = e.nativeErrorCode() == u"19"_s
        || e.databaseText().contains(u"immutable"_s) || e.databaseText().contains(u"cannot be"_s)
        || e.databaseText().contains(u"append-only"_s);
    return Error {constraint ? ErrorKind::Integrity : ErrorKind::Io,
                  {},
                  constraint ? u"constraint"_s : u"sql"_s,
                  u"%1: %2"_s.arg(what, e.databaseText().isEmpty() ? e.text() : e.databaseText())};
}

Result<QSqlQuery *> Store::exec(const QString &sql, std::initializer_list<QVariant> binds)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(u"preparing statement"_s, q);
        it = m_cache.emplace(sql, q).first;
    }
    QSqlQuery &q = it->second;
    setBinds(q, binds.begin(), binds.end());
    if (!q.exec())
        return sqlError(u"database write or read failed"_s, q);
    return &q;
}

Result<QSqlQuery *> Store::exec(const QString &sql, const QVariantList &binds)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(u"preparing statement"_s, q);
        it = m_cache.emplace(sql, q).first;
    }
    QSqlQuery &q = it->second;
    setBinds(q, binds.constData(), binds.constData() + binds.size());
    if (!q.exec())
        return sqlError(u"database write or read failed"_s, q);
    return &q;
}

Status Store::execRaw(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return sqlError(sql.left(60), q);
    return {};
}

Result<QString> Store::meta(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    if (!q.exec())
        return Error {ErrorKind::Io, {}, u"sql"_s, q.lastError().text()};
    if (!q.next())
        return Error {ErrorKind::NotFound, key, u"missing-meta"_s,
                      u"the ledger has no '%1' entry"_s.arg(key)};
    return q.value(0).toString();
}

Status Store::setMeta(const QString &key, const QString &value)
{
    KONTOR_TRY(exec(u"INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
                    {key, value}));
    return {};
}

HlcStamp Store::tick()
{
    return m_hlc.now(m_clock());
}

QDate Store::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock()).date();
}

Status Store::appendChange(const Change &change)
{
    return appendChanges(QList<Change> {change});
}

Status Store::appendChanges(const QList<Change> &changes)
{
    Q_ASSERT_X(m_depth > 0, "Store::appendChanges", "outbox written outside a transaction");
    if (m_depth == 0)
        return Error {ErrorKind::Usage,
                      {},
                      u"no-transaction"_s,
                      u"changes can only be recorded inside a write transaction"_s};
    if (!m_recording || changes.isEmpty())
        return {};
    // Rows per INSERT (8 values each), and the statement texts for 1 to that many rows.
    constexpr qsizetype RowsPerInsert = 16;
    static const auto texts = [] {
        std::array<QString, RowsPerInsert + 1> t;
        for (qsizetype n = 1; n <= RowsPerInsert; ++n) {
            // The fields go in as their UTF-8 bytes, stored as text (CAST): no round trip
            // through UTF-16 for what may be a whole document.
            QString sql = u"INSERT INTO outbox(device_seq, op_id, device_id, entity, entity_id, "
                          "kind, fields, hlc) VALUES "_s;
            for (qsizetype i = 0; i < n; ++i)
                sql += (i ? u", "_s : QString()) + u"(?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)"_s;
            t[n] = sql;
        }
        return t;
    }();
    qint64 seq = m_deviceSeq;
    QVariantList binds;
    binds.reserve(std::min(changes.size(), RowsPerInsert) * 8);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change &change = changes.at(i);
        binds << ++seq << newUuid7() << m_deviceId << change.entity << change.entityId
              << change.kind
              << (change.encodedFields.isEmpty()
                      ? QJsonDocument(change.fields).toJson(QJsonDocument::Compact)
                      : change.encodedFields)
              << tick().toString();
        const qsizetype rows = binds.size() / 8;
        if (rows == RowsPerInsert || i + 1 == changes.size()) {
            KONTOR_TRY(exec(texts[rows], binds));
            binds.clear();
        }
    }
    m_deviceSeq = seq;
    return {};
}

Result<QList<OutboxEntry>> Store::outbox(qint64 afterDeviceSeq, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT device_seq, op_id, device_id, entity, entity_id, kind, fields, hlc, pushed "
              "FROM outbox WHERE device_seq > ? ORDER BY device_seq LIMIT ?"_s);
    q.addBindValue(afterDeviceSeq);
    q.addBindValue(limit);
    if (!q.exec())
        return Error {ErrorKind::Io, {}, u"sql"_s, q.lastError().text()};
    QList<OutboxEntry> out;
    while (q.next()) {
        OutboxEntry e;
        e.deviceSeq = q.value(0).toLongLong();
        e.opId = q.value(1).toString();
        e.deviceId = q.value(2).toString();
        e.entity = q.value(3).toString();
        e.entityId = q.value(4).toString();
        e.kind = q.value(5).toString();
        e.fields = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
        e.hlc = q.value(7).toString();
        e.pushed = q.value(8).toBool();
        out.append(e);
    }
    return out;
}

Result<qint64> Store::outboxCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT count(*) FROM outbox"_s) || !q.next())
        return Error {ErrorKind::Io, {}, u"sql"_s, q.lastError().text()};
    return q.value(0).toLongLong();
}

Status Store::backupTo(const QString &targetPath)
{
    if (QFileInfo::exists(targetPath))
        return Error {ErrorKind::Io, u"path"_s, u"file-exists"_s,
                      u"'%1' already exists; refusing to overwrite it"_s.arg(targetPath)};
    QSqlQuery q(m_db);
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(targetPath);
    if (!q.exec())
        return Error {ErrorKind::Io, u"path"_s, u"backup-failed"_s,
                      u"cannot write a backup to '%1': %2"_s.arg(targetPath, q.lastError().text())};
    return {};
}

Status Store::begin()
{
    if (m_depth == 0) {
        KONTOR_TRY(execRaw(u"BEGIN IMMEDIATE"_s));
        m_savedDeviceSeq = m_deviceSeq;
        m_savedHlc = m_hlc.last();
    } else {
        // Cached: a nested guard per operation inside a batch would otherwise prepare twice.
        KONTOR_TRY(exec(savepointSql(false, m_depth)));
    }
    m_levelSeqs.append(m_deviceSeq);
    ++m_depth;
    return {};
}

Status Store::commitTop()
{
    Q_ASSERT(m_depth > 0);
    if (m_depth > 1) {
        --m_depth;
        m_levelSeqs.removeLast();
        KONTOR_TRY(exec(savepointSql(true, m_depth)));
        return {};
    }
    if (m_deviceSeq != m_savedDeviceSeq)
        KONTOR_TRY(setMeta(kMetaDeviceSeq, QString::number(m_deviceSeq)));
    if (m_hlc.last() != m_savedHlc)
        KONTOR_TRY(setMeta(kMetaHlc, m_hlc.last().toString()));
    // Statements still holding a read cursor would make COMMIT fail with "SQL statements in
    // progress"; cached queries are reset before committing.
    for (auto &[sql, q] : m_cache)
        q.finish();
    KONTOR_TRY(execRaw(u"COMMIT"_s));
    m_depth = 0;
    m_levelSeqs.clear();
    return {};
}

void Store::rollbackTop()
{
    Q_ASSERT(m_depth > 0);
    for (auto &[sql, q] : m_cache)
        q.finish();
    m_deviceSeq = m_levelSeqs.takeLast();
    if (m_depth > 1) {
        --m_depth;
        execRaw(u"ROLLBACK TO sp%1"_s.arg(m_depth)).ok();
        execRaw(u"RELEASE sp%1"_s.arg(m_depth)).ok();
        return;
    }
    execRaw(u"ROLLBACK"_s).ok();
    m_depth = 0;
    m_hlc = HybridLogicalClock(m_savedHlc);
}

WriteTransaction::WriteTransaction(Store &store) : m_store(store)
{
    Status s = store.begin();
    m_open = s.ok();
    if (!m_open)
        m_beginError = s.error();
    m_level = store.m_depth;
}

WriteTransaction::~WriteTransaction()
{
    if (m_open && !m_done)
        m_store.rollbackTop();
}

Status WriteTransaction::commit()
{
    if (!m_open)
        return m_beginError;
    Q_ASSERT(m_store.m_depth == m_level);
    m_done = true;
    Status s = m_store.commitTop();
    if (!s) {
        m_store.rollbackTop();
        return s;
    }
    return {};
}

} // namespace Kontor
