#include "queuereader.h"

#include "referencerepository.h"
#include "rowmapping.h"
#include "../domain/clock.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QTimer>

namespace nocturne::core {

namespace {

Q_LOGGING_CATEGORY(lcReader, "nocturne.storage.reader")

const QString entryColumns = QStringLiteral(
    "id, number, title, service, ci, site, assignment_group, assignee, category, priority, impact, "
    "urgency, state, hold_reason, domain, opened_at, acknowledged_at, resolved_at, updated_at");

constexpr int IdsPerQuery = 500;

} // namespace

QueueReader::QueueReader(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

QueueReader::~QueueReader() = default;

void QueueReader::open(const QString &path, int pollIntervalMs)
{
    QMetaObject::invokeMethod(this, [this, path, pollIntervalMs] { openHere(path, pollIntervalMs); },
                              Qt::QueuedConnection);
}

void QueueReader::loadIncident(quint64 requestId, const QString &incidentId)
{
    QMetaObject::invokeMethod(this, [this, requestId, incidentId] { loadIncidentHere(requestId, incidentId); },
                              Qt::QueuedConnection);
}

const QString &QueueReader::intern(const QString &value)
{
    auto it = m_strings.constFind(value);
    if (it == m_strings.constEnd())
        it = m_strings.insert(value, value);
    return it.value();
}

QueueEntry QueueReader::readEntry(const QSqlQuery &q)
{
    QueueEntry e;
    e.id = q.value(0).toString();
    e.number = q.value(1).toString();
    e.title = q.value(2).toString();
    e.service = intern(q.value(3).toString());
    e.configurationItem = intern(q.value(4).toString());
    e.site = intern(q.value(5).toString());
    e.assignmentGroup = intern(q.value(6).toString());
    e.assignee = intern(q.value(7).toString());
    e.category = intern(q.value(8).toString());
    e.priority = q.value(9).toInt();
    e.impact = q.value(10).toInt();
    e.urgency = q.value(11).toInt();
    e.state = incidentStateFromName(q.value(12).toString()).value_or(IncidentState::New);
    e.holdReason = holdReasonFromName(q.value(13).toString()).value_or(HoldReason::None);
    e.domain = domainFromName(q.value(14).toString()).value_or(Domain::It);
    e.openedAt = q.value(15).toLongLong();
    e.acknowledgedAt = q.value(16).toLongLong();
    e.resolvedAt = q.value(17).toLongLong();
    e.updatedAt = q.value(18).toLongLong();
    return e;
}

void QueueReader::openHere(const QString &path, int pollIntervalMs)
{
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::MustExist;
    if (auto error = m_database.open(path, options)) {
        Q_EMIT failed(error);
        return;
    }
    m_repository = std::make_unique<IncidentRepository>(m_database.connection(), path);
    readDataVersion(&m_dataVersion);
    m_lastSequence = m_repository->lastSequence();

    // Open incidents through their covering index, recent resolutions through theirs.
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + entryColumns
              + QStringLiteral(" FROM incidents INDEXED BY incidents_open_queue"
                               " WHERE state IN ('new', 'in_progress', 'on_hold') AND opened_at > 0"
                               " UNION ALL SELECT ")
              + entryColumns
              + QStringLiteral(" FROM incidents WHERE resolved_at >= ? AND state NOT IN ('new', 'in_progress', "
                               "'on_hold') AND opened_at > 0"));
    q.addBindValue(m_clock.nowMs() - RecentlyResolvedWindowMs);
    if (!q.exec()) {
        Q_EMIT failed(Database::classify(path, q.lastError()));
        return;
    }
    auto entries = std::make_shared<QueueEntries>();
    while (q.next())
        entries->append(readEntry(q));
    Q_EMIT opened(path);
    Q_EMIT snapshotReady(entries);

    ReferenceRepository reference(m_database.connection(), path);
    ReferenceSnapshot snapshot;
    snapshot.sites = reference.sites();
    snapshot.services = reference.services();
    snapshot.configurationItems = reference.configurationItems();
    snapshot.groups = reference.groups();
    snapshot.users = reference.users();
    QSqlQuery matrix(m_database.connection());
    if (matrix.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'priority_matrix'")) && matrix.next()) {
        if (auto m = PriorityMatrix::fromJson(QJsonDocument::fromJson(matrix.value(0).toString().toUtf8()).object(), nullptr))
            snapshot.priorityMatrix = *m;
    }
    Q_EMIT referenceDataReady(snapshot);

    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &QueueReader::poll);
    }
    m_pollTimer->start(pollIntervalMs);
}

bool QueueReader::readDataVersion(qint64 *version)
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return false;
    *version = q.value(0).toLongLong();
    return true;
}

void QueueReader::poll()
{
    qint64 version = 0;
    if (!readDataVersion(&version) || version == m_dataVersion)
        return;
    m_dataVersion = version;
    qint64 last = m_lastSequence;
    const QSet<QString> ids = m_repository->incidentsChangedSince(m_lastSequence, &last);
    if (m_repository->lastError()) {
        // A transient lock must not end live updates: log and retry on the next poll.
        qCWarning(lcReader) << m_repository->lastError().message;
        m_dataVersion = -1;
        return;
    }
    m_lastSequence = last;
    if (ids.isEmpty())
        return;
    auto changed = std::make_shared<QueueEntries>(readEntries(QStringList(ids.begin(), ids.end())));
    if (!changed->isEmpty())
        Q_EMIT entriesChanged(changed);
}

QueueEntries QueueReader::readEntries(const QStringList &ids)
{
    QueueEntries out;
    for (qsizetype start = 0; start < ids.size(); start += IdsPerQuery) {
        const QStringList chunk = ids.mid(start, IdsPerQuery);
        QSqlQuery q(m_database.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM incidents WHERE opened_at > 0 AND id IN (?")
                  + QStringLiteral(",?").repeated(chunk.size() - 1) + QLatin1Char(')'));
        for (int i = 0; i < chunk.size(); ++i)
            q.bindValue(i, chunk.at(i));
        if (!q.exec()) {
            qCWarning(lcReader) << q.lastError().text();
            continue;
        }
        while (q.next())
            out.append(readEntry(q));
    }
    return out;
}

void QueueReader::loadIncidentHere(quint64 requestId, const QString &incidentId)
{
    if (!m_repository)
        return;
    const auto incident = m_repository->find(incidentId);
    if (!incident) {
        if (m_repository->lastError())
            Q_EMIT failed(m_repository->lastError());
        return;
    }
    Q_EMIT incidentLoaded(requestId, *incident, m_repository->events(incident->id));
}

} // namespace nocturne::core
