#include "testsupport.h"

#include "core/domain/incidentfold.h"
#include "core/domain/labels.h"
#include "core/domain/lifecycle.h"

#include <gtest/gtest.h>

#include <map>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;
using S = IncidentState;

constexpr A AllActions[] = { A::Open,    A::Acknowledge, A::Assign, A::Prioritize, A::Hold,
                             A::Resume,  A::Resolve,     A::Close,  A::Reopen,     A::Cancel,
                             A::Comment, A::Update,      A::Escalate, A::AttachAlert, A::LinkProblem };

// Reaches `state` the way operators do, through the fold of real events.
Incident incidentIn(S state)
{
    const QString id = QStringLiteral("0190a0b0-0000-7000-8000-000000000001");
    qint64 t = T0;
    QList<Event> events;
    auto add = [&](A action, QJsonObject payload = {}) {
        t += Minute;
        events << makeEvent(action, id, HlcTimestamp { t, 0, QStringLiteral("n1") }, t, payload);
    };
    QJsonObject open = openPayload();
    open.insert(QStringLiteral("number"), QStringLiteral("INC0000042"));
    add(A::Open, open);
    switch (state) {
    case S::New: break;
    case S::InProgress: add(A::Acknowledge); break;
    case S::OnHold:
        add(A::Acknowledge);
        add(A::Hold, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } });
        break;
    case S::Resolved:
        add(A::Acknowledge);
        add(A::Resolve, { { QStringLiteral("code"), QStringLiteral("fixed") } });
        break;
    case S::Closed:
        add(A::Acknowledge);
        add(A::Resolve, { { QStringLiteral("code"), QStringLiteral("fixed") } });
        add(A::Close);
        break;
    case S::Cancelled: add(A::Cancel, { { QStringLiteral("reason"), QStringLiteral("duplicate") } }); break;
    }
    return foldEvents(events);
}

// The whole lifecycle in one table: true where the action is allowed.
// New -> In Progress -> On Hold -> In Progress -> Resolved -> Closed; Cancelled from any
// open state; Reopened from Resolved; comments are always possible.
const std::map<S, std::map<A, bool>> &expectedTable()
{
    static const std::map<S, std::map<A, bool>> table = {
        { S::New,
          { { A::Open, false }, { A::Acknowledge, true }, { A::Assign, true }, { A::Prioritize, true },
            { A::Hold, false }, { A::Resume, false }, { A::Resolve, true }, { A::Close, false },
            { A::Reopen, false }, { A::Cancel, true }, { A::Comment, true }, { A::Update, true },
            { A::Escalate, true }, { A::AttachAlert, true }, { A::LinkProblem, true } } },
        { S::InProgress,
          { { A::Open, false }, { A::Acknowledge, false }, { A::Assign, true }, { A::Prioritize, true },
            { A::Hold, true }, { A::Resume, false }, { A::Resolve, true }, { A::Close, false },
            { A::Reopen, false }, { A::Cancel, true }, { A::Comment, true }, { A::Update, true },
            { A::Escalate, true }, { A::AttachAlert, true }, { A::LinkProblem, true } } },
        { S::OnHold,
          { { A::Open, false }, { A::Acknowledge, false }, { A::Assign, true }, { A::Prioritize, true },
            { A::Hold, false }, { A::Resume, true }, { A::Resolve, true }, { A::Close, false },
            { A::Reopen, false }, { A::Cancel, true }, { A::Comment, true }, { A::Update, true },
            { A::Escalate, true }, { A::AttachAlert, true }, { A::LinkProblem, true } } },
        { S::Resolved,
          { { A::Open, false }, { A::Acknowledge, false }, { A::Assign, false }, { A::Prioritize, false },
            { A::Hold, false }, { A::Resume, false }, { A::Resolve, false }, { A::Close, true },
            { A::Reopen, true }, { A::Cancel, false }, { A::Comment, true }, { A::Update, false },
            { A::Escalate, false }, { A::AttachAlert, false }, { A::LinkProblem, false } } },
        { S::Closed,
          { { A::Open, false }, { A::Acknowledge, false }, { A::Assign, false }, { A::Prioritize, false },
            { A::Hold, false }, { A::Resume, false }, { A::Resolve, false }, { A::Close, false },
            { A::Reopen, false }, { A::Cancel, false }, { A::Comment, true }, { A::Update, false },
            { A::Escalate, false }, { A::AttachAlert, false }, { A::LinkProblem, false } } },
        { S::Cancelled,
          { { A::Open, false }, { A::Acknowledge, false }, { A::Assign, false }, { A::Prioritize, false },
            { A::Hold, false }, { A::Resume, false }, { A::Resolve, false }, { A::Close, false },
            { A::Reopen, false }, { A::Cancel, false }, { A::Comment, true }, { A::Update, false },
            { A::Escalate, false }, { A::AttachAlert, false }, { A::LinkProblem, false } } },
    };
    return table;
}

TEST(Lifecycle, TableCoversEveryStateAndEveryAction)
{
    EXPECT_EQ(expectedTable().size(), 6u);
    for (const auto &[state, row] : expectedTable())
        EXPECT_EQ(row.size(), std::size(AllActions)) << toName(state).toStdString();
}

TEST(Lifecycle, EveryStateAllowsExactlyTheActionsOfTheTable)
{
    for (const auto &[state, row] : expectedTable()) {
        const Incident incident = incidentIn(state);
        ASSERT_EQ(incident.state, state);
        ASSERT_TRUE(incident.flaggedEventIds.isEmpty());
        for (A action : AllActions) {
            const QString refusal = refusalReason(incident, action);
            EXPECT_EQ(refusal.isEmpty(), row.at(action))
                << stateLabel(state).toStdString() << " x " << actionLabel(action).toStdString() << ": "
                << refusal.toStdString();
        }
    }
}

TEST(Lifecycle, RefusalsNameTheStateTheActionAndTheIncident)
{
    for (const auto &[state, row] : expectedTable()) {
        const Incident incident = incidentIn(state);
        for (A action : AllActions) {
            if (row.at(action))
                continue;
            const QString refusal = refusalReason(incident, action);
            SCOPED_TRACE(refusal.toStdString());
            EXPECT_TRUE(refusal.contains(stateLabel(state))) << "state missing";
            EXPECT_TRUE(refusal.contains(actionLabel(action))) << "action missing";
            EXPECT_TRUE(refusal.contains(QStringLiteral("INC0000042"))) << "number missing";
        }
    }
}

TEST(Lifecycle, AcknowledgingTwiceSaysItWasAlreadyAcknowledged)
{
    const QString refusal = refusalReason(incidentIn(S::OnHold), A::Acknowledge);
    EXPECT_TRUE(refusal.contains(QStringLiteral("already acknowledged"))) << refusal.toStdString();
    EXPECT_TRUE(refusal.contains(stateLabel(S::OnHold))) << refusal.toStdString();
}

TEST(Lifecycle, AnIncidentNeverOpenedAllowsOnlyOpening)
{
    Incident unopened;
    unopened.id = QStringLiteral("0190a0b0-0000-7000-8000-000000000002");
    EXPECT_TRUE(refusalReason(unopened, A::Open).isEmpty());
    for (A action : AllActions) {
        if (action == A::Open)
            continue;
        const QString refusal = refusalReason(unopened, action);
        EXPECT_TRUE(refusal.contains(QStringLiteral("never opened"))) << refusal.toStdString();
        EXPECT_TRUE(refusal.contains(actionLabel(action))) << refusal.toStdString();
    }
}

TEST(Lifecycle, AnUnknownStateChangeIsRefusedInEveryState)
{
    for (const auto &[state, row] : expectedTable()) {
        const Incident incident = incidentIn(state);
        const Event bogus = makeEvent(A::Invalid, incident.id, HlcTimestamp { T0 + Hour, 0, QStringLiteral("n1") }, T0 + Hour);
        EXPECT_EQ(actionOf(bogus), A::Invalid);
        const QString refusal = refusalReason(incident, actionOf(bogus));
        EXPECT_FALSE(refusal.isEmpty());
        EXPECT_TRUE(refusal.contains(stateLabel(state))) << refusal.toStdString();
        EXPECT_FALSE(payloadError(bogus).isEmpty());
    }
}

TEST(Lifecycle, StateChangedEventsMapToHoldResumeAndCancel)
{
    const HlcTimestamp ts { T0, 0, QStringLiteral("n1") };
    EXPECT_EQ(actionOf(makeEvent(A::Hold, {}, ts, T0)), A::Hold);
    EXPECT_EQ(actionOf(makeEvent(A::Resume, {}, ts, T0)), A::Resume);
    EXPECT_EQ(actionOf(makeEvent(A::Cancel, {}, ts, T0)), A::Cancel);
    for (A action : AllActions)
        EXPECT_EQ(actionOf(makeEvent(action, {}, ts, T0)), action) << actionLabel(action).toStdString();
}

// Payload checks: each action's required fields, valid and invalid.
struct PayloadCase
{
    const char *name;
    A action;
    QJsonObject payload;
    bool valid;
};

class LifecyclePayload : public ::testing::TestWithParam<PayloadCase>
{
};

TEST_P(LifecyclePayload, IsCheckedIndependentlyOfTheState)
{
    const PayloadCase &c = GetParam();
    const Event e = makeEvent(c.action, QStringLiteral("x"), HlcTimestamp { T0, 0, QStringLiteral("n1") }, T0, c.payload);
    const QString error = payloadError(e);
    EXPECT_EQ(error.isEmpty(), c.valid) << error.toStdString();
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

INSTANTIATE_TEST_SUITE_P(
    Actions, LifecyclePayload,
    ::testing::Values(
        PayloadCase { "OpenWithTitleAndLevels", A::Open, openPayload(), true },
        PayloadCase { "OpenWithoutTitle", A::Open, without(openPayload(), QStringLiteral("title")), false },
        PayloadCase { "OpenWithBlankTitle", A::Open, with(openPayload(), QStringLiteral("title"), QStringLiteral("   ")), false },
        PayloadCase { "OpenWithImpactZero", A::Open, with(openPayload(), QStringLiteral("impact"), 0), false },
        PayloadCase { "OpenWithUrgencyFour", A::Open, with(openPayload(), QStringLiteral("urgency"), 4), false },
        PayloadCase { "OpenWithoutUrgency", A::Open, without(openPayload(), QStringLiteral("urgency")), false },
        PayloadCase { "HoldWithReason", A::Hold, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } }, true },
        PayloadCase { "HoldWithoutReason", A::Hold, {}, false },
        PayloadCase { "HoldWithEmptyReason", A::Hold, { { QStringLiteral("hold_reason"), QString() } }, false },
        PayloadCase { "HoldWithUnknownReason", A::Hold, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_godot") } }, false },
        PayloadCase { "ResolveWithCode", A::Resolve, { { QStringLiteral("code"), QStringLiteral("fixed") } }, true },
        PayloadCase { "ResolveWithoutCode", A::Resolve, { { QStringLiteral("notes"), QStringLiteral("done") } }, false },
        PayloadCase { "ResolveWithBlankCode", A::Resolve, { { QStringLiteral("code"), QStringLiteral(" ") } }, false },
        PayloadCase { "AssignToGroup", A::Assign, { { QStringLiteral("group"), QStringLiteral("Payments") } }, true },
        PayloadCase { "AssignToPerson", A::Assign, { { QStringLiteral("assignee"), QStringLiteral("ben") } }, true },
        PayloadCase { "AssignToNobody", A::Assign, {}, false },
        PayloadCase { "PrioritizeValid", A::Prioritize, { { QStringLiteral("impact"), 1 }, { QStringLiteral("urgency"), 3 } }, true },
        PayloadCase { "PrioritizeImpactFour", A::Prioritize, { { QStringLiteral("impact"), 4 }, { QStringLiteral("urgency"), 1 } }, false },
        PayloadCase { "PrioritizeWithoutUrgency", A::Prioritize, { { QStringLiteral("impact"), 2 } }, false },
        PayloadCase { "CommentWithText", A::Comment, { { QStringLiteral("text"), QStringLiteral("Called the vendor") } }, true },
        PayloadCase { "CommentBlank", A::Comment, { { QStringLiteral("text"), QStringLiteral("  ") } }, false },
        PayloadCase { "AcknowledgeNeedsNothing", A::Acknowledge, {}, true },
        PayloadCase { "ResumeNeedsNothing", A::Resume, {}, true },
        PayloadCase { "CloseNeedsNothing", A::Close, {}, true },
        PayloadCase { "UnknownStateChange", A::Invalid, {}, false }),
    [](const ::testing::TestParamInfo<PayloadCase> &info) { return std::string(info.param.name); });

} // namespace
} // namespace nocturne::core::test
