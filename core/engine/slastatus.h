#pragma once

#include "slaclock.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

namespace nocturne::core {

// What the console shows of one incident's SLA: its current response clock and its
// current resolution cycle, as evaluated by the engine, plus the breach forecast. The
// console derives "time left" from the deadline and its own clock every second, so the
// engine only sends a new status when something changes (an event, a crossing).
struct IncidentSla
{
    QString incidentId;
    QString number;
    int priority = 5;
    QString policyId;
    QString policyName;
    bool hasResponse = false;
    SlaClockStatus response;
    bool hasResolution = false;
    SlaClockStatus resolution; // the latest cycle
    double breachProbability = -1.0; // of the resolution target; -1 when unknown
    int forecastSamples = 0;
    bool removed = false; // in a delta: the incident left the engine (no policy, deleted)
};

using SlaStatusMap = QHash<QString, IncidentSla>;
using SlaStatusPtr = std::shared_ptr<const SlaStatusMap>;

// Something a person should notice now: a threshold or the breach reached, an
// escalation recorded.
struct SlaAlert
{
    enum class Kind { Threshold, Breach, Escalation };
    Kind kind = Kind::Threshold;
    QString incidentId;
    QString number;
    int priority = 5;
    SlaKind clock = SlaKind::Resolution;
    int percent = 0; // for Threshold and Breach
    QString detail; // for Escalation: the rule that fired and whom it paged
    qint64 at = 0; // when it happened (UTC ms)
};
using SlaAlerts = QList<SlaAlert>;

} // namespace nocturne::core

Q_DECLARE_METATYPE(nocturne::core::SlaStatusPtr)
Q_DECLARE_METATYPE(nocturne::core::SlaAlerts)
