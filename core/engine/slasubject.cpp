#include "slasubject.h"

#include "../domain/incidentfold.h"
#include "../domain/lifecycle.h"

#include <algorithm>
#include <optional>

namespace nocturne::core {

namespace {

// The clock-moving meaning of an accepted event, if it has one.
std::optional<SlaTransition::Kind> transitionKindOf(IncidentAction action)
{
    using K = SlaTransition::Kind;
    switch (action) {
    case IncidentAction::Acknowledge: return K::Acknowledged;
    case IncidentAction::Hold: return K::Hold;
    case IncidentAction::Resume: return K::Resume;
    case IncidentAction::Resolve: return K::Resolved;
    case IncidentAction::Reopen: return K::Reopened;
    case IncidentAction::Cancel: return K::Cancelled;
    case IncidentAction::Close: return K::Closed;
    default: return std::nullopt;
    }
}

} // namespace

SlaSubject slaSubjectFromEvents(const QList<Event> &events)
{
    QList<Event> ordered = events;
    std::sort(ordered.begin(), ordered.end(), foldsBefore);

    SlaSubject subject;
    Incident incident;
    for (const Event &e : std::as_const(ordered)) {
        // A flagged event (invalid after a merge put it in order) stays in the history but
        // must not move a clock, exactly as it changes nothing in the incident.
        if (!applyEvent(incident, e))
            continue;
        const QString rule = e.payload.value(QStringLiteral("rule")).toString();
        if (!rule.isEmpty() && e.actor == QLatin1StringView("system"))
            subject.firedRules.insert(rule);
        const auto kind = transitionKindOf(actionOf(e));
        if (!kind)
            continue;
        SlaTransition t;
        t.kind = *kind;
        t.at = e.occurredAt;
        // The fold fell back to a default reason for a hold without one; use the same.
        if (t.kind == SlaTransition::Kind::Hold)
            t.reason = incident.holdReason;
        subject.transitions << t;
    }

    subject.incidentId = incident.id;
    subject.number = incident.number;
    subject.priority = incident.priority;
    subject.impact = incident.impact;
    subject.urgency = incident.urgency;
    subject.service = incident.service;
    subject.domain = incident.domain;
    subject.site = incident.site;
    subject.category = incident.category;
    subject.assignmentGroup = incident.assignmentGroup;
    subject.state = incident.state;
    subject.openedAt = incident.openedAt;
    subject.eventCount = incident.eventCount;
    return subject;
}

} // namespace nocturne::core
