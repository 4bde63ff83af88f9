#pragma once

#include "databaseerror.h"

#include "../domain/event.h"
#include "../domain/incident.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;

namespace nocturne::core {

// An event of the shift with the incident it belongs to, as the handover lists it.
struct ShiftEvent
{
    Event event;
    QString number;
    QString title;
    int priority = 5;
};

// The two reads of the shift-handover report, on the caller's connection (prepared
// statements only). Site and group narrow both to one site's or one group's incidents by
// their current site and assignment group; empty means all.
// The events of a window are found by occurred_at, which no index covers (the log is
// indexed by incident and HLC): on a large log this is one sequential scan of `events`
// (docs/reports.md gives the figure). An index on occurred_at would make it a range
// read; it needs a schema migration and is left to the lead.
class HandoverRepository final
{
public:
    explicit HandoverRepository(QSqlDatabase db, QString path = {});
    DatabaseError lastError() const { return m_error; }

    // Incidents open at `at`: opened before it and not yet resolved, closed or cancelled
    // then (still open now, or resolved/cancelled at or after `at`). Most urgent first.
    std::optional<QList<Incident>> openAt(qint64 at, const QString &site, const QString &group);
    // Events that occurred in [from, to), in the order they happened.
    std::optional<QList<ShiftEvent>> eventsBetween(qint64 from, qint64 to, const QString &site, const QString &group);

private:
    bool fail(const QSqlQuery &q);
    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
