#pragma once

#include "kpifacts.h"
#include "kpiquery.h"
#include "kpireport.h"
#include "kpitargets.h"

#include <QStringList>

namespace nocturne::core {

// The one implementation of every KPI (docs/kpi.md): the console's dashboard, the CLI and
// the server all call these. Pure functions over loaded facts; `now` bounds open stretches
// (backlog, outages still running) so a period reaching into the future is not counted.
KpiReport computeKpis(const KpiFacts &facts, const KpiQuery &query, const KpiTargets &targets, qint64 now);

// The incident ids behind one number of computeKpis() for the same query: the incidents
// the mean, ratio, count, outage or Pareto bar was computed over, oldest first.
QStringList incidentsBehind(const KpiFacts &facts, const KpiQuery &query, const KpiSelection &selection,
                            qint64 now);

} // namespace nocturne::core
