#include <ui/alertrules.h>
#include <ui/alertsounder.h>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using Kind = core::SlaAlert::Kind;

namespace {

core::SlaAlert alert(Kind kind, int priority, int percent = 100, core::SlaKind clock = core::SlaKind::Resolution)
{
    core::SlaAlert a;
    a.kind = kind;
    a.priority = priority;
    a.percent = percent;
    a.clock = clock;
    a.incidentId = QStringLiteral("id-%1").arg(priority);
    a.number = QStringLiteral("INC000123%1").arg(priority);
    return a;
}

const QuietHours Night { true, QTime(22, 0), QTime(7, 0) };

} // namespace

TEST(QuietHours, AWindowAcrossMidnightCoversTheNightOnly)
{
    EXPECT_TRUE(Night.contains(QTime(22, 0)));
    EXPECT_TRUE(Night.contains(QTime(23, 59)));
    EXPECT_TRUE(Night.contains(QTime(0, 0)));
    EXPECT_TRUE(Night.contains(QTime(6, 59, 59)));
    EXPECT_FALSE(Night.contains(QTime(7, 0))); // the end is not included
    EXPECT_FALSE(Night.contains(QTime(12, 0)));
    EXPECT_FALSE(Night.contains(QTime(21, 59)));
}

TEST(QuietHours, ADaytimeWindowAndTheOffSwitch)
{
    const QuietHours lunch { true, QTime(12, 0), QTime(13, 30) };
    EXPECT_TRUE(lunch.contains(QTime(12, 45)));
    EXPECT_FALSE(lunch.contains(QTime(13, 30)));
    EXPECT_FALSE(lunch.contains(QTime(23, 0)));
    QuietHours off = Night;
    off.enabled = false;
    EXPECT_FALSE(off.contains(QTime(23, 0)));
    const QuietHours empty { true, QTime(22, 0), QTime(22, 0) };
    EXPECT_FALSE(empty.contains(QTime(22, 0)));
}

TEST(AlertRules, QuietHoursSilenceOnlyMinorThresholdAlerts)
{
    const QTime night(3, 0);
    for (int p = 3; p <= 5; ++p)
        EXPECT_TRUE(AlertRules::isSilenced(alert(Kind::Threshold, p, 75), Night, night)) << p;
    EXPECT_FALSE(AlertRules::isSilenced(alert(Kind::Threshold, 2, 75), Night, night));
    EXPECT_FALSE(AlertRules::isSilenced(alert(Kind::Escalation, 4), Night, night));
    // During the day nothing is silenced.
    EXPECT_FALSE(AlertRules::isSilenced(alert(Kind::Threshold, 4, 75), Night, QTime(10, 0)));
}

TEST(AlertRules, APriorityOneOrABreachIsNeverSilenced)
{
    // Even a window that covers the whole day cannot silence them.
    const QuietHours always { true, QTime(0, 0), QTime(23, 59, 59, 999) };
    const QTime night(3, 0);
    for (Kind kind : { Kind::Threshold, Kind::Breach, Kind::Escalation })
        EXPECT_FALSE(AlertRules::isSilenced(alert(kind, 1, 50), always, night));
    for (int p = 1; p <= 5; ++p)
        EXPECT_FALSE(AlertRules::isSilenced(alert(Kind::Breach, p), always, night)) << p;
    EXPECT_TRUE(AlertRules::isSilenced(alert(Kind::Threshold, 5, 90), always, night));
}

TEST(AlertRules, TheBannerTakesBreachesEscalationsAndUrgentThresholds)
{
    EXPECT_TRUE(AlertRules::showsBanner(alert(Kind::Breach, 5)));
    EXPECT_TRUE(AlertRules::showsBanner(alert(Kind::Escalation, 4)));
    EXPECT_TRUE(AlertRules::showsBanner(alert(Kind::Threshold, 1, 50)));
    EXPECT_TRUE(AlertRules::showsBanner(alert(Kind::Threshold, 2, 75)));
    EXPECT_FALSE(AlertRules::showsBanner(alert(Kind::Threshold, 3, 90)));
}

TEST(AlertRules, DescribesAnAlertInOneLine)
{
    EXPECT_EQ(AlertRules::describe(alert(Kind::Breach, 1)), QStringLiteral("INC0001231 breached its resolution target (P1)"));
    EXPECT_EQ(AlertRules::describe(alert(Kind::Threshold, 2, 75, core::SlaKind::Response)),
              QStringLiteral("INC0001232 has used 75 % of its response target (P2)"));
    core::SlaAlert escalation = alert(Kind::Escalation, 3);
    escalation.detail = QStringLiteral("level 1: paged Ops L2 on-call");
    EXPECT_EQ(AlertRules::describe(escalation), QStringLiteral("INC0001233 was escalated (P3): level 1: paged Ops L2 on-call"));
}

TEST(AlertSounder, APriorityOneRepeatsFastUntilItsIncidentIsAcknowledged)
{
    AlertSounder sounder;
    EXPECT_TRUE(sounder.raise(QStringLiteral("a"), 1, true, 0));
    EXPECT_TRUE(sounder.isRepeating(1));
    EXPECT_TRUE(sounder.due(4'999).isEmpty());
    EXPECT_EQ(sounder.due(5'000), QList<int> { 1 });
    EXPECT_TRUE(sounder.due(6'000).isEmpty());
    EXPECT_EQ(sounder.due(10'000), QList<int> { 1 });
    sounder.settle(QStringLiteral("a"));
    EXPECT_FALSE(sounder.isRepeating(1));
    EXPECT_TRUE(sounder.due(60'000).isEmpty());
}

TEST(AlertSounder, APriorityTwoRepeatsSlowerAndStopsOnlyWhenEveryIncidentIsAnswered)
{
    AlertSounder sounder;
    sounder.raise(QStringLiteral("a"), 2, true, 0);
    sounder.raise(QStringLiteral("b"), 2, true, 1'000);
    EXPECT_TRUE(sounder.due(5'000).isEmpty());
    EXPECT_EQ(sounder.due(AlertSounder::repeatIntervalMs(2) + 1'000), QList<int> { 2 });
    EXPECT_GT(AlertSounder::repeatIntervalMs(2), AlertSounder::repeatIntervalMs(1));
    sounder.settle(QStringLiteral("a"));
    EXPECT_TRUE(sounder.isRepeating(2)); // "b" still waits
    sounder.settle(QStringLiteral("b"));
    EXPECT_FALSE(sounder.isRepeating(2));
}

TEST(AlertSounder, MinorPrioritiesAndOwnedIncidentsSoundOnce)
{
    AlertSounder sounder;
    EXPECT_TRUE(sounder.raise(QStringLiteral("a"), 3, true, 0));
    EXPECT_TRUE(sounder.raise(QStringLiteral("b"), 1, false, 0)); // already acknowledged
    EXPECT_FALSE(sounder.isRepeating(1));
    EXPECT_FALSE(sounder.isRepeating(3));
    EXPECT_TRUE(sounder.due(3'600'000).isEmpty());
}

TEST(AlertSounder, BothRepeatsCanBeDueAndTheMostUrgentPlays)
{
    AlertSounder sounder;
    sounder.raise(QStringLiteral("a"), 2, true, 0);
    sounder.raise(QStringLiteral("b"), 1, true, 15'000);
    const QList<int> due = sounder.due(20'000);
    EXPECT_EQ(due, (QList<int> { 1, 2 }));
    EXPECT_EQ(AlertSounder::mostUrgent(due), 1);
    EXPECT_EQ(AlertSounder::mostUrgent({}), 0);
}

TEST(AlertSounder, AfterAStallTheRepeatDoesNotBurst)
{
    AlertSounder sounder;
    sounder.raise(QStringLiteral("a"), 1, true, 0);
    EXPECT_EQ(sounder.due(60'000), QList<int> { 1 }); // a minute without checks
    EXPECT_TRUE(sounder.due(61'000).isEmpty());
    EXPECT_EQ(sounder.due(65'000), QList<int> { 1 });
}

TEST(AlertSounder, TurnedOffItNeitherPlaysNorRemembers)
{
    AlertSounder sounder;
    sounder.raise(QStringLiteral("a"), 1, true, 0);
    sounder.setEnabled(false);
    EXPECT_FALSE(sounder.isRepeating(1));
    EXPECT_FALSE(sounder.raise(QStringLiteral("b"), 1, true, 0));
    EXPECT_TRUE(sounder.due(10'000).isEmpty());
}
