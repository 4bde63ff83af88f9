#include "testentries.h"

#include <array>

void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace nocturne::models::test {

namespace {

const std::array<const char *, 5> Titles = {
    "Sorter S2 jam at induction, throughput down", "Payment gateway errors: Adyen declines spiking",
    "WMS outage: wave release failing", "Handheld scanners cannot sync", "Fraud spike on gift cards",
};
const std::array<const char *, 4> Services = { "Material Handling", "Payment Gateway", "WMS", "Fraud Detection" };
const std::array<const char *, 3> Sites = { "DC Rotterdam", "Store London Oxford St", "Finance Hub Dublin" };
const std::array<const char *, 4> People = { "", "ana", "bram", "chen" };

} // namespace

core::QueueEntry entry(int n)
{
    core::QueueEntry e;
    e.id = QStringLiteral("0190-test-%1").arg(n, 6, 10, QLatin1Char('0'));
    e.number = QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0'));
    e.title = QString::fromUtf8(Titles[n % Titles.size()]);
    e.service = QString::fromUtf8(Services[n % Services.size()]);
    e.configurationItem = QStringLiteral("CI-%1").arg(n % 17);
    e.site = QString::fromUtf8(Sites[n % Sites.size()]);
    e.assignmentGroup = QStringLiteral("Ops L1");
    e.assignee = QString::fromUtf8(People[n % People.size()]);
    e.category = QStringLiteral("Hardware");
    e.priority = 1 + n % 5;
    e.state = n % 7 == 0 ? core::IncidentState::OnHold
                         : (n % 3 == 0 ? core::IncidentState::New : core::IncidentState::InProgress);
    if (e.state == core::IncidentState::OnHold)
        e.holdReason = core::HoldReason::AwaitingVendor;
    e.openedAt = Now - (n + 1) * 7 * Minute;
    e.acknowledgedAt = e.state == core::IncidentState::New ? 0 : e.openedAt + 5 * Minute;
    e.updatedAt = e.openedAt + 10 * Minute;
    return e;
}

core::QueueEntriesPtr entries(int count)
{
    auto out = std::make_shared<core::QueueEntries>();
    for (int n = 0; n < count; ++n)
        out->append(entry(n));
    return out;
}

core::QueueEntriesPtr only(const core::QueueEntry &e)
{
    return std::make_shared<core::QueueEntries>(core::QueueEntries { e });
}

core::QueueEntriesPtr list(const QList<core::QueueEntry> &items)
{
    return std::make_shared<core::QueueEntries>(items);
}

core::SlaClockStatus runningClock(core::SlaKind kind, qint64 startedAt, qint64 targetMs, qint64 evaluatedAt)
{
    core::SlaClockStatus c;
    c.kind = kind;
    c.state = core::ClockState::Running;
    c.targetMs = targetMs;
    c.startedAt = startedAt;
    c.elapsedMs = evaluatedAt - startedAt;
    c.remainingMs = targetMs - c.elapsedMs;
    c.deadlineAt = startedAt + targetMs;
    c.counting = true;
    c.thresholdCount = 4;
    const int percents[] = { 50, 75, 90, 100 };
    for (int i = 0; i < 4; ++i) {
        c.thresholdAt[std::size_t(i)] = startedAt + targetMs * percents[i] / 100;
        c.thresholdPercent[std::size_t(i)] = percents[i];
        if (c.thresholdAt[std::size_t(i)] <= evaluatedAt)
            c.reachedThreshold = i;
    }
    if (evaluatedAt > c.deadlineAt) {
        c.state = core::ClockState::Breached;
        c.breachedAt = c.deadlineAt;
    }
    return c;
}

core::SlaClockStatus pausedClock(core::SlaKind kind, qint64 targetMs, qint64 elapsedMs)
{
    core::SlaClockStatus c;
    c.kind = kind;
    c.state = core::ClockState::Paused;
    c.targetMs = targetMs;
    c.startedAt = Now - elapsedMs - Hour;
    c.elapsedMs = elapsedMs;
    c.pausedMs = Hour;
    c.remainingMs = targetMs - elapsedMs;
    c.thresholdCount = 4;
    if (c.remainingMs < 0) { // paused after its deadline: breached, as the engine rules
        c.state = core::ClockState::Breached;
        c.deadlineAt = c.breachedAt = Now - 2 * Hour;
    }
    return c;
}

core::SlaClockStatus stoppedClock(core::SlaKind kind, core::ClockState state, qint64 stoppedAt)
{
    core::SlaClockStatus c;
    c.kind = kind;
    c.state = state;
    c.targetMs = Hour;
    c.startedAt = stoppedAt - 30 * Minute;
    c.stoppedAt = stoppedAt;
    c.elapsedMs = state == core::ClockState::Breached ? 2 * Hour : 30 * Minute;
    c.remainingMs = c.targetMs - c.elapsedMs;
    c.deadlineAt = c.startedAt + c.targetMs;
    if (state == core::ClockState::Breached)
        c.breachedAt = c.deadlineAt;
    return c;
}

core::IncidentSla slaStatus(const core::QueueEntry &e, const core::SlaClockStatus &resolution,
                            std::optional<core::SlaClockStatus> response, double risk)
{
    core::IncidentSla sla;
    sla.incidentId = e.id;
    sla.number = e.number;
    sla.priority = e.priority;
    sla.policyId = QStringLiteral("p%1").arg(e.priority);
    sla.policyName = QStringLiteral("P%1 standard").arg(e.priority);
    sla.hasResolution = true;
    sla.resolution = resolution;
    sla.hasResponse = response.has_value();
    if (response)
        sla.response = *response;
    sla.breachProbability = risk;
    sla.forecastSamples = risk >= 0 ? 40 : 0;
    return sla;
}

core::SlaStatusPtr slaMap(const QList<core::IncidentSla> &statuses)
{
    auto map = std::make_shared<core::SlaStatusMap>();
    for (const core::IncidentSla &sla : statuses)
        map->insert(sla.incidentId, sla);
    return map;
}

} // namespace nocturne::models::test
