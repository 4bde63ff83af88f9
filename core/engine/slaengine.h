#pragma once

#include "breachforecast.h"
#include "slaclock.h"
#include "slaconfiguration.h"
#include "slastatus.h"
#include "slasubject.h"

#include "../domain/command.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace nocturne::core {

// The SLA and escalation engine, without threads or storage: it holds the subjects of
// the open incidents, their evaluated clocks and a min-heap of the next instant anything
// happens to each (a threshold, the breach, an escalation level). A tick pops only what is
// due, so a tick with nothing due costs O(1) and one crossing O(log n). Automatic actions
// come out as commands by the `system` actor whose payload carries a rule key; a rule key
// already in the subject's history (or refused by the store as already recorded) is never
// issued again, which makes them idempotent across restarts and offline periods.
// Not thread-safe: it lives on the SLA worker's thread (or in one CLI command).
class SlaEngine final
{
public:
    SlaEngine();
    ~SlaEngine();

    // Site name -> IANA zone, for policies whose calendar follows the site.
    void setConfiguration(const SlaConfiguration &configuration, const QHash<QString, QString> &siteZones);
    const SlaConfiguration &configuration() const { return m_configuration; }
    void setForecaster(std::shared_ptr<const BreachForecaster> forecaster);

    // Replaces every subject and evaluates them all at `now` (the full evaluation).
    void reset(const QList<SlaSubject> &subjects, qint64 now);
    // Evaluates every subject again at `now` (a new forecast, a clock jump), in place.
    void evaluateAll(qint64 now);
    // Adds or replaces one subject (an incident changed) and re-evaluates it.
    void upsert(const SlaSubject &subject, qint64 now);
    void remove(const QString &incidentId);
    // The store refused an action as already recorded (another process was first).
    void settle(const QString &incidentId, const QString &ruleKey);
    // The store could not record an action (busy, an I/O error): send it again at `at`.
    void retry(const QString &incidentId, const QString &ruleKey, qint64 at);

    struct TickResult
    {
        QStringList changed; // incidents whose status changed
        SlaAlerts alerts; // crossings between the previous tick and now
        QList<IncidentCommand> actions; // escalations and priority raises now due
    };
    // Everything due in (previous tick, now]. Crossings that happened before the engine
    // started (or while the console was closed) produce their actions once, but no alerts.
    TickResult tick(qint64 now);

    const IncidentSla *status(const QString &incidentId) const;
    const SlaSubject *subject(const QString &incidentId) const;
    SlaStatusPtr snapshot() const;
    SlaStatusPtr snapshot(const QStringList &incidentIds) const; // a delta
    int subjectCount() const { return int(m_subjects.size()); }
    qint64 nextDueAt() const; // 0 when nothing is scheduled

    // The clocks of one subject with their segment history (detail pane, `sla show`).
    QList<SlaClockStatus> describe(const SlaSubject &subject, qint64 at, const SlaPolicy **policy = nullptr) const;
    const BusinessCalendar *calendarFor(const SlaPolicy &policy, const QString &site) const;

    // The rule key an action carries, so stores and tests can check for it.
    static QString ruleKeyOf(const IncidentCommand &command);

private:
    struct Entry;
    struct Due
    {
        qint64 at;
        int slot;
        quint32 generation;
        bool operator>(const Due &other) const { return at > other.at; }
    };
    // Re-evaluates one subject and schedules its next due instant. With a result, the
    // alerts and actions due now go into it; without (reset, upsert), due actions only
    // schedule the subject for the next tick.
    void evaluate(int slot, qint64 now, TickResult *result);
    void rebuildHeap();
    int policyIndexFor(const SlaSubject &subject) const;
    const Entry *entryOf(const QString &incidentId) const;
    const BusinessCalendar *cachedCalendar(int policyIndex, const QString &site) const;

    struct PolicyCalendars
    {
        const BusinessCalendar *shared = nullptr; // calendar zone: one for every site
        QHash<QString, const BusinessCalendar *> bySite;
    };

    SlaConfiguration m_configuration;
    QHash<QString, QString> m_siteZones;
    std::shared_ptr<const BreachForecaster> m_forecaster;
    mutable QHash<QString, std::shared_ptr<BusinessCalendar>> m_calendars; // "calendar|zone"
    mutable std::vector<PolicyCalendars> m_policyCalendars; // by policy index
    std::vector<std::unique_ptr<Entry>> m_subjects;
    QHash<QString, int> m_slotById;
    std::vector<int> m_freeSlots;
    // A min-heap (std::push_heap with std::greater) in a vector that keeps its capacity
    // across full evaluations.
    std::vector<Due> m_due;
    void pushDue(const Due &due);
    Due popDue();
    qint64 m_lastTick = 0;
};

} // namespace nocturne::core
