// The central server's store, run against both backends: a SQLite file and a database in
// a throwaway PostgreSQL cluster. Both must give the same answers.
#include "core/domain/apitoken.h"
#include "core/domain/uuid7.h"
#include "core/storage/serverstore.h"
#include "support/postgrescluster.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>

#include <thread>

#include <gtest/gtest.h>

using namespace nocturne::core;
using namespace nocturne::core::test;
using nocturne::tests::PostgresCluster;

namespace {

const QString ClientNode = QStringLiteral("nclient000001");
const Principal Ana { QStringLiteral("ana"), Role::Operator, QStringLiteral("tok_000000000001") };
const Principal Sam { QStringLiteral("sam"), Role::Supervisor, QStringLiteral("tok_000000000002") };

HlcTimestamp hlcAt(qint64 wallMs, quint32 counter = 0)
{
    return { wallMs, counter, ClientNode };
}

QString newIncidentId()
{
    return createUuidV7(T0);
}

Event opened(const QString &incidentId, qint64 wallMs,
    const QString &number = QStringLiteral("P-0001-0001"),
    const QString &title = QStringLiteral("Sorter jam at DC1"), int impact = 2, int urgency = 2)
{
    QJsonObject payload = openPayload(title, impact, urgency);
    payload.insert(QStringLiteral("number"), number);
    return makeEvent(IncidentAction::Open, incidentId, hlcAt(wallMs), wallMs, payload);
}

Event commented(const QString &incidentId, qint64 wallMs,
    const QString &text = QStringLiteral("on it"), const QString &actor = QStringLiteral("ana"))
{
    return makeEvent(IncidentAction::Comment, incidentId, hlcAt(wallMs), wallMs,
        { { QStringLiteral("text"), text } }, actor);
}

QList<EventOutcome::Status> statuses(const BatchResult &result)
{
    QList<EventOutcome::Status> out;
    for (const EventOutcome &outcome : result.outcomes)
        out << outcome.status;
    return out;
}

class ServerStoreTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        if (GetParam() == "sqlite") {
            m_spec = m_dir.filePath(QStringLiteral("server.nocturne"));
        } else {
            QString error;
            PostgresCluster *cluster = PostgresCluster::shared(&error);
            ASSERT_NE(cluster, nullptr) << "PostgreSQL cluster: " << error.toStdString();
            static int counter = 0;
            const QString name = QStringLiteral("store_%1_%2")
                                     .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16,
                                         QLatin1Char('0'))
                                     .arg(++counter);
            m_spec = cluster->createDatabase(name, &error);
            ASSERT_FALSE(m_spec.isEmpty()) << error.toStdString();
        }
        DatabaseError error;
        m_store = ServerStore::open(m_spec, m_clock, true, &error);
        ASSERT_TRUE(m_store) << error.message.toStdString();
        ASSERT_EQ(m_store->backend(), QString::fromStdString(GetParam()));
        ASSERT_FALSE(
            m_store->addUser({ QStringLiteral("ana"), QStringLiteral("Ana"), Role::Operator }));
        ASSERT_FALSE(
            m_store->addUser({ QStringLiteral("sam"), QStringLiteral("Sam"), Role::Supervisor }));
    }

    BatchResult append(const QList<Event> &events, const Principal &by = Ana)
    {
        BatchResult result = m_store->appendEvents(events, by);
        EXPECT_FALSE(result.error) << result.error.message.toStdString();
        EXPECT_EQ(result.outcomes.size(), events.size());
        return result;
    }

    QList<Event> allEvents()
    {
        DatabaseError error;
        auto page = m_store->eventsSince(0, 5000, &error);
        EXPECT_TRUE(page) << error.message.toStdString();
        return page ? page->events : QList<Event>();
    }

    qint64 head()
    {
        DatabaseError error;
        return m_store->headRevision(&error).value_or(-1);
    }

    QTemporaryDir m_dir;
    FakeClock m_clock { T0 + Hour };
    QString m_spec;
    std::unique_ptr<ServerStore> m_store;
};

TEST_P(ServerStoreTest, AcceptedEventsGetContiguousAscendingRevisionsWithTheServersNumberEvents)
{
    const QString a = newIncidentId();
    const QString b = newIncidentId();
    const BatchResult result = append({ opened(a, T0), commented(a, T0 + 1000),
        opened(b, T0 + 2000, QStringLiteral("P-0001-0002")) });
    ASSERT_EQ(statuses(result), QList<EventOutcome::Status>(3, EventOutcome::Status::Accepted));
    EXPECT_EQ(result.outcomes.at(0).revision, 1);
    EXPECT_EQ(result.outcomes.at(1).revision, 2);
    EXPECT_EQ(result.outcomes.at(2).revision, 3);
    // Two number events follow the offered ones.
    EXPECT_EQ(result.headRevision, 5);

    const QList<Event> events = allEvents();
    ASSERT_EQ(events.size(), 5);
    for (int i = 0; i < events.size(); ++i)
        EXPECT_EQ(events.at(i).serverRevision, i + 1);
    EXPECT_EQ(head(), 5);
    DatabaseError error;
    EXPECT_EQ(m_store->eventCount(&error).value_or(-1), 5);
}

TEST_P(ServerStoreTest, ADuplicateIdReturnsItsStoredRevisionAndWritesNothing)
{
    const QString a = newIncidentId();
    const QList<Event> batch { opened(a, T0), commented(a, T0 + 1000) };
    const BatchResult first = append(batch);
    const qint64 headBefore = head();

    const BatchResult again = append(batch);
    ASSERT_EQ(statuses(again), QList<EventOutcome::Status>(2, EventOutcome::Status::Duplicate));
    EXPECT_EQ(again.outcomes.at(0).revision, first.outcomes.at(0).revision);
    EXPECT_EQ(again.outcomes.at(1).revision, first.outcomes.at(1).revision);
    EXPECT_EQ(again.headRevision, headBefore);
    EXPECT_EQ(head(), headBefore);
    EXPECT_EQ(allEvents().size(), headBefore);
    DatabaseError error;
    EXPECT_EQ(m_store->incident(a, &error)->eventCount, 3); // open, comment, number
}

TEST_P(ServerStoreTest, AnOpenWithoutANumberIsStoredAsOfferedSoARetryIsADuplicate)
{
    const QString a = newIncidentId();
    Event open = opened(a, T0);
    open.payload.remove(QStringLiteral("number")); // a client that leaves numbering to us
    const BatchResult first = append({ open });
    ASSERT_EQ(statuses(first), QList<EventOutcome::Status> { EventOutcome::Status::Accepted });

    const BatchResult retried = append({ open });
    ASSERT_EQ(statuses(retried), QList<EventOutcome::Status> { EventOutcome::Status::Duplicate });
    EXPECT_EQ(retried.outcomes.at(0).revision, first.outcomes.at(0).revision);
    DatabaseError error;
    const auto history = m_store->incidentEvents(a, &error);
    ASSERT_TRUE(history) << error.message.toStdString();
    ASSERT_EQ(history->size(), 2); // the open as offered, then the server's number
    EXPECT_EQ(history->at(0).computeContentHash(), open.computeContentHash());
    EXPECT_EQ(history->at(1).payload.value(QStringLiteral("number")).toString(), QStringLiteral("INC0000001"));
    EXPECT_EQ(m_store->incident(a, &error)->number, QStringLiteral("INC0000001"));
}

TEST_P(ServerStoreTest, EventsSincePagesThroughTheLogWithoutGapsOrRepeats)
{
    QList<Event> batch;
    const QString a = newIncidentId();
    batch << opened(a, T0);
    for (int i = 1; i <= 6; ++i)
        batch << commented(a, T0 + i * 1000, QStringLiteral("note %1").arg(i));
    append(batch);
    ASSERT_EQ(head(), 8);

    QList<qint64> seen;
    qint64 since = 0;
    bool more = true;
    int pages = 0;
    while (more) {
        DatabaseError error;
        const auto page = m_store->eventsSince(since, 3, &error);
        ASSERT_TRUE(page) << error.message.toStdString();
        for (const Event &event : page->events)
            seen << event.serverRevision;
        more = page->more;
        since = page->nextSince;
        ASSERT_LE(++pages, 4);
    }
    EXPECT_EQ(seen, (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 8 }));
    EXPECT_EQ(pages, 3);
    DatabaseError error;
    const auto empty = m_store->eventsSince(8, 3, &error);
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->events.isEmpty());
    EXPECT_FALSE(empty->more);
    EXPECT_EQ(empty->nextSince, 8);
}

TEST_P(ServerStoreTest, RefusedEventsAreAnsweredWithAReasonWhileTheOthersAreStored)
{
    const QString a = newIncidentId();
    const Event open = opened(a, T0);
    append({ open });
    const qint64 headBefore = head();

    Event forged = commented(a, T0 + 1000, QStringLiteral("as bob"), QStringLiteral("bob"));
    Event unknown = commented(newIncidentId(), T0 + 2000);
    Event numbering = makeEvent(IncidentAction::Update, a, hlcAt(T0 + 3000), T0 + 3000,
        { { QStringLiteral("number"), QStringLiteral("INC0000999") } });
    Event otherContent = open;
    otherContent.payload.insert(QStringLiteral("title"), QStringLiteral("Rewritten history"));
    Event fine = commented(a, T0 + 4000, QStringLiteral("still fine"));
    Event fromServer = commented(a, T0 + 5000);
    fromServer.originNode = m_store->nodeId();
    fromServer.hlc.node = m_store->nodeId();

    const BatchResult result
        = append({ forged, unknown, numbering, otherContent, fine, fromServer });
    using S = EventOutcome::Status;
    ASSERT_EQ(statuses(result),
        (QList<S> {
            S::Rejected, S::Rejected, S::Rejected, S::Rejected, S::Accepted, S::Rejected }));
    EXPECT_EQ(result.outcomes.at(0).code, QStringLiteral("forbidden"));
    EXPECT_TRUE(result.outcomes.at(0).reason.contains(QStringLiteral("bob")));
    EXPECT_EQ(result.outcomes.at(1).code, QStringLiteral("unknown_incident"));
    EXPECT_EQ(result.outcomes.at(2).code, QStringLiteral("forbidden"));
    EXPECT_EQ(result.outcomes.at(3).code, QStringLiteral("conflict"));
    EXPECT_EQ(result.outcomes.at(5).code, QStringLiteral("forbidden"));
    EXPECT_EQ(result.outcomes.at(4).revision, headBefore + 1);
    EXPECT_EQ(head(), headBefore + 1);

    const QList<Event> stored = allEvents();
    ASSERT_EQ(stored.size(), headBefore + 1);
    EXPECT_EQ(stored.last().id, fine.id);
    DatabaseError error;
    EXPECT_EQ(m_store->incident(a, &error)->title, QStringLiteral("Sorter jam at DC1"));

    // A supervisor may record events in another's name.
    const BatchResult bySupervisor = append({ forged }, Sam);
    EXPECT_EQ(statuses(bySupervisor), QList<S> { S::Accepted });
}

TEST_P(ServerStoreTest, OpenedIncidentsGetServerNumbersKeepingAFreeRealNumber)
{
    const QString provisional = newIncidentId();
    const QString kept = newIncidentId();
    const QString clash = newIncidentId();
    const Event openProvisional = opened(provisional, T0);
    append({ openProvisional, opened(kept, T0 + 1000, QStringLiteral("INC0000042")) });
    append({ opened(clash, T0 + 2000, QStringLiteral("INC0000042")) });

    DatabaseError error;
    EXPECT_EQ(m_store->incident(provisional, &error)->number, QStringLiteral("INC0000001"));
    EXPECT_EQ(m_store->incident(kept, &error)->number, QStringLiteral("INC0000042"));
    EXPECT_EQ(m_store->incident(clash, &error)->number, QStringLiteral("INC0000043"));
    const auto byNumber = m_store->incident(QStringLiteral("inc0000042"), &error);
    ASSERT_TRUE(byNumber);
    EXPECT_EQ(byNumber->id, kept);

    const auto history = m_store->incidentEvents(provisional, &error);
    ASSERT_TRUE(history) << error.message.toStdString();
    ASSERT_EQ(history->size(), 2);
    const Event &number = history->at(1);
    EXPECT_EQ(number.kind, EventKind::Updated);
    EXPECT_EQ(
        number.payload.value(QStringLiteral("number")).toString(), QStringLiteral("INC0000001"));
    EXPECT_EQ(number.actor, QStringLiteral("system"));
    EXPECT_EQ(number.originNode, m_store->nodeId());
    EXPECT_EQ(number.occurredAt, openProvisional.occurredAt);
    EXPECT_GT(number.hlc, openProvisional.hlc);
    EXPECT_GT(number.serverRevision, 0);
}

TEST_P(ServerStoreTest, AStoreFailureWritesNothingOfTheBatch)
{
    const QString a = newIncidentId();
    Event broken = commented(a, T0 + 2000);
    broken.hlc.counter = 5'000'000; // beyond what the HLC text form holds
    const BatchResult result
        = m_store->appendEvents({ opened(a, T0), commented(a, T0 + 1000), broken }, Ana);
    EXPECT_TRUE(result.error);
    EXPECT_EQ(head(), 0);
    EXPECT_TRUE(allEvents().isEmpty());
    DatabaseError error;
    EXPECT_FALSE(m_store->incident(a, &error));
    EXPECT_FALSE(error);

    // The store stays usable, and numbering starts where it would have.
    append({ opened(a, T0) });
    EXPECT_EQ(m_store->incident(a, &error)->number, QStringLiteral("INC0000001"));
    EXPECT_EQ(head(), 2);
}

TEST_P(ServerStoreTest, ARevokedTokenNoLongerAuthenticates)
{
    const ApiToken token = generateApiToken();
    TokenInfo info { token.id, QStringLiteral("sam"), QStringLiteral("laptop"), T0, 0, 0 };
    ASSERT_FALSE(m_store->addToken(info, token.sha256Hex));

    DatabaseError error;
    const auto principal = m_store->principalFor(token.sha256Hex, &error);
    ASSERT_TRUE(principal) << error.message.toStdString();
    EXPECT_EQ(principal->user, QStringLiteral("sam"));
    EXPECT_EQ(principal->role, Role::Supervisor);
    EXPECT_EQ(principal->tokenId, token.id);
    EXPECT_FALSE(m_store->principalFor(hashApiToken(generateApiToken().secret), &error));
    EXPECT_FALSE(error);

    const auto listed = m_store->tokens(QStringLiteral("sam"), &error);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1);
    EXPECT_EQ(listed->first().label, QStringLiteral("laptop"));
    EXPECT_EQ(listed->first().lastUsedAtMs, m_clock.nowMs()); // the lookup recorded its use

    ASSERT_FALSE(m_store->revokeToken(token.id, m_clock.nowMs()));
    EXPECT_FALSE(m_store->principalFor(token.sha256Hex, &error));
    EXPECT_FALSE(error);
    EXPECT_TRUE(m_store->revokeToken(token.id, m_clock.nowMs())); // not twice
    const auto everyToken = m_store->tokens(QString(), &error);
    ASSERT_TRUE(everyToken && everyToken->size() == 1);
    EXPECT_EQ(everyToken->first().revokedAtMs, m_clock.nowMs());

    const ApiToken stray = generateApiToken();
    EXPECT_EQ(
        m_store->addToken({ stray.id, QStringLiteral("nobody"), {}, T0, 0, 0 }, stray.sha256Hex)
            .kind,
        DatabaseError::Kind::InvalidData);
    EXPECT_TRUE(m_store->tokens(QStringLiteral("nobody"), &error)->isEmpty());
}

TEST_P(ServerStoreTest, UsersAreListedByNameAndAddedOnce)
{
    EXPECT_TRUE(m_store->addUser({ QStringLiteral("ana"), QStringLiteral("Other"), Role::Admin }));
    ASSERT_FALSE(
        m_store->addUser({ QStringLiteral("aud"), QStringLiteral("Audrey"), Role::Auditor }));
    // No display name given (a null string) is an empty one.
    const DatabaseError unnamed
        = m_store->addUser({ QStringLiteral("ivy"), QString(), Role::Integration });
    EXPECT_FALSE(unnamed) << unnamed.message.toStdString();
    DatabaseError error;
    const auto users = m_store->users(&error);
    ASSERT_TRUE(users);
    ASSERT_EQ(users->size(), unnamed ? 3 : 4);
    EXPECT_EQ(users->at(0).name, QStringLiteral("ana"));
    EXPECT_EQ(users->at(0).role, Role::Operator);
    EXPECT_EQ(users->at(1).name, QStringLiteral("aud"));
    EXPECT_EQ(users->at(1).displayName, QStringLiteral("Audrey"));
    EXPECT_EQ(users->at(1).role, Role::Auditor);
}

TEST_P(ServerStoreTest, TheIncidentListFiltersOrdersAndTotals)
{
    QList<Event> batch;
    QStringList ids;
    const int impacts[] = { 3, 1, 2, 1, 3 };
    for (int i = 0; i < 5; ++i) {
        ids << newIncidentId();
        QJsonObject payload
            = openPayload(QStringLiteral("Incident %1").arg(i), impacts[i], impacts[i]);
        payload.insert(QStringLiteral("number"),
            QStringLiteral("P-0001-%1").arg(i + 1, 4, 10, QLatin1Char('0')));
        if (i == 4)
            payload.insert(QStringLiteral("site"), QStringLiteral("Store 12"));
        batch << makeEvent(
            IncidentAction::Open, ids.at(i), hlcAt(T0 + i * 1000), T0 + i * 1000, payload);
    }
    batch << makeEvent(IncidentAction::Resolve, ids.at(2), hlcAt(T0 + 10'000), T0 + 10'000,
        { { QStringLiteral("code"), QStringLiteral("fixed") } });
    append(batch);

    DatabaseError error;
    IncidentQuery query;
    auto page = m_store->incidents(query, &error);
    ASSERT_TRUE(page) << error.message.toStdString();
    EXPECT_EQ(page->total, 4);
    EXPECT_EQ(page->headRevision, head());
    QStringList order;
    for (const Incident &incident : page->incidents)
        order << incident.id;
    // P1 first (opened earlier first), then P5 by opened time.
    EXPECT_EQ(order, (QStringList { ids.at(1), ids.at(3), ids.at(0), ids.at(4) }));

    query.limit = 2;
    query.offset = 1;
    page = m_store->incidents(query, &error);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 4);
    ASSERT_EQ(page->incidents.size(), 2);
    EXPECT_EQ(page->incidents.at(0).id, ids.at(3));

    query = {};
    query.scope = IncidentQuery::Scope::Resolved;
    page = m_store->incidents(query, &error);
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->incidents.first().id, ids.at(2));
    EXPECT_EQ(page->incidents.first().state, IncidentState::Resolved);

    query = {};
    query.scope = IncidentQuery::Scope::All;
    query.priority = 5;
    EXPECT_EQ(m_store->incidents(query, &error)->total, 2);
    query.site = QStringLiteral("Store 12");
    page = m_store->incidents(query, &error);
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->incidents.first().id, ids.at(4));

    query = {};
    query.state = QStringLiteral("resolved");
    EXPECT_EQ(m_store->incidents(query, &error)->total, 1);
    query = {};
    query.scope = IncidentQuery::Scope::All;
    query.updatedSinceMs = T0 + 5000;
    page = m_store->incidents(query, &error);
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->incidents.first().id, ids.at(2));
}

TEST_P(ServerStoreTest, ALateEventRefoldsTheIncidentInClockOrder)
{
    const QString a = newIncidentId();
    append({ opened(a, T0),
        makeEvent(IncidentAction::Assign, a, hlcAt(T0 + 5000), T0 + 5000,
            { { QStringLiteral("assignee"), QStringLiteral("ana") } }) });
    // Recorded earlier on another replica, arriving later: the later assignment still wins.
    Event earlier = makeEvent(IncidentAction::Assign, a, hlcAt(T0 + 2000), T0 + 2000,
        { { QStringLiteral("assignee"), QStringLiteral("sam") } }, QStringLiteral("sam"));
    append({ earlier }, Sam);
    DatabaseError error;
    const auto incident = m_store->incident(a, &error);
    ASSERT_TRUE(incident);
    EXPECT_EQ(incident->assignee, QStringLiteral("ana"));
    EXPECT_EQ(incident->eventCount, 4);
    const auto history = m_store->incidentEvents(a, &error);
    ASSERT_TRUE(history);
    EXPECT_EQ(history->at(1).id, earlier.id);
}

TEST_P(ServerStoreTest, ConcurrentWritersCommitContiguousRevisions)
{
    constexpr int Writers = 2;
    constexpr int Batches = 8;
    std::vector<std::thread> threads;
    std::atomic<int> failures = 0;
    for (int w = 0; w < Writers; ++w) {
        threads.emplace_back([&, w] {
            DatabaseError error;
            auto store = ServerStore::open(m_spec, m_clock, false, &error);
            if (!store) {
                ++failures;
                return;
            }
            for (int b = 0; b < Batches; ++b) {
                const QString incident = createUuidV7(T0 + w);
                const qint64 at = T0 + (w * Batches + b) * 1000;
                const BatchResult result = store->appendEvents(
                    { opened(incident, at), commented(incident, at + 1) }, Ana);
                if (result.error)
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    ASSERT_EQ(failures.load(), 0);
    const QList<Event> events = allEvents();
    ASSERT_EQ(events.size(), Writers * Batches * 3);
    for (int i = 0; i < events.size(); ++i)
        ASSERT_EQ(events.at(i).serverRevision, i + 1);
    DatabaseError error;
    IncidentQuery all;
    all.limit = 500;
    EXPECT_EQ(m_store->incidents(all, &error)->total, Writers * Batches);
}

TEST_P(ServerStoreTest, ReopeningFindsTheSameNodeAndLog)
{
    const QString a = newIncidentId();
    append({ opened(a, T0) });
    const QString node = m_store->nodeId();
    EXPECT_TRUE(m_store->isHealthy());
    m_store.reset();
    DatabaseError error;
    m_store = ServerStore::open(m_spec, m_clock, false, &error);
    ASSERT_TRUE(m_store) << error.message.toStdString();
    EXPECT_EQ(m_store->nodeId(), node);
    EXPECT_EQ(head(), 2);
    append({ commented(a, T0 + 1000) });
    EXPECT_EQ(head(), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerStoreTest, ::testing::Values("sqlite", "postgresql"),
    [](const auto &info) { return info.param; });

} // namespace

namespace {

PostgresCluster *cluster()
{
    QString error;
    PostgresCluster *shared = PostgresCluster::shared(&error);
    EXPECT_NE(shared, nullptr) << "PostgreSQL cluster: " << error.toStdString();
    return shared;
}

TEST(PostgresServerStore, AConnectionFailureNamesTheServerButNeverThePassword)
{
    FakeClock clock { T0 };
    DatabaseError error;
    const auto store = ServerStore::open(
        QStringLiteral("postgresql://ops:s3cret-pw@127.0.0.1:1/nocturne"), clock, false, &error);
    EXPECT_FALSE(store);
    EXPECT_TRUE(error);
    EXPECT_TRUE(error.message.contains(QStringLiteral("ops@127.0.0.1:1/nocturne")))
        << error.message.toStdString();
    EXPECT_FALSE(error.message.contains(QStringLiteral("s3cret"))) << error.message.toStdString();
}

TEST(PostgresServerStore, AnEmptyDatabaseIsNotInitialisedUnlessAskedToCreate)
{
    PostgresCluster *pg = cluster();
    ASSERT_NE(pg, nullptr);
    QString failure;
    const QString url = pg->createDatabase(
        QStringLiteral("empty_%1").arg(QRandomGenerator::global()->generate() & 0xffffff),
        &failure);
    ASSERT_FALSE(url.isEmpty()) << failure.toStdString();
    FakeClock clock { T0 };
    DatabaseError error;
    EXPECT_FALSE(ServerStore::open(url, clock, false, &error));
    EXPECT_EQ(error.kind, DatabaseError::Kind::NotInitialised) << error.message.toStdString();

    // A database that does not exist at all is created with the schema.
    const QString missing = url + QStringLiteral("_new");
    error = {};
    EXPECT_FALSE(ServerStore::open(missing, clock, false, &error));
    EXPECT_EQ(error.kind, DatabaseError::Kind::Missing) << error.message.toStdString();
    const auto created = ServerStore::open(missing, clock, true, &error);
    ASSERT_TRUE(created) << error.message.toStdString();
    EXPECT_EQ(created->backend(), QStringLiteral("postgresql"));
    EXPECT_TRUE(created->isHealthy());
}

TEST(PostgresServerStore, ReconnectsAfterTheServerDroppedTheConnection)
{
    PostgresCluster *pg = cluster();
    ASSERT_NE(pg, nullptr);
    QString failure;
    const QString url = pg->createDatabase(
        QStringLiteral("drop_%1").arg(QRandomGenerator::global()->generate() & 0xffffff), &failure);
    ASSERT_FALSE(url.isEmpty()) << failure.toStdString();
    FakeClock clock { T0 };
    DatabaseError error;
    auto store = ServerStore::open(url, clock, true, &error);
    ASSERT_TRUE(store) << error.message.toStdString();
    ASSERT_FALSE(store->addUser({ QStringLiteral("ana"), {}, Role::Operator }));

    {
        QSqlDatabase admin
            = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("terminator"));
        const QUrl parsed(url);
        admin.setHostName(parsed.host());
        admin.setPort(parsed.port());
        admin.setUserName(parsed.userName());
        admin.setDatabaseName(parsed.path().mid(1));
        ASSERT_TRUE(admin.open());
        QSqlQuery q(admin);
        ASSERT_TRUE(q.exec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = 'nocturne' AND pid <> pg_backend_pid()")));
        q.finish();
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("terminator"));

    // The first use notices; the next reconnects.
    const bool firstAnswer = store->isHealthy();
    EXPECT_TRUE(firstAnswer || store->isHealthy());
    EXPECT_TRUE(store->isHealthy());
    const QString a = newIncidentId();
    const BatchResult result = store->appendEvents({ opened(a, T0) }, Ana);
    EXPECT_FALSE(result.error) << result.error.message.toStdString();
    EXPECT_EQ(result.headRevision, 2);
}

} // namespace
