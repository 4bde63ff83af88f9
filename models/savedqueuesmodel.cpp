#include "savedqueuesmodel.h"

#include "incidentqueuemodel.h"
#include "queuecolumns.h"

#include <QLocale>

namespace nocturne::models {

namespace {

// Sidebar rows -> queues. "Breaching soon" sits with the urgent queues although it was
// added last (the enum values are what settings store).
constexpr std::array<SavedQueue, SavedQueueCount> SidebarOrder {
    SavedQueue::AllOpen,       SavedQueue::Unassigned, SavedQueue::AssignedToMe,  SavedQueue::HighPriority,
    SavedQueue::BreachingSoon, SavedQueue::OnHold,     SavedQueue::ResolvedToday,
};

} // namespace

SavedQueue SavedQueuesModel::queueAt(int row)
{
    return row >= 0 && row < SavedQueueCount ? SidebarOrder[std::size_t(row)] : SavedQueue::AllOpen;
}

int SavedQueuesModel::rowOf(SavedQueue queue)
{
    for (int row = 0; row < SavedQueueCount; ++row) {
        if (SidebarOrder[std::size_t(row)] == queue)
            return row;
    }
    return 0;
}

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
    m_context.nowMs = ms;
    const qint64 startOfToday = startOfLocalDay(ms);
    if (startOfToday != m_context.startOfTodayMs) {
        m_context.startOfTodayMs = startOfToday;
        recount();
        return;
    }
    recountBreachingSoon();
}

quint8 SavedQueuesModel::membershipOf(int sourceRow) const
{
    return queueMembership(m_queue->entry(sourceRow), m_context, m_queue->slaKeys(sourceRow).breachingSoonFrom);
}

void SavedQueuesModel::recountBreachingSoon()
{
    const auto before = m_counts;
    const quint8 bit = membershipBit(SavedQueue::BreachingSoon);
    for (int r = 0; r < m_membership.size(); ++r) {
        const bool in = belongsTo(m_queue->entry(r), SavedQueue::BreachingSoon, m_context,
                                  m_queue->slaKeys(r).breachingSoonFrom);
        if (in != bool(m_membership.at(r) & bit)) {
            m_membership[r] ^= bit;
            m_counts[std::size_t(SavedQueue::BreachingSoon)] += in ? 1 : -1;
        }
    }
    publish(before);
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
            Q_EMIT dataChanged(index(rowOf(SavedQueue(q))), index(rowOf(SavedQueue(q))));
    }
}

void SavedQueuesModel::recount()
{
    const auto before = m_counts;
    m_counts.fill(0);
    const int rows = m_queue->rowCount();
    m_membership.resize(rows);
    for (int r = 0; r < rows; ++r) {
        m_membership[r] = membershipOf(r);
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
        m_membership[r] = membershipOf(r);
        add(m_membership[r], +1);
    }
    publish(before);
}

void SavedQueuesModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The age column ticks twice a minute and cannot move an incident between queues.
    if (topLeft.column() == QueueColumn::Age && bottomRight.column() == QueueColumn::Age)
        return;
    const auto before = m_counts;
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
        const quint8 now = membershipOf(r);
        if (now != m_membership.at(r)) {
            add(m_membership.at(r), -1);
            add(now, +1);
            m_membership[r] = now;
        }
    }
    publish(before);
}

} // namespace nocturne::models
