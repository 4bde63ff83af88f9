#include "testsupport.h"

#include "core/engine/businesscalendar.h"
#include "core/engine/slaclock.h"
#include "core/engine/slasubject.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>

namespace nocturne::core {
// Internal linkage: other test files may print clock states their own way.
[[maybe_unused]] static void PrintTo(ClockState state, std::ostream *os) { *os << toName(state).toStdString(); }
} // namespace nocturne::core

namespace nocturne::core::test {
namespace {

using K = SlaTransition::Kind;

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

qint64 local(const char *zone, int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone(zone)).toMSecsSinceEpoch();
}

CalendarDefinition twentyFourSeven()
{
    CalendarDefinition definition;
    definition.id = twentyFourSevenCalendarId();
    definition.twentyFourSeven = true;
    return definition;
}

// Monday to Friday 09:00-17:00 in `zone`.
CalendarDefinition officeHours(const char *zone)
{
    CalendarDefinition definition;
    definition.id = QStringLiteral("office");
    definition.timeZone = QString::fromLatin1(zone);
    for (int day = 0; day < 5; ++day)
        definition.week[size_t(day)] = { { 9 * 60, 17 * 60 } };
    return definition;
}

// Every local day 00:00-24:00: must count exactly like 24×7, whatever the zone does.
CalendarDefinition wholeDays(const char *zone)
{
    CalendarDefinition definition;
    definition.id = QStringLiteral("whole-days");
    definition.timeZone = QString::fromLatin1(zone);
    for (auto &day : definition.week)
        day = { { 0, 24 * 60 } };
    return definition;
}

BusinessCalendar compile(const CalendarDefinition &definition)
{
    return BusinessCalendar(definition, QTimeZone(definition.timeZone.toUtf8()));
}

SlaPolicy policy(qint64 responseMs, qint64 resolutionMs, ReopenRule reopen = ReopenRule::NewCycle)
{
    SlaPolicy p;
    p.id = QStringLiteral("p2");
    p.name = QStringLiteral("P2");
    p.responseTargetMs = responseMs;
    p.resolutionTargetMs = resolutionMs;
    p.pausingReasons = defaultPausingReasons();
    p.reopen = reopen;
    return p;
}

SlaTransition step(K kind, qint64 at, HoldReason reason = HoldReason::None) { return { kind, at, reason }; }

SlaSubject subject(qint64 openedAt, const QList<SlaTransition> &transitions = {})
{
    SlaSubject s;
    s.incidentId = QStringLiteral("inc-1");
    s.number = QStringLiteral("INC0000001");
    s.openedAt = openedAt;
    s.transitions = transitions;
    return s;
}

QList<SlaClockStatus> evaluate(const SlaSubject &s, const SlaPolicy &p, const BusinessCalendar &calendar, qint64 at,
                               bool withSegments = false)
{
    ClockEvaluation how;
    how.policy = &p;
    how.calendar = &calendar;
    how.atUtcMs = at;
    how.withSegments = withSegments;
    return evaluateClocks(s, how);
}

// The one clock of a policy with a single target.
SlaClockStatus only(const QList<SlaClockStatus> &clocks)
{
    EXPECT_EQ(clocks.size(), 1);
    return clocks.value(0);
}

const qint64 T = utc(2026, 1, 13, 10); // a Tuesday

TEST(SlaClock, ResponseAcknowledgedInTimeIsMet)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto clocks = evaluate(subject(T, { step(K::Acknowledged, T + 10 * Minute) }), policy(15 * Minute, 4 * Hour),
                                 calendar, T + 30 * Minute);
    ASSERT_EQ(clocks.size(), 2);
    const SlaClockStatus &response = clocks[0];
    EXPECT_EQ(response.kind, SlaKind::Response);
    EXPECT_EQ(response.state, ClockState::Met);
    EXPECT_EQ(response.elapsedMs, 10 * Minute);
    EXPECT_EQ(response.remainingMs, 5 * Minute);
    EXPECT_EQ(response.stoppedAt, T + 10 * Minute);
    EXPECT_EQ(response.deadlineAt, 0) << "stopped before reaching the target";
    EXPECT_EQ(response.breachedAt, 0);
    EXPECT_FALSE(response.counting);
    EXPECT_FALSE(response.isActive());

    const SlaClockStatus &resolution = clocks[1];
    EXPECT_EQ(resolution.kind, SlaKind::Resolution);
    EXPECT_EQ(resolution.state, ClockState::Running);
    EXPECT_EQ(resolution.cycle, 1);
    EXPECT_EQ(resolution.startedAt, T);
    EXPECT_EQ(resolution.elapsedMs, 30 * Minute);
    EXPECT_EQ(resolution.deadlineAt, T + 4 * Hour);
    EXPECT_TRUE(resolution.counting);
}

TEST(SlaClock, ResponseAcknowledgedLateIsBreachedAtItsDeadline)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const SlaClockStatus response = evaluate(subject(T, { step(K::Acknowledged, T + 20 * Minute) }),
                                             policy(15 * Minute, 0), calendar, T + Hour)
                                        .value(0);
    EXPECT_EQ(response.state, ClockState::Breached);
    EXPECT_EQ(response.breachedAt, T + 15 * Minute);
    EXPECT_EQ(response.deadlineAt, T + 15 * Minute);
    EXPECT_EQ(response.elapsedMs, 20 * Minute);
    EXPECT_EQ(response.remainingMs, -5 * Minute);
    EXPECT_EQ(response.stoppedAt, T + 20 * Minute);
}

TEST(SlaClock, OpenClockBreachesOnlyAfterItsDeadlineHasPassed)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const SlaPolicy p = policy(15 * Minute, 0);
    const SlaClockStatus atDeadline = only(evaluate(subject(T), p, calendar, T + 15 * Minute));
    EXPECT_EQ(atDeadline.state, ClockState::Running);
    EXPECT_EQ(atDeadline.remainingMs, 0);
    EXPECT_EQ(atDeadline.breachedAt, 0);
    const SlaClockStatus after = only(evaluate(subject(T), p, calendar, T + 15 * Minute + 1));
    EXPECT_EQ(after.state, ClockState::Breached);
    EXPECT_EQ(after.breachedAt, T + 15 * Minute);
    EXPECT_TRUE(after.counting) << "a breached open clock keeps counting";
    EXPECT_TRUE(after.isActive());
}

TEST(SlaClock, ResolvingBeforeAcknowledgingStopsTheResponseClock)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto clocks = evaluate(subject(T, { step(K::Resolved, T + 5 * Minute) }), policy(15 * Minute, Hour),
                                 calendar, T + 2 * Hour);
    ASSERT_EQ(clocks.size(), 2);
    EXPECT_EQ(clocks[0].state, ClockState::Met);
    EXPECT_EQ(clocks[0].stoppedAt, T + 5 * Minute);
    EXPECT_EQ(clocks[1].state, ClockState::Met);
    EXPECT_EQ(clocks[1].elapsedMs, 5 * Minute);
}

TEST(SlaClock, HoldBeforeAcknowledgementPausesTheResponseClock)
{
    // Only possible after offline edits were merged, but then it must still pause.
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Hold, T + 5 * Minute, HoldReason::AwaitingCaller), step(K::Resume, T + 65 * Minute) });
    const SlaClockStatus response = evaluate(s, policy(15 * Minute, 0), calendar, T + 70 * Minute).value(0);
    EXPECT_EQ(response.state, ClockState::Running);
    EXPECT_EQ(response.elapsedMs, 10 * Minute);
    EXPECT_EQ(response.pausedMs, Hour);
    EXPECT_EQ(response.deadlineAt, T + 75 * Minute);
}

TEST(SlaClock, PauseOverTheWeekendCountsOnlyBusinessHoursOutsideTheHold)
{
    const BusinessCalendar berlin = compile(officeHours("Europe/Berlin"));
    // Friday 2026-03-20 16:00 CET; on hold for the vendor 16:30 until Monday 10:00.
    const auto s = subject(local("Europe/Berlin", 2026, 3, 20, 16),
                           { step(K::Acknowledged, local("Europe/Berlin", 2026, 3, 20, 16, 5)),
                             step(K::Hold, local("Europe/Berlin", 2026, 3, 20, 16, 30), HoldReason::AwaitingVendor),
                             step(K::Resume, local("Europe/Berlin", 2026, 3, 23, 10)) });
    const SlaPolicy p = policy(0, 4 * Hour);

    const SlaClockStatus saturday = only(evaluate(s, p, berlin, utc(2026, 3, 21, 11)));
    EXPECT_EQ(saturday.state, ClockState::Paused);
    EXPECT_EQ(saturday.elapsedMs, 30 * Minute);
    EXPECT_EQ(saturday.pausedMs, 19 * Hour + 30 * Minute);
    EXPECT_EQ(saturday.deadlineAt, 0) << "unknown while paused";
    EXPECT_FALSE(saturday.counting);

    const SlaClockStatus monday = only(evaluate(s, p, berlin, utc(2026, 3, 23, 11)));
    EXPECT_EQ(monday.state, ClockState::Running);
    EXPECT_EQ(monday.elapsedMs, 2 * Hour + 30 * Minute); // 16:00-16:30 and 10:00-12:00
    EXPECT_EQ(monday.pausedMs, 65 * Hour + 30 * Minute);
    EXPECT_EQ(monday.deadlineAt, utc(2026, 3, 23, 12, 30)); // Monday 13:30 CET
}

TEST(SlaClock, PauseOverMidnightSkipsTheHeldBusinessHours)
{
    const BusinessCalendar berlin = compile(officeHours("Europe/Berlin"));
    // Tuesday 09:00 CET, 8 h target; held 16:00 until Wednesday 10:00.
    const auto s = subject(utc(2026, 3, 24, 8),
                           { step(K::Hold, utc(2026, 3, 24, 15), HoldReason::AwaitingCaller),
                             step(K::Resume, utc(2026, 3, 25, 9)), step(K::Resolved, utc(2026, 3, 25, 9, 30)) });
    const SlaClockStatus clock = only(evaluate(s, policy(0, 8 * Hour), berlin, utc(2026, 3, 26)));
    EXPECT_EQ(clock.state, ClockState::Met);
    EXPECT_EQ(clock.elapsedMs, 7 * Hour + 30 * Minute);
    EXPECT_EQ(clock.pausedMs, 18 * Hour);
    EXPECT_EQ(clock.stoppedAt, utc(2026, 3, 25, 9, 30));

    // Around the clock, a hold from 23:00 to 01:00 takes two hours off.
    const BusinessCalendar always = compile(twentyFourSeven());
    const auto night = subject(utc(2026, 3, 24, 22),
                               { step(K::Hold, utc(2026, 3, 24, 23), HoldReason::AwaitingChange),
                                 step(K::Resume, utc(2026, 3, 25, 1)) });
    const SlaClockStatus running = only(evaluate(night, policy(0, 4 * Hour), always, utc(2026, 3, 25, 2)));
    EXPECT_EQ(running.elapsedMs, 2 * Hour);
    EXPECT_EQ(running.pausedMs, 2 * Hour);
    EXPECT_EQ(running.deadlineAt, utc(2026, 3, 25, 4));
}

class SlaClockBreachBoundary : public ::testing::Test
{
protected:
    // Friday 2026-03-20 09:00 CET with eight business hours: due Friday 17:00 CET = 16:00Z.
    const BusinessCalendar berlin = compile(officeHours("Europe/Berlin"));
    const SlaPolicy p = policy(0, 8 * Hour);
    const qint64 opened = utc(2026, 3, 20, 8);
    const qint64 deadline = utc(2026, 3, 20, 16);
};

TEST_F(SlaClockBreachBoundary, ResolvedExactlyAtTheDeadlineIsMet)
{
    const SlaClockStatus clock = only(evaluate(subject(opened, { step(K::Resolved, deadline) }), p, berlin, utc(2026, 3, 23)));
    EXPECT_EQ(clock.state, ClockState::Met);
    EXPECT_EQ(clock.elapsedMs, 8 * Hour);
    EXPECT_EQ(clock.remainingMs, 0);
    EXPECT_EQ(clock.deadlineAt, deadline);
    EXPECT_EQ(clock.breachedAt, 0);
    EXPECT_EQ(clock.thresholdAt[3], 0) << "the 100 % threshold was not crossed";
    EXPECT_EQ(clock.thresholdAt[2], utc(2026, 3, 20, 15, 12)); // 90 %: 16:12 CET
}

TEST_F(SlaClockBreachBoundary, ResolvedOneMillisecondLateIsBreached)
{
    const SlaClockStatus clock = only(evaluate(subject(opened, { step(K::Resolved, deadline + 1) }), p, berlin, utc(2026, 3, 23)));
    EXPECT_EQ(clock.state, ClockState::Breached);
    EXPECT_EQ(clock.breachedAt, deadline);
    EXPECT_EQ(clock.elapsedMs, 8 * Hour) << "17:00:00.001 is after hours";
    EXPECT_EQ(clock.thresholdAt[3], deadline);
}

TEST_F(SlaClockBreachBoundary, OpenOverTheWeekendIsBreachedSinceFridayEvening)
{
    const SlaClockStatus atDeadline = only(evaluate(subject(opened), p, berlin, deadline));
    EXPECT_EQ(atDeadline.state, ClockState::Running);
    const SlaClockStatus saturday = only(evaluate(subject(opened), p, berlin, utc(2026, 3, 21, 9)));
    EXPECT_EQ(saturday.state, ClockState::Breached);
    EXPECT_EQ(saturday.breachedAt, deadline);
    EXPECT_EQ(saturday.elapsedMs, 8 * Hour);
    EXPECT_EQ(saturday.reachedThreshold, 3);
}

// A 24 h target across a DST change ends 24 real hours later on 24×7 and on a calendar of
// whole local days; business hours land on the right local hour after the change.
struct DstCase
{
    const char *zone;
    qint64 opened24h;
    qint64 due24h;
    qint64 openedFriday; // 16:00 local, 2 business hours
    qint64 dueMonday; // 10:00 local
};

class DstChange : public ::testing::TestWithParam<DstCase>
{
};

TEST_P(DstChange, TargetsEndAtTheRightUtcInstant)
{
    const DstCase c = GetParam();
    const BusinessCalendar always = compile(twentyFourSeven());
    const BusinessCalendar days = compile(wholeDays(c.zone));
    const BusinessCalendar office = compile(officeHours(c.zone));
    const SlaPolicy day = policy(0, 24 * Hour);
    for (const BusinessCalendar *calendar : { &always, &days }) {
        const SlaClockStatus clock = only(evaluate(subject(c.opened24h), day, *calendar, c.due24h + Hour));
        EXPECT_EQ(clock.deadlineAt, c.due24h) << c.zone;
        EXPECT_EQ(clock.breachedAt, c.due24h) << c.zone;
        EXPECT_EQ(clock.elapsedMs, 25 * Hour) << c.zone;
    }
    const SlaClockStatus business = only(evaluate(subject(c.openedFriday), policy(0, 2 * Hour), office, c.openedFriday));
    EXPECT_EQ(business.deadlineAt, c.dueMonday) << c.zone;
    EXPECT_EQ(business.elapsedMs, 0);
}

INSTANTIATE_TEST_SUITE_P(SlaClock, DstChange,
                         ::testing::Values(
                             // Berlin springs forward on Sunday 2026-03-29: 12:00 CET + 24 h = 13:00 CEST.
                             DstCase { "Europe/Berlin", utc(2026, 3, 28, 11), utc(2026, 3, 29, 11),
                                       utc(2026, 3, 27, 15), utc(2026, 3, 30, 8) },
                             // ... and falls back on Sunday 2026-10-25: 12:00 CEST + 24 h = 11:00 CET.
                             DstCase { "Europe/Berlin", utc(2026, 10, 24, 10), utc(2026, 10, 25, 10),
                                       utc(2026, 10, 23, 14), utc(2026, 10, 26, 9) },
                             // New York springs forward on Sunday 2026-03-08: 12:00 EST + 24 h = 13:00 EDT.
                             DstCase { "America/New_York", utc(2026, 3, 7, 17), utc(2026, 3, 8, 17),
                                       utc(2026, 3, 6, 21), utc(2026, 3, 9, 14) }));

TEST(SlaClock, HoursInsideTheDstNightCountTheirRealLength)
{
    // Sunday 01:00-04:00 local: two real hours in spring (02:00-03:00 never happens),
    // four in autumn (02:00-03:00 happens twice).
    CalendarDefinition night;
    night.id = QStringLiteral("night");
    night.timeZone = QStringLiteral("Europe/Berlin");
    night.week[6] = { { 60, 240 } };
    const BusinessCalendar berlin = compile(night);
    const SlaPolicy p = policy(0, 4 * Hour);
    const SlaClockStatus spring = only(evaluate(subject(utc(2026, 3, 28)), p, berlin, utc(2026, 3, 30)));
    EXPECT_EQ(spring.elapsedMs, 2 * Hour);
    EXPECT_EQ(spring.state, ClockState::Running);
    const SlaClockStatus autumn = only(evaluate(subject(utc(2026, 10, 24)), p, berlin, utc(2026, 10, 26)));
    EXPECT_EQ(autumn.elapsedMs, 4 * Hour);
    EXPECT_EQ(autumn.deadlineAt, utc(2026, 10, 25, 3)); // 04:00 CET
    EXPECT_EQ(autumn.state, ClockState::Breached);
}

TEST(SlaClock, HolidaysDoNotCount)
{
    CalendarDefinition definition = officeHours("Europe/Berlin");
    const SlaPolicy p = policy(0, 2 * Hour);
    // Thursday 2026-04-02 16:00 CEST; without a holiday, due Friday 10:00.
    const SlaSubject thursday = subject(utc(2026, 4, 2, 14));
    EXPECT_EQ(only(evaluate(thursday, p, compile(definition), thursday.openedAt)).deadlineAt, utc(2026, 4, 3, 8));

    definition.holidays = {
        { QStringLiteral("Good Friday"), QDate(2026, 4, 3), QDate(2026, 4, 4), 0, 0 },
        // A timed closure on Tuesday 13:00-15:00 CEST.
        { QStringLiteral("Town hall"), QDate(), QDate(), utc(2026, 4, 7, 11), utc(2026, 4, 7, 13) },
    };
    const BusinessCalendar berlin = compile(definition);
    EXPECT_EQ(only(evaluate(thursday, p, berlin, thursday.openedAt)).deadlineAt, utc(2026, 4, 6, 8));

    // Tuesday 12:00 CEST: 12:00-13:00, then 15:00-16:00.
    const SlaSubject tuesday = subject(utc(2026, 4, 7, 10));
    const SlaClockStatus clock = only(evaluate(tuesday, p, berlin, utc(2026, 4, 7, 12)));
    EXPECT_EQ(clock.elapsedMs, Hour);
    EXPECT_EQ(clock.deadlineAt, utc(2026, 4, 7, 14));
}

TEST(SlaClock, ReopenStartsANewCycleOrContinuesTheOldOne)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Acknowledged, T + 5 * Minute), step(K::Resolved, T + Hour),
                                step(K::Reopened, T + 3 * Hour) });

    const auto fresh = evaluate(s, policy(15 * Minute, 4 * Hour, ReopenRule::NewCycle), calendar, T + 5 * Hour);
    ASSERT_EQ(fresh.size(), 3);
    EXPECT_EQ(fresh[0].kind, SlaKind::Response);
    EXPECT_EQ(fresh[1].cycle, 1);
    EXPECT_EQ(fresh[1].state, ClockState::Met);
    EXPECT_EQ(fresh[1].elapsedMs, Hour);
    EXPECT_EQ(fresh[1].stoppedAt, T + Hour);
    EXPECT_EQ(fresh[2].cycle, 2);
    EXPECT_EQ(fresh[2].state, ClockState::Running);
    EXPECT_EQ(fresh[2].startedAt, T + 3 * Hour);
    EXPECT_EQ(fresh[2].elapsedMs, 2 * Hour);
    EXPECT_EQ(fresh[2].deadlineAt, T + 7 * Hour);

    const auto continued = evaluate(s, policy(15 * Minute, 4 * Hour, ReopenRule::ContinueCycle), calendar, T + 5 * Hour, true);
    ASSERT_EQ(continued.size(), 2);
    const SlaClockStatus &clock = continued[1];
    EXPECT_EQ(clock.cycle, 1);
    EXPECT_EQ(clock.state, ClockState::Running);
    EXPECT_EQ(clock.startedAt, T);
    EXPECT_EQ(clock.stoppedAt, 0);
    EXPECT_EQ(clock.elapsedMs, 3 * Hour);
    EXPECT_EQ(clock.pausedMs, 0) << "being resolved is not being on hold";
    EXPECT_EQ(clock.deadlineAt, T + 6 * Hour);
    const QList<ClockSegment> expected {
        { T, T + Hour, true, HoldReason::None, Hour },
        { T + Hour, T + 3 * Hour, false, HoldReason::None, 0 },
        { T + 3 * Hour, 0, true, HoldReason::None, 2 * Hour },
    };
    EXPECT_EQ(clock.segments, expected);
}

TEST(SlaClock, HoldWhoseReasonDoesNotPauseKeepsTheClockRunning)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Acknowledged, T), step(K::Hold, T + Hour, HoldReason::AwaitingProblem) });
    SlaPolicy p = policy(0, 4 * Hour);
    const SlaClockStatus running = only(evaluate(s, p, calendar, T + 2 * Hour, true));
    EXPECT_EQ(running.state, ClockState::Running);
    EXPECT_EQ(running.elapsedMs, 2 * Hour);
    EXPECT_EQ(running.pausedMs, 0);
    EXPECT_EQ(running.deadlineAt, T + 4 * Hour);
    const QList<ClockSegment> expected { { T, T + Hour, true, HoldReason::None, Hour },
                                         { T + Hour, 0, true, HoldReason::AwaitingProblem, Hour } };
    EXPECT_EQ(running.segments, expected);

    p.pausingReasons.insert(HoldReason::AwaitingProblem);
    const SlaClockStatus paused = only(evaluate(s, p, calendar, T + 2 * Hour));
    EXPECT_EQ(paused.state, ClockState::Paused);
    EXPECT_EQ(paused.elapsedMs, Hour);
    EXPECT_EQ(paused.pausedMs, Hour);
    EXPECT_TRUE(paused.segments.isEmpty()) << "segments only when asked for";
}

TEST(SlaClock, CancellationStopsEveryClockWithoutABreach)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Cancelled, T + 2 * Hour) });
    const auto clocks = evaluate(s, policy(15 * Minute, Hour), calendar, T + 3 * Hour);
    ASSERT_EQ(clocks.size(), 2);
    for (const SlaClockStatus &clock : clocks) {
        EXPECT_EQ(clock.state, ClockState::Cancelled);
        EXPECT_EQ(clock.stoppedAt, T + 2 * Hour);
        EXPECT_EQ(clock.elapsedMs, 2 * Hour);
        EXPECT_EQ(clock.breachedAt, 0);
        EXPECT_FALSE(clock.counting);
        EXPECT_FALSE(clock.isActive());
    }
}

TEST(SlaClock, EvaluatingInThePastIgnoresLaterTransitions)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Acknowledged, T + 10 * Minute), step(K::Hold, T + Hour, HoldReason::AwaitingVendor),
                                step(K::Resume, T + 2 * Hour), step(K::Resolved, T + 3 * Hour) });
    const SlaPolicy p = policy(15 * Minute, 4 * Hour);

    const auto early = evaluate(s, p, calendar, T + 5 * Minute);
    EXPECT_EQ(early[0].state, ClockState::Running);
    EXPECT_EQ(early[0].elapsedMs, 5 * Minute);
    EXPECT_EQ(early[1].state, ClockState::Running);

    const auto held = evaluate(s, p, calendar, T + 90 * Minute);
    EXPECT_EQ(held[0].state, ClockState::Met);
    EXPECT_EQ(held[1].state, ClockState::Paused);
    EXPECT_EQ(held[1].elapsedMs, Hour);
    EXPECT_EQ(held[1].pausedMs, 30 * Minute);

    const auto late = evaluate(s, p, calendar, T + 5 * Hour);
    EXPECT_EQ(late[1].state, ClockState::Met);
    EXPECT_EQ(late[1].elapsedMs, 2 * Hour);
    EXPECT_EQ(late[1].stoppedAt, T + 3 * Hour);

    EXPECT_TRUE(evaluate(s, p, calendar, T - 1).isEmpty()) << "no clock before the incident opened";
}

TEST(SlaClock, TimeGoingBackwardsNeverRunsTheClockBackwards)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto s = subject(T, { step(K::Hold, T + Hour, HoldReason::AwaitingCaller), step(K::Resume, T + 30 * Minute) });
    const SlaClockStatus clock = only(evaluate(s, policy(0, 4 * Hour), calendar, T + 2 * Hour));
    EXPECT_EQ(clock.elapsedMs, 2 * Hour) << "the resume counts at the hold's time";
    EXPECT_EQ(clock.pausedMs, 0);
}

TEST(SlaClock, ThresholdsAreReachedAtTheirShareOfTheTarget)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    const SlaPolicy p = policy(0, 100 * Minute);
    const SlaClockStatus running = only(evaluate(subject(T), p, calendar, T + 80 * Minute));
    ASSERT_EQ(running.thresholdCount, 4);
    EXPECT_EQ(running.thresholdAt[0], T + 50 * Minute);
    EXPECT_EQ(running.thresholdAt[1], T + 75 * Minute);
    EXPECT_EQ(running.thresholdAt[2], T + 90 * Minute) << "projected while running";
    EXPECT_EQ(running.thresholdAt[3], T + 100 * Minute);
    EXPECT_EQ(running.reachedThreshold, 1);
    EXPECT_DOUBLE_EQ(running.percentUsed(), 80.0);

    const auto held = subject(T, { step(K::Hold, T + 60 * Minute, HoldReason::AwaitingVendor) });
    const auto resolved = subject(T, { step(K::Resolved, T + 60 * Minute) });
    for (const SlaSubject &s : { held, resolved }) {
        const SlaClockStatus clock = only(evaluate(s, p, calendar, T + 80 * Minute));
        EXPECT_EQ(clock.thresholdAt[0], T + 50 * Minute) << "reached before it stopped counting";
        EXPECT_EQ(clock.thresholdAt[1], 0);
        EXPECT_EQ(clock.thresholdAt[2], 0);
        EXPECT_EQ(clock.thresholdAt[3], 0);
        EXPECT_EQ(clock.deadlineAt, 0);
        EXPECT_EQ(clock.reachedThreshold, 0);
    }
}

TEST(SlaClock, BusinessHoursThresholdsFallOnBusinessTime)
{
    // Friday 2026-03-20 15:00 CET, eight business hours: two on Friday, six on Monday.
    const BusinessCalendar berlin = compile(officeHours("Europe/Berlin"));
    const SlaSubject s = subject(utc(2026, 3, 20, 14));
    const SlaPolicy p = policy(0, 8 * Hour);
    const SlaClockStatus saturday = only(evaluate(s, p, berlin, utc(2026, 3, 21, 12)));
    EXPECT_EQ(saturday.thresholdAt[0], utc(2026, 3, 23, 10)); // 50 %: Monday 11:00 CET
    EXPECT_EQ(saturday.thresholdAt[1], utc(2026, 3, 23, 12)); // 75 %: 13:00
    EXPECT_EQ(saturday.thresholdAt[2], utc(2026, 3, 23, 13, 12)); // 90 %: 14:12
    EXPECT_EQ(saturday.thresholdAt[3], utc(2026, 3, 23, 14)); // 100 %: 15:00
    EXPECT_EQ(saturday.reachedThreshold, -1);
    EXPECT_EQ(saturday.elapsedMs, 2 * Hour);
    EXPECT_EQ(only(evaluate(s, p, berlin, utc(2026, 3, 23, 12, 30))).reachedThreshold, 1);
}

TEST(SlaClock, ThresholdsWatchOnlyTheClocksTheyAreFor)
{
    const BusinessCalendar calendar = compile(twentyFourSeven());
    SlaPolicy p = policy(10 * Minute, 100 * Minute);
    p.thresholds = { { 50, ThresholdAction::Notify, QString(), true, false },
                     { 150, ThresholdAction::Escalate, QStringLiteral("noc"), false, true } };
    const auto clocks = evaluate(subject(T), p, calendar, T);
    ASSERT_EQ(clocks.size(), 2);
    EXPECT_EQ(clocks[0].thresholdCount, 2);
    EXPECT_EQ(clocks[0].thresholdAt[0], T + 5 * Minute);
    EXPECT_EQ(clocks[0].thresholdAt[1], 0);
    EXPECT_EQ(clocks[1].thresholdAt[0], 0);
    EXPECT_EQ(clocks[1].thresholdAt[1], T + 150 * Minute) << "thresholds may lie past the target";

    p.thresholds.clear();
    for (int percent = 10; percent <= 100; percent += 10)
        p.thresholds << SlaThreshold { percent, ThresholdAction::Notify, QString(), true, true };
    const SlaClockStatus capped = evaluate(subject(T), p, calendar, T).value(1);
    EXPECT_EQ(capped.thresholdCount, MaxThresholds);
    EXPECT_EQ(capped.thresholdAt[MaxThresholds - 1], T + 80 * Minute);
}

QString describe(const SlaClockStatus &c)
{
    QString text = QStringLiteral("%1#%2 %3 target=%4 start=%5 stop=%6 elapsed=%7 paused=%8 deadline=%9 breached=%10")
                       .arg(toName(c.kind))
                       .arg(c.cycle)
                       .arg(toName(c.state))
                       .arg(c.targetMs)
                       .arg(c.startedAt)
                       .arg(c.stoppedAt)
                       .arg(c.elapsedMs)
                       .arg(c.pausedMs)
                       .arg(c.deadlineAt)
                       .arg(c.breachedAt);
    for (int i = 0; i < c.thresholdCount; ++i)
        text += QStringLiteral(" t%1=%2").arg(i).arg(c.thresholdAt[size_t(i)]);
    return text;
}

// Every clock of a few histories on calendars in three zones, as text.
QStringList clocksAcrossZones()
{
    QStringList out;
    const QList<CalendarDefinition> definitions { officeHours("Europe/Berlin"), officeHours("America/New_York"),
                                                  officeHours("Australia/Lord_Howe"), wholeDays("Europe/Berlin") };
    const QList<SlaSubject> subjects {
        subject(utc(2026, 3, 27, 15), { step(K::Acknowledged, utc(2026, 3, 30, 7)),
                                        step(K::Hold, utc(2026, 3, 30, 8), HoldReason::AwaitingCaller),
                                        step(K::Resume, utc(2026, 3, 31, 12)) }),
        subject(utc(2026, 10, 23, 20), { step(K::Resolved, utc(2026, 10, 26, 16)), step(K::Reopened, utc(2026, 10, 27, 2)) }),
    };
    for (const CalendarDefinition &definition : definitions) {
        const BusinessCalendar calendar = compile(definition);
        for (const SlaSubject &s : subjects) {
            for (const SlaClockStatus &c : evaluate(s, policy(4 * Hour, 16 * Hour), calendar, utc(2026, 11, 2)))
                out << definition.timeZone + QLatin1Char(' ') + describe(c);
        }
    }
    return out;
}

TEST(SlaClock, OperatorsTimeZoneDoesNotChangeAnyClock)
{
    const bool hadZone = qEnvironmentVariableIsSet("TZ");
    const QByteArray previousZone = qgetenv("TZ");
    const QStringList here = clocksAcrossZones();
    qputenv("TZ", "Asia/Tokyo");
    tzset();
    const QStringList tokyo = clocksAcrossZones();
    qputenv("TZ", "America/Los_Angeles");
    tzset();
    const QStringList losAngeles = clocksAcrossZones();
    if (hadZone)
        qputenv("TZ", previousZone);
    else
        qunsetenv("TZ");
    tzset();

    ASSERT_EQ(here.size(), 20);
    EXPECT_EQ(tokyo, here);
    EXPECT_EQ(losAngeles, here);
}

TEST(SlaClock, CalendarIsReadInTheZoneItIsCompiledFor)
{
    // One "Mon–Fri 09:00–17:00" calendar, read in a Kolkata site's zone and in its own.
    const CalendarDefinition definition = officeHours("Europe/Berlin");
    const BusinessCalendar kolkata(definition, QTimeZone("Asia/Kolkata"));
    const BusinessCalendar berlin = compile(definition);
    const SlaSubject s = subject(utc(2026, 3, 23, 3, 30)); // Monday 09:00 IST, 04:30 CET
    const SlaPolicy p = policy(0, Hour);
    EXPECT_EQ(only(evaluate(s, p, kolkata, s.openedAt)).deadlineAt, utc(2026, 3, 23, 4, 30));
    EXPECT_EQ(only(evaluate(s, p, berlin, s.openedAt)).deadlineAt, utc(2026, 3, 23, 9));
}

const QString IncidentId = QStringLiteral("0190a0b0-0000-7000-8000-0000000000c1");

struct EventLog
{
    void add(IncidentAction action, qint64 at, const QJsonObject &payload = {}, const char *node = "n1")
    {
        // Payloads with a rule are the engine's automatic actions, by the system actor.
        const QString actor = payload.contains(QStringLiteral("rule")) ? QStringLiteral("system") : QStringLiteral("ana");
        events << makeEvent(action, IncidentId, HlcTimestamp { at, 0, QString::fromLatin1(node) }, at, payload, actor);
    }
    QList<Event> events;
};

QJsonObject object(std::initializer_list<std::pair<const char *, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &[key, value] : fields)
        o.insert(QLatin1StringView(key), value);
    return o;
}

TEST(SlaSubject, IsDerivedFromTheEventsTheFoldAccepted)
{
    using A = IncidentAction;
    QJsonObject open = openPayload(QStringLiteral("Sorter 3 jammed"), 2, 2);
    open.insert(QStringLiteral("number"), QStringLiteral("INC0000042"));
    open.insert(QStringLiteral("category"), QStringLiteral("Hardware"));
    open.insert(QStringLiteral("assignment_group"), QStringLiteral("Warehouse Ops"));
    EventLog log;
    log.add(A::Open, T, open);
    log.add(A::Acknowledge, T + 10 * Minute);
    // Recorded offline on n2 before it saw the acknowledgement: a hold of a new incident
    // is flagged by the fold and must not pause anything.
    log.add(A::Hold, T + 5 * Minute, object({ { "hold_reason", QStringLiteral("awaiting_vendor") } }), "n2");
    log.add(A::Hold, T + Hour, object({ { "hold_reason", QStringLiteral("awaiting_caller") } }));
    log.add(A::Escalate, T + 70 * Minute, object({ { "level", 1 }, { "rule", QStringLiteral("esc/noc/unack/c1/r0/l1") } }));
    log.add(A::Resume, T + 2 * Hour);
    log.add(A::Prioritize, T + 150 * Minute,
            object({ { "impact", 1 }, { "urgency", 1 }, { "priority", 1 }, { "rule", QStringLiteral("sla/p2/resolution/90") } }));
    log.add(A::Resolve, T + 3 * Hour, object({ { "code", QStringLiteral("fixed") } }));
    log.add(A::Escalate, T + 190 * Minute, object({ { "level", 2 }, { "rule", QStringLiteral("esc/late") } })); // flagged
    log.add(A::Reopen, T + 4 * Hour, object({ { "reason", QStringLiteral("Jammed again") } }));
    log.add(A::Comment, T + 250 * Minute, object({ { "text", QStringLiteral("Watching it") } }));
    std::mt19937_64 rng(42);
    std::shuffle(log.events.begin(), log.events.end(), rng);

    const SlaSubject s = slaSubjectFromEvents(log.events);
    EXPECT_EQ(s.incidentId, IncidentId);
    EXPECT_EQ(s.number, QStringLiteral("INC0000042"));
    EXPECT_EQ(s.priority, 1);
    EXPECT_EQ(s.impact, 1);
    EXPECT_EQ(s.urgency, 1);
    EXPECT_EQ(s.service, QStringLiteral("Sortation"));
    EXPECT_EQ(s.domain, Domain::Warehouse);
    EXPECT_EQ(s.site, QStringLiteral("DC1 Rotterdam"));
    EXPECT_EQ(s.category, QStringLiteral("Hardware"));
    EXPECT_EQ(s.assignmentGroup, QStringLiteral("Warehouse Ops"));
    EXPECT_EQ(s.state, IncidentState::InProgress);
    EXPECT_EQ(s.openedAt, T);
    EXPECT_EQ(s.eventCount, 11);
    const QList<SlaTransition> expected { step(K::Acknowledged, T + 10 * Minute),
                                          step(K::Hold, T + Hour, HoldReason::AwaitingCaller),
                                          step(K::Resume, T + 2 * Hour), step(K::Resolved, T + 3 * Hour),
                                          step(K::Reopened, T + 4 * Hour) };
    EXPECT_EQ(s.transitions, expected);
    EXPECT_EQ(s.firedRules, (QSet<QString> { QStringLiteral("esc/noc/unack/c1/r0/l1"), QStringLiteral("sla/p2/resolution/90") }));

    const BusinessCalendar calendar = compile(twentyFourSeven());
    const auto clocks = evaluate(s, policy(15 * Minute, 4 * Hour), calendar, T + 5 * Hour);
    ASSERT_EQ(clocks.size(), 3);
    EXPECT_EQ(clocks[0].elapsedMs, 10 * Minute) << "the flagged hold did not pause the response";
    EXPECT_EQ(clocks[0].state, ClockState::Met);
    EXPECT_EQ(clocks[1].elapsedMs, 2 * Hour);
    EXPECT_EQ(clocks[1].pausedMs, Hour);
    EXPECT_EQ(clocks[2].cycle, 2);
    EXPECT_EQ(clocks[2].elapsedMs, Hour);
}

TEST(SlaSubject, CloseAndCancelAreTransitions)
{
    using A = IncidentAction;
    EventLog closed;
    closed.add(A::Open, T, openPayload());
    closed.add(A::Resolve, T + Hour, object({ { "code", QStringLiteral("fixed") } }));
    closed.add(A::Close, T + 2 * Hour);
    const SlaSubject c = slaSubjectFromEvents(closed.events);
    EXPECT_EQ(c.transitions, (QList<SlaTransition> { step(K::Resolved, T + Hour), step(K::Closed, T + 2 * Hour) }));
    EXPECT_FALSE(c.isOpen());

    EventLog cancelled;
    cancelled.add(A::Open, T, openPayload());
    cancelled.add(A::Cancel, T + Hour);
    const SlaSubject x = slaSubjectFromEvents(cancelled.events);
    EXPECT_EQ(x.transitions, (QList<SlaTransition> { step(K::Cancelled, T + Hour) }));
    EXPECT_EQ(x.state, IncidentState::Cancelled);
}

} // namespace
} // namespace nocturne::core::test
