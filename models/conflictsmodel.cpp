#include "conflictsmodel.h"

#include <core/domain/labels.h>
#include <core/domain/vocabulary.h>

#include <QHash>

namespace nocturne::models {

namespace {

bool sameConflict(const core::SyncConflict &a, const core::SyncConflict &b)
{
    return a.source == b.source && a.eventId == b.eventId && a.incidentId == b.incidentId
        && a.incidentNumber == b.incidentNumber && a.kind == b.kind && a.actor == b.actor
        && a.occurredAtMs == b.occurredAtMs && a.httpStatus == b.httpStatus && a.code == b.code
        && a.reason == b.reason && a.recordedAtMs == b.recordedAtMs;
}

} // namespace

ConflictsModel::ConflictsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ConflictsModel::~ConflictsModel() = default;

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ConflictColumn::Count;
}

QVariant ConflictsModel::displayValue(const core::SyncConflict &c, int column) const
{
    switch (column) {
    case ConflictColumn::Incident: return c.incidentNumber.isEmpty() ? c.incidentId : c.incidentNumber;
    case ConflictColumn::Kind:
        if (const auto kind = core::eventKindFromName(c.kind))
            return core::eventKindLabel(*kind);
        return c.kind;
    case ConflictColumn::Actor: return c.actor;
    case ConflictColumn::Occurred: return c.occurredAtMs > 0 ? core::formatLocalTime(c.occurredAtMs) : QString();
    case ConflictColumn::Reason:
        if (c.source == core::SyncConflict::Source::Flagged)
            return c.reason.isEmpty() ? tr("Invalid after a merge") : tr("Invalid after a merge: %1").arg(c.reason);
        return c.reason.isEmpty() ? tr("Refused by the server (%1)").arg(c.code) : c.reason;
    }
    return {};
}

QVariant ConflictsModel::rawValue(const core::SyncConflict &c, int column) const
{
    switch (column) {
    case ConflictColumn::Incident: return c.incidentNumber.isEmpty() ? c.incidentId : c.incidentNumber;
    case ConflictColumn::Kind: return c.kind;
    case ConflictColumn::Actor: return c.actor;
    case ConflictColumn::Occurred: return c.occurredAtMs;
    case ConflictColumn::Reason: return c.code;
    }
    return {};
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::SyncConflict &c = m_conflicts.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayValue(c, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ConflictColumn::Reason && c.source == core::SyncConflict::Source::Refused) {
            const QString when = c.recordedAtMs > 0 ? core::formatLocalTime(c.recordedAtMs) : QString();
            return tr("Refused by the server at %1 (HTTP %2, %3): %4")
                .arg(when, QString::number(c.httpStatus), c.code, c.reason);
        }
        return displayValue(c, index.column());
    case ConflictRole::EventId: return c.eventId;
    case ConflictRole::RawValue: return rawValue(c, index.column());
    case ConflictRole::IncidentId: return c.incidentId;
    case ConflictRole::Source: return int(c.source);
    case ConflictRole::Code: return c.code;
    default: return {};
    }
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ConflictColumn::Incident: return tr("Incident");
    case ConflictColumn::Kind: return tr("Event");
    case ConflictColumn::Actor: return tr("Actor");
    case ConflictColumn::Occurred: return tr("When");
    case ConflictColumn::Reason: return tr("Reason");
    }
    return {};
}

QHash<int, QByteArray> ConflictsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ConflictRole::EventId, "eventId");
    names.insert(ConflictRole::RawValue, "rawValue");
    names.insert(ConflictRole::IncidentId, "incidentId");
    names.insert(ConflictRole::Source, "source");
    names.insert(ConflictRole::Code, "code");
    return names;
}

int ConflictsModel::rowOf(const QString &eventId) const
{
    for (qsizetype row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).eventId == eventId)
            return int(row);
    }
    return -1;
}

void ConflictsModel::setConflicts(const QList<core::SyncConflict> &conflicts)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < conflicts.size(); ++i)
        incoming.insert(conflicts.at(i).eventId, i);

    // Rows that left (dismissed, or accepted on a retry), from the bottom up.
    for (int row = int(m_conflicts.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_conflicts.at(row).eventId))
            continue;
        beginRemoveRows({}, row, row);
        m_conflicts.removeAt(row);
        endRemoveRows();
    }
    // Rows that stay but changed (a new reason after a retry).
    QHash<QString, int> present;
    for (int row = 0; row < int(m_conflicts.size()); ++row) {
        const core::SyncConflict &now = conflicts.at(incoming.value(m_conflicts.at(row).eventId));
        present.insert(now.eventId, row);
        if (!sameConflict(now, m_conflicts.at(row))) {
            m_conflicts[row] = now;
            Q_EMIT dataChanged(index(row, 0), index(row, ConflictColumn::Count - 1));
        }
    }
    // New rows, in the order the worker gave them.
    QList<core::SyncConflict> added;
    for (const core::SyncConflict &c : conflicts) {
        if (present.contains(c.eventId))
            continue;
        present.insert(c.eventId, -1); // listed twice: shown once
        added << c;
    }
    if (added.isEmpty())
        return;
    const int first = int(m_conflicts.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_conflicts << added;
    endInsertRows();
}

} // namespace nocturne::models
