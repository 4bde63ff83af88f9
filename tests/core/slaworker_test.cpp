// The SLA worker on its own thread over a real database file: snapshots, live changes
// from another connection, alerts from a fake clock, and automatic actions that are
// recorded once — also across a restart of the engine.
#include "testsupport.h"

#include "core/engine/slaworker.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/slarepository.h"
#include "core/threading/ownedthread.h"

#include <QTest>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

SlaConfiguration configuration()
{
    SlaConfiguration c;
    SlaPolicy critical;
    critical.id = QStringLiteral("critical");
    critical.name = QStringLiteral("Critical 24x7");
    critical.priorities = { 1 };
    critical.responseTargetMs = 15 * Minute;
    critical.resolutionTargetMs = 4 * Hour;
    critical.pausingReasons = defaultPausingReasons();
    SlaPolicy rest = critical;
    rest.id = QStringLiteral("rest");
    rest.name = QStringLiteral("Everything else");
    rest.priorities = {};
    rest.responseTargetMs = 4 * Hour;
    rest.resolutionTargetMs = 24 * Hour;
    c.policies = { critical, rest };
    EscalationPolicy unacknowledged;
    unacknowledged.id = QStringLiteral("unack");
    unacknowledged.name = QStringLiteral("Unacknowledged critical");
    unacknowledged.trigger = EscalationTrigger::Unacknowledged;
    unacknowledged.unacknowledgedMs = 10 * Minute;
    unacknowledged.priorities = { 1 };
    unacknowledged.levels = { { 0, EscalationTargetKind::Group, QStringLiteral("NOC L2") },
                              { 20 * Minute, EscalationTargetKind::User, QStringLiteral("duty.manager") } };
    c.escalations = { unacknowledged };
    return c;
}

class Collector final : public QObject
{
public:
    QList<SlaStatusPtr> snapshots;
    QList<SlaStatusPtr> deltas;
    SlaAlerts alerts;
    QList<IncidentCommand> actions;
    QList<DatabaseError> failures;

    void watch(SlaWorker *worker)
    {
        connect(worker, &SlaWorker::snapshotReady, this, [this](const SlaStatusPtr &s) { snapshots << s; });
        connect(worker, &SlaWorker::statusChanged, this, [this](const SlaStatusPtr &s) { deltas << s; });
        connect(worker, &SlaWorker::alertsRaised, this, [this](const SlaAlerts &a) { alerts << a; });
        connect(worker, &SlaWorker::actionsDue, this, [this](const QList<IncidentCommand> &a) { actions << a; });
        connect(worker, &SlaWorker::failed, this, [this](const DatabaseError &e) { failures << e; });
    }
    const IncidentSla *latest(const QString &incidentId) const
    {
        for (auto it = deltas.crbegin(); it != deltas.crend(); ++it) {
            if (auto found = (*it)->constFind(incidentId); found != (*it)->constEnd())
                return &found.value();
        }
        if (!snapshots.isEmpty()) {
            if (auto found = snapshots.last()->constFind(incidentId); found != snapshots.last()->constEnd())
                return &found.value();
        }
        return nullptr;
    }
};

class SlaWorkerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok());
        SlaRepository repository(h.database().connection());
        ASSERT_FALSE(repository.saveConfiguration(configuration(), QStringLiteral("admin"), h.clock().nowMs()).error);
    }
    QString idOf(const QString &number) { return h.projected(number)->id; }
    int escalationsOf(const QString &number)
    {
        IncidentRepository incidents(h.database().connection());
        int count = 0;
        for (const StoredEvent &e : incidents.events(idOf(number)))
            count += e.event.kind == EventKind::Escalated ? 1 : 0;
        return count;
    }
    // What the console does with the worker's actions: the store's writer records them.
    void record(const QList<IncidentCommand> &actions)
    {
        for (const IncidentCommand &command : actions) {
            const CommandResult result = h.store().execute(command);
            ASSERT_TRUE(result.ok() || result.status == CommandResult::Status::AlreadyRecorded) << result.error.toStdString();
        }
    }
    StoreHarness h;
};

TEST_F(SlaWorkerTest, SnapshotThenLiveChangesFromAnotherConnection)
{
    const QString critical = h.openIncident(QStringLiteral("Payment gateway down"), 1, 1);
    const QString minor = h.openIncident(QStringLiteral("Label printer jam"), 3, 3);
    h.clock().advanceMs(5 * Minute);

    Collector collector;
    OwnedThread<SlaWorker> worker(QStringLiteral("test-sla"), std::make_unique<SlaWorker>(h.clock()));
    collector.watch(worker.worker());
    worker.worker()->open(h.path(), 50, 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty(); }, 5000));
    ASSERT_TRUE(collector.failures.isEmpty());
    const IncidentSla *status = collector.latest(idOf(critical));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->policyId, QStringLiteral("critical"));
    EXPECT_EQ(status->response.deadlineAt, T0 + 15 * Minute);
    EXPECT_EQ(status->response.state, ClockState::Running);
    EXPECT_EQ(collector.latest(idOf(minor))->policyId, QStringLiteral("rest"));

    ASSERT_TRUE(h.run(IncidentAction::Acknowledge, critical).ok());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const IncidentSla *s = collector.latest(idOf(critical));
            return s && s->response.state == ClockState::Met;
        },
        3000));
    EXPECT_EQ(collector.latest(idOf(critical))->response.stoppedAt, T0 + 5 * Minute);
}

TEST_F(SlaWorkerTest, AThresholdCrossedByTheClockRaisesAnAlert)
{
    const QString critical = h.openIncident(QStringLiteral("Sorter down"), 1, 1);
    ASSERT_TRUE(h.run(IncidentAction::Acknowledge, critical).ok());
    Collector collector;
    OwnedThread<SlaWorker> worker(QStringLiteral("test-sla"), std::make_unique<SlaWorker>(h.clock()));
    collector.watch(worker.worker());
    worker.worker()->open(h.path(), 50, 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty(); }, 5000));
    EXPECT_TRUE(collector.alerts.isEmpty());

    h.clock().advanceMs(2 * Hour); // 50 % of the 4 h resolution target
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.alerts.isEmpty(); }, 3000));
    EXPECT_EQ(collector.alerts.first().kind, SlaAlert::Kind::Threshold);
    EXPECT_EQ(collector.alerts.first().percent, 50);
    EXPECT_EQ(collector.alerts.first().number, critical);
}

TEST_F(SlaWorkerTest, EscalationsAreRecordedOnceEvenAcrossARestart)
{
    const QString critical = h.openIncident(QStringLiteral("WMS down"), 1, 1);
    // The console was closed for 45 minutes: both levels fell due meanwhile.
    h.clock().advanceMs(45 * Minute);
    QList<IncidentCommand> recorded;
    {
        Collector collector;
        OwnedThread<SlaWorker> worker(QStringLiteral("test-sla"), std::make_unique<SlaWorker>(h.clock()));
        collector.watch(worker.worker());
        worker.worker()->open(h.path(), 50, 50);
        ASSERT_TRUE(QTest::qWaitFor([&] { return collector.actions.size() >= 2; }, 5000));
        recorded = collector.actions;
        record(recorded);
        EXPECT_EQ(escalationsOf(critical), 2);
        // The worker sees its own actions come back and issues nothing more.
        QTest::qWait(300);
        h.clock().advanceMs(Minute);
        QTest::qWait(300);
        EXPECT_EQ(collector.actions.size(), 2);
    }
    // A restart derives the same clocks and finds both rules already in the history.
    Collector collector;
    OwnedThread<SlaWorker> worker(QStringLiteral("test-sla"), std::make_unique<SlaWorker>(h.clock()));
    collector.watch(worker.worker());
    worker.worker()->open(h.path(), 50, 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty(); }, 5000));
    QTest::qWait(300);
    EXPECT_TRUE(collector.actions.isEmpty());
    // And even if it did, the store would refuse the same rule twice.
    EXPECT_EQ(h.store().execute(recorded.first()).status, CommandResult::Status::AlreadyRecorded);
    EXPECT_EQ(escalationsOf(critical), 2);
}

TEST_F(SlaWorkerTest, DescribeGivesEveryClockWithItsHistory)
{
    const QString number = h.openIncident(QStringLiteral("Scanner offline"), 3, 3);
    ASSERT_TRUE(h.run(IncidentAction::Acknowledge, number).ok());
    h.clock().advanceMs(Hour);
    ASSERT_TRUE(h.run(IncidentAction::Hold, number, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } }).ok());
    h.clock().advanceMs(Hour);

    OwnedThread<SlaWorker> worker(QStringLiteral("test-sla"), std::make_unique<SlaWorker>(h.clock()));
    QString policyName;
    QList<SlaClockStatus> clocks;
    QObject receiver;
    QObject::connect(worker.worker(), &SlaWorker::described, &receiver,
                     [&](quint64, const QString &, const QString &name, const QList<SlaClockStatus> &c) {
                         policyName = name;
                         clocks = c;
                     });
    worker.worker()->open(h.path(), 50, 50);
    worker.worker()->describe(7, idOf(number));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !clocks.isEmpty(); }, 5000));
    EXPECT_EQ(policyName, QStringLiteral("Everything else"));
    ASSERT_EQ(clocks.size(), 2);
    const SlaClockStatus &resolution = clocks.last();
    EXPECT_EQ(resolution.kind, SlaKind::Resolution);
    EXPECT_EQ(resolution.state, ClockState::Paused);
    EXPECT_EQ(resolution.elapsedMs, Hour);
    EXPECT_EQ(resolution.pausedMs, Hour);
    ASSERT_EQ(resolution.segments.size(), 2);
    EXPECT_FALSE(resolution.segments.last().running);
    EXPECT_EQ(resolution.segments.last().reason, HoldReason::AwaitingVendor);
}

} // namespace
} // namespace nocturne::core::test
