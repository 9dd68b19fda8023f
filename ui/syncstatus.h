// The sync state the status bar shows. SyncSession feeds it from the sync engine while the
// ledger is signed in; otherwise it reports "Local only" with the number of changes recorded in
// the outbox (LocalSyncFeed).
#pragma once

#include <QDateTime>
#include <QObject>

namespace Kontor {

class SyncStatus : public QObject
{
    Q_OBJECT
public:
    enum class State { LocalOnly, Offline, Online, Syncing, Error };
    Q_ENUM(State)

    using QObject::QObject;

    State state() const { return m_state; }
    qint64 pendingChanges() const { return m_pending; }
    QDateTime lastSync() const { return m_lastSync; }
    QString errorText() const { return m_error; }

    void setState(State state);
    void setPendingChanges(qint64 count);
    void setLastSync(const QDateTime &when);
    void setErrorText(const QString &text);

    // One line for the status bar, translated: "Local only · 12 changes not synced".
    QString summary() const;

Q_SIGNALS:
    void changed();

private:
    State m_state = State::LocalOnly;
    qint64 m_pending = 0;
    QDateTime m_lastSync;
    QString m_error;
};

} // namespace Kontor
