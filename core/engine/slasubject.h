#pragma once

#include "../domain/event.h"
#include "../domain/incident.h"
#include "../domain/vocabulary.h"

#include <QList>
#include <QSet>
#include <QString>

namespace nocturne::core {

// A moment in an incident's life that moves an SLA clock, in fold order.
struct SlaTransition
{
    enum class Kind { Acknowledged, Hold, Resume, Resolved, Reopened, Cancelled, Closed };
    Kind kind = Kind::Acknowledged;
    qint64 at = 0; // occurred_at, UTC ms
    HoldReason reason = HoldReason::None; // for Hold
    friend bool operator==(const SlaTransition &, const SlaTransition &) = default;
};

// Everything the SLA engine needs to know about one incident, derived from its events:
// the attributes policies select on, the clock-moving transitions, and the rule keys of
// automatic actions already recorded (so they are never recorded twice). Small enough to
// keep 100k of them in memory.
struct SlaSubject
{
    QString incidentId;
    QString number;
    int priority = 5;
    int impact = 3; // raising the priority raises these (the matrix derives the priority)
    int urgency = 3;
    QString service;
    Domain domain = Domain::It;
    QString site;
    QString category;
    QString assignmentGroup;
    IncidentState state = IncidentState::New;
    qint64 openedAt = 0;
    QList<SlaTransition> transitions; // in fold order; a backdated one is clamped by the clocks
    QSet<QString> firedRules; // "rule" of escalated/prioritized events by the engine
    int eventCount = 0; // of the incident when this was derived; only grows

    bool isOpen() const { return nocturne::core::isOpen(state); }
};

// Derives the subject from an incident's events, folding them in HLC order and keeping
// only the transitions the fold accepted (a flagged event moves no clock).
SlaSubject slaSubjectFromEvents(const QList<Event> &events);

} // namespace nocturne::core
