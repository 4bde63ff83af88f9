// Three replicas edit the same incidents while partitioned, then reconnect in random
// orders: every replica and the server end with the same events and projections.
#include "synctestsupport.h"

#include "core/domain/lifecycle.h"
#include "core/storage/eventstore.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/syncrepository.h"

#include "support/postgrescluster.h"

#include <QJsonArray>
#include <QJsonObject>
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

// Numbers and revisions, the facts only the server has, read through its API so that
// both backends answer the same questions.
struct ServerFacts
{
    QList<qint64> revisions; // in the order the server lists them
    QMap<QString, int> numberEvents; // incident id -> number events
    QMap<QString, QString> numbers; // incident id -> the number its last number event gave
    QString error;
};

ServerFacts serverFacts(const ServerFixture &server)
{
    ServerFacts f;
    qint64 since = 0;
    for (;;) {
        QUrl url = server.url();
        url.setPath(QStringLiteral("/api/v1/events"));
        url.setQuery(QStringLiteral("since=%1&limit=5000").arg(since));
        const tests::HttpReply reply = tests::httpRequest("GET", url, server.supervisorToken().toUtf8());
        if (reply.status != 200) {
            f.error = QStringLiteral("GET events: HTTP %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
            return f;
        }
        const QJsonObject body = reply.json().object();
        const QJsonArray events = body.value(QStringLiteral("events")).toArray();
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            f.revisions << event.value(QStringLiteral("server_revision")).toInteger();
            const QJsonValue number = event.value(QStringLiteral("payload")).toObject().value(QStringLiteral("number"));
            const QString incident = event.value(QStringLiteral("incident_id")).toString();
            f.numberEvents[incident]; // every incident appears, with 0 until a number event
            if (event.value(QStringLiteral("kind")).toString() == QLatin1StringView("updated") && number.isString()) {
                ++f.numberEvents[incident];
                f.numbers[incident] = number.toString();
            }
        }
        const qint64 next = body.value(QStringLiteral("next_since")).toInteger();
        if (!body.value(QStringLiteral("more")).toBool() || next <= since)
            return f;
        since = next;
    }
}

void expectConverged(ServerFixture &server, std::vector<std::unique_ptr<Replica>> &replicas)
{
    const Contents atServer = readServerEvents(server, server.supervisorToken());
    ASSERT_TRUE(atServer.error.isEmpty()) << atServer.error.toStdString();
    ASSERT_GT(atServer.rows, 0);
    EXPECT_EQ(atServer.rows, atServer.distinctIds);
    const ServerFacts facts = serverFacts(server);
    ASSERT_TRUE(facts.error.isEmpty()) << facts.error.toStdString();
    QList<qint64> contiguous;
    for (qint64 r = 1; r <= atServer.rows; ++r)
        contiguous << r;
    EXPECT_EQ(facts.revisions, contiguous) << "every event has a revision, none shared, none skipped";
    // Every incident was opened on a replica: each gets exactly one number event.
    for (auto it = facts.numberEvents.cbegin(); it != facts.numberEvents.cend(); ++it)
        EXPECT_EQ(it.value(), 1) << "number events of " << it.key().toStdString();
    const QStringList numbers = facts.numbers.values();
    EXPECT_EQ(QSet<QString>(numbers.cbegin(), numbers.cend()).size(), numbers.size());
    for (const QString &number : numbers)
        EXPECT_TRUE(core::EventStore::isAuthoritativeNumber(number)) << number.toStdString();

    // The projections: the server's own table where it is a file of the same schema,
    // and every replica against the first.
    const Contents reference = server.isSqlite() ? readContents(server.spec()) : readContents(replicas.front()->path());
    ASSERT_TRUE(reference.error.isEmpty()) << reference.error.toStdString();
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
        EXPECT_EQ(firstIncidentDifference(here, reference), QString());
        for (const core::Incident &incident : incidentsOf(replica))
            EXPECT_EQ(incident.number, facts.numbers.value(incident.id)) << incident.id.toStdString();
        EXPECT_EQ(replica.engine().repository().pendingCount(), 0);
    }
}

// The backend's name, and the store spec a fresh server of that kind is given.
QString storeSpecFor(const QString &backend, QString *error)
{
    if (backend == QLatin1StringView("sqlite"))
        return {}; // a file in the fixture's own folder
    tests::PostgresCluster *cluster = tests::PostgresCluster::shared(error);
    return cluster ? cluster->createDatabase(QStringLiteral("sync_property"), error) : QString();
}

class SyncProperty : public ::testing::TestWithParam<const char *>
{
};

TEST_P(SyncProperty, PartitionedReplicasConvergeOnTheServersEventsAndProjections)
{
    QString error;
    const QString spec = storeSpecFor(QString::fromLatin1(GetParam()), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ServerFixture server(spec);
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

INSTANTIATE_TEST_SUITE_P(Backends, SyncProperty, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<const char *> &info) { return std::string(info.param); });

} // namespace
} // namespace nocturne::sync::test
