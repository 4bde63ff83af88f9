#pragma once

#include "databaseerror.h"

#include "../engine/kpifacts.h"
#include "../engine/kpitargets.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace nocturne::core {

// The KPI view of a database, on the caller's connection: the cached SLA outcome of each
// incident (sla_outcomes, derived data that any connection may bring up to date), every
// incident as KpiFacts, and the KPI targets (meta key "kpi_targets").
// Facts are read in one pass through the SQLite C API: a million rows must load in a
// second or two, and QtSql's per-value QVariant would double that.
class KpiRepository final
{
public:
    explicit KpiRepository(QSqlDatabase db);
    DatabaseError lastError() const { return m_error; }

    // (done, total) as batches are written.
    using Progress = std::function<void(int done, int total)>;
    // Computes the outcome of every incident whose row is missing or was derived from
    // another event count or SLA configuration revision, in batches, each written in its
    // own short transaction. Returns how many rows were written; nullopt on an error
    // (rows already written stay: they are correct).
    std::optional<int> refreshOutcomes(qint64 now, const Progress &progress = {});
    // How many rows refreshOutcomes would write.
    std::optional<int> staleOutcomeCount();

    // Every incident (opened_at > 0) with its cached outcome; nullptr on an error.
    std::shared_ptr<KpiFacts> loadFacts();

    // The stored targets, the defaults when none were saved; nullopt on an error or when
    // the stored JSON is not valid (lastError says which key).
    std::optional<KpiTargets> loadTargets();
    bool saveTargets(const KpiTargets &targets);

    std::optional<qint64> dataVersion(); // PRAGMA data_version
    std::optional<qint64> configurationRevision();

private:
    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
