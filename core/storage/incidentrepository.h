#pragma once

#include "databaseerror.h"
#include "incidentfilter.h"
#include "../domain/event.h"
#include "../domain/incident.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace nocturne::core {

// A stored event as this database holds it: the event plus its place in the local
// append order and its hashes.
struct StoredEvent
{
    qint64 seq = 0;
    Event event;
    QByteArray contentHash;
    QByteArray chainHash;
};

// Read-only queries over incidents and their events, on the caller's connection.
class IncidentRepository final
{
public:
    explicit IncidentRepository(QSqlDatabase db, QString path = {});

    DatabaseError lastError() const { return m_error; }

    std::optional<Incident> find(const QString &idOrNumber);
    QList<Incident> list(const IncidentFilter &filter);
    // Streams matching incidents without holding them all (exports of a million rows).
    // Returns false on a database error (see lastError()).
    bool forEach(const IncidentFilter &filter, const std::function<void(const Incident &)> &visit);
    int count(const IncidentFilter &filter);
    QList<StoredEvent> events(const QString &incidentId);

    // The highest local append position; changes since a position name the incidents
    // they touched, so a live view can reload just those.
    qint64 lastSequence();
    QSet<QString> incidentsChangedSince(qint64 sequence, qint64 *newLastSequence);

private:
    QString whereClause(const IncidentFilter &filter, QVariantList *binds) const;

    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
