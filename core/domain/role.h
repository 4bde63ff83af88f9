#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace nocturne::core {

// What an account may do on the central server. The server checks one of the
// capabilities below on every route; nothing else decides access.
enum class Role {
    Operator, // reads; writes events in their own name (or the system's)
    Supervisor, // an operator who may also write events recorded by others (a console's backlog)
    Admin, // everything, including users and tokens
    Auditor, // reads everything, writes nothing
    Integration, // ingest endpoints only (Alertmanager, the events API); reads nothing
};

QString toName(Role role);
std::optional<Role> roleFromName(QStringView name);
QString allRoleNames(); // "operator, supervisor, admin, auditor, integration", for messages

inline bool canRead(Role r) { return r != Role::Integration; }
inline bool canWriteEvents(Role r) { return r == Role::Operator || r == Role::Supervisor || r == Role::Admin; }
// Events whose actor is neither the caller nor `system`: a supervisor pushing a console's
// backlog, an admin restoring history. An operator writes only in their own name.
inline bool canWriteForOthers(Role r) { return r == Role::Supervisor || r == Role::Admin; }
inline bool canIngest(Role r) { return r == Role::Integration || r == Role::Admin; }
inline bool canAdminister(Role r) { return r == Role::Admin; }

} // namespace nocturne::core
