// The sync of the open ledger as the desktop uses it. It keeps together the replica over the
// ledger, the sync engine and the store of the device's token, and connects them to the rest of
// the window:
//
// - the status bar's SyncStatus follows the engine (offline, online, syncing, error, changes not
//   yet sent, last sync) while the ledger is signed in, and says "Local only" with the number of
//   recorded changes while it is not (LocalSyncFeed);
// - a local write announced through LedgerEvents makes the engine sync shortly after;
// - changes that arrive from other devices are announced through LedgerEvents, once per kind of
//   record, so lists, the dashboard and open editors reload;
// - the account operations of Settings > Sync account and the actions of the Sync panel
//   ("Keep mine", "Open as new draft", "Dismiss") run here, each write through the Ledger API
//   so it is recorded in the outbox and synced like any other edit.
//
// Without a server nothing of this is needed: a ledger that was never signed in stays "Local
// only" and the engine never starts.
#pragma once

#include "credentialstore.h"
#include "replica.h"
#include "result.h"
#include "syncengine.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace Kontor {

class Ledger;
class LedgerEvents;
class LocalSyncFeed;
class SyncStatus;

class SyncSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Where the token file goes when there is no keychain; empty: AppDataLocation.
        QString credentialDirectory;
        Sync::CredentialStore::Preference credentialPreference
            = Sync::CredentialStore::Preference::Auto;
        // Not owned. Null: the engine talks HTTP (SyncClient); tests pass a fake.
        Sync::SyncTransport *transport = nullptr;
    };

    // What Settings > Sync account shows of the account this ledger is signed in to.
    struct Account
    {
        QString email;
        QString tenantId;
        QString deviceName;
        QString deviceId;
        QStringList servers;
    };

    SyncSession(Ledger &ledger, LedgerEvents &events, SyncStatus &status,
                QObject *parent = nullptr);
    SyncSession(Ledger &ledger, LedgerEvents &events, SyncStatus &status, const Options &options,
                QObject *parent = nullptr);
    ~SyncSession() override;

    Ledger &ledger() { return m_ledger; }
    Replica &replica() { return m_replica; }
    Sync::SyncEngine &engine() { return *m_engine; }
    Sync::CredentialStore &credentials() { return m_credentials; }

    // Reads the servers from the ledger and the token from where it is kept; starts syncing
    // when the ledger is signed in. False (and "Local only") when it is not.
    bool restoreAndStart();
    // Stops syncing (the ledger is being closed or switched); nothing half-applied remains.
    void stop();

    bool isSignedIn() const { return m_engine->hasCredentials(); }
    Account account() const;
    // Where the token is kept, as a sentence for the user: "in the system keychain", or "in a
    // file only your user account can read: <path>".
    QString tokenLocation() const;

    // The servers typed by the user: URLs separated by commas, spaces or new lines. Each must be
    // an http or https address with a host (http only to this computer, since the password
    // travels with the request). An error names the field "servers".
    static Result<QList<QUrl>> parseServers(const QString &text);
    // Checks what sign-in and sign-up need before anything is sent: servers, an e-mail address,
    // a password and a device name. Errors name the field: "servers", "email", "password",
    // "deviceName".
    static Status validateAccountInput(const QString &servers, const QString &email,
                                       const QString &password, const QString &deviceName);

    // Asynchronous; `done` is called once (not at all when the session is gone first). On
    // success the ledger is signed in and syncing. signUp creates the account (for the business
    // `business`) and then signs in with it.
    void signIn(const QString &servers, const QString &email, const QString &password,
                const QString &deviceName, std::function<void(Status)> done);
    void signUp(const QString &servers, const QString &email, const QString &password,
                const QString &deviceName, const QString &business,
                std::function<void(Status)> done);
    // Forgets this device's token; the ledger keeps all its data and goes back to "Local only".
    Status signOut();

    void syncNow();
    // The last sync error, from this run or (after a restart) as the ledger recorded it.
    QString lastErrorText() const;

    // Restores the value that lost a merge as a normal local edit through the Ledger API (so it
    // is synced as a new change) and marks the conflict resolved, in one transaction.
    Status keepMine(const ConflictEntry &conflict);
    Status dismissConflict(qint64 conflictId);
    // The draft that holds a refused edit of a document: the one the engine already kept
    // ("kept-as-draft:<id>"), else a new duplicate of the document with the refused fields
    // applied. Returns the draft's id.
    Result<QString> openRejectionAsDraft(const RejectionEntry &rejection);
    Status dismissRejection(const QString &opId);

Q_SIGNALS:
    // Signed in or out.
    void accountChanged();
    void conflictsChanged();
    void rejectionsChanged();
    void syncFinished(const Kontor::Sync::SyncResult &result);

private:
    void updateStatus();
    void announceRemoteChanges();
    void onLocalChange();

    Ledger &m_ledger;
    LedgerEvents &m_events;
    SyncStatus &m_status;
    Replica m_replica;
    Sync::CredentialStore m_credentials;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    // "Local only": the outbox count while the ledger is not signed in.
    std::unique_ptr<LocalSyncFeed> m_localFeed;
    // Set while remote changes are announced, so they are not taken for local edits.
    bool m_announcingRemote = false;
};

} // namespace Kontor
