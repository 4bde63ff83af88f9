#pragma once

#include "../domain/event.h"
#include "../domain/incident.h"

#include <QJsonObject>

namespace nocturne::core {

// The JSON shape of incidents and events that every surface shares: nocturnectl's
// --json output, exports and (later) the server API. Times are ISO 8601 UTC strings;
// absent times are null.
QJsonObject incidentToJson(const Incident &incident);
QJsonObject eventToJson(const Event &event);

QString isoUtc(qint64 ms); // empty for 0

} // namespace nocturne::core
