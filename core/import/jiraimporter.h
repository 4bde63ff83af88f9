#pragma once

#include "importdates.h"
#include "importresult.h"

#include <QIODevice>
#include <QStringList>

namespace nocturne::core {

// Rebuilds incidents from a Jira Service Management CSV export: one row per issue, no
// history, so each becomes opened (Created), acknowledged (the first response when the
// export has it, else when the status is past Open/To Do), on hold, resolved
// (Resolved, with Resolution), closed or cancelled as its Status says. Column names
// may repeat (Labels, Component/s, Comment). Mapping in docs/import.md.
class JiraImporter final
{
public:
    static constexpr const char *Source = "jira";
    // dd/MMM/yy h:mm AP (Jira's English default), ISO 8601, yyyy-MM-dd HH:mm.
    static QStringList defaultDateFormats();

    explicit JiraImporter(const ImportOptions &options);

    ImportPlan parse(QIODevice *device, const ImportProgress &progress = {},
        const CancelFlag *cancel = nullptr) const;

private:
    ImportDates m_dates;
};

} // namespace nocturne::core
