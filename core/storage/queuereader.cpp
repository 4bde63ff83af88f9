#include "queuereader.h"

#include "referencerepository.h"
#include "rowmapping.h"
#include "sqlitestatement.h"
#include "../domain/clock.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QTimer>

namespace nocturne::core {

namespace {

Q_LOGGING_CATEGORY(lcReader, "nocturne.storage.reader")

// Keep in step with the covering index incidents_open_queue (migration 3): a column read
// here but missing there turns the start-up read into a table lookup per incident.
const QString entryColumns = QStringLiteral(
    "id, number, title, service, ci, site, assignment_group, assignee, category, priority, impact, "
    "urgency, state, hold_reason, domain, opened_at, acknowledged_at, resolved_at, updated_at, event_count");

constexpr int IdsPerQuery = 500;
// Ten polls (five seconds) of failing reads before the operator is told.
constexpr int FailuresBeforeReporting = 10;

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

void QueueReader::readIncidents(quint64 requestId, const QStringList &incidentIds)
{
    QMetaObject::invokeMethod(this, [this, requestId, incidentIds] { readIncidentsHere(requestId, incidentIds); },
                              Qt::QueuedConnection);
}

const QString &QueueReader::intern(const QString &value)
{
    auto it = m_strings.constFind(value);
    if (it == m_strings.constEnd())
        it = m_strings.insert(value, value);
    return it.value();
}

namespace {

struct QueryRow
{
    const QSqlQuery &q;
    QString text(int i) const { return q.value(i).toString(); }
    qint64 int64(int i) const { return q.value(i).toLongLong(); }
};

} // namespace

template<typename Row>
QueueEntry QueueReader::readEntryFrom(const Row &r)
{
    QueueEntry e;
    e.id = r.text(0);
    e.number = r.text(1);
    e.title = r.text(2);
    e.service = intern(r.text(3));
    e.configurationItem = intern(r.text(4));
    e.site = intern(r.text(5));
    e.assignmentGroup = intern(r.text(6));
    e.assignee = intern(r.text(7));
    e.category = intern(r.text(8));
    e.priority = int(r.int64(9));
    e.impact = int(r.int64(10));
    e.urgency = int(r.int64(11));
    e.state = incidentStateFromName(r.text(12)).value_or(IncidentState::New);
    e.holdReason = holdReasonFromName(r.text(13)).value_or(HoldReason::None);
    e.domain = domainFromName(r.text(14)).value_or(Domain::It);
    e.openedAt = r.int64(15);
    e.acknowledgedAt = r.int64(16);
    e.resolvedAt = r.int64(17);
    e.updatedAt = r.int64(18);
    e.eventCount = int(r.int64(19));
    return e;
}

QueueEntry QueueReader::readEntry(const QSqlQuery &q) { return readEntryFrom(QueryRow { q }); }

void QueueReader::openHere(const QString &path, int pollIntervalMs)
{
    // A refresh of the same file re-reads the snapshot on the open connection; only a
    // new file replaces it, and nothing may use the old one once it is closed.
    if (!m_database.isOpen() || m_database.path() != path) {
        if (m_pollTimer)
            m_pollTimer->stop();
        m_repository.reset();
        DatabaseOptions options;
        options.mode = DatabaseOptions::Mode::MustExist;
        if (auto error = m_database.open(path, options)) {
            Q_EMIT failed(error);
            return;
        }
        m_repository = std::make_unique<IncidentRepository>(m_database.connection(), path);
    }
    m_consecutiveFailures = 0;
    // One read transaction: the position, the open queue and the recent resolutions
    // are one consistent state, and later commits arrive as deltas from that position.
    QSqlQuery transaction(m_database.connection());
    transaction.exec(QStringLiteral("BEGIN"));
    readDataVersion(&m_dataVersion, nullptr);
    m_lastSequence = m_repository->lastSequence();

    // The open queue first, through its covering index, so the console paints as soon
    // as it has what operators work on; recent resolutions ("Resolved today") follow as
    // a delta a moment later.
    auto open = std::make_shared<QueueEntries>();
    DatabaseError error;
    if (!readSnapshot("SELECT " + entryColumns.toLatin1()
                          + " FROM incidents INDEXED BY incidents_open_queue"
                            " WHERE state IN ('new', 'in_progress', 'on_hold') AND opened_at > 0",
                      0, open.get(), &error)) {
        transaction.exec(QStringLiteral("ROLLBACK"));
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT opened(path);
    Q_EMIT snapshotReady(open);

    auto resolved = std::make_shared<QueueEntries>();
    if (!readSnapshot("SELECT " + entryColumns.toLatin1()
                          + " FROM incidents WHERE resolved_at >= ? AND state NOT IN ('new', 'in_progress', "
                            "'on_hold') AND opened_at > 0",
                      m_clock.nowMs() - RecentlyResolvedWindowMs, resolved.get(), &error)) {
        transaction.exec(QStringLiteral("ROLLBACK"));
        Q_EMIT failed(error);
        return;
    }
    transaction.exec(QStringLiteral("COMMIT"));
    if (!resolved->isEmpty())
        Q_EMIT entriesChanged(resolved);

    ReferenceRepository reference(m_database.connection(), path);
    ReferenceSnapshot snapshot;
    snapshot.sites = reference.sites();
    snapshot.services = reference.services();
    snapshot.configurationItems = reference.configurationItems();
    snapshot.groups = reference.groups();
    snapshot.users = reference.users();
    snapshot.priorityMatrix = reference.priorityMatrix();
    Q_EMIT referenceDataReady(snapshot);

    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &QueueReader::poll);
    }
    m_pollTimer->start(pollIntervalMs);
}

bool QueueReader::readSnapshot(const QByteArray &sql, qint64 since, QueueEntries *out, DatabaseError *error)
{
    // The snapshot is the console's start-up cost: read it through the C API, without
    // a QVariant per cell (two million of them for 100k incidents).
    SqliteStatement query(m_database.connection(), sql.constData());
    if (!query.isValid()) {
        *error = Database::classify(m_database.path(), query.errorCode(), query.errorText());
        return false;
    }
    if (since)
        query.bind(1, since);
    out->reserve(4096);
    bool ok = true;
    while (query.step(&ok))
        out->append(readEntryFrom(query));
    if (!ok)
        *error = Database::classify(m_database.path(), query.errorCode(), query.errorText());
    return ok;
}

bool QueueReader::readDataVersion(qint64 *version, DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) {
        if (error)
            *error = Database::classify(m_database.path(), q.lastError());
        return false;
    }
    *version = q.value(0).toLongLong();
    return true;
}

void QueueReader::poll()
{
    qint64 version = 0;
    DatabaseError error;
    if (!readDataVersion(&version, &error)) {
        noteFailure(error);
        return;
    }
    if (version == m_dataVersion)
        return;
    qint64 last = m_lastSequence;
    const QSet<QString> ids = m_repository->incidentsChangedSince(m_lastSequence, &last);
    if (m_repository->lastError()) {
        noteFailure(m_repository->lastError());
        return;
    }
    QueueEntries entries;
    if (!ids.isEmpty() && !readEntries(QStringList(ids.begin(), ids.end()), &entries, &error)) {
        noteFailure(error);
        return; // nothing is marked as seen: the next poll reads the same changes again
    }
    // Only now is the change consumed; a failure above retries it on the next poll.
    m_dataVersion = version;
    m_lastSequence = last;
    m_consecutiveFailures = 0;
    if (!entries.isEmpty())
        Q_EMIT entriesChanged(std::make_shared<QueueEntries>(std::move(entries)));
}

void QueueReader::noteFailure(const DatabaseError &error)
{
    // A transient lock must not end live updates: retry on the next poll, and tell the
    // operator only when it lasts (the queue would otherwise go stale silently).
    qCWarning(lcReader) << error.message;
    if (++m_consecutiveFailures == FailuresBeforeReporting)
        Q_EMIT failed(error);
}

bool QueueReader::readEntries(const QStringList &ids, QueueEntries *out, DatabaseError *error)
{
    for (qsizetype start = 0; start < ids.size(); start += IdsPerQuery) {
        const QStringList chunk = ids.mid(start, IdsPerQuery);
        QSqlQuery q(m_database.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM incidents WHERE opened_at > 0 AND id IN (?")
                  + QStringLiteral(",?").repeated(chunk.size() - 1) + QLatin1Char(')'));
        for (int i = 0; i < chunk.size(); ++i)
            q.bindValue(i, chunk.at(i));
        if (!q.exec()) {
            *error = Database::classify(m_database.path(), q.lastError());
            return false;
        }
        while (q.next())
            out->append(readEntry(q));
    }
    return true;
}

void QueueReader::readIncidentsHere(quint64 requestId, const QStringList &incidentIds)
{
    if (!m_repository)
        return;
    auto entries = std::make_shared<QueueEntries>();
    DatabaseError error;
    if (!readEntries(incidentIds, entries.get(), &error)) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT incidentsRead(requestId, entries);
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
