#include "hlc.h"

#include "clock.h"

#include <QStringList>

#include <algorithm>

namespace nocturne::core {

QString HlcTimestamp::toString() const
{
    return QStringLiteral("%1.%2.%3")
        .arg(wallMs, 13, 10, QLatin1Char('0'))
        .arg(counter, 6, 10, QLatin1Char('0'))
        .arg(node);
}

HlcTimestamp HlcTimestamp::fromString(const QString &text)
{
    const int first = text.indexOf(QLatin1Char('.'));
    const int second = first < 0 ? -1 : text.indexOf(QLatin1Char('.'), first + 1);
    if (second < 0)
        return {};
    HlcTimestamp ts;
    ts.wallMs = QStringView(text).left(first).toLongLong();
    ts.counter = QStringView(text).mid(first + 1, second - first - 1).toUInt();
    ts.node = text.mid(second + 1);
    return ts;
}

HybridLogicalClock::HybridLogicalClock(const Clock &clock, QString node)
    : m_clock(clock)
    , m_node(std::move(node))
{
}

HlcTimestamp HybridLogicalClock::now()
{
    const qint64 physical = m_clock.nowMs();
    if (physical > m_lastWallMs) {
        m_lastWallMs = physical;
        m_counter = 0;
    } else {
        ++m_counter;
    }
    return { m_lastWallMs, m_counter, m_node };
}

void HybridLogicalClock::observe(const HlcTimestamp &remote)
{
    const qint64 physical = m_clock.nowMs();
    const qint64 wall = std::max({ physical, m_lastWallMs, remote.wallMs });
    if (wall == m_lastWallMs && wall == remote.wallMs)
        m_counter = std::max(m_counter, remote.counter) + 1;
    else if (wall == m_lastWallMs)
        ++m_counter;
    else if (wall == remote.wallMs)
        m_counter = remote.counter + 1;
    else
        m_counter = 0;
    m_lastWallMs = wall;
}

} // namespace nocturne::core
