#pragma once

#include "../domain/event.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace nocturne::core {

// How to read an export. Date formats replace the source's defaults when given (tried
// in order; see ImportDates); times without an offset are in `timeZone` (IANA, UTC
// when empty).
struct ImportOptions
{
    QStringList dateFormats;
    QString timeZone;
    bool dryRun = false; // parse and report, write nothing
    int incidentsPerBatch = 500; // one transaction each; an incident never spans two
};

// Progress of one phase: reading counts bytes of the file, writing counts source rows
// of the incidents stored so far.
enum class ImportPhase { Reading, Writing };
using ImportProgress = std::function<void(ImportPhase phase, qint64 done, qint64 total)>;
// Set from any thread to stop between batches; what was written stays written.
using CancelFlag = std::atomic<bool>;

// A row the importer could not use, and why. `row` counts records as a spreadsheet
// shows them (the header is row 1, the first data row is row 2); `line` is the
// physical line where the record starts (they differ after quoted newlines).
struct SkippedRow
{
    qint64 row = 0;
    qint64 line = 0;
    QString reason;
};

// One source incident rebuilt as Nocturne events, ready to append in one transaction.
struct ImportedIncident
{
    QString id;
    QString number; // as the source numbers it
    qint64 firstRow = 0; // where it starts in the file, for messages
    int rows = 0; // source rows it was built from
    QList<Event> events; // `opened` first
};

// What parsing an export gives: every incident it could rebuild, the rows it skipped,
// or a reason the file could not be read at all (`fatal`, with the line).
struct ImportPlan
{
    QString source; // "servicenow", "jira"
    qint64 rowsRead = 0; // data records read (the header excluded)
    QList<ImportedIncident> incidents;
    QList<SkippedRow> skipped;
    QString fatal;
    qint64 fatalLine = 0;
};

// What an import did, for the CLI and the console's result dialog.
struct ImportResult
{
    qint64 rowsRead = 0;
    int incidentsCreated = 0;
    int incidentsUpdated = 0; // already there; new events appended
    int incidentsUnchanged = 0; // already there; nothing new
    qint64 eventsAppended = 0;
    QList<SkippedRow> skipped;
    // Incidents whose source number was held by another incident and got a prefixed one.
    QStringList renumbered; // "INC0000045 → SN-INC0000045"
    // Events already stored with other content (an export whose old rows changed):
    // the stored history is kept, the new version ignored.
    QStringList conflicts;
    QString fatal; // nothing could be read: the reason, with the line
    QString error; // the database refused a batch: earlier batches stay imported
    bool cancelled = false;
    bool dryRun = false;
    qint64 elapsedMs = 0;

    bool ok() const { return fatal.isEmpty() && error.isEmpty(); }
};

} // namespace nocturne::core
