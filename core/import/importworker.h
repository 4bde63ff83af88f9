#pragma once

#include "../domain/clock.h"
#include "importresult.h"

#include <QObject>
#include <QString>

namespace nocturne::core {

// Runs one import on its own thread with its own connection and EventStore (the
// console's store thread keeps its own): the file's WAL and busy timeout serialise the
// two writers, and each batch is a short transaction. Reports progress as a percent
// (reading is the first half, writing the second) and the result as a value. Public
// methods may be called from any thread; cancel() is cooperative (between records while
// reading, between batches while writing).
class ImportWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWorker)

public:
    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    void start(const QString &databasePath, const QString &source, const QString &file,
        const ImportOptions &options);
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progressed(int percent);
    void finished(const nocturne::core::ImportResult &result);

private:
    void run(const QString &databasePath, const QString &source, const QString &file,
        const ImportOptions &options);

    SystemClock m_clock;
    CancelFlag m_cancel { false };
};

} // namespace nocturne::core
