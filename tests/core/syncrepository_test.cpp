#include "testsupport.h"

#include "core/storage/syncrepository.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

QStringList idsOf(const QList<Event> &events)
{
    QStringList ids;
    for (const Event &e : events)
        ids << e.id;
    return ids;
}

// Every stored event id in local append order.
QStringList storedIds(Database &db)
{
    QSqlQuery q(db.connection());
    QStringList ids;
    if (q.exec(QStringLiteral("SELECT id FROM events ORDER BY seq")))
        while (q.next())
            ids << q.value(0).toString();
    return ids;
}

qint64 revisionOf(Database &db, const QString &eventId)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT ifnull(server_revision, 0) FROM events WHERE id = ?"));
    q.addBindValue(eventId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

// A replica with two incidents and a few actions on them: seven events.
class SyncRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
        ASSERT_FALSE(SyncRepository::markReplica(h.store()));
        first = h.openIncident(QStringLiteral("Sorter jam at DC1"));
        second = h.openIncident(QStringLiteral("Payment gateway timeouts"));
        ASSERT_TRUE(h.run(A::Acknowledge, first).ok());
        ASSERT_TRUE(h.run(A::Comment, second, { { QStringLiteral("text"), QStringLiteral("Vendor called") } }).ok());
        ASSERT_TRUE(h.run(A::Assign, first, { { QStringLiteral("group"), QStringLiteral("DC Ops") } }).ok());
        ASSERT_TRUE(h.run(A::Comment, first, { { QStringLiteral("text"), QStringLiteral("Belt 4 cleared") } }).ok());
        ASSERT_TRUE(h.run(A::Acknowledge, second).ok());
        all = storedIds(h.database());
        ASSERT_EQ(all.size(), 7);
    }

    StoreHarness h;
    SyncRepository repository { h.database().connection(), h.path() };
    QString first, second;
    QStringList all;
};

TEST_F(SyncRepositoryTest, OutboxHoldsEveryUnsyncedEventInLocalAppendOrder)
{
    const auto outbox = repository.outbox(100);
    ASSERT_TRUE(outbox.has_value()) << repository.lastError().message.toStdString();
    EXPECT_EQ(idsOf(*outbox), all);
    EXPECT_EQ(repository.pendingCount(), 7);

    const auto firstThree = repository.outbox(3);
    ASSERT_TRUE(firstThree.has_value());
    EXPECT_EQ(idsOf(*firstThree), all.mid(0, 3));
    // The events come back whole: their content hashes are the stored ones.
    QSqlQuery q(h.database().connection());
    q.prepare(QStringLiteral("SELECT content_hash FROM events WHERE id = ?"));
    q.addBindValue(firstThree->at(2).id);
    ASSERT_TRUE(q.exec() && q.next());
    EXPECT_EQ(firstThree->at(2).computeContentHash(), q.value(0).toByteArray());
}

TEST_F(SyncRepositoryTest, RecordedRevisionsTakeEventsOutOfTheOutboxAndAreNeverRewritten)
{
    ASSERT_FALSE(repository.recordPushResults({ { all.at(0), 11 }, { all.at(1), 12 } }, {}, T0));
    EXPECT_EQ(revisionOf(h.database(), all.at(0)), 11);
    EXPECT_EQ(revisionOf(h.database(), all.at(1)), 12);
    EXPECT_EQ(idsOf(*repository.outbox(100)), all.mid(2));
    EXPECT_EQ(repository.pendingCount(), 5);

    // A late duplicate answer does not move a revision already recorded.
    ASSERT_FALSE(repository.recordPushResults({ { all.at(0), 99 } }, {}, T0));
    EXPECT_EQ(revisionOf(h.database(), all.at(0)), 11);
}

TEST_F(SyncRepositoryTest, RefusedEventsLeaveTheOutboxAndAreListedAsConflictsWithTheReason)
{
    const SyncRefusal refusal { all.at(2), 403, QStringLiteral("forbidden"),
                                QStringLiteral("events[0]: ana may not write events recorded by ben") };
    ASSERT_FALSE(repository.recordPushResults({ { all.at(0), 1 } }, { refusal }, T0 + Minute));
    EXPECT_FALSE(idsOf(*repository.outbox(100)).contains(all.at(2)));
    EXPECT_EQ(repository.pendingCount(), 5);

    const auto conflicts = repository.conflicts();
    ASSERT_TRUE(conflicts.has_value()) << repository.lastError().message.toStdString();
    ASSERT_EQ(conflicts->size(), 1);
    const SyncConflict &c = conflicts->first();
    EXPECT_EQ(c.source, SyncConflict::Source::Refused);
    EXPECT_EQ(c.eventId, all.at(2));
    EXPECT_EQ(c.incidentNumber, first);
    EXPECT_EQ(c.kind, QStringLiteral("acknowledged"));
    EXPECT_EQ(c.actor, QStringLiteral("ana"));
    EXPECT_EQ(c.httpStatus, 403);
    EXPECT_EQ(c.code, QStringLiteral("forbidden"));
    EXPECT_EQ(c.reason, refusal.reason);
    EXPECT_EQ(c.recordedAtMs, T0 + Minute);
    EXPECT_EQ(repository.conflictCount(), 1);
}

TEST_F(SyncRepositoryTest, DismissingKeepsARefusedEventOutOfTheOutboxAndRetryPutsItBack)
{
    ASSERT_FALSE(repository.recordPushResults({}, { { all.at(3), 422, QStringLiteral("unknown_incident"), QStringLiteral("no such incident") } }, T0));
    bool found = false;
    ASSERT_FALSE(repository.dismiss(all.at(3), T0 + Minute, &found));
    EXPECT_TRUE(found);
    EXPECT_TRUE(repository.conflicts()->isEmpty());
    EXPECT_EQ(repository.conflictCount(), 0);
    EXPECT_EQ(repository.pendingCount(), 6) << "a dismissed refusal is not offered again by itself";
    // Still in the history.
    EXPECT_TRUE(storedIds(h.database()).contains(all.at(3)));

    ASSERT_FALSE(repository.retry(all.at(3), &found));
    EXPECT_TRUE(found);
    EXPECT_EQ(repository.pendingCount(), 7);
    EXPECT_EQ(idsOf(*repository.outbox(100)), all) << "back in its place in the append order";

    ASSERT_FALSE(repository.retry(all.at(3), &found));
    EXPECT_FALSE(found);
    ASSERT_FALSE(repository.dismiss(QStringLiteral("no-such-event"), T0, &found));
    EXPECT_FALSE(found);
}

TEST_F(SyncRepositoryTest, RetryingARefusedOpeningAlsoOffersTheEventsRefusedForWantOfIt)
{
    // all: open first, open second, ack first, comment second, assign first, comment first, ack second
    ASSERT_FALSE(repository.recordPushResults(
        {}, { { all.at(0), 403, QStringLiteral("forbidden"), QStringLiteral("not in ana's name") },
              { all.at(2), 404, QStringLiteral("unknown_incident"), QStringLiteral("never opened") },
              { all.at(4), 404, QStringLiteral("unknown_incident"), QStringLiteral("never opened") },
              { all.at(5), 403, QStringLiteral("forbidden"), QStringLiteral("not in ana's name") },
              { all.at(3), 404, QStringLiteral("unknown_incident"), QStringLiteral("another incident") } },
        T0));
    EXPECT_EQ(repository.pendingCount(), 2);
    bool found = false;
    ASSERT_FALSE(repository.retry(all.at(0), &found));
    ASSERT_TRUE(found);
    // Back: the opening and the two refused for want of it. Still out: a refusal of its own
    // (forbidden) and the other incident's event.
    EXPECT_EQ(idsOf(*repository.outbox(100)), (QStringList { all.at(0), all.at(1), all.at(2), all.at(4), all.at(6) }));
    EXPECT_EQ(repository.conflictCount(), 2);
}

TEST_F(SyncRepositoryTest, LocalEventsAMergeMadeInvalidAreConflictsButStillSync)
{
    // Another replica resolved the first incident before (in HLC order) this one
    // acknowledged it; the acknowledgement is kept and flagged when the resolution arrives.
    const auto incident = h.projected(first);
    ASSERT_TRUE(incident.has_value());
    const auto stored = h.storedEvents(incident->id);
    ASSERT_GE(stored.size(), 2);
    const Event &ack = stored.at(1);
    ASSERT_EQ(ack.kind, EventKind::Acknowledged);
    HlcTimestamp before = ack.hlc;
    ASSERT_LT(stored.first().hlc.counter + 1, ack.hlc.counter) << "the fake clock stands still: counters order";
    before.node = QStringLiteral("nremote000001");
    before.counter -= 1;
    Event resolved = makeEvent(A::Resolve, incident->id, before, ack.occurredAt,
                               { { QStringLiteral("code"), QStringLiteral("fixed") } }, QStringLiteral("ben"));
    resolved.serverRevision = 5;
    const AppendResult appended = h.store().append({ resolved });
    ASSERT_FALSE(appended.error) << appended.error.message.toStdString();
    ASSERT_TRUE(h.projected(first)->flaggedEventIds.contains(ack.id));

    const auto conflicts = repository.conflicts();
    ASSERT_TRUE(conflicts.has_value()) << repository.lastError().message.toStdString();
    // The acknowledgement and the assignment after it: a resolved incident takes neither.
    // The comment is allowed in every state, and the remote resolution is not ours.
    ASSERT_EQ(conflicts->size(), 2);
    EXPECT_EQ(conflicts->at(0).source, SyncConflict::Source::Flagged);
    EXPECT_EQ(conflicts->at(0).eventId, ack.id);
    EXPECT_EQ(conflicts->at(0).incidentNumber, first);
    EXPECT_EQ(conflicts->at(0).kind, QStringLiteral("acknowledged"));
    EXPECT_FALSE(conflicts->at(0).reason.isEmpty());
    EXPECT_EQ(conflicts->at(1).kind, QStringLiteral("assigned"));
    EXPECT_EQ(repository.conflictCount(), 2);
    EXPECT_TRUE(idsOf(*repository.outbox(100)).contains(ack.id)) << "the server needs it too";

    bool found = false;
    ASSERT_FALSE(repository.dismiss(ack.id, T0, &found));
    EXPECT_TRUE(found);
    EXPECT_EQ(repository.conflictCount(), 1);
    EXPECT_TRUE(idsOf(*repository.outbox(100)).contains(ack.id)) << "dismissing a flag does not stop its sync";
    EXPECT_EQ(repository.pendingCount(), 7);
}

TEST_F(SyncRepositoryTest, PulledRevisionCountsForOneServerAndRestartsWithAnother)
{
    EXPECT_EQ(repository.pulledRevision(), 0);
    ASSERT_FALSE(repository.useServer(QStringLiteral("http://127.0.0.1:8470")));
    ASSERT_FALSE(repository.setPulledRevision(42));
    ASSERT_FALSE(repository.useServer(QStringLiteral("http://127.0.0.1:8470")));
    EXPECT_EQ(repository.pulledRevision(), 42);
    EXPECT_EQ(repository.server(), QStringLiteral("http://127.0.0.1:8470"));
    ASSERT_FALSE(repository.useServer(QStringLiteral("https://noc.example:8443")));
    EXPECT_EQ(repository.pulledRevision(), 0);
    EXPECT_EQ(repository.server(), QStringLiteral("https://noc.example:8443"));
}

TEST(SyncRepository, AReplicaGivesProvisionalNumbersUntilTheServersNumberArrives)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    ASSERT_FALSE(SyncRepository::markReplica(h.store()));
    EXPECT_EQ(h.store().authority(), NumberingAuthority::Replica);
    const QString provisional = h.openIncident();
    const QString node = h.store().nodeId().right(4).toUpper();
    EXPECT_EQ(provisional, QStringLiteral("P-%1-0001").arg(node));
    EXPECT_FALSE(EventStore::isAuthoritativeNumber(provisional));
    const QString second = h.openIncident(QStringLiteral("Conveyor stopped"));
    EXPECT_EQ(second, QStringLiteral("P-%1-0002").arg(node));

    // The server's number event, as a pull brings it, with the revision of the open.
    const auto incident = h.projected(provisional);
    ASSERT_TRUE(incident.has_value());
    Event opened = h.storedEvents(incident->id).first();
    opened.serverRevision = 7;
    HlcTimestamp hlc = opened.hlc;
    hlc.node = QStringLiteral("nserver00001");
    hlc.counter += 1;
    Event number = makeEvent(A::Update, incident->id, hlc, opened.occurredAt,
                             { { QStringLiteral("number"), QStringLiteral("INC0000042") } }, QStringLiteral("system"));
    number.serverRevision = 8;
    const AppendResult appended = h.store().append({ opened, number });
    ASSERT_FALSE(appended.error) << appended.error.message.toStdString();
    EXPECT_EQ(appended.appended, 1);
    EXPECT_EQ(appended.duplicates, 1);
    EXPECT_EQ(h.projected(incident->id)->number, QStringLiteral("INC0000042"));
    EXPECT_EQ(revisionOf(h.database(), opened.id), 7) << "the pulled copy records the revision of the local open";
    EXPECT_FALSE(h.projected(provisional).has_value());
    EXPECT_EQ(h.projected(QStringLiteral("INC0000042"))->id, incident->id);

    SyncRepository repository(h.database().connection(), h.path());
    EXPECT_EQ(repository.pendingCount(), 1) << "only the second open still waits";
}

TEST(SyncRepository, AServersStoreCannotBecomeAReplica)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    ASSERT_FALSE(h.store().setAuthority(NumberingAuthority::Server));
    const DatabaseError error = SyncRepository::markReplica(h.store());
    EXPECT_TRUE(error.isError());
    EXPECT_EQ(h.store().authority(), NumberingAuthority::Server);
}

} // namespace
} // namespace nocturne::core::test
