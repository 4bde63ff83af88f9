#include "testentries.h"

#include <models/queuecolumns.h>
#include <models/timelinemodel.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::models;
using namespace nocturne::models::test;

namespace {

core::StoredEvent stored(qint64 seq, core::EventKind kind, qint64 recordedAt, qint64 occurredAt, QJsonObject payload,
                         const QString &actor = QStringLiteral("ana"))
{
    core::StoredEvent s;
    s.seq = seq;
    s.event.id = QStringLiteral("evt-%1").arg(seq);
    s.event.incidentId = QStringLiteral("inc-1");
    s.event.kind = kind;
    s.event.payload = std::move(payload);
    s.event.actor = actor;
    s.event.originNode = QStringLiteral("node-a");
    s.event.hlc.wallMs = recordedAt;
    s.event.hlc.node = QStringLiteral("node-a");
    s.event.occurredAt = occurredAt;
    return s;
}

QList<core::StoredEvent> history()
{
    const qint64 t = Now - 3 * Hour;
    return {
        // Stored out of fold order on purpose: a merge appends older events later.
        stored(3, core::EventKind::Assigned, t + 20 * Minute, t + 20 * Minute,
               { { QStringLiteral("group"), QStringLiteral("WMS Support") }, { QStringLiteral("assignee"), QStringLiteral("bram") } }),
        stored(1, core::EventKind::Opened, t, t,
               { { QStringLiteral("title"), QStringLiteral("WMS outage") }, { QStringLiteral("priority"), 1 },
                 { QStringLiteral("service"), QStringLiteral("WMS") } },
               QStringLiteral("alertmanager")),
        // Reported by phone after the fact: it happened 40 minutes before it was recorded.
        stored(2, core::EventKind::Acknowledged, t + 50 * Minute, t + 10 * Minute, {}),
    };
}

} // namespace

TEST(TimelineModelTest, ShowsEventsInFoldOrderWithBothTimes)
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEvents(QStringLiteral("inc-1"), history(), {});

    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, TimelineColumn::Kind).data().toString(), QStringLiteral("Opened"));
    EXPECT_EQ(model.index(1, TimelineColumn::Kind).data().toString(), QStringLiteral("Assigned"));
    EXPECT_EQ(model.index(2, TimelineColumn::Kind).data().toString(), QStringLiteral("Acknowledged"));
    EXPECT_EQ(model.index(0, TimelineColumn::Actor).data().toString(), QStringLiteral("alertmanager"));
    EXPECT_EQ(model.index(0, TimelineColumn::Summary).data().toString(), QStringLiteral("Opened as P1 - Critical: WMS outage"));
    EXPECT_EQ(model.index(1, TimelineColumn::Summary).data().toString(), QStringLiteral("Assigned to WMS Support / bram"));
    // 06:30 UTC + 10 min happened, recorded at 07:20 UTC; shown in Berlin time.
    EXPECT_EQ(model.index(2, TimelineColumn::Occurred).data().toString(), QStringLiteral("2024-01-15 07:40"));
    EXPECT_EQ(model.index(2, TimelineColumn::Recorded).data().toString(), QStringLiteral("2024-01-15 08:20"));
    EXPECT_EQ(model.index(2, TimelineColumn::Occurred).data(TimelineRole::OccurredAt).toLongLong(),
              Now - 3 * Hour + 10 * Minute);
    EXPECT_EQ(model.headerData(TimelineColumn::Recorded, Qt::Horizontal).toString(), QStringLiteral("Recorded"));
}

TEST(TimelineModelTest, FlagsEventsTheFoldRefused)
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEvents(QStringLiteral("inc-1"), history(), { QStringLiteral("evt-3") });

    EXPECT_TRUE(model.index(1, 0).data(TimelineRole::Flagged).toBool());
    EXPECT_FALSE(model.index(0, 0).data(TimelineRole::Flagged).toBool());
    EXPECT_EQ(model.index(1, TimelineColumn::Kind).data().toString(), QStringLiteral("Assigned (flagged)"));
    EXPECT_TRUE(model.index(1, TimelineColumn::Summary).data(Qt::ForegroundRole).value<QColor>().isValid());
    EXPECT_TRUE(model.index(1, TimelineColumn::Summary).data(Qt::ToolTipRole).toString().contains(QStringLiteral("merge")));
}

TEST(TimelineModelTest, NewEventsOfTheSameIncidentAreInsertedNotReset)
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEvents(QStringLiteral("inc-1"), history(), {});

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    auto more = history();
    more << stored(4, core::EventKind::Commented, Now, Now, { { QStringLiteral("text"), QStringLiteral("Vendor engaged") } });
    model.setEvents(QStringLiteral("inc-1"), more, {});

    EXPECT_EQ(resets.count(), 0);
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 3);
    EXPECT_EQ(model.index(3, TimelineColumn::Summary).data().toString(), QStringLiteral("Vendor engaged"));

    model.setEvents(QStringLiteral("inc-2"), {}, {});
    EXPECT_EQ(resets.count(), 1);
    EXPECT_EQ(model.rowCount(), 0);
}
