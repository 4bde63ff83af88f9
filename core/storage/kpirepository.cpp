#include "kpirepository.h"

#include "database.h"
#include "slarepository.h"
#include "sqlitestatement.h"
#include "../engine/slaoutcomes.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KpiRepository)
};

constexpr char targetsKey[] = "kpi_targets";
// Incidents per batch: large enough that a transaction's cost is spread, small enough
// that the write lock is held for a fraction of a second.
constexpr int OutcomeBatch = 2000;

constexpr char staleSql[] = "SELECT i.id FROM incidents i LEFT JOIN sla_outcomes o ON o.incident_id = i.id "
                            "WHERE i.opened_at > 0 AND (o.incident_id IS NULL OR o.event_count <> i.event_count "
                            "OR o.configuration_revision <> ?1)";

sqlite3 *handleOf(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

// Interns the texts of one column into a name table; the empty text is "none" (-1).
struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
};
class NameTable
{
public:
    qint32 indexOf(sqlite3_stmt *statement, int column)
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        if (!text || size == 0)
            return -1;
        const std::string_view key(text, size_t(size));
        // Consecutive rows often repeat a name; compare with the last one before hashing.
        if (m_last >= 0 && key == m_lastKey)
            return m_last;
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            it = m_index.emplace(std::string(key), qint32(m_names.size())).first;
            m_names.append(QString::fromUtf8(text, size));
        }
        m_last = it->second;
        m_lastKey = it->first;
        return m_last;
    }
    QStringList names() const { return m_names; }

private:
    std::unordered_map<std::string, qint32, StringHash, std::equal_to<>> m_index;
    QStringList m_names;
    qint32 m_last = -1;
    std::string_view m_lastKey;
};

std::string_view textOf(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? std::string_view(text, size_t(sqlite3_column_bytes(statement, column))) : std::string_view();
}

qint8 domainCode(std::string_view name)
{
    if (name == "warehouse")
        return qint8(Domain::Warehouse);
    if (name == "retail")
        return qint8(Domain::Retail);
    if (name == "finance")
        return qint8(Domain::Finance);
    return qint8(Domain::It);
}

qint8 stateCode(std::string_view name)
{
    static constexpr std::pair<std::string_view, IncidentState> states[] = {
        { "new", IncidentState::New },         { "in_progress", IncidentState::InProgress },
        { "on_hold", IncidentState::OnHold },  { "resolved", IncidentState::Resolved },
        { "closed", IncidentState::Closed },   { "cancelled", IncidentState::Cancelled },
    };
    for (const auto &[text, state] : states) {
        if (name == text)
            return qint8(state);
    }
    return qint8(IncidentState::New);
}

} // namespace

KpiRepository::KpiRepository(QSqlDatabase db)
    : m_db(std::move(db))
    , m_path(m_db.databaseName())
{
}

std::optional<qint64> KpiRepository::dataVersion()
{
    SlaRepository sla(m_db);
    const auto version = sla.dataVersion();
    if (!version)
        m_error = sla.lastError();
    return version;
}

std::optional<qint64> KpiRepository::configurationRevision()
{
    SlaRepository sla(m_db);
    const qint64 revision = sla.configurationRevision();
    if (revision < 0) {
        m_error = sla.lastError();
        return std::nullopt;
    }
    return revision;
}

std::optional<int> KpiRepository::staleOutcomeCount()
{
    m_error = {};
    const auto revision = configurationRevision();
    if (!revision)
        return std::nullopt;
    SqliteStatement q(m_db, staleSql);
    if (!q.isValid()) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return std::nullopt;
    }
    q.bind(1, *revision);
    int count = 0;
    bool ok = true;
    while (q.step(&ok))
        ++count;
    if (!ok) {
        m_error = Database::classify(m_path, q.errorCode(), q.errorText());
        return std::nullopt;
    }
    return count;
}

std::optional<int> KpiRepository::refreshOutcomes(qint64 now, const Progress &progress)
{
    m_error = {};
    SlaRepository sla(m_db);
    const qint64 revision = sla.configurationRevision();
    const auto configuration = revision >= 0 ? sla.loadConfiguration() : std::nullopt;
    if (!configuration) {
        m_error = sla.lastError();
        return std::nullopt;
    }
    const SlaOutcomeCalculator calculator(*configuration, sla.siteZones());

    QStringList stale;
    {
        SqliteStatement q(m_db, staleSql);
        if (!q.isValid()) {
            m_error = Database::classify(m_path, q.errorCode(), q.errorText());
            return std::nullopt;
        }
        q.bind(1, revision);
        bool ok = true;
        while (q.step(&ok))
            stale.append(q.text(0));
        if (!ok) {
            m_error = Database::classify(m_path, q.errorCode(), q.errorText());
            return std::nullopt;
        }
    }
    const int total = int(stale.size());
    if (progress)
        progress(0, total);
    if (total == 0)
        return 0;

    SqliteStatement insert(m_db, "INSERT OR REPLACE INTO sla_outcomes (incident_id, event_count, "
                                 "configuration_revision, policy, response, resolution, response_business_ms, "
                                 "resolution_business_ms, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert.isValid()) {
        m_error = Database::classify(m_path, insert.errorCode(), insert.errorText());
        return std::nullopt;
    }
    int done = 0;
    for (int start = 0; start < total; start += OutcomeBatch) {
        const QStringList batch = stale.mid(start, OutcomeBatch);
        const auto subjects = sla.subjects(QSet<QString>(batch.cbegin(), batch.cend()));
        if (!subjects) {
            m_error = sla.lastError();
            return std::nullopt;
        }
        // Computed before the transaction: the write lock is held only for the inserts.
        QList<SlaOutcome> outcomes;
        outcomes.reserve(subjects->size());
        for (const SlaSubject &subject : *subjects)
            outcomes.append(calculator.outcomeOf(subject, now));

        QSqlQuery tx(m_db);
        if (!tx.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            m_error = Database::classify(m_path, tx.lastError());
            return std::nullopt;
        }
        for (qsizetype i = 0; i < subjects->size(); ++i) {
            const SlaSubject &subject = subjects->at(i);
            const SlaOutcome &outcome = outcomes.at(i);
            insert.reset();
            insert.bind(1, subject.incidentId);
            insert.bind(2, qint64(subject.eventCount));
            insert.bind(3, revision);
            insert.bind(4, outcome.policy);
            insert.bind(5, qint64(outcome.response));
            insert.bind(6, qint64(outcome.resolution));
            insert.bind(7, outcome.responseBusinessMs);
            insert.bind(8, outcome.resolutionBusinessMs);
            insert.bind(9, now);
            bool ok = true;
            insert.step(&ok);
            if (!ok) {
                m_error = Database::classify(m_path, insert.errorCode(), insert.errorText());
                insert.reset();
                tx.exec(QStringLiteral("ROLLBACK"));
                return std::nullopt;
            }
        }
        insert.reset();
        if (!tx.exec(QStringLiteral("COMMIT"))) {
            m_error = Database::classify(m_path, tx.lastError());
            tx.exec(QStringLiteral("ROLLBACK"));
            return std::nullopt;
        }
        done += int(subjects->size());
        if (progress)
            progress(std::min(start + OutcomeBatch, total), total);
    }
    return done;
}

std::shared_ptr<KpiFacts> KpiRepository::loadFacts()
{
    m_error = {};
    sqlite3 *db = handleOf(m_db);
    if (!db) {
        m_error = { DatabaseError::Kind::Io, Text::tr("%1: not an SQLite connection").arg(m_path) };
        return nullptr;
    }
    auto fail = [&](sqlite3_stmt *statement) {
        m_error = Database::classify(m_path, sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_finalize(statement);
        return nullptr;
    };
    auto facts = std::make_shared<KpiFacts>();
    const auto version = dataVersion();
    if (!version)
        return nullptr;
    facts->dataVersion = *version;

    // One read transaction: the facts and the service table are one consistent state.
    // A caller's own transaction is left alone.
    const bool ownTransaction = sqlite3_get_autocommit(db) != 0;
    if (ownTransaction)
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    struct EndRead
    {
        sqlite3 *db;
        bool active;
        ~EndRead()
        {
            if (active)
                sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
    } endRead { db, ownTransaction };

    sqlite3_stmt *count = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM incidents", -1, &count, nullptr) != SQLITE_OK)
        return fail(count);
    if (sqlite3_step(count) == SQLITE_ROW) {
        const auto n = size_t(sqlite3_column_int64(count, 0));
        facts->facts.reserve(n);
        facts->ids.reserve(n);
        facts->numbers.reserve(n);
    }
    sqlite3_finalize(count);

    static constexpr char sql[] =
        "SELECT i.id, i.number, i.started_at, i.detected_at, i.opened_at, i.acknowledged_at, i.resolved_at, "
        "i.closed_at, i.service, i.site, i.assignment_group, i.category, i.ci, i.reassignment_count, "
        "i.reopen_count, i.escalation_count, i.priority, i.impact, i.domain, i.state, i.csat, i.made_sla, "
        "o.response, o.resolution, o.response_business_ms, o.resolution_business_ms "
        "FROM incidents i LEFT JOIN sla_outcomes o ON o.incident_id = i.id WHERE i.opened_at > 0";
    sqlite3_stmt *q = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK)
        return fail(q);
    NameTable services, sites, groups, categories, items;
    std::vector<qint8> firstDomainOfService;
    auto orMinusOne = [q](int column) {
        return sqlite3_column_type(q, column) == SQLITE_NULL ? qint64(-1) : sqlite3_column_int64(q, column);
    };
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        KpiFact f;
        const std::string_view id = textOf(q, 0);
        const std::string_view number = textOf(q, 1);
        f.startedAt = sqlite3_column_int64(q, 2);
        f.detectedAt = sqlite3_column_int64(q, 3);
        f.openedAt = sqlite3_column_int64(q, 4);
        f.acknowledgedAt = sqlite3_column_int64(q, 5);
        f.resolvedAt = sqlite3_column_int64(q, 6);
        f.closedAt = sqlite3_column_int64(q, 7);
        f.service = services.indexOf(q, 8);
        f.site = sites.indexOf(q, 9);
        f.group = groups.indexOf(q, 10);
        f.category = categories.indexOf(q, 11);
        f.configurationItem = items.indexOf(q, 12);
        f.reassignments = qint16(std::min<qint64>(sqlite3_column_int64(q, 13), 32767));
        f.reopens = qint16(std::min<qint64>(sqlite3_column_int64(q, 14), 32767));
        f.escalations = qint16(std::min<qint64>(sqlite3_column_int64(q, 15), 32767));
        f.priority = qint8(sqlite3_column_int(q, 16));
        f.impact = qint8(sqlite3_column_int(q, 17));
        f.domain = domainCode(textOf(q, 18));
        f.state = stateCode(textOf(q, 19));
        f.csat = qint8(sqlite3_column_int(q, 20));
        f.madeSla = qint8(sqlite3_column_int(q, 21));
        f.responseMet = qint8(orMinusOne(22));
        f.resolutionMet = qint8(orMinusOne(23));
        f.responseBusinessMs = orMinusOne(24);
        f.resolutionBusinessMs = orMinusOne(25);
        if (f.service >= 0 && size_t(f.service) >= firstDomainOfService.size())
            firstDomainOfService.push_back(f.domain);
        facts->facts.push_back(f);
        facts->ids.push_back(QString::fromUtf8(id.data(), qsizetype(id.size())));
        facts->numbers.push_back(QString::fromUtf8(number.data(), qsizetype(number.size())));
    }
    if (rc != SQLITE_DONE)
        return fail(q);
    sqlite3_finalize(q);

    facts->services = services.names();
    facts->sites = sites.names();
    facts->groups = groups.names();
    facts->categories = categories.names();
    facts->configurationItems = items.names();
    // A service's domain is the services table's; one missing there takes that of its
    // first incident.
    facts->serviceDomains = firstDomainOfService;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT name, domain FROM services WHERE domain <> ''", -1, &s, nullptr) != SQLITE_OK)
        return fail(s);
    QHash<QString, qint8> declared;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const std::string_view name = textOf(s, 0);
        declared.insert(QString::fromUtf8(name.data(), qsizetype(name.size())), domainCode(textOf(s, 1)));
    }
    if (rc != SQLITE_DONE)
        return fail(s);
    sqlite3_finalize(s);
    for (int i = 0; i < facts->services.size(); ++i) {
        const auto it = declared.constFind(facts->services.at(i));
        if (it != declared.constEnd())
            facts->serviceDomains[size_t(i)] = it.value();
    }
    return facts;
}

std::optional<KpiTargets> KpiRepository::loadTargets()
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QLatin1StringView(targetsKey));
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return std::nullopt;
    }
    KpiTargets targets;
    if (!q.next())
        return targets;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &parseError);
    QString error;
    bool valid = document.isObject();
    if (!valid)
        error = parseError.errorString();
    else
        valid = KpiTargets::fromJson(document.object(), &targets, &error);
    if (!valid) {
        m_error = { DatabaseError::Kind::InvalidData,
            Text::tr("%1: the stored KPI targets (meta key \"%2\") are not valid: %3")
                .arg(m_path, QLatin1StringView(targetsKey), error) };
        return std::nullopt;
    }
    return targets;
}

bool KpiRepository::saveTargets(const KpiTargets &targets)
{
    m_error = {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(QLatin1StringView(targetsKey));
    q.addBindValue(QString::fromUtf8(QJsonDocument(targets.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        m_error = Database::classify(m_path, q.lastError());
        return false;
    }
    return true;
}

} // namespace nocturne::core
