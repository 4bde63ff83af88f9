#include "migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace nocturne::core::migrations {

namespace {

// Append-only: a released migration is never edited, a change is a new step.
const QList<QStringList> &steps()
{
    static const QList<QStringList> all = {
        // 1: the event log and the incident projection.
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(R"(CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                incident_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                actor TEXT NOT NULL,
                origin_node TEXT NOT NULL,
                hlc TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                server_revision INTEGER,
                content_hash TEXT NOT NULL,
                chain_hash TEXT NOT NULL))"),
            QStringLiteral("CREATE INDEX events_by_incident ON events (incident_id, hlc)"),
            QStringLiteral(R"(CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                number TEXT UNIQUE,
                title TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                category TEXT NOT NULL DEFAULT '',
                subcategory TEXT NOT NULL DEFAULT '',
                domain TEXT NOT NULL DEFAULT 'it',
                service TEXT NOT NULL DEFAULT '',
                ci TEXT NOT NULL DEFAULT '',
                site TEXT NOT NULL DEFAULT '',
                impact INTEGER NOT NULL DEFAULT 3,
                urgency INTEGER NOT NULL DEFAULT 3,
                priority INTEGER NOT NULL DEFAULT 5,
                state TEXT NOT NULL DEFAULT 'new',
                hold_reason TEXT NOT NULL DEFAULT '',
                assignment_group TEXT NOT NULL DEFAULT '',
                assignee TEXT NOT NULL DEFAULT '',
                reporter TEXT NOT NULL DEFAULT '',
                channel TEXT NOT NULL DEFAULT 'portal',
                started_at INTEGER NOT NULL DEFAULT 0,
                detected_at INTEGER NOT NULL DEFAULT 0,
                opened_at INTEGER NOT NULL DEFAULT 0,
                acknowledged_at INTEGER NOT NULL DEFAULT 0,
                resolved_at INTEGER NOT NULL DEFAULT 0,
                closed_at INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL DEFAULT 0,
                resolution_code TEXT NOT NULL DEFAULT '',
                resolution_notes TEXT NOT NULL DEFAULT '',
                workaround TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                reassignment_count INTEGER NOT NULL DEFAULT 0,
                reopen_count INTEGER NOT NULL DEFAULT 0,
                escalation_count INTEGER NOT NULL DEFAULT 0,
                flagged_events TEXT NOT NULL DEFAULT '[]',
                last_hlc TEXT NOT NULL DEFAULT '',
                event_count INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX incidents_by_state ON incidents (state, priority)"),
            QStringLiteral("CREATE INDEX incidents_by_opened ON incidents (opened_at)"),
        },
        // 2: reference data, filled from what the incidents already name.
        {
            QStringLiteral(R"(CREATE TABLE sites (
                name TEXT PRIMARY KEY, time_zone TEXT NOT NULL DEFAULT 'UTC',
                domain TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE services (
                name TEXT PRIMARY KEY, domain TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE configuration_items (
                name TEXT PRIMARY KEY, service TEXT NOT NULL DEFAULT '',
                site TEXT NOT NULL DEFAULT '', criticality INTEGER NOT NULL DEFAULT 3))"),
            QStringLiteral(R"(CREATE TABLE groups (
                name TEXT PRIMARY KEY, description TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE users (
                name TEXT PRIMARY KEY, display_name TEXT NOT NULL DEFAULT '',
                grp TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'operator'))"),
            QStringLiteral("INSERT OR IGNORE INTO sites (name) SELECT DISTINCT site FROM incidents WHERE site <> ''"),
            QStringLiteral("INSERT OR IGNORE INTO services (name, domain) SELECT service, min(domain) FROM incidents WHERE service <> '' GROUP BY service"),
            QStringLiteral("INSERT OR IGNORE INTO configuration_items (name, service, site) SELECT ci, min(service), min(site) FROM incidents WHERE ci <> '' GROUP BY ci"),
            QStringLiteral("INSERT OR IGNORE INTO groups (name) SELECT DISTINCT assignment_group FROM incidents WHERE assignment_group <> ''"),
            QStringLiteral("INSERT OR IGNORE INTO users (name) SELECT DISTINCT assignee FROM incidents WHERE assignee <> ''"),
            QStringLiteral("CREATE INDEX incidents_by_assignee ON incidents (assignee)"),
            QStringLiteral("CREATE INDEX incidents_by_resolved ON incidents (resolved_at)"),
        },
        // 3: a covering index of the open queue. The console reads every open incident at
        // start; through this index that is one sequential read of the open rows instead
        // of a page per incident scattered over the table (seconds on a cold disk). It is
        // partial, so resolved and closed incidents cost nothing to keep in it. It must
        // hold every column QueueReader reads (entryColumns in queuereader.cpp).
        {
            QStringLiteral("CREATE INDEX incidents_open_queue ON incidents (state, priority, opened_at, id, number, "
                           "title, service, ci, site, assignment_group, assignee, category, impact, urgency, "
                           "hold_reason, domain, acknowledged_at, resolved_at, updated_at, event_count) "
                           "WHERE state IN ('new', 'in_progress', 'on_hold')"),
        },
        // 4: versioned SLA configuration (calendars, policies, escalations, schedules).
        // Every change of an item is a new row; `active` marks the current version of the
        // items still in the configuration, `position` keeps the document's order (policies
        // match first-come). The revision in `meta` tells running engines to reload.
        {
            QStringLiteral(R"(CREATE TABLE sla_configuration (
                type TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL DEFAULT 0,
                active INTEGER NOT NULL DEFAULT 0,
                saved_at INTEGER NOT NULL DEFAULT 0,
                saved_by TEXT NOT NULL DEFAULT '',
                json TEXT NOT NULL,
                PRIMARY KEY (type, id, version)))"),
            QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('sla_configuration_revision', '0')"),
        },
        // 5: what KPIs need beyond the queue. Satisfaction, a source system's SLA verdict
        // and unmapped source columns on the projection (imports); and the SLA outcome of
        // each incident, derived from its events and the SLA configuration, cached so KPIs
        // over a million incidents never re-read events. A row is current while its
        // event_count and configuration_revision match; codes: 1 met, 0 breached, -1 not
        // decided (running, cancelled, no policy). Business times are -1 until reached.
        {
            QStringLiteral("ALTER TABLE incidents ADD COLUMN csat INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN made_sla INTEGER NOT NULL DEFAULT -1"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN source TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral(R"(CREATE TABLE sla_outcomes (
                incident_id TEXT PRIMARY KEY,
                event_count INTEGER NOT NULL,
                configuration_revision INTEGER NOT NULL,
                policy TEXT NOT NULL DEFAULT '',
                response INTEGER NOT NULL DEFAULT -1,
                resolution INTEGER NOT NULL DEFAULT -1,
                response_business_ms INTEGER NOT NULL DEFAULT -1,
                resolution_business_ms INTEGER NOT NULL DEFAULT -1,
                computed_at INTEGER NOT NULL DEFAULT 0))"),
        },
        // 6: replicas and the central server. Numbers stop being unique in the projection:
        // an incident opened offline shows a provisional number, and while a replica merges
        // the server's numbering two incidents may briefly show the same one. SQLite cannot
        // drop a column constraint, so the table is rebuilt with the same columns in the same
        // order. Server revisions get an index for "events since", unsynced events a partial
        // one for the outbox; the server keeps API tokens (hashes only), a replica the events
        // the server refused until someone has looked at them.
        {
            QStringLiteral(R"(CREATE TABLE incidents_rebuilt (
                id TEXT PRIMARY KEY,
                number TEXT,
                title TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                category TEXT NOT NULL DEFAULT '',
                subcategory TEXT NOT NULL DEFAULT '',
                domain TEXT NOT NULL DEFAULT 'it',
                service TEXT NOT NULL DEFAULT '',
                ci TEXT NOT NULL DEFAULT '',
                site TEXT NOT NULL DEFAULT '',
                impact INTEGER NOT NULL DEFAULT 3,
                urgency INTEGER NOT NULL DEFAULT 3,
                priority INTEGER NOT NULL DEFAULT 5,
                state TEXT NOT NULL DEFAULT 'new',
                hold_reason TEXT NOT NULL DEFAULT '',
                assignment_group TEXT NOT NULL DEFAULT '',
                assignee TEXT NOT NULL DEFAULT '',
                reporter TEXT NOT NULL DEFAULT '',
                channel TEXT NOT NULL DEFAULT 'portal',
                started_at INTEGER NOT NULL DEFAULT 0,
                detected_at INTEGER NOT NULL DEFAULT 0,
                opened_at INTEGER NOT NULL DEFAULT 0,
                acknowledged_at INTEGER NOT NULL DEFAULT 0,
                resolved_at INTEGER NOT NULL DEFAULT 0,
                closed_at INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL DEFAULT 0,
                resolution_code TEXT NOT NULL DEFAULT '',
                resolution_notes TEXT NOT NULL DEFAULT '',
                workaround TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                reassignment_count INTEGER NOT NULL DEFAULT 0,
                reopen_count INTEGER NOT NULL DEFAULT 0,
                escalation_count INTEGER NOT NULL DEFAULT 0,
                flagged_events TEXT NOT NULL DEFAULT '[]',
                last_hlc TEXT NOT NULL DEFAULT '',
                event_count INTEGER NOT NULL DEFAULT 0,
                csat INTEGER NOT NULL DEFAULT 0,
                made_sla INTEGER NOT NULL DEFAULT -1,
                source TEXT NOT NULL DEFAULT '',
                custom_fields TEXT NOT NULL DEFAULT '{}'))"),
            QStringLiteral("INSERT INTO incidents_rebuilt SELECT * FROM incidents"),
            QStringLiteral("DROP TABLE incidents"),
            QStringLiteral("ALTER TABLE incidents_rebuilt RENAME TO incidents"),
            QStringLiteral("CREATE INDEX incidents_by_number ON incidents (number)"),
            QStringLiteral("CREATE INDEX incidents_by_state ON incidents (state, priority)"),
            QStringLiteral("CREATE INDEX incidents_by_opened ON incidents (opened_at)"),
            QStringLiteral("CREATE INDEX incidents_by_assignee ON incidents (assignee)"),
            QStringLiteral("CREATE INDEX incidents_by_resolved ON incidents (resolved_at)"),
            QStringLiteral("CREATE INDEX incidents_by_updated ON incidents (updated_at, id)"),
            QStringLiteral("CREATE INDEX incidents_open_queue ON incidents (state, priority, opened_at, id, number, "
                           "title, service, ci, site, assignment_group, assignee, category, impact, urgency, "
                           "hold_reason, domain, acknowledged_at, resolved_at, updated_at, event_count) "
                           "WHERE state IN ('new', 'in_progress', 'on_hold')"),
            QStringLiteral("CREATE INDEX events_by_revision ON events (server_revision) WHERE server_revision IS NOT NULL"),
            QStringLiteral("CREATE INDEX events_unsynced ON events (seq) WHERE server_revision IS NULL"),
            QStringLiteral(R"(CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                user_name TEXT NOT NULL REFERENCES users (name),
                token_hash TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                last_used_at INTEGER NOT NULL DEFAULT 0,
                revoked_at INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE sync_rejections (
                event_id TEXT PRIMARY KEY REFERENCES events (id),
                http_status INTEGER NOT NULL DEFAULT 0,
                code TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL DEFAULT '',
                rejected_at INTEGER NOT NULL,
                dismissed_at INTEGER NOT NULL DEFAULT 0))"),
        },
    };
    return all;
}

} // namespace

int latestVersion() { return int(steps().size()); }

QString migrate(QSqlDatabase &db, int target)
{
    if (target < 0)
        target = latestVersion();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return q.lastError().text();
    int version = q.value(0).toInt();
    q.finish();
    while (version < target) {
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return q.lastError().text();
        // Another connection (the console opens two) may have migrated while this one
        // waited for the write lock: read the version again under the lock.
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            const QString failure = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            return failure;
        }
        version = q.value(0).toInt();
        q.finish();
        if (version >= target) {
            q.exec(QStringLiteral("COMMIT"));
            break;
        }
        for (const QString &statement : steps().at(version)) {
            if (!q.exec(statement)) {
                const QString failure = QStringLiteral("migration %1: %2").arg(version + 1).arg(q.lastError().text());
                q.exec(QStringLiteral("ROLLBACK"));
                return failure;
            }
        }
        ++version;
        // PRAGMA takes no bound parameters; the value is our own integer.
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !q.exec(QStringLiteral("COMMIT"))) {
            const QString failure = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            return failure;
        }
    }
    return {};
}

} // namespace nocturne::core::migrations
