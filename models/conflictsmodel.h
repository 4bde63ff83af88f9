#pragma once

#include "queuecolumns.h"

#include <core/sync/syncstatus.h>

#include <QAbstractTableModel>
#include <QList>

namespace nocturne::models {

// The replica's sync conflicts for the conflicts view: events the server refused (with
// its reason) and local events a merge made invalid. Each stays listed until someone
// dismisses it; a new list from the sync worker is applied as row changes keyed by
// event id, so the operator's selection survives updates.
class ConflictsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsModel)
public:
    explicit ConflictsModel(QObject *parent = nullptr);
    ~ConflictsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConflicts(const QList<core::SyncConflict> &conflicts);
    const core::SyncConflict &conflict(int row) const { return m_conflicts.at(row); }
    int rowOf(const QString &eventId) const;

private:
    QVariant displayValue(const core::SyncConflict &c, int column) const;
    QVariant rawValue(const core::SyncConflict &c, int column) const;

    QList<core::SyncConflict> m_conflicts;
};

} // namespace nocturne::models
