#include "testentries.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <cmath>

#include <gtest/gtest.h>
#include <models/incidentqueuemodel.h>
#include <models/kpichartmodel.h>
#include <models/queuefilterproxy.h>
#include <models/queueformat.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;

namespace {

// An incident resolved and closed long before the queue's recent window.
core::QueueEntry closedLongAgo(int n)
{
    core::QueueEntry e = entry(n);
    e.state = core::IncidentState::Closed;
    e.resolvedAt = Now - 20 * 24 * Hour;
    e.openedAt = e.resolvedAt - 3 * Hour;
    e.acknowledgedAt = e.openedAt + 5 * Minute;
    return e;
}

QStringList ids(const QueueFilterProxy &proxy)
{
    QStringList out;
    for (int row = 0; row < proxy.rowCount(); ++row)
        out << proxy.incidentIdAt(row);
    out.sort();
    return out;
}

class KpiDrillDownQueueTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        model.setNow(Now);
        model.resetEntries(entries(30));
        proxy.setSourceModel(&model);
        proxy.setNow(Now);
    }

    IncidentQueueModel model;
    QueueFilterProxy proxy;
    QAbstractItemModelTester modelTester { &model,
        QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { &proxy,
        QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(KpiDrillDownQueueTest, OldIncidentsStayOutOfTheQueueUnlessPinned)
{
    model.applyChanges(only(closedLongAgo(100)));
    EXPECT_EQ(model.rowOfIncident(closedLongAgo(100).id), -1);

    model.setPinnedIncidents({ closedLongAgo(100).id });
    model.applyChanges(list({ closedLongAgo(100), closedLongAgo(101) }));
    EXPECT_GE(model.rowOfIncident(closedLongAgo(100).id), 0);
    EXPECT_EQ(model.rowOfIncident(closedLongAgo(101).id), -1) << "only pinned incidents are let in";
    EXPECT_EQ(model.rowCount(), 31);
}

TEST_F(KpiDrillDownQueueTest, PinnedIncidentsSurviveTimeAndARefreshAndLeaveWhenReleased)
{
    const core::QueueEntry old = closedLongAgo(100);
    model.setPinnedIncidents({ old.id });
    model.applyChanges(only(old));
    model.setNow(Now + Hour); // would expire old resolutions
    EXPECT_GE(model.rowOfIncident(old.id), 0);
    model.syncEntries(entries(30)); // the reader's snapshot never has it
    EXPECT_GE(model.rowOfIncident(old.id), 0);

    model.setPinnedIncidents({});
    EXPECT_EQ(model.rowOfIncident(old.id), -1);
    EXPECT_EQ(model.rowCount(), 30) << "open incidents are not touched";
}

TEST_F(KpiDrillDownQueueTest, IncidentIdFilterShowsExactlyThoseIncidentsWhateverTheSavedQueue)
{
    const core::QueueEntry old = closedLongAgo(100);
    model.setPinnedIncidents({ old.id });
    model.applyChanges(only(old));
    proxy.setQueue(SavedQueue::HighPriority);
    const QSet<QString> wanted { old.id, entry(3).id, entry(7).id };
    proxy.setIncidentIds(wanted);
    EXPECT_TRUE(proxy.hasIncidentIds());
    QStringList expected(wanted.begin(), wanted.end());
    expected.sort();
    EXPECT_EQ(ids(proxy), expected);

    proxy.setText(entry(7).number);
    EXPECT_EQ(ids(proxy), QStringList { entry(7).id }) << "the text filter still narrows the set";
    proxy.setText({});

    proxy.clearIncidentIds();
    EXPECT_FALSE(proxy.hasIncidentIds());
    EXPECT_EQ(proxy.rowOfIncident(old.id), -1)
        << "back to the saved queue, which has no closed incident";
}

TEST_F(KpiDrillDownQueueTest, AnEmptyIncidentSetShowsNothing)
{
    proxy.setIncidentIds({});
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(KpiChartModelTest, WeeklyTimesAreHoursWithMissingWeeksAsNoData)
{
    core::KpiReport report;
    core::KpiWeek week1;
    week1.startUtcMs = Now;
    week1.mtta = { 4, 30.0 * Minute, 20.0 * Minute };
    week1.mttr = { 3, 2.5 * Hour, 2.0 * Hour };
    core::KpiWeek week2;
    week2.startUtcMs = Now + 7 * 24 * Hour;
    week2.mttr = { 1, 90.0 * Minute, 90.0 * Minute };
    report.weeks = { week1, week2 };

    KpiChartModel model(KpiChartUnit::Hours);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTable(KpiChartModel::responseTimesByWeek(report, QTimeZone::utc()));
    EXPECT_EQ(reset.count(), 1);
    ASSERT_EQ(model.rowCount(), 2);
    ASSERT_EQ(model.columnCount(), 2);
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("15 Jan"));
    EXPECT_EQ(
        model.headerData(1, Qt::Vertical, KpiChartRole::RowKey).toLongLong(), week2.startUtcMs);
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("MTTR"));
    EXPECT_DOUBLE_EQ(model.index(0, 0).data(KpiChartRole::Value).toDouble(), 0.5);
    EXPECT_DOUBLE_EQ(model.index(0, 1).data(KpiChartRole::Value).toDouble(), 2.5);
    EXPECT_EQ(model.index(0, 1).data().toString(), QStringLiteral("2h 30m"));
    EXPECT_FALSE(model.index(1, 0).data(KpiChartRole::Value).isValid())
        << "no acknowledgement that week";
    EXPECT_EQ(model.index(1, 0).data().toString(), QStringLiteral("no data"));
}

TEST(KpiChartModelTest, VolumeHasOneSeriesPerPriorityInTheQueueColours)
{
    core::KpiReport report;
    core::KpiWeek week;
    week.startUtcMs = Now;
    week.openedByPriority = { 1, 2, 3, 4, 5 };
    report.weeks = { week };
    KpiChartModel model(KpiChartUnit::Count);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTable(KpiChartModel::volumeByWeek(report, QTimeZone::utc()));
    ASSERT_EQ(model.columnCount(), 5);
    for (int p = 1; p <= 5; ++p) {
        EXPECT_EQ(model.headerData(p - 1, Qt::Horizontal, KpiChartRole::Color).value<QColor>(),
            priorityColor(p));
        EXPECT_DOUBLE_EQ(model.index(0, p - 1).data(KpiChartRole::Value).toDouble(), double(p));
    }
}

TEST(KpiChartModelTest, AvailabilityCarriesEachServicesOwnTargetAndParetoItsCumulativeShare)
{
    core::KpiReport report;
    core::AvailabilityRow web;
    web.name = QStringLiteral("Web shop");
    web.percent = 99.2;
    web.targetPercent = 99.9;
    core::AvailabilityRow wms;
    wms.name = QStringLiteral("WMS");
    wms.percent = 99.95;
    wms.targetPercent = 99.5;
    report.availabilityByService = { web, wms };
    report.categoryPareto
        = { { QStringLiteral("Network"), 6, 60.0 }, { QStringLiteral("Hardware"), 4, 100.0 } };

    KpiChartModel availability(KpiChartUnit::Percent);
    QAbstractItemModelTester tester(
        &availability, QAbstractItemModelTester::FailureReportingMode::Fatal);
    availability.setTable(KpiChartModel::availabilityByService(report));
    EXPECT_EQ(availability.headerData(1, Qt::Vertical, KpiChartRole::RowKey).toString(),
        QStringLiteral("WMS"));
    EXPECT_DOUBLE_EQ(availability.index(0, 1).data(KpiChartRole::Value).toDouble(), 99.9);
    EXPECT_DOUBLE_EQ(availability.index(1, 1).data(KpiChartRole::Value).toDouble(), 99.5);
    EXPECT_EQ(availability.index(0, 0).data().toString(), QStringLiteral("99.2 %"));

    KpiChartModel pareto(KpiChartUnit::Count);
    pareto.setTable(KpiChartModel::categoryPareto(report));
    EXPECT_EQ(pareto.rowCount(), 2);
    EXPECT_DOUBLE_EQ(pareto.index(0, 0).data(KpiChartRole::Value).toDouble(), 6.0);
    EXPECT_DOUBLE_EQ(pareto.index(0, 1).data(KpiChartRole::Value).toDouble(), 60.0);
    pareto.setTable({});
    EXPECT_EQ(pareto.rowCount(), 0);
}
