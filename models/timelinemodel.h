#pragma once

#include "queuecolumns.h"

#include <core/storage/incidentrepository.h>

#include <QAbstractTableModel>
#include <QSet>

namespace nocturne::models {

// The history of one incident for the detail pane, in fold (HLC) order: what happened,
// who did it, when it really happened and when it was recorded. Events the fold
// refused after a merge stay visible and are flagged.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)
public:
    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the timeline; when it is the same incident and the old events are a
    // prefix of the new ones, only the new rows are inserted (the view keeps its place).
    void setEvents(const QString &incidentId, QList<core::StoredEvent> events, const QStringList &flaggedEventIds);
    void clear();

    const QString &incidentId() const { return m_incidentId; }
    const core::Event &event(int row) const { return m_events.at(row).event; }
    bool isFlagged(int row) const { return m_flagged.contains(m_events.at(row).event.id); }

private:
    QVariant displayValue(int row, int column) const;

    QString m_incidentId;
    QList<core::StoredEvent> m_events;
    QSet<QString> m_flagged;
};

} // namespace nocturne::models
