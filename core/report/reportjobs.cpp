#include "reportjobs.h"

#include "../engine/kpicalculator.h"
#include "../storage/database.h"
#include "../storage/kpirepository.h"

namespace nocturne::core {

std::optional<HandoverData> loadHandoverFromFile(const QString &path, const HandoverQuery &query, qint64 now,
                                                 DatabaseError *error)
{
    Database database;
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::ReadOnly;
    if (auto failure = database.open(path, options)) {
        *error = failure;
        return std::nullopt;
    }
    return loadHandover(database.connection(), path, query, now, error);
}

KpiReportPtr computeKpiReportFromFile(const QString &path, const KpiQuery &query, qint64 now, DatabaseError *error)
{
    Database database;
    if (auto failure = database.open(path)) {
        *error = failure;
        return nullptr;
    }
    KpiRepository repository(database.connection());
    const auto refreshed = repository.refreshOutcomes(now);
    const auto facts = refreshed ? repository.loadFacts() : nullptr;
    const auto targets = facts ? repository.loadTargets() : std::nullopt;
    if (!targets) {
        *error = repository.lastError();
        return nullptr;
    }
    return std::make_shared<const KpiReport>(computeKpis(*facts, query, *targets, now));
}

} // namespace nocturne::core
