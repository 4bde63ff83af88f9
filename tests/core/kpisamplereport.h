#pragma once

#include "core/engine/kpireport.h"

#include <QDateTime>
#include <QTimeZone>

namespace nocturne::core::test {

// A hand-made KPI report for the report writers' tests: one week, 2026-11-02 to
// 2026-11-09 UTC, with values whose formatted forms the tests spell out.
inline KpiReport sampleKpiReport()
{
    auto utc = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
    };
    KpiReport r;
    r.query.fromUtcMs = utc("2026-11-02T00:00:00Z");
    r.query.toUtcMs = utc("2026-11-09T00:00:00Z");
    r.query.timeZone = "UTC";
    r.query.filter.priorities = { 1, 2 };
    r.computedAt = utc("2026-11-09T07:30:00Z");
    r.incidentsConsidered = 40;
    r.current.opened = 6;
    r.current.resolved = 5;
    r.current.backlogAtEnd = 3;

    KpiTile mttr;
    mttr.measure = KpiMeasure::Mttr;
    mttr.value = 14'700'000; // 4h 05m
    mttr.previous = 12'600'000; // 3h 30m: +16.7 %
    mttr.hasValue = mttr.hasPrevious = true;
    mttr.target = 14'400'000; // 4h
    mttr.hasTarget = true;
    mttr.lowerIsBetter = true;
    mttr.samples = 12;
    mttr.judgement = KpiTile::Judgement::Missed;
    KpiTile fcr;
    fcr.measure = KpiMeasure::FirstContactResolution;
    fcr.value = 72.5;
    fcr.previous = 70.0;
    fcr.hasValue = fcr.hasPrevious = true;
    fcr.target = 70.0;
    fcr.hasTarget = true;
    fcr.lowerIsBetter = false;
    fcr.samples = 40;
    fcr.judgement = KpiTile::Judgement::Met;
    KpiTile csat;
    csat.measure = KpiMeasure::Csat; // no data this period
    csat.judgement = KpiTile::Judgement::NoData;
    r.tiles = { mttr, fcr, csat };

    KpiWeek week;
    week.startUtcMs = r.query.fromUtcMs;
    week.endUtcMs = r.query.toUtcMs;
    week.mtta = { 4, 600'000, 540'000 }; // 10m 00s, 9m 00s
    week.mttr = { 5, 14'700'000, 7'200'000 }; // 4h 05m, 2h 00m
    week.openedByPriority = { 1, 2, 3, 0, 0 };
    r.weeks = { week };

    ComplianceByPriority p1;
    p1.priority = 1;
    p1.response = { 9, 10 };
    p1.resolution = { 3, 4 };
    r.complianceByPriority = { p1 };

    AvailabilityRow sorter;
    sorter.name = QStringLiteral("Sorter, \"North\"");
    sorter.domain = Domain::Warehouse;
    sorter.outageMs = 3'600'000;
    sorter.periodMs = 604'800'000;
    sorter.outages = 2;
    sorter.percent = 100.0 * (1.0 - 3'600'000.0 / 604'800'000.0); // 99.4047619...
    sorter.targetPercent = 99.5;
    r.availabilityByService = { sorter };

    r.categoryPareto = { { QStringLiteral("Conveyor"), 4, 66.666666666666667 }, { QStringLiteral("Network"), 2, 100.0 } };
    return r;
}

} // namespace nocturne::core::test
