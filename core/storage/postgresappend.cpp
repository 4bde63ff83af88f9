// PostgresServerStore::appendEvents: the write path. One transaction per batch under an
// advisory lock; each step reads or writes the whole batch in one statement (arrays bound
// as single values), so a batch of 500 costs a handful of round trips, not thousands.
#include "../domain/clock.h"
#include "../domain/incidentfold.h"
#include "../domain/uuid7.h"
#include "eventstore.h"
#include "postgresserverstore.h"
#include "postgressql.h"
#include "rowmapping.h"
#include "serverpolicy.h"

#include <QSet>
#include <QSqlError>

#include <algorithm>

namespace nocturne::core {

namespace {

QString formatNumber(qint64 n)
{
    return QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0'));
}

qint64 parseNumber(const QString &number)
{
    if (!number.startsWith(QLatin1StringView("INC")))
        return 0;
    bool ok = false;
    const qint64 n = QStringView(number).mid(3).toLongLong(&ok);
    return ok ? n : 0;
}

const QString NumberKey = QStringLiteral("number");

} // namespace

struct PostgresServerStore::Batch
{
    const QList<Event> &offered;
    const Principal &by;
    Tail before;
    Tail tail;
    // What the database holds for the batch, read once under the lock.
    QHash<QString, std::pair<QByteArray, qint64>> stored; // event id → content hash, revision
    QSet<QString> knownIncidents;
    QSet<QString> checkedNumbers; // looked up in the projection
    QHash<QString, QStringList> numberHolders; // number → incidents showing it
    QSet<QString> claimedNumbers; // given in this batch
    QList<Event> written; // in revision order: the accepted events, then the number events
    QList<QString> touched; // incidents in first-touched order
    QHash<QString, QList<Event>> byIncident;
};

BatchResult PostgresServerStore::appendEvents(const QList<Event> &events, const Principal &by)
{
    BatchResult result;
    if (!ensureConnected(&result.error))
        return result;
    if (events.isEmpty()) {
        result.headRevision = headRevision(&result.error).value_or(0);
        return result;
    }
    Batch batch { events, by, {}, {}, {}, {}, {}, {}, {}, {}, {}, {} };
    if (!m_db.transaction()) {
        result.error = fail(m_db.lastError());
        return result;
    }
    if (!appendInTransaction(batch, &result) || !m_db.commit()) {
        // Nothing of the batch is kept, whatever step failed.
        if (!result.error)
            result.error = fail(m_db.lastError());
        m_db.rollback();
        result.outcomes.clear();
        result.headRevision = 0;
        return result;
    }
    result.headRevision = batch.tail.revision;
    return result;
}

bool PostgresServerStore::readTail(Tail *tail, DatabaseError *error)
{
    QSqlQuery *q = prepared(
        QStringLiteral("SELECT key, value FROM meta WHERE key IN ('chain_head', 'hlc_high', "
                       "'next_number', 'revision_high')"),
        error);
    if (!q || !run(q, {}, error))
        return false;
    while (q->next()) {
        const QString key = q->value(0).toString();
        if (key == QLatin1StringView("chain_head"))
            tail->chainHash = q->value(1).toString().toLatin1();
        else if (key == QLatin1StringView("hlc_high"))
            tail->hlc = HlcTimestamp::fromString(q->value(1).toString());
        else if (key == QLatin1StringView("revision_high"))
            tail->revision = q->value(1).toLongLong();
        else
            tail->nextNumber = q->value(1).toLongLong();
    }
    q->finish();
    return true;
}

bool PostgresServerStore::writeTail(const Tail &tail, DatabaseError *error)
{
    // The head of the chain is kept apart from the rows, so that deleting the newest
    // events is as visible to an audit as deleting older ones.
    QSqlQuery *q = prepared(
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('chain_head', ?), ('hlc_high', ?), "
                       "('next_number', ?), ('revision_high', ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        error);
    return q
        && run(q,
            { QString::fromLatin1(tail.chainHash), tail.hlc.toString(),
                QString::number(tail.nextNumber), QString::number(tail.revision) },
            error);
}

bool PostgresServerStore::screen(Batch &batch, DatabaseError *error)
{
    QStringList ids;
    QSet<QString> incidents;
    for (const Event &event : batch.offered) {
        ids << event.id;
        incidents.insert(event.incidentId);
    }
    QSqlQuery *stored = prepared(
        QStringLiteral("SELECT id, content_hash, revision FROM events WHERE id = ANY(?::text[])"),
        error);
    if (!stored || !run(stored, { postgres::textArray(ids) }, error))
        return false;
    while (stored->next())
        batch.stored.insert(stored->value(0).toString(),
            { stored->value(1).toString().toLatin1(), stored->value(2).toLongLong() });
    stored->finish();

    QSqlQuery *known
        = prepared(QStringLiteral("SELECT id FROM incidents WHERE id = ANY(?::text[])"), error);
    if (!known || !run(known, { postgres::textArray(incidents.values()) }, error))
        return false;
    while (known->next())
        batch.knownIncidents.insert(known->value(0).toString());
    known->finish();
    return true;
}

bool PostgresServerStore::takenNumbers(Batch &batch, DatabaseError *error)
{
    // The numbers the opened events propose, and as many fresh ones as they could need:
    // one look-up for the whole batch in the common case.
    QStringList numbers;
    qint64 opened = 0;
    for (const Event &event : batch.offered) {
        if (event.kind != EventKind::Opened)
            continue;
        ++opened;
        if (const QString number = event.payload.value(NumberKey).toString();
            EventStore::isAuthoritativeNumber(number))
            numbers << number;
    }
    if (opened == 0)
        return true;
    for (qint64 n = batch.tail.nextNumber; n < batch.tail.nextNumber + 2 * opened + 8; ++n)
        numbers << formatNumber(n);
    QSqlQuery *q = prepared(
        QStringLiteral("SELECT number, id FROM incidents WHERE number = ANY(?::text[])"), error);
    if (!q || !run(q, { postgres::textArray(numbers) }, error))
        return false;
    while (q->next())
        batch.numberHolders[q->value(0).toString()] << q->value(1).toString();
    q->finish();
    batch.checkedNumbers = QSet<QString>(numbers.cbegin(), numbers.cend());
    return true;
}

QString PostgresServerStore::numberFor(const Event &opened, Batch &batch, DatabaseError *error)
{
    auto taken = [&](const QString &number, bool *isTaken) {
        if (batch.claimedNumbers.contains(number)) {
            *isTaken = true;
            return true;
        }
        if (batch.checkedNumbers.contains(number)) {
            const QStringList holders = batch.numberHolders.value(number);
            *isTaken = std::any_of(holders.cbegin(), holders.cend(),
                [&](const QString &id) { return id != opened.incidentId; });
            return true;
        }
        QSqlQuery *q = prepared(
            QStringLiteral("SELECT 1 FROM incidents WHERE number = ? AND id <> ? LIMIT 1"), error);
        if (!q || !run(q, { number, opened.incidentId }, error))
            return false;
        *isTaken = q->next();
        q->finish();
        return true;
    };
    // A real number the client already shows is kept when it is free (a console that ran
    // standalone before it joined), so people keep the numbers they have been quoting.
    QString number = opened.payload.value(NumberKey).toString();
    bool isTaken = true;
    if (EventStore::isAuthoritativeNumber(number) && !taken(number, &isTaken))
        return {};
    if (isTaken) {
        do {
            number = formatNumber(batch.tail.nextNumber++);
            if (!taken(number, &isTaken))
                return {};
        } while (isTaken);
    } else if (const qint64 n = parseNumber(number); n >= batch.tail.nextNumber) {
        batch.tail.nextNumber = n + 1;
    }
    batch.claimedNumbers.insert(number);
    return number;
}

bool PostgresServerStore::appendInTransaction(Batch &batch, BatchResult *result)
{
    DatabaseError &error = result->error;
    // The batch's statements are prepared once per connection, often while the tables are
    // still small; a generic plan cached then keeps scanning whole tables once they have
    // grown, comparing every row with every element of the batch's arrays. Within this
    // transaction each execution is planned for its own arrays instead: planning costs far
    // less than such a scan. The read paths keep their cached plans.
    QSqlQuery *lock
        = prepared(QStringLiteral("SELECT pg_advisory_xact_lock(?), "
                                  "set_config('plan_cache_mode', 'force_custom_plan', true)"),
            &error);
    if (!lock || !run(lock, { postgres::AppendLockKey }, &error))
        return false;
    lock->finish();
    if (!readTail(&batch.before, &error))
        return false;
    batch.tail = batch.before;
    m_hlc->observe(batch.tail.hlc);
    if (!screen(batch, &error) || !takenNumbers(batch, &error))
        return false;

    // Offered ids accepted earlier in this batch: offered index, revision. An id offered
    // twice is a duplicate of its first copy, or a conflict when the content differs.
    QHash<QString, std::pair<qsizetype, qint64>> earlierInBatch;
    QSet<QString> openedInBatch;
    QList<Event> numberEvents;
    for (qsizetype index = 0; index < batch.offered.size(); ++index) {
        const Event &offered = batch.offered.at(index);
        StoredFacts facts;
        qint64 storedRevision = 0;
        if (auto it = batch.stored.constFind(offered.id); it != batch.stored.constEnd())
            std::tie(facts.storedContentHash, storedRevision) = *it;
        else if (auto again = earlierInBatch.constFind(offered.id);
                 again != earlierInBatch.constEnd()) {
            facts.storedContentHash = batch.offered.at(again->first).computeContentHash();
            storedRevision = again->second;
        }
        facts.incidentKnown = batch.knownIncidents.contains(offered.incidentId)
            || openedInBatch.contains(offered.incidentId);
        if (auto refusal = refusalOf(offered, batch.by, m_nodeId, facts)) {
            result->outcomes << *refusal;
            continue;
        }
        EventOutcome outcome;
        outcome.eventId = offered.id;
        if (!facts.storedContentHash.isEmpty()) {
            outcome.status = EventOutcome::Status::Duplicate;
            outcome.revision = storedRevision;
            result->outcomes << outcome;
            continue;
        }
        if (const QString problem = offered.formatError(); !problem.isEmpty()) {
            error = { DatabaseError::Kind::InvalidData, problem };
            return false;
        }
        // An open is stored as offered (its content hash must not change, or a retry
        // would read as a conflict); its number, even a first one, is an event of its own.
        Event event = offered;
        event.serverRevision = ++batch.tail.revision;
        earlierInBatch.insert(offered.id, { index, event.serverRevision });
        if (event.originNode != m_nodeId)
            m_hlc->observe(event.hlc);
        if (event.kind == EventKind::Opened) {
            openedInBatch.insert(event.incidentId);
            const QString number = numberFor(event, batch, &error);
            if (number.isEmpty())
                return false;
            numberEvents << numberEventFor(event, number, m_nodeId, *m_hlc, m_clock);
        }
        outcome.status = EventOutcome::Status::Accepted;
        outcome.revision = event.serverRevision;
        result->outcomes << outcome;
        batch.written << event;
    }
    // As in the SQLite store: the server's number events follow the offered ones.
    for (Event &numbered : numberEvents) {
        numbered.serverRevision = ++batch.tail.revision;
        batch.written << numbered;
    }
    if (batch.written.isEmpty())
        return true; // only duplicates and refusals: nothing to write

    for (const Event &event : std::as_const(batch.written)) {
        if (batch.tail.hlc < event.hlc)
            batch.tail.hlc = event.hlc;
        auto it = batch.byIncident.find(event.incidentId);
        if (it == batch.byIncident.end()) {
            batch.touched << event.incidentId;
            it = batch.byIncident.insert(event.incidentId, {});
        }
        it->append(event);
    }
    return insertEvents(batch.written, batch, &error) && writeTail(batch.tail, &error)
        && project(batch, &error);
}

bool PostgresServerStore::insertEvents(
    const QList<Event> &events, Batch &batch, DatabaseError *error)
{
    postgres::ArrayLiteral revision, id, incident, kind, payload, actor, origin, hlc, occurred,
        content, chain;
    for (const Event &event : events) {
        const QByteArray payloadJson = event.payloadJson();
        const QByteArray contentHash = event.computeContentHash(payloadJson);
        batch.tail.chainHash = chainHash(batch.tail.chainHash, contentHash);
        revision.add(event.serverRevision);
        id.add(event.id);
        incident.add(event.incidentId);
        kind.add(toName(event.kind));
        payload.add(QString::fromUtf8(payloadJson));
        actor.add(event.actor);
        origin.add(event.originNode);
        hlc.add(event.hlc.toString());
        occurred.add(event.occurredAt);
        content.add(QString::fromLatin1(contentHash));
        chain.add(QString::fromLatin1(batch.tail.chainHash));
    }
    QSqlQuery *q = prepared(
        QStringLiteral(
            "INSERT INTO events (revision, id, incident_id, kind, payload, actor, origin_node, "
            "hlc, occurred_at, "
            "content_hash, chain_hash) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], "
            "?::text[], "
            "?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])"),
        error);
    return q
        && run(q,
            { revision.text(), id.text(), incident.text(), kind.text(), payload.text(),
                actor.text(), origin.text(), hlc.text(), occurred.text(), content.text(),
                chain.text() },
            error);
}

bool PostgresServerStore::project(Batch &batch, DatabaseError *error)
{
    QSqlQuery *select = prepared(QStringLiteral("SELECT ") + rows::incidentColumns()
            + QStringLiteral(" FROM incidents WHERE id = ANY(?::text[])"),
        error);
    if (!select || !run(select, { postgres::textArray(batch.touched) }, error))
        return false;
    QHash<QString, Incident> current;
    while (select->next()) {
        Incident incident = rows::readIncident(*select);
        current.insert(incident.id, incident);
    }
    select->finish();

    QHash<QString, Incident> folded;
    QStringList refold;
    for (const QString &incidentId : std::as_const(batch.touched)) {
        QList<Event> sorted = batch.byIncident.value(incidentId);
        std::sort(sorted.begin(), sorted.end(), foldsBefore);
        const auto found = current.constFind(incidentId);
        if (found == current.constEnd()) {
            // No row yet means no earlier event: the new ones are the whole history.
            folded.insert(incidentId, foldEvents(sorted));
        } else if (found->lastHlc < sorted.first().hlc) {
            // The common case: the new events come after everything folded so far.
            Incident incident = *found;
            for (const Event &event : std::as_const(sorted))
                applyEvent(incident, event);
            folded.insert(incidentId, incident);
        } else {
            refold << incidentId; // a late arrival from a replica: fold the whole history
        }
    }
    if (!refold.isEmpty()) {
        QSqlQuery *history = prepared(QStringLiteral("SELECT ") + postgres::eventColumns()
                + QStringLiteral(" FROM events WHERE incident_id = ANY(?::text[])"),
            error);
        if (!history || !run(history, { postgres::textArray(refold) }, error))
            return false;
        QHash<QString, QList<Event>> all;
        while (history->next()) {
            Event event = rows::readEvent(*history);
            all[event.incidentId] << event;
        }
        history->finish();
        for (const QString &incidentId : std::as_const(refold))
            folded.insert(incidentId, foldEvents(all.value(incidentId)));
    }

    postgres::IncidentArrays arrays;
    for (const QString &incidentId : std::as_const(batch.touched)) {
        Incident incident = folded.value(incidentId);
        if (incident.id.isEmpty())
            incident.id = incidentId;
        arrays.add(incident);
    }
    static const QString upsertSql = []() -> QString {
        QStringList assignments;
        for (const QString &column : rows::incidentColumns().split(QLatin1Char(','))) {
            const QString name = column.trimmed();
            if (name != QLatin1StringView("id"))
                assignments << name + QStringLiteral(" = excluded.") + name;
        }
        return QStringLiteral("INSERT INTO incidents (") + rows::incidentColumns()
            + QStringLiteral(") SELECT * FROM ") + postgres::IncidentArrays::unnestSql()
            + QStringLiteral(" ON CONFLICT (id) DO UPDATE SET ")
            + assignments.join(QStringLiteral(", "));
    }();
    QSqlQuery *upsert = prepared(upsertSql, error);
    if (!upsert)
        return false;
    QVariantList values;
    for (const QString &column : arrays.values())
        values << column;
    return run(upsert, values, error);
}

} // namespace nocturne::core
