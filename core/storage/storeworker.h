#pragma once

#include "database.h"
#include "eventstore.h"
#include "../domain/command.h"

#include <QList>
#include <QObject>

#include <memory>

namespace nocturne::core {

class Clock;

// The console's one writer: owns the write connection and the EventStore on its own
// thread. Commands arrive from the GUI as values and results go back as values.
// Public methods may be called from any thread.
class StoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)
public:
    explicit StoreWorker(const Clock &clock, QObject *parent = nullptr);
    ~StoreWorker() override;

    void open(const QString &path);
    // Runs the commands one after another; each is its own transaction, so one refusal
    // in a bulk action does not undo the others.
    void execute(quint64 requestId, const QList<nocturne::core::IncidentCommand> &commands);

Q_SIGNALS:
    void opened(const QString &nodeId);
    void failed(const nocturne::core::DatabaseError &error);
    void executed(quint64 requestId, const QList<nocturne::core::CommandResult> &results);

private:
    void openHere(const QString &path);
    void executeHere(quint64 requestId, const QList<IncidentCommand> &commands);

    const Clock &m_clock;
    Database m_database;
    std::unique_ptr<EventStore> m_store;
};

} // namespace nocturne::core
