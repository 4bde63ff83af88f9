// The SLA engine without threads or storage: full evaluation, ticks, alerts, and the
// automatic actions with their idempotency across restarts and offline periods.
#include "testsupport.h"

#include "core/engine/slaengine.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

// 2026-11-02T08:00:00Z, a Monday.
constexpr qint64 Monday = 1'793'606'400'000;

SlaConfiguration configuration()
{
    SlaConfiguration c;
    SlaPolicy p1;
    p1.id = QStringLiteral("p1");
    p1.name = QStringLiteral("P1 critical");
    p1.priorities = { 1 };
    p1.responseTargetMs = 15 * Minute;
    p1.resolutionTargetMs = 4 * Hour;
    p1.pausingReasons = defaultPausingReasons();
    p1.thresholds = { { 50, ThresholdAction::Notify, {}, true, true },
                      { 90, ThresholdAction::Escalate, QStringLiteral("at-risk"), false, true },
                      { 100, ThresholdAction::RaisePriority, {}, false, true } };
    SlaPolicy rest;
    rest.id = QStringLiteral("rest");
    rest.name = QStringLiteral("Everything else");
    rest.responseTargetMs = 4 * Hour;
    rest.resolutionTargetMs = 24 * Hour;
    rest.pausingReasons = defaultPausingReasons();
    c.policies = { p1, rest };

    EscalationPolicy unacknowledged;
    unacknowledged.id = QStringLiteral("unack");
    unacknowledged.name = QStringLiteral("Unacknowledged P1");
    unacknowledged.trigger = EscalationTrigger::Unacknowledged;
    unacknowledged.unacknowledgedMs = 10 * Minute;
    unacknowledged.priorities = { 1 };
    unacknowledged.levels = { { 0, EscalationTargetKind::Schedule, QStringLiteral("noc") },
                              { 15 * Minute, EscalationTargetKind::Group, QStringLiteral("Service Desk") } };
    EscalationPolicy atRisk;
    atRisk.id = QStringLiteral("at-risk");
    atRisk.name = QStringLiteral("At risk");
    atRisk.trigger = EscalationTrigger::SlaThreshold;
    atRisk.levels = { { 0, EscalationTargetKind::User, QStringLiteral("duty.manager") } };
    c.escalations = { unacknowledged, atRisk };

    OnCallSchedule noc;
    noc.id = QStringLiteral("noc");
    noc.name = QStringLiteral("NOC on call");
    noc.timeZone = QStringLiteral("Europe/Amsterdam");
    RotationLayer layer;
    layer.name = QStringLiteral("primary");
    layer.period = RotationLayer::Period::Weekly;
    layer.handoffWeekday = Qt::Monday;
    layer.startDate = QDate(2026, 1, 5);
    layer.users = { QStringLiteral("ana"), QStringLiteral("ben") };
    noc.layers = { layer };
    c.schedules = { noc };
    return c;
}

SlaSubject subject(const QString &id, int priority, qint64 openedAt)
{
    SlaSubject s;
    s.incidentId = id;
    s.number = QStringLiteral("INC-") + id;
    s.priority = priority;
    s.impact = priority == 1 ? 1 : 2;
    s.urgency = priority == 1 ? 1 : 2;
    s.state = IncidentState::New;
    s.openedAt = openedAt;
    return s;
}

SlaSubject acknowledged(SlaSubject s, qint64 at)
{
    s.transitions << SlaTransition { SlaTransition::Kind::Acknowledged, at, HoldReason::None };
    s.state = IncidentState::InProgress;
    return s;
}

QStringList rulesOf(const QList<IncidentCommand> &actions)
{
    QStringList rules;
    for (const IncidentCommand &c : actions)
        rules << SlaEngine::ruleKeyOf(c);
    return rules;
}

class SlaEngineTest : public ::testing::Test
{
protected:
    void SetUp() override { engine.setConfiguration(configuration(), {}); }
    SlaEngine engine;
};

TEST_F(SlaEngineTest, FullEvaluationGivesEachIncidentItsPolicyAndDeadlines)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday), subject(QStringLiteral("b"), 3, Monday) },
                 Monday + 5 * Minute);
    const IncidentSla *a = engine.status(QStringLiteral("a"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->policyId, QStringLiteral("p1"));
    ASSERT_TRUE(a->hasResponse);
    EXPECT_EQ(a->response.deadlineAt, Monday + 15 * Minute);
    EXPECT_EQ(a->response.elapsedMs, 5 * Minute);
    EXPECT_EQ(a->resolution.deadlineAt, Monday + 4 * Hour);
    EXPECT_EQ(a->resolution.thresholdCount, 3);
    EXPECT_EQ(a->resolution.thresholdPercent[1], 90);
    EXPECT_EQ(a->resolution.thresholdAt[1], Monday + 216 * Minute);
    const IncidentSla *b = engine.status(QStringLiteral("b"));
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->policyId, QStringLiteral("rest"));
    EXPECT_EQ(b->resolution.deadlineAt, Monday + 24 * Hour);
    EXPECT_EQ(engine.snapshot()->size(), 2);
}

TEST_F(SlaEngineTest, ATickWithNothingDueChangesNothing)
{
    engine.reset({ acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute) }, Monday + 2 * Minute);
    // The first thing due is the resolution clock's 50 % at 12 h.
    EXPECT_EQ(engine.nextDueAt(), Monday + 12 * Hour);
    const auto result = engine.tick(Monday + 3 * Minute);
    EXPECT_TRUE(result.changed.isEmpty());
    EXPECT_TRUE(result.alerts.isEmpty());
    EXPECT_TRUE(result.actions.isEmpty());
}

TEST_F(SlaEngineTest, CrossingsRaiseAlertsOnceInTheTickThatPassesThem)
{
    engine.reset({ acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute) }, Monday + 2 * Minute);
    auto result = engine.tick(Monday + 12 * Hour);
    ASSERT_EQ(result.alerts.size(), 1);
    EXPECT_EQ(result.alerts[0].kind, SlaAlert::Kind::Threshold);
    EXPECT_EQ(result.alerts[0].percent, 50);
    EXPECT_EQ(result.alerts[0].at, Monday + 12 * Hour);
    EXPECT_TRUE(engine.tick(Monday + 12 * Hour + 1000).alerts.isEmpty());
    result = engine.tick(Monday + 25 * Hour);
    QList<int> percents;
    for (const SlaAlert &alert : result.alerts)
        percents << alert.percent;
    EXPECT_EQ(percents, (QList<int> { 75, 90, 100 }));
    EXPECT_EQ(result.alerts.last().kind, SlaAlert::Kind::Breach);
    EXPECT_EQ(engine.status(QStringLiteral("b"))->resolution.state, ClockState::Breached);
}

TEST_F(SlaEngineTest, UnacknowledgedIncidentEscalatesToWhoeverIsOnCallThenToTheGroup)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday + 5 * Minute);
    EXPECT_TRUE(engine.tick(Monday + 9 * Minute).actions.isEmpty());
    auto result = engine.tick(Monday + 10 * Minute);
    ASSERT_EQ(result.actions.size(), 1);
    const IncidentCommand &first = result.actions[0];
    EXPECT_EQ(first.action, IncidentAction::Escalate);
    EXPECT_EQ(first.actor, QStringLiteral("system"));
    EXPECT_EQ(first.occurredAt, Monday + 10 * Minute);
    EXPECT_EQ(first.payload.value(QStringLiteral("level")).toInt(), 1);
    EXPECT_EQ(first.payload.value(QStringLiteral("schedule")).toString(), QStringLiteral("noc"));
    EXPECT_FALSE(first.payload.value(QStringLiteral("on_call")).toString().isEmpty());
    EXPECT_TRUE(first.payload.value(QStringLiteral("reason")).toString().contains(SlaEngine::ruleKeyOf(first)));
    ASSERT_EQ(result.alerts.size(), 1);
    EXPECT_EQ(result.alerts[0].kind, SlaAlert::Kind::Escalation);
    // Pending until the store records it: not issued again on the next ticks.
    EXPECT_TRUE(engine.tick(Monday + 11 * Minute).actions.isEmpty());
    result = engine.tick(Monday + 25 * Minute);
    ASSERT_EQ(result.actions.size(), 1);
    EXPECT_EQ(result.actions[0].payload.value(QStringLiteral("target")).toString(), QStringLiteral("Service Desk"));
}

TEST_F(SlaEngineTest, AcknowledgingInTimeStopsTheEscalation)
{
    engine.reset({ acknowledged(subject(QStringLiteral("a"), 1, Monday), Monday + 9 * Minute) }, Monday + 9 * Minute);
    EXPECT_TRUE(engine.tick(Monday + 30 * Minute).actions.isEmpty());
}

TEST_F(SlaEngineTest, AcknowledgingBetweenLevelsStopsTheLaterLevels)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday);
    ASSERT_EQ(engine.tick(Monday + 10 * Minute).actions.size(), 1);
    engine.upsert(acknowledged(subject(QStringLiteral("a"), 1, Monday), Monday + 12 * Minute), Monday + 12 * Minute);
    EXPECT_TRUE(engine.tick(Monday + 40 * Minute).actions.isEmpty());
}

TEST_F(SlaEngineTest, ARestartWithTheRecordedRulesIssuesNothingAgain)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday);
    const auto first = engine.tick(Monday + 30 * Minute);
    ASSERT_EQ(first.actions.size(), 2);

    // What the store recorded comes back in the history a restarted engine loads.
    SlaSubject recorded = subject(QStringLiteral("a"), 1, Monday);
    for (const QString &rule : rulesOf(first.actions))
        recorded.firedRules.insert(rule);
    SlaEngine restarted;
    restarted.setConfiguration(configuration(), {});
    restarted.reset({ recorded }, Monday + 31 * Minute);
    const auto again = restarted.tick(Monday + 31 * Minute);
    EXPECT_TRUE(again.actions.isEmpty());
}

TEST_F(SlaEngineTest, AfterAnOfflinePeriodEachMissedActionStillWantedIsSentOnce)
{
    // The console was closed from open until 5 h later: both escalation levels and the
    // 90 % escalation are overdue (a P1 at impact 1, urgency 1 cannot be raised).
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday + 5 * Hour);
    const auto result = engine.tick(Monday + 5 * Hour);
    QList<qint64> dates;
    for (const IncidentCommand &c : result.actions) {
        dates << c.payload.value(QStringLiteral("due_at")).toInteger() - Monday;
        EXPECT_EQ(c.occurredAt, Monday + 5 * Hour) << "dated when sent";
    }
    EXPECT_EQ(dates, (QList<qint64> { 10 * Minute, 25 * Minute, 216 * Minute }));
    for (const IncidentCommand &c : result.actions)
        EXPECT_EQ(c.action, IncidentAction::Escalate);
    // Old crossings and caught-up escalations are history, not news: no alerts for them.
    EXPECT_TRUE(result.alerts.isEmpty());
    EXPECT_TRUE(engine.tick(Monday + 5 * Hour + 1000).actions.isEmpty());
}

TEST_F(SlaEngineTest, ActionsOverdueByMoreThanADayAreNotCaughtUp)
{
    // Opened two days ago and never acknowledged: the escalations are history by now.
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday + 48 * Hour);
    EXPECT_TRUE(engine.tick(Monday + 48 * Hour).actions.isEmpty());
    EXPECT_EQ(engine.status(QStringLiteral("a"))->resolution.state, ClockState::Breached);
}

TEST_F(SlaEngineTest, LevelsMissedOfflineAreNotSentOnceTheIncidentWasAcknowledged)
{
    // Due at +10 min while no engine ran; acknowledged at +20 min.
    engine.reset({ acknowledged(subject(QStringLiteral("a"), 1, Monday), Monday + 20 * Minute) }, Monday + Hour);
    EXPECT_TRUE(engine.tick(Monday + Hour).actions.isEmpty());
}

TEST_F(SlaEngineTest, RemovingAnUnknownIncidentChangesNothing)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday);
    engine.remove(QStringLiteral("never-seen"));
    engine.upsert(subject(QStringLiteral("c"), 3, Monday), Monday);
    ASSERT_NE(engine.status(QStringLiteral("a")), nullptr);
    EXPECT_EQ(engine.status(QStringLiteral("a"))->policyId, QStringLiteral("p1"));
    EXPECT_EQ(engine.status(QStringLiteral("c"))->policyId, QStringLiteral("rest"));
}

TEST_F(SlaEngineTest, ABreachIsAnnouncedEvenWithoutAHundredPercentThreshold)
{
    SlaConfiguration c = configuration();
    c.policies[1].thresholds = { { 50, ThresholdAction::Notify, {}, true, true } };
    engine.setConfiguration(c, {});
    engine.reset({ acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute) }, Monday + Minute);
    EXPECT_EQ(engine.tick(Monday + 12 * Hour).alerts.size(), 1);
    EXPECT_TRUE(engine.tick(Monday + 24 * Hour).alerts.isEmpty()) << "at the deadline it is still in time";
    const auto result = engine.tick(Monday + 24 * Hour + 1000);
    ASSERT_EQ(result.alerts.size(), 1);
    EXPECT_EQ(result.alerts[0].kind, SlaAlert::Kind::Breach);
    EXPECT_EQ(engine.status(QStringLiteral("b"))->resolution.state, ClockState::Breached);
}

TEST_F(SlaEngineTest, ACrossingIsStillAnnouncedWhenAnEventArrivesBeforeTheTick)
{
    const SlaSubject b = acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute);
    engine.reset({ b }, Monday + Minute);
    engine.tick(Monday + 12 * Hour - 500);
    engine.upsert(b, Monday + 12 * Hour + 300); // a comment, just after the 50 % crossing
    const auto result = engine.tick(Monday + 12 * Hour + 500);
    ASSERT_EQ(result.alerts.size(), 1);
    EXPECT_EQ(result.alerts[0].percent, 50);
}

TEST_F(SlaEngineTest, PriorityIsRaisedOncePerCycleNotOncePerPolicy)
{
    SlaConfiguration c = configuration();
    c.policies[0].thresholds << SlaThreshold { 75, ThresholdAction::RaisePriority, {}, false, true };
    c.policies[1].thresholds = { { 75, ThresholdAction::RaisePriority, {}, false, true } };
    engine.setConfiguration(c, {});
    SlaSubject b = acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute);
    engine.reset({ b }, Monday + 18 * Hour);
    const auto first = engine.tick(Monday + 18 * Hour);
    ASSERT_EQ(first.actions.size(), 1);
    // Recorded: now a P1 under the P1 policy, whose 75 % lies far behind.
    b.priority = 1;
    b.urgency = 1;
    b.firedRules.insert(SlaEngine::ruleKeyOf(first.actions[0]));
    engine.upsert(b, Monday + 18 * Hour + 1000);
    for (const IncidentCommand &action : engine.tick(Monday + 18 * Hour + 1000).actions)
        EXPECT_NE(action.action, IncidentAction::Prioritize);
}

TEST_F(SlaEngineTest, AFailedActionIsSentAgainLater)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday);
    const auto first = engine.tick(Monday + 10 * Minute);
    ASSERT_EQ(first.actions.size(), 1);
    engine.retry(QStringLiteral("a"), SlaEngine::ruleKeyOf(first.actions[0]), Monday + 11 * Minute);
    EXPECT_TRUE(engine.tick(Monday + 10 * Minute + 1000).actions.isEmpty());
    const auto again = engine.tick(Monday + 11 * Minute);
    ASSERT_EQ(again.actions.size(), 1);
    EXPECT_EQ(SlaEngine::ruleKeyOf(again.actions[0]), SlaEngine::ruleKeyOf(first.actions[0]));
}

TEST_F(SlaEngineTest, RaisingPriorityRaisesUrgencyFirst)
{
    SlaConfiguration c = configuration();
    c.policies[1].thresholds = { { 100, ThresholdAction::RaisePriority, {}, false, true } };
    engine.setConfiguration(c, {});
    engine.reset({ acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute) }, Monday + 25 * Hour);
    const auto result = engine.tick(Monday + 25 * Hour);
    ASSERT_EQ(result.actions.size(), 1);
    EXPECT_EQ(result.actions[0].payload.value(QStringLiteral("urgency")).toInt(), 1);
    EXPECT_FALSE(result.actions[0].payload.contains(QStringLiteral("impact")));
}

TEST_F(SlaEngineTest, ResolvedIncidentsGetNoActions)
{
    SlaSubject s = acknowledged(subject(QStringLiteral("a"), 1, Monday), Monday + 20 * Minute);
    s.transitions << SlaTransition { SlaTransition::Kind::Resolved, Monday + Hour, HoldReason::None };
    s.state = IncidentState::Resolved;
    engine.reset({ s }, Monday + 6 * Hour);
    EXPECT_TRUE(engine.tick(Monday + 6 * Hour).actions.isEmpty());
    EXPECT_EQ(engine.status(QStringLiteral("a"))->resolution.state, ClockState::Met);
    EXPECT_EQ(engine.status(QStringLiteral("a"))->response.state, ClockState::Breached);
}

TEST_F(SlaEngineTest, AnUpsertReschedulesAndARemovalForgets)
{
    engine.reset({ acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute) }, Monday + Minute);
    SlaSubject held = acknowledged(subject(QStringLiteral("b"), 3, Monday), Monday + Minute);
    held.transitions << SlaTransition { SlaTransition::Kind::Hold, Monday + 2 * Hour, HoldReason::AwaitingVendor };
    held.state = IncidentState::OnHold;
    engine.upsert(held, Monday + 2 * Hour);
    EXPECT_EQ(engine.status(QStringLiteral("b"))->resolution.state, ClockState::Paused);
    // Paused: nothing is due, however long the hold lasts.
    EXPECT_TRUE(engine.tick(Monday + 30 * Hour).alerts.isEmpty());
    engine.remove(QStringLiteral("b"));
    EXPECT_EQ(engine.status(QStringLiteral("b")), nullptr);
    const auto delta = engine.snapshot({ QStringLiteral("b") });
    EXPECT_TRUE(delta->value(QStringLiteral("b")).removed);
}

TEST_F(SlaEngineTest, SettledRulesAreNotIssuedAgain)
{
    engine.reset({ subject(QStringLiteral("a"), 1, Monday) }, Monday);
    const auto result = engine.tick(Monday + 10 * Minute);
    ASSERT_EQ(result.actions.size(), 1);
    // Another process recorded it first; the store said so.
    engine.settle(QStringLiteral("a"), SlaEngine::ruleKeyOf(result.actions[0]));
    engine.upsert(subject(QStringLiteral("a"), 1, Monday), Monday + 11 * Minute);
    EXPECT_TRUE(engine.tick(Monday + 11 * Minute).actions.isEmpty());
}

} // namespace
} // namespace nocturne::core::test
