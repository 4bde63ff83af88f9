#include "storeworker.h"

namespace nocturne::core {

StoreWorker::StoreWorker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

StoreWorker::~StoreWorker() = default;

void StoreWorker::open(const QString &path)
{
    QMetaObject::invokeMethod(this, [this, path] { openHere(path); }, Qt::QueuedConnection);
}

void StoreWorker::execute(quint64 requestId, const QList<IncidentCommand> &commands)
{
    QMetaObject::invokeMethod(this, [this, requestId, commands] { executeHere(requestId, commands); },
                              Qt::QueuedConnection);
}

void StoreWorker::openHere(const QString &path)
{
    m_store.reset();
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::MustExist;
    if (auto error = m_database.open(path, options)) {
        Q_EMIT failed(error);
        return;
    }
    m_store = std::make_unique<EventStore>(m_database, m_clock);
    if (auto error = m_store->initialise()) {
        m_store.reset();
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT opened(m_store->nodeId());
}

void StoreWorker::executeHere(quint64 requestId, const QList<IncidentCommand> &commands)
{
    QList<CommandResult> results;
    results.reserve(commands.size());
    for (const IncidentCommand &command : commands) {
        if (!m_store) {
            results << CommandResult::failure(CommandResult::Status::StorageError,
                                              tr("The database is not open"));
            continue;
        }
        results << m_store->execute(command);
    }
    Q_EMIT executed(requestId, results);
}

} // namespace nocturne::core
