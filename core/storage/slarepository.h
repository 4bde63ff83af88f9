#pragma once

#include "databaseerror.h"

#include "../engine/breachforecast.h"
#include "../engine/slaconfiguration.h"
#include "../engine/slasubject.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace nocturne::core {

class SqliteStatement;

// One stored version of a configuration item, for history and export.
struct ConfigurationVersion
{
    QString type; // "calendar", "policy", "escalation", "schedule"
    QString id;
    int version = 0;
    qint64 savedAt = 0;
    QString savedBy;
    QByteArray json; // the item as in the configuration document, without "version"
    bool active = false; // the current version of an item still in the configuration
};

// What saving a configuration did.
struct ConfigurationSaveResult
{
    int added = 0;
    int changed = 0; // stored as a new version
    int unchanged = 0;
    int removed = 0; // no longer in the configuration: marked inactive, history kept
    int reordered = 0; // unchanged items at a new place (policies match in order)
    DatabaseError error;
    bool anythingChanged() const { return added + changed + removed + reordered > 0; }
};

// SLA configuration and the SLA view of incidents, on the caller's connection. The
// configuration is versioned: every save that changes an item stores a new version of
// it, in one transaction, and bumps a counter in `meta` that running engines poll.
// Items are compared by their canonical JSON (slaConfigurationToJson without "version"),
// so re-importing the same document stores nothing; an item left out of a new document
// becomes inactive and keeps its history. Loading parses the stored items through
// parseSlaConfiguration, so what the engine runs is exactly what an import validated;
// the stored version numbers fill the structs' `version` fields.
// Subjects are slaSubjectFromEvents of each incident's events, read in one ordered pass
// over events_by_incident through the SQLite C API (the full load of 100k open incidents
// is on the console's start-up path). Comments, attached alerts and linked problems are
// not read: they move no clock, and the event count comes from the projection instead.
class SlaRepository final
{
public:
    explicit SlaRepository(QSqlDatabase db);
    DatabaseError lastError() const { return m_error; }

    // The current configuration; an empty one (not an error) when none was ever saved.
    std::optional<SlaConfiguration> loadConfiguration();
    ConfigurationSaveResult saveConfiguration(const SlaConfiguration &configuration, const QString &actor,
                                              qint64 nowMs);
    // What saveConfiguration would do, without writing (works on a read-only connection).
    ConfigurationSaveResult previewSave(const SlaConfiguration &configuration);
    // Increases on every save that changed something; -1 on error.
    qint64 configurationRevision();
    QList<ConfigurationVersion> configurationHistory(const QString &type = {}, const QString &id = {});

    QHash<QString, QString> siteZones();

    // A consistent view over several reads (the engine's start-up load): a read transaction.
    bool beginSnapshot();
    void endSnapshot();
    // SQLite's PRAGMA data_version: changes whenever another connection committed.
    std::optional<qint64> dataVersion();

    // Subjects derived from events: every open incident, one incident (id or number), or
    // the incidents opened in [fromMs, toMs) (for what-if replays).
    std::optional<QList<SlaSubject>> openSubjects();
    std::optional<SlaSubject> subject(const QString &idOrNumber);
    std::optional<QList<SlaSubject>> subjectsOpenedBetween(qint64 fromMs, qint64 toMs);
    std::optional<QList<SlaSubject>> subjects(const QSet<QString> &incidentIds);

    // Resolved incidents since `sinceMs` with what the forecast needs; the engine turns the
    // open-to-resolved span into business time on each one's policy calendar.
    struct ResolvedRow
    {
        int priority = 5;
        QString category, service, group, site;
        Domain domain = Domain::It;
        qint64 openedAt = 0;
        qint64 resolvedAt = 0;
    };
    std::optional<QList<ResolvedRow>> resolvedSince(qint64 sinceMs);

private:
    struct SavePlan;
    std::optional<SavePlan> planSave(const SlaConfiguration &configuration);
    // `incidentCondition` is a fixed SQL fragment over incidents (values only through
    // placeholders, bound by `bind`).
    std::optional<QList<SlaSubject>> subjectsWhere(const char *incidentCondition,
                                                   const std::function<void(SqliteStatement &)> &bind);
    bool hasConfigurationTable(bool *exists);
    DatabaseError failure(const QSqlQuery &q) const;
    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
