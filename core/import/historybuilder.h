#pragma once

#include "../domain/event.h"
#include "../domain/incident.h"
#include "../domain/lifecycle.h"
#include "importresult.h"

#include <QHash>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace nocturne::core {

// Builds one imported incident's events in order. It folds each event as it goes, so
// an importer can ask what state the incident is in and turn a source transition into
// the steps our lifecycle accepts (see docs/import.md); an event the lifecycle would
// still refuse is not added (droppedEvents() counts them; the tests expect none).
// Event ids are deterministic (importids.h); the HLC is the event's time, kept strictly
// increasing so that the fold replays the source's order even when its times tie.
class HistoryBuilder final
{
public:
    HistoryBuilder(QString source, QString number, QString incidentId);

    const Incident &current() const { return m_current; }
    qint64 lastTime() const { return m_lastTime; }

    // `step` names the event within the incident's history, stably across exports.
    bool add(EventKind kind, qint64 at, const QString &actor, const QJsonObject &payload,
        const QString &step);
    // The time whose bits event ids carry, when an event's own time may move between
    // exports (Jira derives some times from Updated; a summary moves with the last row).
    // 0: each event's own time.
    void setIdTime(qint64 ms) { m_idTime = ms; }

    // Moves the incident to `target` (with `reason` for On Hold), inserting the implied
    // steps. Resolution and closure happen at their own times when given.
    struct Transition
    {
        IncidentState target = IncidentState::New;
        HoldReason reason = HoldReason::None;
        qint64 at = 0;
        QString actor;
        QString resolutionCode;
        qint64 resolvedAt = 0; // 0: at `at`
        QString resolvedBy; // empty: `actor`
        qint64 closedAt = 0; // 0: at `at`
    };
    void moveTo(const Transition &t, const QString &stepPrefix);

    QList<Event> takeEvents() { return std::move(m_events); }
    int droppedEvents() const { return m_dropped; }

private:
    QString m_source;
    QString m_number;
    QString m_incidentId;
    QString m_node;
    HlcTimestamp m_lastHlc;
    qint64 m_lastTime = 0;
    Incident m_current;
    QList<Event> m_events;
    int m_dropped = 0;
    qint64 m_idTime = 0;
};

// A source's header: column positions by name (case-insensitive, trimmed); a name may
// repeat (Jira repeats "Labels", "Component/s", "Comment").
class ColumnMap final
{
public:
    explicit ColumnMap(const QStringList &header);

    int size() const { return int(m_names.size()); }
    const QString &name(int column) const { return m_names.at(column); }
    int indexOf(QStringView name) const; // first column of that name, -1 if none
    QList<int> indexesOf(QStringView name) const;
    bool has(QStringView name) const { return indexOf(name) >= 0; }

private:
    QStringList m_names;
    QHash<QString, QList<int>> m_byName; // lower-case name → columns
};

// The value of column `index` in `fields`, or an empty string for a null cell (`?`,
// empty, or a column the export does not have).
QString cell(const QStringList &fields, int index);

} // namespace nocturne::core

namespace nocturne::core {

struct CsvRecord;
struct ImportPlan;

// The reading loop both importers share: the header, then each data record with its
// spreadsheet row number. Malformed records and records whose field count differs from
// the header's become skipped rows. A file that ends inside a quoted field loses that
// last record only, unless nothing was read before it: then the file is unreadable and
// plan->fatal says why and where. Returns false when the import should not go on
// (fatal, or `onHeader` refused the header and set plan->fatal).
bool readExport(QIODevice *device, ImportPlan *plan,
    const std::function<bool(const QStringList &header)> &onHeader,
    const std::function<void(const CsvRecord &record, qint64 row)> &onRow,
    const ImportProgress &progress, const CancelFlag *cancel);

} // namespace nocturne::core
