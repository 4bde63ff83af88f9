#include "timelinemodel.h"

#include "queueformat.h"

#include <core/domain/eventsummary.h>
#include <core/domain/labels.h>

#include <QColor>

#include <algorithm>

namespace nocturne::models {

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TimelineColumn::Count;
}

QVariant TimelineModel::displayValue(int row, int column) const
{
    const core::Event &e = m_events.at(row).event;
    switch (column) {
    case TimelineColumn::Occurred: return core::formatLocalTime(e.occurredAt);
    case TimelineColumn::Recorded: return core::formatLocalTime(e.hlc.wallMs);
    case TimelineColumn::Kind:
        return isFlagged(row) ? tr("%1 (flagged)").arg(core::eventKindLabel(e.kind)) : core::eventKindLabel(e.kind);
    case TimelineColumn::Actor: return e.actor;
    case TimelineColumn::Summary: return core::eventSummary(e);
    }
    return {};
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const core::Event &e = m_events.at(row).event;
    switch (role) {
    case Qt::DisplayRole: return displayValue(row, index.column());
    case Qt::ToolTipRole:
        if (isFlagged(row))
            return tr("This event was valid when it was recorded, but not after a merge put it "
                      "in order; it is kept in the history and did not change the incident.");
        if (index.column() == TimelineColumn::Summary)
            return core::eventSummary(e);
        if (index.column() == TimelineColumn::Recorded)
            return tr("Recorded %1 on node %2").arg(core::formatLocalTime(e.hlc.wallMs), e.originNode);
        return {};
    case Qt::ForegroundRole: return isFlagged(row) ? QVariant(priorityColor(1)) : QVariant();
    case TimelineRole::EventId: return e.id;
    case TimelineRole::RawValue:
        switch (index.column()) {
        case TimelineColumn::Occurred: return e.occurredAt;
        case TimelineColumn::Recorded: return e.hlc.wallMs;
        case TimelineColumn::Kind: return int(e.kind);
        default: return displayValue(row, index.column());
        }
    case TimelineRole::Kind: return int(e.kind);
    case TimelineRole::Flagged: return isFlagged(row);
    case TimelineRole::OccurredAt: return e.occurredAt;
    case TimelineRole::RecordedAt: return e.hlc.wallMs;
    default: return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimelineColumn::Occurred: return tr("Occurred");
    case TimelineColumn::Recorded: return tr("Recorded");
    case TimelineColumn::Kind: return tr("Event");
    case TimelineColumn::Actor: return tr("Actor");
    case TimelineColumn::Summary: return tr("Details");
    }
    return {};
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(TimelineRole::EventId, "eventId");
    names.insert(TimelineRole::RawValue, "rawValue");
    names.insert(TimelineRole::Kind, "kind");
    names.insert(TimelineRole::Flagged, "flagged");
    names.insert(TimelineRole::OccurredAt, "occurredAt");
    names.insert(TimelineRole::RecordedAt, "recordedAt");
    return names;
}

void TimelineModel::setEvents(const QString &incidentId, QList<core::StoredEvent> events,
                              const QStringList &flaggedEventIds)
{
    std::sort(events.begin(), events.end(),
              [](const core::StoredEvent &a, const core::StoredEvent &b) { return core::foldsBefore(a.event, b.event); });
    const QSet<QString> flagged(flaggedEventIds.begin(), flaggedEventIds.end());

    const bool extends = incidentId == m_incidentId && events.size() >= m_events.size() && flagged == m_flagged
        && std::equal(m_events.begin(), m_events.end(), events.begin(),
                      [](const core::StoredEvent &a, const core::StoredEvent &b) { return a.event.id == b.event.id; });
    if (!extends) {
        beginResetModel();
        m_incidentId = incidentId;
        m_events = std::move(events);
        m_flagged = flagged;
        endResetModel();
        return;
    }
    if (events.size() == m_events.size())
        return;
    const int first = int(m_events.size());
    beginInsertRows({}, first, int(events.size()) - 1);
    m_events = std::move(events);
    endInsertRows();
}

void TimelineModel::clear()
{
    setEvents({}, {}, {});
}

} // namespace nocturne::models
