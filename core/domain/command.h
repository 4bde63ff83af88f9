#pragma once

#include "event.h"
#include "incident.h"
#include "lifecycle.h"

#include <QJsonObject>
#include <QString>

namespace nocturne::core {

// A request to change an incident, as an operator or a tool expresses it. The store
// turns an accepted command into exactly one event.
struct IncidentCommand
{
    IncidentAction action = IncidentAction::Comment;
    QString incident; // id or human number; empty for Open
    QJsonObject payload; // action-specific fields, named as in the event payloads
    QString actor;
    qint64 occurredAt = 0; // when it really happened; 0 means now
};

struct CommandResult
{
    // AlreadyRecorded: an automatic action (a payload with a "rule" key) whose rule the
    // incident's history already holds; nothing was written. Callers treat it as done.
    enum class Status { Ok, NotFound, Refused, Invalid, StorageError, AlreadyRecorded };
    Status status = Status::Ok;
    QString error;
    Event event;
    Incident incident; // the state after the event

    bool ok() const { return status == Status::Ok; }
    static CommandResult failure(Status s, QString message)
    {
        CommandResult r;
        r.status = s;
        r.error = std::move(message);
        return r;
    }
};

} // namespace nocturne::core
