#pragma once

#include "kpireport.h"

#include <QJsonObject>

namespace nocturne::core {

// The JSON form of a KPI report (`nocturnectl kpi --json`, the report helper, later the
// server): the query and period, the definitions' names, the targets, the tiles and every
// table. Durations are milliseconds, ratios percentages with their counts, instants both
// ISO-8601 UTC and milliseconds. Keys are the machine names of docs/kpi.md.
QJsonObject kpiReportToJson(const KpiReport &report);
QJsonObject kpiQueryToJson(const KpiQuery &query);
QString toName(KpiTile::Judgement judgement); // "met", "missed", "no_target", "no_data"

} // namespace nocturne::core
