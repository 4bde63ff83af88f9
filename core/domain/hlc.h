#pragma once

#include <QString>

#include <compare>

namespace nocturne::core {

class Clock;

// A hybrid logical clock timestamp: physical milliseconds, a counter that orders
// events within the same millisecond (or while the wall clock lags a peer), and the
// node that issued it. The triple gives a total order that agrees with causality.
struct HlcTimestamp
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    QString node;

    bool isNull() const { return wallMs == 0 && counter == 0 && node.isEmpty(); }
    // Fixed-width text that sorts in the same order as the timestamp itself.
    QString toString() const;
    static HlcTimestamp fromString(const QString &text);

    friend std::strong_ordering operator<=>(const HlcTimestamp &a, const HlcTimestamp &b)
    {
        if (auto c = a.wallMs <=> b.wallMs; c != 0)
            return c;
        if (auto c = a.counter <=> b.counter; c != 0)
            return c;
        const int n = a.node.compare(b.node);
        return n < 0 ? std::strong_ordering::less
                     : (n > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
    friend bool operator==(const HlcTimestamp &a, const HlcTimestamp &b) = default;
};

// Issues timestamps for one node. Not thread-safe: it belongs to the store's writer.
class HybridLogicalClock
{
public:
    HybridLogicalClock(const Clock &clock, QString node);

    HlcTimestamp now();
    // Merges a timestamp seen from another node so later local events order after it.
    void observe(const HlcTimestamp &remote);

private:
    const Clock &m_clock;
    QString m_node;
    qint64 m_lastWallMs = 0;
    quint32 m_counter = 0;
};

} // namespace nocturne::core
