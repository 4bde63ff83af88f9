#include "serverpolicy.h"

#include "../domain/clock.h"
#include "../domain/uuid7.h"

#include <QCoreApplication>

namespace nocturne::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("ServerPolicy", text); }

EventOutcome refused(const Event &event, const char *code, const QString &reason)
{
    EventOutcome outcome;
    outcome.eventId = event.id;
    outcome.status = EventOutcome::Status::Rejected;
    outcome.code = QString::fromLatin1(code);
    outcome.reason = reason;
    return outcome;
}

} // namespace

std::optional<EventOutcome> refusalOf(const Event &event, const Principal &by, const QString &serverNode,
                                      const StoredFacts &facts)
{
    if (!facts.storedContentHash.isEmpty()) {
        if (facts.storedContentHash != event.computeContentHash())
            return refused(event, "conflict",
                           tr("Event %1 is already stored with different content").arg(event.id));
        return std::nullopt; // a retry: a duplicate, whoever sends it
    }
    if (event.originNode == serverNode)
        return refused(event, "forbidden", tr("Event %1 claims to come from the server itself").arg(event.id));
    if (event.actor != by.user && event.actor != QLatin1StringView("system") && !canWriteForOthers(by.role))
        return refused(event, "forbidden",
                       tr("%1 (%2) may not record events in the name of %3 (event %4)")
                           .arg(by.user, toName(by.role), event.actor, event.id));
    if (event.kind == EventKind::Updated && event.payload.contains(QStringLiteral("number")))
        return refused(event, "forbidden",
                       tr("Only the server gives incident numbers (event %1 sets one)").arg(event.id));
    if (event.kind != EventKind::Opened && !facts.incidentKnown)
        return refused(event, "unknown_incident",
                       tr("Event %1 is for incident %2, which the server does not know").arg(event.id, event.incidentId));
    return std::nullopt;
}

Event numberEventFor(const Event &opened, const QString &number, const QString &serverNode,
                     HybridLogicalClock &hlc, const Clock &clock)
{
    hlc.observe(opened.hlc);
    Event numbered;
    numbered.id = createUuidV7(clock.nowMs());
    numbered.incidentId = opened.incidentId;
    numbered.kind = EventKind::Updated;
    numbered.payload = QJsonObject { { QStringLiteral("number"), number } };
    numbered.actor = QStringLiteral("system");
    numbered.originNode = serverNode;
    numbered.hlc = hlc.now();
    numbered.occurredAt = opened.occurredAt;
    return numbered;
}

} // namespace nocturne::core
