#include "kpiworker.h"

#include "kpicalculator.h"

#include "../domain/clock.h"
#include "../storage/kpirepository.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace nocturne::core {

namespace {

Q_LOGGING_CATEGORY(lcKpi, "nocturne.engine.kpi")

// Progress bands of one computation: the outcome refresh is the long part on a first
// run, the load on a large file afterwards; the computation itself is quick.
constexpr int RefreshStart = 0;
constexpr int RefreshEnd = 60;
constexpr int LoadAt = 60;
constexpr int ComputeAt = 90;

} // namespace

KpiWorker::KpiWorker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

KpiWorker::~KpiWorker() = default;

void KpiWorker::open(const QString &path)
{
    QMetaObject::invokeMethod(this, [this, path] { openHere(path); }, Qt::QueuedConnection);
}

void KpiWorker::compute(quint64 requestId, const KpiQuery &query)
{
    QMetaObject::invokeMethod(this, [this, requestId, query] { computeHere(requestId, query); }, Qt::QueuedConnection);
}

void KpiWorker::drillDown(quint64 requestId, const KpiQuery &query, const KpiSelection &selection)
{
    QMetaObject::invokeMethod(
        this, [this, requestId, query, selection] { drillDownHere(requestId, query, selection); },
        Qt::QueuedConnection);
}

void KpiWorker::saveTargets(const KpiTargets &targets)
{
    QMetaObject::invokeMethod(this, [this, targets] { saveTargetsHere(targets); }, Qt::QueuedConnection);
}

void KpiWorker::openHere(const QString &path)
{
    m_facts.reset();
    m_configurationRevision = -1;
    m_database.close();
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::MustExist;
    if (const DatabaseError error = m_database.open(path, options))
        Q_EMIT failed(0, error);
}

bool KpiWorker::ensureFacts(quint64 requestId)
{
    if (!m_database.isOpen()) {
        Q_EMIT failed(requestId, DatabaseError { DatabaseError::Kind::NotInitialised, tr("No database is open.") });
        return false;
    }
    KpiRepository repository(m_database.connection());
    // Read before anything else: a commit during the refresh or the load makes the
    // next request reload, never miss it.
    const auto dataVersion = repository.dataVersion();
    const auto revision = dataVersion ? repository.configurationRevision() : std::nullopt;
    if (!dataVersion || !revision) {
        Q_EMIT failed(requestId, repository.lastError());
        return false;
    }
    if (m_facts && m_facts->dataVersion == *dataVersion && m_configurationRevision == *revision)
        return true;

    QElapsedTimer timer;
    timer.start();
    const QString refreshing = tr("Bringing SLA outcomes up to date");
    Q_EMIT progress(requestId, RefreshStart, refreshing);
    const auto refreshed = repository.refreshOutcomes(m_clock.nowMs(), [&](int done, int total) {
        const int percent = total > 0 ? RefreshStart + (RefreshEnd - RefreshStart) * done / total : RefreshEnd;
        Q_EMIT progress(requestId, percent, refreshing);
    });
    if (!refreshed) {
        Q_EMIT failed(requestId, repository.lastError());
        return false;
    }
    const qint64 refreshMs = timer.restart();
    Q_EMIT progress(requestId, LoadAt, tr("Loading incidents"));
    auto facts = repository.loadFacts();
    const auto targets = facts ? repository.loadTargets() : std::nullopt;
    if (!facts || !targets) {
        Q_EMIT failed(requestId, repository.lastError());
        return false;
    }
    facts->dataVersion = *dataVersion;
    facts->loadedAt = m_clock.nowMs();
    qCInfo(lcKpi) << "KPI: refreshed" << *refreshed << "SLA outcomes in" << refreshMs << "ms, loaded" << facts->size()
                  << "incidents in" << timer.elapsed() << "ms";
    m_facts = std::move(facts);
    m_targets = *targets;
    m_configurationRevision = *revision;
    return true;
}

void KpiWorker::computeHere(quint64 requestId, const KpiQuery &query)
{
    if (!ensureFacts(requestId))
        return;
    Q_EMIT progress(requestId, ComputeAt, tr("Computing KPIs"));
    auto report = std::make_shared<const KpiReport>(computeKpis(*m_facts, query, m_targets, m_clock.nowMs()));
    Q_EMIT progress(requestId, 100, tr("Done"));
    Q_EMIT computed(requestId, report);
}

void KpiWorker::drillDownHere(quint64 requestId, const KpiQuery &query, const KpiSelection &selection)
{
    // The facts the shown number was computed from, not newer ones: the list must be that
    // number's incidents even if the database changed since (the next refresh catches up).
    if (!m_facts && !ensureFacts(requestId))
        return;
    const qint64 now = selection.nowUtcMs ? selection.nowUtcMs : m_clock.nowMs();
    Q_EMIT drilledDown(requestId, selection, incidentsBehind(*m_facts, query, selection, now));
}

void KpiWorker::saveTargetsHere(const KpiTargets &targets)
{
    if (!m_database.isOpen()) {
        Q_EMIT failed(0, DatabaseError { DatabaseError::Kind::NotInitialised, tr("No database is open.") });
        return;
    }
    KpiRepository repository(m_database.connection());
    if (!repository.saveTargets(targets)) {
        Q_EMIT failed(0, repository.lastError());
        return;
    }
    m_targets = targets;
}

} // namespace nocturne::core
