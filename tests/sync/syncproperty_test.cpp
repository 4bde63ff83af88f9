// Three replicas edit the same incidents while partitioned, then reconnect in random
// orders: every replica and the server end with the same events and projections.
#include "synctestsupport.h"

#include "core/domain/lifecycle.h"
#include "core/storage/eventstore.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/syncrepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace nocturne::sync::test {
namespace {

using A = core::IncidentAction;
constexpr int Seeds = 20;

// A command this replica's view of the incident allows (the lifecycle decides), with
// the payload the action needs.
std::optional<core::IncidentCommand> randomCommand(std::mt19937 &rng, const core::Incident &incident, int round)
{
    static const QStringList actors = { QStringLiteral("ana"), QStringLiteral("ben"), QStringLiteral("cy") };
    static const QStringList groups = { QStringLiteral("DC Ops"), QStringLiteral("WMS Support"), QStringLiteral("Payments") };
    static const QStringList holds = { QStringLiteral("awaiting_caller"), QStringLiteral("awaiting_vendor") };
    const A actions[] = { A::Acknowledge, A::Assign, A::Comment, A::Hold, A::Resume, A::Resolve,
                          A::Reopen, A::Prioritize, A::Update, A::Comment };
    QList<A> allowed;
    for (A a : actions)
        if (core::refusalReason(incident, a).isEmpty())
            allowed << a;
    if (allowed.isEmpty())
        return std::nullopt;
    const A action = allowed.at(int(rng() % allowed.size()));
    core::IncidentCommand c { action, incident.id, {}, actors.at(int(rng() % actors.size())), 0 };
    const auto n = QString::number(rng() % 1000);
    switch (action) {
    case A::Assign:
        c.payload = { { QStringLiteral("group"), groups.at(int(rng() % groups.size())) },
                      { QStringLiteral("assignee"), actors.at(int(rng() % actors.size())) } };
        break;
    case A::Comment: c.payload = { { QStringLiteral("text"), QStringLiteral("note %1 in round %2").arg(n).arg(round) } }; break;
    case A::Hold: c.payload = { { QStringLiteral("hold_reason"), holds.at(int(rng() % holds.size())) } }; break;
    case A::Resolve: c.payload = { { QStringLiteral("code"), QStringLiteral("fixed") } }; break;
    case A::Prioritize:
        c.payload = { { QStringLiteral("impact"), int(rng() % 3) + 1 }, { QStringLiteral("urgency"), int(rng() % 3) + 1 } };
        break;
    case A::Update: c.payload = { { QStringLiteral("title"), QStringLiteral("Conveyor fault %1").arg(n) } }; break;
    default: break;
    }
    return c;
}

QList<core::Incident> incidentsOf(Replica &replica)
{
    core::IncidentRepository repository(replica.engine().database().connection());
    core::IncidentFilter all;
    all.states.clear();
    QList<core::Incident> out;
    repository.forEach(all, [&out](const core::Incident &i) { out << i; });
    return out;
}

// The server's SQLite file: numbers and revisions, the facts only the server has.
struct ServerFacts
{
    qint64 minRevision = 0, maxRevision = 0, revisions = 0, distinctRevisions = 0;
    qint64 incidentsWithoutOneNumberEvent = -1;
    QStringList numbers;
};

ServerFacts serverFacts(const QString &path)
{
    ServerFacts f;
    const QString name = QStringLiteral("server-facts");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT min(server_revision), max(server_revision), count(server_revision), "
                                      "count(DISTINCT server_revision) FROM events"))
                && q.next()) {
                f.minRevision = q.value(0).toLongLong();
                f.maxRevision = q.value(1).toLongLong();
                f.revisions = q.value(2).toLongLong();
                f.distinctRevisions = q.value(3).toLongLong();
            }
            // Every incident was opened on a replica: each gets exactly one number event.
            if (q.exec(QStringLiteral(
                    "SELECT count(*) FROM incidents i WHERE (SELECT count(*) FROM events e WHERE e.incident_id = i.id "
                    "AND e.kind = 'updated' AND json_extract(e.payload, '$.number') IS NOT NULL) <> 1"))
                && q.next())
                f.incidentsWithoutOneNumberEvent = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("SELECT number FROM incidents ORDER BY id")))
                while (q.next())
                    f.numbers << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return f;
}

void expectConverged(ServerFixture &server, std::vector<std::unique_ptr<Replica>> &replicas)
{
    const Contents atServer = readContents(server.spec());
    ASSERT_TRUE(atServer.error.isEmpty()) << atServer.error.toStdString();
    EXPECT_EQ(atServer.rows, atServer.distinctIds);
    const ServerFacts facts = serverFacts(server.spec());
    EXPECT_EQ(facts.minRevision, 1);
    EXPECT_EQ(facts.maxRevision, atServer.rows) << "revisions are contiguous";
    EXPECT_EQ(facts.revisions, atServer.rows) << "every event has a revision";
    EXPECT_EQ(facts.distinctRevisions, atServer.rows) << "and no two share one";
    EXPECT_EQ(facts.incidentsWithoutOneNumberEvent, 0);
    EXPECT_EQ(QSet<QString>(facts.numbers.cbegin(), facts.numbers.cend()).size(), facts.numbers.size());
    for (const QString &number : facts.numbers)
        EXPECT_TRUE(core::EventStore::isAuthoritativeNumber(number)) << number.toStdString();

    for (std::size_t r = 0; r < replicas.size(); ++r) {
        SCOPED_TRACE("replica " + std::to_string(r));
        Replica &replica = *replicas.at(r);
        const Contents here = readContents(replica.path());
        ASSERT_TRUE(here.error.isEmpty()) << here.error.toStdString();
        EXPECT_EQ(here.rows, here.distinctIds);
        EXPECT_EQ(here.hashes, atServer.hashes) << "the same events with the same content";
        EXPECT_EQ(here.revisions, atServer.revisions) << "each with the server's revision";
        for (const QString &id : replica.created())
            EXPECT_TRUE(atServer.hashes.contains(id)) << "lost: " << id.toStdString();
        EXPECT_EQ(firstIncidentDifference(here, atServer), QString());
        EXPECT_EQ(replica.engine().repository().pendingCount(), 0);
    }
}

TEST(SyncProperty, PartitionedReplicasConvergeOnTheServersEventsAndProjections)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    std::vector<std::unique_ptr<Replica>> replicas;
    for (int i = 0; i < 3; ++i) {
        replicas.push_back(std::make_unique<Replica>(dir.filePath(QStringLiteral("replica%1.db").arg(i)), server.settings()));
        ASSERT_TRUE(replicas.back()->ok()) << replicas.back()->openError().toStdString();
    }
    // A few shared incidents: opened on one replica, synced to all.
    for (const char *title : { "Sorter jam at DC1", "WMS outage", "Payment gateway timeouts" })
        ASSERT_FALSE(replicas.front()->open(QString::fromLatin1(title)).isEmpty());
    for (auto &replica : replicas) {
        const core::SyncCycleReport report = replica->sync();
        ASSERT_TRUE(report.ok) << report.error.toStdString();
    }
    ASSERT_TRUE(replicas.front()->sync().ok);
    for (const core::Incident &incident : incidentsOf(*replicas.back()))
        EXPECT_TRUE(core::EventStore::isAuthoritativeNumber(incident.number)) << incident.number.toStdString();

    const core::SyncSettings unreachable = [&] {
        core::SyncSettings s = server.settings();
        s.serverUrl.setPort(1); // nothing listens on port 1
        return s;
    }();
    for (int seed = 1; seed <= Seeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed) + " (std::mt19937)");
        std::mt19937 rng(seed);
        // Partitioned: one replica even tries and finds its server unreachable.
        Replica &cutOff = *replicas.at(rng() % replicas.size());
        ASSERT_FALSE(cutOff.engine().setSettings(unreachable));
        for (auto &replica : replicas) {
            const int commands = 5 + int(rng() % 11);
            for (int c = 0; c < commands; ++c) {
                if (rng() % 12 == 0) {
                    replica->open(QStringLiteral("Robot picking errors %1").arg(seed));
                    continue;
                }
                const QList<core::Incident> known = incidentsOf(*replica);
                const auto command = randomCommand(rng, known.at(int(rng() % known.size())), seed);
                if (!command)
                    continue;
                const core::CommandResult result = replica->run(*command);
                ASSERT_TRUE(result.ok()) << result.error.toStdString();
            }
        }
        const core::SyncCycleReport offline = cutOff.sync();
        EXPECT_FALSE(offline.ok);
        EXPECT_EQ(offline.state, core::SyncStatus::State::Offline);
        EXPECT_GT(cutOff.engine().status().pending, 0);
        ASSERT_FALSE(cutOff.engine().setSettings(server.settings()));

        // Reconnect in a random order, then rounds until nothing moves.
        std::vector<std::size_t> order { 0, 1, 2 };
        std::shuffle(order.begin(), order.end(), rng);
        for (int round = 0;; ++round) {
            ASSERT_LT(round, 6) << "sync did not settle";
            int moved = 0;
            for (std::size_t r : order) {
                const core::SyncCycleReport report = replicas.at(r)->sync();
                ASSERT_TRUE(report.ok) << report.error.toStdString();
                EXPECT_EQ(report.refused, 0);
                moved += report.pushed + report.duplicates + report.pulled;
            }
            if (round > 0 && moved == 0)
                break;
        }
        expectConverged(server, replicas);
        if (::testing::Test::HasFailure())
            break;
    }
    // The schedules did what they were meant to: every replica wrote, and concurrent
    // edits made some local events invalid after the merge (flagged, listed as conflicts).
    qint64 created = 0, flagged = 0;
    for (auto &replica : replicas) {
        created += replica->created().size();
        const auto conflicts = replica->engine().repository().conflicts();
        ASSERT_TRUE(conflicts.has_value());
        for (const core::SyncConflict &c : *conflicts) {
            EXPECT_EQ(c.source, core::SyncConflict::Source::Flagged) << c.reason.toStdString();
            ++flagged;
        }
    }
    EXPECT_GE(created, 3 + Seeds * 3 * 5);
    EXPECT_GT(flagged, 0);
    ::testing::Test::RecordProperty("events_created", int(created));
    ::testing::Test::RecordProperty("flagged_conflicts", int(flagged));
}

} // namespace
} // namespace nocturne::sync::test
