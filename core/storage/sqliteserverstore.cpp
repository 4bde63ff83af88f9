#include "sqliteserverstore.h"

#include "incidentrepository.h"
#include "kpirepository.h"
#include "rowmapping.h"
#include "serverpolicy.h"
#include "../domain/clock.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace nocturne::core {

SqliteServerStore::SqliteServerStore(const Clock &clock)
    : m_clock(clock)
{
}

SqliteServerStore::~SqliteServerStore() = default;

DatabaseError SqliteServerStore::fail(const QSqlQuery &q) const
{
    return Database::classify(m_database.path(), q.lastError());
}

DatabaseError SqliteServerStore::open(const QString &path, bool createIfMissing)
{
    DatabaseOptions options;
    options.mode = createIfMissing ? DatabaseOptions::Mode::CreateIfMissing : DatabaseOptions::Mode::MustExist;
    if (auto error = m_database.open(path, options))
        return error;
    // The server acknowledges an event only once it is on disk: a power cut after the
    // 200 must not lose what a replica then deletes from its outbox.
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return fail(q);
    m_store = std::make_unique<EventStore>(m_database, m_clock);
    return m_store->initialise();
}

DatabaseError SqliteServerStore::becomeServer()
{
    if (m_isServer)
        return {};
    if (m_store->authority() != NumberingAuthority::Server) {
        if (auto error = m_store->setAuthority(NumberingAuthority::Server))
            return error;
    }
    if (auto error = assignMissingRevisions())
        return error;
    m_isServer = true;
    return {};
}

DatabaseError SqliteServerStore::assignMissingRevisions()
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1 FROM events WHERE server_revision IS NULL LIMIT 1")))
        return fail(q);
    if (!q.next())
        return {};
    q.finish();
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(q);
    auto rollback = [&](const QSqlQuery &failed) {
        const DatabaseError error = fail(failed);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    qint64 revision = 0;
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'revision_high'")))
        return rollback(q);
    if (q.next())
        revision = q.value(0).toLongLong();
    q.finish();
    QList<qint64> sequences;
    if (!q.exec(QStringLiteral("SELECT seq FROM events WHERE server_revision IS NULL ORDER BY seq")))
        return rollback(q);
    while (q.next())
        sequences << q.value(0).toLongLong();
    q.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE events SET server_revision = ? WHERE seq = ?"));
    for (qint64 seq : std::as_const(sequences)) {
        update.bindValue(0, ++revision);
        update.bindValue(1, seq);
        if (!update.exec())
            return rollback(update);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('revision_high', ?)"));
    q.addBindValue(QString::number(revision));
    if (!q.exec() || !QSqlQuery(db).exec(QStringLiteral("COMMIT")))
        return rollback(q);
    return {};
}

bool SqliteServerStore::isHealthy()
{
    QSqlQuery q(m_database.connection());
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}

BatchResult SqliteServerStore::appendEvents(const QList<Event> &events, const Principal &by)
{
    BatchResult result;
    if ((result.error = becomeServer()))
        return result;
    QSqlDatabase db = m_database.connection();
    QSqlQuery storedHash(db);
    storedHash.prepare(QStringLiteral("SELECT content_hash FROM events WHERE id = ?"));
    QSqlQuery incidentKnown(db);
    incidentKnown.prepare(QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"));

    // Screen every event against what is stored, then append the ones taken in one
    // transaction. Refused events are answered, never written.
    QList<Event> taken;
    QList<bool> duplicates; // per offered event
    QSet<QString> openedInBatch;
    QHash<QString, QByteArray> hashesInBatch;
    QList<std::optional<EventOutcome>> refusals;
    refusals.reserve(events.size());
    for (const Event &event : events) {
        StoredFacts facts;
        storedHash.bindValue(0, event.id);
        if (!storedHash.exec()) {
            result.error = fail(storedHash);
            return result;
        }
        if (storedHash.next())
            facts.storedContentHash = storedHash.value(0).toByteArray();
        storedHash.finish();
        // The same id twice in one batch: the second copy is a duplicate of the first.
        if (facts.storedContentHash.isEmpty())
            facts.storedContentHash = hashesInBatch.value(event.id);
        facts.incidentKnown = openedInBatch.contains(event.incidentId);
        if (!facts.incidentKnown) {
            incidentKnown.bindValue(0, event.incidentId);
            if (!incidentKnown.exec()) {
                result.error = fail(incidentKnown);
                return result;
            }
            facts.incidentKnown = incidentKnown.next();
            incidentKnown.finish();
        }
        auto refusal = refusalOf(event, by, nodeId(), facts);
        if (!refusal) {
            taken << event;
            if (facts.storedContentHash.isEmpty())
                hashesInBatch.insert(event.id, event.computeContentHash());
            if (facts.storedContentHash.isEmpty() && event.kind == EventKind::Opened)
                openedInBatch.insert(event.incidentId);
        }
        refusals << refusal;
        duplicates << !facts.storedContentHash.isEmpty();
    }

    AppendResult appended = m_store->append(taken);
    if (appended.error) {
        result.error = appended.error;
        return result;
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (refusals.at(i)) {
            result.outcomes << *refusals.at(i);
            continue;
        }
        EventOutcome outcome;
        outcome.eventId = events.at(i).id;
        outcome.status = duplicates.at(i) ? EventOutcome::Status::Duplicate : EventOutcome::Status::Accepted;
        outcome.revision = appended.revisions.value(outcome.eventId);
        result.outcomes << outcome;
    }
    const auto head = headRevision(&result.error);
    result.headRevision = head.value_or(0);
    return result;
}

std::optional<EventPage> SqliteServerStore::eventsSince(qint64 since, int limit, DatabaseError *error)
{
    if ((*error = becomeServer()))
        return std::nullopt;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + rows::eventColumns()
              + QStringLiteral(" FROM events WHERE server_revision > ? ORDER BY server_revision LIMIT ?"));
    q.addBindValue(since);
    q.addBindValue(limit + 1); // one more tells whether another page follows
    if (!q.exec()) {
        *error = fail(q);
        return std::nullopt;
    }
    EventPage page;
    page.nextSince = since;
    while (q.next()) {
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        Event event = rows::readEvent(q);
        page.nextSince = event.serverRevision;
        page.events << std::move(event);
    }
    return page;
}

std::optional<qint64> SqliteServerStore::headRevision(DatabaseError *error)
{
    if ((*error = becomeServer()))
        return std::nullopt;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'revision_high'"))) {
        *error = fail(q);
        return std::nullopt;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<IncidentPage> SqliteServerStore::incidents(const IncidentQuery &query, DatabaseError *error)
{
    IncidentFilter filter;
    if (!query.state.isEmpty()) {
        if (const auto state = incidentStateFromName(query.state))
            filter.states = { *state };
    } else if (query.scope == IncidentQuery::Scope::Open) {
        filter.states = { IncidentState::New, IncidentState::InProgress, IncidentState::OnHold };
    } else if (query.scope == IncidentQuery::Scope::Resolved) {
        filter.states = { IncidentState::Resolved, IncidentState::Closed, IncidentState::Cancelled };
    }
    filter.priority = query.priority;
    filter.site = query.site;
    filter.service = query.service;
    filter.group = query.group;
    filter.assignee = query.assignee;
    filter.updatedSinceMs = query.updatedSinceMs;
    filter.limit = query.limit;
    filter.offset = query.offset;

    IncidentPage page;
    IncidentRepository repository(m_database.connection(), m_database.path());
    page.incidents = repository.list(filter);
    if (!repository.lastError())
        page.total = repository.count(filter);
    if (repository.lastError()) {
        *error = repository.lastError();
        return std::nullopt;
    }
    const auto head = headRevision(error);
    if (!head)
        return std::nullopt;
    page.headRevision = *head;
    return page;
}

std::optional<Incident> SqliteServerStore::incident(const QString &idOrNumber, DatabaseError *error)
{
    IncidentRepository repository(m_database.connection(), m_database.path());
    auto found = repository.find(idOrNumber);
    if (repository.lastError())
        *error = repository.lastError();
    return found;
}

std::optional<QList<Event>> SqliteServerStore::incidentEvents(const QString &incidentId, DatabaseError *error)
{
    IncidentRepository repository(m_database.connection(), m_database.path());
    const QList<StoredEvent> stored = repository.events(incidentId);
    if (repository.lastError()) {
        *error = repository.lastError();
        return std::nullopt;
    }
    QList<Event> events;
    events.reserve(stored.size());
    for (const StoredEvent &s : stored)
        events << s.event;
    std::sort(events.begin(), events.end(), foldsBefore);
    return events;
}

std::optional<qint64> SqliteServerStore::eventCount(DatabaseError *error)
{
    // seq only grows and events are never deleted: its maximum is the count, without a scan.
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events")) || !q.next()) {
        *error = fail(q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<KpiReport> SqliteServerStore::kpis(const KpiQuery &query, qint64 nowMs, DatabaseError *error)
{
    // The cached SLA outcomes are derived data: bring them up to date first, as the CLI does.
    KpiRepository repository(m_database.connection());
    std::shared_ptr<KpiFacts> facts;
    std::optional<KpiTargets> targets;
    if (!repository.refreshOutcomes(nowMs) || !(facts = repository.loadFacts()) || !(targets = repository.loadTargets())) {
        *error = repository.lastError();
        return std::nullopt;
    }
    return computeKpis(*facts, query, *targets, nowMs);
}

} // namespace nocturne::core
