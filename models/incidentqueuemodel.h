#pragma once

#include "queuecolumns.h"
#include "slastatusindex.h"

#include <core/storage/queueentry.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace nocturne::core {
class Clock;
}

namespace nocturne::models {

// The live queue: one row per incident in scope (open, or resolved within the recent
// window), in arrival order. Rows are never reordered here; sorting and filtering are
// the proxy's job. Updates arrive as values from the reader thread and are applied as
// minimal changes: dataChanged for the rows that changed, inserts for new incidents,
// removals for incidents that left the scope, and a reset only on the first snapshot.
// SLA statuses arrive the same way, from the SLA engine, and touch only the SLA columns;
// their countdowns are computed from the clock whenever a view asks, so time passing
// costs no signal at all.
class IncidentQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentQueueModel)
public:
    explicit IncidentQueueModel(QObject *parent = nullptr);
    ~IncidentQueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void resetEntries(const core::QueueEntriesPtr &entries);
    // Upserts: entries are matched by incident id.
    void applyChanges(const core::QueueEntriesPtr &changed);
    // A fresh snapshot over a loaded queue (refresh): upserts it and removes the rows it
    // no longer has, with the same minimal signals, so selections survive.
    void syncEntries(const core::QueueEntriesPtr &all);
    // "Now" drives the age column and the scope (old resolutions drop out).
    void setNow(qint64 ms);
    qint64 now() const { return m_nowMs; }
    // Incidents kept in the model whatever their state or age: those a KPI drill-down
    // shows, often resolved long ago. Rows that are no longer pinned and out of scope
    // are removed; pinned entries themselves arrive through applyChanges().
    void setPinnedIncidents(QSet<QString> ids);
    const QSet<QString> &pinnedIncidents() const { return m_pinned; }
    // The SLA columns read this clock at each data() call (the countdown); without one
    // they use now(). Not owned; must outlive the model.
    void setClock(const core::Clock *clock) { m_clock = clock; }
    qint64 countdownNow() const;

    // The engine's full snapshot, then its deltas: dataChanged on the SLA columns of the
    // rows concerned only.
    void resetSla(core::SlaStatusPtr all);
    void applySlaChanges(const core::SlaStatusPtr &changed);
    // The SLA status of a row or an incident; null when no policy applies. Valid until
    // the next SLA change.
    const core::IncidentSla *sla(int row) const { return m_sla.find(m_entries.at(row).id); }
    const core::IncidentSla *slaOfIncident(const QString &id) const { return m_sla.find(id); }
    // Sort keys of the SLA columns, kept per row so a sort compares integers.
    struct SlaKeys
    {
        qint64 response;
        qint64 resolution;
        double risk;
        qint64 breachingSoonFrom; // see models::breachingSoonFrom()
    };
    const SlaKeys &slaKeys(int row) const { return m_slaKeys.at(row); }

    const core::QueueEntry &entry(int row) const { return m_entries.at(row); }
    int rowOfIncident(const QString &id) const { return m_rowById.value(id, -1); }
    // Lower-case text of the searchable fields of a row, built once per change so a
    // keystroke in the filter does no case folding over 100k rows.
    const QString &searchText(int row) const { return m_searchText.at(row); }
    // Priority then opening time packed in one integer: the default sort compares these
    // contiguous keys instead of chasing two entries through memory per comparison.
    qint64 defaultOrderKey(int row) const { return m_orderKeys.at(row); }
    // Age of an incident: until now while open, until its resolution afterwards.
    qint64 ageMs(const core::QueueEntry &entry) const;

private:
    QVariant displayValue(const core::QueueEntry &entry, int column) const;
    QVariant rawValue(const core::QueueEntry &entry, int column) const;
    bool inScope(const core::QueueEntry &entry) const;
    void updateRows(QList<int> rows, int firstColumn, int lastColumn);
    void removeRowsDescending(QList<int> rows);
    void appendRow(const core::QueueEntry &entry);
    void appendEntries(const QList<core::QueueEntry> &entries);
    void reindexFrom(int row);
    SlaKeys slaKeysOf(const QString &incidentId) const;
    void refreshSlaRows(quint64 generation, int from);
    static constexpr int SlaRowsPerSlice = 2048;
    quint64 m_slaGeneration = 0;
    // The statuses a reset replaces, until its last slice compared them with the new ones.
    SlaStatusIndex m_previousSla;

    QList<core::QueueEntry> m_entries;
    QList<QString> m_searchText;
    QList<qint64> m_orderKeys;
    QList<SlaKeys> m_slaKeys;
    SlaStatusIndex m_sla;
    const core::Clock *m_clock = nullptr;
    QHash<QString, int> m_rowById;
    QSet<QString> m_pinned;
    qint64 m_nowMs = 0;
};

} // namespace nocturne::models
