#include "localsyncfeed.h"

#include "store.h"
#include "syncstatus.h"
#include "uicontext.h"

namespace Kontor {

LocalSyncFeed::LocalSyncFeed(Store &store, LedgerEvents &events, SyncStatus &status,
                             QObject *parent)
    : QObject(parent), m_store(store), m_status(status)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(0);
    connect(&m_coalesce, &QTimer::timeout, this, &LocalSyncFeed::refresh);
    connect(&events, &LedgerEvents::changed, &m_coalesce, qOverload<>(&QTimer::start));
    m_status.setState(SyncStatus::State::LocalOnly);
    refresh();
}

void LocalSyncFeed::refresh()
{
    const auto count = m_store.outboxCount();
    // A failed count leaves the last known figure: the status bar is no place for a SQL error.
    if (count)
        m_status.setPendingChanges(count.value());
}

} // namespace Kontor
