#pragma once

#include "slapolicy.h"

#include <QList>
#include <QString>

namespace nocturne::core {

// Who an escalation level pages.
enum class EscalationTargetKind { Group, User, Schedule };
QString toName(EscalationTargetKind kind); // "group", "user", "schedule"
std::optional<EscalationTargetKind> escalationTargetKindFromName(QStringView name);

struct EscalationLevel
{
    qint64 delayMs = 0; // after the trigger (not after the previous level)
    EscalationTargetKind targetKind = EscalationTargetKind::Group;
    QString target; // group name, user name or on-call schedule id
    friend bool operator==(const EscalationLevel &, const EscalationLevel &) = default;
};

// What starts an escalation: an incident nobody acknowledged for N minutes, or an SLA
// threshold crossing (a policy's threshold with action Escalate names this policy).
enum class EscalationTrigger { Unacknowledged, SlaThreshold };

// An escalation policy: levels fire at trigger + delay; after the last level the whole
// sequence repeats `repeat` more times, each round `repeatIntervalMs` after the previous.
// It stops as soon as the condition that started it ends (acknowledged, resolved).
struct EscalationPolicy
{
    QString id;
    QString name;
    int version = 1;
    EscalationTrigger trigger = EscalationTrigger::Unacknowledged;
    qint64 unacknowledgedMs = 0; // for Unacknowledged
    // Selectors for Unacknowledged triggers; an empty list matches everything.
    QList<int> priorities;
    QStringList services;
    QList<Domain> domains;
    QList<EscalationLevel> levels;
    int repeat = 0;
    qint64 repeatIntervalMs = 0;

    bool matches(int priority, const QString &service, Domain domain) const;
    friend bool operator==(const EscalationPolicy &, const EscalationPolicy &) = default;
};

// One planned firing of an escalation, with the key that makes it idempotent: the same
// incident, policy, trigger, cycle, round and level always give the same rule key (and the
// same event id), so a restart or a second process cannot page twice.
struct PlannedEscalation
{
    QString ruleKey; // e.g. "esc/noc-default/unack/c1/r0/l1"
    QString policyId;
    QString triggerDescription; // machine form: "unacknowledged 15m", "resolution 90%"
    int level = 1; // 1-based
    int round = 0; // 0 = first pass, 1.. = repeats
    qint64 dueAt = 0; // UTC ms
    EscalationLevel target;
    friend bool operator==(const PlannedEscalation &, const PlannedEscalation &) = default;
};

// The firings of one policy started at `triggeredAt`, in time order. `cycleKey`
// distinguishes triggers of the same policy (a response and a resolution threshold,
// a second resolution cycle after a reopen).
// Rule keys read "esc/<policy id>/<cycleKey>/r<round>/l<level>". A repeating policy with
// repeatIntervalMs == 0 starts each round after the last level's delay plus the smallest
// positive gap between level delays (30 minutes for a single level). triggerDescription is
// "unacknowledged <N>m" or "sla_threshold" (the caller knows which clock and percent).
QList<PlannedEscalation> planEscalation(const EscalationPolicy &policy, qint64 triggeredAt,
                                        const QString &cycleKey);

} // namespace nocturne::core
