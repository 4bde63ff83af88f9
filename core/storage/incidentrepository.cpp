#include "incidentrepository.h"

#include "database.h"
#include "rowmapping.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace nocturne::core {

IncidentRepository::IncidentRepository(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(path.isEmpty() ? m_db.databaseName() : std::move(path))
{
}

std::optional<Incident> IncidentRepository::find(const QString &idOrNumber)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + rows::incidentColumns()
              + QStringLiteral(" FROM incidents WHERE (id = ? OR number = ?) AND opened_at > 0 LIMIT 1"));
    q.addBindValue(idOrNumber);
    q.addBindValue(idOrNumber.toUpper());
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return rows::readIncident(q);
}

QString IncidentRepository::whereClause(const IncidentFilter &f, QVariantList *binds) const
{
    // Only placeholders carry values; the clause text is built from fixed fragments.
    QStringList conditions { QStringLiteral("opened_at > 0") };
    if (!f.states.isEmpty()) {
        QStringList marks;
        for (IncidentState s : f.states) {
            marks << QStringLiteral("?");
            *binds << toName(s);
        }
        conditions << QStringLiteral("state IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (f.priority) {
        conditions << QStringLiteral("priority = ?");
        *binds << f.priority;
    }
    if (f.maxPriority) {
        conditions << QStringLiteral("priority <= ?");
        *binds << f.maxPriority;
    }
    const std::pair<const QString *, const char *> exact[] = {
        { &f.assignee, "assignee = ?" },
        { &f.group, "assignment_group = ?" },
        { &f.service, "service = ?" },
        { &f.site, "site = ?" },
    };
    for (const auto &[value, condition] : exact) {
        if (!value->isEmpty()) {
            conditions << QString::fromLatin1(condition);
            *binds << *value;
        }
    }
    if (f.unassigned)
        conditions << QStringLiteral("assignee = ''");
    if (f.updatedSinceMs) {
        conditions << QStringLiteral("updated_at >= ?");
        *binds << f.updatedSinceMs;
    }
    if (!f.text.isEmpty()) {
        QString escaped = f.text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        QStringList any;
        for (const char *column : { "number", "title", "service", "ci", "site", "assignee" }) {
            any << QString::fromLatin1(column) + QStringLiteral(" LIKE ? ESCAPE '\\'");
            *binds << QVariant(QLatin1Char('%') + escaped + QLatin1Char('%'));
        }
        conditions << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QList<Incident> IncidentRepository::list(const IncidentFilter &filter)
{
    QList<Incident> out;
    forEach(filter, [&out](const Incident &incident) { out << incident; });
    return out;
}

bool IncidentRepository::forEach(const IncidentFilter &filter, const std::function<void(const Incident &)> &visit)
{
    m_error = {};
    QVariantList binds;
    QString sql = QStringLiteral("SELECT ") + rows::incidentColumns() + QStringLiteral(" FROM incidents")
        + whereClause(filter, &binds) + QStringLiteral(" ORDER BY priority, opened_at, id");
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << filter.limit << filter.offset;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_error = Database::classify(m_path, q.lastError());
        return false;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return false;
    }
    while (q.next())
        visit(rows::readIncident(q));
    if (q.lastError().isValid()) {
        m_error = Database::classify(m_path, q.lastError());
        return false;
    }
    return true;
}

int IncidentRepository::count(const IncidentFilter &filter)
{
    m_error = {};
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM incidents") + whereClause(filter, &binds));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec() || !q.next()) {
        m_error = Database::classify(m_path, q.lastError());
        return 0;
    }
    return q.value(0).toInt();
}

QList<StoredEvent> IncidentRepository::events(const QString &incidentId)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, content_hash, chain_hash, ") + rows::eventColumns()
              + QStringLiteral(" FROM events WHERE incident_id = ? ORDER BY hlc, id"));
    q.addBindValue(incidentId);
    QList<StoredEvent> out;
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return out;
    }
    while (q.next()) {
        StoredEvent s;
        s.seq = q.value(0).toLongLong();
        s.contentHash = q.value(1).toByteArray();
        s.chainHash = q.value(2).toByteArray();
        s.event = rows::readEvent(q, 3);
        out << s;
    }
    return out;
}

qint64 IncidentRepository::lastSequence()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events")) || !q.next()) {
        m_error = Database::classify(m_path, q.lastError());
        return 0;
    }
    return q.value(0).toLongLong();
}

QSet<QString> IncidentRepository::incidentsChangedSince(qint64 sequence, qint64 *newLastSequence)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, incident_id FROM events WHERE seq > ? ORDER BY seq"));
    q.addBindValue(sequence);
    QSet<QString> ids;
    *newLastSequence = sequence;
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return ids;
    }
    while (q.next()) {
        *newLastSequence = q.value(0).toLongLong();
        ids.insert(q.value(1).toString());
    }
    return ids;
}

} // namespace nocturne::core
