// The PostgreSQL schema of the server store and the dialect helpers around it.
#include "../domain/canonicaljson.h"
#include "postgressql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace nocturne::core::postgres {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostgresServerStore", text);
}

// Append-only, like the SQLite migrations: a released step is never edited. Identifiers
// and hashes compare byte-wise (COLLATE "C") so that ordering by id or HLC text is the
// same as in SQLite, whatever the database's locale.
const QList<QStringList> &steps()
{
    static const QList<QStringList> all = {
        // 1: the event log, the incident projection and the API accounts.
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(R"(CREATE TABLE events (
                revision BIGINT PRIMARY KEY,
                id TEXT COLLATE "C" NOT NULL UNIQUE,
                incident_id TEXT COLLATE "C" NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                actor TEXT NOT NULL,
                origin_node TEXT NOT NULL,
                hlc TEXT COLLATE "C" NOT NULL,
                occurred_at BIGINT NOT NULL,
                content_hash TEXT NOT NULL,
                chain_hash TEXT NOT NULL))"),
            QStringLiteral("CREATE INDEX events_by_incident ON events (incident_id, hlc)"),
            QStringLiteral(R"(CREATE TABLE incidents (
                id TEXT COLLATE "C" PRIMARY KEY,
                number TEXT COLLATE "C",
                title TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                category TEXT NOT NULL DEFAULT '',
                subcategory TEXT NOT NULL DEFAULT '',
                domain TEXT NOT NULL DEFAULT 'it',
                service TEXT NOT NULL DEFAULT '',
                ci TEXT NOT NULL DEFAULT '',
                site TEXT NOT NULL DEFAULT '',
                impact BIGINT NOT NULL DEFAULT 3,
                urgency BIGINT NOT NULL DEFAULT 3,
                priority BIGINT NOT NULL DEFAULT 5,
                state TEXT NOT NULL DEFAULT 'new',
                hold_reason TEXT NOT NULL DEFAULT '',
                assignment_group TEXT NOT NULL DEFAULT '',
                assignee TEXT NOT NULL DEFAULT '',
                reporter TEXT NOT NULL DEFAULT '',
                channel TEXT NOT NULL DEFAULT 'portal',
                started_at BIGINT NOT NULL DEFAULT 0,
                detected_at BIGINT NOT NULL DEFAULT 0,
                opened_at BIGINT NOT NULL DEFAULT 0,
                acknowledged_at BIGINT NOT NULL DEFAULT 0,
                resolved_at BIGINT NOT NULL DEFAULT 0,
                closed_at BIGINT NOT NULL DEFAULT 0,
                updated_at BIGINT NOT NULL DEFAULT 0,
                resolution_code TEXT NOT NULL DEFAULT '',
                resolution_notes TEXT NOT NULL DEFAULT '',
                workaround TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                reassignment_count BIGINT NOT NULL DEFAULT 0,
                reopen_count BIGINT NOT NULL DEFAULT 0,
                escalation_count BIGINT NOT NULL DEFAULT 0,
                flagged_events TEXT NOT NULL DEFAULT '[]',
                last_hlc TEXT COLLATE "C" NOT NULL DEFAULT '',
                event_count BIGINT NOT NULL DEFAULT 0,
                csat BIGINT NOT NULL DEFAULT 0,
                made_sla BIGINT NOT NULL DEFAULT -1,
                source TEXT NOT NULL DEFAULT '',
                custom_fields TEXT NOT NULL DEFAULT '{}'))"),
            // The list's order is (priority, opened_at, id): the default page (open
            // incidents) reads its partial index in order and stops at the limit.
            QStringLiteral("CREATE INDEX incidents_by_number ON incidents (number)"),
            QStringLiteral(
                "CREATE INDEX incidents_in_order ON incidents (priority, opened_at, id)"),
            QStringLiteral(
                "CREATE INDEX incidents_open_in_order ON incidents (priority, opened_at, id) "
                "WHERE state IN ('new', 'in_progress', 'on_hold')"),
            QStringLiteral(
                "CREATE INDEX incidents_by_state ON incidents (state, priority, opened_at, id)"),
            QStringLiteral("CREATE INDEX incidents_by_assignee ON incidents (assignee)"),
            QStringLiteral("CREATE INDEX incidents_by_updated ON incidents (updated_at)"),
            QStringLiteral(R"(CREATE TABLE users (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL DEFAULT '',
                grp TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL DEFAULT 'operator'))"),
            QStringLiteral(R"(CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                user_name TEXT NOT NULL REFERENCES users (name),
                token_hash TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                last_used_at BIGINT NOT NULL DEFAULT 0,
                revoked_at BIGINT NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX api_tokens_by_user ON api_tokens (user_name)"),
        },
    };
    return all;
}

DatabaseError failed(const QString &server, const QSqlQuery &q)
{
    return classify(server, q.lastError());
}

} // namespace

int latestVersion()
{
    return int(steps().size());
}

DatabaseError migrate(QSqlDatabase &db, const QString &server, bool createIfMissing)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")) || !q.next())
        return failed(server, q);
    const bool exists = q.value(0).toBool();
    q.finish();
    if (!exists && !createIfMissing)
        return { DatabaseError::Kind::NotInitialised,
            tr("The PostgreSQL database %1 holds no Nocturne data yet. Start nocturne-server on it "
               "once, or run "
               "\"nocturnectl --db URL user add …\", to create the schema.")
                .arg(server) };
    if (exists) {
        if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"))
            || !q.next())
            return failed(server, q);
        const int version = q.value(0).toInt();
        q.finish();
        if (version > latestVersion())
            return { DatabaseError::Kind::NewerSchema,
                tr("The PostgreSQL database %1 has schema version %2, newer than this program "
                   "knows (%3). "
                   "Update Nocturne.")
                    .arg(server)
                    .arg(version)
                    .arg(latestVersion()) };
        if (version == latestVersion())
            return {};
    }

    // DDL is transactional in PostgreSQL: a failed step leaves the schema as it was.
    if (!db.transaction())
        return classify(server, db.lastError());
    auto abort = [&](const QSqlQuery &failedQuery) {
        const DatabaseError error = failed(server, failedQuery);
        db.rollback();
        return error;
    };
    q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
    q.addBindValue(MigrationLockKey);
    if (!q.exec())
        return abort(q);
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "applied_at BIGINT NOT NULL)")))
        return abort(q);
    // Read again under the lock: another instance may have migrated while this one waited.
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"))
        || !q.next())
        return abort(q);
    int version = q.value(0).toInt();
    q.finish();
    QSqlQuery record(db);
    record.prepare(
        QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"));
    for (; version < latestVersion(); ++version) {
        for (const QString &statement : steps().at(version)) {
            if (!q.exec(statement))
                return abort(q);
        }
        record.bindValue(0, version + 1);
        record.bindValue(1, QDateTime::currentMSecsSinceEpoch());
        if (!record.exec())
            return abort(record);
    }
    if (!db.commit()) {
        const DatabaseError error = classify(server, db.lastError());
        db.rollback();
        return error;
    }
    return {};
}

bool isConnectionLost(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (state.startsWith(QLatin1StringView("08")) || state.startsWith(QLatin1StringView("57P")))
        return true;
    // libpq reports a dropped socket without an SQLSTATE.
    return error.type() == QSqlError::ConnectionError
        || error.databaseText().contains(QLatin1StringView("server closed the connection"))
        || error.databaseText().contains(QLatin1StringView("no connection to the server"));
}

DatabaseError classify(const QString &server, const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    QString detail
        = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
    if (detail.isEmpty())
        detail = tr("no details");
    using Kind = DatabaseError::Kind;
    if (isConnectionLost(error))
        return { Kind::Io,
            tr("The PostgreSQL server %1 does not answer (%2).").arg(server, detail) };
    if (state == QLatin1StringView("25006"))
        return { Kind::ReadOnly,
            tr("The PostgreSQL server %1 only reads (%2): point --db at the primary.")
                .arg(server, detail) };
    if (state == QLatin1StringView("40P01") || state == QLatin1StringView("55P03")
        || state == QLatin1StringView("57014"))
        return { Kind::Locked,
            tr("The PostgreSQL database %1 is busy (%2). Try again.").arg(server, detail) };
    if (state == QLatin1StringView("42P01"))
        return { Kind::NotInitialised,
            tr("The PostgreSQL database %1 lacks Nocturne's tables (%2).").arg(server, detail) };
    if (state.startsWith(QLatin1StringView("XX")))
        return { Kind::Corrupt,
            tr("The PostgreSQL database %1 reports damage (%2).").arg(server, detail) };
    if (state.startsWith(QLatin1StringView("22")))
        return { Kind::InvalidData,
            tr("The PostgreSQL database %1 refused a value (%2).").arg(server, detail) };
    return { Kind::Io, tr("Database error in PostgreSQL %1: %2").arg(server, detail) };
}

QString eventColumns()
{
    return QStringLiteral(
        "id, incident_id, kind, payload, actor, origin_node, hlc, occurred_at, revision");
}

void ArrayLiteral::separate()
{
    if (m_count++ > 0)
        m_text += QLatin1Char(',');
}

void ArrayLiteral::add(const QString &text)
{
    separate();
    m_text.reserve(m_text.size() + text.size() + 2);
    m_text += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            m_text += QLatin1Char('\\');
        m_text += c;
    }
    m_text += QLatin1Char('"');
}

void ArrayLiteral::add(qint64 number)
{
    separate();
    m_text += QString::number(number);
}

void ArrayLiteral::addNull()
{
    separate();
    m_text += QLatin1StringView("NULL");
}

QString textArray(const QStringList &values)
{
    ArrayLiteral array;
    for (const QString &value : values)
        array.add(value);
    return array.text();
}

namespace {

// rows::incidentColumns() order; true for the integer columns.
constexpr bool IntegerColumn[] = {
    false, false, false, false, false, false, false, false, false, false, // id … site
    true, true, true, // impact, urgency, priority
    false, false, false, false, false, false, // state … channel
    true, true, true, true, true, true, true, // started_at … updated_at
    false, false, false, false, // resolution_code … tags
    true, true, true, // reassignment_count … escalation_count
    false, false, // flagged_events, last_hlc
    true, true, true, // event_count, csat, made_sla
    false, false, // source, custom_fields
};
constexpr int ColumnCount = int(std::size(IntegerColumn));

QString jsonArray(const QStringList &list)
{
    if (list.isEmpty())
        return QStringLiteral("[]");
    QByteArray out;
    appendCanonicalJson(out, QJsonArray::fromStringList(list));
    return QString::fromUtf8(out);
}

} // namespace

IncidentArrays::IncidentArrays()
    : m_columns(ColumnCount)
{ }

QString IncidentArrays::unnestSql()
{
    QStringList casts;
    for (int i = 0; i < ColumnCount; ++i)
        casts << (IntegerColumn[i] ? QStringLiteral("?::bigint[]") : QStringLiteral("?::text[]"));
    return QStringLiteral("unnest(") + casts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QStringList IncidentArrays::values() const
{
    QStringList out;
    for (const ArrayLiteral &column : m_columns)
        out << column.text();
    return out;
}

void IncidentArrays::add(const Incident &i)
{
    int n = 0;
    auto text = [this, &n](const QString &v) { m_columns[n++].add(v); };
    auto number = [this, &n](qint64 v) { m_columns[n++].add(v); };
    text(i.id);
    if (i.number.isEmpty())
        m_columns[n++].addNull(); // as in SQLite: unnumbered is NULL
    else
        text(i.number);
    text(i.title);
    text(i.description);
    text(i.category);
    text(i.subcategory);
    text(toName(i.domain));
    text(i.service);
    text(i.configurationItem);
    text(i.site);
    number(i.impact);
    number(i.urgency);
    number(i.priority);
    text(toName(i.state));
    text(toName(i.holdReason));
    text(i.assignmentGroup);
    text(i.assignee);
    text(i.reporter);
    text(toName(i.channel));
    number(i.startedAt);
    number(i.detectedAt);
    number(i.openedAt);
    number(i.acknowledgedAt);
    number(i.resolvedAt);
    number(i.closedAt);
    number(i.updatedAt);
    text(i.resolutionCode);
    text(i.resolutionNotes);
    text(i.workaround);
    text(jsonArray(i.tags));
    number(i.reassignmentCount);
    number(i.reopenCount);
    number(i.escalationCount);
    text(jsonArray(i.flaggedEventIds));
    text(i.lastHlc.toString());
    number(i.eventCount);
    number(i.csat);
    number(i.madeSla);
    text(i.source);
    if (i.customFields.isEmpty()) {
        text(QStringLiteral("{}"));
    } else {
        QByteArray custom;
        appendCanonicalJson(custom, i.customFields);
        text(QString::fromUtf8(custom));
    }
}

} // namespace nocturne::core::postgres
