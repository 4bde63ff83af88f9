#include "testentries.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>
#include <models/queueformat.h>
#include <models/slacountdown.h>
#include <models/slastatusindex.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;
using core::SlaKind;

namespace {

class SlaColumnsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        model.setNow(Now);
        model.setClock(&clock);
        model.resetEntries(entries(10));
        proxy.setSourceModel(&model);
    }

    QModelIndex cell(int row, int column) const { return model.index(row, column); }
    QString text(int row, int column) const { return cell(row, column).data().toString(); }
    SlaLevel level(int row, int column) const { return SlaLevel(cell(row, column).data(QueueRole::SlaLevel).toInt()); }

    core::FakeClock clock { Now };
    IncidentQueueModel model;
    QueueFilterProxy proxy;
    QAbstractItemModelTester tester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

} // namespace

TEST_F(SlaColumnsTest, TheCountdownIsComputedFromTheClockWhenAViewAsks)
{
    // A 4 h resolution target started an hour ago: its deadline is three hours away.
    model.resetSla(slaMap({ slaStatus(entry(2), runningClock(SlaKind::Resolution, Now - Hour, 4 * Hour)) }));
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("3h 00m left"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advanceMs(2 * Hour + 55 * Minute + 10'000);
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("4m left")); // 4m 50s, rounded down
    clock.advanceMs(4 * Minute + 50'000);
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("0s left")); // the deadline itself
    clock.advanceMs(30'000);
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("Overdue 30s"));
    clock.advanceMs(Hour + 5 * Minute);
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("Overdue 1h 05m"));
    EXPECT_EQ(changed.count(), 0) << "time passing must not cost a signal";
}

TEST_F(SlaColumnsTest, TheColourIsTheThresholdReachedAtNow)
{
    // Started 1 h ago with a 4 h target: 25 % used now; 50 % at +1 h, 75 % at +2 h, 90 % at +2 h 36 m.
    model.resetSla(slaMap({ slaStatus(entry(3), runningClock(SlaKind::Resolution, Now - Hour, 4 * Hour)) }));
    const auto background = [&] { return cell(3, QueueColumn::ResolutionSla).data(Qt::BackgroundRole).value<QColor>(); };
    const auto foreground = [&] { return cell(3, QueueColumn::ResolutionSla).data(Qt::ForegroundRole).value<QColor>(); };

    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::OnTrack);
    EXPECT_FALSE(cell(3, QueueColumn::ResolutionSla).data(Qt::BackgroundRole).isValid());
    clock.setNowMs(Now + Hour);
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::Warning);
    EXPECT_EQ(background(), slaLevelBackground(SlaLevel::Warning));
    clock.setNowMs(Now + 2 * Hour + Minute);
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::Serious);
    EXPECT_EQ(background(), slaLevelBackground(SlaLevel::Serious));
    clock.setNowMs(Now + 2 * Hour + 40 * Minute);
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::Critical);
    EXPECT_EQ(background(), slaLevelBackground(SlaLevel::Critical));
    clock.setNowMs(Now + 3 * Hour); // exactly the deadline: not breached yet
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::Critical);
    clock.setNowMs(Now + 3 * Hour + 1000);
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::Breached);
    EXPECT_EQ(background(), slaLevelBackground(SlaLevel::Breached));
    EXPECT_EQ(foreground(), QColor(Qt::white));
    EXPECT_TRUE(cell(3, QueueColumn::ResolutionSla).data(Qt::FontRole).value<QFont>().bold());
    // The bands are distinct colours.
    EXPECT_NE(slaLevelBackground(SlaLevel::Warning), slaLevelBackground(SlaLevel::Serious));
    EXPECT_NE(slaLevelBackground(SlaLevel::Serious), slaLevelBackground(SlaLevel::Critical));
}

TEST_F(SlaColumnsTest, PausedAndStoppedClocksSayWhatTheyAre)
{
    model.resetSla(slaMap({
        slaStatus(entry(1), pausedClock(SlaKind::Resolution, 4 * Hour, Hour + 50 * Minute)),
        slaStatus(entry(2), pausedClock(SlaKind::Resolution, Hour, Hour + 5 * Minute)),
        slaStatus(entry(3), stoppedClock(SlaKind::Resolution, core::ClockState::Met, Now - Hour),
                  stoppedClock(SlaKind::Response, core::ClockState::Breached, Now - Hour)),
        slaStatus(entry(4), stoppedClock(SlaKind::Resolution, core::ClockState::Cancelled, Now - Hour)),
    }));
    clock.advanceMs(3 * Hour); // paused clocks do not move
    EXPECT_EQ(text(1, QueueColumn::ResolutionSla), QStringLiteral("Paused (2h 10m left)"));
    EXPECT_EQ(level(1, QueueColumn::ResolutionSla), SlaLevel::OnTrack);
    EXPECT_EQ(text(2, QueueColumn::ResolutionSla), QStringLiteral("Paused (overdue 5m)"));
    EXPECT_EQ(level(2, QueueColumn::ResolutionSla), SlaLevel::Breached);
    EXPECT_EQ(text(3, QueueColumn::ResolutionSla), QStringLiteral("Met"));
    EXPECT_EQ(level(3, QueueColumn::ResolutionSla), SlaLevel::None);
    EXPECT_EQ(text(3, QueueColumn::ResponseSla), QStringLiteral("Breached"));
    EXPECT_EQ(level(3, QueueColumn::ResponseSla), SlaLevel::Breached);
    EXPECT_EQ(text(4, QueueColumn::ResolutionSla), QStringLiteral("—"));
    // No response clock, and no policy at all: nothing to show.
    EXPECT_EQ(text(1, QueueColumn::ResponseSla), QString());
    EXPECT_EQ(text(5, QueueColumn::ResolutionSla), QString());
    EXPECT_EQ(text(5, QueueColumn::BreachRisk), QString());
}

TEST_F(SlaColumnsTest, BreachRiskIsAPercentageOrADash)
{
    model.resetSla(slaMap({
        slaStatus(entry(1), runningClock(SlaKind::Resolution, Now, 8 * Hour), std::nullopt, 0.834),
        slaStatus(entry(2), runningClock(SlaKind::Resolution, Now, 8 * Hour), std::nullopt, -1.0),
    }));
    EXPECT_EQ(text(1, QueueColumn::BreachRisk), QStringLiteral("83 %"));
    EXPECT_DOUBLE_EQ(cell(1, QueueColumn::BreachRisk).data(QueueRole::RawValue).toDouble(), 0.834);
    EXPECT_EQ(text(2, QueueColumn::BreachRisk), QStringLiteral("—"));
    EXPECT_TRUE(cell(1, QueueColumn::BreachRisk).data(Qt::ToolTipRole).toString().contains(QStringLiteral("40")));
}

TEST_F(SlaColumnsTest, TheToolTipGivesPolicyTargetBusinessTimesAndTheLocalDeadline)
{
    model.resetSla(slaMap({ slaStatus(entry(2), runningClock(SlaKind::Resolution, Now - Hour, 4 * Hour)) }));
    const QString tip = cell(2, QueueColumn::ResolutionSla).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Policy: P3 standard"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Target: 4h 00m"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Elapsed (business time): 1h 00m"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Remaining (business time): 3h 00m"))) << tip.toStdString();
    // 12:30 UTC is 13:30 in Berlin in January (the tests run in Europe/Berlin).
    EXPECT_TRUE(tip.contains(QStringLiteral("Deadline: 2024-01-15 13:30"))) << tip.toStdString();
}

TEST_F(SlaColumnsTest, SortingByTimeLeftOrdersByDeadlineWithClocksWithoutOneLast)
{
    model.resetSla(slaMap({
        slaStatus(entry(0), runningClock(SlaKind::Resolution, Now, 8 * Hour)),
        slaStatus(entry(1), pausedClock(SlaKind::Resolution, 4 * Hour, Hour)),
        slaStatus(entry(2), runningClock(SlaKind::Resolution, Now - 3 * Hour, 4 * Hour)), // 1 h left
        slaStatus(entry(3), runningClock(SlaKind::Resolution, Now - 5 * Hour, 4 * Hour, Now)), // overdue 1 h
        slaStatus(entry(4), runningClock(SlaKind::Resolution, Now, 2 * Hour)),
    }));
    proxy.sort(QueueColumn::ResolutionSla, Qt::AscendingOrder);
    EXPECT_EQ(proxy.entryAt(0).id, entry(3).id);
    EXPECT_EQ(proxy.entryAt(1).id, entry(2).id);
    EXPECT_EQ(proxy.entryAt(2).id, entry(4).id);
    EXPECT_EQ(proxy.entryAt(3).id, entry(0).id);
    EXPECT_EQ(model.index(model.rowOfIncident(entry(2).id), QueueColumn::ResolutionSla).data(QueueRole::RawValue),
              QVariant(Now + Hour));
    EXPECT_EQ(model.index(model.rowOfIncident(entry(1).id), QueueColumn::ResolutionSla).data(QueueRole::RawValue),
              QVariant(NoDeadline));

    // The order is by deadline, so time passing does not move any row.
    QSignalSpy moved(&proxy, &QAbstractItemModel::layoutChanged);
    clock.advanceMs(2 * Hour);
    EXPECT_EQ(moved.count(), 0);
    EXPECT_EQ(proxy.entryAt(1).id, entry(2).id);

    proxy.sort(QueueColumn::BreachRisk, Qt::DescendingOrder);
    EXPECT_EQ(proxy.rowCount(), 10);
}

TEST_F(SlaColumnsTest, ADeltaSignalsOnlyTheSlaColumnsOfTheRowsItConcerns)
{
    model.resetSla(slaMap({ slaStatus(entry(3), runningClock(SlaKind::Resolution, Now, 8 * Hour)),
                            slaStatus(entry(7), runningClock(SlaKind::Resolution, Now, 8 * Hour)) }));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    core::IncidentSla gone = slaStatus(entry(7), runningClock(SlaKind::Resolution, Now, 8 * Hour));
    gone.removed = true;
    core::QueueEntry stranger = entry(99); // the engine follows it, the queue does not show it
    model.applySlaChanges(slaMap({ slaStatus(entry(3), runningClock(SlaKind::Resolution, Now - 7 * Hour, 8 * Hour)),
                                   slaStatus(entry(4), runningClock(SlaKind::Resolution, Now, 2 * Hour)), gone,
                                   slaStatus(stranger, runningClock(SlaKind::Resolution, Now, Hour)) }));

    ASSERT_EQ(changed.count(), 2); // rows 3–4 as one run, row 7 alone
    QList<int> rows;
    for (const QList<QVariant> &signal : changed) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        EXPECT_EQ(topLeft.column(), QueueColumn::ResponseSla);
        EXPECT_EQ(bottomRight.column(), QueueColumn::BreachRisk);
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
            rows << r;
    }
    std::sort(rows.begin(), rows.end());
    EXPECT_EQ(rows, (QList<int> { 3, 4, 7 }));
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(text(3, QueueColumn::ResolutionSla), QStringLiteral("1h 00m left"));
    EXPECT_EQ(text(4, QueueColumn::ResolutionSla), QStringLiteral("2h 00m left"));
    EXPECT_EQ(text(7, QueueColumn::ResolutionSla), QString());
    EXPECT_NE(model.slaOfIncident(stranger.id), nullptr);

    // A row that arrives later picks up the status the engine already sent.
    model.applyChanges(only(stranger));
    EXPECT_EQ(text(model.rowOfIncident(stranger.id), QueueColumn::ResolutionSla), QStringLiteral("1h 00m left"));
}

TEST_F(SlaColumnsTest, ASnapshotChangesOnlyTheSlaColumns)
{
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.resetSla(slaMap({ slaStatus(entry(5), runningClock(SlaKind::Resolution, Now, 8 * Hour)) }));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().column(), QueueColumn::ResponseSla);
    EXPECT_EQ(changed.at(0).at(1).value<QModelIndex>().column(), QueueColumn::BreachRisk);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(model.headerData(QueueColumn::ResolutionSla, Qt::Horizontal).toString(), QStringLiteral("Resolution SLA"));
}

TEST(SlaCountdown, FormatsLikeACountdown)
{
    EXPECT_EQ(formatCountdown(45'000), QStringLiteral("45s"));
    EXPECT_EQ(formatCountdown(12 * Minute + 59'000), QStringLiteral("12m"));
    EXPECT_EQ(formatCountdown(3 * Hour + 5 * Minute), QStringLiteral("3h 05m"));
    EXPECT_EQ(formatCountdown(52 * Hour), QStringLiteral("2d 04h"));
    EXPECT_EQ(formatCountdown(-5), QStringLiteral("0s"));
}

TEST(SlaCountdown, ManyDeltasFoldIntoTheIndexWithoutLosingAny)
{
    SlaStatusIndex index;
    index.reset(slaMap({ slaStatus(entry(0), runningClock(SlaKind::Resolution, Now, Hour)) }));
    for (int n = 1; n < 3000; ++n)
        index.apply(slaMap({ slaStatus(entry(n), runningClock(SlaKind::Resolution, Now, n * Minute)) }));
    core::IncidentSla gone = slaStatus(entry(0), runningClock(SlaKind::Resolution, Now, Hour));
    gone.removed = true;
    index.apply(slaMap({ gone }));
    EXPECT_EQ(index.find(entry(0).id), nullptr);
    ASSERT_NE(index.find(entry(2999).id), nullptr);
    EXPECT_EQ(index.find(entry(2999).id)->resolution.targetMs, 2999 * Minute);
    EXPECT_EQ(index.find(entry(1).id)->resolution.targetMs, Minute);
}
