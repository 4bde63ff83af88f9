#pragma once

#include "slaengine.h"
#include "slastatus.h"

#include "../storage/database.h"
#include "../storage/databaseerror.h"

#include <QObject>

#include <memory>

class QTimer;

namespace nocturne::core {

class Clock;
class SlaRepository;

// Runs the SLA engine for a live console on its own thread and connection ("nocturne-sla"):
// loads the configuration and the open incidents, evaluates them all, then ticks every
// second from the injected clock (and re-evaluates everything every five minutes, for the
// forecast) and follows the database (PRAGMA data_version, like the
// queue reader) to re-evaluate only the incidents that changed and to pick up a new
// configuration. The GUI gets immutable snapshots and deltas; automatic actions go out as
// commands for the store's writer. Public methods may be called from any thread.
class SlaWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlaWorker)

public:
    explicit SlaWorker(const Clock &clock, QObject *parent = nullptr);
    ~SlaWorker() override;

    void open(const QString &path, int tickIntervalMs = 1000, int pollIntervalMs = 500);
    // Every clock of one incident with its history, for the detail pane.
    void describe(quint64 requestId, const QString &incidentId);
    // A command the store refused as already recorded: forget it was pending.
    void actionSettled(const QString &incidentId, const QString &ruleKey);
    // A command the store could not record (busy, an I/O error): send it again later.
    void actionFailed(const QString &incidentId, const QString &ruleKey);

Q_SIGNALS:
    void failed(const nocturne::core::DatabaseError &error);
    void snapshotReady(const nocturne::core::SlaStatusPtr &all);
    void statusChanged(const nocturne::core::SlaStatusPtr &changed);
    void alertsRaised(const nocturne::core::SlaAlerts &alerts);
    void actionsDue(const QList<nocturne::core::IncidentCommand> &commands);
    void described(quint64 requestId, const QString &incidentId, const QString &policyName,
                   const QList<nocturne::core::SlaClockStatus> &clocks);

private:
    void openHere(const QString &path, int tickIntervalMs, int pollIntervalMs);
    void describeHere(quint64 requestId, const QString &incidentId);
    void tick();
    void poll();
    void reevaluate();
    bool loadAll();
    void loadForecast();
    void emitTick(SlaEngine::TickResult result);

    const Clock &m_clock;
    Database m_database;
    std::unique_ptr<SlaRepository> m_repository;
    SlaEngine m_engine;
    QTimer *m_tickTimer = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_reevaluateTimer = nullptr;
    qint64 m_dataVersion = -1;
    qint64 m_lastSequence = 0;
    qint64 m_configurationVersion = -1;
};

} // namespace nocturne::core
