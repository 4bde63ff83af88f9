#include "slaoutcomes.h"

#include "slaclock.h"

namespace nocturne::core {

SlaOutcomeCalculator::SlaOutcomeCalculator(const SlaConfiguration &configuration,
                                           const QHash<QString, QString> &siteZones)
{
    m_engine.setConfiguration(configuration, siteZones);
}

SlaOutcome SlaOutcomeCalculator::outcomeOf(const SlaSubject &subject, qint64 now) const
{
    SlaOutcome outcome;
    const SlaPolicy *policy = m_engine.configuration().policyFor(subject.priority, subject.service, subject.domain,
                                                                 subject.site);
    if (!policy)
        return outcome;
    const BusinessCalendar *calendar = m_engine.calendarFor(*policy, subject.site);
    if (!calendar)
        return outcome;
    outcome.policy = policy->id;

    qint64 lastTransition = subject.openedAt;
    qint64 firstAcknowledged = 0;
    qint64 lastResolved = 0;
    for (const SlaTransition &t : subject.transitions) {
        lastTransition = std::max(lastTransition, t.at);
        if (t.kind == SlaTransition::Kind::Acknowledged && firstAcknowledged == 0)
            firstAcknowledged = t.at;
        if (t.kind == SlaTransition::Kind::Resolved)
            lastResolved = t.at;
    }
    const bool open = subject.isOpen();
    const bool resolved = !open && subject.state != IncidentState::Cancelled && lastResolved > 0;

    ClockEvaluation how;
    how.policy = policy;
    how.calendar = calendar;
    how.atUtcMs = open ? std::max(now, lastTransition) : lastTransition;
    bool anyMet = false;
    bool anyBreached = false;
    bool anyActive = false;
    for (const SlaClockStatus &clock : evaluateClocks(subject, how)) {
        if (clock.kind == SlaKind::Response) {
            if (clock.state == ClockState::Met)
                outcome.response = 1;
            else if (clock.state == ClockState::Breached)
                outcome.response = 0;
            continue;
        }
        if (clock.state == ClockState::Breached)
            anyBreached = true;
        else if (clock.state == ClockState::Met)
            anyMet = true;
        if (clock.isActive())
            anyActive = true;
    }
    if (anyBreached)
        outcome.resolution = 0;
    else if (anyMet && !anyActive)
        outcome.resolution = 1;

    if (firstAcknowledged > 0)
        outcome.responseBusinessMs = calendar->businessMsBetween(subject.openedAt, firstAcknowledged);
    if (resolved)
        outcome.resolutionBusinessMs = calendar->businessMsBetween(subject.openedAt, lastResolved);
    return outcome;
}

} // namespace nocturne::core
