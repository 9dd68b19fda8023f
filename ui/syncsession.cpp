#include "syncsession.h"

#include "jsoncodec.h"
#include "jsondecode.h"
#include "ledger.h"
#include "localsyncfeed.h"
#include "store.h"
#include "syncstatus.h"
#include "synctexts.h"
#include "uicontext.h"

#include <QDir>
#include <QHostAddress>
#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

using Sync::SyncEngine;

// Every kind of record a remote change can touch, in the order views depend on each other:
// what documents refer to first.
const QStringList kEntities
    = {u"company"_s, u"tax_rate"_s, u"series"_s, u"customer"_s,    u"product"_s,
       u"expense"_s, u"invoice"_s,  u"quote"_s,  u"credit_note"_s, u"payment"_s};

bool isDocument(const QString &entity)
{
    return entity == u"invoice"_s || entity == u"quote"_s || entity == u"credit_note"_s;
}

QString setting(const Replica &replica, const char *key)
{
    auto value = replica.setting(QString::fromLatin1(key));
    return value ? value.value() : QString();
}

Error cannotRestore(const QString &entity)
{
    return Error {ErrorKind::Usage, QString(), u"cannot-restore"_s,
                  SyncSession::tr("A value of a %1 cannot be restored here; change it in the "
                                  "record itself.")
                      .arg(Ui::SyncTexts::entityName(entity).toLower())};
}

// The record's JSON form with one field replaced, read back into the record, and written
// through the Ledger's own update, which checks it with the rules and records it in the outbox.
template<typename T, typename Decode>
Result<T> withField(const T &record, const QString &field, const QJsonValue &value, Decode decode,
                    const QStringList &drop = {})
{
    QJsonObject json = toJson(record);
    for (const QString &key : drop)
        json.remove(key);
    json.insert(field, value);
    return decode(json);
}

Status restoreValue(Ledger &ledger, const QString &entity, const QString &id, const QString &field,
                    const QJsonValue &value)
{
    if (field == u"id"_s)
        return cannotRestore(entity);
    if (entity == u"customer"_s) {
        auto current = ledger.customer(id);
        KONTOR_TRY(current);
        auto restored = withField(current.value(), field, value, customerFromJson);
        KONTOR_TRY(restored);
        return ledger.updateCustomer(restored.value());
    }
    if (entity == u"product"_s) {
        auto current = ledger.product(id);
        KONTOR_TRY(current);
        auto restored = withField(current.value(), field, value, productFromJson);
        KONTOR_TRY(restored);
        return ledger.updateProduct(restored.value());
    }
    if (entity == u"expense"_s) {
        if (field == u"receipts"_s)
            return cannotRestore(entity);
        auto current = ledger.expense(id);
        KONTOR_TRY(current);
        // Receipts are records of their own; the update keeps the expense's.
        auto restored = withField(current.value(), field, value, expenseFromJson, {u"receipts"_s});
        KONTOR_TRY(restored);
        return ledger.updateExpense(restored.value());
    }
    if (entity == u"tax_rate"_s) {
        const auto current = ledger.taxRate(id);
        if (!current)
            return Error {ErrorKind::NotFound, u"id"_s, u"not-found"_s,
                          SyncSession::tr("The tax rate no longer exists.")};
        auto restored = withField(*current, field, value, taxRateFromJson);
        KONTOR_TRY(restored);
        return ledger.updateTaxRate(restored.value());
    }
    if (entity == u"company"_s) {
        auto current = ledger.company();
        KONTOR_TRY(current);
        auto restored = withField(current.value(), field, value, companyFromJson);
        KONTOR_TRY(restored);
        return ledger.setCompany(restored.value());
    }
    if (isDocument(entity)) {
        auto current = ledger.document(id);
        KONTOR_TRY(current);
        if (current->isIssued())
            return Error {ErrorKind::Conflict, QString(), u"immutable"_s,
                          SyncSession::tr("The document has been issued since; an issued "
                                          "document cannot be changed.")};
        auto restored = withField(current.value(), field, value, documentFromJson);
        KONTOR_TRY(restored);
        Document draft = restored.value();
        draft.id = current->id;
        draft.kind = current->kind;
        auto updated = ledger.updateDraft(draft);
        KONTOR_TRY(updated);
        return {};
    }
    return cannotRestore(entity);
}

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error fieldError(const QString &field, const QString &rule, const QString &message = {})
{
    return Error {ErrorKind::Validation, field, rule, message};
}

} // namespace

SyncSession::SyncSession(Ledger &ledger, LedgerEvents &events, SyncStatus &status, QObject *parent)
    : SyncSession(ledger, events, status, Options(), parent)
{ }

SyncSession::SyncSession(Ledger &ledger, LedgerEvents &events, SyncStatus &status,
                         const Options &options, QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_events(events)
    , m_status(status)
    , m_replica(ledger)
    // The ledger's device id names the token, so two ledgers keep two sign-ins.
    , m_credentials(ledger.deviceId(), options.credentialDirectory, options.credentialPreference)
{
    m_engine = options.transport ? std::make_unique<SyncEngine>(m_replica, options.transport)
                                 : std::make_unique<SyncEngine>(m_replica);
    m_engine->setCredentialStore(&m_credentials);

    SyncEngine *engine = m_engine.get();
    connect(engine, &SyncEngine::stateChanged, this, &SyncSession::updateStatus);
    connect(engine, &SyncEngine::pendingCountChanged, this, [this](qint64 count) {
        if (isSignedIn())
            m_status.setPendingChanges(count);
    });
    connect(engine, &SyncEngine::finished, this, [this](const Sync::SyncResult &result) {
        updateStatus();
        // A snapshot's conflicts are counted in the result only.
        if (result.conflicts > 0)
            Q_EMIT conflictsChanged();
        if (result.rejected > 0)
            Q_EMIT rejectionsChanged();
        Q_EMIT syncFinished(result);
    });
    connect(engine, &SyncEngine::conflictsChanged, this, &SyncSession::conflictsChanged);
    connect(engine, &SyncEngine::rejectionsChanged, this, [this] {
        // A refused edit of an issued document comes back as a new draft: lists show it.
        announceRemoteChanges();
        Q_EMIT rejectionsChanged();
    });
    connect(engine, &SyncEngine::remoteChangesApplied, this, &SyncSession::announceRemoteChanges);
    connect(&m_events, &LedgerEvents::changed, this, &SyncSession::onLocalChange);

    updateStatus();
}

SyncSession::~SyncSession()
{
    // The engine's callbacks and timers end here, before the ledger they write into.
    m_engine->stop();
}

bool SyncSession::restoreAndStart()
{
    const bool signedIn = m_engine->restoreSession();
    if (signedIn)
        m_engine->start();
    updateStatus();
    return signedIn;
}

void SyncSession::stop()
{
    m_engine->stop();
}

SyncSession::Account SyncSession::account() const
{
    Account a;
    a.email = setting(m_replica, SyncEngine::EmailSetting);
    a.tenantId = setting(m_replica, SyncEngine::TenantSetting);
    a.deviceName = setting(m_replica, SyncEngine::DeviceNameSetting);
    a.deviceId = m_ledger.deviceId();
    a.servers = setting(m_replica, SyncEngine::ServersSetting).split(u' ', Qt::SkipEmptyParts);
    return a;
}

QString SyncSession::tokenLocation() const
{
    if (m_credentials.backend() == Sync::CredentialStore::Backend::Keychain)
        return tr("in the system keychain");
    return tr("in a file only your user account can read: %1")
        .arg(QDir::toNativeSeparators(m_credentials.filePath()));
}

Result<QList<QUrl>> SyncSession::parseServers(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return fieldError(u"servers"_s, u"no-server"_s,
                          tr("Give the address of at least one sync server, such as "
                             "https://sync.example.com."));
    QList<QUrl> urls;
    for (const QString &part : parts) {
        const QUrl url(part, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s))
            return fieldError(u"servers"_s, u"invalid-url"_s,
                              tr("\"%1\" is not a web address; write it as "
                                 "https://sync.example.com.")
                                  .arg(part));
        // The password and the token travel with the requests.
        if (scheme == u"http"_s && !isLoopback(url.host()))
            return fieldError(u"servers"_s, u"insecure-url"_s,
                              tr("\"%1\" is not encrypted; use https:// (http:// only for a "
                                 "server on this computer).")
                                  .arg(part));
        if (!urls.contains(url))
            urls.append(url);
    }
    return urls;
}

Status SyncSession::validateAccountInput(const QString &servers, const QString &email,
                                         const QString &password, const QString &deviceName)
{
    auto urls = parseServers(servers);
    KONTOR_TRY(urls);
    const QString address = email.trimmed();
    if (address.isEmpty())
        return fieldError(u"email"_s, u"required"_s);
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at != address.lastIndexOf(u'@') || at == address.size() - 1
        || address.contains(u' '))
        return fieldError(u"email"_s, u"invalid-email"_s);
    if (password.isEmpty())
        return fieldError(u"password"_s, u"required"_s);
    if (deviceName.trimmed().isEmpty())
        return fieldError(u"deviceName"_s, u"required"_s);
    return {};
}

void SyncSession::signIn(const QString &servers, const QString &email, const QString &password,
                         const QString &deviceName, std::function<void(Status)> done)
{
    if (Status valid = validateAccountInput(servers, email, password, deviceName); !valid) {
        done(valid);
        return;
    }
    const QList<QUrl> urls = parseServers(servers).value();
    QPointer<SyncSession> self(this);
    m_engine->signIn(urls, email.trimmed(), password, deviceName.trimmed(),
                     [this, self, done = std::move(done)](Status status) {
                         if (!self)
                             return;
                         if (status)
                             m_engine->start();
                         updateStatus();
                         if (status)
                             Q_EMIT accountChanged();
                         done(std::move(status));
                     });
}

void SyncSession::signUp(const QString &servers, const QString &email, const QString &password,
                         const QString &deviceName, const QString &business,
                         std::function<void(Status)> done)
{
    if (Status valid = validateAccountInput(servers, email, password, deviceName); !valid) {
        done(valid);
        return;
    }
    const QList<QUrl> urls = parseServers(servers).value();
    QPointer<SyncSession> self(this);
    m_engine->signUp(urls, email.trimmed(), password, business.trimmed(),
                     [this, self, servers, email, password, deviceName,
                      done = std::move(done)](Result<QString> tenant) mutable {
                         if (!self)
                             return;
                         if (!tenant) {
                             done(tenant.error());
                             return;
                         }
                         signIn(servers, email, password, deviceName, std::move(done));
                     });
}

Status SyncSession::signOut()
{
    Status removed = m_engine->signOut();
    updateStatus();
    Q_EMIT accountChanged();
    return removed;
}

void SyncSession::syncNow()
{
    m_engine->syncNow();
}

QString SyncSession::lastErrorText() const
{
    const Error error = m_engine->lastError();
    if (!error.message.isEmpty())
        return Ui::SyncTexts::describeError(error);
    return setting(m_replica, SyncEngine::LastErrorSetting);
}

Status SyncSession::keepMine(const ConflictEntry &conflict)
{
    {
        WriteTransaction tx(m_ledger.store());
        if (!tx.isOpen())
            return tx.beginError();
        KONTOR_TRY(restoreValue(m_ledger, conflict.entity, conflict.entityId, conflict.field,
                                conflict.lostValue));
        KONTOR_TRY(m_replica.resolveConflict(conflict.id));
        KONTOR_TRY(tx.commit());
    }
    // A local edit like any other: views reload and the engine sends it.
    Q_EMIT m_events.changed(conflict.entity, conflict.entityId);
    Q_EMIT conflictsChanged();
    return {};
}

Status SyncSession::dismissConflict(qint64 conflictId)
{
    KONTOR_TRY(m_replica.resolveConflict(conflictId));
    Q_EMIT conflictsChanged();
    return {};
}

Result<QString> SyncSession::openRejectionAsDraft(const RejectionEntry &rejection)
{
    static const QString keptPrefix = u"kept-as-draft:"_s;
    if (rejection.resolution.startsWith(keptPrefix)) {
        const QString id = rejection.resolution.mid(keptPrefix.size());
        auto draft = m_ledger.document(id);
        if (!draft)
            return Error {ErrorKind::NotFound, QString(), u"not-found"_s,
                          tr("The draft kept for this change no longer exists.")};
        return id;
    }
    if (!isDocument(rejection.entity))
        return Error {ErrorKind::Usage, QString(), u"not-a-document"_s,
                      tr("Only a change of an invoice, quote or credit note can be opened as a "
                         "new draft.")};

    QString draftId;
    DocumentKind kind = DocumentKind::Invoice;
    {
        WriteTransaction tx(m_ledger.store());
        if (!tx.isOpen())
            return tx.beginError();
        auto kept = Sync::keepRefusedEditAsDraft(m_ledger, rejection.entityId, rejection.fields);
        KONTOR_TRY(kept);
        auto draft = m_ledger.document(kept.value());
        KONTOR_TRY(draft);
        KONTOR_TRY(m_replica.resolveRejection(rejection.opId, keptPrefix + draft->id));
        KONTOR_TRY(tx.commit());
        draftId = draft->id;
        kind = draft->kind;
    }
    Q_EMIT m_events.changed(documentKindName(kind), draftId);
    Q_EMIT rejectionsChanged();
    return draftId;
}

Status SyncSession::dismissRejection(const QString &opId)
{
    KONTOR_TRY(m_replica.resolveRejection(opId, u"dismissed"_s));
    Q_EMIT rejectionsChanged();
    return {};
}

void SyncSession::updateStatus()
{
    if (!isSignedIn()) {
        m_status.setErrorText(QString());
        m_status.setLastSync(QDateTime());
        if (m_localFeed)
            m_localFeed->refresh();
        else
            m_localFeed = std::make_unique<LocalSyncFeed>(m_ledger.store(), m_events, m_status);
        m_status.setState(SyncStatus::State::LocalOnly);
        return;
    }
    m_localFeed.reset();
    const Error error = m_engine->lastError();
    m_status.setErrorText(error.message.isEmpty() ? QString()
                                                  : Ui::SyncTexts::describeError(error));
    m_status.setPendingChanges(m_engine->pendingCount());
    const QDateTime last = m_engine->lastSyncTime();
    m_status.setLastSync(last.isValid() ? last.toLocalTime() : QDateTime());
    switch (m_engine->state()) {
    case SyncEngine::State::Idle:
        m_status.setState(SyncStatus::State::Online);
        break;
    case SyncEngine::State::Syncing:
        m_status.setState(SyncStatus::State::Syncing);
        break;
    case SyncEngine::State::Error:
        m_status.setState(SyncStatus::State::Error);
        break;
    case SyncEngine::State::Disabled: // signed in, not running (yet, or any more)
    case SyncEngine::State::Offline:
        m_status.setState(SyncStatus::State::Offline);
        break;
    }
}

void SyncSession::announceRemoteChanges()
{
    m_announcingRemote = true;
    for (const QString &entity : kEntities)
        Q_EMIT m_events.changed(entity, QString());
    m_announcingRemote = false;
    if (isSignedIn())
        m_status.setPendingChanges(m_engine->pendingCount());
}

void SyncSession::onLocalChange()
{
    if (m_announcingRemote || !isSignedIn())
        return;
    m_engine->notifyLocalChange();
}

} // namespace Kontor
