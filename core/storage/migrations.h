#pragma once

#include <QSqlDatabase>
#include <QString>

namespace nocturne::core {

// Numbered schema migrations, tracked in PRAGMA user_version. Each runs in its own
// transaction; a failure leaves the database at the last complete version.
namespace migrations {

int latestVersion();
// Brings the schema from its current version to `target` (default: latest).
// Returns an empty string on success, else the failing step's error.
QString migrate(QSqlDatabase &db, int target = -1);

} // namespace migrations
} // namespace nocturne::core
