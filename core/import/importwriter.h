#pragma once

#include "importresult.h"

#include <QIODevice>

namespace nocturne::core {

class Database;
class EventStore;

// Stores a parsed import through EventStore::append, a batch of whole incidents per
// transaction (an incident is never half-imported), on the caller's connection and
// thread. Before each batch it looks at what is already stored:
// - an event already stored with the same content is not sent again (re-importing the
//   same export appends nothing; a longer export appends only its new events);
// - an incident number held by a different incident (a local one) is replaced by the
//   number prefixed with the source ("SN-INC0000045"), the source's number kept in the
//   custom field "number";
// - an `opened` event stored with other values (a Jira issue edited since the last
//   export) becomes assignment, priority and field updates after the stored history,
//   while the incident is still open; anything else stored with other content is kept
//   as stored and listed in ImportResult::conflicts.
class ImportWriter final
{
public:
    ImportWriter(Database &database, EventStore &store);

    ImportResult write(ImportPlan plan, const ImportOptions &options,
        const ImportProgress &progress = {}, const CancelFlag *cancel = nullptr);

    // The prefix a colliding number gets: "SN-" for ServiceNow, "JIRA-" for Jira.
    static QString numberPrefix(const QString &source);

private:
    Database &m_database;
    EventStore &m_store;
};

} // namespace nocturne::core

namespace nocturne::core {

// Reads `path` as a `source` export ("servicenow" or "jira") and writes it through
// `store` (nothing when options.dryRun). A file that cannot be opened, an unknown
// source, time zone or date format come back as ImportResult::fatal. The one entry
// point of the CLI, the console's worker and the benchmark.
ImportResult importFile(const QString &source, const QString &path, const ImportOptions &options,
    Database &database, EventStore &store, const ImportProgress &progress = {},
    const CancelFlag *cancel = nullptr);
// Why these options cannot be used (a bad date format or time zone), or empty.
QString importOptionsError(const ImportOptions &options);
// Parsing alone (the benchmark times it apart from writing).
ImportPlan parseExport(const QString &source, QIODevice *device, const ImportOptions &options,
    const ImportProgress &progress = {}, const CancelFlag *cancel = nullptr);

} // namespace nocturne::core
