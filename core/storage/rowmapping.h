#pragma once

#include "../domain/event.h"
#include "../domain/incident.h"

#include "sqlitestatement.h"

#include <QSqlQuery>
#include <QString>

// Maps events and incidents to and from their table rows. Internal to core/storage.
namespace nocturne::core::rows {

// Column lists in the order the readers below expect.
QString eventColumns();
QString incidentColumns();

Event readEvent(const QSqlQuery &q, int firstColumn = 0);
Incident readIncident(const QSqlQuery &q, int firstColumn = 0);
Incident readIncident(const SqliteStatement &statement, int firstColumn = 0);

// Binds every incident column, in incidentColumns() order, to placeholders 1..36.
void bindIncident(SqliteStatement &statement, const Incident &incident);

} // namespace nocturne::core::rows
