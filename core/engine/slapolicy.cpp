#include "slapolicy.h"

namespace nocturne::core {

QString toName(SlaKind kind)
{
    switch (kind) {
    case SlaKind::Response: return QStringLiteral("response");
    case SlaKind::Resolution: return QStringLiteral("resolution");
    }
    return {};
}

std::optional<SlaKind> slaKindFromName(QStringView name)
{
    if (name == QLatin1StringView("response"))
        return SlaKind::Response;
    if (name == QLatin1StringView("resolution"))
        return SlaKind::Resolution;
    return std::nullopt;
}

QString toName(ThresholdAction action)
{
    switch (action) {
    case ThresholdAction::Notify: return QStringLiteral("notify");
    case ThresholdAction::Escalate: return QStringLiteral("escalate");
    case ThresholdAction::RaisePriority: return QStringLiteral("raise_priority");
    }
    return {};
}

std::optional<ThresholdAction> thresholdActionFromName(QStringView name)
{
    if (name == QLatin1StringView("notify"))
        return ThresholdAction::Notify;
    if (name == QLatin1StringView("escalate"))
        return ThresholdAction::Escalate;
    if (name == QLatin1StringView("raise_priority"))
        return ThresholdAction::RaisePriority;
    return std::nullopt;
}

QList<SlaThreshold> defaultThresholds()
{
    QList<SlaThreshold> thresholds;
    for (int percent : { 50, 75, 90, 100 }) {
        SlaThreshold t;
        t.percent = percent;
        t.action = ThresholdAction::Notify;
        thresholds << t;
    }
    return thresholds;
}

QSet<HoldReason> defaultPausingReasons()
{
    // Waiting on a problem record is the service desk's own work, so it keeps counting.
    return { HoldReason::AwaitingCaller, HoldReason::AwaitingVendor, HoldReason::AwaitingChange };
}

bool SlaPolicy::matches(int priority, const QString &service, Domain domain, const QString &site) const
{
    return (priorities.isEmpty() || priorities.contains(priority))
        && (services.isEmpty() || services.contains(service))
        && (domains.isEmpty() || domains.contains(domain))
        && (sites.isEmpty() || sites.contains(site));
}

} // namespace nocturne::core
