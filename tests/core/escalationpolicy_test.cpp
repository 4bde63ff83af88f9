#include "core/engine/escalationpolicy.h"
#include "testsupport.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

constexpr qint64 MinuteMs = 60'000;

EscalationPolicy policyWithDelays(
    std::initializer_list<int> delayMinutes, int repeat, int intervalMinutes)
{
    EscalationPolicy p;
    p.id = QStringLiteral("noc");
    p.trigger = EscalationTrigger::Unacknowledged;
    p.unacknowledgedMs = 10 * MinuteMs;
    int i = 0;
    for (int delay : delayMinutes)
        p.levels.append(
            { delay * MinuteMs, EscalationTargetKind::User, QStringLiteral("user%1").arg(++i) });
    p.repeat = repeat;
    p.repeatIntervalMs = intervalMinutes * MinuteMs;
    return p;
}

QStringList keysOf(const QList<PlannedEscalation> &plan)
{
    QStringList keys;
    for (const PlannedEscalation &e : plan)
        keys.append(e.ruleKey);
    return keys;
}

QList<qint64> minutesAfter(const QList<PlannedEscalation> &plan, qint64 start)
{
    QList<qint64> minutes;
    for (const PlannedEscalation &e : plan)
        minutes.append((e.dueAt - start) / MinuteMs);
    return minutes;
}

TEST(EscalationPolicy, TargetKindNamesRoundTrip)
{
    for (auto kind :
        { EscalationTargetKind::Group, EscalationTargetKind::User, EscalationTargetKind::Schedule })
        EXPECT_EQ(escalationTargetKindFromName(toName(kind)), kind);
    EXPECT_EQ(toName(EscalationTargetKind::Schedule), QStringLiteral("schedule"));
    EXPECT_FALSE(escalationTargetKindFromName(u"team").has_value());
}

TEST(EscalationPolicy, EmptySelectorsMatchEverythingAndEachListRestricts)
{
    EscalationPolicy p;
    EXPECT_TRUE(p.matches(5, QStringLiteral("Anything"), Domain::Finance));
    p.priorities = { 1, 2 };
    p.domains = { Domain::Warehouse };
    EXPECT_TRUE(p.matches(2, QStringLiteral("WMS"), Domain::Warehouse));
    EXPECT_FALSE(p.matches(3, QStringLiteral("WMS"), Domain::Warehouse));
    EXPECT_FALSE(p.matches(1, QStringLiteral("WMS"), Domain::Retail));
    p.services = { QStringLiteral("Material Handling") };
    EXPECT_FALSE(p.matches(1, QStringLiteral("WMS"), Domain::Warehouse));
    EXPECT_TRUE(p.matches(1, QStringLiteral("Material Handling"), Domain::Warehouse));
}

TEST(EscalationPolicy, PlanListsEveryRoundAndLevelWithStableKeys)
{
    const EscalationPolicy p = policyWithDelays({ 0, 15 }, 1, 30);
    const qint64 start = T0;
    const QList<PlannedEscalation> plan = planEscalation(p, start, QStringLiteral("unack/c1"));
    EXPECT_EQ(keysOf(plan),
        (QStringList { QStringLiteral("esc/noc/unack/c1/r0/l1"),
            QStringLiteral("esc/noc/unack/c1/r0/l2"), QStringLiteral("esc/noc/unack/c1/r1/l1"),
            QStringLiteral("esc/noc/unack/c1/r1/l2") }));
    EXPECT_EQ(minutesAfter(plan, start), (QList<qint64> { 0, 15, 30, 45 }));
    ASSERT_EQ(plan.size(), 4);
    EXPECT_EQ(plan[3].level, 2);
    EXPECT_EQ(plan[3].round, 1);
    EXPECT_EQ(plan[3].policyId, QStringLiteral("noc"));
    EXPECT_EQ(plan[3].target.target, QStringLiteral("user2"));
    EXPECT_EQ(plan[0].triggerDescription, QStringLiteral("unacknowledged 10m"));
    // The same trigger always plans the same firings: that is what makes them idempotent.
    EXPECT_EQ(planEscalation(p, start, QStringLiteral("unack/c1")), plan);
    EXPECT_NE(keysOf(planEscalation(p, start, QStringLiteral("unack/c2"))), keysOf(plan));
}

TEST(EscalationPolicy, OverlappingRoundsAreSortedByDueTime)
{
    const QList<PlannedEscalation> plan
        = planEscalation(policyWithDelays({ 0, 40 }, 1, 30), T0, QStringLiteral("k"));
    EXPECT_EQ(minutesAfter(plan, T0), (QList<qint64> { 0, 30, 40, 70 }));
    EXPECT_EQ(keysOf(plan),
        (QStringList { QStringLiteral("esc/noc/k/r0/l1"), QStringLiteral("esc/noc/k/r1/l1"),
            QStringLiteral("esc/noc/k/r0/l2"), QStringLiteral("esc/noc/k/r1/l2") }));
}

TEST(EscalationPolicy, LevelsDueAtTheSameInstantKeepTheirOrder)
{
    const QList<PlannedEscalation> plan
        = planEscalation(policyWithDelays({ 5, 5, 5 }, 0, 0), T0, QStringLiteral("k"));
    ASSERT_EQ(plan.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(plan[i].level, i + 1);
        EXPECT_EQ(plan[i].dueAt, T0 + 5 * MinuteMs);
    }
}

TEST(EscalationPolicy, RepeatWithoutIntervalContinuesTheLevelSpacing)
{
    // Last delay 25 + smallest gap 10: rounds start every 35 minutes.
    const QList<PlannedEscalation> plan
        = planEscalation(policyWithDelays({ 0, 10, 25 }, 2, 0), T0, QStringLiteral("k"));
    EXPECT_EQ(minutesAfter(plan, T0), (QList<qint64> { 0, 10, 25, 35, 45, 60, 70, 80, 95 }));
    // A single level repeats every 30 minutes after its delay.
    const QList<PlannedEscalation> single
        = planEscalation(policyWithDelays({ 5 }, 2, 0), T0, QStringLiteral("k"));
    EXPECT_EQ(minutesAfter(single, T0), (QList<qint64> { 5, 40, 75 }));
}

TEST(EscalationPolicy, NoRepeatAndNoLevelsPlanAccordingly)
{
    EXPECT_EQ(
        planEscalation(policyWithDelays({ 0, 15 }, 0, 30), T0, QStringLiteral("k")).size(), 2);
    EXPECT_TRUE(planEscalation(policyWithDelays({}, 3, 30), T0, QStringLiteral("k")).isEmpty());
}

TEST(EscalationPolicy, SlaThresholdTriggerIsDescribedAsSuch)
{
    EscalationPolicy p = policyWithDelays({ 0 }, 0, 0);
    p.trigger = EscalationTrigger::SlaThreshold;
    const QList<PlannedEscalation> plan = planEscalation(p, T0, QStringLiteral("resolution/c2/90"));
    ASSERT_EQ(plan.size(), 1);
    EXPECT_EQ(plan[0].triggerDescription, QStringLiteral("sla_threshold"));
    EXPECT_EQ(plan[0].ruleKey, QStringLiteral("esc/noc/resolution/c2/90/r0/l1"));
}

} // namespace
} // namespace nocturne::core::test
