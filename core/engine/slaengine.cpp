#include "slaengine.h"

#include "slaactions.h"

#include <algorithm>

namespace nocturne::core {

// One subject and what the engine derived from it. `generation` invalidates heap entries
// scheduled by an older evaluation (the heap is never searched, only popped).
struct SlaEngine::Entry
{
    SlaSubject subject;
    IncidentSla status;
    quint32 generation = 0;
    // Rule keys issued to the store but not yet seen in the subject's history.
    QSet<QString> pending;
};

SlaEngine::SlaEngine() = default;
SlaEngine::~SlaEngine() = default;

void SlaEngine::setConfiguration(const SlaConfiguration &configuration, const QHash<QString, QString> &siteZones)
{
    m_configuration = configuration;
    m_siteZones = siteZones;
    m_calendars.clear();
    m_policyCalendars.clear();
    m_policyCalendars.resize(m_configuration.policies.size());
}

void SlaEngine::setForecaster(std::shared_ptr<const BreachForecaster> forecaster)
{
    m_forecaster = std::move(forecaster);
}

const BusinessCalendar *SlaEngine::calendarFor(const SlaPolicy &policy, const QString &site) const
{
    const CalendarDefinition *definition = m_configuration.calendar(policy.calendar);
    if (!definition)
        return nullptr;
    QString zone = definition->timeZone;
    if (policy.calendarZone == CalendarZone::Site && !definition->twentyFourSeven)
        zone = m_siteZones.value(site, zone);
    const QString key = definition->id + QLatin1Char('|') + zone;
    auto it = m_calendars.constFind(key);
    if (it == m_calendars.constEnd()) {
        it = m_calendars.insert(key, std::make_shared<BusinessCalendar>(*definition, timeZoneNamed(zone)));
    }
    return it.value().get();
}

// The policy index and calendar of a subject, cached per policy and site: the full
// evaluation of 100k incidents must not build a string key per incident.
const BusinessCalendar *SlaEngine::cachedCalendar(int policyIndex, const QString &site) const
{
    PolicyCalendars &cache = m_policyCalendars[size_t(policyIndex)];
    const SlaPolicy &policy = m_configuration.policies.at(policyIndex);
    if (policy.calendarZone == CalendarZone::Calendar) {
        if (!cache.shared)
            cache.shared = calendarFor(policy, site);
        return cache.shared;
    }
    auto it = cache.bySite.constFind(site);
    if (it == cache.bySite.constEnd())
        it = cache.bySite.insert(site, calendarFor(policy, site));
    return it.value();
}

int SlaEngine::policyIndexFor(const SlaSubject &s) const
{
    const QList<SlaPolicy> &policies = m_configuration.policies;
    for (int i = 0; i < policies.size(); ++i) {
        if (policies.at(i).matches(s.priority, s.service, s.domain, s.site))
            return i;
    }
    return -1;
}

QList<SlaClockStatus> SlaEngine::describe(const SlaSubject &subject, qint64 at, const SlaPolicy **policy) const
{
    const SlaPolicy *found = m_configuration.policyFor(subject.priority, subject.service, subject.domain, subject.site);
    if (policy)
        *policy = found;
    if (!found)
        return {};
    ClockEvaluation how;
    how.policy = found;
    how.calendar = calendarFor(*found, subject.site);
    how.atUtcMs = at;
    how.withSegments = true;
    if (!how.calendar)
        return {};
    return evaluateClocks(subject, how);
}

void SlaEngine::reset(const QList<SlaSubject> &subjects, qint64 now)
{
    m_subjects.clear();
    m_slotById.clear();
    m_freeSlots.clear();
    m_due.clear();
    // What crossed before now is history: nothing to announce in the next tick.
    m_lastTick = now;
    m_subjects.reserve(size_t(subjects.size()));
    m_slotById.reserve(subjects.size());
    for (const SlaSubject &subject : subjects) {
        auto entry = std::make_unique<Entry>();
        entry->subject = subject;
        const int slot = int(m_subjects.size());
        m_slotById.insert(subject.incidentId, slot);
        m_subjects.push_back(std::move(entry));
        evaluate(slot, now, nullptr);
    }
    m_lastTick = now;
}

void SlaEngine::evaluateAll(qint64 now)
{
    m_due.clear();
    for (int slot = 0; slot < int(m_subjects.size()); ++slot) {
        if (m_subjects[size_t(slot)])
            evaluate(slot, now, nullptr);
    }
}

void SlaEngine::upsert(const SlaSubject &subject, qint64 now)
{
    int slot = m_slotById.value(subject.incidentId, -1);
    if (slot < 0) {
        if (!m_freeSlots.empty()) {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
            m_subjects[size_t(slot)] = std::make_unique<Entry>();
        } else {
            slot = int(m_subjects.size());
            m_subjects.push_back(std::make_unique<Entry>());
        }
        m_slotById.insert(subject.incidentId, slot);
    }
    Entry &entry = *m_subjects[size_t(slot)];
    entry.subject = subject;
    // What the history now records is no longer pending.
    for (auto it = entry.pending.begin(); it != entry.pending.end();) {
        if (subject.firedRules.contains(*it))
            it = entry.pending.erase(it);
        else
            ++it;
    }
    evaluate(slot, now, nullptr);
}

void SlaEngine::remove(const QString &incidentId)
{
    const auto it = m_slotById.constFind(incidentId);
    if (it == m_slotById.constEnd())
        return;
    const int slot = it.value();
    m_slotById.erase(it);
    m_subjects[size_t(slot)].reset();
    m_freeSlots.push_back(slot);
}

void SlaEngine::retry(const QString &incidentId, const QString &ruleKey, qint64 at)
{
    const int slot = m_slotById.value(incidentId, -1);
    if (slot < 0 || !m_subjects[size_t(slot)])
        return;
    Entry &entry = *m_subjects[size_t(slot)];
    entry.pending.remove(ruleKey);
    pushDue(Due { at, slot, entry.generation });
}

void SlaEngine::settle(const QString &incidentId, const QString &ruleKey)
{
    const int slot = m_slotById.value(incidentId, -1);
    // Pending until the history shows it, which it will once the other process's event
    // is read; until then it must not go out again.
    if (slot >= 0 && m_subjects[size_t(slot)])
        m_subjects[size_t(slot)]->pending.insert(ruleKey);
}

SlaEngine::TickResult SlaEngine::tick(qint64 now)
{
    TickResult result;
    while (!m_due.empty() && m_due.front().at <= now) {
        const Due due = popDue();
        const auto &entry = m_subjects[size_t(due.slot)];
        if (!entry || entry->generation != due.generation)
            continue; // superseded by a later evaluation
        evaluate(due.slot, now, &result);
        result.changed << entry->subject.incidentId;
    }
    // Stale entries pile up when incidents change often; rebuild once they dominate.
    if (m_due.size() > 4 * m_subjects.size() + 1024)
        rebuildHeap();
    m_lastTick = std::max(m_lastTick, now);
    return result;
}

void SlaEngine::rebuildHeap()
{
    std::erase_if(m_due, [this](const Due &due) {
        const auto &entry = m_subjects[size_t(due.slot)];
        return !entry || entry->generation != due.generation;
    });
    std::make_heap(m_due.begin(), m_due.end(), std::greater<Due>());
}

void SlaEngine::pushDue(const Due &due)
{
    m_due.push_back(due);
    std::push_heap(m_due.begin(), m_due.end(), std::greater<Due>());
}

SlaEngine::Due SlaEngine::popDue()
{
    std::pop_heap(m_due.begin(), m_due.end(), std::greater<Due>());
    const Due due = m_due.back();
    m_due.pop_back();
    return due;
}

void SlaEngine::evaluate(int slot, qint64 now, TickResult *result)
{
    Entry &entry = *m_subjects[size_t(slot)];
    ++entry.generation;
    const SlaSubject &subject = entry.subject;
    IncidentSla &status = entry.status;
    status = IncidentSla();
    status.incidentId = subject.incidentId;
    status.number = subject.number;
    status.priority = subject.priority;

    const int policyIndex = policyIndexFor(subject);
    if (policyIndex < 0)
        return;
    const SlaPolicy &policy = m_configuration.policies.at(policyIndex);
    ClockEvaluation how;
    how.policy = &policy;
    how.calendar = cachedCalendar(policyIndex, subject.site);
    how.atUtcMs = now;
    if (!how.calendar)
        return;
    status.policyId = policy.id;
    status.policyName = policy.name;

    const QList<SlaClockStatus> clocks = evaluateClocks(subject, how);
    for (const SlaClockStatus &clock : clocks) {
        if (clock.kind == SlaKind::Response) {
            status.hasResponse = true;
            status.response = clock;
        } else {
            status.hasResolution = true;
            status.resolution = clock; // the last cycle wins
        }
    }
    if (m_forecaster && status.hasResolution && status.resolution.isActive()) {
        if (const auto estimate = m_forecaster->estimate(subject.priority, subject.category, subject.service,
                                                         subject.assignmentGroup, status.resolution.elapsedMs,
                                                         status.resolution.targetMs)) {
            status.breachProbability = estimate->probability;
            status.forecastSamples = estimate->samples;
        }
    }

    // Alerts: what crossed since the previous tick. Crossings before the engine started
    // (the console was closed) are history, not news.
    // Without a result (an upsert between two ticks), a crossing in that window is left for
    // the next tick to announce.
    bool crossedSinceTick = false;
    for (const SlaClockStatus &clock : clocks) {
        bool breachAnnounced = false;
        for (int i = 0; i < clock.thresholdCount; ++i) {
            const qint64 at = clock.thresholdAt[size_t(i)];
            if (at == 0 || at <= m_lastTick || at > now)
                continue;
            crossedSinceTick = true;
            const int percent = clock.thresholdPercent[size_t(i)];
            breachAnnounced = breachAnnounced || percent >= 100;
            if (result) {
                SlaAlert alert;
                alert.kind = percent >= 100 ? SlaAlert::Kind::Breach : SlaAlert::Kind::Threshold;
                alert.incidentId = subject.incidentId;
                alert.number = subject.number;
                alert.priority = subject.priority;
                alert.clock = clock.kind;
                alert.percent = percent;
                alert.at = at;
                result->alerts << alert;
            }
        }
        // The breach is news even when the policy has no 100 % threshold. A clock breaches
        // just after its deadline (stopping at it is in time), so >= the previous tick.
        const qint64 deadline = clock.deadlineAt;
        if (!breachAnnounced && clock.state == ClockState::Breached && deadline >= m_lastTick && deadline < now) {
            crossedSinceTick = true;
            if (result) {
                SlaAlert alert;
                alert.kind = SlaAlert::Kind::Breach;
                alert.incidentId = subject.incidentId;
                alert.number = subject.number;
                alert.priority = subject.priority;
                alert.clock = clock.kind;
                alert.percent = 100;
                alert.at = deadline;
                result->alerts << alert;
            }
        }
    }

    SlaActionPlanner planner(m_configuration, policy, subject, clocks);
    const SlaActionPlanner::Plan plan = planner.plan(now, entry.pending, result != nullptr);
    if (result) {
        for (const IncidentCommand &command : plan.due) {
            entry.pending.insert(ruleKeyOf(command));
            result->actions << command;
            // Escalations caught up after an offline period are recorded, not announced.
            if (command.action == IncidentAction::Escalate && command.occurredAt > m_lastTick) {
                SlaAlert alert;
                alert.kind = SlaAlert::Kind::Escalation;
                alert.incidentId = subject.incidentId;
                alert.number = subject.number;
                alert.priority = subject.priority;
                alert.detail = command.payload.value(QStringLiteral("reason")).toString();
                alert.at = command.occurredAt;
                result->alerts << alert;
            }
        }
    }

    // The next instant anything happens to this incident: a threshold of a counting clock,
    // an escalation level, or now when actions are due but were not taken (reset()).
    qint64 next = plan.nextAt;
    if (!result && (plan.anyDue || crossedSinceTick))
        next = now;
    const auto consider = [&next, now](qint64 at) {
        if (at > now && (next == 0 || at < next))
            next = at;
    };
    for (const SlaClockStatus &clock : clocks) {
        if (!clock.counting)
            continue;
        for (int i = 0; i < clock.thresholdCount; ++i)
            consider(clock.thresholdAt[size_t(i)]);
        if (clock.deadlineAt != 0)
            consider(clock.deadlineAt + 1); // the first instant it is breached
    }
    if (next > 0)
        pushDue(Due { next, slot, entry.generation });
}

const SlaEngine::Entry *SlaEngine::entryOf(const QString &incidentId) const
{
    const int slot = m_slotById.value(incidentId, -1);
    return slot < 0 ? nullptr : m_subjects[size_t(slot)].get();
}

const IncidentSla *SlaEngine::status(const QString &incidentId) const
{
    const Entry *entry = entryOf(incidentId);
    return entry ? &entry->status : nullptr;
}

const SlaSubject *SlaEngine::subject(const QString &incidentId) const
{
    const Entry *entry = entryOf(incidentId);
    return entry ? &entry->subject : nullptr;
}

SlaStatusPtr SlaEngine::snapshot() const
{
    auto all = std::make_shared<SlaStatusMap>();
    all->reserve(m_slotById.size());
    for (const auto &entry : m_subjects) {
        if (entry && !entry->status.policyId.isEmpty())
            all->insert(entry->subject.incidentId, entry->status);
    }
    return all;
}

SlaStatusPtr SlaEngine::snapshot(const QStringList &incidentIds) const
{
    auto delta = std::make_shared<SlaStatusMap>();
    for (const QString &id : incidentIds) {
        if (const IncidentSla *s = status(id); s && !s->policyId.isEmpty()) {
            delta->insert(id, *s);
        } else {
            IncidentSla gone;
            gone.incidentId = id;
            gone.removed = true;
            delta->insert(id, gone);
        }
    }
    return delta;
}

qint64 SlaEngine::nextDueAt() const
{
    // Linear: stale entries sit anywhere in the heap. For tests and tools, not the tick.
    qint64 next = 0;
    for (const Due &due : m_due) {
        const auto &entry = m_subjects[size_t(due.slot)];
        if (entry && entry->generation == due.generation && (next == 0 || due.at < next))
            next = due.at;
    }
    return next;
}

QString SlaEngine::ruleKeyOf(const IncidentCommand &command)
{
    return command.payload.value(QStringLiteral("rule")).toString();
}

} // namespace nocturne::core
