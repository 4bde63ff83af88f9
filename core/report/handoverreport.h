#pragma once

#include "reportdocument.h"

#include "../domain/lifecycle.h"
#include "../storage/databaseerror.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace nocturne::core {

// Which shift a handover covers: [from, to) in UTC ms, optionally one site's or one
// group's incidents; times are shown in `timeZone`.
struct HandoverQuery
{
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    QString site;
    QString group;
    QByteArray timeZone = "UTC";
};

// An incident open at the shift end, with its SLA clocks evaluated at that instant.
struct HandoverOpenIncident
{
    QString id;
    QString number;
    QString title;
    int priority = 5;
    IncidentState state = IncidentState::New;
    HoldReason holdReason = HoldReason::None;
    QString group;
    QString assignee;
    qint64 openedAt = 0;
    QString policyName; // empty: no SLA policy applies
    double responsePercent = -1; // of the target used by the shift end; -1 no active clock
    double resolutionPercent = -1;
    qint64 resolutionDeadline = 0;
    double breachProbability = -1; // the forecast; -1 unknown
    QStringList riskReasons; // non-empty: at risk ("Resolution breached", "Response at 80 %")
    bool atRisk() const { return !riskReasons.isEmpty(); }
};

// One change an incident went through during the shift.
struct HandoverChange
{
    qint64 at = 0;
    QString incidentId;
    QString number;
    QString title;
    int priority = 5;
    IncidentAction action = IncidentAction::Invalid;
    QString summary; // eventSummary(), "Assigned to Payments / f.moreau"
    QString actor;
};

struct HandoverEscalation
{
    qint64 at = 0;
    QString number;
    QString title;
    int level = 0;
    QString target;
    QString rule;
    QString reason;
    QString actor;
};

// Everything a handover report says besides the supervisor's notes.
struct HandoverData
{
    HandoverQuery query;
    qint64 generatedAt = 0;
    QList<HandoverOpenIncident> open; // most urgent first
    QList<HandoverChange> changes; // in the order they happened
    QList<HandoverEscalation> escalations;
};

// At risk: an active clock breached, or at least 75 % of its target used (or a threshold
// of 75 % or more reached), or a breach forecast of 50 % or more (the queue's "high").
constexpr double AtRiskPercent = 75.0;
constexpr double AtRiskProbability = 0.5;

// Reads the shift on `db` (HandoverRepository, SlaRepository) and evaluates the open
// incidents' SLA clocks at the shift end with the same engine as `sla show`, the breach
// forecast learning from the 180 days of resolutions before it. Runs on the caller's
// thread and connection; the console calls it from a background job.
std::optional<HandoverData> loadHandover(QSqlDatabase db, const QString &path, const HandoverQuery &query,
                                         qint64 now, DatabaseError *error);

// The report: the window, open incidents, those at risk, what changed (per incident and
// counts per kind), escalations, and the notes exactly as typed (Markdown allowed).
ReportDocument handoverDocument(const HandoverData &data, const QString &notes);

// The handover's label for a kind of change ("Acknowledged", "Reassigned"); the actions
// the report lists as changes are the lifecycle's (comments and field updates are not).
QString handoverChangeLabel(IncidentAction action);
bool isHandoverChange(IncidentAction action);

} // namespace nocturne::core
