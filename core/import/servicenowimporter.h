#pragma once

#include "importdates.h"
#include "importresult.h"

#include <QIODevice>
#include <QStringList>

namespace nocturne::core {

// Rebuilds incident histories from a ServiceNow incident export. Audit-style exports
// (the "incident management process enriched event log" shape) hold one row per update
// of an incident: rows are grouped by `number`, ordered by `sys_mod_count` (then
// `sys_updated_at`, then file order), and each difference between consecutive rows
// becomes a Nocturne event at `sys_updated_at` by `sys_updated_by`. The mapping and the
// rules that keep every transition valid are in docs/import.md. Parsing only: an
// ImportWriter stores the plan.
class ServiceNowImporter final
{
public:
    static constexpr const char *Source = "servicenow";
    // d/M/yyyy H:mm (the day-first form these exports use), with seconds, ISO 8601.
    static QStringList defaultDateFormats();

    explicit ServiceNowImporter(const ImportOptions &options);

    ImportPlan parse(QIODevice *device, const ImportProgress &progress = {},
        const CancelFlag *cancel = nullptr) const;

private:
    ImportDates m_dates;
};

} // namespace nocturne::core
