#include "syncstatus.h"

#include <QLocale>

namespace Kontor {

void SyncStatus::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT changed();
}

void SyncStatus::setPendingChanges(qint64 count)
{
    if (m_pending == count)
        return;
    m_pending = count;
    Q_EMIT changed();
}

void SyncStatus::setLastSync(const QDateTime &when)
{
    m_lastSync = when;
    Q_EMIT changed();
}

void SyncStatus::setErrorText(const QString &text)
{
    m_error = text;
    Q_EMIT changed();
}

QString SyncStatus::summary() const
{
    QString state;
    switch (m_state) {
    case State::LocalOnly:
        state = tr("Local only");
        break;
    case State::Offline:
        state = tr("Offline");
        break;
    case State::Online:
        state = tr("Online");
        break;
    case State::Syncing:
        state = tr("Syncing…");
        break;
    case State::Error:
        state = tr("Sync error: %1").arg(m_error);
        break;
    }
    QString text = state;
    if (m_state == State::LocalOnly)
        text += QStringLiteral(" · ") + tr("%n change(s) recorded", nullptr, int(m_pending));
    else if (m_pending > 0)
        text += QStringLiteral(" · ") + tr("%n change(s) not synced", nullptr, int(m_pending));
    if (m_lastSync.isValid())
        text += QStringLiteral(" · ")
            + tr("last sync %1").arg(QLocale().toString(m_lastSync, QLocale::ShortFormat));
    return text;
}

} // namespace Kontor
