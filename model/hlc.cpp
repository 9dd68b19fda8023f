#include "hlc.h"

using namespace Qt::StringLiterals;

namespace Kontor {

QString HlcStamp::toString() const
{
    return u"%1-%2"_s.arg(physicalMs(), 16, 10, QChar(u'0')).arg(logical(), 5, 10, QChar(u'0'));
}

HlcStamp HlcStamp::fromString(QStringView text, bool *ok)
{
    bool good = text.size() == 22 && text.at(16) == u'-';
    qint64 ms = 0;
    int logical = 0;
    if (good) {
        bool a = false, b = false;
        ms = text.left(16).toLongLong(&a);
        logical = text.mid(17).toInt(&b);
        good = a && b && ms >= 0 && ms < (qint64(1) << 47) && logical >= 0 && logical <= 0xFFFF;
    }
    if (ok)
        *ok = good;
    return good ? make(ms, logical) : HlcStamp {};
}

HlcStamp HybridLogicalClock::now(qint64 wallMs)
{
    const qint64 lastMs = m_last.physicalMs();
    if (wallMs > lastMs)
        m_last = HlcStamp::make(wallMs, 0);
    else if (m_last.logical() < 0xFFFF)
        m_last = HlcStamp::make(lastMs, m_last.logical() + 1);
    else
        m_last = HlcStamp::make(lastMs + 1, 0); // counter exhausted: step the physical part
    return m_last;
}

HlcStamp HybridLogicalClock::observe(HlcStamp remote, qint64 wallMs)
{
    const qint64 lastMs = m_last.physicalMs();
    const qint64 remoteMs = remote.physicalMs();
    const qint64 ms = std::max({wallMs, lastMs, remoteMs});
    int logical = 0;
    if (ms == lastMs && ms == remoteMs)
        logical = std::max(m_last.logical(), remote.logical()) + 1;
    else if (ms == lastMs)
        logical = m_last.logical() + 1;
    else if (ms == remoteMs)
        logical = remote.logical() + 1;
    if (logical > 0xFFFF)
        m_last = HlcStamp::make(ms + 1, 0);
    else
        m_last = HlcStamp::make(ms, logical);
    return m_last;
}

} // namespace Kontor
