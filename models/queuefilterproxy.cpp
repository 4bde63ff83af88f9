#include "queuefilterproxy.h"

#include "incidentqueuemodel.h"
#include "queuecolumns.h"
#include "searchtext.h"

namespace nocturne::models {

using core::QueueEntry;

namespace {

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
}

// Ties fall back to the operator's default order, so equal keys never shuffle.
int compareDefault(const QueueEntry &a, const QueueEntry &b)
{
    if (int c = threeWay(a.priority, b.priority))
        return c;
    if (int c = threeWay(a.openedAt, b.openedAt))
        return c;
    return threeWay(a.number, b.number);
}

} // namespace

QueueFilterProxy::QueueFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(QueueRole::RawValue);
}

QueueFilterProxy::~QueueFilterProxy() = default;

void QueueFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_queueModel = qobject_cast<IncidentQueueModel *>(model);
    Q_ASSERT(!model || m_queueModel);
    QSortFilterProxyModel::setSourceModel(model);
    if (sortColumn() < 0)
        sort(QueueColumn::Priority, Qt::AscendingOrder);
}

void QueueFilterProxy::setText(const QString &text)
{
    const QString needle = foldForSearch(text.trimmed());
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

void QueueFilterProxy::setQueue(SavedQueue queue)
{
    if (queue == m_queue)
        return;
    m_queue = queue;
    invalidateFilter();
}

void QueueFilterProxy::setCurrentUser(const QString &user)
{
    if (user == m_context.currentUser)
        return;
    m_context.currentUser = user;
    if (m_queue == SavedQueue::AssignedToMe)
        invalidateFilter();
}

void QueueFilterProxy::setNow(qint64 ms)
{
    if (ms == m_context.nowMs)
        return;
    m_context.nowMs = ms;
    const qint64 startOfToday = startOfLocalDay(ms);
    const bool newDay = startOfToday != m_context.startOfTodayMs;
    m_context.startOfTodayMs = startOfToday;
    if (!m_hasIncidentIds
        && (m_queue == SavedQueue::BreachingSoon || (newDay && m_queue == SavedQueue::ResolvedToday)))
        invalidateFilter();
}

void QueueFilterProxy::setIncidentIds(const QSet<QString> &ids)
{
    if (m_hasIncidentIds && ids == m_incidentIds)
        return;
    m_incidentIds = ids;
    m_hasIncidentIds = true;
    invalidateFilter();
}

void QueueFilterProxy::clearIncidentIds()
{
    if (!m_hasIncidentIds)
        return;
    m_incidentIds.clear();
    m_hasIncidentIds = false;
    invalidateFilter();
}

const QueueEntry &QueueFilterProxy::entryAt(int proxyRow) const
{
    return m_queueModel->entry(mapToSource(index(proxyRow, 0)).row());
}

QString QueueFilterProxy::incidentIdAt(int proxyRow) const
{
    return entryAt(proxyRow).id;
}

int QueueFilterProxy::rowOfIncident(const QString &id) const
{
    if (!m_queueModel)
        return -1;
    const int sourceRow = m_queueModel->rowOfIncident(id);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_queueModel->index(sourceRow, 0)).row();
}

bool QueueFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_queueModel)
        return false;
    if (m_hasIncidentIds) {
        if (!m_incidentIds.contains(m_queueModel->entry(sourceRow).id))
            return false;
    } else if (!belongsTo(m_queueModel->entry(sourceRow), m_queue, m_context,
                          m_queueModel->slaKeys(sourceRow).breachingSoonFrom)) {
        return false;
    }
    return m_needle.isEmpty() || m_queueModel->searchText(sourceRow).contains(m_needle);
}

bool QueueFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == QueueColumn::Priority) {
        const qint64 l = m_queueModel->defaultOrderKey(left.row());
        const qint64 r = m_queueModel->defaultOrderKey(right.row());
        if (l != r)
            return l < r;
    }
    const QueueEntry &a = m_queueModel->entry(left.row());
    const QueueEntry &b = m_queueModel->entry(right.row());
    int c = 0;
    switch (left.column()) {
    case QueueColumn::Number: c = threeWay(a.number, b.number); break;
    case QueueColumn::Priority: c = compareDefault(a, b); break;
    case QueueColumn::Title: c = compareText(a.title, b.title); break;
    case QueueColumn::State: c = threeWay(int(a.state), int(b.state)); break;
    case QueueColumn::Service: c = compareText(a.service, b.service); break;
    case QueueColumn::ConfigurationItem: c = compareText(a.configurationItem, b.configurationItem); break;
    case QueueColumn::Site: c = compareText(a.site, b.site); break;
    case QueueColumn::AssignmentGroup: c = compareText(a.assignmentGroup, b.assignmentGroup); break;
    case QueueColumn::Assignee: c = compareText(a.assignee, b.assignee); break;
    case QueueColumn::Opened: c = threeWay(a.openedAt, b.openedAt); break;
    case QueueColumn::Age: c = threeWay(m_queueModel->ageMs(a), m_queueModel->ageMs(b)); break;
    case QueueColumn::Updated: c = threeWay(a.updatedAt, b.updatedAt); break;
    case QueueColumn::ResponseSla:
        c = threeWay(m_queueModel->slaKeys(left.row()).response, m_queueModel->slaKeys(right.row()).response);
        break;
    case QueueColumn::ResolutionSla:
        c = threeWay(m_queueModel->slaKeys(left.row()).resolution, m_queueModel->slaKeys(right.row()).resolution);
        break;
    case QueueColumn::BreachRisk:
        c = threeWay(m_queueModel->slaKeys(left.row()).risk, m_queueModel->slaKeys(right.row()).risk);
        break;
    default: break;
    }
    return c != 0 ? c < 0 : compareDefault(a, b) < 0;
}

} // namespace nocturne::models
