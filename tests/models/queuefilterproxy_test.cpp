#include "testentries.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;

namespace {

class QueueFilterProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        model.setNow(Now);
        model.resetEntries(entries(60));
        proxy.setSourceModel(&model);
        proxy.setNow(Now);
        proxy.setCurrentUser(QStringLiteral("bram"));
    }

    QStringList shownNumbers() const
    {
        QStringList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out << proxy.entryAt(row).number;
        return out;
    }

    int countIf(const std::function<bool(const core::QueueEntry &)> &predicate) const
    {
        int n = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            n += predicate(model.entry(row)) ? 1 : 0;
        return n;
    }

    IncidentQueueModel model;
    QueueFilterProxy proxy;
    QAbstractItemModelTester tester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(QueueFilterProxyTest, TextFilterIsCaseInsensitiveOverTheSearchableFields)
{
    proxy.setText(QStringLiteral("SORTER s2"));
    ASSERT_GT(proxy.rowCount(), 0);
    for (int row = 0; row < proxy.rowCount(); ++row)
        EXPECT_TRUE(proxy.entryAt(row).title.startsWith(QStringLiteral("Sorter S2")));
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return e.title.startsWith(QStringLiteral("Sorter")); }));

    proxy.setText(QStringLiteral("inc0000042"));
    EXPECT_EQ(shownNumbers(), QStringList { QStringLiteral("INC0000042") });

    proxy.setText(QStringLiteral("dublin"));
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return e.site.contains(QStringLiteral("Dublin")); }));

    proxy.setText(QStringLiteral("ci-16"));
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return e.configurationItem == QStringLiteral("CI-16"); }));

    proxy.setText(QStringLiteral("chen"));
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return e.assignee == QStringLiteral("chen"); }));

    proxy.setText(QStringLiteral("ops l1")); // the group is not a searched field
    EXPECT_EQ(proxy.rowCount(), 0);

    proxy.setText(QString());
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return core::isOpen(e.state); }));
}

TEST_F(QueueFilterProxyTest, SavedQueuesSelectWhatTheirNamesSay)
{
    core::QueueEntry resolvedToday = entry(200);
    resolvedToday.state = core::IncidentState::Resolved;
    resolvedToday.resolvedAt = Now - Hour; // 09:30 Berlin: today
    core::QueueEntry resolvedYesterday = entry(201);
    resolvedYesterday.state = core::IncidentState::Closed;
    resolvedYesterday.resolvedAt = Now - 12 * Hour; // 22:30 Berlin the day before
    model.applyChanges(list({ resolvedToday, resolvedYesterday }));

    const int open = countIf([](const auto &e) { return core::isOpen(e.state); });
    EXPECT_EQ(proxy.rowCount(), open);

    proxy.setQueue(SavedQueue::Unassigned);
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return core::isOpen(e.state) && e.assignee.isEmpty(); }));

    proxy.setQueue(SavedQueue::AssignedToMe);
    const int mine = countIf([](const auto &e) { return core::isOpen(e.state) && e.assignee == QStringLiteral("bram"); });
    EXPECT_GT(mine, 0);
    EXPECT_EQ(proxy.rowCount(), mine);

    proxy.setQueue(SavedQueue::HighPriority);
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return core::isOpen(e.state) && e.priority <= 2; }));

    proxy.setQueue(SavedQueue::OnHold);
    EXPECT_EQ(proxy.rowCount(), countIf([](const auto &e) { return e.state == core::IncidentState::OnHold; }));

    proxy.setQueue(SavedQueue::ResolvedToday);
    EXPECT_EQ(shownNumbers(), QStringList { resolvedToday.number });

    // A text filter narrows within the chosen queue.
    proxy.setQueue(SavedQueue::HighPriority);
    proxy.setText(QStringLiteral("payment"));
    for (int row = 0; row < proxy.rowCount(); ++row) {
        EXPECT_LE(proxy.entryAt(row).priority, 2);
        const core::QueueEntry &e = proxy.entryAt(row);
        EXPECT_TRUE(e.title.contains(QStringLiteral("Payment")) || e.service.contains(QStringLiteral("Payment")));
    }
}

TEST_F(QueueFilterProxyTest, DefaultOrderIsPriorityThenOldestFirst)
{
    ASSERT_GT(proxy.rowCount(), 2);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const core::QueueEntry &a = proxy.entryAt(row - 1);
        const core::QueueEntry &b = proxy.entryAt(row);
        ASSERT_LE(a.priority, b.priority);
        if (a.priority == b.priority) {
            ASSERT_LT(a.openedAt, b.openedAt) << a.number.toStdString() << " before " << b.number.toStdString();
        }
    }
}

TEST_F(QueueFilterProxyTest, SortsOnAnyColumnInBothDirections)
{
    proxy.sort(QueueColumn::Site, Qt::AscendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row)
        ASSERT_LE(QString::compare(proxy.entryAt(row - 1).site, proxy.entryAt(row).site, Qt::CaseInsensitive), 0);

    proxy.sort(QueueColumn::Age, Qt::DescendingOrder); // oldest first
    for (int row = 1; row < proxy.rowCount(); ++row)
        ASSERT_LE(proxy.entryAt(row - 1).openedAt, proxy.entryAt(row).openedAt);

    proxy.sort(QueueColumn::Number, Qt::DescendingOrder);
    EXPECT_EQ(proxy.entryAt(0).number, QStringLiteral("INC0000059"));
}

TEST_F(QueueFilterProxyTest, ALiveChangeMovesTheRowAndKeepsPersistentIndexes)
{
    // Selections in views are persistent indexes: they must follow their incident.
    const int row = proxy.rowOfIncident(entry(9).id);
    ASSERT_GE(row, 0);
    const QPersistentModelIndex selected = proxy.index(row, 0);

    core::QueueEntry raised = entry(20); // P1 now, and it is not the selected one
    raised.priority = 1;
    raised.openedAt = Now - 1000 * Hour; // the oldest P1: first in the queue
    model.applyChanges(only(raised));

    EXPECT_EQ(proxy.entryAt(0).id, raised.id);
    ASSERT_TRUE(selected.isValid());
    EXPECT_EQ(proxy.incidentIdAt(selected.row()), entry(9).id);
}

TEST_F(QueueFilterProxyTest, AnIncidentLeavingTheQueueLeavesTheView)
{
    proxy.setQueue(SavedQueue::Unassigned);
    const core::QueueEntry unassigned = entry(4); // People[0] is nobody
    ASSERT_GE(proxy.rowOfIncident(unassigned.id), 0);
    core::QueueEntry taken = unassigned;
    taken.assignee = QStringLiteral("chen");
    model.applyChanges(only(taken));
    EXPECT_EQ(proxy.rowOfIncident(unassigned.id), -1);
    EXPECT_GE(model.rowOfIncident(unassigned.id), 0);
}
