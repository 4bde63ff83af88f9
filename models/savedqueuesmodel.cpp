#include "savedqueuesmodel.h"

#include "incidentqueuemodel.h"
#include "queuecolumns.h"

#include <QLocale>

namespace nocturne::models {

SavedQueuesModel::SavedQueuesModel(IncidentQueueModel *queue, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
{
    connect(queue, &QAbstractItemModel::modelReset, this, &SavedQueuesModel::recount);
    connect(queue, &QAbstractItemModel::rowsAboutToBeRemoved, this, &SavedQueuesModel::onRowsAboutToBeRemoved);
    connect(queue, &QAbstractItemModel::rowsInserted, this, &SavedQueuesModel::onRowsInserted);
    connect(queue, &QAbstractItemModel::dataChanged, this, &SavedQueuesModel::onDataChanged);
    recount();
}

SavedQueuesModel::~SavedQueuesModel() = default;

int SavedQueuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SavedQueueCount;
}

QVariant SavedQueuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedQueue queue = queueAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return savedQueueLabel(queue);
    case Qt::ToolTipRole:
        return tr("%1: %n incident(s)", nullptr, count(queue)).arg(savedQueueLabel(queue));
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(savedQueueLabel(queue), QLocale().toString(count(queue)));
    case SavedQueueRole::Queue: return int(queue);
    case SavedQueueRole::Count: return count(queue);
    default: return {};
    }
}

QHash<int, QByteArray> SavedQueuesModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(SavedQueueRole::Queue, "queue");
    names.insert(SavedQueueRole::Count, "count");
    return names;
}

void SavedQueuesModel::setCurrentUser(const QString &user)
{
    if (user == m_context.currentUser)
        return;
    m_context.currentUser = user;
    recount();
}

void SavedQueuesModel::setNow(qint64 ms)
{
    const qint64 startOfToday = startOfLocalDay(ms);
    if (startOfToday == m_context.startOfTodayMs)
        return;
    m_context.startOfTodayMs = startOfToday;
    recount();
}

void SavedQueuesModel::add(quint8 membership, int delta)
{
    for (int q = 0; q < SavedQueueCount; ++q) {
        if (membership & (1u << q))
            m_counts[q] += delta;
    }
}

void SavedQueuesModel::publish(const std::array<int, SavedQueueCount> &before)
{
    for (int q = 0; q < SavedQueueCount; ++q) {
        if (before[q] != m_counts[q])
            Q_EMIT dataChanged(index(q), index(q));
    }
}

void SavedQueuesModel::recount()
{
    const auto before = m_counts;
    m_counts.fill(0);
    const int rows = m_queue->rowCount();
    m_membership.resize(rows);
    for (int r = 0; r < rows; ++r) {
        m_membership[r] = queueMembership(m_queue->entry(r), m_context);
        add(m_membership[r], +1);
    }
    publish(before);
}

void SavedQueuesModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const auto before = m_counts;
    for (int r = first; r <= last; ++r)
        add(m_membership.at(r), -1);
    m_membership.remove(first, last - first + 1);
    publish(before);
}

void SavedQueuesModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const auto before = m_counts;
    m_membership.insert(first, last - first + 1, 0);
    for (int r = first; r <= last; ++r) {
        m_membership[r] = queueMembership(m_queue->entry(r), m_context);
        add(m_membership[r], +1);
    }
    publish(before);
}

void SavedQueuesModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The age column ticks every minute and cannot move an incident between queues.
    if (topLeft.column() == QueueColumn::Age && bottomRight.column() == QueueColumn::Age)
        return;
    const auto before = m_counts;
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
        const quint8 now = queueMembership(m_queue->entry(r), m_context);
        if (now != m_membership.at(r)) {
            add(m_membership.at(r), -1);
            add(now, +1);
            m_membership[r] = now;
        }
    }
    publish(before);
}

} // namespace nocturne::models
