// The sync commands: create an account, sign a ledger in to the sync service, run one sync
// cycle, show where the ledger stands, list conflicts and refused changes, sign out and take a
// series lease. They drive the same SyncEngine as the desktop, one cycle at a time: no long poll
// and no retries, so a script gets an answer and an exit code.
#include "commands.h"

#include "credentialstore.h"
#include "replica.h"
#include "syncclient.h"
#include "syncengine.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

namespace {

using Sync::CredentialStore;
using Sync::SyncEngine;
using Sync::SyncResult;

// Waits for an asynchronous answer; the client's own timeouts bound every request.
template<typename T> T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> answer;
    QEventLoop loop;
    start([&](T value) {
        answer.emplace(std::move(value));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

// A server's refusal of the credentials is a refused input (65), not a malformed command line.
Error forCli(Error error)
{
    if (Sync::isAuthError(error))
        error.kind = ErrorKind::Validation;
    return error;
}

// Sync works on any ledger file, also one that is still empty: a new device signs in first and
// receives the books from the server.
Status openForSync(Context &ctx, bool createIfMissing)
{
    if (ctx.ledgerPath.isEmpty())
        return usageError(u"no ledger given: pass --ledger FILE or set KONTOR_LEDGER"_s);
    if (!createIfMissing && !QFileInfo::exists(ctx.ledgerPath))
        return Error {ErrorKind::Io, u"ledger"_s, u"file-missing"_s,
                      u"'%1' does not exist"_s.arg(ctx.ledgerPath)};
    auto store = Store::open(ctx.ledgerPath,
                             createIfMissing ? Store::OpenMode::OpenOrCreate
                                             : Store::OpenMode::OpenExisting);
    if (!store)
        return store.error();
    ctx.adopt(std::move(store.value()));
    return {};
}

// The token lives beside the ledger (or in the keychain), named by the ledger's device id.
CredentialStore credentialsFor(Context &ctx)
{
    return CredentialStore(ctx.store().deviceId(), QFileInfo(ctx.ledgerPath).absolutePath());
}

Result<QList<QUrl>> parseServers(const QString &text)
{
    QList<QUrl> urls;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QUrl url(part.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
            return validationError(u"server"_s, u"invalid-url"_s,
                                   u"'%1' is not an http:// or https:// address"_s.arg(part));
        urls.append(url);
    }
    if (urls.isEmpty())
        return validationError(u"server"_s, u"invalid-url"_s, u"no server address given"_s);
    return urls;
}

void declarePassword(CommandLine &l)
{
    l.addOption(u"password-file"_s, u"Read the password from the first line of FILE."_s, u"FILE"_s);
    l.addOption(u"password-stdin"_s, u"Read the password from the first line of standard input."_s);
}

// A password never travels on the command line, where `ps` and shell history would show it.
Result<QString> readPassword(const CommandLine &l)
{
    const bool fromFile = l.isSet(u"password-file"_s);
    const bool fromStdin = l.isSet(u"password-stdin"_s);
    if (fromFile == fromStdin)
        return usageError(
            u"'%1' needs exactly one of --password-file FILE and --password-stdin"_s.arg(
                l.command()));
    QFile file;
    if (fromStdin) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error {ErrorKind::Io, u"password"_s, u"unreadable"_s,
                          u"cannot read standard input"_s};
    } else {
        file.setFileName(l.value(u"password-file"_s));
        if (!file.open(QIODevice::ReadOnly))
            return Error {ErrorKind::Io, u"password-file"_s, u"unreadable"_s,
                          u"cannot read '%1': %2"_s.arg(file.fileName(), file.errorString())};
    }
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return validationError(u"password"_s, u"empty-password"_s, u"the password is empty"_s);
    return QString::fromUtf8(line);
}

QString textOrDash(const QString &s)
{
    return s.isEmpty() ? u"-"_s : s;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isNull() || v.isUndefined())
        return u"null"_s;
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return QString::number(v.toDouble(), 'g', 17);
}

QString setting(const Replica &replica, const char *key)
{
    auto v = replica.setting(QString::fromLatin1(key));
    return v ? v.value() : QString();
}

// Prepares an engine for one cycle: servers from the ledger, token from the credential store.
Status restore(SyncEngine &engine, Context &ctx)
{
    if (!engine.restoreSession())
        return Error {ErrorKind::Usage, u"account"_s, u"not-signed-in"_s,
                      u"'%1' is not signed in to a sync server; run 'kontor-cli sync signin' "
                      "first"_s.arg(ctx.ledgerPath)};
    return {};
}

SyncResult runCycle(SyncEngine &engine)
{
    return waitFor<SyncResult>([&](std::function<void(SyncResult)> done) {
        QObject::connect(&engine, &SyncEngine::finished, &engine,
                         [done](const SyncResult &r) { done(r); });
        engine.syncNow();
    });
}

// ---- signup ---------------------------------------------------------------------------------

void declareSignup(CommandLine &l)
{
    l.addHelpParagraph(u"Creates an account for a business on the sync service and prints its "
                       "tenant id. Sign each ledger in afterwards with 'sync signin'. No ledger "
                       "is needed."_s);
    l.addOption(u"server"_s, u"The sync service, e.g. https://sync.example.com (required)."_s,
                u"URL"_s);
    l.addOption(u"email"_s, u"The account's e-mail address (required)."_s, u"ADDRESS"_s);
    l.addOption(u"business"_s, u"The business's name (required)."_s, u"NAME"_s);
    declarePassword(l);
}

Status runSignup(Context &ctx, const CommandLine &l)
{
    auto server = l.required(u"server"_s);
    KONTOR_TRY(server);
    auto email = l.required(u"email"_s);
    KONTOR_TRY(email);
    auto business = l.required(u"business"_s);
    KONTOR_TRY(business);
    auto urls = parseServers(server.value());
    KONTOR_TRY(urls);
    auto password = readPassword(l);
    KONTOR_TRY(password);

    Sync::SyncClient client;
    client.setEndpoints(urls.value());
    auto tenant = waitFor<Result<QString>>([&](std::function<void(Result<QString>)> done) {
        client.createAccount(email.value(), password.value(), business.value(), done);
    });
    if (!tenant)
        return forCli(tenant.error());
    if (ctx.json)
        ctx.printJson({{u"tenantId"_s, tenant.value()}, {u"email"_s, email.value()}});
    else
        ctx.out() << tenant.value() << u'\n';
    ctx.message(u"created the account %1 for %2"_s.arg(email.value(), business.value()));
    return {};
}

// ---- signin ---------------------------------------------------------------------------------

void declareSignin(CommandLine &l)
{
    l.addHelpParagraph(u"Signs the ledger in to the sync service: registers this ledger as a "
                       "device of the account, keeps the server list in the ledger and the "
                       "device's token in the system keychain or, without one, in a file only "
                       "you can read beside the ledger. A ledger file that does not exist is "
                       "created empty: 'sync once' then brings the books from the server."_s);
    l.addOption(u"server"_s,
                u"The sync service; several zone addresses separated by commas are tried in "
                "order (required)."_s,
                u"URL[,URL...]"_s);
    l.addOption(u"email"_s, u"The account's e-mail address (required)."_s, u"ADDRESS"_s);
    l.addOption(u"device-name"_s, u"A name for this device (default: the host name)."_s, u"NAME"_s);
    declarePassword(l);
}

Status runSignin(Context &ctx, const CommandLine &l)
{
    auto server = l.required(u"server"_s);
    KONTOR_TRY(server);
    auto email = l.required(u"email"_s);
    KONTOR_TRY(email);
    auto urls = parseServers(server.value());
    KONTOR_TRY(urls);
    auto password = readPassword(l);
    KONTOR_TRY(password);
    const QString deviceName
        = l.isSet(u"device-name"_s) ? l.value(u"device-name"_s) : QSysInfo::machineHostName();
    if (ctx.ledgerPath.isEmpty())
        return usageError(u"no ledger given: pass --ledger FILE or set KONTOR_LEDGER"_s);
    const bool created = !QFileInfo::exists(ctx.ledgerPath);
    KONTOR_TRY(openForSync(ctx, true));

    Replica replica(ctx.ledger());
    CredentialStore credentials = credentialsFor(ctx);
    SyncEngine engine(replica);
    engine.setCredentialStore(&credentials);
    const Status signedIn = waitFor<Status>([&](std::function<void(Status)> done) {
        engine.signIn(urls.value(), email.value(), password.value(), deviceName, done);
    });
    if (!signedIn) {
        if (created) {
            ctx.closeLedger();
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
                QFile::remove(ctx.ledgerPath + suffix);
        }
        return forCli(signedIn.error());
    }
    const QString tenant = setting(replica, SyncEngine::TenantSetting);
    if (ctx.json) {
        QJsonArray servers;
        for (const QUrl &u : urls.value())
            servers.append(u.toString());
        ctx.printJson({{u"deviceId"_s, ctx.store().deviceId()},
                       {u"deviceName"_s, deviceName},
                       {u"tenantId"_s, tenant},
                       {u"servers"_s, servers},
                       {u"credentials"_s, credentials.location()}});
    } else {
        ctx.out() << ctx.store().deviceId() << u'\n';
    }
    ctx.message(u"signed in as %1 (device '%2'); the token is kept in %3"_s.arg(
        email.value(), deviceName, credentials.location()));
    return {};
}

// ---- once -----------------------------------------------------------------------------------

void declareOnce(CommandLine &l)
{
    l.addHelpParagraph(u"Runs one sync cycle: sends the changes made here, receives the "
                       "changes of the other devices (a new ledger first receives a snapshot "
                       "of the books), and prints what moved. Exits with 0 when the cycle "
                       "completed, 74 when no server could be reached."_s);
}

QJsonObject resultJson(const SyncResult &r, SyncEngine &engine, Replica &replica)
{
    QJsonObject o {{u"ok"_s, r.ok},
                   {u"pushed"_s, r.pushed},
                   {u"pulled"_s, r.pulled},
                   {u"rejected"_s, r.rejected},
                   {u"conflicts"_s, r.conflicts},
                   {u"pending"_s, engine.pendingCount()}};
    if (auto cursor = replica.cursor())
        o.insert(u"cursor"_s,
                 QJsonObject {{u"epoch"_s, cursor->first}, {u"seq"_s, cursor->second}});
    if (!r.ok)
        o.insert(u"error"_s,
                 QJsonObject {{u"rule"_s, r.error.rule},
                              {u"field"_s, r.error.field},
                              {u"message"_s, r.error.message}});
    return o;
}

Status runOnce(Context &ctx, const CommandLine &)
{
    KONTOR_TRY(openForSync(ctx, false));
    Replica replica(ctx.ledger());
    CredentialStore credentials = credentialsFor(ctx);
    SyncEngine engine(replica);
    engine.setCredentialStore(&credentials);
    KONTOR_TRY(restore(engine, ctx));
    const SyncResult r = runCycle(engine);
    if (ctx.json)
        ctx.printJson(resultJson(r, engine, replica));
    else if (r.ok)
        ctx.out() << u"pushed %1, pulled %2, rejected %3, conflicts %4, pending %5\n"_s
                         .arg(r.pushed)
                         .arg(r.pulled)
                         .arg(r.rejected)
                         .arg(r.conflicts)
                         .arg(engine.pendingCount());
    if (!r.ok)
        return forCli(r.error);
    if (r.rejected > 0 || r.conflicts > 0)
        ctx.message(u"see 'kontor-cli sync conflicts' for the refused changes and conflicts"_s);
    return {};
}

// ---- status ---------------------------------------------------------------------------------

void declareStatus(CommandLine &l)
{
    l.addHelpParagraph(u"Shows the ledger's sync account and where it stands: servers, "
                       "changes waiting to be sent, the position in the server's log, the last "
                       "successful sync, and the open conflicts and refused changes. Works "
                       "offline."_s);
}

Status runStatus(Context &ctx, const CommandLine &)
{
    KONTOR_TRY(openForSync(ctx, false));
    Replica replica(ctx.ledger());
    CredentialStore credentials = credentialsFor(ctx);
    auto token = credentials.load();
    const bool signedIn = token.ok() && !token->isEmpty();
    const QStringList servers
        = setting(replica, SyncEngine::ServersSetting).split(u' ', Qt::SkipEmptyParts);
    auto pending = replica.pendingCount();
    KONTOR_TRY(pending);
    auto cursor = replica.cursor();
    KONTOR_TRY(cursor);
    auto conflicts = replica.conflicts();
    KONTOR_TRY(conflicts);
    auto rejections = replica.rejections();
    KONTOR_TRY(rejections);
    const QString lastSync = setting(replica, SyncEngine::LastSyncSetting);
    const QString lastError = setting(replica, SyncEngine::LastErrorSetting);

    if (ctx.json) {
        ctx.printJson(
            {{u"signedIn"_s, signedIn},
             {u"deviceId"_s, ctx.store().deviceId()},
             {u"deviceName"_s, setting(replica, SyncEngine::DeviceNameSetting)},
             {u"email"_s, setting(replica, SyncEngine::EmailSetting)},
             {u"tenantId"_s, setting(replica, SyncEngine::TenantSetting)},
             {u"servers"_s, QJsonArray::fromStringList(servers)},
             {u"credentials"_s, signedIn ? credentials.location() : QString()},
             {u"pending"_s, pending.value()},
             {u"cursor"_s, QJsonObject {{u"epoch"_s, cursor->first}, {u"seq"_s, cursor->second}}},
             {u"lastSync"_s, lastSync},
             {u"lastError"_s, lastError},
             {u"conflicts"_s, conflicts->size()},
             {u"rejections"_s, rejections->size()}});
        return {};
    }
    QTextStream &out = ctx.out();
    out << u"signed in:    "_s
        << (signedIn ? u"yes, as %1"_s.arg(setting(replica, SyncEngine::EmailSetting)) : u"no"_s)
        << u'\n';
    out << u"device:       "_s << ctx.store().deviceId();
    if (const QString name = setting(replica, SyncEngine::DeviceNameSetting); !name.isEmpty())
        out << u" ("_s << name << u')';
    out << u'\n';
    out << u"servers:      "_s << textOrDash(servers.join(u", "_s)) << u'\n';
    if (signedIn)
        out << u"token kept:   "_s << credentials.location() << u'\n';
    out << u"pending:      "_s << pending.value() << u" change(s) not yet sent\n"_s;
    out << u"position:     "_s
        << (cursor->first.isEmpty() ? u"never synced"_s
                                    : u"epoch %1, seq %2"_s.arg(cursor->first).arg(cursor->second))
        << u'\n';
    out << u"last sync:    "_s << textOrDash(lastSync) << u'\n';
    if (!lastError.isEmpty())
        out << u"last error:   "_s << lastError << u'\n';
    out << u"conflicts:    "_s << conflicts->size() << u'\n';
    out << u"refused:      "_s << rejections->size() << u'\n';
    return {};
}

// ---- conflicts ------------------------------------------------------------------------------

void declareConflicts(CommandLine &l)
{
    l.addHelpParagraph(u"Lists the values that lost a merge (another device changed the same "
                       "field later) and the local changes the server refused, with the rule "
                       "and what was done about them (an edit of an issued document is kept as "
                       "a new draft)."_s);
    l.addOption(u"all"_s, u"Include resolved entries."_s);
}

Status runConflicts(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(openForSync(ctx, false));
    Replica replica(ctx.ledger());
    const bool all = l.isSet(u"all"_s);
    auto conflicts = replica.conflicts(all);
    KONTOR_TRY(conflicts);
    auto rejections = replica.rejections(all);
    KONTOR_TRY(rejections);

    if (ctx.json) {
        QJsonArray c;
        for (const ConflictEntry &e : conflicts.value())
            c.append(QJsonObject {{u"id"_s, e.id},
                                  {u"entity"_s, e.entity},
                                  {u"entityId"_s, e.entityId},
                                  {u"field"_s, e.field},
                                  {u"lostValue"_s, e.lostValue},
                                  {u"lostClock"_s, e.lostClock},
                                  {u"keptValue"_s, e.keptValue},
                                  {u"keptClock"_s, e.keptClock},
                                  {u"createdAt"_s, e.createdAt},
                                  {u"resolved"_s, e.resolved}});
        QJsonArray r;
        for (const RejectionEntry &e : rejections.value())
            r.append(QJsonObject {{u"opId"_s, e.opId},
                                  {u"entity"_s, e.entity},
                                  {u"entityId"_s, e.entityId},
                                  {u"kind"_s, e.kind},
                                  {u"fields"_s, e.fields},
                                  {u"rule"_s, e.rule},
                                  {u"field"_s, e.field},
                                  {u"message"_s, e.message},
                                  {u"createdAt"_s, e.createdAt},
                                  {u"resolution"_s, e.resolution}});
        ctx.printJson({{u"conflicts"_s, c}, {u"rejections"_s, r}});
        return {};
    }
    QTextStream &out = ctx.out();
    if (conflicts->isEmpty()) {
        out << u"no conflicts\n"_s;
    } else {
        Table t({u"ENTITY"_s, u"FIELD"_s, u"LOST VALUE"_s, u"KEPT VALUE"_s, u"ID"_s});
        for (const ConflictEntry &e : conflicts.value())
            t.addRow({e.entity, e.field, jsonText(e.lostValue).left(60),
                      jsonText(e.keptValue).left(60), e.entityId});
        out << u"Conflicts:\n"_s;
        t.print(out);
    }
    if (rejections->isEmpty()) {
        out << u"no refused changes\n"_s;
    } else {
        Table t({u"ENTITY"_s, u"CHANGE"_s, u"RULE"_s, u"MESSAGE"_s, u"RESOLUTION"_s, u"ID"_s});
        for (const RejectionEntry &e : rejections.value())
            t.addRow({e.entity, e.kind, e.rule, e.message, textOrDash(e.resolution), e.entityId});
        out << u"Refused changes:\n"_s;
        t.print(out);
    }
    return {};
}

// ---- signout --------------------------------------------------------------------------------

void declareSignout(CommandLine &l)
{
    l.addHelpParagraph(u"Signs this device out: asks the server to revoke its token, then "
                       "forgets the token here, so the ledger stops syncing. The ledger keeps all "
                       "its data and its server list; 'sync signin' resumes where it stopped. "
                       "When the server cannot be reached the token is forgotten here all the "
                       "same, and the device stays on the account's device list until it is "
                       "removed there (a warning says so); --local skips asking the server."_s);
    l.addOption(u"local"_s, u"Only forget the token here; do not ask the server to revoke it."_s);
}

Status runSignout(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(openForSync(ctx, false));
    CredentialStore credentials = credentialsFor(ctx);
    Replica replica(ctx.ledger());
    SyncEngine engine(replica);
    engine.setCredentialStore(&credentials);
    if (l.isSet(u"local"_s) || !engine.restoreSession()) {
        KONTOR_TRY(credentials.remove());
        ctx.message(u"signed out; %1 keeps its data"_s.arg(ctx.ledgerPath));
        return {};
    }
    const Status revoked
        = waitFor<Status>([&](std::function<void(Status)> done) { engine.signOutAndRevoke(done); });
    if (auto left = credentials.load(); left.ok() && !left->isEmpty())
        return Error {ErrorKind::Io, u"credentials"_s, u"not-removed"_s,
                      u"the token of '%1' could not be removed"_s.arg(ctx.ledgerPath)};
    if (!revoked)
        ctx.message(
            u"warning: the server did not revoke this device (%1); it stays on the "
            "account's device list until it is removed there"_s.arg(revoked.error().toString()));
    ctx.message(revoked ? u"signed out; the server revoked this device; %1 keeps its data"_s.arg(
                    ctx.ledgerPath)
                        : u"signed out here; %1 keeps its data"_s.arg(ctx.ledgerPath));
    if (ctx.json)
        ctx.printJson({{u"signedOut"_s, true}, {u"revoked"_s, revoked.ok()}});
    return {};
}

// ---- lease ----------------------------------------------------------------------------------

void declareLease(CommandLine &l)
{
    l.addHelpParagraph(u"Takes the lease of a number series for this device, so invoices can "
                       "be issued here in that series. Needs the server. A series held by "
                       "another device is only taken with --force (that device can then no "
                       "longer issue in it). Syncs afterwards."_s);
    l.addPositional(u"series"_s, u"The series: id, prefix or name."_s, u"SERIES"_s);
    l.setPositionalRange(1, 1);
    l.addOption(u"force"_s, u"Take the series over from the device that holds it."_s);
}

Status runLease(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto series = findSeries(ctx.ledger(), l.positional(0), u"series"_s);
    KONTOR_TRY(series);
    Replica replica(ctx.ledger());
    CredentialStore credentials = credentialsFor(ctx);
    SyncEngine engine(replica);
    engine.setCredentialStore(&credentials);
    KONTOR_TRY(restore(engine, ctx));
    const Status taken = waitFor<Status>([&](std::function<void(Status)> done) {
        engine.takeLease(series->id, l.isSet(u"force"_s), done);
    });
    if (!taken)
        return forCli(taken.error());
    // The grant is a change in the log like any other: one cycle brings it into the ledger.
    const SyncResult r = runCycle(engine);
    if (!r.ok)
        return forCli(r.error);
    auto after = ctx.ledger().series(series->id);
    KONTOR_TRY(after);
    const bool held = after->holderDeviceId == ctx.store().deviceId();
    if (ctx.json) {
        ctx.printJson({{u"seriesId"_s, after->id},
                       {u"prefix"_s, after->prefix},
                       {u"holderDeviceId"_s, after->holderDeviceId},
                       {u"held"_s, held},
                       {u"nextNumber"_s, after->nextNumber}});
    } else {
        ctx.out() << after->format(after->nextNumber) << u'\n';
    }
    ctx.message(held ? u"this device now holds the series %1; its next number is %2"_s.arg(
                    after->name, after->format(after->nextNumber))
                     : u"the server granted the lease of %1, but the ledger does not show it "
                       "yet; run 'kontor-cli sync once'"_s.arg(after->name));
    return {};
}

} // namespace

QList<CommandSpec> syncCommands()
{
    return {
        {u"sync"_s, u"signup"_s, u"Create an account on the sync service."_s, declareSignup,
         runSignup},
        {u"sync"_s, u"signin"_s, u"Sign this ledger in to the sync service."_s, declareSignin,
         runSignin},
        {u"sync"_s, u"once"_s, u"Run one sync cycle (send, receive) and report it."_s, declareOnce,
         runOnce},
        {u"sync"_s, u"status"_s, u"Show the sync account, pending changes and position."_s,
         declareStatus, runStatus},
        {u"sync"_s, u"conflicts"_s, u"List merge conflicts and changes the server refused."_s,
         declareConflicts, runConflicts},
        {u"sync"_s, u"signout"_s, u"Forget this device's sync token."_s, declareSignout,
         runSignout},
        {u"sync"_s, u"lease"_s, u"Take a number series' lease for this device."_s, declareLease,
         runLease},
    };
}

} // namespace Kontor::Cli
