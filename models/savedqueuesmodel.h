#pragma once

#include "savedqueue.h"

#include <QAbstractListModel>
#include <QList>

#include <array>

namespace nocturne::models {

class IncidentQueueModel;

// The sidebar: one row per saved queue with its live count. Counts follow the queue
// model incrementally: each source row keeps a bitmask of the queues it belongs to,
// so a change costs a few bit operations, not a recount of 100k incidents. "Breaching
// soon" also moves with time: setNow() re-checks that one bit of every row.
class SavedQueuesModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedQueuesModel)
public:
    explicit SavedQueuesModel(IncidentQueueModel *queue, QObject *parent = nullptr);
    ~SavedQueuesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count(SavedQueue queue) const { return m_counts.at(std::size_t(queue)); }
    // The sidebar's order: urgent queues first.
    static SavedQueue queueAt(int row);
    static int rowOf(SavedQueue queue);

    void setCurrentUser(const QString &user);
    // Recounts "Breaching soon", and everything when the local day changes ("Resolved today").
    void setNow(qint64 ms);

private:
    void recount();
    void recountBreachingSoon();
    quint8 membershipOf(int sourceRow) const;
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void add(quint8 membership, int delta);
    void publish(const std::array<int, SavedQueueCount> &before);

    IncidentQueueModel *m_queue;
    QueueContext m_context;
    QList<quint8> m_membership; // parallel to the source rows
    std::array<int, SavedQueueCount> m_counts {};
};

} // namespace nocturne::models
