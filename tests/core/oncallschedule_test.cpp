#include "core/engine/oncallschedule.h"
#include "testsupport.h"

#include <QDateTime>

#include <ctime>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

constexpr qint64 HourMs = 3'600'000;

qint64 utc(const char *iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    EXPECT_TRUE(t.isValid()) << iso;
    return t.toMSecsSinceEpoch();
}

RotationLayer layer(const char *name, RotationLayer::Period period, QTime handoff, QDate start,
    QStringList users, int weekday = Qt::Monday)
{
    return RotationLayer { QString::fromLatin1(name), period, handoff, weekday, start, users };
}

OnCallSchedule schedule(
    const char *zone, QList<RotationLayer> layers, QList<OnCallOverride> overrides = {})
{
    OnCallSchedule s;
    s.id = QStringLiteral("noc");
    s.timeZone = QString::fromLatin1(zone);
    s.layers = layers;
    s.overrides = overrides;
    return s;
}

const QStringList FourUsers { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
    QStringLiteral("d") };

// Weekly Monday 09:00 Berlin from Monday 2026-01-05 (CET, UTC+1).
OnCallSchedule weeklyBerlin()
{
    return schedule("Europe/Berlin",
        { layer(
            "Primary", RotationLayer::Period::Weekly, QTime(9, 0), QDate(2026, 1, 5), FourUsers) });
}

QString userAt(const OnCallSchedule &s, const char *iso)
{
    const auto answer = whoIsOnCall(s, utc(iso));
    return answer ? answer->user : QStringLiteral("<nobody>");
}

qint64 shiftHours(const OnCallSchedule &s, const char *iso)
{
    const auto answer = whoIsOnCall(s, utc(iso));
    return answer ? (answer->shiftEndUtcMs - answer->shiftStartUtcMs) / HourMs : -1;
}

TEST(OnCallSchedule, NobodyIsOnCallBeforeTheFirstHandoff)
{
    EXPECT_FALSE(whoIsOnCall(weeklyBerlin(), utc("2026-01-05T07:59:59Z")).has_value());
    EXPECT_FALSE(whoIsOnCall(weeklyBerlin(), utc("2025-12-31T12:00:00Z")).has_value());
    EXPECT_FALSE(whoIsOnCall(schedule("UTC", {}), utc("2026-01-05T12:00:00Z")).has_value());
}

TEST(OnCallSchedule, WeeklyRotationHandsOffOnMondayAtNineLocal)
{
    const OnCallSchedule s = weeklyBerlin();
    const auto first = whoIsOnCall(s, utc("2026-01-05T08:00:00Z"));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->user, QStringLiteral("a"));
    EXPECT_EQ(first->layer, QStringLiteral("Primary"));
    EXPECT_FALSE(first->fromOverride);
    EXPECT_EQ(first->shiftStartUtcMs, utc("2026-01-05T08:00:00Z"));
    EXPECT_EQ(first->shiftEndUtcMs, utc("2026-01-12T08:00:00Z"));
    EXPECT_EQ(userAt(s, "2026-01-11T23:00:00Z"), QStringLiteral("a"));
    EXPECT_EQ(userAt(s, "2026-01-12T07:59:59Z"), QStringLiteral("a"));
    EXPECT_EQ(userAt(s, "2026-01-12T08:00:00Z"), QStringLiteral("b"));
    EXPECT_EQ(userAt(s, "2026-01-21T12:00:00Z"), QStringLiteral("c"));
    EXPECT_EQ(userAt(s, "2026-01-26T08:00:00Z"), QStringLiteral("d"));
    EXPECT_EQ(userAt(s, "2026-02-02T08:00:00Z"), QStringLiteral("a")); // the rotation wraps
}

TEST(OnCallSchedule, WeeklyRotationStartsAtTheFirstHandoffDayOnOrAfterTheStartDate)
{
    OnCallSchedule s = weeklyBerlin();
    s.layers[0].startDate = QDate(2026, 1, 7); // a Wednesday
    s.layers[0].handoffWeekday = Qt::Friday;
    EXPECT_EQ(userAt(s, "2026-01-08T12:00:00Z"), QStringLiteral("<nobody>"));
    EXPECT_EQ(userAt(s, "2026-01-09T08:00:00Z"), QStringLiteral("a"));
    EXPECT_EQ(userAt(s, "2026-01-16T07:00:00Z"), QStringLiteral("a"));
    EXPECT_EQ(userAt(s, "2026-01-16T08:00:00Z"), QStringLiteral("b"));
}

TEST(OnCallSchedule, DailyRotationTakesTurnsEveryDay)
{
    const OnCallSchedule s = schedule("UTC",
        { layer("Days", RotationLayer::Period::Daily, QTime(18, 30), QDate(2026, 5, 1),
            { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") }) });
    EXPECT_EQ(userAt(s, "2026-05-01T18:29:00Z"), QStringLiteral("<nobody>"));
    EXPECT_EQ(userAt(s, "2026-05-01T18:30:00Z"), QStringLiteral("x"));
    EXPECT_EQ(userAt(s, "2026-05-02T10:00:00Z"), QStringLiteral("x"));
    EXPECT_EQ(userAt(s, "2026-05-02T18:30:00Z"), QStringLiteral("y"));
    EXPECT_EQ(userAt(s, "2026-05-03T20:00:00Z"), QStringLiteral("z"));
    EXPECT_EQ(userAt(s, "2026-05-04T19:00:00Z"), QStringLiteral("x"));
    EXPECT_EQ(userAt(s, "2026-05-31T18:30:00Z"), QStringLiteral("x")); // day 30: 30 % 3 == 0
    EXPECT_EQ(shiftHours(s, "2026-05-10T00:00:00Z"), 24);
}

TEST(OnCallSchedule, OverridesBeatLayersAndTheLastListedWins)
{
    OnCallSchedule s = weeklyBerlin();
    s.overrides = { { QStringLiteral("sub1"), utc("2026-01-06T10:00:00Z"),
                        utc("2026-01-06T18:00:00Z") },
        { QStringLiteral("sub2"), utc("2026-01-06T14:00:00+01:00"), utc("2026-01-07T00:00:00Z") } };
    const auto early = whoIsOnCall(s, utc("2026-01-06T11:00:00Z"));
    ASSERT_TRUE(early.has_value());
    EXPECT_EQ(early->user, QStringLiteral("sub1"));
    EXPECT_TRUE(early->fromOverride);
    EXPECT_TRUE(early->layer.isEmpty());
    EXPECT_EQ(early->shiftStartUtcMs, utc("2026-01-06T10:00:00Z"));
    EXPECT_EQ(early->shiftEndUtcMs, utc("2026-01-06T18:00:00Z"));
    const auto overlap = whoIsOnCall(s, utc("2026-01-06T15:00:00Z"));
    ASSERT_TRUE(overlap.has_value());
    EXPECT_EQ(overlap->user, QStringLiteral("sub2"));
    EXPECT_EQ(overlap->shiftStartUtcMs, utc("2026-01-06T13:00:00Z"));
    EXPECT_EQ(userAt(s, "2026-01-07T00:00:00Z"), QStringLiteral("a")); // end is exclusive
    EXPECT_EQ(userAt(s, "2026-01-06T09:59:59Z"), QStringLiteral("a"));
    // An override counts even before any layer has started.
    s.overrides.append(
        { QStringLiteral("early"), utc("2025-12-01T00:00:00Z"), utc("2025-12-02T00:00:00Z") });
    EXPECT_EQ(userAt(s, "2025-12-01T12:00:00Z"), QStringLiteral("early"));
}

TEST(OnCallSchedule, TheLastLayerWithATurnDecides)
{
    OnCallSchedule s = weeklyBerlin();
    s.layers.append(layer("Holiday cover", RotationLayer::Period::Daily, QTime(9, 0),
        QDate(2026, 2, 1), { QStringLiteral("p"), QStringLiteral("q") }));
    EXPECT_EQ(
        userAt(s, "2026-01-20T12:00:00Z"), QStringLiteral("c")); // the later layer has not started
    const auto answer = whoIsOnCall(s, utc("2026-02-02T12:00:00Z"));
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->user, QStringLiteral("q"));
    EXPECT_EQ(answer->layer, QStringLiteral("Holiday cover"));
}

TEST(OnCallSchedule, DailyShiftsAcrossBerlinDstLast23And25Hours)
{
    const OnCallSchedule s = schedule("Europe/Berlin",
        { layer("Days", RotationLayer::Period::Daily, QTime(9, 0), QDate(2026, 1, 1), FourUsers) });
    const auto spring = whoIsOnCall(s, utc("2026-03-29T03:00:00Z"));
    ASSERT_TRUE(spring.has_value());
    EXPECT_EQ(spring->shiftStartUtcMs, utc("2026-03-28T08:00:00Z")); // 09:00 CET
    EXPECT_EQ(spring->shiftEndUtcMs, utc("2026-03-29T07:00:00Z")); // 09:00 CEST
    EXPECT_EQ(shiftHours(s, "2026-03-29T03:00:00Z"), 23);
    EXPECT_EQ(shiftHours(s, "2026-03-29T07:00:00Z"), 24);
    const auto autumn = whoIsOnCall(s, utc("2026-10-25T01:30:00Z"));
    ASSERT_TRUE(autumn.has_value());
    EXPECT_EQ(autumn->shiftStartUtcMs, utc("2026-10-24T07:00:00Z")); // 09:00 CEST
    EXPECT_EQ(autumn->shiftEndUtcMs, utc("2026-10-25T08:00:00Z")); // 09:00 CET
    EXPECT_EQ(shiftHours(s, "2026-10-25T07:59:59Z"), 25);
    // The turns keep counting local days: 2026-03-29 is day 87, 87 % 4 == 3.
    EXPECT_EQ(userAt(s, "2026-03-29T07:00:00Z"), QStringLiteral("d"));
}

TEST(OnCallSchedule, WeeklyShiftAcrossDstKeepsTheLocalHandoff)
{
    const OnCallSchedule s = weeklyBerlin();
    const auto answer = whoIsOnCall(s, utc("2026-03-29T12:00:00Z"));
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->shiftStartUtcMs, utc("2026-03-23T08:00:00Z"));
    EXPECT_EQ(answer->shiftEndUtcMs, utc("2026-03-30T07:00:00Z"));
    EXPECT_EQ(shiftHours(s, "2026-03-29T12:00:00Z"), 7 * 24 - 1);
}

TEST(OnCallSchedule, DailyShiftAcrossNewYorkSpringForwardLasts23Hours)
{
    const OnCallSchedule s = schedule("America/New_York",
        { layer("Days", RotationLayer::Period::Daily, QTime(9, 0), QDate(2026, 3, 1), FourUsers) });
    const auto answer
        = whoIsOnCall(s, utc("2026-03-08T12:00:00Z")); // 08:00 EDT: still the 7th's turn
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->shiftStartUtcMs, utc("2026-03-07T14:00:00Z")); // 09:00 EST
    EXPECT_EQ(answer->shiftEndUtcMs, utc("2026-03-08T13:00:00Z")); // 09:00 EDT
    EXPECT_EQ(answer->user, QStringLiteral("c")); // day 6
    EXPECT_EQ(shiftHours(s, "2026-03-08T12:00:00Z"), 23);
}

TEST(OnCallSchedule, HandoffInsideTheSpringForwardGapHappensWhenTheGapEnds)
{
    const OnCallSchedule s = schedule("Europe/Berlin",
        { layer(
            "Nights", RotationLayer::Period::Daily, QTime(2, 30), QDate(2026, 3, 1), FourUsers) });
    // 02:30 does not exist on 2026-03-29: the hand-off is at 03:00 CEST (01:00 UTC).
    EXPECT_EQ(
        whoIsOnCall(s, utc("2026-03-29T00:59:59Z"))->shiftEndUtcMs, utc("2026-03-29T01:00:00Z"));
    const auto answer = whoIsOnCall(s, utc("2026-03-29T01:00:00Z"));
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->shiftStartUtcMs, utc("2026-03-29T01:00:00Z"));
    EXPECT_EQ(answer->shiftEndUtcMs, utc("2026-03-30T00:30:00Z")); // 02:30 CEST
    // 02:30 occurs twice on 2026-10-25: the hand-off is at the first one (CEST).
    const auto autumn = whoIsOnCall(s, utc("2026-10-25T01:00:00Z"));
    ASSERT_TRUE(autumn.has_value());
    EXPECT_EQ(autumn->shiftStartUtcMs, utc("2026-10-25T00:30:00Z"));
    EXPECT_EQ(autumn->shiftEndUtcMs, utc("2026-10-26T01:30:00Z")); // 02:30 CET
}

// Restores the process time zone however the test ends.
class ProcessTimeZone
{
public:
    explicit ProcessTimeZone(const char *zone)
        : m_had(qEnvironmentVariableIsSet("TZ"))
        , m_old(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~ProcessTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    bool m_had;
    QByteArray m_old;
};

TEST(OnCallSchedule, AnswersDoNotDependOnTheProcessTimeZone)
{
    const OnCallSchedule s = schedule("Europe/Berlin",
        { layer("Days", RotationLayer::Period::Daily, QTime(9, 0), QDate(2026, 1, 1), FourUsers) });
    const qint64 at = utc("2026-03-29T06:30:00Z"); // 08:30 CEST, 15:30 in Tokyo
    const auto inUtc = whoIsOnCall(s, at);
    ProcessTimeZone tokyo("Asia/Tokyo");
    const auto inTokyo = whoIsOnCall(s, at);
    ASSERT_TRUE(inUtc.has_value() && inTokyo.has_value());
    EXPECT_EQ(inTokyo->user, inUtc->user);
    EXPECT_EQ(inTokyo->shiftStartUtcMs, utc("2026-03-28T08:00:00Z"));
    EXPECT_EQ(inTokyo->shiftEndUtcMs, utc("2026-03-29T07:00:00Z"));
}

} // namespace
} // namespace nocturne::core::test
