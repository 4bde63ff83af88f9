#include "syncrepository.h"

#include "database.h"
#include "eventstore.h"
#include "rowmapping.h"
#include "../domain/labels.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SyncRepository)
};

const QString PulledRevisionKey = QStringLiteral("sync_pulled_revision");
const QString ServerKey = QStringLiteral("sync_server");

// A dismissed flagged event is remembered as a rejection row with this code. Only the
// other rows (real refusals) keep an event out of the outbox: a flagged event still syncs.
constexpr auto FlaggedCode = "flagged";

// Unsynced events the server has not refused, through the partial index on seq.
constexpr auto OutboxWhere = "events.server_revision IS NULL AND NOT EXISTS (SELECT 1 FROM sync_rejections r "
                             "WHERE r.event_id = events.id AND r.code <> 'flagged')";

// Local events the fold flagged, not yet dismissed nor refused (a refusal is listed as such).
constexpr auto FlaggedFrom = "FROM incidents i, json_each(i.flagged_events) f JOIN events e ON e.id = f.value "
                             "WHERE i.flagged_events <> '[]' "
                             "AND e.origin_node = (SELECT value FROM meta WHERE key = 'node_id') "
                             "AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.event_id = e.id)";

} // namespace

SyncRepository::SyncRepository(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
{
}

bool SyncRepository::fail(const QSqlQuery &q)
{
    m_error = Database::classify(m_path, q.lastError());
    return false;
}

std::optional<QList<Event>> SyncRepository::outbox(int limit)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + rows::eventColumns() + QStringLiteral(" FROM events WHERE ")
              + QLatin1StringView(OutboxWhere) + QStringLiteral(" ORDER BY events.seq LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<Event> events;
    while (q.next())
        events << rows::readEvent(q);
    if (q.lastError().isValid()) {
        fail(q);
        return std::nullopt;
    }
    return events;
}

std::optional<qint64> SyncRepository::pendingCount()
{
    m_error = {};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM events WHERE ") + QLatin1StringView(OutboxWhere)) || !q.next()) {
        fail(q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

DatabaseError SyncRepository::recordPushResults(const QHash<QString, qint64> &revisions,
                                                const QList<SyncRefusal> &refusals, qint64 atMs)
{
    m_error = {};
    if (revisions.isEmpty() && refusals.isEmpty())
        return {};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        fail(q);
        return m_error;
    }
    auto abort = [this](const QSqlQuery &failed) {
        fail(failed);
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return m_error;
    };
    QSqlQuery revision(m_db);
    revision.prepare(QStringLiteral("UPDATE events SET server_revision = ? WHERE id = ? AND server_revision IS NULL"));
    for (auto it = revisions.cbegin(); it != revisions.cend(); ++it) {
        revision.bindValue(0, it.value());
        revision.bindValue(1, it.key());
        if (!revision.exec())
            return abort(revision);
    }
    // A refusal replaces an earlier one (or a dismissed flag) of the same event: the
    // newest answer is the one to show.
    QSqlQuery refusal(m_db);
    refusal.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_rejections (event_id, http_status, code, reason, "
                                   "rejected_at, dismissed_at) VALUES (?, ?, ?, ?, ?, 0)"));
    for (const SyncRefusal &r : refusals) {
        refusal.bindValue(0, r.eventId);
        refusal.bindValue(1, r.httpStatus);
        refusal.bindValue(2, r.code.isEmpty() ? QStringLiteral("invalid") : r.code);
        refusal.bindValue(3, r.reason);
        refusal.bindValue(4, atMs);
        if (!refusal.exec())
            return abort(refusal);
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return abort(q);
    return {};
}

namespace {

// Both conflict queries start with the event's id, incident, number, kind, actor and time.
SyncConflict readConflictEvent(const QSqlQuery &q, SyncConflict::Source source)
{
    SyncConflict c;
    c.source = source;
    c.eventId = q.value(0).toString();
    c.incidentId = q.value(1).toString();
    c.incidentNumber = q.value(2).toString();
    c.kind = q.value(3).toString();
    c.actor = q.value(4).toString();
    c.occurredAtMs = q.value(5).toLongLong();
    return c;
}

} // namespace

std::optional<QList<SyncConflict>> SyncRepository::conflicts()
{
    m_error = {};
    QList<SyncConflict> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.id, e.incident_id, ifnull(i.number, ''), e.kind, e.actor, e.occurred_at, "
                               "r.http_status, r.code, r.reason, r.rejected_at FROM sync_rejections r "
                               "JOIN events e ON e.id = r.event_id LEFT JOIN incidents i ON i.id = e.incident_id "
                               "WHERE r.dismissed_at = 0 AND r.code <> 'flagged' ORDER BY r.rejected_at, e.seq"))) {
        fail(q);
        return std::nullopt;
    }
    while (q.next()) {
        SyncConflict c = readConflictEvent(q, SyncConflict::Source::Refused);
        c.httpStatus = q.value(6).toInt();
        c.code = q.value(7).toString();
        c.reason = q.value(8).toString();
        c.recordedAtMs = q.value(9).toLongLong();
        out << c;
    }
    q.finish();
    if (!q.exec(QStringLiteral("SELECT e.id, e.incident_id, i.number, e.kind, e.actor, e.occurred_at, i.state ")
                + QLatin1StringView(FlaggedFrom) + QStringLiteral(" ORDER BY e.seq"))) {
        fail(q);
        return std::nullopt;
    }
    while (q.next()) {
        SyncConflict c = readConflictEvent(q, SyncConflict::Source::Flagged);
        c.code = QString::fromLatin1(FlaggedCode);
        c.reason = Text::tr(
            "%1: kept in the history but not applied, because after merging the other replicas' "
            "changes the incident was no longer in a state that allows it (it is now %2)")
                       .arg(
                           eventKindLabel(eventKindFromName(c.kind).value_or(EventKind::Commented)),
                           stateLabel(incidentStateFromName(q.value(6).toString())
                                          .value_or(IncidentState::New)));
        c.recordedAtMs = c.occurredAtMs;
        out << c;
    }
    return out;
}

std::optional<qint64> SyncRepository::conflictCount()
{
    m_error = {};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM sync_rejections WHERE dismissed_at = 0 AND code <> "
                               "'flagged') + (SELECT count(*) ")
                + QLatin1StringView(FlaggedFrom) + QStringLiteral(")"))
        || !q.next()) {
        fail(q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

DatabaseError SyncRepository::dismiss(const QString &eventId, qint64 atMs, bool *found)
{
    m_error = {};
    *found = false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sync_rejections SET dismissed_at = ? WHERE event_id = ? AND dismissed_at = 0"));
    q.addBindValue(atMs);
    q.addBindValue(eventId);
    if (!q.exec()) {
        fail(q);
        return m_error;
    }
    if (q.numRowsAffected() > 0) {
        *found = true;
        return {};
    }
    // A flagged local event: remembered as dismissed, without keeping it from syncing.
    q.prepare(QStringLiteral("INSERT INTO sync_rejections (event_id, code, reason, rejected_at, dismissed_at) "
                             "SELECT e.id, 'flagged', '', ?, ? ")
              + QLatin1StringView(FlaggedFrom) + QStringLiteral(" AND e.id = ?"));
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    q.addBindValue(eventId);
    if (!q.exec()) {
        fail(q);
        return m_error;
    }
    *found = q.numRowsAffected() > 0;
    return {};
}

DatabaseError SyncRepository::retry(const QString &eventId, bool *found)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sync_rejections WHERE event_id = ? AND code <> 'flagged'"));
    q.addBindValue(eventId);
    if (!q.exec()) {
        fail(q);
        return m_error;
    }
    *found = q.numRowsAffected() > 0;
    if (!*found)
        return {};
    // The incident's later events were refused only because the server did not know it
    // (its opening was the refused event): they go back with it, after it in the outbox.
    q.prepare(QStringLiteral("DELETE FROM sync_rejections WHERE code = 'unknown_incident' AND event_id IN "
                             "(SELECT id FROM events WHERE incident_id = (SELECT incident_id FROM events WHERE id = ?))"));
    q.addBindValue(eventId);
    if (!q.exec())
        fail(q);
    return m_error;
}

std::optional<QString> SyncRepository::metaValue(const QString &key)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.next() ? q.value(0).toString() : QString();
}

DatabaseError SyncRepository::setMetaValue(const QString &key, const QString &value)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        fail(q);
    return m_error;
}

std::optional<qint64> SyncRepository::pulledRevision()
{
    const auto value = metaValue(PulledRevisionKey);
    if (!value)
        return std::nullopt;
    return value->toLongLong();
}

DatabaseError SyncRepository::setPulledRevision(qint64 revision)
{
    return setMetaValue(PulledRevisionKey, QString::number(revision));
}

std::optional<QString> SyncRepository::server() { return metaValue(ServerKey); }

DatabaseError SyncRepository::useServer(const QString &serverUrl)
{
    const auto current = server();
    if (!current)
        return m_error;
    if (*current == serverUrl)
        return {};
    if (auto error = setMetaValue(ServerKey, serverUrl))
        return error;
    return setPulledRevision(0);
}

DatabaseError SyncRepository::markReplica(EventStore &store)
{
    if (store.authority() == NumberingAuthority::Replica)
        return {};
    if (store.authority() == NumberingAuthority::Server)
        return { DatabaseError::Kind::InvalidData,
            Text::tr("This database is a server's store; a replica cannot sync it with another "
                     "server") };
    return store.setAuthority(NumberingAuthority::Replica);
}

} // namespace nocturne::core
