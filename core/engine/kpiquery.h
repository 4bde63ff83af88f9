#pragma once

#include "../domain/vocabulary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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

} // namespace nocturne::core
