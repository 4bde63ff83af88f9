#include "testsupport.h"

#include "core/audit/auditverifier.h"
#include "core/domain/incidentfold.h"
#include "core/domain/uuid7.h"
#include "core/storage/incidentrepository.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <random>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;
using Status = CommandResult::Status;

QJsonObject code(const char *c) { return { { QStringLiteral("code"), QLatin1StringView(c) } }; }

qint64 eventRows(Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM events")) && q.next() ? q.value(0).toLongLong() : -1;
}

void expectProjectionIsTheFold(StoreHarness &h, const QString &incidentId)
{
    const auto projected = h.projected(incidentId);
    ASSERT_TRUE(projected.has_value()) << incidentId.toStdString();
    EXPECT_EQ(*projected, foldEvents(h.storedEvents(incidentId)));
}

TEST(EventStore, CommandsProduceEventsAndTheProjectionIsTheirFold)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
    const QString number = h.openIncident(QStringLiteral("WMS outage at DC2"), 1, 1);
    ASSERT_EQ(number, QStringLiteral("INC0000001"));
    const QString id = h.projected(number)->id;
    EXPECT_TRUE(isUuidV7(id)) << id.toStdString();

    struct Step
    {
        A action;
        QJsonObject payload;
        IncidentState state;
    };
    const Step steps[] = {
        { A::Assign, { { QStringLiteral("group"), QStringLiteral("WMS Support") }, { QStringLiteral("assignee"), QStringLiteral("ben") } }, IncidentState::New },
        { A::Acknowledge, {}, IncidentState::InProgress },
        { A::Comment, { { QStringLiteral("text"), QStringLiteral("Failover started") } }, IncidentState::InProgress },
        { A::Hold, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } }, IncidentState::OnHold },
        { A::Resume, {}, IncidentState::InProgress },
        { A::Escalate, { { QStringLiteral("level"), 1 } }, IncidentState::InProgress },
        { A::Resolve, code("failover"), IncidentState::Resolved },
        { A::Close, {}, IncidentState::Closed },
    };
    int expectedEvents = 1;
    for (const Step &step : steps) {
        h.clock().advanceMs(3 * Minute);
        const CommandResult r = h.run(step.action, number, step.payload, 0, QStringLiteral("ben"));
        ASSERT_TRUE(r.ok()) << actionLabel(step.action).toStdString() << ": " << r.error.toStdString();
        ++expectedEvents;
        EXPECT_EQ(r.incident.state, step.state);
        EXPECT_EQ(r.event.kind, eventKindOf(step.action));
        EXPECT_EQ(r.event.actor, QStringLiteral("ben"));
        EXPECT_EQ(r.event.originNode, h.store().nodeId());
        EXPECT_EQ(r.event.occurredAt, h.clock().nowMs());
        EXPECT_TRUE(isUuidV7(r.event.id));
        EXPECT_EQ(r.incident, *h.projected(number));
        expectProjectionIsTheFold(h, id);
    }
    const Incident done = *h.projected(number);
    EXPECT_EQ(done.eventCount, expectedEvents);
    EXPECT_EQ(done.priority, 1);
    EXPECT_EQ(done.acknowledgedAt, T0 + 6 * Minute);
    EXPECT_EQ(done.resolvedAt, T0 + 21 * Minute);
    EXPECT_EQ(done.closedAt, T0 + 24 * Minute);
    EXPECT_EQ(done.escalationCount, 1);
    EXPECT_EQ(h.storedEvents(id).size(), expectedEvents);
    EXPECT_EQ(eventRows(h.database()), expectedEvents);
}

TEST(EventStore, TheOpenEventCarriesTheComputedPriorityTheNumberAndTheReporter)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    QJsonObject payload = openPayload(QStringLiteral("Payment gateway errors"), 1, 2);
    payload.insert(QStringLiteral("priority"), 5); // the caller's guess is overridden
    const CommandResult r = h.run(A::Open, {}, payload, 0, QStringLiteral("carla"));
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.event.payload.value(QStringLiteral("priority")).toInt(), 2);
    EXPECT_EQ(r.event.payload.value(QStringLiteral("number")).toString(), QStringLiteral("INC0000001"));
    EXPECT_EQ(r.event.payload.value(QStringLiteral("reporter")).toString(), QStringLiteral("carla"));
    EXPECT_EQ(r.incident.priority, 2);
    EXPECT_EQ(r.incident.reporter, QStringLiteral("carla"));
    // The event as returned is the event as stored.
    const QList<Event> stored = h.storedEvents(r.incident.id);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.first(), r.event);
}

TEST(EventStore, ASatisfactionScoreIsRecordedAfterResolutionButOtherUpdatesAreNot)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
    const QString number = h.openIncident(QStringLiteral("Label printer offline"), 3, 3);
    ASSERT_TRUE(h.run(A::Resolve, number, code("replaced")).ok());

    const CommandResult scored = h.run(A::Update, number, { { QStringLiteral("csat"), 4 } });
    ASSERT_TRUE(scored.ok()) << scored.error.toStdString();
    EXPECT_EQ(scored.incident.csat, 4);
    EXPECT_EQ(h.projected(number)->csat, 4);
    EXPECT_TRUE(h.projected(number)->flaggedEventIds.isEmpty());

    const CommandResult retitled = h.run(A::Update, number, { { QStringLiteral("csat"), 5 }, { QStringLiteral("title"), QStringLiteral("x") } });
    EXPECT_EQ(retitled.status, Status::Refused);
    const CommandResult outOfRange = h.run(A::Update, number, { { QStringLiteral("csat"), 6 } });
    EXPECT_EQ(outOfRange.status, Status::Invalid);
    EXPECT_EQ(h.projected(number)->csat, 4);
}

TEST(EventStore, NumbersAreAssignedInOrder)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    for (int n = 1; n <= 12; ++n) {
        h.clock().advanceMs(1000);
        EXPECT_EQ(h.openIncident(QStringLiteral("Incident %1").arg(n)), QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0')));
    }
    // Numbers are found whatever their case.
    EXPECT_TRUE(h.run(A::Acknowledge, QStringLiteral("inc0000012")).ok());
}

TEST(EventStore, CommandsAcceptTheIncidentIdAsWellAsTheNumber)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();
    const QString id = h.projected(number)->id;
    const CommandResult r = h.run(A::Acknowledge, id);
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.incident.number, number);
}

TEST(EventStore, RefusedInvalidAndNotFoundCommandsWriteNothing)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();
    const qint64 rowsBefore = eventRows(h.database());
    const Incident before = *h.projected(number);

    const CommandResult refused = h.run(A::Close, number);
    EXPECT_EQ(refused.status, Status::Refused);
    EXPECT_TRUE(refused.error.contains(number)) << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(QStringLiteral("New"))) << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(QStringLiteral("close"))) << refused.error.toStdString();

    const CommandResult noReason = h.run(A::Hold, number);
    EXPECT_EQ(noReason.status, Status::Refused) << "New incidents cannot be held: " << noReason.error.toStdString();
    ASSERT_TRUE(h.run(A::Acknowledge, number).ok());
    const qint64 rowsAfterAck = eventRows(h.database());
    const Incident acknowledged = *h.projected(number);

    const CommandResult invalid = h.run(A::Hold, number);
    EXPECT_EQ(invalid.status, Status::Invalid);
    EXPECT_TRUE(invalid.error.contains(QStringLiteral("reason"))) << invalid.error.toStdString();
    EXPECT_EQ(h.run(A::Resolve, number).status, Status::Invalid);
    EXPECT_EQ(h.run(A::Comment, number, { { QStringLiteral("text"), QString() } }).status, Status::Invalid);
    EXPECT_EQ(h.run(A::Assign, number).status, Status::Invalid);
    EXPECT_EQ(h.run(A::Open, {}, { { QStringLiteral("impact"), 1 }, { QStringLiteral("urgency"), 1 } }).status, Status::Invalid);

    const CommandResult missing = h.run(A::Acknowledge, QStringLiteral("INC9999999"));
    EXPECT_EQ(missing.status, Status::NotFound);
    EXPECT_TRUE(missing.error.contains(QStringLiteral("INC9999999"))) << missing.error.toStdString();
    EXPECT_FALSE(missing.ok());

    EXPECT_EQ(rowsBefore + 1, rowsAfterAck);
    EXPECT_EQ(eventRows(h.database()), rowsAfterAck);
    EXPECT_EQ(*h.projected(number), acknowledged);
    EXPECT_NE(before, acknowledged);
    // A refused Open does not consume a number either.
    EXPECT_EQ(h.openIncident(), QStringLiteral("INC0000002"));
}

TEST(EventStore, AnOccurredAtInThePastIsKeptAlongsideTheRecordingTime)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    h.clock().setNowMs(T0 + 2 * Hour);
    // Reported by phone: it really happened two hours ago.
    QJsonObject payload = openPayload(QStringLiteral("Dock door 4 stuck"), 2, 3);
    const CommandResult opened = h.run(A::Open, {}, payload, T0);
    ASSERT_TRUE(opened.ok()) << opened.error.toStdString();
    EXPECT_EQ(opened.event.occurredAt, T0);
    EXPECT_EQ(opened.event.hlc.wallMs, T0 + 2 * Hour);
    EXPECT_EQ(opened.incident.openedAt, T0);

    const CommandResult ack = h.run(A::Acknowledge, opened.incident.number, {}, T0 + 30 * Minute);
    ASSERT_TRUE(ack.ok()) << ack.error.toStdString();
    EXPECT_EQ(ack.incident.acknowledgedAt, T0 + 30 * Minute);
    EXPECT_EQ(ack.event.hlc.wallMs, T0 + 2 * Hour);
    const QList<Event> stored = h.storedEvents(opened.incident.id);
    ASSERT_EQ(stored.size(), 2);
    EXPECT_EQ(stored.at(1).occurredAt, T0 + 30 * Minute);
    expectProjectionIsTheFold(h, opened.incident.id);
}

TEST(EventStore, AnOccurredAtInTheFutureOrBeforeTheOpenIsRefused)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const CommandResult future = h.run(A::Open, {}, openPayload(), T0 + Hour);
    EXPECT_EQ(future.status, Status::Invalid);
    EXPECT_TRUE(future.error.contains(QStringLiteral("future"))) << future.error.toStdString();
    // A few seconds of disagreement between machines is tolerated.
    const CommandResult slightlyAhead = h.run(A::Open, {}, openPayload(), T0 + 5'000);
    ASSERT_TRUE(slightlyAhead.ok()) << slightlyAhead.error.toStdString();

    const QString number = slightlyAhead.incident.number;
    const CommandResult beforeOpen = h.run(A::Acknowledge, number, {}, T0 - Minute);
    EXPECT_EQ(beforeOpen.status, Status::Invalid);
    EXPECT_TRUE(beforeOpen.error.contains(number)) << beforeOpen.error.toStdString();
    EXPECT_EQ(h.projected(number)->eventCount, 1);
}

TEST(EventStore, AppendIsIdempotentByEventId)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    std::mt19937_64 rng(99);
    QList<Event> batch;
    QStringList ids;
    for (int n = 0; n < 8; ++n) {
        ids << createUuidV7(T0 + n, rng(), rng());
        batch << randomHistory(rng, ids.last());
    }
    const AppendResult first = h.store().append(batch);
    ASSERT_FALSE(first.error.isError()) << first.error.message.toStdString();
    EXPECT_EQ(first.appended, batch.size());
    EXPECT_EQ(first.duplicates, 0);
    EXPECT_EQ(first.incidents.size(), 8);
    const qint64 rows = eventRows(h.database());
    QList<Incident> projections;
    for (const QString &id : ids)
        projections << *h.projected(id);

    const AppendResult again = h.store().append(batch);
    ASSERT_FALSE(again.error.isError()) << again.error.message.toStdString();
    EXPECT_EQ(again.appended, 0);
    EXPECT_EQ(again.duplicates, batch.size());
    EXPECT_EQ(eventRows(h.database()), rows);
    for (int n = 0; n < ids.size(); ++n)
        EXPECT_EQ(*h.projected(ids.at(n)), projections.at(n));

    // Half old, half new: only the new half counts.
    QList<Event> mixed = batch.mid(0, 5);
    const QString extraId = createUuidV7(T0 + 100, rng(), rng());
    const QList<Event> extra = randomHistory(rng, extraId);
    mixed << extra;
    const AppendResult third = h.store().append(mixed);
    EXPECT_EQ(third.appended, extra.size());
    EXPECT_EQ(third.duplicates, 5);

    AuditVerifier verifier(h.database().connection(), h.path());
    EXPECT_TRUE(verifier.verify().intact());
}

TEST(EventStore, DuplicatesDoNotConsumeIncidentNumbers)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    QList<Event> batch;
    for (int n = 0; n < 3; ++n) {
        const qint64 at = T0 - Hour + n * Minute;
        batch << makeEvent(A::Open, createUuidV7(at, 1, quint64(n)), HlcTimestamp { at, 0, QStringLiteral("remote") }, at,
                           openPayload(QStringLiteral("Imported %1").arg(n)));
    }
    ASSERT_EQ(h.store().append(batch).appended, 3);
    ASSERT_EQ(h.store().append(batch).duplicates, 3); // a sync retried
    QStringList numbers;
    for (const Event &e : batch)
        numbers << h.projected(e.incidentId)->number;
    EXPECT_EQ(numbers, (QStringList { QStringLiteral("INC0000001"), QStringLiteral("INC0000002"), QStringLiteral("INC0000003") }));
    EXPECT_EQ(h.openIncident(), QStringLiteral("INC0000004"));
}

TEST(EventStore, AnEventTheDatabaseCannotHoldIsAnErrorNotADuplicate)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    Event e = makeEvent(A::Open, createUuidV7(T0), HlcTimestamp { T0, 0, QStringLiteral("remote") }, T0, openPayload());
    e.actor = QString(); // a malformed import: no actor at all
    const AppendResult r = h.store().append({ e });
    EXPECT_EQ(r.duplicates, 0) << "the event was dropped silently as a duplicate";
    EXPECT_TRUE(r.error.isError() || r.appended == 1);
    EXPECT_EQ(eventRows(h.database()), r.appended);
}

TEST(EventStore, ALateEventWithAnOlderHlcTriggersARefoldEqualToTheFullFold)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString id = createUuidV7(T0);
    auto at = [](int minutes) { return T0 + minutes * Minute; };
    auto hlc = [](qint64 ms, const char *node) { return HlcTimestamp { ms, 0, QString::fromLatin1(node) }; };
    const Event open = makeEvent(A::Open, id, hlc(at(0), "site-a"), at(0), openPayload());
    const Event ack = makeEvent(A::Acknowledge, id, hlc(at(1), "site-a"), at(1));
    const Event resolve = makeEvent(A::Resolve, id, hlc(at(10), "site-a"), at(10), code("fixed"));
    // Site B was offline: it put the incident on hold before site A resolved it.
    const Event hold = makeEvent(A::Hold, id, hlc(at(5), "site-b"), at(5), { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_caller") } });

    ASSERT_FALSE(h.store().append({ open, ack, resolve }).error.isError());
    const Incident beforeMerge = *h.projected(id);
    EXPECT_EQ(beforeMerge.state, IncidentState::Resolved);

    const AppendResult merged = h.store().append({ hold });
    ASSERT_FALSE(merged.error.isError()) << merged.error.message.toStdString();
    const Incident after = *h.projected(id);
    EXPECT_EQ(after, foldEvents(h.storedEvents(id)));
    EXPECT_EQ(merged.incidents.value(0), after);
    EXPECT_EQ(after.state, IncidentState::Resolved); // the hold came first, the resolve still applies
    EXPECT_EQ(after.eventCount, 4);
    EXPECT_TRUE(after.flaggedEventIds.isEmpty());
    EXPECT_EQ(after.lastHlc, resolve.hlc);

    // A late close that is earlier than the resolution is flagged by the refold.
    const Event earlyClose = makeEvent(A::Close, id, hlc(at(7), "site-c"), at(7));
    ASSERT_FALSE(h.store().append({ earlyClose }).error.isError());
    const Incident flagged = *h.projected(id);
    EXPECT_EQ(flagged, foldEvents(h.storedEvents(id)));
    EXPECT_EQ(flagged.flaggedEventIds, QStringList { earlyClose.id });
    EXPECT_EQ(flagged.state, IncidentState::Resolved);
}

TEST(EventStore, AnyArrivalOrderOfRandomHistoriesProjectsTheirFold)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    std::mt19937_64 rng(4242);
    QStringList ids;
    QList<Event> all;
    for (int n = 0; n < 30; ++n) {
        ids << createUuidV7(T0 + n, rng(), rng());
        all << randomHistory(rng, ids.last());
    }
    std::shuffle(all.begin(), all.end(), rng);
    // Deliver in random batches, as syncs from several replicas would.
    for (qsizetype start = 0; start < all.size();) {
        const qsizetype size = std::min<qsizetype>(all.size() - start, 1 + qsizetype(rng() % 25));
        const AppendResult r = h.store().append(all.mid(start, size));
        ASSERT_FALSE(r.error.isError()) << r.error.message.toStdString();
        ASSERT_EQ(r.appended, size);
        start += size;
    }
    for (const QString &id : std::as_const(ids)) {
        const QList<Event> stored = h.storedEvents(id);
        const auto projected = h.projected(id);
        ASSERT_TRUE(projected.has_value()) << id.toStdString();
        EXPECT_EQ(*projected, foldEvents(stored)) << id.toStdString();
        EXPECT_FALSE(projected->number.isEmpty());
    }
    AuditVerifier verifier(h.database().connection(), h.path());
    const AuditReport report = verifier.verify();
    EXPECT_TRUE(report.intact()) << report.firstBrokenReason.toStdString();
    EXPECT_EQ(report.eventsChecked, all.size());
}

TEST(EventStore, LocalEventsOrderAfterRemoteEventsItHasSeen)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();
    const QString id = h.projected(number)->id;
    // A peer whose clock runs ten minutes ahead commented.
    const Event remote = makeEvent(A::Comment, id, HlcTimestamp { T0 + 10 * Minute, 3, QStringLiteral("peer") }, T0,
                                   { { QStringLiteral("text"), QStringLiteral("seen from the peer") } });
    ASSERT_EQ(h.store().append({ remote }).appended, 1);
    h.clock().advanceMs(1000);
    const CommandResult ack = h.run(A::Acknowledge, number);
    ASSERT_TRUE(ack.ok()) << ack.error.toStdString();
    EXPECT_LT(remote.hlc, ack.event.hlc);
    EXPECT_EQ(*h.projected(id), foldEvents(h.storedEvents(id)));
    EXPECT_EQ(h.projected(id)->state, IncidentState::InProgress);
}

TEST(EventStore, TwoStoresOnOneFileKeepOneChainAndUniqueNumbers)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    // A second writer on its own connection (nocturnectl while the console runs), on
    // the same machine and so the same clock.
    FakeClock &otherClock = h.clock();
    Database other;
    DatabaseOptions options;
    options.busyTimeoutMs = 2000;
    ASSERT_FALSE(other.open(h.path(), options).isError());
    {
        EventStore second(other, otherClock);
        ASSERT_FALSE(second.initialise().isError());

        std::mt19937_64 rng(1);
        QStringList numbers;
        for (int i = 0; i < 60; ++i) {
            const bool useFirst = rng() % 2;
            h.clock().advanceMs(qint64(rng() % 500));
            otherClock.advanceMs(qint64(rng() % 500));
            IncidentCommand command;
            command.actor = useFirst ? QStringLiteral("console") : QStringLiteral("cli");
            if (numbers.isEmpty() || rng() % 3 == 0) {
                command.action = A::Open;
                command.payload = openPayload(QStringLiteral("Incident %1").arg(i));
                command.payload.remove(QStringLiteral("priority"));
            } else {
                command.incident = numbers.at(qsizetype(rng() % numbers.size()));
                command.action = A::Comment;
                command.payload = { { QStringLiteral("text"), QStringLiteral("comment %1").arg(i) } };
            }
            const CommandResult r = useFirst ? h.store().execute(command) : second.execute(command);
            ASSERT_TRUE(r.ok()) << r.error.toStdString();
            if (command.action == A::Open)
                numbers << r.incident.number;
        }
        QStringList expected;
        for (int n = 1; n <= numbers.size(); ++n)
            expected << QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0'));
        EXPECT_EQ(numbers, expected);

        for (const QString &number : std::as_const(numbers)) {
            const Incident i = *h.projected(number);
            EXPECT_EQ(i, foldEvents(h.storedEvents(i.id)));
            EXPECT_TRUE(i.flaggedEventIds.isEmpty());
        }
    }
    AuditVerifier verifier(h.database().connection(), h.path());
    const AuditReport report = verifier.verify();
    EXPECT_TRUE(report.intact()) << report.firstBrokenReason.toStdString() << " at seq " << report.firstBrokenSeq;
    EXPECT_EQ(report.eventsChecked, 60);
}


TEST(EventStore, TheSameIdWithOtherContentIsRefusedNotCountedAsDuplicate)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    std::mt19937_64 rng(7);
    const QList<Event> history = randomHistory(rng, createUuidV7(T0, rng(), rng()));
    ASSERT_FALSE(h.store().append(history).error.isError());
    const qint64 rows = eventRows(h.database());

    Event forged = history.last();
    forged.actor = QStringLiteral("mallory");
    const AppendResult result = h.store().append({ forged });
    EXPECT_EQ(result.error.kind, DatabaseError::Kind::InvalidData);
    EXPECT_TRUE(result.error.message.contains(forged.id)) << result.error.message.toStdString();
    EXPECT_EQ(result.duplicates, 0);
    EXPECT_EQ(eventRows(h.database()), rows);
}

TEST(EventStore, EventsTheLogCannotRepresentAreRefusedWholeBatch)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    std::mt19937_64 rng(8);
    QList<Event> batch = randomHistory(rng, createUuidV7(T0, rng(), rng()));
    Event bad = batch.last();
    bad.id = createUuidV7(T0 + 5, rng(), rng());
    bad.hlc.wallMs = -5; // would print as garbage in the fixed-width HLC text
    batch << bad;
    const AppendResult result = h.store().append(batch);
    EXPECT_EQ(result.error.kind, DatabaseError::Kind::InvalidData);
    EXPECT_EQ(eventRows(h.database()), 0) << "nothing of a rejected batch is written";

    bad.hlc.wallMs = T0;
    bad.actor.clear();
    EXPECT_EQ(h.store().append({ bad }).error.kind, DatabaseError::Kind::InvalidData);
}

} // namespace
} // namespace nocturne::core::test
