#include "oncallschedule.h"

#include "businesscalendar.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace nocturne::core {

namespace {

constexpr qint64 DayMs = 86'400'000;

qint64 offsetMs(const QTimeZone &zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

// The first instant whose local wall time in `zone` is at or after `date` `time`. That is
// the wall time itself on ordinary days, its first occurrence when the clocks fall back,
// and the end of the gap (03:00 for a 02:30 hand-off in Berlin) when they spring forward:
// a hand-off never silently moves to another day.
qint64 firstInstantAtOrAfter(const QTimeZone &zone, QDate date, QTime time)
{
    const qint64 wall = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    // Within a day of the wall time the zone uses at most these two offsets.
    const qint64 before = offsetMs(zone, wall - DayMs);
    const qint64 after = offsetMs(zone, wall + DayMs);
    const qint64 early = wall - std::max(before, after);
    const qint64 late = wall - std::min(before, after);
    for (qint64 candidate : { early, late }) {
        if (candidate + offsetMs(zone, candidate) == wall)
            return candidate;
    }
    // A gap: local time jumps over the wall time somewhere in [early, late]. Find the
    // first millisecond whose local time is past it.
    qint64 lo = early;
    qint64 hi = late;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (mid + offsetMs(zone, mid) >= wall)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// The turn of one layer at an instant, or nullopt before its first hand-off.
std::optional<OnCallAnswer> turnAt(
    const RotationLayer &layer, const QTimeZone &zone, qint64 atUtcMs)
{
    if (layer.users.isEmpty() || !layer.startDate.isValid())
        return std::nullopt;
    const int periodDays = layer.period == RotationLayer::Period::Daily ? 1 : 7;
    QDate first = layer.startDate;
    QDate handoff = QDateTime::fromMSecsSinceEpoch(atUtcMs, zone).date();
    if (periodDays == 7) {
        first = first.addDays((layer.handoffWeekday - first.dayOfWeek() + 7) % 7);
        handoff = handoff.addDays(-((handoff.dayOfWeek() - layer.handoffWeekday + 7) % 7));
    }
    // The hand-off on the instant's own local date (or weekday) may still be ahead.
    if (firstInstantAtOrAfter(zone, handoff, layer.handoffTime) > atUtcMs)
        handoff = handoff.addDays(-periodDays);
    if (handoff < first)
        return std::nullopt;
    const qint64 turn = first.daysTo(handoff) / periodDays;
    OnCallAnswer answer;
    answer.user = layer.users.at(qsizetype(turn % layer.users.size()));
    answer.layer = layer.name;
    answer.shiftStartUtcMs = firstInstantAtOrAfter(zone, handoff, layer.handoffTime);
    answer.shiftEndUtcMs
        = firstInstantAtOrAfter(zone, handoff.addDays(periodDays), layer.handoffTime);
    return answer;
}

} // namespace

std::optional<OnCallAnswer> whoIsOnCall(const OnCallSchedule &schedule, qint64 atUtcMs)
{
    for (auto it = schedule.overrides.crbegin(); it != schedule.overrides.crend(); ++it) {
        if (it->fromUtcMs <= atUtcMs && atUtcMs < it->toUtcMs)
            return OnCallAnswer { it->user, QString(), true, it->fromUtcMs, it->toUtcMs };
    }
    QTimeZone zone = timeZoneNamed(schedule.timeZone);
    if (!zone.isValid())
        zone = QTimeZone(QByteArrayLiteral("UTC"));
    for (auto it = schedule.layers.crbegin(); it != schedule.layers.crend(); ++it) {
        if (auto answer = turnAt(*it, zone, atUtcMs))
            return answer;
    }
    return std::nullopt;
}

} // namespace nocturne::core
