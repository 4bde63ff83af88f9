#include "testentries.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/savedqueuesmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <random>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;

namespace {

class SavedQueuesModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        queue.setNow(Now);
        queue.resetEntries(entries(300));
        saved.setNow(Now);
        saved.setCurrentUser(QStringLiteral("ana"));
    }

    // The counts recomputed from scratch, to hold the incremental ones against.
    int bruteForce(SavedQueue q) const
    {
        const QueueContext context { QStringLiteral("ana"), startOfLocalDay(Now), Now };
        int n = 0;
        for (int row = 0; row < queue.rowCount(); ++row)
            n += belongsTo(queue.entry(row), q, context) ? 1 : 0;
        return n;
    }

    void expectCountsMatch() const
    {
        for (int q = 0; q < SavedQueueCount; ++q)
            ASSERT_EQ(saved.count(SavedQueue(q)), bruteForce(SavedQueue(q))) << savedQueueLabel(SavedQueue(q)).toStdString();
    }

    IncidentQueueModel queue;
    SavedQueuesModel saved { &queue };
    QAbstractItemModelTester tester { &saved, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(SavedQueuesModelTest, ListsTheSevenQueuesWithTheirCounts)
{
    ASSERT_EQ(saved.rowCount(), 7);
    const QStringList expected { QStringLiteral("All open"),     QStringLiteral("Unassigned"),
                                 QStringLiteral("Assigned to me"), QStringLiteral("P1–P2"),
                                 QStringLiteral("Breaching soon"), QStringLiteral("On hold"),
                                 QStringLiteral("Resolved today") };
    for (int row = 0; row < 7; ++row)
        EXPECT_EQ(saved.index(row).data().toString(), expected.at(row));
    EXPECT_EQ(saved.count(SavedQueue::AllOpen), 300);
    EXPECT_EQ(saved.index(0).data(SavedQueueRole::Count).toInt(), 300);
    expectCountsMatch();
}

TEST_F(SavedQueuesModelTest, CountsFollowEveryKindOfChange)
{
    std::mt19937 rng(7);
    for (int step = 0; step < 400; ++step) {
        core::QueueEntry e = entry(int(rng() % 340)); // some new, most existing
        switch (rng() % 5) {
        case 0: e.assignee = rng() % 2 ? QStringLiteral("ana") : QString(); break;
        case 1: e.state = core::IncidentState::OnHold; break;
        case 2:
            e.state = core::IncidentState::Resolved;
            e.resolvedAt = Now - qint64(rng() % 20) * Hour;
            break;
        case 3: e.state = core::IncidentState::Cancelled; break;
        case 4: e.priority = 1 + int(rng() % 5); break;
        }
        queue.applyChanges(only(e));
    }
    expectCountsMatch();
}

TEST_F(SavedQueuesModelTest, SignalsOnlyTheQueuesWhoseCountChanged)
{
    QSignalSpy changed(&saved, &QAbstractItemModel::dataChanged);
    core::QueueEntry e = entry(5); // P1, in progress, assigned to ana
    ASSERT_EQ(e.priority, 1);
    e.state = core::IncidentState::OnHold;
    e.holdReason = core::HoldReason::AwaitingCaller;
    queue.applyChanges(only(e));

    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), SavedQueuesModel::rowOf(SavedQueue::OnHold));
}

TEST_F(SavedQueuesModelTest, AssignedToMeFollowsTheCurrentUser)
{
    const int ana = saved.count(SavedQueue::AssignedToMe);
    EXPECT_GT(ana, 0);
    saved.setCurrentUser(QStringLiteral("nobody"));
    EXPECT_EQ(saved.count(SavedQueue::AssignedToMe), 0);
}
