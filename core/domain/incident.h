#pragma once

#include "hlc.h"
#include "vocabulary.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace nocturne::core {

// The current state of one incident: the fold of its events. Times are UTC epoch
// milliseconds; 0 means "not yet".
struct Incident
{
    QString id; // UUIDv7 of the incident, stable across replicas
    QString number; // human number, e.g. INC0001234
    QString title;
    QString description;
    QString category;
    QString subcategory;
    Domain domain = Domain::It;
    QString service;
    QString configurationItem;
    QString site;
    int impact = 3;
    int urgency = 3;
    int priority = 5; // 1 (critical) .. 5 (planning)
    IncidentState state = IncidentState::New;
    HoldReason holdReason = HoldReason::None;
    QString assignmentGroup;
    QString assignee;
    QString reporter;
    Channel channel = Channel::Portal;

    qint64 startedAt = 0;
    qint64 detectedAt = 0;
    qint64 openedAt = 0;
    qint64 acknowledgedAt = 0;
    qint64 resolvedAt = 0;
    qint64 closedAt = 0;
    qint64 updatedAt = 0;

    QString resolutionCode;
    QString resolutionNotes;
    QString workaround;
    QStringList tags;

    int reassignmentCount = 0;
    int reopenCount = 0;
    int escalationCount = 0;

    // What a caller said afterwards (1..5), 0 when nobody was asked.
    int csat = 0;
    // The source system's own SLA verdict for imported history: 1 made, 0 missed,
    // -1 unknown (native incidents; SLA compliance then comes from our clocks).
    int madeSla = -1;
    // The system an incident was imported from ("servicenow", "jira"), empty if native.
    QString source;
    // Source columns we have no field for, kept by their source name.
    QJsonObject customFields;
    // Events that were valid when written but not after a merge put them in order.
    QStringList flaggedEventIds;

    HlcTimestamp lastHlc; // HLC of the last event folded in
    int eventCount = 0;

    bool isOpen() const { return nocturne::core::isOpen(state); }
    friend bool operator==(const Incident &, const Incident &) = default;
};

} // namespace nocturne::core
