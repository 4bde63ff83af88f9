#pragma once

#include "handoverreport.h"

#include "../engine/kpireport.h"
#include "../storage/databaseerror.h"

#include <QString>

#include <optional>

namespace nocturne::core {

// One-shot report jobs for background threads (the console runs them with
// QtConcurrent::run): each opens its own connection to the database file on the calling
// thread and closes it before returning, so widgets never touch a connection.

// The handover data of `query`, on a read-only connection.
std::optional<HandoverData> loadHandoverFromFile(const QString &path, const HandoverQuery &query, qint64 now,
                                                 DatabaseError *error);

// A KPI report computed as `nocturnectl report kpi` does: outcomes brought up to date,
// facts and targets loaded, computeKpis at `now`. nullptr with *error on failure.
KpiReportPtr computeKpiReportFromFile(const QString &path, const KpiQuery &query, qint64 now, DatabaseError *error);

} // namespace nocturne::core
