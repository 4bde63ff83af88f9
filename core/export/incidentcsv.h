#pragma once

#include "../domain/incident.h"

#include <QByteArray>
#include <QStringList>

namespace nocturne::core {

// RFC 4180 CSV of incidents: a header row, then one row per incident; fields with a
// comma, quote or line break are quoted. Times are ISO 8601 UTC.
QByteArray incidentCsvHeader();
QByteArray incidentCsvRow(const Incident &incident);
QString csvField(const QString &value);

} // namespace nocturne::core
