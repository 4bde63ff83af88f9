#pragma once

#include "../engine/kpireport.h"

#include <QByteArray>
#include <QString>

namespace nocturne::core {

// Every KPI table of a report as one CSV file in long ("tidy") form, so spreadsheets can
// pivot it and scripts read it without knowing each table's shape (docs/reports.md):
//   table,period_start,period_end,subject,metric,value,unit
// `table` names the table (tiles, summary, weekly, compliance, availability_service,
// availability_ci, pareto_category, pareto_ci), `subject` the row within it (a KPI key,
// "P1", a service, a category), `metric` the column. Values are plain numbers with a dot
// (ms, percent 0–100, counts, scores, 1/0 for yes/no); empty when there is no data.
// Times are ISO 8601 UTC. RFC 4180: CRLF line ends, fields quoted when needed.
QByteArray kpiReportToCsv(const KpiReport &report);

} // namespace nocturne::core
