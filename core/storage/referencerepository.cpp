#include "referencerepository.h"

#include "database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace nocturne::core {

ReferenceRepository::ReferenceRepository(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(path.isEmpty() ? m_db.databaseName() : std::move(path))
{
}

DatabaseError ReferenceRepository::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return m_error = Database::classify(m_path, q.lastError());
    return m_error = {};
}

template<typename T, typename Read>
QList<T> ReferenceRepository::select(const QString &sql, Read read)
{
    QList<T> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        m_error = Database::classify(m_path, q.lastError());
        return out;
    }
    m_error = {};
    while (q.next())
        out << read(q);
    return out;
}

DatabaseError ReferenceRepository::save(const Site &s)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO sites (name, time_zone, domain, description) VALUES (?,?,?,?)"),
               { s.name, s.timeZone, s.domain, s.description });
}

DatabaseError ReferenceRepository::save(const Service &s)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO services (name, domain, description) VALUES (?,?,?)"),
               { s.name, s.domain, s.description });
}

DatabaseError ReferenceRepository::save(const ConfigurationItem &c)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO configuration_items (name, service, site, criticality) VALUES (?,?,?,?)"),
               { c.name, c.service, c.site, c.criticality });
}

DatabaseError ReferenceRepository::save(const Group &g)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO groups (name, description) VALUES (?,?)"), { g.name, g.description });
}

DatabaseError ReferenceRepository::save(const User &u)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO users (name, display_name, grp, role) VALUES (?,?,?,?)"),
               { u.name, u.displayName, u.group, u.role });
}

DatabaseError ReferenceRepository::save(const PriorityMatrix &matrix)
{
    return run(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('priority_matrix', ?)"),
               { QString::fromUtf8(QJsonDocument(matrix.toJson()).toJson(QJsonDocument::Compact)) });
}

PriorityMatrix ReferenceRepository::priorityMatrix()
{
    const QList<QString> stored = select<QString>(
        QStringLiteral("SELECT value FROM meta WHERE key = 'priority_matrix'"),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (stored.isEmpty())
        return {};
    return PriorityMatrix::fromJson(QJsonDocument::fromJson(stored.first().toUtf8()).object(), nullptr)
        .value_or(PriorityMatrix());
}

QList<Site> ReferenceRepository::sites()
{
    return select<Site>(QStringLiteral("SELECT name, time_zone, domain, description FROM sites ORDER BY name"),
                        [](const QSqlQuery &q) {
                            return Site { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                          q.value(3).toString() };
                        });
}

QList<Service> ReferenceRepository::services()
{
    return select<Service>(QStringLiteral("SELECT name, domain, description FROM services ORDER BY name"),
                           [](const QSqlQuery &q) {
                               return Service { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
                           });
}

QList<ConfigurationItem> ReferenceRepository::configurationItems()
{
    return select<ConfigurationItem>(
        QStringLiteral("SELECT name, service, site, criticality FROM configuration_items ORDER BY name"),
        [](const QSqlQuery &q) {
            return ConfigurationItem { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                       q.value(3).toInt() };
        });
}

QList<Group> ReferenceRepository::groups()
{
    return select<Group>(QStringLiteral("SELECT name, description FROM groups ORDER BY name"),
                         [](const QSqlQuery &q) { return Group { q.value(0).toString(), q.value(1).toString() }; });
}

QList<User> ReferenceRepository::users()
{
    return select<User>(QStringLiteral("SELECT name, display_name, grp, role FROM users ORDER BY name"),
                        [](const QSqlQuery &q) {
                            return User { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                          q.value(3).toString() };
                        });
}

} // namespace nocturne::core
