#include "importworker.h"

#include "../storage/database.h"
#include "../storage/eventstore.h"
#include "importwriter.h"

#include <QCoreApplication>

namespace nocturne::core {

ImportWorker::ImportWorker(QObject *parent)
    : QObject(parent)
{ }

ImportWorker::~ImportWorker() = default;

void ImportWorker::start(const QString &databasePath, const QString &source, const QString &file,
    const ImportOptions &options)
{
    m_cancel.store(false);
    QMetaObject::invokeMethod(
        this, [=, this] { run(databasePath, source, file, options); }, Qt::QueuedConnection);
}

void ImportWorker::run(const QString &databasePath, const QString &source, const QString &file,
    const ImportOptions &options)
{
    Database database;
    if (const DatabaseError error = database.open(databasePath); error) {
        ImportResult result;
        result.fatal = error.message;
        Q_EMIT finished(result);
        return;
    }
    EventStore store(database, m_clock);
    if (const DatabaseError error = store.initialise(); error) {
        ImportResult result;
        result.fatal = error.message;
        Q_EMIT finished(result);
        return;
    }
    int lastPercent = -1;
    const ImportProgress progress = [&](ImportPhase phase, qint64 done, qint64 total) {
        const int half = total > 0 ? int(done * 50 / total) : 50;
        const int percent
            = phase == ImportPhase::Reading ? std::min(half, 50) : 50 + std::min(half, 50);
        if (percent != lastPercent) {
            lastPercent = percent;
            Q_EMIT progressed(percent);
        }
    };
    ImportResult result = importFile(source, file, options, database, store, progress, &m_cancel);
    if (result.ok() && !result.cancelled && lastPercent < 100)
        Q_EMIT progressed(100);
    Q_EMIT finished(result);
}

} // namespace nocturne::core
