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
// the actions idempotent. After an offline period, actions whose condition still holds and
// that fell due within the last 24 hours are sent once, dated when sent (`due_at` in the
// payload says when they were due).
class SlaActionPlanner final
{
public:
    SlaActionPlanner(const SlaConfiguration &configuration, const SlaPolicy &policy, const SlaSubject &subject,
                     const QList<SlaClockStatus> &clocks);

    struct Plan
    {
        QList<IncidentCommand> due; // due at or before `now`, oldest first
        bool anyDue = false; // also set when the commands were not asked for
        qint64 nextAt = 0; // the next escalation level still to come; 0 for none
    };
    // With `buildCommands` false (a full evaluation only schedules) nothing is built: the
    // plan only says whether anything is due.
    Plan plan(qint64 now, const QSet<QString> &pending, bool buildCommands = true) const;

private:
    void planThresholds(qint64 now, const QSet<QString> &pending, Plan *plan) const;
    void planRaise(const SlaClockStatus &clock, const SlaThreshold &threshold, qint64 reachedAt, qint64 now,
                   const QSet<QString> &pending, Plan *plan) const;
    void planUnacknowledged(qint64 now, const QSet<QString> &pending, Plan *plan) const;
    // True when the action with this rule key is due now and still to be sent; a future one
    // only moves the plan's next instant. Checked before any command is built: the full
    // evaluation plans every open incident.
    bool consider(const QString &rule, qint64 dueAt, qint64 now, const QSet<QString> &pending, Plan *plan) const;
    static qint64 latestDue(const EscalationPolicy &policy, qint64 triggeredAt);
    IncidentCommand escalation(const EscalationPolicy &policy, const PlannedEscalation &planned,
                               const QString &reason, qint64 now) const;
    bool isAcknowledged() const;

    const SlaConfiguration &m_configuration;
    const SlaPolicy &m_policy;
    const SlaSubject &m_subject;
    const QList<SlaClockStatus> &m_clocks;
    mutable bool m_build = true;
};

} // namespace nocturne::core
