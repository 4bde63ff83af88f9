#include "slaactions.h"

#include <algorithm>

namespace nocturne::core {

namespace {

// After a long offline period, actions older than this are not recorded any more: paging
// someone about a day-old trigger helps nobody, and a backlog of them would hold up the
// store's writer. The clocks still show every breach.
constexpr qint64 CatchUpHorizonMs = 24LL * 60 * 60 * 1000;

// The reasons and targets written here go into escalation and priority events, which the
// server, every replica and the audit trail keep: they are English, not translated, whatever
// language the console that planned them shows.

QString cycleName(const SlaClockStatus &clock)
{
    return clock.kind == SlaKind::Response ? QStringLiteral("response")
                                           : QStringLiteral("resolution%1").arg(clock.cycle);
}

QString clockLabel(SlaKind kind) { return kind == SlaKind::Response ? QStringLiteral("response") : QStringLiteral("resolution"); }

QString thresholdReason(const SlaClockStatus &clock, const SlaThreshold &threshold, const QString &policyName)
{
    return QStringLiteral("%1 SLA reached %2 % (policy %3)")
        .arg(clockLabel(clock.kind))
        .arg(threshold.percent)
        .arg(policyName);
}

} // namespace

SlaActionPlanner::SlaActionPlanner(const SlaConfiguration &configuration, const SlaPolicy &policy,
                                   const SlaSubject &subject, const QList<SlaClockStatus> &clocks)
    : m_configuration(configuration)
    , m_policy(policy)
    , m_subject(subject)
    , m_clocks(clocks)
{
}

SlaActionPlanner::Plan SlaActionPlanner::plan(qint64 now, const QSet<QString> &pending, bool buildCommands) const
{
    m_build = buildCommands;
    Plan plan;
    // Escalating or re-prioritising a resolved, closed or cancelled incident helps nobody
    // (and the lifecycle refuses it).
    if (!m_subject.isOpen())
        return plan;
    planThresholds(now, pending, &plan);
    planUnacknowledged(now, pending, &plan);
    const auto dueAt = [](const IncidentCommand &c) { return c.payload.value(QStringLiteral("due_at")).toInteger(); };
    std::stable_sort(plan.due.begin(), plan.due.end(),
                     [&](const IncidentCommand &a, const IncidentCommand &b) { return dueAt(a) < dueAt(b); });
    return plan;
}

bool SlaActionPlanner::consider(const QString &rule, qint64 dueAt, qint64 now, const QSet<QString> &pending,
                                Plan *plan) const
{
    if (dueAt < now - CatchUpHorizonMs || m_subject.firedRules.contains(rule) || pending.contains(rule))
        return false;
    if (dueAt <= now) {
        plan->anyDue = true;
        return m_build;
    }
    if (plan->nextAt == 0 || dueAt < plan->nextAt)
        plan->nextAt = dueAt;
    return false;
}

// The last instant any level of a policy started at `triggeredAt` can fall due (generous:
// it only decides whether planning the levels is worth it).
qint64 SlaActionPlanner::latestDue(const EscalationPolicy &policy, qint64 triggeredAt)
{
    qint64 longestDelay = 0;
    for (const EscalationLevel &level : policy.levels)
        longestDelay = std::max(longestDelay, level.delayMs);
    const qint64 round = std::max(policy.repeatIntervalMs, 2 * longestDelay + 30 * 60 * 1000);
    return triggeredAt + longestDelay + qint64(policy.repeat) * round;
}

void SlaActionPlanner::planThresholds(qint64 now, const QSet<QString> &pending, Plan *plan) const
{
    for (const SlaClockStatus &clock : m_clocks) {
        // A stopped clock (acknowledged, met, resolved) has nothing left to escalate, and
        // levels missed while no engine ran are not sent after the fact.
        if (clock.stoppedAt != 0)
            continue;
        for (int i = 0; i < clock.thresholdCount && i < m_policy.thresholds.size(); ++i) {
            const SlaThreshold &threshold = m_policy.thresholds.at(i);
            const qint64 reachedAt = clock.thresholdAt[size_t(i)];
            // Future crossings wake the engine through the clock's own schedule.
            if (threshold.action == ThresholdAction::Notify || reachedAt == 0 || reachedAt > now)
                continue;
            if (threshold.action == ThresholdAction::RaisePriority) {
                planRaise(clock, threshold, reachedAt, now, pending, plan);
                continue;
            }
            const EscalationPolicy *policy = m_configuration.escalation(threshold.escalationPolicy);
            if (!policy || latestDue(*policy, reachedAt) < now - CatchUpHorizonMs)
                continue;
            const QString cycleKey = QStringLiteral("%1-%2").arg(cycleName(clock)).arg(threshold.percent);
            for (const PlannedEscalation &planned : planEscalation(*policy, reachedAt, cycleKey)) {
                if (consider(planned.ruleKey, planned.dueAt, now, pending, plan)) {
                    const QString reason = thresholdReason(clock, threshold, m_policy.name);
                    plan->due << escalation(*policy, planned, reason, now);
                }
            }
        }
    }
}

void SlaActionPlanner::planRaise(const SlaClockStatus &clock, const SlaThreshold &threshold, qint64 reachedAt,
                                 qint64 now, const QSet<QString> &pending, Plan *plan) const
{
    if (m_subject.urgency <= 1 && m_subject.impact <= 1)
        return; // already as high as the matrix goes
    // One automatic raise per clock cycle, whatever the policy: the raised priority selects
    // a stricter policy whose thresholds are already behind it, and raising again for
    // those would cascade straight to P1.
    const QString rule = QStringLiteral("sla/raise/%1").arg(cycleName(clock));
    if (!consider(rule, reachedAt, now, pending, plan))
        return;
    IncidentCommand raise;
    raise.action = IncidentAction::Prioritize;
    raise.incident = m_subject.incidentId;
    raise.actor = QStringLiteral("system");
    raise.occurredAt = now;
    // The matrix derives the priority from impact and urgency: raise urgency first (the
    // business need got more urgent), then impact.
    if (m_subject.urgency > 1)
        raise.payload.insert(QStringLiteral("urgency"), m_subject.urgency - 1);
    else
        raise.payload.insert(QStringLiteral("impact"), m_subject.impact - 1);
    raise.payload.insert(QStringLiteral("rule"), rule);
    raise.payload.insert(QStringLiteral("due_at"), reachedAt);
    raise.payload.insert(QStringLiteral("reason"), thresholdReason(clock, threshold, m_policy.name));
    plan->due << raise;
}

bool SlaActionPlanner::isAcknowledged() const
{
    for (const SlaTransition &t : m_subject.transitions) {
        if (t.kind == SlaTransition::Kind::Acknowledged || t.kind == SlaTransition::Kind::Resolved
            || t.kind == SlaTransition::Kind::Cancelled)
            return true;
    }
    return false;
}

void SlaActionPlanner::planUnacknowledged(qint64 now, const QSet<QString> &pending, Plan *plan) const
{
    // Once someone acknowledged, nobody needs paging — also not for levels that fell due
    // while no engine ran.
    if (isAcknowledged())
        return;
    for (const EscalationPolicy &policy : m_configuration.escalations) {
        if (policy.trigger != EscalationTrigger::Unacknowledged
            || !policy.matches(m_subject.priority, m_subject.service, m_subject.domain))
            continue;
        const qint64 triggeredAt = m_subject.openedAt + policy.unacknowledgedMs;
        if (latestDue(policy, triggeredAt) < now - CatchUpHorizonMs)
            continue;
        if (triggeredAt > now) { // wakes the engine at the trigger
            consider(QString(), triggeredAt, now, pending, plan);
            continue;
        }
        for (const PlannedEscalation &planned : planEscalation(policy, triggeredAt, QStringLiteral("unack"))) {
            if (consider(planned.ruleKey, planned.dueAt, now, pending, plan)) {
                const QString reason = QStringLiteral("not acknowledged within %1 min").arg(policy.unacknowledgedMs / 60000);
                plan->due << escalation(policy, planned, reason, now);
            }
        }
    }
}

IncidentCommand SlaActionPlanner::escalation(const EscalationPolicy &policy, const PlannedEscalation &planned,
                                             const QString &reason, qint64 now) const
{
    IncidentCommand command;
    command.action = IncidentAction::Escalate;
    command.incident = m_subject.incidentId;
    command.actor = QStringLiteral("system");
    // Dated when it is sent, and paging whoever is on call then: after an offline period
    // that is later than it was due (`due_at` keeps when that was).
    command.occurredAt = now;
    QJsonObject &p = command.payload;
    p.insert(QStringLiteral("rule"), planned.ruleKey);
    p.insert(QStringLiteral("due_at"), planned.dueAt);
    p.insert(QStringLiteral("policy"), policy.id);
    p.insert(QStringLiteral("level"), planned.level);
    p.insert(QStringLiteral("round"), planned.round);
    p.insert(QStringLiteral("trigger"), planned.triggerDescription);
    p.insert(QStringLiteral("target_type"), toName(planned.target.targetKind));
    QString target = planned.target.target;
    if (planned.target.targetKind == EscalationTargetKind::Schedule) {
        p.insert(QStringLiteral("schedule"), planned.target.target);
        const OnCallSchedule *schedule = m_configuration.schedule(planned.target.target);
        const auto onCall = schedule ? whoIsOnCall(*schedule, now) : std::nullopt;
        if (onCall) {
            p.insert(QStringLiteral("on_call"), onCall->user);
            target = QStringLiteral("%1 (on call, %2)").arg(onCall->user, schedule->name);
        } else {
            target = QStringLiteral("%1 (nobody on call)").arg(schedule ? schedule->name : planned.target.target);
        }
    }
    p.insert(QStringLiteral("target"), target);
    const QString round = planned.round > 0 ? QStringLiteral(", repeat %1").arg(planned.round) : QString();
    p.insert(QStringLiteral("reason"),
             QStringLiteral("%1: %2%3 — rule %4").arg(policy.name, reason, round, planned.ruleKey));
    return command;
}

} // namespace nocturne::core
