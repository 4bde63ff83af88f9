#include "testsupport.h"

#include "core/domain/incidentfold.h"
#include "core/storage/incidentrepository.h"
#include "core/sync/eventwire.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
}

// A replica and a server in two files, each with its own store and fake clock.
struct Pair
{
    StoreHarness replica;
    StoreHarness server;
    Pair()
    {
        EXPECT_FALSE(replica.store().setAuthority(NumberingAuthority::Replica));
        EXPECT_FALSE(server.store().setAuthority(NumberingAuthority::Server));
    }
};

TEST(NumberingAuthority, AReplicaGivesProvisionalNumbersThatNameItsNode)
{
    Pair p;
    const QString first = p.replica.openIncident();
    const QString second = p.replica.openIncident();
    const QString node = p.replica.store().nodeId().right(4).toUpper();
    EXPECT_EQ(first, QStringLiteral("P-%1-0001").arg(node));
    EXPECT_EQ(second, QStringLiteral("P-%1-0002").arg(node));
    EXPECT_FALSE(EventStore::isAuthoritativeNumber(first));
    EXPECT_TRUE(EventStore::isAuthoritativeNumber(QStringLiteral("INC0000042")));
}

TEST(NumberingAuthority, TheServerNumbersWhatAReplicaOpenedAndTheReplicaShowsThatNumber)
{
    Pair p;
    const QString provisional = p.replica.openIncident(QStringLiteral("Payment gateway timeouts"), 1, 1);
    const QString id = p.replica.projected(provisional)->id;
    const QList<Event> offered = p.replica.storedEvents(id);

    const AppendResult accepted = p.server.store().append(offered);
    ASSERT_FALSE(accepted.error) << accepted.error.message.toStdString();
    EXPECT_EQ(accepted.appended, 2); // the open and the server's number event
    ASSERT_EQ(accepted.authored.size(), 1);
    const Event &numbered = accepted.authored.first();
    EXPECT_EQ(numbered.kind, EventKind::Updated);
    EXPECT_EQ(numbered.actor, QStringLiteral("system"));
    EXPECT_EQ(numbered.originNode, p.server.store().nodeId());
    EXPECT_EQ(numbered.occurredAt, offered.first().occurredAt);
    EXPECT_LT(offered.first().hlc, numbered.hlc);
    EXPECT_EQ(numbered.payload.value(QStringLiteral("number")).toString(), QStringLiteral("INC0000001"));
    EXPECT_EQ(p.server.projected(id)->number, QStringLiteral("INC0000001"));
    // Revisions count every accepted event, the authored one included.
    EXPECT_EQ(accepted.revisions.value(offered.first().id), 1);
    EXPECT_EQ(accepted.revisions.value(numbered.id), 2);

    // The replica pulls both back: its own open only gains the revision, the number applies.
    QList<Event> pulled = offered;
    pulled.first().serverRevision = 1;
    Event number = numbered;
    number.serverRevision = 2;
    pulled << number;
    const AppendResult merged = p.replica.store().append(pulled);
    ASSERT_FALSE(merged.error) << merged.error.message.toStdString();
    EXPECT_EQ(merged.appended, 1);
    EXPECT_EQ(merged.duplicates, 1);
    EXPECT_EQ(p.replica.projected(id)->number, QStringLiteral("INC0000001"));
    EXPECT_EQ(scalar(p.replica.database(),
                     QStringLiteral("SELECT server_revision FROM events WHERE id = '%1'").arg(offered.first().id)),
              QStringLiteral("1"));
    EXPECT_EQ(scalar(p.replica.database(), QStringLiteral("SELECT count(*) FROM events WHERE server_revision IS NULL")),
              QStringLiteral("0"));
    EXPECT_EQ(*p.replica.projected(id), *p.server.projected(id));
}

TEST(NumberingAuthority, TheServerKeepsAFreeRealNumberAndReplacesATakenOne)
{
    StoreHarness standaloneA;
    StoreHarness standaloneB;
    StoreHarness server;
    ASSERT_FALSE(server.store().setAuthority(NumberingAuthority::Server));
    // Two consoles that ran standalone both numbered their first incident INC0000001.
    const QString a = standaloneA.openIncident(QStringLiteral("Conveyor stopped"));
    const QString b = standaloneB.openIncident(QStringLiteral("Scanner offline"));
    ASSERT_EQ(a, QStringLiteral("INC0000001"));
    ASSERT_EQ(b, QStringLiteral("INC0000001"));
    const QString idA = standaloneA.projected(a)->id;
    const QString idB = standaloneB.projected(b)->id;

    ASSERT_FALSE(server.store().append(standaloneA.storedEvents(idA)).error);
    ASSERT_FALSE(server.store().append(standaloneB.storedEvents(idB)).error);
    EXPECT_EQ(server.projected(idA)->number, QStringLiteral("INC0000001"));
    EXPECT_EQ(server.projected(idB)->number, QStringLiteral("INC0000002"));
    // The next incident the server opens itself continues after both.
    EXPECT_EQ(server.openIncident(), QStringLiteral("INC0000003"));
}

TEST(NumberingAuthority, ARetriedBatchConsumesNoRevisionAndReportsTheStoredOnes)
{
    StoreHarness replica;
    StoreHarness server;
    ASSERT_FALSE(server.store().setAuthority(NumberingAuthority::Server));
    const QString number = replica.openIncident();
    const QString id = replica.projected(number)->id;
    ASSERT_EQ(replica.run(A::Acknowledge, number).status, CommandResult::Status::Ok);
    const QList<Event> events = replica.storedEvents(id);

    const AppendResult first = server.store().append(events);
    ASSERT_FALSE(first.error);
    const AppendResult again = server.store().append(events);
    ASSERT_FALSE(again.error);
    EXPECT_EQ(again.appended, 0);
    EXPECT_TRUE(again.authored.isEmpty()); // no second number event
    for (const Event &e : events)
        EXPECT_EQ(again.revisions.value(e.id), first.revisions.value(e.id)) << e.id.toStdString();
    EXPECT_EQ(scalar(server.database(), QStringLiteral("SELECT value FROM meta WHERE key = 'revision_high'")),
              QStringLiteral("3"));
}

TEST(NumberingAuthority, TheAuthorityIsKeptInTheFileForEveryProgramThatOpensIt)
{
    StoreHarness h;
    ASSERT_FALSE(h.store().setAuthority(NumberingAuthority::Replica));
    Database other;
    ASSERT_FALSE(other.open(h.path()));
    EventStore second(other, h.clock());
    ASSERT_FALSE(second.initialise());
    EXPECT_EQ(second.authority(), NumberingAuthority::Replica);
}

TEST(EventWire, AnEventSurvivesTheWireExactlyAndTamperingIsNamed)
{
    StoreHarness h;
    const QString number = h.openIncident(QStringLiteral("Fraud spike — card-not-present"), 1, 2);
    const Event original = h.storedEvents(h.projected(number)->id).first();
    const QJsonObject wire = eventToWire(original);
    QString error;
    const auto back = eventFromWire(QJsonDocument::fromJson(QJsonDocument(wire).toJson()).object(),
                                    QStringLiteral("events[0]"), false, &error);
    ASSERT_TRUE(back.has_value()) << error.toStdString();
    EXPECT_EQ(back->computeContentHash(), original.computeContentHash());
    EXPECT_EQ(back->hlc, original.hlc);
    EXPECT_EQ(back->occurredAt, original.occurredAt);

    QJsonObject tampered = wire;
    tampered.insert(QStringLiteral("actor"), QStringLiteral("mallory"));
    EXPECT_FALSE(eventFromWire(tampered, QStringLiteral("events[0]"), false, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("events[0]"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("hash"))) << error.toStdString();

    QJsonObject extra = wire;
    extra.insert(QStringLiteral("colour"), QStringLiteral("red"));
    EXPECT_FALSE(eventFromWire(extra, QStringLiteral("events[1]"), false, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("colour"))) << error.toStdString();

    QJsonObject wrongType = wire;
    wrongType.insert(QStringLiteral("occurred_at"), QStringLiteral("yesterday"));
    EXPECT_FALSE(eventFromWire(wrongType, {}, false, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("occurred_at"))) << error.toStdString();

    QJsonObject withRevision = wire;
    withRevision.insert(QStringLiteral("server_revision"), 7);
    EXPECT_FALSE(eventFromWire(withRevision, {}, false, &error));
    const auto pulled = eventFromWire(withRevision, {}, true, &error);
    ASSERT_TRUE(pulled.has_value()) << error.toStdString();
    EXPECT_EQ(pulled->serverRevision, 7);
}

} // namespace
} // namespace nocturne::core::test
