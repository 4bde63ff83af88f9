#pragma once

#include "slaconfiguration.h"
#include "slaengine.h"
#include "slasubject.h"

#include <QHash>
#include <QString>

namespace nocturne::core {

// What the SLA clocks made of one incident, as cached in sla_outcomes for the KPIs.
// Codes: 1 met, 0 breached, -1 not decided (running, cancelled, no policy).
struct SlaOutcome
{
    QString policy; // id of the policy that applied; empty: none
    int response = -1;
    int resolution = -1; // 1 every decided cycle met, 0 any breached
    qint64 responseBusinessMs = -1; // opened → first acknowledgement, policy calendar; -1 never
    qint64 resolutionBusinessMs = -1; // opened → resolved; -1 not resolved
    friend bool operator==(const SlaOutcome &, const SlaOutcome &) = default;
};

// Turns subjects into outcomes with the policy matching, calendars and site zones of the
// SLA engine itself (it holds one), so a KPI never disagrees with the SLA column.
// A resolved, closed or cancelled incident is evaluated at its last transition, so its
// outcome does not depend on when it is computed; an open one at `now`, where a clock
// already past its deadline counts as breached and a running one as not decided.
class SlaOutcomeCalculator final
{
    Q_DISABLE_COPY_MOVE(SlaOutcomeCalculator)
public:
    SlaOutcomeCalculator(const SlaConfiguration &configuration, const QHash<QString, QString> &siteZones);
    SlaOutcome outcomeOf(const SlaSubject &subject, qint64 now) const;

private:
    SlaEngine m_engine;
};

} // namespace nocturne::core
