#pragma once

#include "kpifacts.h"
#include "kpiquery.h"
#include "kpireport.h"
#include "kpitargets.h"

#include "../storage/database.h"
#include "../storage/databaseerror.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace nocturne::core {

class Clock;

// Computes KPIs for a console on its own thread and connection ("nocturne-kpi"): brings
// the cached SLA outcomes up to date, loads the facts (again only when the database
// changed since), computes, and hands back an immutable report. Progress is reported per
// stage so the dashboard can show it. Public methods may be called from any thread; a
// newer compute request makes an older one's result stale (it is still delivered with
// its own request id, and the dashboard drops it).
class KpiWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiWorker)

public:
    explicit KpiWorker(const Clock &clock, QObject *parent = nullptr);
    ~KpiWorker() override;

    void open(const QString &path);
    void compute(quint64 requestId, const nocturne::core::KpiQuery &query);
    void drillDown(quint64 requestId, const nocturne::core::KpiQuery &query,
                   const nocturne::core::KpiSelection &selection);
    void saveTargets(const nocturne::core::KpiTargets &targets);

Q_SIGNALS:
    void failed(quint64 requestId, const nocturne::core::DatabaseError &error);
    void progress(quint64 requestId, int percent, const QString &stage);
    void computed(quint64 requestId, const nocturne::core::KpiReportPtr &report);
    void drilledDown(quint64 requestId, const nocturne::core::KpiSelection &selection, const QStringList &incidentIds);

private:
    void openHere(const QString &path);
    void computeHere(quint64 requestId, const KpiQuery &query);
    void drillDownHere(quint64 requestId, const KpiQuery &query, const KpiSelection &selection);
    void saveTargetsHere(const KpiTargets &targets);
    // Refreshes outcomes and reloads facts when the database changed; false on an error.
    bool ensureFacts(quint64 requestId);

    const Clock &m_clock;
    Database m_database;
    std::shared_ptr<const KpiFacts> m_facts;
    KpiTargets m_targets;
    qint64 m_configurationRevision = -1; // of the outcomes behind m_facts
};

} // namespace nocturne::core
