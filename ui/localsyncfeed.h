// Feeds the SyncStatus while there is no sync engine: the state is "local only" and the pending
// count is the number of changes waiting in the ledger's outbox, re-read after every write the
// UI announces through LedgerEvents. The sync engine replaces it when it lands.
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
