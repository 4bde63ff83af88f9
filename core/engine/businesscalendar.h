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
    void ensureCovers(qint64 fromUtcMs, qint64 toUtcMs) const;
    // Business ms from the start of the materialised range up to t.
    qint64 cumulativeAt(qint64 utcMs) const;

    CalendarDefinition m_definition;
    QTimeZone m_zone;
    mutable std::vector<Interval> m_intervals;
    mutable int m_firstYear = 0; // materialised years [m_firstYear, m_lastYear]
    mutable int m_lastYear = -1;
};

} // namespace nocturne::core
