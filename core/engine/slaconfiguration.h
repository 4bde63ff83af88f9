#pragma once

#include "businesscalendar.h"
#include "escalationpolicy.h"
#include "oncallschedule.h"
#include "slapolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace nocturne::core {

// Everything an admin configures for SLAs, as one document: calendars, SLA policies (in
// the order they are matched), escalation policies and on-call schedules.
struct SlaConfiguration
{
    QList<CalendarDefinition> calendars;
    QList<SlaPolicy> policies;
    QList<EscalationPolicy> escalations;
    QList<OnCallSchedule> schedules;

    const CalendarDefinition *calendar(const QString &id) const;
    const SlaPolicy *policy(const QString &id) const;
    const EscalationPolicy *escalation(const QString &id) const;
    const OnCallSchedule *schedule(const QString &id) const;
    // The first policy whose selectors match, or nullptr.
    const SlaPolicy *policyFor(int priority, const QString &service, Domain domain, const QString &site) const;

    friend bool operator==(const SlaConfiguration &, const SlaConfiguration &) = default;
};

// Why a configuration document was refused: where (the file, a JSON path such as
// "policies[2].response_minutes", or an ICS line) and what was wrong.
struct ConfigurationError
{
    QString location;
    QString message;
    bool isError() const { return !message.isEmpty(); }
    QString toString() const { return location.isEmpty() ? message : location + QStringLiteral(": ") + message; }
};

// The JSON form (docs/sla.md): {"calendars": [...], "policies": [...], "escalations": [...],
// "schedules": [...]}. Parsing validates every field and every reference (a policy's
// calendar, a threshold's escalation, a level's schedule) and returns the first problem;
// nothing partial comes back. `source` names the file in error locations.
struct ParsedConfiguration
{
    SlaConfiguration configuration;
    ConfigurationError error;
};
ParsedConfiguration parseSlaConfiguration(const QByteArray &json, const QString &source = {});
QJsonObject slaConfigurationToJson(const SlaConfiguration &configuration);

// The configuration a new or demo database starts with: 24×7 and business-hours
// calendars, one policy per priority, an unacknowledged-P1/P2 escalation to on-call.
SlaConfiguration defaultSlaConfiguration();

} // namespace nocturne::core
