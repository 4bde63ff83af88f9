// The SLA countdown in the views: it moves with the clock alone, no engine data needed.
#include "uitestsupport.h"

#include <core/domain/clock.h>
#include <core/domain/labels.h>
#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>
#include <ui/queueview.h>
#include <ui/slapanel.h>

#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

constexpr qint64 Now = 1'705'311'000'000; // 2024-01-15T09:30:00Z
constexpr qint64 Minute = 60'000;

// Remembers the text it last painted per row, i.e. what the operator saw.
class RecordingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painted[index.row()] = index.data().toString();
        QStyledItemDelegate::paint(painter, option, index);
    }
    mutable QHash<int, QString> painted;
};

core::QueueEntry openIncident(int n)
{
    core::QueueEntry e;
    e.id = QStringLiteral("incident-%1").arg(n);
    e.number = QStringLiteral("INC000000%1").arg(n);
    e.title = QStringLiteral("Conveyor C%1 stopped").arg(n);
    e.priority = 1 + n % 3;
    e.state = core::IncidentState::InProgress;
    e.openedAt = Now - 50 * Minute;
    e.acknowledgedAt = Now - 45 * Minute;
    e.updatedAt = e.openedAt;
    return e;
}

// A resolution clock on a 24×7 calendar whose deadline is `deadline`.
core::SlaClockStatus clockDueAt(qint64 deadline, qint64 target)
{
    core::SlaClockStatus c;
    c.kind = core::SlaKind::Resolution;
    c.targetMs = target;
    c.startedAt = deadline - target;
    c.elapsedMs = Now - c.startedAt;
    c.remainingMs = target - c.elapsedMs;
    c.deadlineAt = deadline;
    c.counting = true;
    c.thresholdCount = 4;
    const int percents[] = { 50, 75, 90, 100 };
    for (int i = 0; i < 4; ++i) {
        c.thresholdAt[std::size_t(i)] = c.startedAt + target * percents[i] / 100;
        c.thresholdPercent[std::size_t(i)] = percents[i];
    }
    c.segments << core::ClockSegment { c.startedAt, 0, true, core::HoldReason::None, c.elapsedMs };
    return c;
}

} // namespace

TEST(SlaCountdownView, TheQueueCountdownMovesWithTheClockAlone)
{
    core::FakeClock clock(Now);
    models::IncidentQueueModel model;
    model.setNow(Now);
    model.setClock(&clock);
    model.resetEntries(std::make_shared<core::QueueEntries>(core::QueueEntries { openIncident(1), openIncident(2) }));
    auto sla = std::make_shared<core::SlaStatusMap>();
    core::IncidentSla status;
    status.incidentId = openIncident(1).id;
    status.hasResolution = true;
    status.resolution = clockDueAt(Now + 10 * Minute, 60 * Minute);
    sla->insert(status.incidentId, status);
    model.resetSla(sla);
    models::QueueFilterProxy proxy;
    proxy.setSourceModel(&model);

    QueueView view(&proxy);
    view.setLoading(false);
    view.setCountdownInterval(50);
    auto *delegate = new RecordingDelegate(view.table());
    view.table()->setItemDelegateForColumn(models::QueueColumn::ResolutionSla, delegate);
    view.resize(1400, 300);
    view.show();
    const int row = proxy.rowOfIncident(status.incidentId);
    const auto shows = [&](const QString &text) {
        return waitFor([&] { return delegate->painted.value(row) == text; }, 3000);
    };
    ASSERT_TRUE(shows(QStringLiteral("10m left"))) << delegate->painted.value(row).toStdString();

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advanceMs(Minute);
    EXPECT_TRUE(shows(QStringLiteral("9m left"))) << delegate->painted.value(row).toStdString();
    clock.advanceMs(9 * Minute + 30'000);
    EXPECT_TRUE(shows(QStringLiteral("Overdue 30s"))) << delegate->painted.value(row).toStdString();
    EXPECT_EQ(changed.count(), 0) << "the countdown must cost repaints, not model signals";
    EXPECT_EQ(view.table()->model()->index(row, models::QueueColumn::ResolutionSla).data(Qt::BackgroundRole).value<QColor>(),
              QColor(0xc6, 0x28, 0x28));
}

TEST(SlaCountdownView, TheDetailPaneClocksCountDownToo)
{
    core::FakeClock clock(Now);
    SlaPanel panel(clock);
    panel.showLoading(QStringLiteral("incident-1"));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Loading")));
    core::SlaClockStatus response;
    response.kind = core::SlaKind::Response;
    response.state = core::ClockState::Met;
    response.targetMs = 15 * Minute;
    response.startedAt = Now - 50 * Minute;
    response.stoppedAt = Now - 45 * Minute;
    response.elapsedMs = 5 * Minute;
    response.remainingMs = 10 * Minute;
    response.deadlineAt = response.startedAt + response.targetMs;
    response.segments << core::ClockSegment { response.startedAt, response.stoppedAt, true, core::HoldReason::None,
                                              5 * Minute };
    panel.showClocks(QStringLiteral("incident-1"), QStringLiteral("P2 — high"),
                     { response, clockDueAt(Now + 10 * Minute, 60 * Minute) });
    panel.show();

    const QString text = panel.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Policy: P2 — high"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Response"))) << text.toStdString();
    const auto local = [](qint64 ms) { return core::formatLocalTime(ms); };
    EXPECT_TRUE(text.contains(QStringLiteral("Met at ") + local(Now - 45 * Minute))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Resolution"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("10m left"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1h 00m"))) << text.toStdString(); // the target
    EXPECT_TRUE(text.contains(QStringLiteral("50m business"))) << text.toStdString(); // elapsed
    EXPECT_TRUE(text.contains(QStringLiteral("Deadline ") + local(Now + 10 * Minute))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Running %1 – now").arg(local(Now - 50 * Minute)))) << text.toStdString();

    clock.advanceMs(Minute);
    EXPECT_TRUE(waitFor([&] { return panel.plainText().contains(QStringLiteral("9m left")); }, 3000))
        << panel.plainText().toStdString();

    panel.showClocks(QStringLiteral("incident-1"), {}, {});
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("No SLA policy applies"))) << panel.plainText().toStdString();
}

TEST(SlaCountdownView, AHeaderLayoutSavedBeforeTheSlaColumnsStillShowsThem)
{
    // The header state a console saved before the SLA columns existed: twelve sections,
    // with "Title" moved first.
    QStandardItemModel oldModel(0, models::QueueColumn::ResponseSla);
    QTableView oldTable;
    oldTable.setModel(&oldModel);
    oldTable.horizontalHeader()->setSectionsMovable(true);
    oldTable.horizontalHeader()->moveSection(models::QueueColumn::Title, 0);
    const QByteArray oldState = oldTable.horizontalHeader()->saveState();

    models::IncidentQueueModel model;
    models::QueueFilterProxy proxy;
    proxy.setSourceModel(&model);
    QueueView view(&proxy);
    view.restoreHeaderState(oldState);
    QHeaderView *header = view.table()->horizontalHeader();
    ASSERT_EQ(header->count(), models::QueueColumn::Count);
    for (int column : { models::QueueColumn::ResponseSla, models::QueueColumn::ResolutionSla,
                        models::QueueColumn::BreachRisk }) {
        EXPECT_FALSE(header->isSectionHidden(column)) << column;
        EXPECT_GT(header->sectionSize(column), 40) << column;
    }
}
