#include "testentries.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;

namespace {

class IncidentQueueModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        model.setNow(Now);
        model.resetEntries(entries(20));
    }

    QString display(int row, int column) const { return model.index(row, column).data().toString(); }

    IncidentQueueModel model;
    QAbstractItemModelTester tester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(IncidentQueueModelTest, ResetShowsEveryEntryInScopeOnce)
{
    auto snapshot = std::make_shared<core::QueueEntries>(*entries(5));
    core::QueueEntry longResolved = entry(99);
    longResolved.state = core::IncidentState::Closed;
    longResolved.resolvedAt = Now - 72 * Hour;
    snapshot->append(longResolved);
    snapshot->append(entry(2)); // a duplicate must not become a second row

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.resetEntries(snapshot);

    EXPECT_EQ(resets.count(), 1);
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.rowOfIncident(entry(3).id), 3);
    EXPECT_EQ(model.rowOfIncident(longResolved.id), -1);
}

TEST_F(IncidentQueueModelTest, ApplyChangesSignalsOnlyTheRowsThatChanged)
{
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    core::QueueEntry acknowledged = entry(6);
    acknowledged.state = core::IncidentState::InProgress;
    acknowledged.acknowledgedAt = Now;
    // entry(4) arrives unchanged (the reader reloads whole incidents): no signal for it.
    model.applyChanges(list({ acknowledged, entry(4) }));

    ASSERT_EQ(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    EXPECT_EQ(topLeft.row(), 6);
    EXPECT_EQ(bottomRight.row(), 6);
    EXPECT_EQ(topLeft.column(), 0);
    EXPECT_EQ(bottomRight.column(), QueueColumn::Count - 1);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserted.count(), 0);
    EXPECT_EQ(display(6, QueueColumn::State), QStringLiteral("In Progress"));
    EXPECT_EQ(display(5, QueueColumn::Number), entry(5).number);
    EXPECT_EQ(display(7, QueueColumn::Number), entry(7).number);
}

TEST_F(IncidentQueueModelTest, AnOlderCopyOfARowNeverReplacesANewerOne)
{
    // The reader delivers the incident after two more events (ours and another
    // program's); our own action's result, one event older, arrives afterwards.
    core::QueueEntry newer = entry(6);
    newer.state = core::IncidentState::OnHold;
    newer.holdReason = core::HoldReason::AwaitingCaller;
    newer.eventCount = entry(6).eventCount + 2;
    core::QueueEntry older = entry(6);
    older.state = core::IncidentState::InProgress;
    older.eventCount = entry(6).eventCount + 1;

    model.applyChanges(list({ newer }));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyChanges(list({ older }));

    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(model.entry(6).state, core::IncidentState::OnHold);
    EXPECT_EQ(model.entry(6).eventCount, newer.eventCount);
}

TEST_F(IncidentQueueModelTest, AdjacentChangesAreOneSignal)
{
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<core::QueueEntry> batch;
    for (int n : { 3, 4, 5, 9 }) {
        core::QueueEntry e = entry(n);
        e.assignee = QStringLiteral("dana");
        batch << e;
    }
    model.applyChanges(list(batch));

    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 3);
    EXPECT_EQ(changed.at(0).at(1).value<QModelIndex>().row(), 5);
    EXPECT_EQ(changed.at(1).at(0).value<QModelIndex>().row(), 9);
}

TEST_F(IncidentQueueModelTest, NewIncidentsAreAppended)
{
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.applyChanges(list({ entry(100), entry(101) }));

    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 20);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 21);
    EXPECT_EQ(model.rowCount(), 22);
    EXPECT_EQ(model.rowOfIncident(entry(101).id), 21);
}

TEST_F(IncidentQueueModelTest, ClosedAndCancelledIncidentsLeaveTheQueue)
{
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    core::QueueEntry cancelled = entry(4);
    cancelled.state = core::IncidentState::Cancelled;
    core::QueueEntry closedLongAgo = entry(10);
    closedLongAgo.state = core::IncidentState::Closed;
    closedLongAgo.resolvedAt = Now - 40 * Hour;
    core::QueueEntry resolvedNow = entry(12);
    resolvedNow.state = core::IncidentState::Resolved;
    resolvedNow.resolvedAt = Now - Minute;

    model.applyChanges(list({ cancelled, closedLongAgo, resolvedNow }));

    EXPECT_EQ(removed.count(), 2);
    EXPECT_EQ(model.rowCount(), 18);
    EXPECT_EQ(model.rowOfIncident(cancelled.id), -1);
    EXPECT_EQ(model.rowOfIncident(closedLongAgo.id), -1);
    // A fresh resolution stays for "Resolved today"; rows after the removals are re-indexed.
    ASSERT_GE(model.rowOfIncident(resolvedNow.id), 0);
    EXPECT_EQ(model.entry(model.rowOfIncident(resolvedNow.id)).state, core::IncidentState::Resolved);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.rowOfIncident(model.entry(row).id), row);
}

TEST_F(IncidentQueueModelTest, ResolutionsAgeOutOfScopeAsTimePasses)
{
    core::QueueEntry resolved = entry(3);
    resolved.state = core::IncidentState::Resolved;
    resolved.resolvedAt = Now - Hour;
    model.applyChanges(only(resolved));
    ASSERT_GE(model.rowOfIncident(resolved.id), 0);

    model.setNow(Now + 36 * Hour);
    EXPECT_EQ(model.rowOfIncident(resolved.id), -1);
    EXPECT_EQ(model.rowCount(), 19);
}

TEST_F(IncidentQueueModelTest, DisplayIsForPeopleAndRawValuesAreForSorting)
{
    core::QueueEntry e = entry(0);
    e.openedAt = 1'705'311'000'000 - 125 * Minute; // 07:25 UTC = 08:25 in Berlin
    e.priority = 1;
    e.state = core::IncidentState::OnHold;
    e.holdReason = core::HoldReason::AwaitingVendor;
    e.assignee.clear();
    model.applyChanges(only(e));

    EXPECT_EQ(display(0, QueueColumn::Opened), QStringLiteral("2024-01-15 08:25"));
    EXPECT_EQ(display(0, QueueColumn::Age), QStringLiteral("2h 05m"));
    EXPECT_EQ(display(0, QueueColumn::Priority), QStringLiteral("P1 - Critical"));
    EXPECT_EQ(display(0, QueueColumn::State), QStringLiteral("On Hold (Awaiting vendor)"));
    EXPECT_EQ(display(0, QueueColumn::Assignee), QStringLiteral("(unassigned)"));
    EXPECT_EQ(model.index(0, QueueColumn::Opened).data(QueueRole::RawValue).toLongLong(), e.openedAt);
    EXPECT_EQ(model.index(0, QueueColumn::Age).data(QueueRole::RawValue).toLongLong(), 125 * Minute);
    EXPECT_EQ(model.index(0, QueueColumn::Priority).data(QueueRole::RawValue).toInt(), 1);
    EXPECT_EQ(model.index(0, QueueColumn::Title).data(QueueRole::IncidentId).toString(), e.id);
    EXPECT_EQ(model.headerData(QueueColumn::ConfigurationItem, Qt::Horizontal).toString(),
              QStringLiteral("Configuration item"));
}

TEST_F(IncidentQueueModelTest, PriorityHasItsOwnColourAndIcon)
{
    const QModelIndex p1 = model.index(0, QueueColumn::Priority); // entry(0) is P1
    const QModelIndex p5 = model.index(4, QueueColumn::Priority); // entry(4) is P5
    const auto c1 = p1.data(Qt::ForegroundRole).value<QColor>();
    const auto c5 = p5.data(Qt::ForegroundRole).value<QColor>();
    EXPECT_TRUE(c1.isValid());
    EXPECT_NE(c1, c5);
    EXPECT_FALSE(p1.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_FALSE(model.index(0, QueueColumn::Title).data(Qt::DecorationRole).isValid());
}

TEST_F(IncidentQueueModelTest, SearchTextIsLowerCaseOverTheSearchableFields)
{
    const QString &text = model.searchText(1);
    EXPECT_TRUE(text.contains(QStringLiteral("inc0000001")));
    EXPECT_TRUE(text.contains(QStringLiteral("payment gateway errors")));
    EXPECT_TRUE(text.contains(QStringLiteral("store london oxford st")));
    EXPECT_TRUE(text.contains(QStringLiteral("ana")));
    EXPECT_FALSE(text.contains(QStringLiteral("ops l1"))); // the group is not searched
}

TEST_F(IncidentQueueModelTest, SyncRemovesWhatASnapshotNoLongerHas)
{
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    auto snapshot = std::make_shared<core::QueueEntries>(*entries(10));
    snapshot->append(entry(50));
    model.syncEntries(snapshot);

    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(model.rowCount(), 11);
    EXPECT_EQ(model.rowOfIncident(entry(15).id), -1);
    EXPECT_EQ(model.rowOfIncident(entry(50).id), 10);
}
