#include "alertsounder.h"

#include <algorithm>

namespace nocturne::ui {

namespace {

// A P1 is a drill-sergeant beat; a P2 reminds without drowning a call.
constexpr qint64 P1RepeatMs = 5'000;
constexpr qint64 P2RepeatMs = 20'000;

} // namespace

qint64 AlertSounder::repeatIntervalMs(int priority)
{
    switch (priority) {
    case 1: return P1RepeatMs;
    case 2: return P2RepeatMs;
    default: return 0;
    }
}

int AlertSounder::slot(int priority)
{
    return priority == 1 || priority == 2 ? priority : 0;
}

void AlertSounder::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        for (Repeat &repeat : m_repeats)
            repeat = {};
    }
}

bool AlertSounder::raise(const QString &incidentId, int priority, bool awaitingAcknowledgement, qint64 nowMs)
{
    if (!m_enabled)
        return false;
    const int s = slot(priority);
    if (s != 0 && awaitingAcknowledgement) {
        Repeat &repeat = m_repeats[std::size_t(s)];
        // The sound plays now; the next one an interval later, however many join in.
        repeat.nextAt = nowMs + repeatIntervalMs(priority);
        repeat.incidents.insert(incidentId);
    }
    return true;
}

void AlertSounder::settle(const QString &incidentId)
{
    for (Repeat &repeat : m_repeats)
        repeat.incidents.remove(incidentId);
}

QList<int> AlertSounder::due(qint64 nowMs)
{
    QList<int> out;
    if (!m_enabled)
        return out;
    for (int priority = 1; priority <= 2; ++priority) {
        Repeat &repeat = m_repeats[std::size_t(priority)];
        if (repeat.incidents.isEmpty() || nowMs < repeat.nextAt)
            continue;
        out << priority;
        // An interval after this sound, not after the missed one: a stall never bursts.
        repeat.nextAt = nowMs + repeatIntervalMs(priority);
    }
    return out;
}

bool AlertSounder::isRepeating(int priority) const
{
    const int s = slot(priority);
    return s != 0 && !m_repeats[std::size_t(s)].incidents.isEmpty();
}

QStringList AlertSounder::alertingIncidents() const
{
    QStringList ids;
    for (const Repeat &repeat : m_repeats)
        ids += QStringList(repeat.incidents.cbegin(), repeat.incidents.cend());
    ids.removeDuplicates();
    return ids;
}

int AlertSounder::mostUrgent(const QList<int> &priorities)
{
    return priorities.isEmpty() ? 0 : *std::min_element(priorities.cbegin(), priorities.cend());
}

} // namespace nocturne::ui
