#pragma once

#include <core/engine/slaclock.h>
#include <core/engine/slaconfiguration.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// What the SLA and on-call commands share: reading the stored configuration, files and
// dates, and writing times and durations the same way in every command.
namespace nocturne::ctl {

class CtlContext;

namespace sla {

// The stored configuration; prints the error and returns nullopt when it cannot be read.
std::optional<core::SlaConfiguration> loadConfiguration(CtlContext &ctx);

// Stores the default configuration when the database never had one (init, demo).
// Returns false (after printing the reason) on a storage error; `announce` says so on stdout.
bool storeDefaultsIfNone(CtlContext &ctx, bool announce);

// Reads a whole file; prints "error: cannot read FILE: reason" and returns false when it cannot.
bool readFile(CtlContext &ctx, const QString &path, QByteArray *bytes);

// A date (local midnight) or an ISO 8601 time; prints a usage error when it is neither.
bool parseDateOrTime(CtlContext &ctx, const QString &text, qint64 *ms);

// "2026-03-09T08:00:00Z" / "2026-03-09T08:00:00.250Z"; null for 0.
QJsonValue isoUtc(qint64 ms);
// Inserts `key` (ISO UTC or null) and `key_ms` (ms or null).
void insertTime(QJsonObject &object, const QString &key, qint64 ms);
// "3h 05m", "-0h 12m", "45s"; for people.
QString formatDuration(qint64 ms);
// Local time for people, "-" for 0.
QString localTime(qint64 ms);

// The JSON form of one evaluated clock (sla show --json).
QJsonObject clockToJson(const core::SlaClockStatus &clock, const core::SlaPolicy &policy);

} // namespace sla
} // namespace nocturne::ctl
