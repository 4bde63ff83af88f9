#pragma once

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

} // namespace nocturne::models
