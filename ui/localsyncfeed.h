// Feeds the SyncStatus while the ledger is not signed in to a sync server (and where there is no
// sync session at all, as in widget tests): the state is "local only" and the pending count is
// the number of changes recorded in the ledger's outbox, re-read after every write the UI
// announces through LedgerEvents. SyncSession keeps one while signed out and drops it on sign-in,
// when the engine's state takes over.
#pragma once

#include <QObject>
#include <QTimer>

namespace Kontor {

class LedgerEvents;
class Store;
class SyncStatus;

class LocalSyncFeed : public QObject
{
    Q_OBJECT
public:
    LocalSyncFeed(Store &store, LedgerEvents &events, SyncStatus &status,
                  QObject *parent = nullptr);

    // Re-reads the outbox count now.
    void refresh();

private:
    Store &m_store;
    SyncStatus &m_status;
    // Several writes in one burst (an invoice and its customer) cost one count.
    QTimer m_coalesce;
};

} // namespace Kontor
