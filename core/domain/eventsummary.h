#pragma once

#include "event.h"

#include <QString>

namespace nocturne::core {

// One translated line that says what an event did ("Assigned to Payments Team / f.moreau",
// "On hold: Awaiting vendor"), for timelines in the console, the CLI and reports.
QString eventSummary(const Event &event);

} // namespace nocturne::core
