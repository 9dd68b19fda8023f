// The real kontor-syncd binary on 127.0.0.1:0, spoken to over HTTP: accounts and sessions,
// tenant isolation on every endpoint, tokens, rate limits, size limits, strict validation that
// writes nothing, idempotent pushes, immutability and gapless numbering, long-polls, draining on
// SIGTERM (at once, and after a shutdown grace), a restart on the same database, the
// `--migrate` command, and a restore from a backup followed by `--new-epochs`, with devices that
// run the real sync engine. On a SQLite file, or with KONTOR_TEST_STORAGE=postgresql on a fresh
// PostgreSQL database (pgtestdatabase.h).
#include "pgtestdatabase.h"

#include <postgresstorage.h>
#include <sqlitestorage.h>

#include <hlc.h>
#include <jsoncodec.h>
#include <money.h>
#include <protocol.h>
#include <replica.h>
#include <rules.h>
#include <syncengine.h>
#include <uuid7.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
    QString rule() const { return body.value(u"error"_s).toObject().value(u"rule"_s).toString(); }
    QString field() const { return body.value(u"error"_s).toObject().value(u"field"_s).toString(); }
};

struct Session
{
    QString token;
    QString deviceId;
    QString tenantId;
    QString epoch;
    qint64 deviceSeq = 0;
};

QString hlcNow(int logical = 0)
{
    return HlcStamp::make(QDateTime::currentMSecsSinceEpoch(), logical).toString();
}

// A device as the desktop application runs one: a ledger file, its replica, and the sync engine
// over HTTP (its own SyncClient).
struct Device
{
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<Sync::SyncEngine> engine;

    bool open(const QString &path, bool initialize)
    {
        auto s = Store::open(path, Store::OpenMode::CreateNew);
        if (!s)
            return false;
        store = std::move(s.value());
        ledger = std::make_unique<Ledger>(*store);
        replica = std::make_unique<Replica>(*ledger);
        engine = std::make_unique<Sync::SyncEngine>(*replica);
        engine->setUseNetworkInformation(false);
        engine->setLongPollEnabled(false);
        if (!initialize)
            return true;
        CompanyProfile company;
        company.name = u"Studio Restored"_s;
        company.address.country = u"IT"_s;
        company.currency = u"EUR"_s;
        return ledger->initialize(company, u"2026-R-"_s).ok();
    }

    // One sync cycle to its end.
    Sync::SyncResult sync()
    {
        std::optional<Sync::SyncResult> result;
        auto connection = QObject::connect(engine.get(), &Sync::SyncEngine::finished,
                                           [&](const Sync::SyncResult &r) { result = r; });
        engine->syncNow();
        QTest::qWaitFor([&] { return result.has_value(); }, 60000);
        QObject::disconnect(connection);
        if (!result) {
            Sync::SyncResult timedOut;
            timedOut.error = Error {ErrorKind::Io, {}, u"test-timeout"_s, u"no answer"_s};
            return timedOut;
        }
        return *result;
    }

    QString addCustomer(const QString &name)
    {
        Customer c;
        c.name = name;
        auto added = ledger->addCustomer(c);
        return added ? added->id : QString();
    }

    QString customerName(const QString &id) const
    {
        auto c = ledger->customer(id);
        return c ? c->name : QString();
    }
};

#define SYNC_OK(device)                                                                            \
    do {                                                                                           \
        const Sync::SyncResult r_ = (device).sync();                                               \
        QVERIFY2(r_.ok, qPrintable(r_.error.toString() + u" ("_s + r_.error.rule + u')'));         \
        QCOMPARE(r_.rejected, 0);                                                                  \
    } while (false)

} // namespace

class TestSyncd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void healthAndMetrics();
    void protocolVersion();
    void unauthenticated();
    void signUpRules();
    void loginRateLimit();
    void pushIdempotent();
    void badRequestsWriteNothing_data();
    void badRequestsWriteNothing();
    void oversizedBody();
    void immutabilityAndGapless();
    void tenantIsolation();
    void revokedToken();
    void databaseOutageAnswers503();
    void longPoll();
    void sigtermDuringLongPoll();
    void restartKeepsEverything();
    void drainAfterShutdownGrace();
    void badDatabaseStopsTheServer_data();
    void badDatabaseStopsTheServer();
    void migrateCommand();
    void newerSchemaStopsTheServer();
    void newEpochsAfterRestore();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    void startServer(const QStringList &extra = {}, const QString &log = u"syncd.log"_s);
    // SIGTERM to m_server, which must exit 0; m_server is null afterwards.
    void stopServer();
    QUrl serverUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)); }
    // A copy of `database` (no server may be using it), as a backup would hold it; empty on
    // failure. SQLite: the file (and its WAL); PostgreSQL: CREATE DATABASE ... TEMPLATE.
    QString copyDatabase(const QString &database);
    // The first column of the first row of `sql` on `database`, over a connection of its own.
    QVariant scalar(const QString &database, const QString &sql, const QVariantList &params = {});
    // Device sign-up and sign-in through the engine.
    void signUpDevice(Device &d, const QString &email, const QString &business);
    void signInDevice(Device &d, const QString &email, const QString &name);
    // kontor-syncd run to its end with `arguments` (text logs).
    Run runSyncd(const QStringList &arguments);
    // A database of its own (a file, or a fresh PostgreSQL database) at schema version 1, as
    // the first release made it.
    QString baseDatabase();
    // Runs statements on `database` over a connection of the test's own.
    bool sql(const QString &database, const QStringList &statements);
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QString &token = {}, const QByteArray &protocol = "1");
    Reply callJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                   const QString &token = {})
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QString &token);
    Session signUp(const QString &email, const QString &business, const QString &device);
    Session signIn(const QString &email, const QString &device);
    QJsonObject op(Session &s, const QString &entity, const QString &id, const QString &kind,
                   const QJsonObject &fields);
    Reply push(Session &s, const QJsonArray &ops);
    qint64 rows(const QString &table);

    QTemporaryDir m_dir;
    std::unique_ptr<Kontor::Test::PgTestDatabase> m_pg;
    std::vector<std::unique_ptr<Kontor::Test::PgTestDatabase>> m_morePg;
    QString m_db; // a SQLite file or a postgresql:// URL
    QProcess *m_server = nullptr;
    quint16 m_port = 0;
    QNetworkAccessManager m_net;
    const QString m_password = u"correct horse battery"_s;
    Session m_a1, m_a2, m_b1;
    QString m_epochA;
};

void TestSyncd::startServer(const QStringList &extra, const QString &log)
{
    m_server = new QProcess(this);
    m_server->setProcessChannelMode(QProcess::SeparateChannels);
    m_server->setStandardErrorFile(m_dir.filePath(log), QIODevice::Append);
    m_server->start(QStringLiteral(KONTOR_SYNCD),
                    QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, m_db,
                                 u"--password-iterations"_s, u"200000"_s, u"--log-format"_s,
                                 u"json"_s}
                        + extra);
    QVERIFY(m_server->waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->canReadLine(), 20000);
    const QJsonObject line = QJsonDocument::fromJson(m_server->readLine()).object();
    QCOMPARE(line.value(u"event"_s).toString(), u"listening"_s);
    m_port = quint16(line.value(u"port"_s).toInt());
    QVERIFY(m_port > 0);
}

void TestSyncd::stopServer()
{
    QVERIFY(m_server);
    QSignalSpy exited(m_server, &QProcess::finished);
    m_server->terminate();
    QVERIFY(exited.count() > 0 || exited.wait(20000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
    delete m_server;
    m_server = nullptr;
}

QString TestSyncd::copyDatabase(const QString &database)
{
    if (!m_pg) {
        const QString copy
            = m_dir.filePath(u"copy-%1.db"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
        if (!QFile::copy(database, copy))
            return {};
        // A cleanly stopped server leaves no WAL behind; if one is there, it belongs to the copy.
        if (QFileInfo::exists(database + u"-wal"_s)
            && !QFile::copy(database + u"-wal"_s, copy + u"-wal"_s))
            return {};
        return copy;
    }
    const QString name = QUrl(database).path().mid(1);
    // The stopped server's backend may take a moment to go; CREATE DATABASE needs it gone.
    if (!QTest::qWaitFor(
            [&] {
                return m_pg->admin(u"SELECT count(*) FROM pg_stat_activity WHERE datname = ?"_s,
                                   {name})
                           .toInt()
                    == 0;
            },
            20000))
        return {};
    auto db = std::make_unique<Kontor::Test::PgTestDatabase>();
    if (!db->create({}, name)) {
        qWarning().noquote() << "cannot copy the database:" << db->error();
        return {};
    }
    const QString url = db->url();
    m_morePg.push_back(std::move(db));
    return url;
}

QVariant TestSyncd::scalar(const QString &database, const QString &sql, const QVariantList &params)
{
    QVariant value;
    {
        QSqlDatabase db;
        if (m_pg) {
            db = Kontor::Test::openPg(database, u"scalar"_s);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"scalar"_s);
            db.setDatabaseName(database);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            db.open();
        }
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (qsizetype i = 0; i < params.size(); ++i)
                q.bindValue(int(i), params.at(i));
            if (q.exec() && q.next())
                value = q.value(0);
            else
                qWarning().noquote() << sql << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"scalar"_s);
    return value;
}

void TestSyncd::signUpDevice(Device &d, const QString &email, const QString &business)
{
    std::optional<Result<QString>> tenant;
    d.engine->signUp({serverUrl()}, email, m_password, business,
                     [&](Result<QString> r) { tenant = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(tenant.has_value(), 30000);
    QVERIFY2(tenant->ok(), qPrintable(tenant->ok() ? QString() : tenant->error().toString()));
}

void TestSyncd::signInDevice(Device &d, const QString &email, const QString &name)
{
    std::optional<Status> status;
    d.engine->signIn({serverUrl()}, email, m_password, name, [&](Status s) { status = s; });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 30000);
    QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().toString()));
    QVERIFY(d.engine->hasCredentials());
}

QNetworkReply *TestSyncd::send(const QByteArray &method, const QString &path,
                               const QByteArray &body, const QString &token)
{
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    req.setRawHeader("Content-Type", "application/json");
    req.setRawHeader("Kontor-Protocol", "1");
    req.setRawHeader("Kontor-Schema", "2");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return m_net.sendCustomRequest(req, method, body);
}

Reply TestSyncd::call(const QByteArray &method, const QString &path, const QByteArray &body,
                      const QString &token, const QByteArray &protocol)
{
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    req.setRawHeader("Content-Type", "application/json");
    if (!protocol.isEmpty())
        req.setRawHeader("Kontor-Protocol", protocol);
    req.setRawHeader("Kontor-Schema", "2");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_net.sendCustomRequest(req, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(20000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

Session TestSyncd::signUp(const QString &email, const QString &business, const QString &device)
{
    const Reply r
        = callJson("POST", u"/v1/accounts"_s,
                   {{u"email"_s, email}, {u"password"_s, m_password}, {u"business"_s, business}});
    if (r.status != 201)
        qWarning() << "sign-up failed" << r.status << r.raw;
    return signIn(email, device);
}

Session TestSyncd::signIn(const QString &email, const QString &device)
{
    const Reply r
        = callJson("POST", u"/v1/sessions"_s,
                   {{u"email"_s, email}, {u"password"_s, m_password}, {u"deviceName"_s, device}});
    if (r.status != 201)
        qWarning() << "sign-in failed" << r.status << r.raw;
    return Session {r.body.value(u"token"_s).toString(), r.body.value(u"deviceId"_s).toString(),
                    r.body.value(u"tenantId"_s).toString(), r.body.value(u"epoch"_s).toString()};
}

QJsonObject TestSyncd::op(Session &s, const QString &entity, const QString &id, const QString &kind,
                          const QJsonObject &fields)
{
    ++s.deviceSeq;
    return Sync::toJson(Sync::Op {newUuid7(), s.deviceId, s.deviceSeq, entity, id, kind, fields,
                                  hlcNow(int(s.deviceSeq)), 0});
}

Reply TestSyncd::push(Session &s, const QJsonArray &ops)
{
    return callJson("POST", u"/v1/push"_s, {{u"deviceId"_s, s.deviceId}, {u"ops"_s, ops}}, s.token);
}

qint64 TestSyncd::rows(const QString &table)
{
    // A second connection: WAL lets it read while the server writes.
    qint64 n = -1;
    {
        QSqlDatabase db;
        if (m_pg) {
            db = Kontor::Test::openPg(m_db, u"probe"_s);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
            db.setDatabaseName(m_db);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            db.open();
        }
        if (db.isOpen()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT COUNT(*) FROM "_s + table) && q.next())
                n = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return n;
}

TestSyncd::Run TestSyncd::runSyncd(const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(KONTOR_SYNCD), arguments + QStringList {u"--log-format"_s, u"text"_s});
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(10000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestSyncd::baseDatabase()
{
    QString location
        = m_dir.filePath(u"base-%1.db"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
    if (m_pg) {
        auto db = std::make_unique<Kontor::Test::PgTestDatabase>();
        if (!db->create()) {
            qWarning().noquote() << "cannot create a database:" << db->error();
            return {};
        }
        location = db->url();
        m_morePg.push_back(std::move(db));
        Server::PostgresStorage storage;
        if (!storage.open(location, Server::OpenMode::Maintain)
            || !storage.migrateTo(Server::Schema::Base))
            return {};
        return location;
    }
    Server::SqliteStorage storage;
    if (!storage.open(location, Server::OpenMode::Maintain)
        || !storage.migrateTo(Server::Schema::Base))
        return {};
    return location;
}

bool TestSyncd::sql(const QString &database, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db;
        if (m_pg) {
            db = Kontor::Test::openPg(database, u"statements"_s);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statements"_s);
            db.setDatabaseName(database);
            db.open();
        }
        ok = db.isOpen();
        for (const QString &statement : statements) {
            QSqlQuery q(db);
            if (ok && !q.exec(statement)) {
                qWarning().noquote() << statement << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"statements"_s);
    return ok;
}

void TestSyncd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"syncd.db"_s);
    if (Kontor::Test::usePostgres()) {
        m_pg = std::make_unique<Kontor::Test::PgTestDatabase>();
        QVERIFY2(m_pg->create(), qPrintable(m_pg->error()));
        m_db = m_pg->url();
    }
    startServer();
    m_a1 = signUp(u"anna@example.com"_s, u"Studio Anna"_s, u"laptop"_s);
    QVERIFY(!m_a1.token.isEmpty());
    m_a2 = signIn(u"anna@example.com"_s, u"phone"_s);
    QVERIFY(!m_a2.token.isEmpty());
    QCOMPARE(m_a2.tenantId, m_a1.tenantId);
    QVERIFY(m_a2.deviceId != m_a1.deviceId);
    m_b1 = signUp(u"bruno@example.com"_s, u"Bruno Srl"_s, u"desktop"_s);
    QVERIFY(!m_b1.token.isEmpty());
    QVERIFY(m_b1.tenantId != m_a1.tenantId);
    m_epochA = m_a1.epoch;
}

void TestSyncd::cleanupTestCase()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        m_server->waitForFinished(10000);
    }
    m_pg.reset();
}

void TestSyncd::healthAndMetrics()
{
    QCOMPARE(call("GET", u"/healthz"_s, {}, {}, {}).status, 200);
    QCOMPARE(call("GET", u"/readyz"_s, {}, {}, {}).status, 200);
    const Reply m = call("GET", u"/metrics"_s, {}, {}, {});
    QCOMPARE(m.status, 200);
    QVERIFY(
        m.raw.contains("kontor_http_requests_total{route=\"POST /v1/sessions\",status=\"201\"}"));
    QVERIFY(m.raw.contains("kontor_http_request_duration_seconds_bucket"));
    QVERIFY(m.raw.contains("kontor_longpolls_waiting 0"));
}

void TestSyncd::protocolVersion()
{
    for (const QByteArray &v : {QByteArray(), "2"_ba, "0"_ba, "one"_ba}) {
        const Reply r = call("GET", u"/v1/devices"_s, {}, m_a1.token, v);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.rule(), u"protocol-version"_s);
        QCOMPARE(r.header("Kontor-Protocol"), "1"_ba);
    }
}

void TestSyncd::unauthenticated()
{
    const QStringList tokens {QString(), u"garbage"_s, QString(43, u'A'), m_a1.token + u'x'};
    for (const QString &t : tokens) {
        QCOMPARE(call("GET", u"/v1/devices"_s, {}, t).status, 401);
        QCOMPARE(call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(m_epochA), {}, t).status, 401);
        QCOMPARE(call("GET", u"/v1/snapshot"_s, {}, t).status, 401);
        QCOMPARE(call("GET", u"/v1/audit/head"_s, {}, t).status, 401);
        const Reply r = callJson("POST", u"/v1/push"_s,
                                 {{u"deviceId"_s, m_a1.deviceId}, {u"ops"_s, QJsonArray()}}, t);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.rule(), u"unauthorized"_s);
    }
}

void TestSyncd::signUpRules()
{
    Reply r = callJson(
        "POST", u"/v1/accounts"_s,
        {{u"email"_s, u"not-an-email"_s}, {u"password"_s, m_password}, {u"business"_s, u"X"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.field(), u"email"_s);
    r = callJson("POST", u"/v1/accounts"_s,
                 {{u"email"_s, u"short@example.com"_s},
                  {u"password"_s, u"123456789"_s},
                  {u"business"_s, u"X"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.field(), u"password"_s);
    QCOMPARE(r.rule(), u"too-short"_s);
    r = callJson("POST", u"/v1/accounts"_s,
                 {{u"email"_s, u"ANNA@example.com"_s},
                  {u"password"_s, m_password},
                  {u"business"_s, u"X"_s}});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.rule(), u"email-taken"_s);
}

void TestSyncd::loginRateLimit()
{
    signUp(u"carla@example.com"_s, u"Carla"_s, u"laptop"_s);
    const QJsonObject wrong {{u"email"_s, u"carla@example.com"_s},
                             {u"password"_s, u"wrong password!"_s},
                             {u"deviceName"_s, u"x"_s}};
    for (int i = 0; i < 5; ++i) {
        const Reply r = callJson("POST", u"/v1/sessions"_s, wrong);
        QCOMPARE(r.status, 401);
    }
    Reply r = callJson("POST", u"/v1/sessions"_s, wrong);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.rule(), u"rate-limited"_s);
    QVERIFY(r.header("Retry-After").toInt() > 0);
    // Even the right password waits: the limit is on the account, not on the guess.
    QJsonObject right = wrong;
    right[u"password"_s] = m_password;
    r = callJson("POST", u"/v1/sessions"_s, right);
    QCOMPARE(r.status, 429);
    // Another account from the same address is not locked by Carla's failures.
    QVERIFY(!signIn(u"anna@example.com"_s, u"tablet"_s).token.isEmpty());
}

void TestSyncd::pushIdempotent()
{
    const QJsonArray ops {op(m_a1, u"customer"_s, u"cust-1"_s, u"create"_s,
                             {{u"id"_s, u"cust-1"_s}, {u"name"_s, u"Rossi Srl"_s}}),
                          op(m_a1, u"customer"_s, u"cust-2"_s, u"create"_s,
                             {{u"id"_s, u"cust-2"_s}, {u"name"_s, u"Bianchi"_s}})};
    const Reply first = push(m_a1, ops);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.body.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 2);
    for (const auto &v : results) {
        QCOMPARE(v.toObject().value(u"status"_s).toString(), u"accepted"_s);
        QCOMPARE(v.toObject().value(u"duplicate"_s).toBool(), false);
    }
    const qint64 opsBefore = rows(u"ops"_s);
    const Reply again = push(m_a1, ops);
    QCOMPARE(again.status, 200);
    const QJsonArray repeated = again.body.value(u"results"_s).toArray();
    for (qsizetype i = 0; i < 2; ++i) {
        QCOMPARE(repeated[i][u"duplicate"_s].toBool(), true);
        QCOMPARE(repeated[i][u"seq"_s].toInteger(), results[i][u"seq"_s].toInteger());
    }
    QCOMPARE(again.body.value(u"head"_s), first.body.value(u"head"_s));
    QCOMPARE(rows(u"ops"_s), opsBefore);
}

void TestSyncd::badRequestsWriteNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("rule");
    QTest::newRow("garbage") << "{\"deviceId\": nope"_ba << 400 << QString() << u"bad-json"_s;
    QTest::newRow("array") << "[]"_ba << 400 << QString() << u"bad-type"_s;
    QTest::newRow("ops not array")
        << "{\"deviceId\":\"D\",\"ops\":7}"_ba << 400 << u"ops"_s << u"bad-type"_s;
    QTest::newRow("bad op in good batch")
        << "BAD_OP"_ba << 400 << u"ops[1].deviceSeq"_s << u"bad-type"_s;
    QTest::newRow("other device") << "OTHER_DEVICE"_ba << 403 << u"deviceId"_s
                                  << u"device-mismatch"_s;
    QTest::newRow("too many ops") << "TOO_MANY"_ba << 413 << u"ops"_s << u"too-many"_s;
}

void TestSyncd::badRequestsWriteNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, rule);
    body.replace("\"D\"", QByteArray('"' + m_a1.deviceId.toLatin1() + '"'));
    Session s = m_a1;
    if (body == "BAD_OP") {
        QJsonObject bad = op(s, u"customer"_s, u"cust-9"_s, u"create"_s, {{u"name"_s, u"N"_s}});
        bad[u"deviceSeq"_s] = u"7"_s;
        body = QJsonDocument(QJsonObject {{u"deviceId"_s, s.deviceId},
                                          {u"ops"_s,
                                           QJsonArray {op(s, u"customer"_s, u"cust-8"_s,
                                                          u"create"_s, {{u"name"_s, u"M"_s}}),
                                                       bad}}})
                   .toJson(QJsonDocument::Compact);
    } else if (body == "OTHER_DEVICE") {
        body = QJsonDocument(QJsonObject {{u"deviceId"_s, m_a2.deviceId}, {u"ops"_s, QJsonArray()}})
                   .toJson(QJsonDocument::Compact);
    } else if (body == "TOO_MANY") {
        QJsonArray ops;
        for (int i = 0; i <= Sync::MaxOpsPerPush; ++i)
            ops.append(op(s, u"customer"_s, u"c-%1"_s.arg(i), u"create"_s, {{u"name"_s, u"N"_s}}));
        body = QJsonDocument(QJsonObject {{u"deviceId"_s, s.deviceId}, {u"ops"_s, ops}})
                   .toJson(QJsonDocument::Compact);
    }
    const QStringList tables {u"ops"_s, u"records"_s, u"op_results"_s, u"audit"_s};
    QList<qint64> before;
    for (const QString &t : tables)
        before.append(rows(t));
    const Reply r = call("POST", u"/v1/push"_s, body, m_a1.token);
    QCOMPARE(r.status, status);
    QCOMPARE(r.rule(), rule);
    QCOMPARE(r.field(), field);
    for (qsizetype i = 0; i < tables.size(); ++i)
        QCOMPARE(rows(tables[i]), before[i]);
}

void TestSyncd::oversizedBody()
{
    const qint64 opsBefore = rows(u"ops"_s);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /v1/push HTTP/1.1\r\nHost: x\r\nKontor-Protocol: 1\r\nAuthorization: Bearer "
                 + m_a1.token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(Sync::MaxBodyBytes + 1) + "\r\n\r\n{\"deviceId\":");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
    QVERIFY(answer.contains("too-large"));
    QCOMPARE(rows(u"ops"_s), opsBefore);
}

void TestSyncd::immutabilityAndGapless()
{
    TaxRate vat {u"vat-22"_s, u"VAT 22%"_s, 2200};
    Customer cust;
    cust.id = u"cust-inv"_s;
    cust.name = u"Verdi SpA"_s;
    cust.billingAddress.country = u"IT"_s;
    NumberSeries series;
    series.id = u"series-a"_s;
    series.name = u"Laptop 2026"_s;
    series.prefix = u"2026-L-"_s;
    series.width = 4;
    series.nextNumber = 1;
    series.holderDeviceId = m_a1.deviceId;

    auto invoice = [&](const QString &id, qint64 sequence, qint64 qty) {
        Document d;
        d.id = id;
        d.kind = DocumentKind::Invoice;
        d.status = DocumentStatus::Issued;
        d.seriesId = series.id;
        d.sequence = sequence;
        d.number = series.format(sequence);
        d.customerId = cust.id;
        d.customerName = cust.name;
        d.customerSnapshot = cust;
        d.issueDate = QDate(2026, 3, 1);
        d.dueDate = QDate(2026, 3, 31);
        d.currency = u"EUR"_s;
        DocumentLine line;
        line.id = id + u"-l1"_s;
        line.description = u"Design work"_s;
        line.quantity = qty * QuantityScale;
        line.unitPrice = 5000 * PriceExtraScale;
        line.taxRateId = vat.id;
        d.lines.append(line);
        const Status s = computeTotals(d, [&](const QString &) { return std::optional(vat); });
        Q_ASSERT(s.ok());
        return toJson(d);
    };
    auto resultOf = [](const Reply &r, int i) {
        return r.body.value(u"results"_s).toArray().at(i).toObject();
    };

    Reply r = push(m_a1,
                   {op(m_a1, u"tax_rate"_s, vat.id, u"create"_s, toJson(vat)),
                    op(m_a1, u"customer"_s, cust.id, u"create"_s, toJson(cust)),
                    op(m_a1, u"series"_s, series.id, u"create"_s, toJson(series)),
                    op(m_a1, u"invoice"_s, u"inv-1"_s, u"issue"_s, invoice(u"inv-1"_s, 1, 2))});
    QCOMPARE(r.status, 200);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(resultOf(r, i).value(u"status"_s) == u"accepted"_s,
                 QJsonDocument(resultOf(r, i)).toJson().constData());

    const qint64 opsBefore = rows(u"ops"_s);
    r = push(m_a1,
             {op(m_a1, u"invoice"_s, u"inv-1"_s, u"update"_s, {{u"notes"_s, u"changed"_s}}),
              op(m_a1, u"invoice"_s, u"inv-1"_s, u"delete"_s, {}),
              op(m_a1, u"invoice"_s, u"inv-1"_s, u"issue"_s, invoice(u"inv-1"_s, 1, 3)),
              op(m_a1, u"invoice"_s, u"inv-3"_s, u"issue"_s, invoice(u"inv-3"_s, 3, 1)),
              op(m_a2, u"invoice"_s, u"inv-2"_s, u"issue"_s, invoice(u"inv-2"_s, 2, 1))});
    // The last op is from another device: refused as a whole batch before anything runs.
    QCOMPARE(r.status, 400);
    QCOMPARE(r.rule(), u"device-mismatch"_s);
    QCOMPARE(rows(u"ops"_s), opsBefore);

    r = push(m_a1,
             {op(m_a1, u"invoice"_s, u"inv-1"_s, u"update"_s, {{u"notes"_s, u"changed"_s}}),
              op(m_a1, u"invoice"_s, u"inv-1"_s, u"delete"_s, {}),
              op(m_a1, u"invoice"_s, u"inv-1"_s, u"issue"_s, invoice(u"inv-1"_s, 1, 3)),
              op(m_a1, u"invoice"_s, u"inv-3"_s, u"issue"_s, invoice(u"inv-3"_s, 3, 1))});
    QCOMPARE(r.status, 200);
    QCOMPARE(resultOf(r, 0).value(u"rule"_s).toString(), u"immutable-document"_s);
    QCOMPARE(resultOf(r, 1).value(u"rule"_s).toString(), u"immutable-document"_s);
    // Issued again with other content: it would become a document of its own (a double issue),
    // but its number is one the series has already used.
    QCOMPARE(resultOf(r, 2).value(u"rule"_s).toString(), u"number-out-of-sequence"_s);
    QCOMPARE(resultOf(r, 3).value(u"rule"_s).toString(), u"number-out-of-sequence"_s);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(resultOf(r, i).value(u"status"_s).toString(), u"rejected"_s);
        QVERIFY(!resultOf(r, i).contains(u"seq"_s));
    }
    QCOMPARE(rows(u"ops"_s), opsBefore); // rejected ops get no seq

    // The phone does not hold the series.
    r = push(m_a2, {op(m_a2, u"invoice"_s, u"inv-2"_s, u"issue"_s, invoice(u"inv-2"_s, 2, 1))});
    QCOMPARE(resultOf(r, 0).value(u"rule"_s).toString(), u"series-not-held"_s);

    // Taking the series over moves the lease; the laptop's next issue is refused.
    Reply lease = callJson("POST", u"/v1/series/series-a/lease"_s, {}, m_a2.token);
    QCOMPARE(lease.status, 409);
    QCOMPARE(lease.rule(), u"series-held"_s);
    lease = callJson("POST", u"/v1/series/series-a/lease"_s, {{u"force"_s, true}}, m_a2.token);
    QCOMPARE(lease.status, 200);
    QCOMPARE(lease.body.value(u"holderDeviceId"_s).toString(), m_a2.deviceId);
    QCOMPARE(lease.body.value(u"nextNumber"_s).toInteger(), 2);
    r = push(m_a1, {op(m_a1, u"invoice"_s, u"inv-2b"_s, u"issue"_s, invoice(u"inv-2b"_s, 2, 1))});
    QCOMPARE(resultOf(r, 0).value(u"rule"_s).toString(), u"series-not-held"_s);
    r = push(m_a2, {op(m_a2, u"invoice"_s, u"inv-2"_s, u"issue"_s, invoice(u"inv-2"_s, 2, 1))});
    QCOMPARE(resultOf(r, 0).value(u"status"_s).toString(), u"accepted"_s);

    // The grant reached the log as a server op.
    const Reply pulled = call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(m_epochA), {}, m_a1.token);
    bool grantSeen = false;
    for (const auto &v : pulled.body.value(u"ops"_s).toArray())
        grantSeen = grantSeen
            || (v[u"deviceId"_s] == u"server"_s
                && v[u"fields"_s][u"holderDeviceId"_s] == m_a2.deviceId);
    QVERIFY(grantSeen);
    const Reply verify = call("GET", u"/v1/audit/verify"_s, {}, m_a1.token);
    QCOMPARE(verify.body.value(u"ok"_s).toBool(), true);
    QVERIFY(verify.body.value(u"entries"_s).toInteger() >= 6);
}

void TestSyncd::tenantIsolation()
{
    // B's books: a customer and a series.
    Reply r = push(m_b1,
                   {op(m_b1, u"customer"_s, u"b-cust"_s, u"create"_s,
                       {{u"id"_s, u"b-cust"_s}, {u"name"_s, u"Secret of B"_s}}),
                    op(m_b1, u"series"_s, u"b-series"_s, u"create"_s,
                       {{u"id"_s, u"b-series"_s},
                        {u"name"_s, u"B"_s},
                        {u"prefix"_s, u"B-"_s},
                        {u"width"_s, 3},
                        {u"nextNumber"_s, 1},
                        {u"kind"_s, u"invoice"_s},
                        {u"holderDeviceId"_s, m_b1.deviceId}})});
    QCOMPARE(r.status, 200);
    const Reply bSnapshotBefore = call("GET", u"/v1/snapshot"_s, {}, m_b1.token);
    const Reply bHead = call("GET", u"/v1/audit/head"_s, {}, m_b1.token);

    // A reads with B's epoch: told its epoch is unknown, gets nothing of B's.
    r = call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(m_b1.epoch), {}, m_a1.token);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.value(u"epochChanged"_s).toBool());
    QVERIFY(!r.raw.contains("Secret of B"));
    r = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epochA), {}, m_a1.token);
    QVERIFY(!r.raw.contains("b-cust") && !r.raw.contains(m_b1.deviceId.toLatin1()));
    r = call("GET", u"/v1/snapshot"_s, {}, m_a1.token);
    QVERIFY(!r.raw.contains("b-cust"));
    // A's cursor into B's snapshot is just a cursor in A's own books.
    r = call("GET",
             u"/v1/snapshot?after=%1"_s.arg(bSnapshotBefore.body.value(u"next"_s).toString()), {},
             m_a1.token);
    QVERIFY(!r.raw.contains("Secret of B"));

    // A writes to B's ids: it lands in A's books; B's record is untouched.
    r = push(
        m_a1,
        {op(m_a1, u"customer"_s, u"b-cust"_s, u"update"_s, {{u"name"_s, u"Overwritten by A"_s}})});
    QCOMPARE(r.status, 200);
    QCOMPARE(call("GET", u"/v1/snapshot"_s, {}, m_b1.token).raw, bSnapshotBefore.raw);
    QCOMPARE(call("GET", u"/v1/audit/head"_s, {}, m_b1.token).raw, bHead.raw);
    // Pushing as B's device with A's token.
    Session fake = m_a1;
    fake.deviceId = m_b1.deviceId;
    r = push(fake, {op(fake, u"customer"_s, u"b-cust"_s, u"update"_s, {{u"name"_s, u"X"_s}})});
    QCOMPARE(r.status, 403);

    // Devices, revocation, leases, audit.
    r = call("GET", u"/v1/devices"_s, {}, m_a1.token);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.raw.contains(m_b1.deviceId.toLatin1()));
    QCOMPARE(call("DELETE", u"/v1/devices/"_s + m_b1.deviceId, {}, m_a1.token).status, 404);
    QCOMPARE(call("GET", u"/v1/devices"_s, {}, m_b1.token).status, 200);
    QCOMPARE(
        callJson("POST", u"/v1/series/b-series/lease"_s, {{u"force"_s, true}}, m_a1.token).status,
        404);
    QCOMPARE(callJson("POST", u"/v1/series/b-series/release"_s, {}, m_a1.token).status, 404);
    const Reply aHead = call("GET", u"/v1/audit/head"_s, {}, m_a1.token);
    QVERIFY(aHead.body.value(u"hash"_s) != bHead.body.value(u"hash"_s));
    QCOMPARE(call("GET", u"/v1/snapshot"_s, {}, m_b1.token).raw, bSnapshotBefore.raw);
}

void TestSyncd::revokedToken()
{
    Session tablet = signIn(u"anna@example.com"_s, u"old tablet"_s);
    QCOMPARE(call("GET", u"/v1/devices"_s, {}, tablet.token).status, 200);
    const Reply r = call("DELETE", u"/v1/devices/"_s + tablet.deviceId, {}, m_a1.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(call("GET", u"/v1/devices"_s, {}, tablet.token).status, 401);
    QCOMPARE(push(tablet, {}).status, 401);
    const Reply list = call("GET", u"/v1/devices"_s, {}, m_a1.token);
    bool seen = false;
    for (const auto &d : list.body.value(u"devices"_s).toArray())
        if (d[u"id"_s] == tablet.deviceId)
            seen = d[u"revoked"_s].toBool();
    QVERIFY(seen);
}

void TestSyncd::databaseOutageAnswers503()
{
    if (!m_pg)
        QSKIP("PostgreSQL only: a SQLite file does not go away");
    // The database refuses connections and the server's is cut (as in a failover): requests
    // are answered 503 for the client to retry, and served again once the database is back.
    const QString name = m_pg->name();
    QVERIFY(m_pg->adminExec(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false"_s.arg(name)));
    m_pg->admin(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = ?"_s,
                {name});
    QTRY_COMPARE_WITH_TIMEOUT(
        m_pg->admin(u"SELECT count(*) FROM pg_stat_activity WHERE datname = ?"_s, {name}).toInt(),
        0, 10000);
    Reply r = call("GET", u"/v1/devices"_s, {}, m_a1.token);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.rule(), u"unavailable"_s);
    QCOMPARE(r.header("Retry-After"), "1"_ba);
    r = call("GET", u"/readyz"_s, {}, {}, {});
    QCOMPARE(r.status, 503);
    QCOMPARE(r.body.value(u"status"_s).toString(), u"database-unreachable"_s);

    QVERIFY(m_pg->adminExec(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true"_s.arg(name)));
    QCOMPARE(call("GET", u"/readyz"_s, {}, {}, {}).status, 200);
    QCOMPARE(call("GET", u"/v1/devices"_s, {}, m_a1.token).status, 200);
}

void TestSyncd::longPoll()
{
    const Reply head
        = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epochA), {}, m_a2.token);
    const qint64 at = head.body.value(u"next"_s)[u"seq"_s].toInteger();
    QNetworkReply *waiting = send(
        "GET", u"/v1/pull?epoch=%1&after=%2&wait=25000"_s.arg(m_epochA).arg(at), {}, m_a2.token);
    // The poll is parked on the server before the push is sent.
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/metrics"_s, {}, {}, {}).raw.contains("kontor_longpolls_waiting 1"), 10000);
    QVERIFY(!waiting->isFinished());
    const Reply pushed = push(m_a1,
                              {op(m_a1, u"customer"_s, u"cust-live"_s, u"create"_s,
                                  {{u"id"_s, u"cust-live"_s}, {u"name"_s, u"Live"_s}})});
    QCOMPARE(pushed.status, 200);
    // Answered by the push, well before the 25 s wait would have run out.
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    waiting->deleteLater();
    const QJsonArray ops = page.value(u"ops"_s).toArray();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0][u"entityId"_s].toString(), u"cust-live"_s);
    QCOMPARE(ops[0][u"seq"_s].toInteger(), at + 1);
}

void TestSyncd::sigtermDuringLongPoll()
{
    const Reply head
        = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epochA), {}, m_a2.token);
    const qint64 at = head.body.value(u"next"_s)[u"seq"_s].toInteger();
    QNetworkReply *waiting = send(
        "GET", u"/v1/pull?epoch=%1&after=%2&wait=30000"_s.arg(m_epochA).arg(at), {}, m_a2.token);
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/metrics"_s, {}, {}, {}).raw.contains("kontor_longpolls_waiting 1"), 10000);
    if (m_pg) {
        // The database goes away first (a failover under way, say): the answer to the waiting
        // long-poll needs none.
        QVERIFY(
            m_pg->adminExec(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false"_s.arg(m_pg->name())));
        m_pg->admin(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = ?"_s,
                    {m_pg->name()});
    }
    QSignalSpy exited(m_server, &QProcess::finished);
    m_server->terminate(); // SIGTERM
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
    if (m_pg)
        QVERIFY(
            m_pg->adminExec(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true"_s.arg(m_pg->name())));
    QCOMPARE(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    QCOMPARE(page.value(u"ops"_s).toArray().size(), 0);
    QCOMPARE(page.value(u"next"_s)[u"seq"_s].toInteger(), at);
    waiting->deleteLater();
    QVERIFY(exited.count() > 0 || exited.wait(10000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
}

void TestSyncd::restartKeepsEverything()
{
    QCOMPARE(m_server->state(), QProcess::NotRunning);
    delete m_server;
    m_server = nullptr;
    startServer();
    Session again = signIn(u"anna@example.com"_s, u"laptop again"_s);
    QCOMPARE(again.epoch, m_epochA);
    QCOMPARE(again.tenantId, m_a1.tenantId);
    const Reply r
        = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epochA), {}, again.token);
    QCOMPARE(r.body.value(u"epochChanged"_s).toBool(), false);
    QVERIFY(r.raw.contains("cust-live"));
    QVERIFY(r.raw.contains("inv-1"));
    // The old tokens still work; the revoked one stays revoked.
    QCOMPARE(call("GET", u"/v1/devices"_s, {}, m_a1.token).status, 200);
    QCOMPARE(call("GET", u"/v1/audit/verify"_s, {}, m_a1.token).body.value(u"ok"_s).toBool(), true);
}

void TestSyncd::drainAfterShutdownGrace()
{
    // The server of the previous tests stops at once (no grace) and comes back with one.
    QSignalSpy stopped(m_server, &QProcess::finished);
    m_server->terminate();
    QVERIFY(stopped.count() > 0 || stopped.wait(20000));
    QCOMPARE(m_server->exitCode(), 0);
    delete m_server;
    m_server = nullptr;
    // Long enough for the checks below to run well inside it, however slow the machine.
    startServer({u"--shutdown-grace"_s, u"10000"_s}, u"syncd-grace.log"_s);
    QCOMPARE(call("GET", u"/readyz"_s, {}, {}, {}).status, 200);

    // A device of tenant A waits in a long-poll.
    const Reply head
        = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(m_epochA), {}, m_a2.token);
    const qint64 at = head.body.value(u"next"_s)[u"seq"_s].toInteger();
    QNetworkReply *waiting = send(
        "GET", u"/v1/pull?epoch=%1&after=%2&wait=30000"_s.arg(m_epochA).arg(at), {}, m_a2.token);
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/metrics"_s, {}, {}, {}).raw.contains("kontor_longpolls_waiting 1"), 10000);

    QSignalSpy exited(m_server, &QProcess::finished);
    m_server->terminate(); // SIGTERM
    // Readiness goes off as soon as the signal is handled...
    QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/readyz"_s, {}, {}, {}).status, 503, 10000);
    const Reply ready = call("GET", u"/readyz"_s, {}, {}, {});
    QCOMPARE(ready.body.value(u"status"_s).toString(), u"draining"_s);
    // ...while everything else is still served: a push of another tenant, health, metrics.
    const Reply pushed = push(m_b1,
                              {op(m_b1, u"customer"_s, u"b-grace"_s, u"create"_s,
                                  {{u"id"_s, u"b-grace"_s}, {u"name"_s, u"During the grace"_s}})});
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.body.value(u"results"_s)[0][u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(pushed.header("Connection").toLower(), "close"_ba);
    QCOMPARE(call("GET", u"/healthz"_s, {}, {}, {}).status, 200);
    QVERIFY(!waiting->isFinished()); // held until the grace ends
    QCOMPARE(exited.count(), 0);

    // After the grace the long-poll is answered with nothing new at its own cursor, and the
    // process exits 0.
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 60000);
    QCOMPARE(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    waiting->deleteLater();
    QCOMPARE(page.value(u"ops"_s).toArray().size(), 0);
    QCOMPARE(page.value(u"next"_s)[u"epoch"_s].toString(), m_epochA);
    QCOMPARE(page.value(u"next"_s)[u"seq"_s].toInteger(), at);
    QVERIFY(exited.count() > 0 || exited.wait(60000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);

    // The phases, in order, in the structured log.
    QFile log(m_dir.filePath(u"syncd-grace.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QStringList phases;
    while (!log.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(log.readLine()).object();
        if (line.value(u"event"_s) == u"drain"_s)
            phases.append(line.value(u"phase"_s).toString());
    }
    QCOMPARE(phases, QStringList({u"not-ready"_s, u"stop-accepting"_s, u"drained"_s}));

    // The push made during the grace is kept.
    delete m_server;
    m_server = nullptr;
    startServer();
    const Reply b = call("GET", u"/v1/snapshot"_s, {}, m_b1.token);
    QVERIFY(b.raw.contains("During the grace"));
}

void TestSyncd::badDatabaseStopsTheServer_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("url without database")
        << u"postgresql://kontor:hunter2@127.0.0.1:5432"_s << "the URL names no database"_ba;
    QTest::newRow("unknown scheme")
        << u"mysql://kontor:hunter2@127.0.0.1/kontor"_s << "unsupported database URL scheme"_ba;
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    QTest::newRow("unreachable server")
        << u"postgresql://kontor:hunter2@127.0.0.1:1/kontor?connect_timeout=2"_s
        << "cannot connect to postgresql://kontor:xxxxx@127.0.0.1:1/kontor"_ba;
}

void TestSyncd::badDatabaseStopsTheServer()
{
    QFETCH(QString, database);
    QFETCH(QByteArray, message);
    QProcess server;
    server.start(
        QStringLiteral(KONTOR_SYNCD),
        {u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database, u"--log-format"_s, u"text"_s});
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 2); // as for every setting that stops the server
    const QByteArray log = server.readAllStandardError();
    QVERIFY2(log.contains(message), log.constData());
    QVERIFY2(!log.contains("hunter2"), "the password leaked into the log");
    QVERIFY(server.readAllStandardOutput().isEmpty()); // never said it was listening
}

void TestSyncd::migrateCommand()
{
    const QString database = baseDatabase();
    QVERIFY(!database.isEmpty());
    auto migrate = [&](const QString &command) {
        return runSyncd({u"--database"_s, database, u"--migrate"_s, command});
    };

    Run r = migrate(u"status"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"version"_s).toInt(), 1);
    QCOMPARE(r.json().value(u"phase"_s).toString(), u"base"_s);
    QCOMPARE(r.json().value(u"pending"_s).toArray(), QJsonArray({u"expand"_s, u"contract"_s}));
    QCOMPARE(r.json().value(u"backend"_s).toString(), m_pg ? u"postgresql"_s : u"sqlite"_s);

    // The contract is refused before the expand, and changes nothing.
    r = migrate(u"contract"_s);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("refusing to contract") && r.err.contains("not expanded"),
             r.err.constData());
    QCOMPARE(migrate(u"status"_s).json().value(u"version"_s).toInt(), 1);

    r = migrate(u"expand"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"command"_s).toString(), u"expand"_s);
    QCOMPARE(r.json().value(u"changed"_s).toBool(), true);
    QCOMPARE(r.json().value(u"version"_s).toInt(), 2);
    QCOMPARE(r.json().value(u"phase"_s).toString(), u"expanded"_s);
    QCOMPARE(r.json().value(u"compatibleFrom"_s).toInt(), 1);
    r = migrate(u"expand"_s); // again: nothing to do
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"changed"_s).toBool(), false);
    r = migrate(u"status"_s);
    QCOMPARE(r.json().value(u"phase"_s).toString(), u"expanded"_s);
    QCOMPARE(r.json().value(u"pending"_s).toArray(), QJsonArray({u"contract"_s}));

    r = migrate(u"contract"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"changed"_s).toBool(), true);
    QCOMPARE(r.json().value(u"version"_s).toInt(), 3);
    QCOMPARE(r.json().value(u"phase"_s).toString(), u"contracted"_s);
    QCOMPARE(r.json().value(u"compatibleFrom"_s).toInt(), 3);
    QCOMPARE(r.json().value(u"pending"_s).toArray(), QJsonArray());
    r = migrate(u"contract"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"changed"_s).toBool(), false);

    // A bad command is a usage error, as for every setting.
    r = migrate(u"sideways"_s);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown --migrate command 'sideways'"), r.err.constData());
    if (!m_pg) {
        // A mistyped file is not created by a status or contract.
        const QString missing = m_dir.filePath(u"no-such.db"_s);
        r = runSyncd({u"--database"_s, missing, u"--migrate"_s, u"status"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("there is no database file"), r.err.constData());
        QVERIFY(!QFileInfo::exists(missing));
    }

    // A server on the contracted schema serves.
    const QString saved = m_db;
    m_db = database;
    QProcess *previous = m_server;
    startServer({}, u"syncd-contracted.log"_s);
    Session s = signUp(u"erin@example.com"_s, u"Erin"_s, u"laptop"_s);
    QVERIFY(!s.token.isEmpty());
    const Reply pushed = push(s,
                              {op(s, u"customer"_s, u"e-1"_s, u"create"_s,
                                  {{u"id"_s, u"e-1"_s}, {u"name"_s, u"Erin's customer"_s}})});
    QCOMPARE(pushed.status, 200);
    QCOMPARE(call("GET", u"/v1/audit/verify"_s, {}, s.token).body.value(u"ok"_s).toBool(), true);
    QSignalSpy exited(m_server, &QProcess::finished);
    m_server->terminate();
    QVERIFY(exited.count() > 0 || exited.wait(20000));
    QCOMPARE(m_server->exitCode(), 0);
    delete m_server;
    m_server = previous;
    m_db = saved;
}

void TestSyncd::newerSchemaStopsTheServer()
{
    const QString database = baseDatabase();
    QVERIFY(!database.isEmpty());
    QCOMPARE(runSyncd({u"--database"_s, database, u"--migrate"_s, u"expand"_s}).exitCode, 0);
    // As a later release leaves it after its contract: version 9, usable only from 9 on.
    QVERIFY(sql(database,
                m_pg ? QStringList {u"UPDATE kontor_schema SET version = 9, revision = 9"_s}
                     : QStringList {u"UPDATE kontor_schema SET revision = 9"_s,
                                    u"PRAGMA user_version = 9"_s}));
    const Run started = runSyncd({u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database});
    QCOMPARE(started.exitCode, 2);
    QVERIFY2(started.err.contains("schema version 9") && started.err.contains("knows up to 3"),
             started.err.constData());
    QVERIFY(started.out.isEmpty()); // never said it was listening

    Run r = runSyncd({u"--database"_s, database, u"--migrate"_s, u"status"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"version"_s).toInt(), 9);
    QCOMPARE(r.json().value(u"phase"_s).toString(), u"newer"_s);
    QCOMPARE(r.json().value(u"usable"_s).toBool(), false);
    r = runSyncd({u"--database"_s, database, u"--migrate"_s, u"contract"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("schema version 9"), r.err.constData());
}

void TestSyncd::newEpochsAfterRestore()
{
    // A server of its own, on a database of its own; the suite's server keeps running.
    const QString saved = m_db;
    QProcess *previous = m_server;
    m_server = nullptr;
    auto restoreSuite = qScopeGuard([&] {
        if (m_server) {
            m_server->kill();
            m_server->waitForFinished(10000);
            delete m_server;
        }
        m_server = previous;
        m_db = saved;
    });
    if (m_pg) {
        auto db = std::make_unique<Kontor::Test::PgTestDatabase>();
        QVERIFY2(db->create(), qPrintable(db->error()));
        m_db = db->url();
        m_morePg.push_back(std::move(db));
    } else {
        m_db = m_dir.filePath(u"restore-live.db"_s);
    }
    const QString live = m_db;
    startServer({}, u"syncd-restore.log"_s);

    // A studio with a laptop running the sync engine, a script of the same studio speaking
    // HTTP (to follow op ids one by one), and another business on the same server.
    const QString email = u"studio@example.com"_s;
    Device laptop;
    QVERIFY(laptop.open(m_dir.filePath(u"restore-laptop.kontor"_s), true));
    signUpDevice(laptop, email, u"Studio Restored"_s);
    signInDevice(laptop, email, u"laptop"_s);
    Session script = signIn(email, u"script"_s);
    QVERIFY(!script.token.isEmpty());
    Session other = signUp(u"other@example.com"_s, u"Other Business"_s, u"desk"_s);
    QVERIFY(!other.token.isEmpty());
    QVERIFY(other.tenantId != script.tenantId);
    const QString oldEpoch = script.epoch;
    const QString oldOtherEpoch = other.epoch;
    QCOMPARE(push(other,
                  {op(other, u"customer"_s, u"o-1"_s, u"create"_s,
                      {{u"id"_s, u"o-1"_s}, {u"name"_s, u"Other's customer"_s}})})
                 .status,
             200);

    // Ops A: sent and acknowledged before the backup.
    const QString a1 = laptop.addCustomer(u"Before the backup 1"_s);
    const QString a2 = laptop.addCustomer(u"Before the backup 2"_s);
    QVERIFY(!a1.isEmpty() && !a2.isEmpty());
    SYNC_OK(laptop);
    QCOMPARE(laptop.engine->pendingCount(), qint64(0));
    const QJsonObject x = op(script, u"customer"_s, u"script-x"_s, u"create"_s,
                             {{u"id"_s, u"script-x"_s}, {u"name"_s, u"Script X"_s}});
    Reply r = push(script, {x});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"results"_s][0][u"status"_s].toString(), u"accepted"_s);
    const qint64 seqX = r.body[u"results"_s][0][u"seq"_s].toInteger();

    // The backup: the server stopped, the database copied.
    stopServer();
    const QString backup = copyDatabase(live);
    QVERIFY(!backup.isEmpty());
    startServer({}, u"syncd-restore.log"_s);
    laptop.engine->setEndpoints({serverUrl()});

    // Ops B: sent and acknowledged after it, so the backup lacks them.
    const QString b1 = laptop.addCustomer(u"After the backup 1"_s);
    const QString b2 = laptop.addCustomer(u"After the backup 2"_s);
    QVERIFY(!b1.isEmpty() && !b2.isEmpty());
    SYNC_OK(laptop);
    QCOMPARE(laptop.engine->pendingCount(), qint64(0));
    const qint64 outbox = laptop.store->outboxCount().value();
    QCOMPARE(laptop.replica->cursor()->first, oldEpoch);
    const QJsonObject y = op(script, u"customer"_s, u"script-y"_s, u"create"_s,
                             {{u"id"_s, u"script-y"_s}, {u"name"_s, u"Script Y"_s}});
    r = push(script, {y});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"results"_s][0][u"status"_s].toString(), u"accepted"_s);
    const qint64 seqY = r.body[u"results"_s][0][u"seq"_s].toInteger();
    QVERIFY(seqY > seqX);

    // The restore: the server comes back on the copy, which ends before B.
    stopServer();
    m_db = backup;
    startServer({}, u"syncd-restored.log"_s);
    laptop.engine->setEndpoints({serverUrl()});
    const QString laptopOps = u"SELECT COUNT(*) FROM ops WHERE tenant_id = ? AND device_id = ?"_s;
    const QVariantList laptopKey {script.tenantId, laptop.store->deviceId()};
    const qint64 restoredOps = scalar(backup, laptopOps, laptopKey).toLongLong();
    QVERIFY(restoredOps > 0);
    QVERIFY(restoredOps < outbox); // B is gone
    QCOMPARE(
        scalar(backup, u"SELECT COUNT(*) FROM ops WHERE op_id = ?"_s, {y[u"opId"_s]}).toLongLong(),
        0);

    // On PostgreSQL a long-poll waiting on the running instance is answered as soon as the
    // epochs change (the command NOTIFYs every tenant, as a push does).
    QNetworkReply *waiting = nullptr;
    if (m_pg) {
        const Reply head = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1000"_s.arg(oldEpoch), {},
                                script.token);
        QCOMPARE(head.body.value(u"epochChanged"_s).toBool(), false);
        const qint64 at = head.body.value(u"next"_s)[u"seq"_s].toInteger();
        waiting = send("GET", u"/v1/pull?epoch=%1&after=%2&wait=30000"_s.arg(oldEpoch).arg(at), {},
                       script.token);
        QTRY_VERIFY_WITH_TIMEOUT(
            call("GET", u"/metrics"_s, {}, {}, {}).raw.contains("kontor_longpolls_waiting 1"),
            10000);
    }

    // The new epochs, while the restored server is serving.
    Run run = runSyncd({u"--database"_s, backup, u"--new-epochs"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(u"event"_s).toString(), u"new-epochs"_s);
    QCOMPARE(run.json().value(u"tenants"_s).toInteger(), 2);
    QCOMPARE(run.json().value(u"backend"_s).toString(), m_pg ? u"postgresql"_s : u"sqlite"_s);

    // A pull with the old epoch learns the new one and starts from 0; the serving instance
    // cached nothing.
    r = call("GET", u"/v1/pull?epoch=%1&after=%2"_s.arg(oldEpoch).arg(seqX), {}, script.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(u"epochChanged"_s).toBool(), true);
    const QString newEpoch = r.body[u"next"_s][u"epoch"_s].toString();
    QVERIFY(Sync::isValidId(newEpoch));
    QVERIFY(newEpoch != oldEpoch);
    QCOMPARE(r.body[u"next"_s][u"seq"_s].toInteger(), 0);
    if (waiting) {
        QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 20000);
        const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
        waiting->deleteLater();
        QCOMPARE(page.value(u"epochChanged"_s).toBool(), true);
        QCOMPARE(page.value(u"next"_s)[u"epoch"_s].toString(), newEpoch);
    }

    // The script sends its ops again: X, which the restored database has, is answered as a
    // duplicate with its first seq; Y, which it lost, is accepted anew.
    r = push(script, {x, y});
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.body.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0][u"duplicate"_s].toBool(), true);
    QCOMPARE(results[0][u"seq"_s].toInteger(), seqX);
    QCOMPARE(results[1][u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(results[1][u"duplicate"_s].toBool(), false);
    QCOMPARE(r.body[u"head"_s][u"epoch"_s].toString(), newEpoch);

    // The laptop's next sync sees the new epoch, sends its whole outbox again (A answered as
    // duplicates, B accepted anew) and merges a fresh snapshot; nothing local is lost.
    const Sync::SyncResult resynced = laptop.sync();
    QVERIFY2(resynced.ok, qPrintable(resynced.error.toString()));
    QCOMPARE(resynced.rejected, 0);
    QCOMPARE(resynced.pushed, int(outbox));
    QCOMPARE(laptop.engine->pendingCount(), qint64(0));
    QCOMPARE(laptop.replica->cursor()->first, newEpoch);
    QCOMPARE(laptop.customerName(b1), u"After the backup 1"_s);
    QCOMPARE(laptop.customerName(a1), u"Before the backup 1"_s);

    // The server holds A and B exactly once, and its audit chain is whole.
    QCOMPARE(scalar(backup, laptopOps, laptopKey).toLongLong(), outbox);
    QCOMPARE(
        scalar(backup,
               u"SELECT COUNT(DISTINCT op_id) FROM ops WHERE tenant_id = ? AND device_id = ?"_s,
               laptopKey)
            .toLongLong(),
        outbox);
    for (const QString &id : {a1, a2, b1, b2, u"script-x"_s, u"script-y"_s})
        QCOMPARE(scalar(backup,
                        u"SELECT COUNT(*) FROM ops WHERE tenant_id = ? AND entity_id = ? AND "
                        "kind = 'create'"_s,
                        {script.tenantId, id})
                     .toLongLong(),
                 1);
    r = call("GET", u"/v1/audit/verify"_s, {}, script.token);
    QVERIFY2(r.body.value(u"ok"_s).toBool(), r.raw.constData());

    // A device that joins now sees both A and B.
    Device desktop;
    QVERIFY(desktop.open(m_dir.filePath(u"restore-desktop.kontor"_s), false));
    signInDevice(desktop, email, u"desktop"_s);
    SYNC_OK(desktop);
    for (const QString &id : {a1, a2, b1, b2})
        QCOMPARE(desktop.customerName(id), laptop.customerName(id));
    QCOMPARE(desktop.customerName(u"script-y"_s), u"Script Y"_s);
    QCOMPARE(desktop.replica->cursor()->first, newEpoch);
    SYNC_OK(laptop); // takes the script's Y
    QCOMPARE(desktop.replica->digest().value(), laptop.replica->digest().value());

    // The other business got a new epoch too, and kept its data.
    r = call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(oldOtherEpoch), {}, other.token);
    QCOMPARE(r.body.value(u"epochChanged"_s).toBool(), true);
    const QString otherEpoch = r.body[u"next"_s][u"epoch"_s].toString();
    QVERIFY(otherEpoch != oldOtherEpoch);
    QVERIFY(otherEpoch != newEpoch);
    r = call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(otherEpoch), {}, other.token);
    QCOMPARE(r.body.value(u"epochChanged"_s).toBool(), false);
    QVERIFY(r.raw.contains("Other's customer"));

    // --tenant: that tenant alone.
    run = runSyncd({u"--database"_s, backup, u"--new-epochs"_s, u"--tenant"_s, other.tenantId});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(u"tenants"_s).toInteger(), 1);
    QCOMPARE(run.json().value(u"tenant"_s).toString(), other.tenantId);
    r = call("GET", u"/v1/pull?epoch=%1&after=0"_s.arg(otherEpoch), {}, other.token);
    QCOMPARE(r.body.value(u"epochChanged"_s).toBool(), true);
    auto studioUnchanged = [&] {
        const Reply p
            = call("GET", u"/v1/pull?epoch=%1&after=0&limit=1"_s.arg(newEpoch), {}, script.token);
        return p.status == 200 && !p.body.value(u"epochChanged"_s).toBool();
    };
    QVERIFY(studioUnchanged());
    SYNC_OK(laptop); // in step: nothing to send again
    QCOMPARE(laptop.replica->cursor()->first, newEpoch);

    // Refusals change nothing: an unknown tenant (exit 1, named), bad command lines (exit 2).
    run = runSyncd(
        {u"--database"_s, backup, u"--new-epochs"_s, u"--tenant"_s, u"no-such-tenant"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("there is no tenant with id 'no-such-tenant'"), run.err.constData());
    run = runSyncd({u"--database"_s, backup, u"--tenant"_s, other.tenantId});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--tenant goes with --new-epochs"), run.err.constData());
    run = runSyncd({u"--database"_s, backup, u"--new-epochs"_s, u"--migrate"_s, u"status"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--new-epochs and --migrate"), run.err.constData());
    run = runSyncd({u"--database"_s, backup, u"--new-epochs"_s, u"--tenant"_s, u"not an id"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--tenant 'not an id' is not a tenant id"), run.err.constData());
    if (!m_pg) {
        const QString missing = m_dir.filePath(u"no-such-backup.db"_s);
        run = runSyncd({u"--database"_s, missing, u"--new-epochs"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("there is no database file"), run.err.constData());
        QVERIFY(!QFileInfo::exists(missing));
    }
    QVERIFY(studioUnchanged());

    stopServer();
}

QTEST_GUILESS_MAIN(TestSyncd)
#include "tst_syncd.moc"
