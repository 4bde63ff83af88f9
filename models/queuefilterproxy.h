#pragma once

#include "savedqueue.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace nocturne::models {

class IncidentQueueModel;

// What the operator sees of the queue: one saved queue, narrowed by a free-text
// filter, sorted on any column (priority, then oldest first, by default). Filtering
// and sorting read the source entries directly: no QVariant per comparison, so a
// keystroke or a sort over 100k rows stays interactive.
class QueueFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFilterProxy)
public:
    explicit QueueFilterProxy(QObject *parent = nullptr);
    ~QueueFilterProxy() override;

    // Must be an IncidentQueueModel.
    void setSourceModel(QAbstractItemModel *model) override;
    IncidentQueueModel *queueModel() const { return m_queueModel; }

    // Case-insensitive substring of number, title, service, CI, site or assignee.
    void setText(const QString &text);
    QString text() const { return m_needle; }
    void setQueue(SavedQueue queue);
    SavedQueue queue() const { return m_queue; }
    void setCurrentUser(const QString &user);
    // Re-filters "Resolved today" when the local day changes and "Breaching soon" at every
    // call (time moves incidents into it).
    void setNow(qint64 ms);
    // Exactly these incidents, in place of the saved queue (a KPI drill-down); the text
    // filter still narrows them. clearIncidentIds() goes back to the saved queue.
    void setIncidentIds(const QSet<QString> &ids);
    void clearIncidentIds();
    bool hasIncidentIds() const { return m_hasIncidentIds; }
    const QSet<QString> &incidentIds() const { return m_incidentIds; }

    const core::QueueEntry &entryAt(int proxyRow) const;
    QString incidentIdAt(int proxyRow) const;
    // The proxy row showing an incident, or -1 when it is filtered out.
    int rowOfIncident(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    IncidentQueueModel *m_queueModel = nullptr;
    QString m_needle; // lower case
    SavedQueue m_queue = SavedQueue::AllOpen;
    QueueContext m_context;
    QSet<QString> m_incidentIds;
    bool m_hasIncidentIds = false;
};

} // namespace nocturne::models
