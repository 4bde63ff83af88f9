#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>
#include <vector>

namespace nocturne::core {

// A stretch of a local day, in minutes after local midnight: [startMinute, endMinute),
// 0 <= start < end <= 1440.
struct DayInterval
{
    int startMinute = 0;
    int endMinute = 0;
    friend bool operator==(const DayInterval &, const DayInterval &) = default;
};

// A day (or part of one) with no business hours. All-day holidays name local dates in
// the calendar's zone, [firstDate, endDate) like an ICS DTSTART;VALUE=DATE/DTEND pair;
// timed ones are UTC instants [startUtcMs, endUtcMs).
struct Holiday
{
    QString name;
    QDate firstDate; // valid for an all-day holiday
    QDate endDate; // exclusive; firstDate + 1 day for a single day
    qint64 startUtcMs = 0; // used when firstDate is invalid
    qint64 endUtcMs = 0;
    bool isAllDay() const { return firstDate.isValid(); }
    friend bool operator==(const Holiday &, const Holiday &) = default;
};

// When the clock of an SLA runs: always, or weekly business hours in an IANA zone
// minus holidays. This is the stored, user-edited definition; BusinessCalendar is the
// compiled form the engine computes with.
struct CalendarDefinition
{
    QString id; // stable key policies refer to, e.g. "eu-business-hours"
    QString name;
    bool twentyFourSeven = false;
    QString timeZone = QStringLiteral("UTC"); // IANA; a policy may replace it by the site's zone
    std::array<QList<DayInterval>, 7> week; // index 0 = Monday .. 6 = Sunday
    QList<Holiday> holidays;
    friend bool operator==(const CalendarDefinition &, const CalendarDefinition &) = default;
};

// The zone an IANA id (or an Outlook/Windows zone name) names; an invalid QTimeZone when
// the id is unknown. Unlike QTimeZone(id).isValid(), a typo such as "Berlin" is unknown
// (Qt 6.4 on Linux would read it as a POSIX rule at UTC+0).
QTimeZone timeZoneNamed(const QString &id);

// The built-in calendar id of a 24×7 clock.
inline QString twentyFourSevenCalendarId() { return QStringLiteral("24x7"); }

// A calendar compiled for one time zone: its business time as sorted, disjoint UTC
// intervals with running totals, so that "business time between two instants" and
// "the instant a given amount of business time is reached" are two binary searches.
// Intervals come from the zone's UTC offset transitions, so days of 23 or 25 hours,
// wall times that do not exist and wall times that occur twice are all exact: an
// instant is business time iff its local wall time lies in an interval of its local
// weekday, its local date is no all-day holiday and it is in no timed holiday.
// Years are materialised on first use, which makes an instance not thread-safe: each
// thread (the engine, a CLI command) compiles its own.
class BusinessCalendar final
{
public:
    // An invalid zone is treated as UTC, and zone() then says so.
    // Only the years 1900..2200 are ever materialised; instants outside are clamped.
    BusinessCalendar(const CalendarDefinition &definition, const QTimeZone &zone);

    const CalendarDefinition &definition() const { return m_definition; }
    const QTimeZone &zone() const { return m_zone; }

    // Business milliseconds in [fromUtcMs, toUtcMs); 0 when to <= from.
    qint64 businessMsBetween(qint64 fromUtcMs, qint64 toUtcMs) const;
    // The earliest instant t >= fromUtcMs with businessMsBetween(fromUtcMs, t) == businessMs.
    // For businessMs == 0 that is fromUtcMs itself. Returns 0 when the calendar has no
    // business time left within the years it can materialise (an empty week).
    qint64 instantAfter(qint64 fromUtcMs, qint64 businessMs) const;
    bool isBusinessTime(qint64 utcMs) const;

private:
    struct Interval
    {
        qint64 start;
        qint64 end;
        qint64 before; // business ms in all earlier intervals
    };
    struct Span
    {
        qint64 start;
        qint64 end;
    };
    void ensureCovers(qint64 fromUtcMs, qint64 toUtcMs) const;
    const Interval *firstEndingAfter(qint64 utcMs) const;
    void rebuildDayIndex() const;
    // Business ms from the start of the materialised range up to t, given the first
    // interval ending after t.
    qint64 cumulativeAt(qint64 utcMs, const Interval *firstEndingAfter) const;
    qint64 materialisedTotal() const;
    // The business intervals of the UTC years [firstYear, lastYear], merged, holidays removed.
    std::vector<Span> buildYears(int firstYear, int lastYear) const;
    void addSegment(qint64 fromUtcMs, qint64 toUtcMs, qint64 offsetMs, std::vector<Span> &out) const;
    bool isAllDayHoliday(qint64 julianDay) const;
    void append(const std::vector<Span> &spans) const;

    CalendarDefinition m_definition;
    QTimeZone m_zone;
    std::array<std::vector<DayInterval>, 7> m_week; // clipped, sorted, merged
    std::vector<Span> m_allDayHolidays; // Julian days [start, end), sorted, merged
    std::vector<Span> m_timedHolidays; // UTC ms, sorted, merged
    bool m_hasBusinessHours = false;
    mutable std::vector<Interval> m_intervals;
    // Per UTC day of the materialised range (and one past it), the first interval ending
    // after the day's start: a query searches only the few intervals of its own day.
    mutable std::vector<quint32> m_dayIndex;
    mutable int m_firstYear = 0; // materialised years [m_firstYear, m_lastYear]
    mutable int m_lastYear = -1;
    mutable qint64 m_coveredFromMs = 0; // UTC ms of [m_firstYear-01-01, (m_lastYear+1)-01-01)
    mutable qint64 m_coveredToMs = 0;
};

} // namespace nocturne::core
