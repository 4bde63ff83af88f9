#pragma once

#include "databaseerror.h"
#include "referencedata.h"
#include "../domain/prioritymatrix.h"

#include <QList>
#include <QSqlDatabase>

namespace nocturne::core {

// Reads and writes sites, services, configuration items, groups and users.
class ReferenceRepository final
{
public:
    explicit ReferenceRepository(QSqlDatabase db, QString path = {});

    DatabaseError save(const Site &site);
    DatabaseError save(const Service &service);
    DatabaseError save(const ConfigurationItem &ci);
    DatabaseError save(const Group &group);
    DatabaseError save(const User &user);
    // The priority matrix lives in `meta`; the default one when none was configured.
    DatabaseError save(const PriorityMatrix &matrix);
    PriorityMatrix priorityMatrix();

    QList<Site> sites();
    QList<Service> services();
    QList<ConfigurationItem> configurationItems();
    QList<Group> groups();
    QList<User> users();
    DatabaseError lastError() const { return m_error; }

private:
    DatabaseError run(const QString &sql, const QVariantList &values);
    template<typename T, typename Read>
    QList<T> select(const QString &sql, Read read);

    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
