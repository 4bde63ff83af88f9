#include "incidentqueuemodel.h"

#include "queueformat.h"
#include "searchtext.h"
#include "slacells.h"
#include "slacountdown.h"

#include <core/domain/clock.h>
#include <core/domain/labels.h>

#include <QFont>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace nocturne::models {

using core::QueueEntry;

namespace {

QString buildSearchText(const QueueEntry &e)
{
    const QChar sep = QLatin1Char('\n'); // cannot be typed in the filter, so no match spans two fields
    return foldForSearch({ e.number, e.title, e.service, e.configurationItem, e.site, e.assignee }, sep);
}

// Priority in the high bits, opening time below: epoch milliseconds stay under 2^44
// until the year 2527.
qint64 orderKey(const QueueEntry &e)
{
    return (qint64(e.priority) << 44) | (e.openedAt & ((qint64(1) << 44) - 1));
}

} // namespace

IncidentQueueModel::IncidentQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

IncidentQueueModel::~IncidentQueueModel() = default;

int IncidentQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int IncidentQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QueueColumn::Count;
}

qint64 IncidentQueueModel::ageMs(const QueueEntry &entry) const
{
    const qint64 end = core::isOpen(entry.state) || entry.resolvedAt == 0 ? m_nowMs : entry.resolvedAt;
    return std::max<qint64>(0, end - entry.openedAt);
}

QVariant IncidentQueueModel::displayValue(const QueueEntry &e, int column) const
{
    switch (column) {
    case QueueColumn::Number: return e.number;
    case QueueColumn::Priority: return core::priorityLabel(e.priority);
    case QueueColumn::Title: return e.title;
    case QueueColumn::State: return core::stateWithReasonLabel(e.state, e.holdReason);
    case QueueColumn::Service: return e.service;
    case QueueColumn::ConfigurationItem: return e.configurationItem;
    case QueueColumn::Site: return e.site;
    case QueueColumn::AssignmentGroup: return e.assignmentGroup;
    case QueueColumn::Assignee: return e.assignee.isEmpty() ? tr("(unassigned)") : e.assignee;
    case QueueColumn::Opened: return core::formatLocalTime(e.openedAt);
    case QueueColumn::Age: return m_nowMs > 0 ? formatDuration(ageMs(e)) : QString();
    case QueueColumn::Updated: return core::formatLocalTime(e.updatedAt);
    }
    return {};
}

QVariant IncidentQueueModel::rawValue(const QueueEntry &e, int column) const
{
    switch (column) {
    case QueueColumn::Number: return e.number;
    case QueueColumn::Priority: return e.priority;
    case QueueColumn::Title: return e.title;
    case QueueColumn::State: return int(e.state);
    case QueueColumn::Service: return e.service;
    case QueueColumn::ConfigurationItem: return e.configurationItem;
    case QueueColumn::Site: return e.site;
    case QueueColumn::AssignmentGroup: return e.assignmentGroup;
    case QueueColumn::Assignee: return e.assignee;
    case QueueColumn::Opened: return e.openedAt;
    case QueueColumn::Age: return ageMs(e);
    case QueueColumn::Updated: return e.updatedAt;
    }
    return {};
}

namespace {

// A replica numbers incidents opened offline "P-…" until the server numbers them.
bool isProvisionalNumber(const QString &number)
{
    return number.startsWith(QLatin1String("P-"));
}

} // namespace

QVariant IncidentQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueEntry &e = m_entries.at(index.row());
    const int column = index.column();
    if (isSlaColumn(column)) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case Qt::DecorationRole:
        case Qt::BackgroundRole:
        case Qt::ForegroundRole:
        case Qt::TextAlignmentRole:
        case QueueRole::RawValue:
        case QueueRole::SlaLevel: return slaCellData(m_sla.find(e.id), column, role, countdownNow());
        case Qt::FontRole:
            if (QVariant font = slaCellData(m_sla.find(e.id), column, role, countdownNow()); font.isValid())
                return font;
            break;
        default: break;
        }
    }
    switch (role) {
    case Qt::DisplayRole: return displayValue(e, column);
    case Qt::ToolTipRole:
        if (column == QueueColumn::Number && isProvisionalNumber(e.number))
            return tr("%1: %2\nProvisional number until the server assigns one").arg(e.number, e.title);
        if (column == QueueColumn::Title || column == QueueColumn::Number)
            return tr("%1: %2").arg(e.number, e.title);
        return displayValue(e, column);
    case Qt::DecorationRole:
        return column == QueueColumn::Priority ? QVariant(priorityIcon(e.priority)) : QVariant();
    case Qt::ForegroundRole:
        return column == QueueColumn::Priority ? QVariant(priorityColor(e.priority)) : QVariant();
    case Qt::FontRole: {
        // Unacknowledged work stands out until someone owns it; a number made up offline
        // is in italics until the server assigns the real one.
        const bool bold = e.state == core::IncidentState::New;
        const bool italic = column == QueueColumn::Number && isProvisionalNumber(e.number);
        if (!bold && !italic)
            return {};
        QFont font;
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }
    case QueueRole::IncidentId: return e.id;
    case QueueRole::RawValue: return rawValue(e, column);
    case QueueRole::Number: return e.number;
    case QueueRole::Priority: return e.priority;
    case QueueRole::State: return int(e.state);
    case QueueRole::Assignee: return e.assignee;
    case QueueRole::OpenedAt: return e.openedAt;
    case QueueRole::UpdatedAt: return e.updatedAt;
    default: return {};
    }
}

QVariant IncidentQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case QueueColumn::Number: return tr("Number");
    case QueueColumn::Priority: return tr("Priority");
    case QueueColumn::Title: return tr("Title");
    case QueueColumn::State: return tr("State");
    case QueueColumn::Service: return tr("Service");
    case QueueColumn::ConfigurationItem: return tr("Configuration item");
    case QueueColumn::Site: return tr("Site");
    case QueueColumn::AssignmentGroup: return tr("Assignment group");
    case QueueColumn::Assignee: return tr("Assignee");
    case QueueColumn::Opened: return tr("Opened");
    case QueueColumn::Age: return tr("Age");
    case QueueColumn::Updated: return tr("Updated");
    case QueueColumn::ResponseSla: return tr("Response SLA");
    case QueueColumn::ResolutionSla: return tr("Resolution SLA");
    case QueueColumn::BreachRisk: return tr("Breach risk");
    }
    return {};
}

QHash<int, QByteArray> IncidentQueueModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(QueueRole::IncidentId, "incidentId");
    names.insert(QueueRole::RawValue, "rawValue");
    names.insert(QueueRole::Number, "number");
    names.insert(QueueRole::Priority, "priority");
    names.insert(QueueRole::State, "state");
    names.insert(QueueRole::Assignee, "assignee");
    names.insert(QueueRole::OpenedAt, "openedAt");
    names.insert(QueueRole::UpdatedAt, "updatedAt");
    names.insert(QueueRole::SlaLevel, "slaLevel");
    return names;
}

bool IncidentQueueModel::inScope(const QueueEntry &entry) const
{
    // Before the first setNow() the reader's snapshot is trusted as it is.
    return m_nowMs == 0 || core::inQueueScope(entry, m_nowMs) || m_pinned.contains(entry.id);
}

void IncidentQueueModel::resetEntries(const core::QueueEntriesPtr &entries)
{
    beginResetModel();
    m_entries.clear();
    m_searchText.clear();
    m_orderKeys.clear();
    m_slaKeys.clear();
    m_rowById.clear();
    if (entries) {
        m_entries.reserve(entries->size());
        m_searchText.reserve(entries->size());
        m_orderKeys.reserve(entries->size());
        m_slaKeys.reserve(entries->size());
        m_rowById.reserve(entries->size());
        for (const QueueEntry &e : *entries) {
            if (!inScope(e) || m_rowById.contains(e.id))
                continue;
            m_rowById.insert(e.id, int(m_entries.size()));
            appendRow(e);
        }
    }
    endResetModel();
}

void IncidentQueueModel::applyChanges(const core::QueueEntriesPtr &changed)
{
    if (!changed || changed->isEmpty())
        return;
    QList<int> updated;
    QList<int> removed;
    QList<QueueEntry> added;
    QHash<QString, qsizetype> addedById;
    for (const QueueEntry &e : *changed) {
        const int row = rowOfIncident(e.id);
        // A copy older than the row shown (an action's result overtaken by the reader's
        // delta, which also carries another program's later change) must not win.
        if (row >= 0 && e.eventCount < m_entries.at(row).eventCount)
            continue;
        const bool keep = inScope(e);
        if (row >= 0) {
            if (!keep) {
                removed << row;
            } else if (m_entries.at(row) != e) {
                m_entries[row] = e;
                m_searchText[row] = buildSearchText(e);
                m_orderKeys[row] = orderKey(e);
                updated << row;
            }
        } else if (keep) {
            if (auto it = addedById.constFind(e.id); it != addedById.constEnd()) {
                added[*it] = e;
            } else {
                addedById.insert(e.id, added.size());
                added << e;
            }
        }
    }
    updateRows(std::move(updated), 0, QueueColumn::Count - 1);
    removeRowsDescending(std::move(removed));
    appendEntries(added);
}

void IncidentQueueModel::syncEntries(const core::QueueEntriesPtr &all)
{
    QSet<QString> present;
    if (all) {
        present.reserve(all->size());
        for (const QueueEntry &e : *all)
            present.insert(e.id);
    }
    QList<int> gone;
    for (int r = 0; r < m_entries.size(); ++r) {
        // A pinned incident is not in the reader's snapshot when it left the queue's scope.
        if (!present.contains(m_entries.at(r).id) && !m_pinned.contains(m_entries.at(r).id))
            gone << r;
    }
    removeRowsDescending(std::move(gone));
    applyChanges(all);
}

void IncidentQueueModel::updateRows(QList<int> rows, int firstColumn, int lastColumn)
{
    // One dataChanged per run of adjacent rows: a bulk action on neighbours is one signal.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), firstColumn), index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

void IncidentQueueModel::removeRowsDescending(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) - 1)
            ++j;
        const int first = rows.at(j);
        const int last = rows.at(i);
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            m_rowById.remove(m_entries.at(r).id);
        m_entries.remove(first, last - first + 1);
        m_searchText.remove(first, last - first + 1);
        m_orderKeys.remove(first, last - first + 1);
        m_slaKeys.remove(first, last - first + 1);
        endRemoveRows();
        i = j + 1;
    }
    reindexFrom(rows.last());
}

void IncidentQueueModel::reindexFrom(int row)
{
    for (int r = row; r < m_entries.size(); ++r)
        m_rowById[m_entries.at(r).id] = r;
}

void IncidentQueueModel::appendEntries(const QList<QueueEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    for (const QueueEntry &e : entries) {
        m_rowById.insert(e.id, int(m_entries.size()));
        appendRow(e);
    }
    endInsertRows();
}

void IncidentQueueModel::appendRow(const QueueEntry &e)
{
    m_entries.append(e);
    m_searchText.append(buildSearchText(e));
    m_orderKeys.append(orderKey(e));
    m_slaKeys.append(slaKeysOf(e.id));
}

void IncidentQueueModel::setNow(qint64 ms)
{
    if (ms == m_nowMs)
        return;
    m_nowMs = ms;
    QList<int> expired;
    for (int r = 0; r < m_entries.size(); ++r) {
        if (!inScope(m_entries.at(r)))
            expired << r;
    }
    removeRowsDescending(std::move(expired));
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, QueueColumn::Age), index(int(m_entries.size()) - 1, QueueColumn::Age),
                           { Qt::DisplayRole, QueueRole::RawValue });
}

void IncidentQueueModel::setPinnedIncidents(QSet<QString> ids)
{
    m_pinned = std::move(ids);
    QList<int> released;
    for (int r = 0; r < m_entries.size(); ++r) {
        if (!inScope(m_entries.at(r)))
            released << r;
    }
    removeRowsDescending(std::move(released));
}

qint64 IncidentQueueModel::countdownNow() const
{
    return m_clock ? m_clock->nowMs() : m_nowMs;
}

IncidentQueueModel::SlaKeys IncidentQueueModel::slaKeysOf(const QString &incidentId) const
{
    const core::IncidentSla *sla = m_sla.find(incidentId);
    if (!sla)
        return { NoDeadline, NoDeadline, -1.0, NoDeadline };
    return { sla->hasResponse ? slaSortKey(sla->response) : NoDeadline,
             sla->hasResolution ? slaSortKey(sla->resolution) : NoDeadline, sla->breachProbability,
             breachingSoonFrom(*sla) };
}

void IncidentQueueModel::resetSla(core::SlaStatusPtr all)
{
    m_previousSla = m_sla;
    m_sla.reset(std::move(all));
    // Displayed cells read the new status at once. Change signals go only to rows that read
    // differently, so the engine's periodic re-evaluation costs a sorted proxy almost
    // nothing, and in slices, one event-loop turn each, so even a first snapshot of 100k
    // rows never stalls the GUI in one go.
    refreshSlaRows(++m_slaGeneration, 0);
}

void IncidentQueueModel::refreshSlaRows(quint64 generation, int from)
{
    if (generation != m_slaGeneration)
        return; // a newer snapshot took over
    const int to = int(std::min<qsizetype>(m_entries.size(), from + SlaRowsPerSlice));
    // Per column: a proxy sorted by the resolution clock re-sorts only rows whose resolution
    // cell changed, not every row whose forecast moved.
    QList<int> all, response, resolution, risk;
    for (int r = from; r < to; ++r) {
        const QString &id = m_entries.at(r).id;
        const SlaKeys keys = slaKeysOf(id);
        const SlaKeys &old = m_slaKeys.at(r);
        const SlaDisplayChange change = slaDisplayChange(m_previousSla.find(id), m_sla.find(id));
        // A proxy re-filters every row a signal names, whatever the column: a change of
        // "Breaching soon" membership rides on the risk cell's signal.
        const bool membership = keys.breachingSoonFrom != old.breachingSoonFrom;
        const bool responseChanged = change.response || keys.response != old.response;
        const bool resolutionChanged = change.resolution || keys.resolution != old.resolution;
        const bool riskChanged = change.risk || keys.risk != old.risk || membership;
        if (responseChanged && resolutionChanged && riskChanged) {
            all << r; // one signal for the row's three cells
        } else {
            if (responseChanged)
                response << r;
            if (resolutionChanged)
                resolution << r;
            if (riskChanged)
                risk << r;
        }
        m_slaKeys[r] = keys;
    }
    updateRows(std::move(all), QueueColumn::ResponseSla, QueueColumn::BreachRisk);
    updateRows(std::move(response), QueueColumn::ResponseSla, QueueColumn::ResponseSla);
    updateRows(std::move(resolution), QueueColumn::ResolutionSla, QueueColumn::ResolutionSla);
    updateRows(std::move(risk), QueueColumn::BreachRisk, QueueColumn::BreachRisk);
    if (to < m_entries.size())
        QTimer::singleShot(0, this, [this, generation, to] { refreshSlaRows(generation, to); });
    else
        m_previousSla.clear(); // done: let the old snapshot go
}

void IncidentQueueModel::applySlaChanges(const core::SlaStatusPtr &changed)
{
    QList<int> rows;
    for (const QString &id : m_sla.apply(changed)) {
        const int row = rowOfIncident(id);
        if (row >= 0) {
            m_slaKeys[row] = slaKeysOf(id);
            rows << row;
        }
    }
    // Only the SLA columns: the rest of the row did not change.
    updateRows(std::move(rows), QueueColumn::ResponseSla, QueueColumn::BreachRisk);
}

} // namespace nocturne::models
