#include "benchdatabase.h"

#include <core/demo/demogenerator.h>
#include <core/domain/clock.h>
#include <core/engine/slaconfiguration.h>
#include <core/storage/database.h>
#include <core/storage/eventstore.h>
#include <core/storage/referencerepository.h>
#include <core/storage/slarepository.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace nocturne::bench {

bool generateDemoDatabase(const QString &path, int incidents, int days, double stalledShare)
{
    const core::SystemClock clock;
    core::Database db;
    core::DatabaseOptions options;
    options.mode = core::DatabaseOptions::Mode::CreateIfMissing;
    if (auto error = db.open(path, options)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return false;
    }
    core::EventStore store(db, clock);
    if (auto error = store.initialise()) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return false;
    }
    core::ReferenceRepository reference(db.connection(), path);
    core::demo::DemoGenerator generator(store, reference, clock);
    core::demo::DemoOptions demo;
    demo.incidents = incidents;
    demo.days = days;
    demo.stalledShare = stalledShare;
    demo.batchIncidents = 5000;
    const auto result = generator.generate(demo, [](qint64 done, qint64 total) {
        if (done % 50'000 < 5000 || done == total)
            std::fprintf(stderr, "\r  generated %lld / %lld incidents", qlonglong(done), qlonglong(total));
    });
    std::fprintf(stderr, "\n");
    if (result.error) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error.message));
        return false;
    }
    std::printf("generated %lld incidents, %lld events in %.1f s\n", qlonglong(result.incidents),
                qlonglong(result.events), double(result.elapsedMs) / 1000.0);
    return true;
}

bool ensureSlaConfiguration(const QString &path)
{
    const core::SystemClock clock;
    core::Database db;
    if (auto error = db.open(path, core::DatabaseOptions())) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return false;
    }
    core::SlaRepository repository(db.connection());
    const auto current = repository.loadConfiguration();
    if (!current) {
        std::fprintf(stderr, "%s\n", qPrintable(repository.lastError().message));
        return false;
    }
    if (!current->policies.isEmpty())
        return true;
    const auto saved = repository.saveConfiguration(core::defaultSlaConfiguration(), QStringLiteral("bench"),
                                                    clock.nowMs());
    if (saved.error) {
        std::fprintf(stderr, "%s\n", qPrintable(saved.error.message));
        return false;
    }
    return true;
}

DatabaseOptions::DatabaseOptions(const QString &defaultStalledShare)
    : m_db(QStringLiteral("db"), QStringLiteral("Database to open; generated if missing."), QStringLiteral("path"))
    , m_incidents(QStringLiteral("incidents"),
                  QStringLiteral("Incidents to generate (default 20000; 1000000 for the targets)."),
                  QStringLiteral("n"), QStringLiteral("20000"))
    , m_stalled(QStringLiteral("stalled"),
                QStringLiteral("Share of generated incidents left open (default %1).").arg(defaultStalledShare),
                QStringLiteral("share"), defaultStalledShare)
{
}

void DatabaseOptions::addTo(QCommandLineParser &parser) const { parser.addOptions({ m_db, m_incidents, m_stalled }); }

QString DatabaseOptions::resolve(const QCommandLineParser &parser, const QTemporaryDir &scratch) const
{
    const QString path = parser.isSet(m_db) ? parser.value(m_db) : scratch.filePath(QStringLiteral("bench.db"));
    if (QFileInfo::exists(path))
        return path;
    const int incidents = parser.value(m_incidents).toInt();
    if (!generateDemoDatabase(path, incidents, std::max(30, incidents / 2000), parser.value(m_stalled).toDouble()))
        return {};
    return path;
}

} // namespace nocturne::bench
