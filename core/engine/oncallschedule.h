#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace nocturne::core {

// One rotation layer: the users take turns, handing off at a local wall time (daily, or
// weekly on a given weekday) in the schedule's zone, counted from `startDate`.
struct RotationLayer
{
    enum class Period { Daily, Weekly };
    QString name;
    Period period = Period::Weekly;
    QTime handoffTime = QTime(9, 0);
    int handoffWeekday = 1; // Qt::Monday .. Qt::Sunday, for weekly
    QDate startDate; // the first user's turn starts at the first hand-off on or after this date
    QStringList users;
    friend bool operator==(const RotationLayer &, const RotationLayer &) = default;
};

// Someone covering a stretch of time instead of the rotation.
struct OnCallOverride
{
    QString user;
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0; // exclusive
    friend bool operator==(const OnCallOverride &, const OnCallOverride &) = default;
};

// An on-call schedule: later layers sit on top of earlier ones (the last layer with a
// turn at an instant decides), and an override covering the instant beats every layer
// (the last override listed wins when several cover it).
struct OnCallSchedule
{
    QString id;
    QString name;
    int version = 1;
    QString timeZone = QStringLiteral("UTC");
    QList<RotationLayer> layers;
    QList<OnCallOverride> overrides;
    friend bool operator==(const OnCallSchedule &, const OnCallSchedule &) = default;
};

struct OnCallAnswer
{
    QString user;
    QString layer; // layer name, or empty for an override
    bool fromOverride = false;
    qint64 shiftStartUtcMs = 0; // the current turn or override: [start, end)
    qint64 shiftEndUtcMs = 0;
};

// Who is on call at an instant; nullopt when nobody is (no layer has started yet).
std::optional<OnCallAnswer> whoIsOnCall(const OnCallSchedule &schedule, qint64 atUtcMs);

} // namespace nocturne::core
