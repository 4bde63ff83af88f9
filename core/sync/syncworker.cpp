#include "syncworker.h"

#include "syncengine.h"
#include "../domain/clock.h"


namespace nocturne::core {

SyncWorker::SyncWorker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    qRegisterMetaType<SyncSettings>();
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SyncConflict>();
    qRegisterMetaType<QList<SyncConflict>>();
    qRegisterMetaType<DatabaseError>();
}

// Runs on the sync thread (OwnedThread deletes the worker there), where the engine's
// connection and network manager live.
SyncWorker::~SyncWorker() = default;

void SyncWorker::start(const QString &databasePath, const SyncSettings &settings)
{
    QMetaObject::invokeMethod(this, [this, databasePath, settings] { startHere(databasePath, settings); },
                              Qt::QueuedConnection);
}

void SyncWorker::stop()
{
    QMetaObject::invokeMethod(this, [this] { stopHere(); }, Qt::QueuedConnection);
}

void SyncWorker::syncNow()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_engine)
                m_engine->syncNow();
        },
        Qt::QueuedConnection);
}

void SyncWorker::loadConflicts()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_engine)
                reloadConflictsAfter({});
        },
        Qt::QueuedConnection);
}

void SyncWorker::dismissConflict(const QString &eventId)
{
    QMetaObject::invokeMethod(
        this,
        [this, eventId] {
            if (!m_engine)
                return;
            bool found = false;
            reloadConflictsAfter(m_engine->dismissConflict(eventId, &found));
        },
        Qt::QueuedConnection);
}

void SyncWorker::retryConflict(const QString &eventId)
{
    QMetaObject::invokeMethod(
        this,
        [this, eventId] {
            if (!m_engine)
                return;
            bool found = false;
            reloadConflictsAfter(m_engine->retryConflict(eventId, &found));
        },
        Qt::QueuedConnection);
}

void SyncWorker::reloadConflictsAfter(DatabaseError error)
{
    if (!error) {
        if (const auto conflicts = m_engine->conflicts(&error)) {
            Q_EMIT conflictsLoaded(*conflicts);
            return;
        }
    }
    Q_EMIT failed(error);
}

void SyncWorker::startHere(const QString &databasePath, const SyncSettings &settings)
{
    // Same file: new settings only (a new token ends the wait after a refusal).
    if (m_engine && m_engine->database().path() == databasePath) {
        if (auto error = m_engine->setSettings(settings)) {
            Q_EMIT failed(error);
            return;
        }
        if (settings.isConfigured())
            m_engine->start();
        else
            m_engine->stop();
        return;
    }
    m_engine.reset();
    if (!settings.isConfigured()) {
        SyncStatus standalone;
        Q_EMIT statusChanged(standalone);
        return;
    }
    auto engine = std::make_unique<SyncEngine>(m_clock);
    connect(engine.get(), &SyncEngine::statusChanged, this, &SyncWorker::statusChanged);
    connect(engine.get(), &SyncEngine::incidentsChanged, this, &SyncWorker::incidentsChanged);
    connect(engine.get(), &SyncEngine::failed, this, &SyncWorker::failed);
    if (auto error = engine->open(databasePath, settings)) {
        if (error.message.isEmpty())
            error.message = tr("Cannot open %1 for sync").arg(databasePath);
        Q_EMIT failed(error);
        return;
    }
    m_engine = std::move(engine);
    m_engine->start();
}

void SyncWorker::stopHere()
{
    // Nothing is lost by stopping: unsent events stay in the outbox of the file.
    m_engine.reset();
    Q_EMIT statusChanged(SyncStatus {});
}

} // namespace nocturne::core
