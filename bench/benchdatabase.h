#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;
class QTemporaryDir;

namespace nocturne::bench {

// Generates a demo database at `path` (incidents over `days`, `stalledShare` of them left
// open) and prints what it made; false (with the reason on stderr) when it could not.
bool generateDemoDatabase(const QString &path, int incidents, int days, double stalledShare);

// Stores the default SLA configuration unless the database already has one.
bool ensureSlaConfiguration(const QString &path);

// The --db, --incidents and --stalled options the console benchmarks share: reuse a database,
// or generate one (into a scratch folder unless --db names where).
class DatabaseOptions final
{
public:
    explicit DatabaseOptions(const QString &defaultStalledShare);
    void addTo(QCommandLineParser &parser) const;
    // The database to open, generated first if missing; empty (after saying why) on failure.
    QString resolve(const QCommandLineParser &parser, const QTemporaryDir &scratch) const;

private:
    QCommandLineOption m_db;
    QCommandLineOption m_incidents;
    QCommandLineOption m_stalled;
};

} // namespace nocturne::bench
