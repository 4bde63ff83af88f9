#include "core/engine/businesscalendar.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

namespace nocturne::core {
namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

DayInterval hours(int fromHour, int toHour) { return { fromHour * 60, toHour * 60 }; }

CalendarDefinition calendar(const char *zone, const QList<DayInterval> &intervals, const QList<int> &days = { 0, 1, 2, 3, 4 })
{
    CalendarDefinition definition;
    definition.id = QStringLiteral("test");
    definition.timeZone = QString::fromLatin1(zone);
    for (int day : days)
        definition.week[size_t(day)] = intervals;
    return definition;
}

BusinessCalendar compile(const CalendarDefinition &definition)
{
    return BusinessCalendar(definition, QTimeZone(definition.timeZone.toUtf8()));
}

TEST(BusinessCalendar, TwentyFourSevenCountsWallClockTimeAndIgnoresHolidays)
{
    CalendarDefinition definition;
    definition.twentyFourSeven = true;
    definition.holidays = { { QStringLiteral("New Year"), QDate(2026, 1, 1), QDate(2026, 1, 2), 0, 0 } };
    const BusinessCalendar clock = compile(definition);
    EXPECT_EQ(clock.businessMsBetween(utc(2025, 12, 31), utc(2026, 1, 3)), 72 * Hour);
    EXPECT_EQ(clock.instantAfter(utc(2026, 1, 1), 90 * Minute + 7), utc(2026, 1, 1, 1, 30) + 7);
    EXPECT_TRUE(clock.isBusinessTime(utc(2026, 1, 1, 3)));
    EXPECT_EQ(clock.businessMsBetween(utc(2026, 1, 3), utc(2026, 1, 1)), 0);
}

TEST(BusinessCalendar, SpringForwardSundayHasTwentyThreeHours)
{
    const BusinessCalendar berlin = compile(calendar("Europe/Berlin", { hours(0, 24) }, { 6 }));
    // Sunday 2026-03-29 00:00 CET = Saturday 23:00 UTC; Monday 00:00 CEST = Sunday 22:00 UTC.
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 3, 27), utc(2026, 3, 31)), 23 * Hour);
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 3, 28, 22, 59)));
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 3, 28, 23)));
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 3, 29, 22)));
    EXPECT_EQ(berlin.instantAfter(utc(2026, 3, 27), 23 * Hour), utc(2026, 3, 29, 22));
}

TEST(BusinessCalendar, SpringForwardIntervalLosesTheSkippedHour)
{
    const BusinessCalendar berlin = compile(calendar("Europe/Berlin", { hours(1, 4) }, { 6 }));
    // 01:00-02:00 CET is 00:00-01:00 UTC; 02:00-03:00 does not exist; 03:00-04:00 CEST is 01:00-02:00 UTC.
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 3, 28), utc(2026, 3, 30)), 2 * Hour);
    EXPECT_EQ(berlin.instantAfter(utc(2026, 3, 28, 12), 90 * Minute), utc(2026, 3, 29, 1, 30));
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 1, 30)), Hour);
}

TEST(BusinessCalendar, FallBackSundayHasTwentyFiveHours)
{
    const BusinessCalendar berlin = compile(calendar("Europe/Berlin", { hours(0, 24) }, { 6 }));
    // Sunday 2026-10-25 00:00 CEST = Saturday 22:00 UTC; Monday 00:00 CET = Sunday 23:00 UTC.
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 10, 23), utc(2026, 10, 27)), 25 * Hour);
    EXPECT_EQ(berlin.instantAfter(utc(2026, 10, 24, 22), 25 * Hour), utc(2026, 10, 25, 23));
}

TEST(BusinessCalendar, FallBackRepeatedHourCountsTwice)
{
    const BusinessCalendar berlin = compile(calendar("Europe/Berlin", { hours(2, 3) }, { 6 }));
    // 02:00-03:00 CEST is 00:00-01:00 UTC, and 02:00-03:00 CET again is 01:00-02:00 UTC.
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 10, 24), utc(2026, 10, 26)), 2 * Hour);
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 10, 25, 0, 30)));
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 10, 25, 1, 30)));
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 10, 25, 2)));
    EXPECT_EQ(berlin.instantAfter(utc(2026, 10, 24), 90 * Minute), utc(2026, 10, 25, 1, 30));
}

TEST(BusinessCalendar, WorkWeekAcrossTheBerlinChangeHasFortyHours)
{
    const BusinessCalendar berlin = compile(calendar("Europe/Berlin", { hours(9, 17) }));
    // Monday 2026-03-23 .. Friday 2026-04-03: the change falls on the Sunday between.
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 3, 22), utc(2026, 3, 29, 12)), 40 * Hour);
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 3, 22), utc(2026, 4, 5)), 80 * Hour);
    // Friday 09:00 CET is 08:00 UTC, Monday 09:00 CEST is 07:00 UTC.
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 3, 27, 8)));
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 3, 30, 6, 59)));
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 3, 30, 7)));
}

TEST(BusinessCalendar, InstantAfterCrossesTheWeekendAndTheNewYorkChange)
{
    const BusinessCalendar newYork = compile(calendar("America/New_York", { hours(9, 17) }));
    // Friday 2026-03-06 16:00 EST = 21:00 UTC; Monday 2026-03-09 10:00 EDT = 14:00 UTC.
    EXPECT_EQ(newYork.instantAfter(utc(2026, 3, 6, 21), 2 * Hour), utc(2026, 3, 9, 14));
    EXPECT_EQ(newYork.businessMsBetween(utc(2026, 3, 6, 21), utc(2026, 3, 9, 14)), 2 * Hour);
    // Monday 2026-03-02 00:00 EST .. Monday 2026-03-16 00:00 EDT: two full weeks.
    EXPECT_EQ(newYork.businessMsBetween(utc(2026, 3, 2, 5), utc(2026, 3, 16, 4)), 80 * Hour);
    // From Saturday noon, three business days end on Wednesday 17:00 EDT = 21:00 UTC.
    EXPECT_EQ(newYork.instantAfter(utc(2026, 3, 7, 17), 24 * Hour), utc(2026, 3, 11, 21));
}

TEST(BusinessCalendar, BreachLandsExactlyOnTheIntervalEnd)
{
    const BusinessCalendar utcHours = compile(calendar("UTC", { hours(9, 17) }));
    const qint64 monday = utc(2026, 6, 1, 9);
    EXPECT_EQ(utcHours.instantAfter(monday, 8 * Hour), utc(2026, 6, 1, 17));
    EXPECT_EQ(utcHours.businessMsBetween(monday, utc(2026, 6, 1, 17)), 8 * Hour);
    EXPECT_EQ(utcHours.instantAfter(monday, 8 * Hour + 1), utc(2026, 6, 2, 9) + 1);
    // Starting outside business hours, zero business time is reached at once.
    EXPECT_EQ(utcHours.instantAfter(utc(2026, 6, 1, 20), 0), utc(2026, 6, 1, 20));
    EXPECT_EQ(utcHours.instantAfter(utc(2026, 6, 1, 20), 1), utc(2026, 6, 2, 9) + 1);
}

TEST(BusinessCalendar, SeveralIntervalsPerDayLeaveTheLunchBreakOut)
{
    const BusinessCalendar split = compile(calendar("UTC", { hours(8, 12), hours(13, 17) }));
    EXPECT_EQ(split.businessMsBetween(utc(2026, 6, 1), utc(2026, 6, 2)), 8 * Hour);
    EXPECT_EQ(split.instantAfter(utc(2026, 6, 1, 11), 2 * Hour), utc(2026, 6, 1, 14));
    EXPECT_EQ(split.instantAfter(utc(2026, 6, 1, 11), Hour), utc(2026, 6, 1, 12));
    EXPECT_FALSE(split.isBusinessTime(utc(2026, 6, 1, 12, 30)));
    EXPECT_TRUE(split.isBusinessTime(utc(2026, 6, 1, 13)));
}

TEST(BusinessCalendar, IntervalsMeetingAtMidnightAndAtNewYearRunOn)
{
    CalendarDefinition definition = calendar("UTC", { hours(22, 24) }, { 2 });
    definition.week[3] = { hours(0, 2) };
    const BusinessCalendar night = compile(definition);
    // Wednesday 2026-06-03 23:00 + 2 h runs into Thursday 01:00.
    EXPECT_EQ(night.instantAfter(utc(2026, 6, 3, 23), 2 * Hour), utc(2026, 6, 4, 1));
    EXPECT_EQ(night.businessMsBetween(utc(2026, 6, 3, 23), utc(2026, 6, 4, 1)), 2 * Hour);

    const BusinessCalendar always = compile(calendar("UTC", { hours(0, 24) }, { 0, 1, 2, 3, 4, 5, 6 }));
    EXPECT_EQ(always.businessMsBetween(utc(2025, 12, 31, 12), utc(2026, 1, 1, 12)), 24 * Hour);
    EXPECT_EQ(always.instantAfter(utc(2025, 12, 31, 12), 24 * Hour), utc(2026, 1, 1, 12));
    // Starting exactly where the materialised years end, in an interval that the next
    // year's first one continues.
    EXPECT_EQ(always.instantAfter(utc(2027, 1, 1), Hour), utc(2027, 1, 1, 1));
}

TEST(BusinessCalendar, HolidaysAreRemoved)
{
    CalendarDefinition definition = calendar("Europe/Berlin", { hours(9, 17) });
    definition.holidays = {
        { QStringLiteral("Whit Monday"), QDate(2026, 5, 25), QDate(2026, 5, 26), 0, 0 },
        { QStringLiteral("Retreat"), QDate(2026, 5, 26), QDate(2026, 5, 29), 0, 0 },
        // Friday 13:00-15:00 CEST.
        { QStringLiteral("Town hall"), {}, {}, utc(2026, 5, 29, 11), utc(2026, 5, 29, 13) },
    };
    const BusinessCalendar berlin = compile(definition);
    EXPECT_EQ(berlin.businessMsBetween(utc(2026, 5, 24), utc(2026, 5, 31)), 6 * Hour);
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 5, 25, 10)));
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 5, 28, 10)));
    EXPECT_FALSE(berlin.isBusinessTime(utc(2026, 5, 29, 12)));
    EXPECT_TRUE(berlin.isBusinessTime(utc(2026, 5, 29, 13)));
    // From the Friday before, the next business time is 29 May 09:00 CEST: 4 h, the town
    // hall, then 2 h more ends at 17:00 CEST.
    EXPECT_EQ(berlin.instantAfter(utc(2026, 5, 22, 18), 6 * Hour), utc(2026, 5, 29, 15));
}

TEST(BusinessCalendar, KolkataCalendarOverAUtcDay)
{
    // 09:00-17:30 IST is 03:30-12:00 UTC.
    const BusinessCalendar kolkata = compile(calendar("Asia/Kolkata", { { 9 * 60, 17 * 60 + 30 } }));
    EXPECT_EQ(kolkata.businessMsBetween(utc(2026, 6, 1), utc(2026, 6, 2)), 8 * Hour + 30 * Minute);
    EXPECT_EQ(kolkata.businessMsBetween(utc(2026, 6, 1), utc(2026, 6, 1, 6)), 2 * Hour + 30 * Minute);
    EXPECT_EQ(kolkata.instantAfter(utc(2026, 6, 1), Hour), utc(2026, 6, 1, 4, 30));
    // Sunday 2026-05-31 20:00 UTC is already Monday 01:30 IST, before business hours.
    EXPECT_EQ(kolkata.businessMsBetween(utc(2026, 5, 31, 20), utc(2026, 6, 1, 3, 30)), 0);
}

TEST(BusinessCalendar, EmptyWeekNeverReachesATarget)
{
    const BusinessCalendar never = compile(calendar("Europe/Berlin", {}));
    EXPECT_EQ(never.businessMsBetween(utc(2026, 1, 1), utc(2027, 1, 1)), 0);
    EXPECT_EQ(never.instantAfter(utc(2026, 1, 1), Minute), 0);
    EXPECT_EQ(never.instantAfter(utc(2026, 1, 1), 0), utc(2026, 1, 1));
    EXPECT_FALSE(never.isBusinessTime(utc(2026, 1, 1, 12)));
}

TEST(BusinessCalendar, HolidaysOverEveryBusinessDayMakeInstantAfterGiveUp)
{
    CalendarDefinition definition = calendar("UTC", { hours(9, 17) });
    definition.holidays = { { QStringLiteral("Closed"), QDate(2026, 1, 1), QDate(2100, 1, 1), 0, 0 } };
    const BusinessCalendar closed = compile(definition);
    EXPECT_EQ(closed.instantAfter(utc(2026, 3, 2), Minute), 0);
    EXPECT_EQ(closed.businessMsBetween(utc(2025, 12, 31, 9), utc(2026, 6, 1)), 8 * Hour);
}

TEST(BusinessCalendar, UnknownZoneIsReadAsUtc)
{
    const BusinessCalendar unknown(calendar("Mars/Olympus_Mons", { hours(9, 17) }), QTimeZone("Mars/Olympus_Mons"));
    EXPECT_EQ(unknown.zone(), QTimeZone::utc());
    EXPECT_EQ(unknown.instantAfter(utc(2026, 6, 1, 8), Hour), utc(2026, 6, 1, 10));
}

TEST(BusinessCalendar, EarlierYearsAreAddedWithoutChangingLaterAnswers)
{
    const CalendarDefinition definition = calendar("America/New_York", { hours(9, 17) });
    const BusinessCalendar reused = compile(definition);
    EXPECT_EQ(reused.businessMsBetween(utc(2027, 3, 1), utc(2027, 3, 8)), 40 * Hour);
    // Two weeks over New Year 2025/2026 (Thursday 1 January is a business day here).
    const qint64 span = reused.businessMsBetween(utc(2025, 12, 22, 5), utc(2026, 1, 5, 5));
    EXPECT_EQ(span, 80 * Hour);
    EXPECT_EQ(reused.businessMsBetween(utc(2024, 7, 1), utc(2027, 3, 8)),
              compile(definition).businessMsBetween(utc(2024, 7, 1), utc(2027, 3, 8)));
    // Wednesday 16:00 EST: 1 h, New Year's Day 8 h, Friday 09:00-10:00 EST.
    EXPECT_EQ(reused.instantAfter(utc(2025, 12, 31, 21), 10 * Hour), utc(2026, 1, 2, 15));
    EXPECT_EQ(reused.businessMsBetween(utc(2027, 3, 1), utc(2027, 3, 8)), 40 * Hour);
}

TEST(BusinessCalendar, FarInstantsAreClampedInsteadOfMaterialisedForEver)
{
    const BusinessCalendar utcHours = compile(calendar("UTC", { hours(9, 17) }));
    const qint64 total = utcHours.businessMsBetween(utc(2026, 1, 1), std::numeric_limits<qint64>::max());
    EXPECT_GT(total, 170 * 52 * 40 * Hour);
    EXPECT_LT(total, 176 * 53 * 40 * Hour);
    EXPECT_EQ(utcHours.instantAfter(std::numeric_limits<qint64>::max(), Hour), 0);
}


// The property test's reference knows nothing of intervals or offsets: it asks Qt for the
// local wall time of each UTC minute and applies the definition's words to it.
bool referenceIsBusinessMinute(const CalendarDefinition &definition, const QTimeZone &zone, qint64 minuteUtcMs)
{
    if (definition.twentyFourSeven)
        return true;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(minuteUtcMs, Qt::UTC).toTimeZone(zone);
    const QDate date = local.date();
    for (const Holiday &holiday : definition.holidays) {
        if (holiday.isAllDay() ? date >= holiday.firstDate && date < holiday.endDate
                               : minuteUtcMs >= holiday.startUtcMs && minuteUtcMs < holiday.endUtcMs)
            return false;
    }
    const int minuteOfDay = local.time().hour() * 60 + local.time().minute();
    for (const DayInterval &interval : definition.week[size_t(date.dayOfWeek() - 1)]) {
        if (minuteOfDay >= interval.startMinute && minuteOfDay < interval.endMinute)
            return true;
    }
    return false;
}

struct RandomCase
{
    CalendarDefinition definition;
    QTimeZone zone;
    qint64 windowStart = 0; // UTC ms, whole minute
    int minutes = 0;
};

std::string describe(const RandomCase &c)
{
    std::ostringstream out;
    out << c.definition.timeZone.toStdString() << (c.definition.twentyFourSeven ? " 24x7" : "") << ", window "
        << QDateTime::fromMSecsSinceEpoch(c.windowStart, Qt::UTC).toString(Qt::ISODate).toStdString() << " + "
        << c.minutes << " min; week:";
    for (size_t day = 0; day < 7; ++day) {
        out << " [" << day << "]";
        for (const DayInterval &interval : c.definition.week[day])
            out << ' ' << interval.startMinute << '-' << interval.endMinute;
    }
    for (const Holiday &holiday : c.definition.holidays) {
        if (holiday.isAllDay())
            out << "; holiday " << holiday.firstDate.toString(Qt::ISODate).toStdString() << ".."
                << holiday.endDate.toString(Qt::ISODate).toStdString();
        else
            out << "; holiday " << holiday.startUtcMs << ".." << holiday.endUtcMs;
    }
    return out.str();
}

RandomCase randomCase(std::mt19937_64 &rng)
{
    static const char *const zones[] = { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
                                         "America/St_Johns", "Pacific/Chatham", "Asia/Kathmandu", "UTC" };
    const auto uniform = [&rng](qint64 low, qint64 high) { return std::uniform_int_distribution<qint64>(low, high)(rng); };
    RandomCase c;
    c.definition.timeZone = QString::fromLatin1(zones[uniform(0, std::size(zones) - 1)]);
    c.zone = QTimeZone(c.definition.timeZone.toUtf8());
    c.definition.twentyFourSeven = uniform(0, 29) == 0;

    // Around a DST change most of the time, else around New Year (a materialisation seam).
    const int year = int(uniform(2024, 2028));
    const QDateTime yearStart(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
    const QTimeZone::OffsetDataList changes = c.zone.transitions(yearStart, yearStart.addYears(1));
    qint64 centre = yearStart.toMSecsSinceEpoch() + uniform(0, 364) * 24 * Hour;
    if (uniform(0, 3) == 0)
        centre = yearStart.toMSecsSinceEpoch();
    else if (!changes.isEmpty())
        centre = changes.at(qsizetype(uniform(0, changes.size() - 1))).atUtc.toMSecsSinceEpoch();
    c.windowStart = (centre - uniform(0, 5 * 24 * 60) * Minute) / Minute * Minute;
    c.minutes = int(uniform(60, 10 * 24 * 60));

    const auto boundary = [&]() -> int {
        switch (uniform(0, 5)) {
        case 0: return 0;
        case 1: return 1440;
        case 2: return int(uniform(0, 4)) * 60; // where DST changes happen
        case 3: return int(uniform(0, 48)) * 30;
        default: return int(uniform(0, 1440));
        }
    };
    for (QList<DayInterval> &day : c.definition.week) {
        const int count = uniform(0, 9) < 2 ? 0 : int(uniform(1, 3));
        std::vector<int> points;
        while (points.size() < size_t(2 * count)) {
            const int point = boundary();
            if (std::find(points.begin(), points.end(), point) == points.end())
                points.push_back(point);
        }
        std::sort(points.begin(), points.end());
        for (size_t i = 0; i < points.size(); i += 2)
            day.append({ points[i], points[i + 1] });
        if (uniform(0, 9) == 0) { // overlapping intervals are merged, not double-counted
            const int start = int(uniform(0, 1439));
            day.append({ start, int(uniform(start + 1, 1440)) });
        }
    }
    const QDate firstLocalDate = QDateTime::fromMSecsSinceEpoch(c.windowStart, Qt::UTC).toTimeZone(c.zone).date();
    for (qint64 i = uniform(0, 2); i > 0; --i) {
        const QDate first = firstLocalDate.addDays(uniform(-1, c.minutes / 1440 + 1));
        c.definition.holidays.append({ QStringLiteral("day off"), first, first.addDays(uniform(1, 3)), 0, 0 });
    }
    for (qint64 i = uniform(0, 2); i > 0; --i) {
        const qint64 start = c.windowStart + uniform(0, c.minutes) * Minute;
        c.definition.holidays.append({ QStringLiteral("outage"), {}, {}, start, start + uniform(1, 600) * Minute });
    }
    return c;
}

TEST(BusinessCalendar, AgreesWithAMinuteByMinuteReferenceOnRandomCalendars)
{
    std::mt19937_64 rng(20260329);
    const auto uniform = [&rng](qint64 low, qint64 high) { return std::uniform_int_distribution<qint64>(low, high)(rng); };
    for (int round = 0; round < 300 && !HasFailure(); ++round) {
        const RandomCase c = randomCase(rng);
        std::vector<char> business(size_t(c.minutes));
        std::vector<qint64> prefix(size_t(c.minutes) + 1, 0); // business minutes before minute i
        for (int i = 0; i < c.minutes; ++i) {
            business[size_t(i)] = referenceIsBusinessMinute(c.definition, c.zone, c.windowStart + i * Minute);
            prefix[size_t(i) + 1] = prefix[size_t(i)] + business[size_t(i)];
        }
        const BusinessCalendar calendar(c.definition, c.zone);
        const auto at = [&c](qint64 minute) { return c.windowStart + minute * Minute; };
        for (int query = 0; query < 6; ++query) {
            const qint64 a = uniform(0, c.minutes);
            const qint64 b = uniform(a, c.minutes);
            const qint64 expected = (prefix[size_t(b)] - prefix[size_t(a)]) * Minute;
            EXPECT_EQ(calendar.businessMsBetween(at(a), at(b)), expected) << describe(c) << "; from minute " << a << " to " << b;
            if (a < b) {
                const qint64 into = uniform(1, Minute - 1);
                EXPECT_EQ(calendar.businessMsBetween(at(a) + into, at(b)), expected - (business[size_t(a)] ? into : 0))
                    << describe(c) << "; from minute " << a << " + " << into << " ms to " << b;
            }
            const qint64 available = prefix.back() - prefix[size_t(a)];
            if (available > 0) {
                const qint64 target = uniform(1, available);
                const auto reached = std::lower_bound(prefix.begin() + a + 1, prefix.end(), prefix[size_t(a)] + target);
                EXPECT_EQ(calendar.instantAfter(at(a), target * Minute), at(reached - prefix.begin()))
                    << describe(c) << "; " << target << " min after minute " << a;
            }
            const qint64 probe = uniform(0, c.minutes - 1);
            EXPECT_EQ(calendar.isBusinessTime(at(probe) + uniform(0, Minute - 1)), bool(business[size_t(probe)]))
                << describe(c) << "; at minute " << probe;
        }
    }
}

} // namespace
} // namespace nocturne::core
