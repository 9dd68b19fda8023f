// Hybrid logical clock: a stamp that follows wall time when clocks agree and stays monotonic
// and causally ordered when they do not (clock skew, a clock set back). Stamps order changes
// for last-writer-wins merges; ties are broken by device id.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Kontor {

// A stamp packs 48 bits of milliseconds since the epoch and 16 bits of logical counter.
struct HlcStamp
{
    qint64 value = 0;

    qint64 physicalMs() const { return value >> 16; }
    int logical() const { return int(value & 0xFFFF); }
    static HlcStamp make(qint64 ms, int logical) { return {(ms << 16) | (logical & 0xFFFF)}; }
    auto operator<=>(const HlcStamp &) const = default;
    QString toString() const; // fixed-width, sorts as text: "0001732890000000-00000"
    static HlcStamp fromString(QStringView text, bool *ok = nullptr);
};

class HybridLogicalClock
{
public:
    explicit HybridLogicalClock(HlcStamp last = {}) : m_last(last) { }
    // A stamp for a local event.
    HlcStamp now(qint64 wallMs);
    // Advances the clock past a stamp received from another node.
    HlcStamp observe(HlcStamp remote, qint64 wallMs);
    HlcStamp last() const { return m_last; }

private:
    HlcStamp m_last;
};

} // namespace Kontor
