#include "escalationpolicy.h"

#include <algorithm>

namespace nocturne::core {

namespace {

constexpr qint64 DefaultRoundGapMs = 30 * 60'000;

// How far apart rounds start when the policy repeats without saying how often: the
// last level's delay plus one more step of the level spacing (the smallest positive gap
// between consecutive delays), or plus 30 minutes for a single level. Round r+1 then
// looks like round r continued by one level.
qint64 roundInterval(const EscalationPolicy &policy)
{
    if (policy.repeatIntervalMs > 0)
        return policy.repeatIntervalMs;
    QList<qint64> delays;
    for (const EscalationLevel &level : policy.levels)
        delays.append(level.delayMs);
    std::sort(delays.begin(), delays.end());
    qint64 gap = 0;
    for (qsizetype i = 1; i < delays.size(); ++i) {
        const qint64 step = delays.at(i) - delays.at(i - 1);
        if (step > 0 && (gap == 0 || step < gap))
            gap = step;
    }
    return delays.last() + (gap > 0 ? gap : DefaultRoundGapMs);
}

QString triggerDescription(const EscalationPolicy &policy)
{
    if (policy.trigger == EscalationTrigger::Unacknowledged)
        return QStringLiteral("unacknowledged %1m").arg(policy.unacknowledgedMs / 60'000);
    return QStringLiteral("sla_threshold");
}

} // namespace

QString toName(EscalationTargetKind kind)
{
    switch (kind) {
    case EscalationTargetKind::Group:
        return QStringLiteral("group");
    case EscalationTargetKind::User:
        return QStringLiteral("user");
    case EscalationTargetKind::Schedule:
        return QStringLiteral("schedule");
    }
    return {};
}

std::optional<EscalationTargetKind> escalationTargetKindFromName(QStringView name)
{
    for (auto kind : { EscalationTargetKind::Group, EscalationTargetKind::User,
             EscalationTargetKind::Schedule }) {
        if (name == toName(kind))
            return kind;
    }
    return std::nullopt;
}

bool EscalationPolicy::matches(int priority, const QString &service, Domain domain) const
{
    return (priorities.isEmpty() || priorities.contains(priority))
        && (services.isEmpty() || services.contains(service))
        && (domains.isEmpty() || domains.contains(domain));
}

QList<PlannedEscalation> planEscalation(
    const EscalationPolicy &policy, qint64 triggeredAt, const QString &cycleKey)
{
    QList<PlannedEscalation> plan;
    if (policy.levels.isEmpty())
        return plan;
    const qint64 interval = policy.repeat > 0 ? roundInterval(policy) : 0;
    const QString description = triggerDescription(policy);
    for (int round = 0; round <= policy.repeat; ++round) {
        for (qsizetype i = 0; i < policy.levels.size(); ++i) {
            PlannedEscalation firing;
            firing.level = int(i) + 1;
            firing.round = round;
            firing.ruleKey = QStringLiteral("esc/%1/%2/r%3/l%4")
                                 .arg(policy.id, cycleKey)
                                 .arg(round)
                                 .arg(firing.level);
            firing.policyId = policy.id;
            firing.triggerDescription = description;
            firing.dueAt = triggeredAt + round * interval + policy.levels.at(i).delayMs;
            firing.target = policy.levels.at(i);
            plan.append(firing);
        }
    }
    std::stable_sort(plan.begin(), plan.end(),
        [](const PlannedEscalation &a, const PlannedEscalation &b) { return a.dueAt < b.dueAt; });
    return plan;
}

} // namespace nocturne::core
