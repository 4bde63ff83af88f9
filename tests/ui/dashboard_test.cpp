// The KPI dashboard in the real console: a demo database, the KPI engine on its own
// thread, tiles and charts compared with the engine's own answer for the same query,
// drill-downs into the queue, PNG export and the dashboard's screenshots.
#include "uitestsupport.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <core/engine/kpicalculator.h>
#include <core/storage/database.h>
#include <core/storage/kpirepository.h>
#include <gtest/gtest.h>
#include <models/incidentqueuemodel.h>
#include <models/kpichartmodel.h>
#include <models/queuefilterproxy.h>
#include <models/savedqueuesmodel.h>
#include <ui/chartadapter.h>
#include <ui/drilldownbar.h>
#include <ui/kpicharts.h>
#include <ui/kpidashboard.h>
#include <ui/kpifilterbar.h>
#include <ui/kpitile.h>
#include <ui/queuesidebar.h>
#include <ui/queueview.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

// The engine's answer computed here, on a connection of the test's own: the figures the
// dashboard must show.
struct EngineAnswer
{
    std::shared_ptr<core::KpiFacts> facts;
    core::KpiTargets targets;
    core::KpiReport report;
};

EngineAnswer computeHere(const QString &path, const core::KpiQuery &query, qint64 now)
{
    EngineAnswer answer;
    core::Database db;
    if (db.open(path))
        return answer;
    core::KpiRepository repository(db.connection());
    answer.facts = repository.loadFacts();
    answer.targets = repository.loadTargets().value_or(core::KpiTargets {});
    if (answer.facts)
        answer.report = core::computeKpis(*answer.facts, query, answer.targets, now);
    return answer;
}

QStringList shownIncidentIds(const models::QueueFilterProxy &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.incidentIdAt(row);
    ids.sort();
    return ids;
}

QStringList sorted(QStringList ids)
{
    ids.sort();
    return ids;
}

class DashboardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(database.ok()) << database.error().toStdString();
        resetSettings();
        console = std::make_unique<ConsoleFixture>(database.path());
        ASSERT_TRUE(console->waitUntilLoaded());
        // The SLA engine's catch-up escalates stalled demo incidents once, just after
        // opening: let it settle, so the engine's numbers and the test's read the same file.
        ASSERT_TRUE(waitFor([&] { return console->session->hasSla(); }, 10'000));
        QTest::qWait(1500);
        console->window->resize(1600, 1000);
        dashboard = console->window->dashboard();
        ASSERT_NE(dashboard, nullptr);
    }

    // Shows the dashboard and waits for its first report.
    bool openDashboard()
    {
        console->window->dashboardAction()->trigger();
        if (!console->window->isDashboardShown())
            return false;
        return waitFor(
            [&] { return dashboard->report() != nullptr && !dashboard->isComputing(); }, 30'000);
    }

    bool waitForDrillDown(const QStringList &expected)
    {
        auto *proxy = console->session->queueProxy();
        return waitFor(
            [&] {
                return !console->window->isDashboardShown() && proxy->hasIncidentIds()
                    && shownIncidentIds(*proxy) == sorted(expected);
            },
            10'000);
    }

    DemoDatabase database { 300, 42, true };
    std::unique_ptr<ConsoleFixture> console;
    KpiDashboard *dashboard = nullptr;
};

} // namespace

TEST_F(DashboardTest, TheDashboardComputesWhenFirstShownAndItsTilesShowTheEnginesNumbers)
{
    EXPECT_EQ(console->window->dashboardAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    EXPECT_TRUE(console->window->dashboardAction()->toolTip().contains(QStringLiteral("Ctrl+D")));
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    EXPECT_EQ(shown->query, dashboard->filterBar()->query());
    EXPECT_EQ(shown->query.timeZone, QTimeZone::systemTimeZone().id());
    // Rounded: a daylight-saving change in the last 30 days makes the period 30 d ± 1 h.
    EXPECT_EQ((shown->query.lengthMs() + 12 * 3600 * 1000) / (24 * 3600 * 1000), 30) << "Last 30 days by default";

    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    ASSERT_TRUE(answer.facts);
    EXPECT_GT(answer.report.current.opened, 50) << "the demo history lies in the period";
    EXPECT_EQ(shown->current, answer.report.current);
    ASSERT_EQ(shown->tiles.size(), answer.report.tiles.size());
    ASSERT_EQ(dashboard->tiles().size(), answer.report.tiles.size());
    for (const core::KpiTile &expected : answer.report.tiles) {
        KpiTileWidget *tile = dashboard->tile(expected.measure);
        ASSERT_NE(tile, nullptr) << core::toName(expected.measure).toStdString();
        EXPECT_EQ(tile->tile(), expected) << core::toName(expected.measure).toStdString();
        EXPECT_EQ(tile->valueText(),
            expected.hasValue ? formatKpiValue(expected.measure, expected.value)
                              : QStringLiteral("—"));
        EXPECT_FALSE(tile->changeText().isEmpty());
        EXPECT_FALSE(tile->toolTip().isEmpty()) << "the definition";
    }
    // Hand-readable spot checks of the formatting people see.
    EXPECT_EQ(dashboard->tile(core::KpiMeasure::Volume)->valueText(),
        QLocale().toString(answer.report.current.opened));
    EXPECT_EQ(dashboard->tile(core::KpiMeasure::MttrCritical)->targetText(),
        QStringLiteral("target < 4h 00m"));
    EXPECT_EQ(dashboard->tile(core::KpiMeasure::FirstContactResolution)->targetText(),
        QStringLiteral("target > 70.0 %"));
    EXPECT_TRUE(dashboard->tile(core::KpiMeasure::Mttr)
                    ->changeText()
                    .endsWith(QStringLiteral("vs previous 30 days")))
        << dashboard->tile(core::KpiMeasure::Mttr)->changeText().toStdString();

    // The charts are fed from the same report.
    auto *volume = dashboard->charts()->model(KpiChart::Volume);
    ASSERT_EQ(volume->rowCount(), answer.report.weeks.size());
    int opened = 0;
    for (int row = 0; row < volume->rowCount(); ++row) {
        for (int column = 0; column < 5; ++column)
            opened += volume->index(row, column).data(models::KpiChartRole::Value).toInt();
    }
    EXPECT_EQ(opened, answer.report.current.opened);
    for (int i = 0; i < KpiChartCount; ++i)
        EXPECT_TRUE(dashboard->charts()->chart(static_cast<KpiChart>(i))->isShowingData())
            << KpiCharts::title(static_cast<KpiChart>(i)).toStdString();
}

TEST_F(DashboardTest, ProgressShowsWhileComputingAndANewerRequestSupersedesAnOlderOne)
{
    ASSERT_TRUE(openDashboard());
    QSignalSpy computed(console->session->kpiWorker(), &core::KpiWorker::computed);
    QSignalSpy shown(dashboard, &KpiDashboard::reportShown);
    dashboard->refresh();
    const quint64 first = dashboard->currentRequestId();
    EXPECT_TRUE(dashboard->isComputing());
    EXPECT_TRUE(dashboard->progressBar()->isVisible());
    {
        // A second request before the first could answer: only its report may be shown.
        const QSignalBlocker quiet(dashboard->filterBar());
        dashboard->filterBar()->setPriority(1);
    }
    dashboard->refresh();
    ASSERT_NE(dashboard->currentRequestId(), first);
    ASSERT_TRUE(
        waitFor([&] { return computed.count() == 2 && !dashboard->isComputing(); }, 30'000));
    QTest::qWait(20);
    EXPECT_EQ(computed.at(0).at(0).value<quint64>(), first) << "the older report did arrive";
    EXPECT_EQ(shown.count(), 1) << "but was dropped";
    EXPECT_FALSE(dashboard->progressBar()->isVisible());
    EXPECT_EQ(dashboard->report()->query.filter.priorities, QList<int> { 1 });
}

TEST_F(DashboardTest, AFilterChangeComputesAgain)
{
    ASSERT_TRUE(openDashboard());
    dashboard->filterBar()->setPriority(2);
    EXPECT_TRUE(waitFor(
        [&] {
            return dashboard->report()->query.filter.priorities == QList<int> { 2 }
            && !dashboard->isComputing();
        },
        30'000));
    const core::KpiReportPtr shown = dashboard->report();
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    EXPECT_EQ(shown->current, answer.report.current);
    EXPECT_EQ(dashboard->tile(core::KpiMeasure::Volume)->valueText(),
        QLocale().toString(answer.report.current.opened));
}

TEST_F(DashboardTest, ClickingTheSavedQueueShownBeforeLeavesTheDrillDown)
{
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    core::KpiSelection volume;
    volume.measure = core::KpiMeasure::Volume;
    const QStringList expected = core::incidentsBehind(*answer.facts, shown->query, volume, shown->computedAt);
    KpiTileWidget *tile = dashboard->tile(core::KpiMeasure::Volume);
    QTest::mouseClick(tile, Qt::LeftButton, {}, tile->rect().center());
    ASSERT_TRUE(waitForDrillDown(expected));

    // The queue that was current before is not highlighted, and clicking it goes back to it.
    QueueSidebar *sidebar = console->window->sidebar();
    const models::SavedQueue before = sidebar->currentQueue();
    const QRect row = sidebar->visualRect(sidebar->model()->index(models::SavedQueuesModel::rowOf(before), 0));
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, row.center());
    EXPECT_FALSE(console->session->queueProxy()->hasIncidentIds());
    EXPECT_FALSE(console->window->drillDownBar()->isVisibleTo(console->window.get()));
    EXPECT_EQ(sidebar->currentQueue(), before);
    EXPECT_EQ(sidebar->selectionModel()->selectedIndexes().size(), 1);
}

TEST_F(DashboardTest, ClickingATileShowsExactlyTheIncidentsBehindItInTheQueueAndBack)
{
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    core::KpiSelection mttr;
    mttr.measure = core::KpiMeasure::Mttr;
    const QStringList expected
        = core::incidentsBehind(*answer.facts, shown->query, mttr, shown->computedAt);
    ASSERT_GT(expected.size(), 10);
    EXPECT_EQ(expected.size(), shown->current.mttr.count);

    KpiTileWidget *tile = dashboard->tile(core::KpiMeasure::Mttr);
    QTest::mouseClick(tile, Qt::LeftButton, {}, tile->rect().center());
    ASSERT_TRUE(waitForDrillDown(expected))
        << shownIncidentIds(*console->session->queueProxy()).size();
    // Resolved incidents, most long out of the live queue's scope, are all there.
    const QString title = console->window->drillDownBar()->title();
    EXPECT_TRUE(title.startsWith(QStringLiteral("MTTR · "))) << title.toStdString();
    EXPECT_TRUE(title.endsWith(QStringLiteral(" · %1 incidents").arg(expected.size())))
        << title.toStdString();
    EXPECT_TRUE(console->window->drillDownBar()->isVisible());
    // No saved queue is highlighted: the queue shows the KPI's incidents, not one of them.
    EXPECT_TRUE(console->window->sidebar()->selectionModel()->selectedIndexes().isEmpty());

    auto *back = console->window->drillDownBar()->findChild<QPushButton *>(
        QStringLiteral("drillDownBack"));
    ASSERT_NE(back, nullptr);
    back->click();
    EXPECT_TRUE(console->window->isDashboardShown());
    EXPECT_FALSE(console->session->queueProxy()->hasIncidentIds());
    EXPECT_FALSE(console->window->drillDownBar()->isVisibleTo(console->window.get()));
    EXPECT_EQ(console->window->sidebar()->selectionModel()->selectedIndexes().size(), 1)
        << "the saved queue is highlighted again";
    // The pinned incidents left the model again: the live queue is as before.
    for (const QString &id : expected) {
        const int row = console->session->queueModel()->rowOfIncident(id);
        if (row >= 0) {
            EXPECT_TRUE(core::inQueueScope(
                console->session->queueModel()->entry(row), console->clock.nowMs()));
        }
    }
}

TEST_F(DashboardTest, ClickingAStackedBarShowsTheIncidentsOfThatWeekAndPriority)
{
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    ChartAdapter *chart = dashboard->charts()->chart(KpiChart::Volume);
    auto *model = dashboard->charts()->model(KpiChart::Volume);
    // The biggest segment is the easiest to hit.
    int row = -1, column = -1, most = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < 5; ++c) {
            if (const int n = model->index(r, c).data(models::KpiChartRole::Value).toInt();
                n > most) {
                most = n;
                row = r;
                column = c;
            }
        }
    }
    ASSERT_GT(most, 0);
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    core::KpiSelection selection;
    selection.measure = core::KpiMeasure::Volume;
    selection.weekStartUtcMs = shown->weeks.at(row).startUtcMs;
    selection.priority = column + 1;
    const QStringList expected
        = core::incidentsBehind(*answer.facts, shown->query, selection, shown->computedAt);
    EXPECT_EQ(expected.size(), most) << "the bar's height is its incidents";

    QSignalSpy clicked(chart, &ChartAdapter::clicked);
    const QPoint at = chart->positionOf(row, column);
    ASSERT_FALSE(at.isNull());
    QTest::mouseClick(chart->clickTarget(), Qt::LeftButton, {}, at);
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.at(0).at(0).toInt(), row);
    EXPECT_EQ(clicked.at(0).at(1).toInt(), column);
    ASSERT_TRUE(waitForDrillDown(expected));
    EXPECT_TRUE(
        console->window->drillDownBar()->title().contains(QStringLiteral("P%1").arg(column + 1)));
    EXPECT_TRUE(console->window->drillDownBar()->title().contains(QStringLiteral("week of")));
}

TEST_F(DashboardTest, ClickingAPointOfTheBacklogShowsTheIncidentsOpenAtThatInstant)
{
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    // The last day with a backlog: the line's most recent point.
    int row = int(shown->backlog.size()) - 1;
    while (row > 0 && shown->backlog.at(row).open == 0)
        --row;
    ASSERT_GT(shown->backlog.at(row).open, 0);
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    core::KpiSelection selection;
    selection.measure = core::KpiMeasure::Backlog;
    selection.weekStartUtcMs = shown->backlog.at(row).atUtcMs;
    const QStringList expected
        = core::incidentsBehind(*answer.facts, shown->query, selection, shown->computedAt);
    EXPECT_EQ(expected.size(), shown->backlog.at(row).open);

    ChartAdapter *chart = dashboard->charts()->chart(KpiChart::Backlog);
    QSignalSpy clicked(chart, &ChartAdapter::clicked);
    QTest::mouseClick(chart->clickTarget(), Qt::LeftButton, {}, chart->positionOf(row, 0));
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.at(0).at(0).toInt(), row);
    ASSERT_TRUE(waitForDrillDown(expected));
    EXPECT_TRUE(
        console->window->drillDownBar()->title().startsWith(QStringLiteral("Backlog · open at ")));
}

TEST_F(DashboardTest, AServiceBarOfAvailabilityAndAParetoBarDrillDownByName)
{
    ASSERT_TRUE(openDashboard());
    const core::KpiReportPtr shown = dashboard->report();
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    ASSERT_FALSE(shown->categoryPareto.isEmpty());
    const core::ParetoRow &top = shown->categoryPareto.constFirst();
    core::KpiSelection selection;
    selection.measure = core::KpiMeasure::Volume;
    selection.name = top.name;
    const QStringList expected
        = core::incidentsBehind(*answer.facts, shown->query, selection, shown->computedAt);
    EXPECT_EQ(expected.size(), top.count);
    // Through the adapter's signal, as a click on the first bar gives it.
    Q_EMIT dashboard->charts()->chart(KpiChart::Pareto)->clicked(0, 0);
    ASSERT_TRUE(waitForDrillDown(expected));
    EXPECT_TRUE(console->window->drillDownBar()->title().contains(top.name));

    // The worst service's bar, on top of the horizontal chart: its outages.
    ASSERT_FALSE(shown->availabilityByService.isEmpty());
    const core::AvailabilityRow &worst = shown->availabilityByService.constFirst();
    core::KpiSelection outages;
    outages.measure = core::KpiMeasure::Availability;
    outages.name = worst.name;
    const QStringList behind
        = core::incidentsBehind(*answer.facts, shown->query, outages, shown->computedAt);
    EXPECT_EQ(behind.size(), worst.outages);
    console->window->showDashboard(true);
    ChartAdapter *availability = dashboard->charts()->chart(KpiChart::Availability);
    QSignalSpy clicked(availability, &ChartAdapter::clicked);
    QTest::mouseClick(
        availability->clickTarget(), Qt::LeftButton, {}, availability->positionOf(0, 0));
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.at(0).at(0).toInt(), 0);
    ASSERT_TRUE(waitForDrillDown(behind));
    EXPECT_TRUE(console->window->drillDownBar()->title().startsWith(
        QStringLiteral("Availability · %1").arg(worst.name)));
}

TEST_F(DashboardTest, EveryChartExportsAsAPngOfTheAskedSize)
{
    ASSERT_TRUE(openDashboard());
    QTemporaryDir dir;
    for (int i = 0; i < KpiChartCount; ++i) {
        ChartAdapter *chart = dashboard->charts()->chart(static_cast<KpiChart>(i));
        const QString path = dir.filePath(QStringLiteral("chart-%1.png").arg(i));
        ASSERT_TRUE(chart->savePng(path, QSize(900, 500)));
        const QImage image(path);
        ASSERT_FALSE(image.isNull()) << path.toStdString();
        EXPECT_EQ(image.size(), QSize(900, 500));
        // Drawn, not blank: bars, axes and labels are not white.
        int inked = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                inked += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        }
        EXPECT_GT(inked, 500) << KpiCharts::title(static_cast<KpiChart>(i)).toStdString();
    }
    // The on-screen chart is left at its size.
    EXPECT_TRUE(dashboard->charts()->chart(KpiChart::Volume)->exportAction()->isEnabled());
}

TEST_F(DashboardTest, ScreenshotsOfTheDashboardAndADrillDown)
{
    ASSERT_TRUE(openDashboard());
    QTest::qWait(100); // let the charts lay out
    const QPixmap shot = console->window->grab();
    EXPECT_EQ(shot.size(), QSize(1600, 1000));
    EXPECT_TRUE(shot.save(screenshotPath(QStringLiteral("dashboard-kpis.png"))));
    EXPECT_TRUE(dashboard->charts()
                    ->chart(KpiChart::Pareto)
                    ->savePng(screenshotPath(QStringLiteral("dashboard-chart-pareto.png")),
                        QSize(1200, 700)));

    const core::KpiReportPtr shown = dashboard->report();
    const EngineAnswer answer = computeHere(database.path(), shown->query, shown->computedAt);
    core::KpiSelection mttr;
    mttr.measure = core::KpiMeasure::Mttr;
    const QStringList expected
        = core::incidentsBehind(*answer.facts, shown->query, mttr, shown->computedAt);
    KpiTileWidget *tile = dashboard->tile(core::KpiMeasure::Mttr);
    QTest::mouseClick(tile, Qt::LeftButton, {}, tile->rect().center());
    ASSERT_TRUE(waitForDrillDown(expected));
    QTest::qWait(100);
    EXPECT_TRUE(
        console->window->grab().save(screenshotPath(QStringLiteral("dashboard-drilldown.png"))));
}
