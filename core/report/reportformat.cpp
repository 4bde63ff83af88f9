#include "reportformat.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace nocturne::core::reportformat {

namespace {
QTimeZone zoneOf(const QByteArray &zone)
{
    const QTimeZone z(validZone(zone));
    return z.isValid() ? z : QTimeZone::utc();
}
} // namespace

QString noValue() { return QStringLiteral("—"); }

QString duration(double ms)
{
    if (ms < 0 || !std::isfinite(ms))
        return noValue();
    const qint64 seconds = qint64(std::llround(ms / 1000.0));
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QStringLiteral("%1m %2s").arg(minutes).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QStringLiteral("%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d %2h").arg(hours / 24).arg(hours % 24, 2, 10, QLatin1Char('0'));
}

QString percent(double value, int decimals) { return QStringLiteral("%1 %").arg(value, 0, 'f', decimals); }

QByteArray validZone(const QByteArray &zone)
{
    return !zone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(zone) ? zone : QByteArrayLiteral("UTC");
}

QString dateTime(qint64 utcMs, const QByteArray &zone)
{
    if (utcMs == 0)
        return noValue();
    return QDateTime::fromMSecsSinceEpoch(utcMs, zoneOf(zone)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString date(qint64 utcMs, const QByteArray &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zoneOf(zone)).toString(QStringLiteral("yyyy-MM-dd"));
}

QString timeOfDay(qint64 utcMs, const QByteArray &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zoneOf(zone)).toString(QStringLiteral("HH:mm"));
}

QString isoUtc(qint64 utcMs)
{
    if (utcMs == 0)
        return {};
    // Qt::UTC (not QTimeZone::utc()) writes the "Z" suffix machines expect.
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODate);
}

} // namespace nocturne::core::reportformat
