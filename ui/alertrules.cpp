#include "alertrules.h"

namespace nocturne::ui {

using Kind = core::SlaAlert::Kind;

bool QuietHours::contains(QTime localTime) const
{
    if (!enabled || start == end)
        return false;
    if (start < end)
        return localTime >= start && localTime < end;
    return localTime >= start || localTime < end; // across midnight
}

bool AlertRules::showsBanner(const core::SlaAlert &alert)
{
    return alert.kind != Kind::Threshold || alert.priority <= 2;
}

bool AlertRules::neverSilenced(const core::SlaAlert &alert)
{
    return alert.priority <= 1 || alert.kind == Kind::Breach;
}

bool AlertRules::isSilenced(const core::SlaAlert &alert, const QuietHours &quiet, QTime localNow)
{
    if (neverSilenced(alert))
        return false;
    return alert.kind == Kind::Threshold && alert.priority >= 3 && quiet.contains(localNow);
}

bool AlertRules::isStale(const core::SlaAlert &alert, qint64 nowMs)
{
    return alert.at > 0 && nowMs - alert.at > StaleAfterMs;
}

QString AlertRules::describe(const core::SlaAlert &alert)
{
    const QString clock = alert.clock == core::SlaKind::Response ? tr("response") : tr("resolution");
    switch (alert.kind) {
    case Kind::Breach: return tr("%1 breached its %2 target (P%3)").arg(alert.number, clock).arg(alert.priority);
    case Kind::Threshold:
        return tr("%1 has used %2 % of its %3 target (P%4)")
            .arg(alert.number)
            .arg(alert.percent)
            .arg(clock)
            .arg(alert.priority);
    case Kind::Escalation:
        if (alert.detail.isEmpty())
            return tr("%1 was escalated (P%2)").arg(alert.number).arg(alert.priority);
        return tr("%1 was escalated (P%2): %3").arg(alert.number).arg(alert.priority).arg(alert.detail);
    }
    return {};
}

int AlertRules::severity(const core::SlaAlert &alert)
{
    switch (alert.kind) {
    case Kind::Breach: return 3;
    case Kind::Escalation: return 2;
    case Kind::Threshold: return 1;
    }
    return 0;
}

} // namespace nocturne::ui
