#pragma once

#include "reportdocument.h"

#include "../engine/kpireport.h"

#include <QString>

namespace nocturne::core {

// The KPI report (docs/reports.md): one computed KpiReport laid out for people — the
// period, filters, time zone and definitions first (a number without its definition is
// not reproducible), then the tiles against their targets, the weekly series, SLA
// compliance by priority, availability against targets and the Pareto of categories and
// CIs. Pure formatting: the numbers are exactly the report's.
ReportDocument kpiReportDocument(const KpiReport &report);

// How a tile's value reads in a report: "4h 05m", "72.5 %", "132", "4.20"; "—" without data.
QString formatKpiValue(KpiMeasure measure, double value, bool hasValue);
// The short formula of a KPI, as in docs/kpi.md.
QString kpiFormula(KpiMeasure measure);
// Whether a tile's value is a percentage (ratios and availability).
bool isPercentMeasure(KpiMeasure measure);
bool isDurationMeasure(KpiMeasure measure);

} // namespace nocturne::core
