#pragma once

#include "databaseerror.h"
#include "sqlitestatement.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace nocturne::core {

// The few reads an import needs before it appends: which incident holds a number,
// whether an incident exists, and what its stored events are. Statements are prepared
// once on the importer's own connection (an import asks this for every incident).
class ImportLookup final
{
    Q_DISABLE_COPY_MOVE(ImportLookup)
public:
    ImportLookup(QSqlDatabase db, QString path);
    ~ImportLookup();

    DatabaseError lastError() const { return m_error; }

    // The incident with this id and the one holding this number (either may be empty).
    bool find(const QString &id, const QString &number, bool *idExists, QString *numberHolder);
    // Content hashes of the incident's stored events, by event id.
    bool storedHashes(const QString &incidentId, QHash<QString, QByteArray> *hashes);
    // The payload of one stored event (an empty object when there is none).
    bool storedPayload(const QString &eventId, QJsonObject *payload);

private:
    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
    std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_hashes;
    std::unique_ptr<SqliteStatement> m_payload;
};

} // namespace nocturne::core
