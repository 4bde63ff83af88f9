#pragma once

#include <core/domain/command.h>
#include <core/engine/kpiworker.h>
#include <core/engine/slaworker.h>
#include <core/storage/databaseerror.h>
#include <core/storage/incidentrepository.h>
#include <core/storage/queuereader.h>
#include <core/storage/referencesnapshot.h>
#include <core/storage/storeworker.h>
#include <core/sync/syncworker.h>
#include <core/threading/ownedthread.h>

#include <QHash>
#include <QObject>

#include <memory>

class QTimer;

namespace nocturne::core {
class Clock;
}

namespace nocturne::models {
class ConflictsModel;
class IncidentQueueModel;
class QueueFilterProxy;
class SavedQueuesModel;
class TimelineModel;
} // namespace nocturne::models

namespace nocturne::ui {

class CredentialStore;

// One open database as the console sees it: the writer ("nocturne-store"), the reader
// ("nocturne-reader") and the SLA engine ("nocturne-sla") on their own threads, and the
// item models they feed on the GUI thread. Widgets talk to this object, never to SQL;
// results come back as queued signals carrying values. In connected mode the replica
// worker ("nocturne-sync") keeps the file in step with the server; what it pulls reaches
// the queue through the reader, which follows every commit to the file. The SLA
// engine's automatic actions (escalations, priority raises) go to the writer as the
// `system` actor under request ids of their own, so nothing meant for the operator
// reports them.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)
public:
    ConsoleSession(const core::Clock &clock, QString currentUser, QObject *parent = nullptr);
    ~ConsoleSession() override;

    void open(const QString &path);
    // Reads the whole queue again; the models apply it as changes, keeping selections.
    void refresh();
    // Runs commands on the writer thread as the current user; returns the request id
    // that commandsFinished() reports.
    quint64 execute(QList<core::IncidentCommand> commands);
    // Shows this incident in the detail pane; empty clears it. Reloads whenever the
    // incident changes, by this console or by another process.
    void selectIncident(const QString &incidentId);

    const QString &databasePath() const { return m_path; }
    const QString &currentUser() const { return m_currentUser; }
    // Who the console acts as. A name the operator gave (--user) stays; otherwise the
    // console takes the name it connects to a server with, since the server refuses an
    // operator's events written in any other name.
    void setCurrentUser(const QString &user);
    void setUserGivenExplicitly(bool given) { m_userGivenExplicitly = given; }
    bool isUserGivenExplicitly() const { return m_userGivenExplicitly; }
    const core::Clock &clock() const { return m_clock; }
    bool isLoaded() const { return m_loaded; }
    const core::ReferenceSnapshot &reference() const { return m_reference; }
    const QString &selectedIncidentId() const { return m_selectedId; }
    // Whether the SLA engine has sent its first evaluation.
    bool hasSla() const { return m_slaLoaded; }
    // The KPI engine ("nocturne-kpi"), opened on the same file; the dashboard calls it
    // directly (its methods post themselves to its thread) and matches answers by its
    // own request ids.
    core::KpiWorker *kpiWorker() const { return m_kpi.worker(); }
    // Keeps these incidents in the queue model whatever their state and reads their
    // entries on the reader thread (a KPI drill-down); incidentSetLoaded() follows. An
    // empty list releases the previous set.
    void loadIncidentSet(const QStringList &incidentIds);

    // Connected mode: syncs the file with this server (the token included) once the
    // writer has opened it; settings with no server stop syncing (standalone).
    void startSync(const core::SyncSettings &settings);
    void stopSync();
    void syncNow();
    void dismissConflict(const QString &eventId);
    void retryConflict(const QString &eventId);
    const core::SyncStatus &syncStatus() const { return m_syncStatus; }
    // The server synced to (no token), for the status bar; empty URL: standalone.
    const core::SyncSettings &syncTarget() const { return m_syncTarget; }
    // Where the server token is kept: the OS keychain unless replaced (tests, before
    // the window starts connecting).
    CredentialStore *credentialStore() const { return m_credentials.get(); }
    void setCredentialStore(std::unique_ptr<CredentialStore> store);

    models::IncidentQueueModel *queueModel() const { return m_queueModel; }
    models::ConflictsModel *conflictsModel() const { return m_conflictsModel; }
    models::QueueFilterProxy *queueProxy() const { return m_queueProxy; }
    models::SavedQueuesModel *savedQueuesModel() const { return m_savedQueuesModel; }
    models::TimelineModel *timelineModel() const { return m_timelineModel; }

Q_SIGNALS:
    void opened(const QString &path);
    void failed(const nocturne::core::DatabaseError &error);
    void queueLoaded(int entries);
    // Around each batch of live changes, so views can keep their scroll anchor.
    void queueAboutToChange();
    void queueChanged();
    void referenceDataChanged();
    void commandsFinished(quint64 requestId, const QList<nocturne::core::CommandResult> &results);
    void incidentLoaded(const nocturne::core::Incident &incident);
    void incidentCleared();
    // Thresholds, breaches and escalations that just happened.
    void slaAlertsRaised(const nocturne::core::SlaAlerts &alerts);
    // Every clock of the selected incident with its history (empty: no policy applies).
    void slaDescribed(const QString &incidentId, const QString &policyName,
                      const QList<nocturne::core::SlaClockStatus> &clocks);
    // The SLA engine could not read the database; the queue itself may still work.
    void slaFailed(const nocturne::core::DatabaseError &error);
    // The entries of loadIncidentSet() are in the queue model.
    void incidentSetLoaded(const QStringList &incidentIds);
    void syncStatusChanged(const nocturne::core::SyncStatus &status);
    // The replica worker could not use the file; the console keeps working locally.
    void syncFailed(const nocturne::core::DatabaseError &error);

private:
    void onSyncStatus(const core::SyncStatus &status);
    void onPulled(const QStringList &incidentIds);
    void onSnapshot(const core::QueueEntriesPtr &entries);
    void onEntriesChanged(const core::QueueEntriesPtr &changed);
    void onExecuted(quint64 requestId, const QList<core::CommandResult> &results);
    void onIncidentLoaded(quint64 requestId, const core::Incident &incident, const QList<core::StoredEvent> &events);
    void onFailed(const core::DatabaseError &error);
    void reloadSelected();
    void tick();
    void onSlaSnapshot(const core::SlaStatusPtr &all);
    void onSlaChanged(const core::SlaStatusPtr &changed);
    void onSlaActionsDue(QList<core::IncidentCommand> commands);
    void onSystemExecuted(const QList<core::IncidentCommand> &commands, const QList<core::CommandResult> &results);
    void onSlaDescribed(quint64 requestId, const QString &incidentId, const QString &policyName,
                        const QList<core::SlaClockStatus> &clocks);
    void describeSelected();
    void applyOwnResults(const QList<core::CommandResult> &results);

    const core::Clock &m_clock;
    QString m_currentUser;
    bool m_userGivenExplicitly = false;
    QString m_path;
    core::OwnedThread<core::StoreWorker> m_store;
    core::OwnedThread<core::QueueReader> m_reader;
    core::OwnedThread<core::SlaWorker> m_sla;
    core::OwnedThread<core::KpiWorker> m_kpi;
    core::OwnedThread<core::SyncWorker> m_sync;
    std::unique_ptr<CredentialStore> m_credentials;
    models::IncidentQueueModel *m_queueModel;
    models::QueueFilterProxy *m_queueProxy;
    models::SavedQueuesModel *m_savedQueuesModel;
    models::TimelineModel *m_timelineModel;
    models::ConflictsModel *m_conflictsModel;
    QTimer *m_ageTimer;
    core::ReferenceSnapshot m_reference;
    QString m_selectedId;
    quint64 m_nextRequestId = 1;
    quint64 m_detailRequestId = 0;
    quint64 m_slaRequestId = 0;
    quint64 m_incidentSetRequestId = 0;
    QStringList m_incidentSet;
    // The engine's commands by request id: a result "already recorded" is reported back.
    QHash<quint64, QList<core::IncidentCommand>> m_systemRequests;
    quint64 m_nextSystemRequestId;
    core::SyncSettings m_syncSettings; // with the token: never leaves this object but to the worker
    core::SyncSettings m_syncTarget; // without it
    core::SyncStatus m_syncStatus;
    bool m_loaded = false;
    bool m_slaLoaded = false;
    bool m_storeOpen = false;
};

} // namespace nocturne::ui
