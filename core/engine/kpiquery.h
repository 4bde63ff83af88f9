#pragma once

#include "../domain/vocabulary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace nocturne::core {

// Which incidents a KPI is computed over, besides the period. An empty list means "all".
struct KpiFilter
{
    QList<int> priorities {}; // 1..5
    QList<Domain> domains {};
    QStringList services {};
    QStringList sites {};
    QStringList groups {};

    bool isEmpty() const
    {
        return priorities.isEmpty() && domains.isEmpty() && services.isEmpty() && sites.isEmpty()
            && groups.isEmpty();
    }
    // "P1, P2 · warehouse · Conveyor · Berlin DC · Service Desk", for titles and reports.
    QString describe() const;
    friend bool operator==(const KpiFilter &, const KpiFilter &) = default;
};

// The period [from, to) in UTC ms and the filters. Weeks start on Monday 00:00 in
// `timeZone` (an IANA id; the user's zone in the console, --tz or the system's in the CLI).
// The previous period is the same length immediately before `from`.
struct KpiQuery
{
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    KpiFilter filter;
    QByteArray timeZone = "UTC";

    qint64 lengthMs() const { return toUtcMs - fromUtcMs; }
    KpiQuery previousPeriod() const
    {
        KpiQuery q = *this;
        q.fromUtcMs = fromUtcMs - lengthMs();
        q.toUtcMs = fromUtcMs;
        return q;
    }
    friend bool operator==(const KpiQuery &, const KpiQuery &) = default;
};

// A period boundary as people write it, read the same way by nocturnectl and the server:
// a date ("2026-11-27": the midnight starting that day in `zone`, or the one ending it
// with `endOfDay`, for an inclusive end) or an ISO 8601 time (in `zone` unless it carries
// Z or an offset). nullopt when it is neither.
std::optional<qint64> kpiBoundaryFromText(const QString &text, const QByteArray &zone, bool endOfDay);
// The default period's start: thirty calendar days before `toUtcMs` in `zone`, so a period
// ending at midnight starts at one even across a daylight-saving change.
qint64 defaultKpiPeriodStart(qint64 toUtcMs, const QByteArray &zone);
// "2", "P2" or "p2"; nullopt unless 1..5.
std::optional<int> kpiPriorityFromText(QString text);

} // namespace nocturne::core
