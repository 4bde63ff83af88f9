#include "importlookup.h"

#include "database.h"

#include <QJsonDocument>

namespace nocturne::core {

ImportLookup::ImportLookup(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_find(std::make_unique<SqliteStatement>(
          m_db, "SELECT id, number FROM incidents WHERE id = ?1 OR number = ?2"))
    , m_hashes(std::make_unique<SqliteStatement>(
          m_db, "SELECT id, content_hash FROM events WHERE incident_id = ?1"))
    , m_payload(std::make_unique<SqliteStatement>(m_db, "SELECT payload FROM events WHERE id = ?1"))
{ }

ImportLookup::~ImportLookup() = default;

bool ImportLookup::find(
    const QString &id, const QString &number, bool *idExists, QString *numberHolder)
{
    *idExists = false;
    numberHolder->clear();
    SqliteStatement &q = *m_find;
    if (!q.isValid()) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return false;
    }
    q.bind(1, id);
    q.bind(2, number);
    bool ok = true;
    while (q.step(&ok)) {
        const QString rowId = q.text(0);
        if (rowId == id)
            *idExists = true;
        if (q.text(1) == number)
            *numberHolder = rowId;
    }
    if (!ok)
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
    q.reset();
    return ok;
}

bool ImportLookup::storedHashes(const QString &incidentId, QHash<QString, QByteArray> *hashes)
{
    hashes->clear();
    SqliteStatement &q = *m_hashes;
    if (!q.isValid()) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return false;
    }
    q.bind(1, incidentId);
    bool ok = true;
    while (q.step(&ok))
        hashes->insert(q.text(0), q.utf8(1));
    if (!ok)
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
    q.reset();
    return ok;
}

bool ImportLookup::storedPayload(const QString &eventId, QJsonObject *payload)
{
    *payload = {};
    SqliteStatement &q = *m_payload;
    if (!q.isValid()) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return false;
    }
    q.bind(1, eventId);
    bool ok = true;
    if (q.step(&ok))
        *payload = QJsonDocument::fromJson(q.utf8(0)).object();
    if (!ok)
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
    q.reset();
    return ok;
}

} // namespace nocturne::core
