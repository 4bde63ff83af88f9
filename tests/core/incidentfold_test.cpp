#include "testsupport.h"

#include "core/domain/incidentfold.h"
#include "core/domain/uuid7.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

const QString IncidentId = QStringLiteral("0190a0b0-0000-7000-8000-00000000000a");

class History
{
public:
    // Adds an event `minutes` after the start, recorded (HLC) at the same moment.
    Event &add(A action, qint64 minutes, QJsonObject payload = {})
    {
        const qint64 at = T0 + minutes * Minute;
        events << makeEvent(action, IncidentId, HlcTimestamp { at, 0, QStringLiteral("n1") }, at, payload);
        return events.last();
    }
    QList<Event> events;
};

QJsonObject typicalOpen()
{
    QJsonObject p = openPayload(QStringLiteral("Sorter 3 jammed at DC1"), 1, 2);
    p.insert(QStringLiteral("number"), QStringLiteral("INC0000007"));
    p.insert(QStringLiteral("assignment_group"), QStringLiteral("Warehouse Ops"));
    p.insert(QStringLiteral("reporter"), QStringLiteral("alertmanager"));
    p.insert(QStringLiteral("started_at"), T0 - 9 * Minute);
    p.insert(QStringLiteral("detected_at"), T0 - 2 * Minute);
    p.insert(QStringLiteral("tags"), QJsonArray { QStringLiteral("sorter"), QStringLiteral("dc1") });
    return p;
}

TEST(IncidentFold, TypicalHistoryGivesTheExpectedIncident)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    h.add(A::Assign, 3, { { QStringLiteral("assignee"), QStringLiteral("ana") } }); // first owner: no reassignment
    h.add(A::Acknowledge, 4);
    h.add(A::Escalate, 20, { { QStringLiteral("level"), 1 } });
    h.add(A::Assign, 30, { { QStringLiteral("group"), QStringLiteral("Automation Vendor") }, { QStringLiteral("assignee"), QStringLiteral("ben") } });
    h.add(A::Hold, 40, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } });
    h.add(A::Comment, 50, { { QStringLiteral("text"), QStringLiteral("Vendor on site at 14:00") } });
    h.add(A::Resume, 90);
    h.add(A::Update, 95, { { QStringLiteral("workaround"), QStringLiteral("Route parcels to sorter 2") } });
    h.add(A::Resolve, 120, { { QStringLiteral("code"), QStringLiteral("hardware_replaced") }, { QStringLiteral("notes"), QStringLiteral("Belt motor replaced") } });
    h.add(A::Reopen, 180, { { QStringLiteral("reason"), QStringLiteral("Jammed again") } });
    h.add(A::Resolve, 240, { { QStringLiteral("code"), QStringLiteral("fixed") }, { QStringLiteral("notes"), QStringLiteral("Guide rail aligned") } });
    const Event &close = h.add(A::Close, 300);

    const Incident i = foldEvents(h.events);
    EXPECT_EQ(i.id, IncidentId);
    EXPECT_EQ(i.number, QStringLiteral("INC0000007"));
    EXPECT_EQ(i.title, QStringLiteral("Sorter 3 jammed at DC1"));
    EXPECT_EQ(i.domain, Domain::Warehouse);
    EXPECT_EQ(i.channel, Channel::Monitoring);
    EXPECT_EQ(i.impact, 1);
    EXPECT_EQ(i.urgency, 2);
    EXPECT_EQ(i.priority, 2);
    EXPECT_EQ(i.state, IncidentState::Closed);
    EXPECT_EQ(i.holdReason, HoldReason::None);
    EXPECT_EQ(i.assignmentGroup, QStringLiteral("Automation Vendor"));
    EXPECT_EQ(i.assignee, QStringLiteral("ben"));
    EXPECT_EQ(i.reporter, QStringLiteral("alertmanager"));
    EXPECT_EQ(i.startedAt, T0 - 9 * Minute);
    EXPECT_EQ(i.detectedAt, T0 - 2 * Minute);
    EXPECT_EQ(i.openedAt, T0);
    EXPECT_EQ(i.acknowledgedAt, T0 + 4 * Minute);
    EXPECT_EQ(i.resolvedAt, T0 + 240 * Minute); // the last resolution counts after a reopen
    EXPECT_EQ(i.closedAt, T0 + 300 * Minute);
    EXPECT_EQ(i.updatedAt, T0 + 300 * Minute);
    EXPECT_EQ(i.resolutionCode, QStringLiteral("fixed"));
    EXPECT_EQ(i.resolutionNotes, QStringLiteral("Guide rail aligned"));
    EXPECT_EQ(i.workaround, QStringLiteral("Route parcels to sorter 2"));
    EXPECT_EQ(i.tags, (QStringList { QStringLiteral("sorter"), QStringLiteral("dc1") }));
    EXPECT_EQ(i.reassignmentCount, 1);
    EXPECT_EQ(i.reopenCount, 1);
    EXPECT_EQ(i.escalationCount, 1);
    EXPECT_TRUE(i.flaggedEventIds.isEmpty()) << i.flaggedEventIds.join(QLatin1Char(',')).toStdString();
    EXPECT_EQ(i.eventCount, 13);
    EXPECT_EQ(i.lastHlc, close.hlc);
    EXPECT_FALSE(i.isOpen());
}

TEST(IncidentFold, IntermediateStatesFollowTheHistory)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    h.add(A::Acknowledge, 5);
    h.add(A::Hold, 10, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_change") } });
    Incident i = foldEvents(h.events);
    EXPECT_EQ(i.state, IncidentState::OnHold);
    EXPECT_EQ(i.holdReason, HoldReason::AwaitingChange);
    EXPECT_TRUE(i.isOpen());

    h.add(A::Resolve, 20, { { QStringLiteral("code"), QStringLiteral("fixed") } });
    i = foldEvents(h.events);
    EXPECT_EQ(i.state, IncidentState::Resolved);
    EXPECT_EQ(i.holdReason, HoldReason::None);
    EXPECT_EQ(i.resolvedAt, T0 + 20 * Minute);

    h.add(A::Reopen, 30);
    i = foldEvents(h.events);
    EXPECT_EQ(i.state, IncidentState::InProgress);
    EXPECT_EQ(i.resolvedAt, 0);
    EXPECT_TRUE(i.resolutionCode.isEmpty());
    EXPECT_EQ(i.reopenCount, 1);
}

TEST(IncidentFold, CancellingSetsTheClosedTime)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    h.add(A::Cancel, 7, { { QStringLiteral("reason"), QStringLiteral("duplicate") } });
    const Incident i = foldEvents(h.events);
    EXPECT_EQ(i.state, IncidentState::Cancelled);
    EXPECT_EQ(i.closedAt, T0 + 7 * Minute);
    EXPECT_EQ(i.resolvedAt, 0);
}

TEST(IncidentFold, ReassignmentCountsOnlyMovesOfWorkAlreadyOwned)
{
    History h;
    QJsonObject open = typicalOpen();
    open.remove(QStringLiteral("assignment_group"));
    h.add(A::Open, 0, open);
    h.add(A::Assign, 1, { { QStringLiteral("group"), QStringLiteral("Warehouse Ops") } }); // first owner
    h.add(A::Assign, 2, { { QStringLiteral("assignee"), QStringLiteral("ana") } }); // picked up in the group
    EXPECT_EQ(foldEvents(h.events).reassignmentCount, 0);
    h.add(A::Assign, 3, { { QStringLiteral("assignee"), QStringLiteral("ben") } }); // another person
    EXPECT_EQ(foldEvents(h.events).reassignmentCount, 1);
    h.add(A::Assign, 4, { { QStringLiteral("group"), QStringLiteral("Payments") } }); // another group
    EXPECT_EQ(foldEvents(h.events).reassignmentCount, 2);
    h.add(A::Assign, 5, { { QStringLiteral("group"), QStringLiteral("Payments") }, { QStringLiteral("assignee"), QStringLiteral("ben") } });
    EXPECT_EQ(foldEvents(h.events).reassignmentCount, 2); // no move
}

TEST(IncidentFold, AnEventInvalidAtItsPositionIsFlaggedAndChangesNothingElse)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    h.add(A::Acknowledge, 5);
    const Incident before = foldEvents(h.events);

    struct Case
    {
        A action;
        QJsonObject payload;
    };
    const Case invalid[] = {
        { A::Close, {} }, // not resolved
        { A::Reopen, {} }, // not resolved
        { A::Resume, {} }, // not on hold
        { A::Acknowledge, {} }, // already acknowledged
        { A::Open, typicalOpen() }, // already open
        { A::Hold, {} }, // no reason
        { A::Resolve, {} }, // no code
        { A::Invalid, {} }, // unknown transition
    };
    for (const Case &c : invalid) {
        History bad = h;
        const Event &e = bad.add(c.action, 10, c.payload);
        Incident after = foldEvents(bad.events);
        SCOPED_TRACE(actionLabel(c.action).toStdString());
        EXPECT_EQ(after.flaggedEventIds, QStringList { e.id });
        EXPECT_EQ(after.eventCount, before.eventCount + 1);
        EXPECT_EQ(after.lastHlc, e.hlc);
        // Apart from the bookkeeping, nothing moved: not even the update time.
        after.flaggedEventIds.clear();
        after.eventCount = before.eventCount;
        after.lastHlc = before.lastHlc;
        EXPECT_EQ(after, before);
    }
}

TEST(IncidentFold, ApplyEventReportsWhetherTheEventWasFlagged)
{
    History h;
    const Event open = h.add(A::Open, 0, typicalOpen());
    const Event close = h.add(A::Close, 1);
    Incident i;
    EXPECT_TRUE(applyEvent(i, open));
    EXPECT_FALSE(applyEvent(i, close));
    EXPECT_EQ(i.state, IncidentState::New);
}

TEST(IncidentFold, EventsBeforeTheOpenAreFlaggedWhereverTheyArrive)
{
    History h;
    h.add(A::Comment, -1, { { QStringLiteral("text"), QStringLiteral("heard about it on the phone") } });
    h.add(A::Open, 0, typicalOpen());
    const Incident i = foldEvents(h.events);
    EXPECT_EQ(i.flaggedEventIds.size(), 1);
    EXPECT_EQ(i.state, IncidentState::New);
    std::reverse(h.events.begin(), h.events.end());
    EXPECT_EQ(foldEvents(h.events), i);
}

TEST(IncidentFold, ConcurrentEditsResolveLastWriterWinsByHlc)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    // Two nodes assign in the same millisecond; the node id breaks the tie.
    Event a = makeEvent(A::Assign, IncidentId, HlcTimestamp { T0 + Minute, 0, QStringLiteral("node-a") }, T0 + Minute,
                        { { QStringLiteral("assignee"), QStringLiteral("ana") } });
    Event b = makeEvent(A::Assign, IncidentId, HlcTimestamp { T0 + Minute, 0, QStringLiteral("node-b") }, T0 + Minute,
                        { { QStringLiteral("assignee"), QStringLiteral("ben") } });
    EXPECT_EQ(foldEvents(h.events + QList<Event> { a, b }).assignee, QStringLiteral("ben"));
    EXPECT_EQ(foldEvents(h.events + QList<Event> { b, a }).assignee, QStringLiteral("ben"));
}

TEST(IncidentFold, ConcurrentResolveAndHoldKeepTheFirstAndFlagTheOther)
{
    History h;
    h.add(A::Open, 0, typicalOpen());
    h.add(A::Acknowledge, 1);
    // Offline, one site resolves while another puts it on hold a moment later.
    Event resolve = makeEvent(A::Resolve, IncidentId, HlcTimestamp { T0 + 5 * Minute, 0, QStringLiteral("node-a") },
                              T0 + 5 * Minute, { { QStringLiteral("code"), QStringLiteral("fixed") } });
    Event hold = makeEvent(A::Hold, IncidentId, HlcTimestamp { T0 + 5 * Minute, 3, QStringLiteral("node-b") },
                           T0 + 5 * Minute, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_caller") } });
    const Incident i = foldEvents(h.events + QList<Event> { hold, resolve });
    EXPECT_EQ(i.state, IncidentState::Resolved);
    EXPECT_EQ(i.flaggedEventIds, QStringList { hold.id });
}

// The property the whole merge design rests on: every node, whatever order it received
// the events in, folds them to the same incident.
TEST(IncidentFold, RandomMultiNodeHistoriesFoldToTheSameIncidentInAnyOrder)
{
    std::mt19937_64 rng(20240611);
    int flaggedHistories = 0, concurrentOpens = 0, totalEvents = 0;
    for (int history = 0; history < 200; ++history) {
        const QString id = createUuidV7(T0, rng(), rng());
        const QList<Event> events = randomHistory(rng, id);
        totalEvents += int(events.size());
        const Incident reference = foldEvents(events);
        ASSERT_EQ(reference.eventCount, events.size());
        ASSERT_EQ(reference.id, id);
        if (!reference.flaggedEventIds.isEmpty())
            ++flaggedHistories;
        if (std::count_if(events.begin(), events.end(), [](const Event &e) { return e.kind == EventKind::Opened; }) > 1)
            ++concurrentOpens;

        QList<Event> shuffled = events;
        for (int permutation = 0; permutation < 20; ++permutation) {
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            const Incident folded = foldEvents(shuffled);
            ASSERT_EQ(folded, reference) << "history " << history << ", permutation " << permutation;
        }

        // Applying the sorted events one by one is the same fold.
        QList<Event> sorted = events;
        std::sort(sorted.begin(), sorted.end(), foldsBefore);
        Incident incremental;
        for (const Event &e : std::as_const(sorted))
            applyEvent(incremental, e);
        ASSERT_EQ(incremental, reference) << "history " << history;
    }
    // The generator must really produce conflicts, or the property proves little.
    EXPECT_GT(flaggedHistories, 40);
    EXPECT_GT(concurrentOpens, 10);
    EXPECT_GT(totalEvents, 200 * 10);
}

TEST(IncidentFold, RandomHistoriesReachEveryState)
{
    std::mt19937_64 rng(7);
    QSet<int> states;
    for (int history = 0; history < 200; ++history)
        states.insert(int(foldEvents(randomHistory(rng, QStringLiteral("x"))).state));
    EXPECT_EQ(states.size(), 6);
}

} // namespace
} // namespace nocturne::core::test
