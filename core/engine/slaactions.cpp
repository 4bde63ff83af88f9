#include "slaactions.h"

#include <QCoreApplication>

#include <algorithm>

namespace nocturne::core {

namespace {

// After a long offline period, actions older than this are not recorded any more: paging
// someone about a day-old trigger helps nobody, and a backlog of them would hold up the
// store's writer. The clocks still show every breach.
constexpr qint64 CatchUpHorizonMs = 24LL * 60 * 60 * 1000;

QString tr(const char *text) { return QCoreApplication::translate("SlaActions", text); }

QString cycleName(const SlaClockStatus &clock)
{
    return clock.kind == SlaKind::Response ? QStringLiteral("response")
                                           : QStringLiteral("resolution%1").arg(clock.cycle);
}

QString clockLabel(SlaKind kind) { return kind == SlaKind::Response ? tr("response") : tr("resolution"); }

} // namespace

SlaActionPlanner::SlaActionPlanner(const SlaConfiguration &configuration, const SlaPolicy &policy,
                                   const SlaSubject &subject, const QList<SlaClockStatus> &clocks)
    : m_configuration(configuration)
    , m_policy(policy)
    , m_subject(subject)
    , m_clocks(clocks)
{
}

SlaActionPlanner::Plan SlaActionPlanner::plan(qint64 now, const QSet<QString> &pending) const
{
    Plan plan;
    // Escalating or re-prioritising a resolved, closed or cancelled incident helps nobody
    // (and the lifecycle refuses it).
    if (!m_subject.isOpen())
        return plan;
    planThresholds(now, pending, &plan);
    planUnacknowledged(now, pending, &plan);
    std::stable_sort(plan.due.begin(), plan.due.end(),
                     [](const IncidentCommand &a, const IncidentCommand &b) { return a.occurredAt < b.occurredAt; });
    return plan;
}

void SlaActionPlanner::consider(const IncidentCommand &command, qint64 now, const QSet<QString> &pending,
                                Plan *plan) const
{
    const QString rule = command.payload.value(QStringLiteral("rule")).toString();
    if (m_subject.firedRules.contains(rule) || pending.contains(rule))
        return;
    if (command.occurredAt < now - CatchUpHorizonMs)
        return;
    if (command.occurredAt <= now)
        plan->due << command;
    else if (plan->nextAt == 0 || command.occurredAt < plan->nextAt)
        plan->nextAt = command.occurredAt;
}

void SlaActionPlanner::planThresholds(qint64 now, const QSet<QString> &pending, Plan *plan) const
{
    for (const SlaClockStatus &clock : m_clocks) {
        for (int i = 0; i < clock.thresholdCount && i < m_policy.thresholds.size(); ++i) {
            const SlaThreshold &threshold = m_policy.thresholds.at(i);
            const qint64 reachedAt = clock.thresholdAt[size_t(i)];
            // Future crossings wake the engine through the clock's own schedule.
            if (threshold.action == ThresholdAction::Notify || reachedAt == 0 || reachedAt > now)
                continue;
            const QString trigger = QStringLiteral("%1 %2%").arg(cycleName(clock)).arg(threshold.percent);
            const QString reason = tr("%1 SLA reached %2 % (policy %3)")
                                       .arg(clockLabel(clock.kind))
                                       .arg(threshold.percent)
                                       .arg(m_policy.name);
            if (threshold.action == ThresholdAction::RaisePriority) {
                if (m_subject.urgency <= 1 && m_subject.impact <= 1)
                    continue; // already as high as the matrix goes
                IncidentCommand raise;
                raise.action = IncidentAction::Prioritize;
                raise.incident = m_subject.incidentId;
                raise.actor = QStringLiteral("system");
                raise.occurredAt = reachedAt;
                // The matrix derives the priority from impact and urgency: raise urgency
                // first (the business need got more urgent), then impact.
                if (m_subject.urgency > 1)
                    raise.payload.insert(QStringLiteral("urgency"), m_subject.urgency - 1);
                else
                    raise.payload.insert(QStringLiteral("impact"), m_subject.impact - 1);
                raise.payload.insert(QStringLiteral("rule"),
                                     QStringLiteral("sla/%1/%2/raise").arg(m_policy.id, trigger));
                raise.payload.insert(QStringLiteral("reason"), reason);
                consider(raise, now, pending, plan);
                continue;
            }
            const EscalationPolicy *policy = m_configuration.escalation(threshold.escalationPolicy);
            if (!policy)
                continue;
            const QString cycleKey = QStringLiteral("%1-%2").arg(cycleName(clock)).arg(threshold.percent);
            for (const PlannedEscalation &planned : planEscalation(*policy, reachedAt, cycleKey)) {
                // The clock stopped (met, resolved, acknowledged): later levels are moot.
                if (clock.stoppedAt != 0 && planned.dueAt > clock.stoppedAt)
                    continue;
                consider(escalation(*policy, planned, reason), now, pending, plan);
            }
        }
    }
}

qint64 SlaActionPlanner::acknowledgementEndedAt() const
{
    for (const SlaTransition &t : m_subject.transitions) {
        if (t.kind == SlaTransition::Kind::Acknowledged || t.kind == SlaTransition::Kind::Resolved
            || t.kind == SlaTransition::Kind::Cancelled)
            return t.at;
    }
    return 0;
}

void SlaActionPlanner::planUnacknowledged(qint64 now, const QSet<QString> &pending, Plan *plan) const
{
    const qint64 endedAt = acknowledgementEndedAt();
    for (const EscalationPolicy &policy : m_configuration.escalations) {
        if (policy.trigger != EscalationTrigger::Unacknowledged
            || !policy.matches(m_subject.priority, m_subject.service, m_subject.domain))
            continue;
        const qint64 triggeredAt = m_subject.openedAt + policy.unacknowledgedMs;
        if (endedAt != 0 && endedAt <= triggeredAt)
            continue;
        const QString reason = tr("not acknowledged within %1 min").arg(policy.unacknowledgedMs / 60000);
        for (const PlannedEscalation &planned : planEscalation(policy, triggeredAt, QStringLiteral("unack"))) {
            if (endedAt != 0 && planned.dueAt > endedAt)
                continue;
            consider(escalation(policy, planned, reason), now, pending, plan);
        }
    }
}

IncidentCommand SlaActionPlanner::escalation(const EscalationPolicy &policy, const PlannedEscalation &planned,
                                             const QString &reason) const
{
    IncidentCommand command;
    command.action = IncidentAction::Escalate;
    command.incident = m_subject.incidentId;
    command.actor = QStringLiteral("system");
    command.occurredAt = planned.dueAt;
    QJsonObject &p = command.payload;
    p.insert(QStringLiteral("rule"), planned.ruleKey);
    p.insert(QStringLiteral("policy"), policy.id);
    p.insert(QStringLiteral("level"), planned.level);
    p.insert(QStringLiteral("round"), planned.round);
    p.insert(QStringLiteral("trigger"), planned.triggerDescription);
    p.insert(QStringLiteral("target_type"), toName(planned.target.targetKind));
    QString target = planned.target.target;
    if (planned.target.targetKind == EscalationTargetKind::Schedule) {
        p.insert(QStringLiteral("schedule"), planned.target.target);
        const OnCallSchedule *schedule = m_configuration.schedule(planned.target.target);
        const auto onCall = schedule ? whoIsOnCall(*schedule, planned.dueAt) : std::nullopt;
        if (onCall) {
            p.insert(QStringLiteral("on_call"), onCall->user);
            target = tr("%1 (on call, %2)").arg(onCall->user, schedule->name);
        } else {
            target = tr("%1 (nobody on call)").arg(schedule ? schedule->name : planned.target.target);
        }
    }
    p.insert(QStringLiteral("target"), target);
    const QString round = planned.round > 0 ? tr(", repeat %1").arg(planned.round) : QString();
    p.insert(QStringLiteral("reason"),
             tr("%1: %2%3 — rule %4").arg(policy.name, reason, round, planned.ruleKey));
    return command;
}

} // namespace nocturne::core
