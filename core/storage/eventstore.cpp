#include "eventstore.h"

#include "incidentrepository.h"
#include "referencerepository.h"
#include "rowmapping.h"
#include "serverpolicy.h"
#include "../domain/clock.h"
#include "../domain/incidentfold.h"
#include "../domain/labels.h"
#include "../domain/lifecycle.h"
#include "../domain/uuid7.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>

#include <algorithm>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EventStore)
};

// Commands may be dated in the past (a phone call logged later), never ahead of now
// beyond a small allowance for clocks that disagree between machines.
constexpr qint64 FutureToleranceMs = 60 * 1000;
// 2000-01-01T00:00:00Z: anything earlier is a typo (a year 0026), not an incident.
constexpr qint64 EarliestPlausibleMs = 946'684'800'000;

QString formatNumber(qint64 n) { return QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0')); }

qint64 parseNumber(const QString &number)
{
    if (!number.startsWith(QLatin1StringView("INC")))
        return 0;
    bool ok = false;
    const qint64 n = QStringView(number).mid(3).toLongLong(&ok);
    return ok ? n : 0;
}

NumberingAuthority authorityFromName(const QString &name)
{
    return name == QLatin1StringView("server")    ? NumberingAuthority::Server
           : name == QLatin1StringView("replica") ? NumberingAuthority::Replica
                                                   : NumberingAuthority::Standalone;
}

// A replica's number for what it opened offline: recognisably not a real one, and unique
// across replicas because it carries the node.
QString provisionalNumber(const QString &node, qint64 n)
{
    return QStringLiteral("P-%1-%2").arg(node.right(4).toUpper()).arg(n, 4, 10, QLatin1Char('0'));
}

} // namespace

EventStore::EventStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

EventStore::~EventStore() = default;

DatabaseError EventStore::fail(const QSqlQuery &q) const
{
    return Database::classify(m_database.path(), q.lastError());
}

DatabaseError EventStore::fail(const SqliteStatement &statement) const
{
    return Database::classify(m_database.path(), statement.errorCode(), statement.errorText());
}

DatabaseError EventStore::initialise()
{
    QSqlDatabase &db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QStringLiteral("node_id"));
    if (!q.exec())
        return fail(q);
    if (!q.next()) {
        // Two processes may initialise a new file at once: whoever inserts first wins,
        // and both read back the same id.
        q.finish();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)"));
        insert.addBindValue(QStringLiteral("node_id"));
        insert.addBindValue(QStringLiteral("n%1").arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL,
                                                      12, 16, QLatin1Char('0')));
        if (!insert.exec())
            return fail(insert);
        if (!q.exec() || !q.next())
            return fail(q);
    }
    m_nodeId = q.value(0).toString();
    q.finish();
    // A file that once synced with a server stays a replica, whichever program opens it,
    // so nocturnectl on a console's file gives provisional numbers too.
    q.bindValue(0, QStringLiteral("numbering_authority"));
    if (!q.exec())
        return fail(q);
    if (q.next())
        m_authority = authorityFromName(q.value(0).toString());
    q.finish();
    ReferenceRepository reference(db, m_database.path());
    m_matrix = reference.priorityMatrix();
    if (reference.lastError())
        return reference.lastError();
    m_hlc = std::make_unique<HybridLogicalClock>(m_clock, m_nodeId);

    m_insertEvent = std::make_unique<SqliteStatement>(
        db, "INSERT OR IGNORE INTO events (id, incident_id, kind, payload, actor, origin_node, hlc, "
            "occurred_at, server_revision, content_hash, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    const QByteArray columns = rows::incidentColumns().toLatin1();
    const QByteArray selectSql = "SELECT " + columns + " FROM incidents WHERE id = ?";
    // An upsert rather than INSERT OR REPLACE: an update rewrites only the index entries
    // of the columns that changed, where REPLACE deletes and reinserts all six indexes.
    QByteArray assignments;
    for (const QByteArray &column : columns.split(',')) {
        const QByteArray name = column.trimmed();
        if (name == "id")
            continue;
        if (!assignments.isEmpty())
            assignments += ", ";
        assignments += name + " = excluded." + name;
    }
    const qsizetype columnCount = columns.count(',') + 1;
    const QByteArray upsertSql = "INSERT INTO incidents (" + columns + ") VALUES (?" + QByteArray(",?").repeated(columnCount - 1)
        + ") ON CONFLICT (id) DO UPDATE SET " + assignments;
    m_selectIncident = std::make_unique<SqliteStatement>(db, selectSql.constData());
    m_upsertIncident = std::make_unique<SqliteStatement>(db, upsertSql.constData());
    m_selectContentHash = std::make_unique<SqliteStatement>(db, "SELECT content_hash FROM events WHERE id = ?");
    // Through events_by_incident: only the incident's own events are scanned.
    m_selectRevision = std::make_unique<SqliteStatement>(db, "SELECT server_revision FROM events WHERE id = ?");
    m_recordRevision = std::make_unique<SqliteStatement>(
        db, "UPDATE events SET server_revision = ? WHERE id = ? AND server_revision IS NULL");
    m_numberTaken = std::make_unique<SqliteStatement>(db, "SELECT 1 FROM incidents WHERE number = ? AND id <> ? LIMIT 1");
    m_selectRule = std::make_unique<SqliteStatement>(
        db, "SELECT 1 FROM events WHERE incident_id = ? AND actor = 'system' AND json_extract(payload, '$.rule') = ? "
            "LIMIT 1");
    for (auto *statement : { m_insertEvent.get(), m_selectIncident.get(), m_upsertIncident.get(), m_selectContentHash.get(),
                             m_selectRule.get(), m_selectRevision.get(), m_recordRevision.get(), m_numberTaken.get() }) {
        if (!statement->isValid())
            return fail(*statement);
    }
    m_selectEvents = std::make_unique<QSqlQuery>(db);
    m_selectEvents->prepare(QStringLiteral("SELECT ") + rows::eventColumns()
                            + QStringLiteral(" FROM events WHERE incident_id = ?"));
    if (m_selectEvents->lastError().isValid())
        return fail(*m_selectEvents);
    return {};
}

DatabaseError EventStore::setAuthority(NumberingAuthority authority)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('numbering_authority', ?)"));
    q.addBindValue(authority == NumberingAuthority::Server    ? QStringLiteral("server")
                   : authority == NumberingAuthority::Replica ? QStringLiteral("replica")
                                                               : QStringLiteral("standalone"));
    if (!q.exec())
        return fail(q);
    m_authority = authority;
    return {};
}

DatabaseError EventStore::setPriorityMatrix(const PriorityMatrix &matrix)
{
    if (auto error = ReferenceRepository(m_database.connection(), m_database.path()).save(matrix))
        return error;
    m_matrix = matrix;
    return {};
}

bool EventStore::begin(DatabaseError *error)
{
    // IMMEDIATE takes the write lock now, so a concurrent writer waits on the busy
    // timeout here instead of failing half-way through.
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = fail(q);
    return false;
}

bool EventStore::commit(DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    *error = fail(q);
    rollback();
    return false;
}

void EventStore::rollback()
{
    QSqlQuery q(m_database.connection());
    q.exec(QStringLiteral("ROLLBACK"));
}

bool EventStore::readTail(Tail *tail, DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral(
            "SELECT key, value FROM meta WHERE key IN ('chain_head', 'hlc_high', 'next_number', 'revision_high', "
            "'numbering_authority')"))) {
        *error = fail(q);
        return false;
    }
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QLatin1StringView("chain_head"))
            tail->chainHash = q.value(1).toByteArray();
        else if (key == QLatin1StringView("hlc_high"))
            tail->hlc = HlcTimestamp::fromString(q.value(1).toString());
        else if (key == QLatin1StringView("revision_high"))
            tail->revision = q.value(1).toLongLong();
        else if (key == QLatin1StringView("numbering_authority"))
            // Another program on this file (the sync worker) may have made it a replica.
            m_authority = authorityFromName(q.value(1).toString());
        else
            tail->nextNumber = q.value(1).toLongLong();
    }
    return true;
}

bool EventStore::writeTail(const Tail &before, const Tail &after, DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    auto put = [&](const char *key, const QString &value) {
        q.bindValue(0, QString::fromLatin1(key));
        q.bindValue(1, value);
        if (q.exec())
            return true;
        *error = fail(q);
        return false;
    };
    if (after.chainHash != before.chainHash && !put("chain_head", QString::fromLatin1(after.chainHash)))
        return false;
    if (after.hlc != before.hlc && !put("hlc_high", after.hlc.toString()))
        return false;
    if (after.nextNumber != before.nextNumber && !put("next_number", QString::number(after.nextNumber)))
        return false;
    if (after.revision != before.revision && !put("revision_high", QString::number(after.revision)))
        return false;
    return true;
}

Event EventStore::makeEvent(const IncidentCommand &command, const Incident &current, qint64 occurredAt)
{
    Event e;
    e.id = createUuidV7(m_clock.nowMs());
    e.incidentId = command.action == IncidentAction::Open ? createUuidV7(occurredAt) : current.id;
    e.kind = eventKindOf(command.action);
    e.payload = command.payload;
    e.actor = command.actor.isEmpty() ? QStringLiteral("system") : command.actor;
    e.originNode = m_nodeId;
    e.hlc = m_hlc->now();
    e.occurredAt = occurredAt;

    QJsonObject &p = e.payload;
    switch (command.action) {
    case IncidentAction::Open:
        p.insert(QStringLiteral("priority"),
                 m_matrix.priorityFor(p.value(QStringLiteral("impact")).toInt(), p.value(QStringLiteral("urgency")).toInt()));
        if (p.value(QStringLiteral("reporter")).toString().isEmpty())
            p.insert(QStringLiteral("reporter"), e.actor);
        break;
    case IncidentAction::Prioritize: {
        const int impact = p.value(QStringLiteral("impact")).toInt(current.impact);
        const int urgency = p.value(QStringLiteral("urgency")).toInt(current.urgency);
        p.insert(QStringLiteral("impact"), impact);
        p.insert(QStringLiteral("urgency"), urgency);
        p.insert(QStringLiteral("priority"), m_matrix.priorityFor(impact, urgency));
        break;
    }
    case IncidentAction::Hold: p.insert(QStringLiteral("state"), toName(IncidentState::OnHold)); break;
    case IncidentAction::Resume: p.insert(QStringLiteral("state"), toName(IncidentState::InProgress)); break;
    case IncidentAction::Cancel: p.insert(QStringLiteral("state"), toName(IncidentState::Cancelled)); break;
    default: break;
    }
    return e;
}

QString EventStore::validateTime(const IncidentCommand &command, const Incident &current, qint64 occurredAt) const
{
    // Messages show times as the operator typed them: in local time.
    const auto local = formatLocalTime;
    if (occurredAt < EarliestPlausibleMs)
        return Text::tr("The time %1 is not plausible for an incident (before 2000)")
            .arg(QDateTime::fromMSecsSinceEpoch(occurredAt).toLocalTime().toString(Qt::ISODate));
    if (occurredAt > m_clock.nowMs() + FutureToleranceMs)
        return Text::tr("The time %1 is in the future").arg(local(occurredAt));
    if (command.action == IncidentAction::Open) {
        const qint64 started = command.payload.value(QStringLiteral("started_at")).toInteger(0);
        if (started && (started < EarliestPlausibleMs || started > occurredAt))
            return Text::tr("The start %1 must be before the report time %2")
                .arg(local(started), local(occurredAt));
        return {};
    }
    // A transition cannot be dated before the one it follows.
    qint64 notBefore = current.openedAt;
    QString since = Text::tr("was opened");
    switch (command.action) {
    case IncidentAction::Resolve:
        if (current.acknowledgedAt > notBefore) {
            notBefore = current.acknowledgedAt;
            since = Text::tr("was acknowledged");
        }
        break;
    case IncidentAction::Close:
    case IncidentAction::Reopen:
        if (current.resolvedAt > notBefore) {
            notBefore = current.resolvedAt;
            since = Text::tr("was resolved");
        }
        break;
    default: break;
    }
    if (occurredAt < notBefore)
        return Text::tr("The time %1 is before %2 %3 (%4)")
            .arg(local(occurredAt), current.number, since, local(notBefore));
    return {};
}

bool EventStore::ruleRecorded(const QString &incidentId, const QString &rule, bool *recorded, DatabaseError *error)
{
    SqliteStatement &q = *m_selectRule;
    q.bind(1, incidentId);
    q.bind(2, rule);
    bool ok = false;
    *recorded = q.step(&ok);
    if (!ok)
        *error = fail(q);
    q.reset();
    return ok;
}

CommandResult EventStore::execute(const IncidentCommand &command)
{
    using Status = CommandResult::Status;
    DatabaseError error;
    if (!begin(&error))
        return CommandResult::failure(Status::StorageError, error.message);

    auto abort = [this](Status status, const QString &message) {
        rollback();
        return CommandResult::failure(status, message);
    };

    Tail tail;
    if (!readTail(&tail, &error))
        return abort(Status::StorageError, error.message);
    m_hlc->observe(tail.hlc);

    Incident current;
    if (command.action != IncidentAction::Open) {
        IncidentRepository incidents(m_database.connection(), m_database.path());
        auto found = incidents.find(command.incident);
        if (incidents.lastError())
            return abort(Status::StorageError, incidents.lastError().message);
        if (!found)
            return abort(Status::NotFound, Text::tr("No incident %1").arg(command.incident));
        current = *found;
        // An automatic action carries the rule that produced it. The check runs under the
        // write lock, so two engines (a console and `sla tick`, or one before and after a
        // restart) racing on the same rule record it once.
        // Only the system's own rules count: a person's command cannot suppress one.
        const QString rule = command.payload.value(QStringLiteral("rule")).toString();
        if (!rule.isEmpty() && command.actor == QLatin1StringView("system")) {
            bool recorded = false;
            if (!ruleRecorded(current.id, rule, &recorded, &error))
                return abort(Status::StorageError, error.message);
            if (recorded)
                return abort(Status::AlreadyRecorded,
                    Text::tr("%1 already has an event for rule %2").arg(current.number, rule));
        }
        // A satisfaction score or a source's counts may be recorded after resolution.
        Event recordProbe;
        recordProbe.kind = eventKindOf(command.action);
        recordProbe.payload = command.payload;
        if (const QString refusal = refusalReason(current, command.action);
            !refusal.isEmpty() && !isRecordOnlyUpdate(recordProbe))
            return abort(Status::Refused, refusal);
    }

    // "Now" on a machine whose clock is behind the one that opened the incident must
    // not read as "before it was opened": an undated action happens no earlier than that.
    const qint64 occurredAt = command.occurredAt ? command.occurredAt : std::max(m_clock.nowMs(), current.openedAt);
    if (const QString bad = validateTime(command, current, occurredAt); !bad.isEmpty())
        return abort(Status::Invalid, bad);
    Event event = makeEvent(command, current, occurredAt);
    if (const QString bad = payloadError(event); !bad.isEmpty())
        return abort(Status::Invalid, bad);

    AppendResult appended;
    if (!appendInTransaction({ event }, &appended))
        return abort(Status::StorageError, appended.error.message);
    if (!commit(&error))
        return CommandResult::failure(Status::StorageError, error.message);

    CommandResult result;
    result.incident = appended.incidents.value(0);
    // Numbers are assigned inside the append; report the event as stored.
    if (event.kind == EventKind::Opened)
        event.payload.insert(QStringLiteral("number"), result.incident.number);
    result.event = event;
    return result;
}

AppendResult EventStore::append(const QList<Event> &events)
{
    AppendResult result;
    if (events.isEmpty())
        return result;
    if (!begin(&result.error))
        return result;
    if (!appendInTransaction(events, &result)) {
        rollback();
        result.appended = 0;
        result.incidents.clear();
        return result;
    }
    if (!commit(&result.error)) {
        result.appended = 0;
        result.incidents.clear();
    }
    return result;
}

bool EventStore::appendInTransaction(const QList<Event> &events, AppendResult *result)
{
    Tail before;
    if (!readTail(&before, &result->error))
        return false;
    Tail tail = before;

    const bool server = m_authority == NumberingAuthority::Server;
    QList<QString> order; // incidents in first-touched order
    QHash<QString, QList<Event>> byIncident;
    QSet<QString> claimedNumbers; // numbers given in this batch, not yet in the projection
    // The offered events, then the number events the server authors for them.
    QList<Event> work = events;
    const qsizetype offered = events.size();
    for (qsizetype index = 0; index < work.size(); ++index) {
        Event event = work.at(index);
        const bool authoredHere = index >= offered;
        if (const QString problem = event.formatError(); !problem.isEmpty()) {
            result->error = { DatabaseError::Kind::InvalidData, problem };
            return false;
        }
        const qint64 nextNumberBefore = tail.nextNumber;
        bool numberAssignedHere = false;
        if (event.kind == EventKind::Opened) {
            // A standalone database numbers what it opens, a replica gives a provisional
            // number until the server's arrives. The server never rewrites an open it is
            // offered: the number comes as an event of its own, so the open keeps its
            // content hash and a retried one is a duplicate, not a conflict.
            const QString number = event.payload.value(QStringLiteral("number")).toString();
            numberAssignedHere = number.isEmpty() && !server;
            if (numberAssignedHere)
                event.payload.insert(QStringLiteral("number"), m_authority == NumberingAuthority::Replica
                                                                   ? provisionalNumber(m_nodeId, tail.nextNumber++)
                                                                   : formatNumber(tail.nextNumber++));
            else if (const qint64 n = parseNumber(number); !server && n >= tail.nextNumber)
                tail.nextNumber = n + 1;
        }
        const qint64 revisionBefore = tail.revision;
        if (server)
            event.serverRevision = ++tail.revision;
        const QByteArray payloadJson = event.payloadJson();
        const QByteArray content = event.computeContentHash(payloadJson);
        const QByteArray chain = chainHash(tail.chainHash, content);
        SqliteStatement &q = *m_insertEvent;
        q.bind(1, event.id);
        q.bind(2, event.incidentId);
        q.bind(3, toName(event.kind));
        q.bind(4, payloadJson);
        q.bind(5, event.actor);
        q.bind(6, event.originNode);
        q.bind(7, event.hlc.toString());
        q.bind(8, event.occurredAt);
        if (event.serverRevision)
            q.bind(9, event.serverRevision);
        else
            q.bindNull(9);
        q.bind(10, content);
        q.bind(11, chain);
        bool ok = false;
        q.step(&ok);
        const int inserted = ok ? q.changes() : 0;
        q.reset();
        if (!ok) {
            result->error = fail(q);
            return false;
        }
        if (inserted == 0) {
            // Already stored (a retried sync): it must not consume a number or a revision.
            // The same id with other content is not a duplicate but a forgery or a
            // corruption (an unnumbered open differs from its stored copy only by the number).
            tail.nextNumber = nextNumberBefore;
            tail.revision = revisionBefore;
            SqliteStatement &stored = *m_selectContentHash;
            stored.bind(1, event.id);
            bool found = false;
            const bool hasRow = stored.step(&found);
            const QByteArray storedHash = hasRow ? stored.text(0).toLatin1() : QByteArray();
            stored.reset();
            if (hasRow && storedHash != content && !numberAssignedHere) {
                result->error = { DatabaseError::Kind::InvalidData,
                    Text::tr("Event %1 is already stored with different content").arg(event.id) };
                return false;
            }
            ++result->duplicates;
            if (server) {
                SqliteStatement &revision = *m_selectRevision;
                revision.bind(1, event.id);
                bool read = false;
                if (revision.step(&read))
                    result->revisions.insert(event.id, revision.int64(0));
                revision.reset();
            } else if (event.serverRevision && !recordRevision(event.id, event.serverRevision, &result->error)) {
                return false;
            }
            continue;
        }
        tail.chainHash = chain;
        if (tail.hlc < event.hlc)
            tail.hlc = event.hlc;
        ++result->appended;
        if (event.originNode != m_nodeId && m_hlc)
            m_hlc->observe(event.hlc);
        auto it = byIncident.find(event.incidentId);
        if (it == byIncident.end()) {
            order << event.incidentId;
            it = byIncident.insert(event.incidentId, {});
        }
        it->append(event);
        if (server) {
            result->revisions.insert(event.id, event.serverRevision);
            if (authoredHere)
                result->authored << event;
            if (event.kind == EventKind::Opened && !numberAssignedHere) {
                Event numbered;
                if (!numberEvent(event, &tail, &claimedNumbers, &numbered, &result->error))
                    return false;
                work << numbered;
            }
        }
    }
    // The head of the chain is kept apart from the rows, so that deleting the newest
    // events is as visible to `audit verify` as deleting older ones.
    if (!writeTail(before, tail, &result->error))
        return false;

    result->incidents.reserve(order.size());
    for (const QString &incidentId : std::as_const(order)) {
        Incident incident;
        if (!project(incidentId, byIncident.value(incidentId), &incident, &result->error))
            return false;
        result->incidents << incident;
    }
    return true;
}

bool EventStore::isAuthoritativeNumber(const QString &number)
{
    return number.size() >= 10 && parseNumber(number) > 0;
}

bool EventStore::numberEvent(const Event &opened, Tail *tail, QSet<QString> *claimed, Event *out, DatabaseError *error)
{
    auto taken = [&](const QString &number, bool *isTaken) {
        if (claimed->contains(number)) {
            *isTaken = true;
            return true;
        }
        SqliteStatement &q = *m_numberTaken;
        q.bind(1, number);
        q.bind(2, opened.incidentId);
        bool ok = false;
        *isTaken = q.step(&ok);
        q.reset();
        if (!ok)
            *error = fail(q);
        return ok;
    };
    // A real number the client already shows is kept when it is free (a console that ran
    // standalone before it joined), so people keep the numbers they have been quoting.
    QString number = opened.payload.value(QStringLiteral("number")).toString();
    bool isTaken = true;
    if (isAuthoritativeNumber(number) && !taken(number, &isTaken))
        return false;
    if (isTaken) {
        do {
            number = formatNumber(tail->nextNumber++);
            if (!taken(number, &isTaken))
                return false;
        } while (isTaken);
    } else if (const qint64 n = parseNumber(number); n >= tail->nextNumber) {
        tail->nextNumber = n + 1;
    }
    claimed->insert(number);
    *out = numberEventFor(opened, number, m_nodeId, *m_hlc, m_clock);
    return true;
}

bool EventStore::recordRevision(const QString &eventId, qint64 revision, DatabaseError *error)
{
    SqliteStatement &q = *m_recordRevision;
    q.bind(1, revision);
    q.bind(2, eventId);
    bool ok = false;
    q.step(&ok);
    q.reset();
    if (!ok)
        *error = fail(q);
    return ok;
}

bool EventStore::project(const QString &incidentId, const QList<Event> &newEvents, Incident *out,
                         DatabaseError *error)
{
    QList<Event> sorted = newEvents;
    std::sort(sorted.begin(), sorted.end(), foldsBefore);

    SqliteStatement &select = *m_selectIncident;
    select.bind(1, incidentId);
    bool ok = false;
    const bool hasRow = select.step(&ok);
    if (!ok) {
        *error = fail(select);
        select.reset();
        return false;
    }
    Incident incident;
    if (!hasRow) {
        // No row yet means no earlier event: the new ones are the whole history.
        select.reset();
        incident = foldEvents(sorted);
    } else {
        incident = rows::readIncident(select);
        select.reset();
        if (incident.lastHlc < sorted.first().hlc) {
            // The common case: new events come after everything folded so far.
            for (const Event &e : std::as_const(sorted))
                applyEvent(incident, e);
        } else {
            // A late arrival (merged from another replica): refold the whole history.
            QSqlQuery &q = *m_selectEvents;
            q.bindValue(0, incidentId);
            if (!q.exec()) {
                *error = fail(q);
                return false;
            }
            QList<Event> all;
            while (q.next())
                all << rows::readEvent(q);
            q.finish();
            incident = foldEvents(all);
        }
    }
    if (incident.id.isEmpty())
        incident.id = incidentId;

    SqliteStatement &upsert = *m_upsertIncident;
    rows::bindIncident(upsert, incident);
    upsert.step(&ok);
    if (!ok) {
        *error = fail(upsert);
        upsert.reset();
        return false;
    }
    upsert.reset();
    *out = incident;
    return true;
}

} // namespace nocturne::core
