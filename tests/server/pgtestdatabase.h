// The server suites on PostgreSQL: with KONTOR_TEST_STORAGE=postgresql they run against the
// server named by KONTOR_TEST_PG_URL (the ctest fixture tests/server/pgfixture.sh starts one and
// writes its URL to the file KONTOR_TEST_PG_ENV_FILE). PgTestDatabase makes a fresh database with
// a random name on it for one test and drops it afterwards, so tests never see each other's rows.
#pragma once

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QUuid>

namespace Kontor::Test {

inline bool usePostgres()
{
    return qEnvironmentVariable("KONTOR_TEST_STORAGE") == QStringLiteral("postgresql");
}

// A setting from the environment, else from the KEY=VALUE lines of KONTOR_TEST_PG_ENV_FILE.
inline QString pgSetting(const QString &key)
{
    const QString value = qEnvironmentVariable(key.toLatin1().constData());
    if (!value.isEmpty())
        return value;
    QFile file(qEnvironmentVariable("KONTOR_TEST_PG_ENV_FILE"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(key + u'='))
            return line.mid(key.size() + 1);
    }
    return {};
}

// `url` with its database (the path) replaced.
inline QString withDatabase(const QString &url, const QString &database)
{
    QUrl u(url);
    u.setPath(u'/' + database);
    return u.toString();
}

// A connection of its own (QPSQL) to the database of a postgresql:// URL, in the calling thread.
inline QSqlDatabase openPg(const QString &url, const QString &connectionName)
{
    const QUrl u(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(u.host());
    db.setPort(u.port(-1));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    db.setDatabaseName(u.path().mid(1));
    db.open();
    return db;
}

class PgTestDatabase
{
public:
    PgTestDatabase() = default;
    ~PgTestDatabase() { drop(); }
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    // Creates the database (owned by `owner` when given; a copy of the database `copyOf` when
    // given, which nobody may be connected to); false with error() when no server is
    // configured or it refuses.
    bool create(const QString &owner = {}, const QString &copyOf = {})
    {
        const QString server = pgSetting(QStringLiteral("KONTOR_TEST_PG_URL"));
        if (server.isEmpty()) {
            m_error = QStringLiteral("no PostgreSQL server: set KONTOR_TEST_PG_URL or "
                                     "KONTOR_TEST_PG_ENV_FILE (ctest's fixture does)");
            return false;
        }
        m_server = server;
        m_admin = QStringLiteral("kontor-test-admin-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_name = QStringLiteral("kontor_t_%1")
                     .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        QSqlDatabase admin = openPg(server, m_admin);
        if (!admin.isOpen()) {
            m_error
                = QStringLiteral("cannot connect to %1: %2").arg(server, admin.lastError().text());
            return false;
        }
        // Identifiers cannot be bound: the name is made above from [a-z0-9_], the owner is a
        // role name of the test setup, the template another database made here.
        QSqlQuery q(admin);
        QString sql = QStringLiteral("CREATE DATABASE ") + m_name;
        if (!owner.isEmpty())
            sql += QStringLiteral(" OWNER ") + owner;
        if (!copyOf.isEmpty())
            sql += QStringLiteral(" TEMPLATE ") + copyOf;
        if (!q.exec(sql)) {
            m_error = q.lastError().text();
            m_name.clear();
            return false;
        }
        return true;
    }

    QString name() const { return m_name; }
    QString error() const { return m_error; }
    QString url() const { return withDatabase(m_server, m_name); }
    // The same database on the fixture's streaming standby; empty when there is none.
    QString standbyUrl() const
    {
        const QString standby = pgSetting(QStringLiteral("KONTOR_TEST_PG_STANDBY_URL"));
        return standby.isEmpty() ? QString() : withDatabase(standby, m_name);
    }

    // Runs one statement on the server's maintenance database (e.g. pg_terminate_backend);
    // returns the first column of the first row.
    QVariant admin(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_admin));
        q.prepare(sql);
        for (qsizetype i = 0; i < params.size(); ++i)
            q.bindValue(int(i), params.at(i));
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }

    // Runs a statement without result on the maintenance database (e.g. ALTER DATABASE).
    bool adminExec(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_admin));
        return q.exec(sql);
    }

    void drop()
    {
        if (m_admin.isEmpty())
            return;
        {
            QSqlDatabase admin = QSqlDatabase::database(m_admin, false);
            if (admin.isOpen() && !m_name.isEmpty()) {
                QSqlQuery q(admin);
                q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
            }
            admin.close();
        }
        QSqlDatabase::removeDatabase(m_admin);
        m_admin.clear();
        m_name.clear();
    }

private:
    QString m_server;
    QString m_admin;
    QString m_name;
    QString m_error;
};

} // namespace Kontor::Test
