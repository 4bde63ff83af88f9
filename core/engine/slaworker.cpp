#include "slaworker.h"

#include "../domain/clock.h"
#include "../storage/incidentrepository.h"
#include "../storage/slarepository.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

namespace nocturne::core {

namespace {

Q_LOGGING_CATEGORY(lcSla, "nocturne.engine.sla")

// How far back resolved incidents feed the breach forecast.
constexpr qint64 ForecastHistoryMs = 180LL * 24 * 60 * 60 * 1000;
constexpr qsizetype ActionBatch = 20;
// The breach forecast depends on the time already used, which grows while nothing happens
// to an incident: every incident is evaluated again this often.
constexpr int ReevaluateIntervalMs = 5 * 60 * 1000;
// An action the store could not record (the file was busy) is sent again after this.
constexpr qint64 RetryAfterMs = 30'000;

} // namespace

SlaWorker::SlaWorker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

SlaWorker::~SlaWorker() = default;

void SlaWorker::open(const QString &path, int tickIntervalMs, int pollIntervalMs)
{
    QMetaObject::invokeMethod(
        this, [this, path, tickIntervalMs, pollIntervalMs] { openHere(path, tickIntervalMs, pollIntervalMs); },
        Qt::QueuedConnection);
}

void SlaWorker::describe(quint64 requestId, const QString &incidentId)
{
    QMetaObject::invokeMethod(this, [this, requestId, incidentId] { describeHere(requestId, incidentId); },
                              Qt::QueuedConnection);
}

void SlaWorker::actionSettled(const QString &incidentId, const QString &ruleKey)
{
    QMetaObject::invokeMethod(this, [this, incidentId, ruleKey] { m_engine.settle(incidentId, ruleKey); },
                              Qt::QueuedConnection);
}

void SlaWorker::actionFailed(const QString &incidentId, const QString &ruleKey)
{
    QMetaObject::invokeMethod(
        this, [this, incidentId, ruleKey] { m_engine.retry(incidentId, ruleKey, m_clock.nowMs() + RetryAfterMs); },
        Qt::QueuedConnection);
}

void SlaWorker::openHere(const QString &path, int tickIntervalMs, int pollIntervalMs)
{
    if (m_tickTimer)
        m_tickTimer->stop();
    if (m_pollTimer)
        m_pollTimer->stop();
    m_repository.reset();
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::MustExist;
    if (auto error = m_database.open(path, options)) {
        Q_EMIT failed(error);
        return;
    }
    m_repository = std::make_unique<SlaRepository>(m_database.connection());
    if (!loadAll())
        return;

    if (!m_tickTimer) {
        m_tickTimer = new QTimer(this);
        m_tickTimer->setTimerType(Qt::PreciseTimer);
        connect(m_tickTimer, &QTimer::timeout, this, &SlaWorker::tick);
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &SlaWorker::poll);
    }
    if (!m_reevaluateTimer) {
        m_reevaluateTimer = new QTimer(this);
        connect(m_reevaluateTimer, &QTimer::timeout, this, &SlaWorker::reevaluate);
    }
    m_tickTimer->start(tickIntervalMs);
    m_pollTimer->start(pollIntervalMs);
    m_reevaluateTimer->start(ReevaluateIntervalMs);
    // Actions that fell due while nobody was watching (the console was closed) go out now.
    tick();
}

bool SlaWorker::loadAll()
{
    QElapsedTimer timer;
    timer.start();
    // One read transaction: the configuration, the position in the log and the subjects
    // are one consistent state; later commits arrive through poll(). Nothing is kept until
    // everything loaded: a failed reload must not skip the changes in between.
    if (!m_repository->beginSnapshot()) {
        Q_EMIT failed(m_repository->lastError());
        return false;
    }
    IncidentRepository incidents(m_database.connection(), m_database.path());
    const auto dataVersion = m_repository->dataVersion();
    const qint64 lastSequence = incidents.lastSequence();
    const qint64 configurationVersion = m_repository->configurationRevision();
    const auto configuration = m_repository->loadConfiguration();
    const QHash<QString, QString> zones = m_repository->siteZones();
    const auto subjects = m_repository->openSubjects();
    m_repository->endSnapshot();
    if (!dataVersion || !configuration || !subjects) {
        Q_EMIT failed(m_repository->lastError());
        return false;
    }
    m_engine.setConfiguration(*configuration, zones);
    m_dataVersion = *dataVersion;
    m_lastSequence = lastSequence;
    m_configurationVersion = configurationVersion;
    // The clocks first, so the console shows them at once; the forecast's history (hundreds
    // of thousands of resolutions on a large file) follows in its own turn of the loop.
    m_engine.setForecaster(nullptr);
    m_engine.reset(*subjects, m_clock.nowMs());
    qCInfo(lcSla) << "SLA engine: loaded and evaluated" << subjects->size() << "open incidents in"
                  << timer.elapsed() << "ms";
    Q_EMIT snapshotReady(m_engine.snapshot());
    QMetaObject::invokeMethod(this, &SlaWorker::loadForecast, Qt::QueuedConnection);
    return true;
}

void SlaWorker::loadForecast()
{
    QElapsedTimer timer;
    timer.start();
    const auto resolved = m_repository->resolvedSince(m_clock.nowMs() - ForecastHistoryMs);
    if (!resolved) {
        // The clocks are right without it; only the Breach risk column stays empty.
        qCWarning(lcSla) << "SLA engine: no breach forecast:" << m_repository->lastError().message;
        return;
    }
    // History durations on each incident's own policy calendar, like the clocks it predicts.
    const SlaConfiguration &configuration = m_engine.configuration();
    QList<ResolutionSample> samples;
    samples.reserve(resolved->size());
    for (const SlaRepository::ResolvedRow &row : *resolved) {
        const SlaPolicy *policy = configuration.policyFor(row.priority, row.service, row.domain, row.site);
        const BusinessCalendar *calendar = policy ? m_engine.calendarFor(*policy, row.site) : nullptr;
        if (!calendar)
            continue;
        samples.append({ row.priority, row.category, row.service, row.group,
                         calendar->businessMsBetween(row.openedAt, row.resolvedAt) });
    }
    m_engine.setForecaster(std::make_shared<const BreachForecaster>(samples));
    qCInfo(lcSla) << "SLA engine: forecast from" << samples.size() << "resolved incidents in" << timer.elapsed()
                  << "ms";
    reevaluate();
}

void SlaWorker::tick() { emitTick(m_engine.tick(m_clock.nowMs())); }

void SlaWorker::reevaluate()
{
    m_engine.evaluateAll(m_clock.nowMs());
    Q_EMIT snapshotReady(m_engine.snapshot());
}

void SlaWorker::emitTick(SlaEngine::TickResult result)
{
    if (!result.changed.isEmpty())
        Q_EMIT statusChanged(m_engine.snapshot(result.changed));
    if (!result.alerts.isEmpty())
        Q_EMIT alertsRaised(result.alerts);
    // In small batches: each is one queued call on the store's writer, so an operator's
    // action is never stuck behind a long catch-up.
    for (qsizetype i = 0; i < result.actions.size(); i += ActionBatch)
        Q_EMIT actionsDue(result.actions.mid(i, ActionBatch));
}

void SlaWorker::poll()
{
    const auto dataVersion = m_repository ? m_repository->dataVersion() : std::nullopt;
    if (!dataVersion)
        return; // a busy or vanished file: the next poll tries again
    const qint64 version = *dataVersion;
    if (version == m_dataVersion)
        return;
    // A new configuration changes every clock: evaluate everything again.
    const qint64 revision = m_repository->configurationRevision();
    if (revision >= 0 && revision != m_configurationVersion) {
        loadAll();
        return;
    }
    IncidentRepository incidents(m_database.connection(), m_database.path());
    qint64 last = m_lastSequence;
    const QSet<QString> ids = incidents.incidentsChangedSince(m_lastSequence, &last);
    if (incidents.lastError())
        return;
    const auto subjects = ids.isEmpty() ? std::optional<QList<SlaSubject>>(QList<SlaSubject>())
                                        : m_repository->subjects(ids);
    if (!subjects)
        return; // not consumed: the next poll reads the same changes again
    m_dataVersion = version;
    m_lastSequence = last;
    const qint64 now = m_clock.nowMs();
    QStringList changed;
    for (const SlaSubject &subject : *subjects) {
        m_engine.upsert(subject, now);
        changed << subject.incidentId;
    }
    if (!changed.isEmpty())
        Q_EMIT statusChanged(m_engine.snapshot(changed));
    // A change may have made actions due at once (a priority raise changing the policy).
    tick();
}

void SlaWorker::describeHere(quint64 requestId, const QString &incidentId)
{
    if (!m_repository)
        return;
    // The engine already holds every incident it follows (kept current by poll()); only one
    // it does not (closed before the console started) is read from the file.
    std::optional<SlaSubject> loaded;
    const SlaSubject *subject = m_engine.subject(incidentId);
    if (!subject) {
        loaded = m_repository->subject(incidentId);
        if (!loaded) {
            Q_EMIT described(requestId, incidentId, QString(), {});
            return;
        }
        subject = &*loaded;
    }
    const SlaPolicy *policy = nullptr;
    const QList<SlaClockStatus> clocks = m_engine.describe(*subject, m_clock.nowMs(), &policy);
    Q_EMIT described(requestId, incidentId, policy ? policy->name : QString(), clocks);
}

} // namespace nocturne::core
