#include "testentries.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>
#include <models/queuefilterproxy.h>
#include <models/savedqueuesmodel.h>
#include <models/slacountdown.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;
using core::SlaKind;

TEST(BreachingSoon, ABreachedOrNearlySpentClockIsBreachingSoon)
{
    const core::QueueEntry e = entry(1);
    // 8 h target started 1 h ago: on track, deadline far away.
    EXPECT_FALSE(isBreachingSoon(slaStatus(e, runningClock(SlaKind::Resolution, Now - Hour, 8 * Hour)), Now));
    // Overdue.
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, runningClock(SlaKind::Resolution, Now - 9 * Hour, 8 * Hour)), Now));
    // 24 h target with 5 h left: more than an hour, but only 21 % of the target.
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, runningClock(SlaKind::Resolution, Now - 19 * Hour, 24 * Hour)), Now));
    // 24 h target with 7 h left (29 %): not yet.
    EXPECT_FALSE(isBreachingSoon(slaStatus(e, runningClock(SlaKind::Resolution, Now - 17 * Hour, 24 * Hour)), Now));
    // 2 h target with 55 minutes left: under an hour.
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, runningClock(SlaKind::Resolution, Now - 65 * Minute, 2 * Hour)), Now));
}

TEST(BreachingSoon, TheResponseClockCountsTooAndSoDoesTheForecast)
{
    const core::QueueEntry e = entry(1);
    const auto calm = runningClock(SlaKind::Resolution, Now - Hour, 8 * Hour);
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, calm, runningClock(SlaKind::Response, Now - 20 * Minute, 30 * Minute)), Now));
    EXPECT_FALSE(isBreachingSoon(slaStatus(e, calm, stoppedClock(SlaKind::Response, core::ClockState::Met, Now)), Now));
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, calm, std::nullopt, 0.5), Now));
    EXPECT_FALSE(isBreachingSoon(slaStatus(e, calm, std::nullopt, 0.49), Now));
}

TEST(BreachingSoon, APausedClockWaitsUnlessItIsAlreadyBreached)
{
    const core::QueueEntry e = entry(1);
    EXPECT_FALSE(isBreachingSoon(slaStatus(e, pausedClock(SlaKind::Resolution, 4 * Hour, 2 * Hour)), Now));
    EXPECT_TRUE(isBreachingSoon(slaStatus(e, pausedClock(SlaKind::Resolution, 4 * Hour, 5 * Hour)), Now));
}

TEST(BreachingSoon, TheRuleIsAnInstantThatTimeOnlyApproaches)
{
    const core::QueueEntry e = entry(1);
    // 24 h target, 10 h used: a quarter is left at +8 h, before the last hour (+13 h).
    const core::IncidentSla day = slaStatus(e, runningClock(SlaKind::Resolution, Now - 10 * Hour, 24 * Hour));
    EXPECT_EQ(breachingSoonFrom(day), Now + 8 * Hour);
    EXPECT_FALSE(isBreachingSoon(day, Now + 8 * Hour - 1));
    EXPECT_TRUE(isBreachingSoon(day, Now + 8 * Hour));
    // 2 h target just started: the last hour (+1 h) comes before the 75 % mark (+1 h 30 m).
    EXPECT_EQ(breachingSoonFrom(slaStatus(e, runningClock(SlaKind::Resolution, Now, 2 * Hour))), Now + Hour);
    // A response clock due sooner decides.
    EXPECT_EQ(breachingSoonFrom(slaStatus(e, runningClock(SlaKind::Resolution, Now, 2 * Hour),
                                          runningClock(SlaKind::Response, Now, 30 * Minute))),
              Now + 30 * Minute - Hour);
    EXPECT_EQ(breachingSoonFrom(slaStatus(e, pausedClock(SlaKind::Resolution, 4 * Hour, Hour))), NoDeadline);
}

TEST(BreachingSoon, OnlyOpenIncidentsBelong)
{
    core::QueueEntry e = entry(1);
    const core::IncidentSla late = slaStatus(e, runningClock(SlaKind::Resolution, Now - 9 * Hour, 8 * Hour));
    const QueueContext context { {}, startOfLocalDay(Now), Now };
    EXPECT_TRUE(belongsTo(e, SavedQueue::BreachingSoon, context, breachingSoonFrom(late)));
    EXPECT_FALSE(belongsTo(e, SavedQueue::BreachingSoon, context)); // no policy
    e.state = core::IncidentState::Resolved;
    e.resolvedAt = Now;
    EXPECT_FALSE(belongsTo(e, SavedQueue::BreachingSoon, context, breachingSoonFrom(late)));
}

namespace {

class BreachingSoonQueueTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        queue.setNow(Now);
        queue.resetEntries(entries(20));
        saved.setNow(Now);
        proxy.setSourceModel(&queue);
        proxy.setNow(Now);
        proxy.setQueue(SavedQueue::BreachingSoon);
        // Row 2: 3 h left of 4 h; row 5: 90 minutes left of 8 h (enters the last hour in 30 min);
        // row 8: overdue; row 9: likely to breach.
        queue.resetSla(slaMap({
            slaStatus(entry(2), runningClock(SlaKind::Resolution, Now - Hour, 4 * Hour)),
            slaStatus(entry(5), runningClock(SlaKind::Resolution, Now - 390 * Minute, 8 * Hour)),
            slaStatus(entry(8), runningClock(SlaKind::Resolution, Now - 5 * Hour, 4 * Hour)),
            slaStatus(entry(9), runningClock(SlaKind::Resolution, Now, 8 * Hour), std::nullopt, 0.7),
        }));
    }

    QStringList shownIds() const
    {
        QStringList ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids << proxy.incidentIdAt(row);
        ids.sort();
        return ids;
    }

    IncidentQueueModel queue;
    SavedQueuesModel saved { &queue };
    QueueFilterProxy proxy;
    QAbstractItemModelTester savedTester { &saved, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(BreachingSoonQueueTest, ShowsAndCountsTheIncidentsCloseToABreach)
{
    EXPECT_EQ(shownIds(), (QStringList { entry(5).id, entry(8).id, entry(9).id }));
    EXPECT_EQ(saved.count(SavedQueue::BreachingSoon), 3);
    EXPECT_EQ(saved.index(SavedQueuesModel::rowOf(SavedQueue::BreachingSoon)).data().toString(),
              QStringLiteral("Breaching soon"));
}

TEST_F(BreachingSoonQueueTest, TimePassingBringsIncidentsIn)
{
    QSignalSpy counts(&saved, &QAbstractItemModel::dataChanged);
    // Two hours later row 2 has an hour left, exactly the window.
    saved.setNow(Now + 2 * Hour);
    proxy.setNow(Now + 2 * Hour);
    EXPECT_EQ(saved.count(SavedQueue::BreachingSoon), 4);
    EXPECT_TRUE(shownIds().contains(entry(2).id));
    ASSERT_EQ(counts.count(), 1);
    EXPECT_EQ(counts.at(0).at(0).value<QModelIndex>().row(), SavedQueuesModel::rowOf(SavedQueue::BreachingSoon));
}

TEST_F(BreachingSoonQueueTest, SlaChangesMoveIncidentsInAndOut)
{
    // The likely breach got a better forecast; row 3 became overdue.
    queue.applySlaChanges(slaMap({
        slaStatus(entry(9), runningClock(SlaKind::Resolution, Now, 8 * Hour), std::nullopt, 0.1),
        slaStatus(entry(3), runningClock(SlaKind::Resolution, Now - 3 * Hour, 2 * Hour)),
    }));
    EXPECT_EQ(shownIds(), (QStringList { entry(3).id, entry(5).id, entry(8).id }));
    EXPECT_EQ(saved.count(SavedQueue::BreachingSoon), 3);

    // Resolving an incident takes it out of the queue and the count.
    core::QueueEntry resolved = entry(8);
    resolved.state = core::IncidentState::Resolved;
    resolved.resolvedAt = Now;
    resolved.eventCount = 9;
    queue.applyChanges(only(resolved));
    EXPECT_EQ(shownIds(), (QStringList { entry(3).id, entry(5).id }));
    EXPECT_EQ(saved.count(SavedQueue::BreachingSoon), 2);
}
