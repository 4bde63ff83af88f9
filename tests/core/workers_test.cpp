// The console's two storage workers on their own threads, driven through their public,
// any-thread methods and observed through queued signals, as the GUI uses them.
#include "testsupport.h"

#include "core/storage/queuereader.h"
#include "core/storage/storeworker.h"
#include "core/threading/ownedthread.h"

#include <QTest>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

constexpr qint64 Day = 24 * Hour;

// Receives the workers' signals on the test's thread (queued), like the GUI does.
class Collector final : public QObject
{
public:
    QList<QueueEntriesPtr> snapshots;
    QList<QueueEntriesPtr> deltas;
    QList<QList<CommandResult>> results;
    QList<DatabaseError> failures;

    void watch(QueueReader *reader)
    {
        connect(reader, &QueueReader::snapshotReady, this, [this](const QueueEntriesPtr &e) { snapshots << e; });
        connect(reader, &QueueReader::entriesChanged, this, [this](const QueueEntriesPtr &e) { deltas << e; });
        connect(reader, &QueueReader::failed, this, [this](const DatabaseError &e) { failures << e; });
    }
    void watch(StoreWorker *store)
    {
        connect(store, &StoreWorker::executed, this,
                [this](quint64, const QList<CommandResult> &r) { results << r; });
        connect(store, &StoreWorker::failed, this, [this](const DatabaseError &e) { failures << e; });
    }
    const QueueEntry *deltaFor(const QString &number) const
    {
        for (const QueueEntriesPtr &delta : deltas) {
            for (const QueueEntry &e : *delta) {
                if (e.number == number)
                    return &e;
            }
        }
        return nullptr;
    }
};

QStringList numbersOf(const QueueEntriesPtr &entries)
{
    QStringList out;
    for (const QueueEntry &e : *entries)
        out << e.number;
    out.sort();
    return out;
}

TEST(QueueReader, PaintsTheOpenQueueFirstThenRecentResolutionsAsADelta)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString longAgo = h.openIncident(QStringLiteral("Resolved three days ago"));
    ASSERT_TRUE(h.run(IncidentAction::Resolve, longAgo, { { QStringLiteral("code"), QStringLiteral("Fixed") } }).ok());
    h.clock().advanceMs(3 * Day);
    const QString open = h.openIncident(QStringLiteral("Still open"));
    const QString recent = h.openIncident(QStringLiteral("Resolved just now"));
    ASSERT_TRUE(h.run(IncidentAction::Resolve, recent, { { QStringLiteral("code"), QStringLiteral("Fixed") } }).ok());

    Collector collector;
    OwnedThread<QueueReader> reader(QStringLiteral("test-reader"), std::make_unique<QueueReader>(h.clock()));
    collector.watch(reader.worker());
    reader.worker()->open(h.path(), 50);

    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty() && !collector.deltas.isEmpty(); }, 5000));
    EXPECT_TRUE(collector.failures.isEmpty());
    EXPECT_EQ(numbersOf(collector.snapshots.first()), QStringList { open });
    EXPECT_EQ(numbersOf(collector.deltas.first()), QStringList { recent });
    EXPECT_EQ(collector.deltaFor(longAgo), nullptr) << "outside the 36 h window";
}

TEST(QueueReader, ACommitByAnotherConnectionArrivesAsADeltaOfJustThatIncident)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString first = h.openIncident(QStringLiteral("Conveyor stopped"));
    const QString second = h.openIncident(QStringLiteral("Scanner offline"));

    Collector collector;
    OwnedThread<QueueReader> reader(QStringLiteral("test-reader"), std::make_unique<QueueReader>(h.clock()));
    collector.watch(reader.worker());
    reader.worker()->open(h.path(), 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty(); }, 5000));

    ASSERT_TRUE(h.run(IncidentAction::Acknowledge, second).ok()); // the harness's own connection
    ASSERT_TRUE(QTest::qWaitFor([&] { return collector.deltaFor(second) != nullptr; }, 2000));
    const QueueEntry *delta = collector.deltaFor(second);
    EXPECT_EQ(delta->state, IncidentState::InProgress);
    EXPECT_EQ(delta->eventCount, 2);
    EXPECT_EQ(collector.deltaFor(first), nullptr) << "only the incident that changed is reloaded";

    // A refresh of the same file re-reads the snapshot on the same connection.
    reader.worker()->open(h.path(), 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return collector.snapshots.size() == 2; }, 5000));
    EXPECT_EQ(numbersOf(collector.snapshots.last()), (QStringList { first, second }));
    EXPECT_TRUE(collector.failures.isEmpty());
}

TEST(QueueReader, ReadsTheEntriesOfAnIncidentSetWhateverTheirStateAndAge)
{
    // A KPI drill-down shows incidents resolved long ago, which the live queue never reads.
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString longAgo = h.openIncident(QStringLiteral("Resolved three days ago"));
    ASSERT_TRUE(h.run(IncidentAction::Resolve, longAgo, { { QStringLiteral("code"), QStringLiteral("Fixed") } }).ok());
    h.clock().advanceMs(3 * Day);
    const QString open = h.openIncident(QStringLiteral("Still open"));
    h.openIncident(QStringLiteral("Not asked for"));
    const QString oldId = h.projected(longAgo)->id;
    const QString openId = h.projected(open)->id;

    Collector collector;
    OwnedThread<QueueReader> reader(QStringLiteral("test-reader"), std::make_unique<QueueReader>(h.clock()));
    collector.watch(reader.worker());
    QList<QPair<quint64, QueueEntriesPtr>> answers;
    QObject::connect(reader.worker(), &QueueReader::incidentsRead, &collector,
                     [&](quint64 id, const QueueEntriesPtr &entries) { answers.append({ id, entries }); });
    reader.worker()->open(h.path(), 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.snapshots.isEmpty(); }, 5000));
    reader.worker()->readIncidents(7, { oldId, openId, QStringLiteral("no-such-incident") });
    ASSERT_TRUE(QTest::qWaitFor([&] { return !answers.isEmpty(); }, 5000));
    EXPECT_EQ(answers.first().first, 7u);
    EXPECT_EQ(numbersOf(answers.first().second), (QStringList { longAgo, open }));
    for (const QueueEntry &e : *answers.first().second) {
        if (e.number == longAgo) {
            EXPECT_EQ(e.state, IncidentState::Resolved);
        }
    }
    EXPECT_TRUE(collector.failures.isEmpty());
}

TEST(QueueReader, AMissingDatabaseIsReportedNotCreated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.db"));
    FakeClock clock(T0);
    Collector collector;
    OwnedThread<QueueReader> reader(QStringLiteral("test-reader"), std::make_unique<QueueReader>(clock));
    collector.watch(reader.worker());
    reader.worker()->open(path, 50);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.failures.isEmpty(); }, 5000));
    EXPECT_EQ(collector.failures.first().kind, DatabaseError::Kind::Missing);
    EXPECT_FALSE(QFile::exists(path));
}

TEST(StoreWorker, RunsEachCommandOnItsThreadAndReportsEachOutcome)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();

    Collector collector;
    {
        OwnedThread<StoreWorker> store(QStringLiteral("test-store"), std::make_unique<StoreWorker>(h.clock()));
        collector.watch(store.worker());
        store.worker()->open(h.path());
        IncidentCommand ack { IncidentAction::Acknowledge, number, {}, QStringLiteral("ana"), 0 };
        IncidentCommand close { IncidentAction::Close, number, {}, QStringLiteral("ana"), 0 };
        store.worker()->execute(1, { ack, close });
        // Destroying the thread right away must still run what was already posted.
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !collector.results.isEmpty(); }, 5000));
    const QList<CommandResult> &results = collector.results.first();
    ASSERT_EQ(results.size(), 2);
    EXPECT_TRUE(results.at(0).ok()) << results.at(0).error.toStdString();
    EXPECT_EQ(results.at(1).status, CommandResult::Status::Refused);
    EXPECT_EQ(h.projected(number)->state, IncidentState::InProgress);
}

} // namespace
} // namespace nocturne::core::test
