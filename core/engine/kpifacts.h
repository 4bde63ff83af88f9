#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace nocturne::core {

// One incident reduced to what the KPIs read: times, small codes and indexes into the
// name tables of KpiFacts. A million of these fit in ~100 MB and scan in milliseconds,
// which is why the dashboard never aggregates in SQL per chart.
struct KpiFact
{
    qint64 startedAt = 0;
    qint64 detectedAt = 0;
    qint64 openedAt = 0;
    qint64 acknowledgedAt = 0; // 0: never
    qint64 resolvedAt = 0; // 0: not resolved (or reopened since)
    qint64 closedAt = 0; // closed or cancelled
    // Business time from opened to acknowledged / resolved in the calendar of the SLA
    // policy that applies (from sla_outcomes); -1 when not reached or not computed.
    qint64 responseBusinessMs = -1;
    qint64 resolutionBusinessMs = -1;
    qint32 service = -1; // index into KpiFacts::services, -1 for none
    qint32 site = -1;
    qint32 group = -1;
    qint32 category = -1;
    qint32 configurationItem = -1;
    qint16 reassignments = 0;
    qint16 reopens = 0;
    qint16 escalations = 0;
    qint8 priority = 5; // 1..5
    qint8 impact = 3; // 1..3; impact 1 on a service or CI counts as an outage
    qint8 domain = 3; // int(Domain)
    qint8 state = 0; // int(IncidentState)
    qint8 csat = 0; // 1..5, 0 none
    qint8 madeSla = -1; // the source system's verdict (imports): 1 made, 0 missed, -1 unknown
    qint8 responseMet = -1; // our clocks (sla_outcomes): 1 met, 0 breached, -1 not decided
    qint8 resolutionMet = -1; // every resolution cycle met = 1, any breached = 0
};

// Every incident of a database as KPI facts, with the name tables the indexes point
// into and the ids/numbers used to drill down. Immutable once loaded; shared between
// threads as std::shared_ptr<const KpiFacts>.
struct KpiFacts
{
    std::vector<KpiFact> facts;
    std::vector<QString> ids; // parallel to facts
    std::vector<QString> numbers; // parallel to facts
    QStringList services;
    std::vector<qint8> serviceDomains; // parallel to services: int(Domain) of the service
    QStringList sites;
    QStringList groups;
    QStringList categories;
    QStringList configurationItems;
    qint64 dataVersion = -1; // PRAGMA data_version when loaded, to know when to reload
    qint64 loadedAt = 0;

    int size() const { return int(facts.size()); }
};

} // namespace nocturne::core
