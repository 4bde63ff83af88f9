#pragma once

#include "slacountdown.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace nocturne::models {

// How the queue and the timeline show values to people. Times are stored as UTC epoch
// milliseconds and shown in the user's local time zone.
// A compact duration such as "3d 4h", "2h 05m" or "12m".
QString formatDuration(qint64 ms);

// One colour and one icon per priority, so P1 reads the same in every view.
QColor priorityColor(int priority);
QIcon priorityIcon(int priority);

// The SLA bands: pale yellow, orange and red tints as the target is used up, a strong red
// once breached. Invalid colours (the view's own) for clocks on track or stopped in time.
QColor slaLevelBackground(SlaLevel level);
// Dark text on the tints and white on the strong red, so every band reads on a dark
// palette too.
QColor slaLevelForeground(SlaLevel level);

} // namespace nocturne::models
