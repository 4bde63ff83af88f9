#include "handoverrepository.h"

#include "database.h"
#include "rowmapping.h"

#include <QSqlError>
#include <QSqlQuery>

namespace nocturne::core {

namespace {

// Both queries end with the same optional site and group filter: "(? = '' OR site = ?)",
// each value bound twice.
void bindScope(QSqlQuery &q, const QString &site, const QString &group)
{
    q.addBindValue(site);
    q.addBindValue(site);
    q.addBindValue(group);
    q.addBindValue(group);
}

} // namespace

HandoverRepository::HandoverRepository(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
{
}

bool HandoverRepository::fail(const QSqlQuery &q)
{
    m_error = Database::classify(m_path, q.lastError());
    return false;
}

std::optional<QList<Incident>> HandoverRepository::openAt(qint64 at, const QString &site, const QString &group)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Resolved-then-closed incidents keep resolved_at, so closed_at only counts for
    // incidents cancelled without a resolution.
    q.prepare(QStringLiteral("SELECT ") + rows::incidentColumns()
              + QStringLiteral(" FROM incidents WHERE opened_at < ? AND (state IN ('new', 'in_progress', 'on_hold') "
                               "OR resolved_at >= ? OR (resolved_at = 0 AND closed_at >= ?)) "
                               "AND (ifnull(?, '') = '' OR site = ?) AND (ifnull(?, '') = '' OR assignment_group = ?) "
                               "ORDER BY priority, opened_at, number"));
    for (int i = 0; i < 3; ++i)
        q.addBindValue(at);
    bindScope(q, site, group);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<Incident> out;
    while (q.next())
        out << rows::readIncident(q);
    if (q.lastError().isValid()) {
        fail(q);
        return std::nullopt;
    }
    return out;
}

std::optional<QList<ShiftEvent>> HandoverRepository::eventsBetween(qint64 from, qint64 to, const QString &site,
                                                                   const QString &group)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT e.id, e.incident_id, e.kind, e.payload, e.actor, e.origin_node, e.hlc, e.occurred_at, "
        "e.server_revision, i.number, i.title, i.priority FROM events e JOIN incidents i ON i.id = e.incident_id "
        "WHERE e.occurred_at >= ? AND e.occurred_at < ? AND (ifnull(?, '') = '' OR i.site = ?) "
        "AND (ifnull(?, '') = '' OR i.assignment_group = ?) ORDER BY e.occurred_at, e.hlc, e.id"));
    q.addBindValue(from);
    q.addBindValue(to);
    bindScope(q, site, group);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<ShiftEvent> out;
    while (q.next()) {
        ShiftEvent s;
        s.event = rows::readEvent(q, 0);
        s.number = q.value(9).toString();
        s.title = q.value(10).toString();
        s.priority = q.value(11).toInt();
        out << s;
    }
    if (q.lastError().isValid()) {
        fail(q);
        return std::nullopt;
    }
    return out;
}

} // namespace nocturne::core
