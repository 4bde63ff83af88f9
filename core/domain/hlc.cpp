#include "hlc.h"

#include "clock.h"

#include <QStringList>

#include <algorithm>

namespace nocturne::core {

QString HlcTimestamp::toString() const
{
    // Fixed width (13-digit ms, 6-digit counter) so that text order is time order.
    char digits[21];
    qint64 wall = wallMs;
    for (int i = 12; i >= 0; --i, wall /= 10)
        digits[i] = char('0' + wall % 10);
    digits[13] = '.';
    quint32 c = counter;
    for (int i = 19; i >= 14; --i, c /= 10)
        digits[i] = char('0' + c % 10);
    digits[20] = '.';
    QString out = QString::fromLatin1(digits, 21);
    out += node;
    return out;
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

namespace {
// toString() keeps six counter digits; a fuller counter carries into the next
// millisecond so that the text still round-trips and sorts like the timestamp.
constexpr quint32 MaxCounter = 999'999;
} // namespace

HlcTimestamp HybridLogicalClock::now()
{
    const qint64 physical = m_clock.nowMs();
    if (physical > m_lastWallMs) {
        m_lastWallMs = physical;
        m_counter = 0;
    } else if (m_counter < MaxCounter) {
        ++m_counter;
    } else {
        ++m_lastWallMs;
        m_counter = 0;
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
    if (m_counter > MaxCounter) {
        ++m_lastWallMs;
        m_counter = 0;
    }
}

} // namespace nocturne::core
