#pragma once

#include <QString>

namespace nocturne::bench {

// Generates a demo database at `path` (incidents over `days`, `stalledShare` of them left
// open) and prints what it made; false (with the reason on stderr) when it could not.
bool generateDemoDatabase(const QString &path, int incidents, int days, double stalledShare);

// Stores the default SLA configuration unless the database already has one.
bool ensureSlaConfiguration(const QString &path);

} // namespace nocturne::bench
