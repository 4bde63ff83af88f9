#include "kpiquery.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace nocturne::core {

QString KpiFilter::describe() const
{
    if (isEmpty())
        return QCoreApplication::translate("KpiFilter", "All incidents");
    QStringList parts;
    if (!priorities.isEmpty()) {
        QStringList p;
        for (int priority : priorities)
            p.append(QStringLiteral("P%1").arg(priority));
        parts.append(p.join(QStringLiteral(", ")));
    }
    if (!domains.isEmpty()) {
        QStringList d;
        for (Domain domain : domains)
            d.append(toName(domain));
        parts.append(d.join(QStringLiteral(", ")));
    }
    for (const QStringList *names : { &services, &sites, &groups }) {
        if (!names->isEmpty())
            parts.append(names->join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(" · "));
}

std::optional<qint64> kpiBoundaryFromText(const QString &text, const QByteArray &zone, bool endOfDay)
{
    const QTimeZone tz(zone);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return (endOfDay ? date.addDays(1) : date).startOfDay(tz).toMSecsSinceEpoch();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(tz); // no offset written: the time is in the zone
    return t.toMSecsSinceEpoch();
}

qint64 defaultKpiPeriodStart(qint64 toUtcMs, const QByteArray &zone)
{
    constexpr int DefaultPeriodDays = 30;
    return QDateTime::fromMSecsSinceEpoch(toUtcMs, QTimeZone(zone)).addDays(-DefaultPeriodDays).toMSecsSinceEpoch();
}

std::optional<int> kpiPriorityFromText(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('P'), Qt::CaseInsensitive))
        text.remove(0, 1);
    bool ok = false;
    const int priority = text.toInt(&ok);
    if (!ok || priority < 1 || priority > 5)
        return std::nullopt;
    return priority;
}

} // namespace nocturne::core
