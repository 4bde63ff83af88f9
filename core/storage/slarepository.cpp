#include "slarepository.h"

#include "database.h"
#include "sqlitestatement.h"
#include "../domain/canonicaljson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SlaRepository)
};

// The item types in document order: the stored `type` and the document's array.
struct ItemType
{
    const char *type;
    const char *array;
};
constexpr ItemType itemTypes[] = {
    { "calendar", "calendars" },
    { "policy", "policies" },
    { "escalation", "escalations" },
    { "schedule", "schedules" },
};

constexpr char revisionKey[] = "sla_configuration_revision";

// The stored form of an item: its JSON without the version, which the table keeps.
QByteArray storedJson(QJsonObject item)
{
    item.remove(QStringLiteral("version"));
    return canonicalJson(item);
}

// Binds by position, so one prepared query runs again and again with new values.
bool run(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return q.exec();
}

struct StoredItem
{
    int version = 0;
    int position = 0;
    QByteArray json;
};

} // namespace

SlaRepository::SlaRepository(QSqlDatabase db)
    : m_db(std::move(db))
    , m_path(m_db.databaseName())
{
}

DatabaseError SlaRepository::failure(const QSqlQuery &q) const { return Database::classify(m_path, q.lastError()); }

bool SlaRepository::hasConfigurationTable(bool *exists)
{
    // A database opened read-only is not migrated: an older one has no configuration yet.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(QStringLiteral("sla_configuration"));
    if (!q.exec() || !q.next()) {
        m_error = failure(q);
        return false;
    }
    *exists = q.value(0).toInt() > 0;
    return true;
}

std::optional<SlaConfiguration> SlaRepository::loadConfiguration()
{
    m_error = {};
    bool exists = false;
    if (!hasConfigurationTable(&exists))
        return std::nullopt;
    if (!exists)
        return SlaConfiguration {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT type, id, version, json FROM sla_configuration WHERE active = 1 ORDER BY position"));
    if (!q.exec()) {
        m_error = failure(q);
        return std::nullopt;
    }
    QHash<QString, QJsonArray> arrays;
    QHash<QString, int> versions; // "type/id"
    while (q.next()) {
        const QString type = q.value(0).toString();
        versions.insert(type + QLatin1Char('/') + q.value(1).toString(), q.value(2).toInt());
        arrays[type].append(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
    }
    if (arrays.isEmpty())
        return SlaConfiguration {};
    QJsonObject document;
    for (const ItemType &t : itemTypes)
        document.insert(QLatin1StringView(t.array), arrays.value(QLatin1StringView(t.type)));
    // Stored items passed the same parser on import; one that fails now means the file
    // was edited by hand or by a newer program, and the engine must not guess.
    ParsedConfiguration parsed
        = parseSlaConfiguration(QJsonDocument(document).toJson(QJsonDocument::Compact),
            Text::tr("stored SLA configuration"));
    if (parsed.error.isError()) {
        m_error = { DatabaseError::Kind::InvalidData, parsed.error.toString() };
        return std::nullopt;
    }
    SlaConfiguration &c = parsed.configuration;
    auto versionOf = [&versions](const char *type, const QString &id) {
        return versions.value(QLatin1StringView(type) + QLatin1Char('/') + id, 1);
    };
    for (SlaPolicy &p : c.policies)
        p.version = versionOf("policy", p.id);
    for (EscalationPolicy &e : c.escalations)
        e.version = versionOf("escalation", e.id);
    for (OnCallSchedule &s : c.schedules)
        s.version = versionOf("schedule", s.id);
    return c;
}

// What a save does, decided from the stored rows before anything is written, so that a
// dry run can report it on a read-only connection.
struct SlaRepository::SavePlan
{
    struct Step
    {
        enum class Kind { Insert, Deactivate, Move };
        Kind kind = Kind::Insert;
        QString type;
        QString id;
        int version = 0;
        int position = 0;
        QByteArray json;
    };
    QList<Step> steps;
    ConfigurationSaveResult result;
};

std::optional<SlaRepository::SavePlan> SlaRepository::planSave(const SlaConfiguration &configuration)
{
    using Step = SavePlan::Step;
    SavePlan plan;
    ConfigurationSaveResult &result = plan.result;
    const QJsonObject document = slaConfigurationToJson(configuration);

    QHash<QString, StoredItem> current; // "type/id" -> the active version
    QHash<QString, int> latest; // "type/id" -> the highest version, active or not
    bool exists = false;
    if (!hasConfigurationTable(&exists))
        return std::nullopt;
    if (exists) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT type, id, version, position, json, active FROM sla_configuration"))) {
            m_error = failure(q);
            return std::nullopt;
        }
        while (q.next()) {
            const QString key = q.value(0).toString() + QLatin1Char('/') + q.value(1).toString();
            const int version = q.value(2).toInt();
            latest[key] = std::max(latest.value(key), version);
            if (q.value(5).toInt())
                current.insert(key, { version, q.value(3).toInt(), q.value(4).toByteArray() });
        }
    }

    QSet<QString> seen;
    int position = 0; // one sequence over all types: the document order within each
    for (const ItemType &t : itemTypes) {
        const QString type = QLatin1StringView(t.type);
        for (const QJsonValue &value : document.value(QLatin1StringView(t.array)).toArray()) {
            const QJsonObject item = value.toObject();
            const QString id = item.value(QStringLiteral("id")).toString();
            const QString key = type + QLatin1Char('/') + id;
            if (id.isEmpty() || seen.contains(key)) {
                m_error = { DatabaseError::Kind::InvalidData,
                    id.isEmpty() ? Text::tr("A %1 has no id").arg(type)
                                 : Text::tr("The %1 id %2 is used twice").arg(type, id) };
                return std::nullopt;
            }
            seen.insert(key);
            const QByteArray json = storedJson(item);
            const auto existing = current.constFind(key);
            if (existing != current.cend() && existing->json == json) {
                ++result.unchanged;
                if (existing->position != position) {
                    ++result.reordered;
                    plan.steps << Step { Step::Kind::Move, type, id, existing->version, position, {} };
                }
            } else {
                if (existing != current.cend()) {
                    ++result.changed;
                    plan.steps << Step { Step::Kind::Deactivate, type, id, 0, 0, {} };
                } else {
                    ++result.added;
                }
                plan.steps << Step { Step::Kind::Insert, type, id, latest.value(key) + 1, position, json };
            }
            ++position;
        }
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (seen.contains(it.key()))
            continue;
        ++result.removed;
        plan.steps << Step { Step::Kind::Deactivate, it.key().section(QLatin1Char('/'), 0, 0),
                             it.key().section(QLatin1Char('/'), 1), 0, 0, {} };
    }
    return plan;
}

ConfigurationSaveResult SlaRepository::previewSave(const SlaConfiguration &configuration)
{
    m_error = {};
    const auto plan = planSave(configuration);
    if (!plan) {
        ConfigurationSaveResult failed;
        failed.error = m_error;
        return failed;
    }
    return plan->result;
}

ConfigurationSaveResult SlaRepository::saveConfiguration(const SlaConfiguration &configuration, const QString &actor,
                                                         qint64 nowMs)
{
    using Kind = SavePlan::Step::Kind;
    m_error = {};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        ConfigurationSaveResult failed;
        failed.error = m_error = failure(q);
        return failed;
    }
    auto abort = [&](const DatabaseError &error) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        ConfigurationSaveResult failed;
        failed.error = m_error = error;
        return failed;
    };
    // Planned under the write lock: another process may have saved since we last looked.
    const auto plan = planSave(configuration);
    if (!plan)
        return abort(m_error);

    QSqlQuery insert(m_db), deactivate(m_db), move(m_db);
    insert.prepare(QStringLiteral("INSERT INTO sla_configuration (type, id, version, position, active, saved_at, "
                                  "saved_by, json) VALUES (?, ?, ?, ?, 1, ?, ?, ?)"));
    deactivate.prepare(QStringLiteral("UPDATE sla_configuration SET active = 0 WHERE type = ? AND id = ? AND active = 1"));
    move.prepare(QStringLiteral("UPDATE sla_configuration SET position = ? WHERE type = ? AND id = ? AND version = ?"));
    for (const SavePlan::Step &step : plan->steps) {
        switch (step.kind) {
        case Kind::Insert:
            if (!run(insert, { step.type, step.id, step.version, step.position, nowMs, actor, QString::fromUtf8(step.json) }))
                return abort(failure(insert));
            break;
        case Kind::Deactivate:
            if (!run(deactivate, { step.type, step.id }))
                return abort(failure(deactivate));
            break;
        case Kind::Move:
            if (!run(move, { step.position, step.type, step.id, step.version }))
                return abort(failure(move));
            break;
        }
    }
    if (plan->result.anythingChanged()) {
        QSqlQuery bump(m_db);
        // The row exists from migration 4; the upsert also covers a hand-deleted one.
        bump.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET "
                                    "value = CAST(value AS INTEGER) + 1"));
        bump.addBindValue(QString::fromLatin1(revisionKey));
        if (!bump.exec())
            return abort(failure(bump));
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return abort(failure(q));
    return plan->result;
}

qint64 SlaRepository::configurationRevision()
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(revisionKey));
    if (!q.exec()) {
        m_error = failure(q);
        return -1;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<ConfigurationVersion> SlaRepository::configurationHistory(const QString &type, const QString &id)
{
    m_error = {};
    QList<ConfigurationVersion> history;
    bool exists = false;
    if (!hasConfigurationTable(&exists) || !exists)
        return history;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT type, id, version, saved_at, saved_by, json, active FROM sla_configuration "
                             "WHERE (? = '' OR type = ?) AND (? = '' OR id = ?) ORDER BY saved_at, position, type, id, version"));
    for (const QString &value : { type, type, id, id })
        q.addBindValue(value.isNull() ? QString(QLatin1StringView("")) : value);
    if (!q.exec()) {
        m_error = failure(q);
        return history;
    }
    while (q.next()) {
        ConfigurationVersion v;
        v.type = q.value(0).toString();
        v.id = q.value(1).toString();
        v.version = q.value(2).toInt();
        v.savedAt = q.value(3).toLongLong();
        v.savedBy = q.value(4).toString();
        v.json = q.value(5).toByteArray();
        v.active = q.value(6).toInt() != 0;
        history << v;
    }
    return history;
}

QHash<QString, QString> SlaRepository::siteZones()
{
    m_error = {};
    QHash<QString, QString> zones;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name, time_zone FROM sites"))) {
        m_error = failure(q);
        return zones;
    }
    while (q.next())
        zones.insert(q.value(0).toString(), q.value(1).toString());
    return zones;
}

std::optional<QList<SlaRepository::ResolvedRow>> SlaRepository::resolvedSince(qint64 sinceMs)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT priority, category, service, assignment_group, site, domain, opened_at, resolved_at "
                             "FROM incidents WHERE resolved_at >= ? AND resolved_at > 0 AND opened_at > 0 "
                             "AND state IN ('resolved', 'closed')"));
    q.addBindValue(sinceMs);
    if (!q.exec()) {
        m_error = failure(q);
        return std::nullopt;
    }
    QList<ResolvedRow> rows;
    while (q.next()) {
        ResolvedRow r;
        r.priority = q.value(0).toInt();
        r.category = q.value(1).toString();
        r.service = q.value(2).toString();
        r.group = q.value(3).toString();
        r.site = q.value(4).toString();
        r.domain = domainFromName(q.value(5).toString()).value_or(Domain::It);
        r.openedAt = q.value(6).toLongLong();
        r.resolvedAt = q.value(7).toLongLong();
        rows << r;
    }
    return rows;
}

std::optional<QList<SlaSubject>> SlaRepository::subjectsWhere(const char *incidentCondition,
                                                              const std::function<void(SqliteStatement &)> &bind)
{
    m_error = {};
    auto prepare = [&](const QByteArray &sql) {
        auto q = std::make_unique<SqliteStatement>(m_db, sql.constData());
        if (!q->isValid()) {
            m_error = Database::classify(m_path, q->errorCode(), q->errorText());
            return std::unique_ptr<SqliteStatement>();
        }
        bind(*q);
        return q;
    };
    const auto counts = prepare(QByteArrayLiteral("SELECT id, event_count FROM incidents WHERE ") + incidentCondition);
    // Comments, attached alerts and linked problems move no clock and change nothing a
    // subject holds but its event count, which the projection already has: leaving them
    // out spares a third of the rows of a full load. IN (subquery) drives lookups on
    // events_by_incident, which yields the rows grouped by incident in HLC order.
    const auto events = prepare(QByteArrayLiteral("SELECT incident_id, id, kind, payload, actor, origin_node, hlc, occurred_at "
                                                  "FROM events WHERE incident_id IN (SELECT id FROM incidents WHERE ")
                                + incidentCondition
                                + QByteArrayLiteral(") AND kind NOT IN ('commented', 'alert_attached', 'linked_problem') "
                                                    "ORDER BY incident_id, hlc"));
    if (!counts || !events)
        return std::nullopt;

    auto failed = [this](const SqliteStatement &q) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return std::nullopt;
    };
    QHash<QString, int> eventCounts;
    bool ok = true;
    while (counts->step(&ok))
        eventCounts.insert(counts->text(0), int(counts->int64(1)));
    if (!ok)
        return failed(*counts);

    QList<SlaSubject> subjects;
    subjects.reserve(eventCounts.size());
    QList<Event> history;
    QByteArray incidentId; // of `history`, compared as bytes to spare a string per row
    auto flush = [&] {
        if (history.isEmpty())
            return;
        SlaSubject subject = slaSubjectFromEvents(history);
        subject.eventCount = eventCounts.value(subject.incidentId, subject.eventCount);
        subjects << std::move(subject);
        history.clear();
    };
    SqliteStatement &q = *events;
    while (q.step(&ok)) {
        const QByteArray rowIncident = q.utf8(0);
        if (rowIncident != incidentId) {
            flush();
            incidentId = rowIncident;
        }
        Event e;
        e.incidentId = history.isEmpty() ? QString::fromUtf8(rowIncident) : history.constFirst().incidentId;
        e.id = q.text(1);
        e.kind = eventKindFromName(q.text(2)).value_or(EventKind::Commented);
        e.payload = QJsonDocument::fromJson(q.utf8(3)).object();
        e.actor = q.text(4);
        e.originNode = q.text(5);
        e.hlc = HlcTimestamp::fromString(q.text(6));
        e.occurredAt = q.int64(7);
        history << std::move(e);
    }
    if (!ok)
        return failed(q);
    flush();
    return subjects;
}

std::optional<QList<SlaSubject>> SlaRepository::openSubjects()
{
    return subjectsWhere("state IN ('new', 'in_progress', 'on_hold') AND opened_at > 0", [](SqliteStatement &) {});
}

std::optional<SlaSubject> SlaRepository::subject(const QString &idOrNumber)
{
    auto found = subjectsWhere("(id = ?1 OR number = ?2) AND opened_at > 0", [&idOrNumber](SqliteStatement &q) {
        q.bind(1, idOrNumber);
        q.bind(2, idOrNumber.toUpper());
    });
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->constFirst();
}

std::optional<QList<SlaSubject>> SlaRepository::subjectsOpenedBetween(qint64 fromMs, qint64 toMs)
{
    return subjectsWhere("opened_at >= ?1 AND opened_at < ?2 AND opened_at > 0", [=](SqliteStatement &q) {
        q.bind(1, fromMs);
        q.bind(2, toMs);
    });
}

std::optional<QList<SlaSubject>> SlaRepository::subjects(const QSet<QString> &incidentIds)
{
    if (incidentIds.isEmpty())
        return QList<SlaSubject> {};
    // One placeholder for any number of ids: a JSON array unpacked by json_each.
    QByteArray ids;
    appendCanonicalJson(ids, QJsonArray::fromStringList(QStringList(incidentIds.cbegin(), incidentIds.cend())));
    return subjectsWhere("id IN (SELECT value FROM json_each(?1))", [&ids](SqliteStatement &q) { q.bind(1, ids); });
}

bool SlaRepository::beginSnapshot()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN"))) {
        m_error = failure(q);
        return false;
    }
    return true;
}

void SlaRepository::endSnapshot()
{
    // Read-only: ending it can only release the read lock, there is nothing to keep.
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("COMMIT"));
}

std::optional<qint64> SlaRepository::dataVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) {
        m_error = failure(q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

} // namespace nocturne::core
