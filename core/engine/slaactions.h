#pragma once

#include "slaclock.h"
#include "slaconfiguration.h"
#include "slasubject.h"

#include "../domain/command.h"

#include <QList>
#include <QSet>

namespace nocturne::core {

// Decides the automatic actions of one incident from its evaluated clocks: priority raises
// and escalation levels started by SLA thresholds, and escalations of incidents nobody
// acknowledged in time. Each action carries a rule key naming its policy, trigger, cycle,
// round and level; keys already in the history or pending are skipped, which is what makes
// the actions idempotent. Actions are dated when they were due, not when they were noticed;
// after an offline period only those due within the last 24 hours are caught up.
class SlaActionPlanner final
{
public:
    SlaActionPlanner(const SlaConfiguration &configuration, const SlaPolicy &policy, const SlaSubject &subject,
                     const QList<SlaClockStatus> &clocks);

    struct Plan
    {
        QList<IncidentCommand> due; // due at or before `now`, oldest first
        qint64 nextAt = 0; // the next escalation level still to come; 0 for none
    };
    Plan plan(qint64 now, const QSet<QString> &pending) const;

private:
    void planThresholds(qint64 now, const QSet<QString> &pending, Plan *plan) const;
    void planUnacknowledged(qint64 now, const QSet<QString> &pending, Plan *plan) const;
    void consider(const IncidentCommand &command, qint64 now, const QSet<QString> &pending, Plan *plan) const;
    IncidentCommand escalation(const EscalationPolicy &policy, const PlannedEscalation &planned,
                               const QString &reason) const;
    qint64 acknowledgementEndedAt() const;

    const SlaConfiguration &m_configuration;
    const SlaPolicy &m_policy;
    const SlaSubject &m_subject;
    const QList<SlaClockStatus> &m_clocks;
};

} // namespace nocturne::core
