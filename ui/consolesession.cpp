#include "consolesession.h"

#include "credentialstore.h"

#include <core/domain/clock.h>
#include <core/engine/slaengine.h>
#include <models/conflictsmodel.h>
#include <models/incidentqueuemodel.h>
#include <models/queueentryconversion.h>
#include <models/queuefilterproxy.h>
#include <models/savedqueuesmodel.h>
#include <models/timelinemodel.h>

#include <QTimer>

namespace nocturne::ui {

namespace {

// Ages are shown in minutes; refreshing twice a minute keeps them right to the minute.
// The same beat moves incidents into "Breaching soon" and refreshes the selected
// incident's business-time figures.
constexpr int AgeRefreshMs = 30'000;

// The SLA engine's own requests to the writer are numbered from here: the operator's
// count up from 1 and never meet them.
constexpr quint64 SystemRequestBase = quint64(1) << 62;

const QString SystemActor = QStringLiteral("system");

} // namespace

ConsoleSession::ConsoleSession(const core::Clock &clock, QString currentUser, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_currentUser(std::move(currentUser))
    , m_store(QStringLiteral("nocturne-store"), std::make_unique<core::StoreWorker>(clock))
    , m_reader(QStringLiteral("nocturne-reader"), std::make_unique<core::QueueReader>(clock))
    , m_sla(QStringLiteral("nocturne-sla"), std::make_unique<core::SlaWorker>(clock))
    , m_kpi(QStringLiteral("nocturne-kpi"), std::make_unique<core::KpiWorker>(clock))
    , m_sync(QStringLiteral("nocturne-sync"), std::make_unique<core::SyncWorker>(clock))
    , m_credentials(std::make_unique<KeychainCredentialStore>())
    , m_queueModel(new models::IncidentQueueModel(this))
    , m_queueProxy(new models::QueueFilterProxy(this))
    , m_savedQueuesModel(new models::SavedQueuesModel(m_queueModel, this))
    , m_timelineModel(new models::TimelineModel(this))
    , m_conflictsModel(new models::ConflictsModel(this))
    , m_ageTimer(new QTimer(this))
    , m_nextSystemRequestId(SystemRequestBase)
{
    m_queueModel->setClock(&m_clock);
    m_queueProxy->setSourceModel(m_queueModel);
    m_queueProxy->setCurrentUser(m_currentUser);
    m_savedQueuesModel->setCurrentUser(m_currentUser);
    tick();

    core::QueueReader *reader = m_reader.worker();
    connect(reader, &core::QueueReader::opened, this, [this](const QString &path) { Q_EMIT opened(path); });
    connect(reader, &core::QueueReader::failed, this, &ConsoleSession::onFailed);
    connect(reader, &core::QueueReader::snapshotReady, this, &ConsoleSession::onSnapshot);
    connect(reader, &core::QueueReader::entriesChanged, this, &ConsoleSession::onEntriesChanged);
    connect(reader, &core::QueueReader::referenceDataReady, this, [this](const core::ReferenceSnapshot &reference) {
        m_reference = reference;
        Q_EMIT referenceDataChanged();
    });
    connect(reader, &core::QueueReader::incidentLoaded, this, &ConsoleSession::onIncidentLoaded);
    connect(reader, &core::QueueReader::incidentsRead, this,
            [this](quint64 requestId, const core::QueueEntriesPtr &entries) {
                if (requestId != m_incidentSetRequestId)
                    return; // a newer drill-down replaced this one
                Q_EMIT queueAboutToChange();
                m_queueModel->applyChanges(entries);
                Q_EMIT queueChanged();
                Q_EMIT incidentSetLoaded(m_incidentSet);
            });

    core::StoreWorker *store = m_store.worker();
    connect(store, &core::StoreWorker::failed, this, &ConsoleSession::onFailed);
    connect(store, &core::StoreWorker::opened, this, [this] {
        m_storeOpen = true;
        m_reader.worker()->open(m_path);
        m_sla.worker()->open(m_path);
        m_kpi.worker()->open(m_path);
        if (m_syncSettings.isConfigured())
            m_sync.worker()->start(m_path, m_syncSettings);
    });
    connect(store, &core::StoreWorker::executed, this, &ConsoleSession::onExecuted);

    core::SlaWorker *sla = m_sla.worker();
    connect(sla, &core::SlaWorker::failed, this, &ConsoleSession::slaFailed);
    connect(sla, &core::SlaWorker::snapshotReady, this, &ConsoleSession::onSlaSnapshot);
    connect(sla, &core::SlaWorker::statusChanged, this, &ConsoleSession::onSlaChanged);
    connect(sla, &core::SlaWorker::alertsRaised, this, &ConsoleSession::slaAlertsRaised);
    connect(sla, &core::SlaWorker::actionsDue, this, &ConsoleSession::onSlaActionsDue);
    connect(sla, &core::SlaWorker::described, this, &ConsoleSession::onSlaDescribed);

    core::SyncWorker *sync = m_sync.worker();
    connect(sync, &core::SyncWorker::statusChanged, this, &ConsoleSession::onSyncStatus);
    connect(sync, &core::SyncWorker::incidentsChanged, this, &ConsoleSession::onPulled);
    connect(sync, &core::SyncWorker::conflictsLoaded, m_conflictsModel, &models::ConflictsModel::setConflicts);
    connect(sync, &core::SyncWorker::failed, this, &ConsoleSession::syncFailed);

    connect(m_ageTimer, &QTimer::timeout, this, &ConsoleSession::tick);
    m_ageTimer->start(AgeRefreshMs);
}

// The owned threads stop (quit + wait) before the models they feed are deleted:
// members are destroyed in reverse order, and the models are QObject children.
void ConsoleSession::setCurrentUser(const QString &user)
{
    if (user == m_currentUser)
        return;
    m_currentUser = user;
    m_queueProxy->setCurrentUser(m_currentUser);
    m_savedQueuesModel->setCurrentUser(m_currentUser);
}

ConsoleSession::~ConsoleSession() = default;

void ConsoleSession::open(const QString &path)
{
    m_path = path;
    m_loaded = false;
    m_storeOpen = false;
    // The reader opens once the writer has: two connections migrating an old file at the
    // same time would make one of them wait on the other's lock, and perhaps give up.
    m_store.worker()->open(path);
}

void ConsoleSession::refresh()
{
    if (!m_path.isEmpty()) {
        m_reader.worker()->open(m_path);
        m_sla.worker()->open(m_path);
    }
    reloadSelected();
}

quint64 ConsoleSession::execute(QList<core::IncidentCommand> commands)
{
    const quint64 id = m_nextRequestId++;
    for (core::IncidentCommand &command : commands) {
        if (command.actor.isEmpty())
            command.actor = m_currentUser;
    }
    m_store.worker()->execute(id, commands);
    return id;
}

void ConsoleSession::loadIncidentSet(const QStringList &incidentIds)
{
    m_incidentSet = incidentIds;
    m_incidentSetRequestId = m_nextRequestId++;
    Q_EMIT queueAboutToChange();
    m_queueModel->setPinnedIncidents(QSet<QString>(incidentIds.begin(), incidentIds.end()));
    Q_EMIT queueChanged();
    if (incidentIds.isEmpty())
        return;
    m_reader.worker()->readIncidents(m_incidentSetRequestId, incidentIds);
}

void ConsoleSession::selectIncident(const QString &incidentId)
{
    if (incidentId == m_selectedId)
        return;
    m_selectedId = incidentId;
    if (incidentId.isEmpty()) {
        ++m_detailRequestId; // a late answer for the previous selection is ignored
        ++m_slaRequestId;
        m_timelineModel->clear();
        Q_EMIT incidentCleared();
        return;
    }
    reloadSelected();
}

void ConsoleSession::reloadSelected()
{
    if (m_selectedId.isEmpty())
        return;
    m_detailRequestId = m_nextRequestId++;
    m_reader.worker()->loadIncident(m_detailRequestId, m_selectedId);
}

void ConsoleSession::onSnapshot(const core::QueueEntriesPtr &entries)
{
    tick();
    if (!m_loaded) {
        m_queueModel->resetEntries(entries);
        m_loaded = true;
    } else {
        Q_EMIT queueAboutToChange();
        m_queueModel->syncEntries(entries);
        Q_EMIT queueChanged();
    }
    Q_EMIT queueLoaded(m_queueModel->rowCount());
}

void ConsoleSession::onEntriesChanged(const core::QueueEntriesPtr &changed)
{
    Q_EMIT queueAboutToChange();
    m_queueModel->applyChanges(changed);
    Q_EMIT queueChanged();
    if (m_selectedId.isEmpty())
        return;
    for (const core::QueueEntry &e : *changed) {
        if (e.id == m_selectedId) {
            reloadSelected();
            break;
        }
    }
}

void ConsoleSession::onExecuted(quint64 requestId, const QList<core::CommandResult> &results)
{
    // Whatever was written locally goes to the server now rather than at the next poll.
    if (m_syncSettings.isConfigured())
        m_sync.worker()->syncNow();
    if (requestId >= SystemRequestBase) {
        onSystemExecuted(m_systemRequests.take(requestId), results);
        return;
    }
    applyOwnResults(results);
    Q_EMIT commandsFinished(requestId, results);
}

void ConsoleSession::applyOwnResults(const QList<core::CommandResult> &results)
{
    // Show our own changes at once; the reader's poll will confirm them shortly.
    auto entries = std::make_shared<core::QueueEntries>();
    bool selectedChanged = false;
    for (const core::CommandResult &result : results) {
        if (!result.ok())
            continue;
        entries->append(models::toQueueEntry(result.incident));
        selectedChanged = selectedChanged || result.incident.id == m_selectedId;
    }
    if (!entries->isEmpty()) {
        Q_EMIT queueAboutToChange();
        m_queueModel->applyChanges(entries);
        Q_EMIT queueChanged();
    }
    if (selectedChanged)
        reloadSelected();
}

void ConsoleSession::onIncidentLoaded(quint64 requestId, const core::Incident &incident,
                                      const QList<core::StoredEvent> &events)
{
    if (requestId != m_detailRequestId)
        return; // the operator has moved on
    m_timelineModel->setEvents(incident.id, events, incident.flaggedEventIds);
    Q_EMIT incidentLoaded(incident);
    // Its clocks changed with it (an acknowledgement, a hold), or it was just selected.
    describeSelected();
}

void ConsoleSession::onFailed(const core::DatabaseError &error)
{
    Q_EMIT failed(error);
}

void ConsoleSession::tick()
{
    const qint64 now = m_clock.nowMs();
    m_queueModel->setNow(now);
    m_queueProxy->setNow(now);
    m_savedQueuesModel->setNow(now);
    // Business time elapsed needs the calendar, which only the engine has.
    describeSelected();
}

void ConsoleSession::onSlaSnapshot(const core::SlaStatusPtr &all)
{
    Q_EMIT queueAboutToChange();
    m_queueModel->resetSla(all);
    Q_EMIT queueChanged();
    m_slaLoaded = true;
    describeSelected(); // a description asked before the engine had loaded got no answer
}

void ConsoleSession::onSlaChanged(const core::SlaStatusPtr &changed)
{
    if (!changed || changed->isEmpty())
        return;
    Q_EMIT queueAboutToChange();
    m_queueModel->applySlaChanges(changed);
    Q_EMIT queueChanged();
    if (!m_selectedId.isEmpty() && changed->contains(m_selectedId))
        describeSelected();
}

void ConsoleSession::onSlaActionsDue(QList<core::IncidentCommand> commands)
{
    if (commands.isEmpty())
        return;
    for (core::IncidentCommand &command : commands) {
        if (command.actor.isEmpty())
            command.actor = SystemActor;
    }
    const quint64 id = m_nextSystemRequestId++;
    m_systemRequests.insert(id, commands);
    m_store.worker()->execute(id, commands);
}

void ConsoleSession::onSystemExecuted(const QList<core::IncidentCommand> &commands,
                                      const QList<core::CommandResult> &results)
{
    // Another console (or a run before a crash) recorded the same rule first: the engine
    // must stop waiting for it rather than send it again.
    // A busy or failing file is worth another try later; a refusal (the incident was
    // resolved meanwhile) is final.
    for (qsizetype i = 0; i < results.size() && i < commands.size(); ++i) {
        const QString rule = core::SlaEngine::ruleKeyOf(commands.at(i));
        if (results.at(i).status == core::CommandResult::Status::AlreadyRecorded)
            m_sla.worker()->actionSettled(commands.at(i).incident, rule);
        else if (results.at(i).status == core::CommandResult::Status::StorageError)
            m_sla.worker()->actionFailed(commands.at(i).incident, rule);
    }
    applyOwnResults(results);
}

void ConsoleSession::describeSelected()
{
    if (m_selectedId.isEmpty())
        return;
    m_slaRequestId = m_nextRequestId++;
    m_sla.worker()->describe(m_slaRequestId, m_selectedId);
}

void ConsoleSession::onSlaDescribed(quint64 requestId, const QString &incidentId, const QString &policyName,
                                    const QList<core::SlaClockStatus> &clocks)
{
    if (requestId != m_slaRequestId || incidentId != m_selectedId)
        return; // the operator has moved on, or a newer description is on its way
    Q_EMIT slaDescribed(incidentId, policyName, clocks);
}

void ConsoleSession::setCredentialStore(std::unique_ptr<CredentialStore> store)
{
    m_credentials = std::move(store);
}

void ConsoleSession::startSync(const core::SyncSettings &settings)
{
    if (!settings.isConfigured()) {
        stopSync();
        return;
    }
    m_syncSettings = settings;
    m_syncTarget = settings;
    m_syncTarget.token.clear();
    // Before the writer has opened (and perhaps migrated) the file, the worker waits.
    if (m_storeOpen)
        m_sync.worker()->start(m_path, m_syncSettings);
}

void ConsoleSession::stopSync()
{
    m_syncSettings = {};
    m_syncTarget = {};
    m_sync.worker()->stop();
}

void ConsoleSession::syncNow()
{
    if (m_syncSettings.isConfigured())
        m_sync.worker()->syncNow();
}

void ConsoleSession::dismissConflict(const QString &eventId)
{
    m_sync.worker()->dismissConflict(eventId);
}

void ConsoleSession::retryConflict(const QString &eventId)
{
    m_sync.worker()->retryConflict(eventId);
}

void ConsoleSession::onSyncStatus(const core::SyncStatus &status)
{
    const bool conflictsChanged = status.conflicts != m_syncStatus.conflicts || m_conflictsModel->rowCount() != status.conflicts;
    m_syncStatus = status;
    if (conflictsChanged)
        m_sync.worker()->loadConflicts();
    Q_EMIT syncStatusChanged(status);
}

void ConsoleSession::onPulled(const QStringList &incidentIds)
{
    // The queue follows the file by itself (the reader watches PRAGMA data_version);
    // the detail pane reads its incident only when asked.
    if (!m_selectedId.isEmpty() && incidentIds.contains(m_selectedId))
        reloadSelected();
}

} // namespace nocturne::ui
