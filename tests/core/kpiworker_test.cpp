// The KPI worker on a real file and its own thread: progress, a report, a drill-down,
// a reload only after the database changed, and a clear failure on a missing file.
#include "testsupport.h"

#include "core/engine/kpiworker.h"
#include "core/engine/slaconfiguration.h"
#include "core/storage/slarepository.h"
#include "core/threading/ownedthread.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

struct Collector : QObject
{
    QList<std::pair<quint64, KpiReportPtr>> reports;
    QList<std::pair<int, QString>> progress;
    QList<std::pair<quint64, QStringList>> drills;
    QList<std::pair<quint64, DatabaseError>> failures;
    void watch(KpiWorker *worker)
    {
        connect(worker, &KpiWorker::computed, this, [this](quint64 id, const KpiReportPtr &r) { reports.append({ id, r }); });
        connect(worker, &KpiWorker::progress, this, [this](quint64, int percent, const QString &stage) { progress.append({ percent, stage }); });
        connect(worker, &KpiWorker::drilledDown, this,
                [this](quint64 id, const KpiSelection &, const QStringList &ids) { drills.append({ id, ids }); });
        connect(worker, &KpiWorker::failed, this, [this](quint64 id, const DatabaseError &e) { failures.append({ id, e }); });
    }
};

KpiQuery aroundT0()
{
    KpiQuery q;
    q.fromUtcMs = T0 - 24 * Hour;
    q.toUtcMs = T0 + 24 * Hour;
    return q;
}

TEST(KpiWorker, ComputesWithProgressDrillsDownAndReloadsOnlyAfterAChange)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    SlaRepository sla(h.database().connection());
    ASSERT_FALSE(sla.saveConfiguration(defaultSlaConfiguration(), QStringLiteral("admin"), h.clock().nowMs()).error);
    const QString first = h.openIncident(QStringLiteral("Belt stopped"), 1, 1);
    ASSERT_FALSE(h.openIncident(QStringLiteral("Printer"), 3, 3).isEmpty());
    h.clock().advanceMs(Minute); // "now" after both openings: both are in the backlog

    Collector c;
    OwnedThread<KpiWorker> worker(QStringLiteral("nocturne-kpi"), std::make_unique<KpiWorker>(h.clock()));
    c.watch(worker.worker());
    worker.worker()->open(h.path());
    worker.worker()->compute(1, aroundT0());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !c.reports.isEmpty() || !c.failures.isEmpty(); }, 10000));
    ASSERT_TRUE(c.failures.isEmpty()) << c.failures.first().second.message.toStdString();
    EXPECT_EQ(c.reports.first().first, 1u);
    EXPECT_EQ(c.reports.first().second->current.opened, 2);
    EXPECT_EQ(c.reports.first().second->current.backlogAtEnd, 2);
    QStringList stages;
    for (const auto &[percent, stage] : c.progress)
        stages.append(stage);
    EXPECT_TRUE(stages.contains(QStringLiteral("Bringing SLA outcomes up to date"))) << stages.join(u'|').toStdString();
    EXPECT_TRUE(stages.contains(QStringLiteral("Loading incidents")));
    EXPECT_EQ(c.progress.last().first, 100);

    // Nothing changed: no refresh and no load, straight to the computation.
    c.progress.clear();
    worker.worker()->compute(2, aroundT0());
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.reports.size() == 2; }, 10000));
    for (const auto &[percent, stage] : c.progress)
        EXPECT_NE(stage, QStringLiteral("Loading incidents"));

    // Another connection resolves one: the next request reloads and sees it.
    h.clock().advanceMs(30 * Minute);
    ASSERT_TRUE(h.run(A::Acknowledge, first).ok());
    ASSERT_TRUE(h.run(A::Resolve, first, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok());
    c.progress.clear();
    worker.worker()->compute(3, aroundT0());
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.reports.size() == 3; }, 10000));
    EXPECT_EQ(c.reports.last().second->current.resolved, 1);
    EXPECT_EQ(c.reports.last().second->current.mttr.meanMs, 31.0 * Minute); // opened at T0, resolved T0 + 1 + 30 min
    bool reloaded = false;
    for (const auto &[percent, stage] : c.progress)
        reloaded = reloaded || stage == QStringLiteral("Loading incidents");
    EXPECT_TRUE(reloaded);

    worker.worker()->drillDown(4, aroundT0(), { .measure = KpiMeasure::Mttr });
    ASSERT_TRUE(QTest::qWaitFor([&] { return !c.drills.isEmpty(); }, 10000));
    EXPECT_EQ(c.drills.first().first, 4u);
    EXPECT_EQ(c.drills.first().second, QStringList { h.projected(first)->id });
}

TEST(KpiWorker, FailsClearlyOnAMissingDatabase)
{
    QTemporaryDir dir;
    FakeClock clock(T0);
    Collector c;
    OwnedThread<KpiWorker> worker(QStringLiteral("nocturne-kpi"), std::make_unique<KpiWorker>(clock));
    c.watch(worker.worker());
    worker.worker()->open(dir.filePath(QStringLiteral("missing.db")));
    worker.worker()->compute(7, aroundT0());
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.failures.size() >= 2; }, 5000));
    EXPECT_EQ(c.failures.first().second.kind, DatabaseError::Kind::Missing);
    EXPECT_EQ(c.failures.at(1).first, 7u);
    EXPECT_TRUE(c.reports.isEmpty());
}

} // namespace
} // namespace nocturne::core::test
