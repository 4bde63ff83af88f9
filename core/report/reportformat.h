#pragma once

#include <QByteArray>
#include <QString>

// How reports write numbers and times for people, the same in every format and report.
// Machine formats (CSV, JSON) do not use these: they write plain numbers and ISO UTC.
namespace nocturne::core::reportformat {

// "45s", "12m 30s", "4h 05m", "3d 02h"; "—" for a negative value (no data).
QString duration(double ms);
// "72.5 %" with `decimals` digits.
QString percent(double value, int decimals = 1);
// "2026-11-27 14:05" in the IANA zone (UTC when the zone is unknown).
QString dateTime(qint64 utcMs, const QByteArray &zone);
// "2026-11-27" in the zone.
QString date(qint64 utcMs, const QByteArray &zone);
// "HH:mm" in the zone.
QString timeOfDay(qint64 utcMs, const QByteArray &zone);
// The zone's id if valid, else "UTC".
QByteArray validZone(const QByteArray &zone);
// The ISO 8601 UTC form machines read, "2026-11-27T13:05:00Z"; empty for 0.
QString isoUtc(qint64 utcMs);
// The dash reports show where a value is missing.
QString noValue();

} // namespace nocturne::core::reportformat
