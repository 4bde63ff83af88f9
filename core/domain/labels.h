#pragma once

#include "vocabulary.h"

#include <QString>

namespace nocturne::core {

// Translated, human labels for the vocabularies: shared by the console, the CLI and
// reports so every surface says the same thing.
QString stateLabel(IncidentState state);
QString holdReasonLabel(HoldReason reason);
// "On Hold (Awaiting vendor)" while on hold, else the state alone.
QString stateWithReasonLabel(IncidentState state, HoldReason reason);
QString domainLabel(Domain domain);
QString channelLabel(Channel channel);
QString eventKindLabel(EventKind kind);
QString priorityLabel(int priority); // "P1 - Critical"
// A stored UTC time as the user reads it: local time zone, to the minute; empty for 0.
QString formatLocalTime(qint64 utcMs);

} // namespace nocturne::core
