#include "postgresserverstore.h"

#include "../domain/clock.h"
#include "postgressql.h"
#include "rowmapping.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace nocturne::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostgresServerStore", text);
}

const QString Driver = QStringLiteral("QPSQL");
constexpr int DefaultPort = 5432;

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("nocturne-postgres-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

PostgresServerStore::PostgresServerStore(const Clock &clock)
    : m_clock(clock)
    , m_connectionName(uniqueConnectionName())
{ }

PostgresServerStore::~PostgresServerStore()
{
    // Every query must be gone before the connection is removed.
    m_queries.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<ServerStore> PostgresServerStore::open(
    const QString &url, const Clock &clock, bool createIfMissing, DatabaseError *error)
{
    std::unique_ptr<PostgresServerStore> store(new PostgresServerStore(clock));
    store->m_url = url;
    DatabaseError failure = store->connect(createIfMissing);
    if (!failure)
        failure = postgres::migrate(store->m_db, store->m_server, createIfMissing);
    if (!failure)
        failure = store->initialise();
    if (failure) {
        *error = failure;
        return nullptr;
    }
    return store;
}

DatabaseError PostgresServerStore::connect(bool createIfMissing)
{
    const QUrl url(m_url, QUrl::StrictMode);
    const QString name = url.path().mid(1);
    const int port = url.port(DefaultPort);
    m_server = QStringLiteral("%1%2:%3/%4")
                   .arg(url.userName().isEmpty() ? QString() : url.userName() + QLatin1Char('@'),
                       url.host().isEmpty() ? QStringLiteral("localhost") : url.host())
                   .arg(port)
                   .arg(name);
    if (!url.isValid() || name.isEmpty() || name.contains(QLatin1Char('/')))
        return { DatabaseError::Kind::Missing,
            tr("%1 is not a PostgreSQL URL of the form "
               "postgresql://user[:password]@host[:port]/database")
                .arg(url.toDisplayString(QUrl::RemovePassword)) };
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return { DatabaseError::Kind::Missing,
            tr("The PostgreSQL driver of Qt (QPSQL, package libqt6sql6-psql) is not installed.") };

    m_db = QSqlDatabase::addDatabase(Driver, m_connectionName);
    if (!url.host().isEmpty())
        m_db.setHostName(url.host());
    m_db.setPort(port);
    m_db.setDatabaseName(name);
    m_db.setUserName(url.userName(QUrl::FullyDecoded));
    m_db.setPassword(url.password(QUrl::FullyDecoded));
    // Query items are libpq connection options (sslmode, connect_timeout, …).
    QStringList options { QStringLiteral("application_name=nocturne") };
    bool timeoutGiven = false;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        options << key + QLatin1Char('=') + value;
        timeoutGiven = timeoutGiven || key == QLatin1StringView("connect_timeout");
    }
    if (!timeoutGiven)
        options << QStringLiteral("connect_timeout=10");
    m_db.setConnectOptions(options.join(QLatin1Char(';')));

    if (m_db.open())
        return {};
    const QString detail = m_db.lastError().databaseText().trimmed();
    if (detail.contains(QLatin1StringView("does not exist"))
        && detail.contains(QLatin1StringView("database"))) {
        if (!createIfMissing)
            return { DatabaseError::Kind::Missing,
                tr("The PostgreSQL database %1 does not exist. Create it (createdb %2) or let "
                   "nocturne-server "
                   "create it.")
                    .arg(m_server, name) };
        if (auto failure = createDatabase())
            return failure;
        if (m_db.open())
            return {};
    }
    return { DatabaseError::Kind::Io,
        tr("Cannot connect to the PostgreSQL server %1: %2")
            .arg(m_server, m_db.lastError().databaseText().trimmed()) };
}

DatabaseError PostgresServerStore::createDatabase()
{
    // CREATE DATABASE runs from the maintenance database and takes no bound parameters:
    // the name is quoted as an identifier, with quotes doubled.
    const QString maintenance = m_connectionName + QStringLiteral("-create");
    DatabaseError failure;
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db, maintenance);
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            failure = { DatabaseError::Kind::Missing,
                tr("The PostgreSQL database %1 does not exist and cannot be "
                   "created: %2")
                    .arg(m_server, db.lastError().databaseText().trimmed()) };
        } else {
            QString identifier = m_db.databaseName();
            identifier.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            QSqlQuery q(db);
            // Another instance may create it at the same moment: that is success too.
            if (!q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(identifier))
                && q.lastError().nativeErrorCode() != QLatin1StringView("42P04"))
                failure = { DatabaseError::Kind::Missing,
                    tr("The PostgreSQL database %1 does not exist and cannot be created: %2")
                        .arg(m_server, q.lastError().databaseText().trimmed()) };
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(maintenance);
    return failure;
}

DatabaseError PostgresServerStore::initialise()
{
    DatabaseError error;
    // Whoever inserts first gives the database its node id; every instance reads it back.
    QSqlQuery *insert = prepared(
        QStringLiteral(
            "INSERT INTO meta (key, value) VALUES ('node_id', ?) ON CONFLICT DO NOTHING"),
        &error);
    const QString candidate = QStringLiteral("n%1").arg(
        QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    if (!insert || !run(insert, { candidate }, &error))
        return error;
    QSqlQuery *select
        = prepared(QStringLiteral("SELECT value FROM meta WHERE key = 'node_id'"), &error);
    if (!select || !run(select, {}, &error))
        return error;
    if (!select->next())
        return { DatabaseError::Kind::Corrupt,
            tr("The PostgreSQL database %1 has no node id").arg(m_server) };
    m_nodeId = select->value(0).toString();
    select->finish();
    m_hlc = std::make_unique<HybridLogicalClock>(m_clock, m_nodeId);
    return {};
}

bool PostgresServerStore::ensureConnected(DatabaseError *error)
{
    if (!m_connectionLost)
        return true;
    m_queries.clear(); // prepared statements belong to the lost session
    m_db.close();
    if (!m_db.open()) {
        *error = { DatabaseError::Kind::Io,
            tr("Cannot connect to the PostgreSQL server %1: %2")
                .arg(m_server, m_db.lastError().databaseText().trimmed()) };
        return false;
    }
    m_connectionLost = false;
    return true;
}

DatabaseError PostgresServerStore::fail(const QSqlError &sqlError)
{
    if (postgres::isConnectionLost(sqlError))
        m_connectionLost = true;
    return postgres::classify(m_server, sqlError);
}

QSqlQuery *PostgresServerStore::prepared(const QString &sql, DatabaseError *error)
{
    if (auto found = m_queries.constFind(sql); found != m_queries.constEnd())
        return found->get();
    auto q = std::make_shared<QSqlQuery>(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        *error = fail(*q);
        return nullptr;
    }
    m_queries.insert(sql, q);
    return q.get();
}

bool PostgresServerStore::run(QSqlQuery *q, const QVariantList &values, DatabaseError *error)
{
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (q->exec())
        return true;
    *error = fail(*q);
    return false;
}

bool PostgresServerStore::isHealthy()
{
    DatabaseError error;
    if (!ensureConnected(&error))
        return false;
    QSqlQuery *q = prepared(QStringLiteral("SELECT 1"), &error);
    const bool ok = q && run(q, {}, &error) && q->next();
    if (q)
        q->finish();
    return ok;
}

std::optional<EventPage> PostgresServerStore::eventsSince(
    qint64 since, int limit, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q = prepared(QStringLiteral("SELECT ") + postgres::eventColumns()
            + QStringLiteral(" FROM events WHERE revision > ? ORDER BY revision LIMIT ?"),
        error);
    // One more than asked tells whether another page follows.
    if (!q || !run(q, { since, qint64(limit) + 1 }, error))
        return std::nullopt;
    EventPage page;
    page.nextSince = since;
    while (q->next()) {
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        Event event = rows::readEvent(*q);
        page.nextSince = event.serverRevision;
        page.events << std::move(event);
    }
    q->finish();
    return page;
}

std::optional<qint64> PostgresServerStore::headRevision(DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q
        = prepared(QStringLiteral("SELECT value FROM meta WHERE key = 'revision_high'"), error);
    if (!q || !run(q, {}, error))
        return std::nullopt;
    const qint64 head = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return head;
}

std::optional<IncidentPage> PostgresServerStore::incidents(
    const IncidentQuery &query, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    // The clause is built from fixed fragments; values travel only as bound parameters.
    // The scopes are literal so that the planner matches the partial index of open ones.
    QStringList conditions { QStringLiteral("opened_at > 0") };
    QVariantList binds;
    if (!query.state.isEmpty()) {
        if (const auto state = incidentStateFromName(query.state)) {
            conditions << QStringLiteral("state = ?");
            binds << toName(*state);
        }
    } else if (query.scope == IncidentQuery::Scope::Open) {
        conditions << QStringLiteral("state IN ('new', 'in_progress', 'on_hold')");
    } else if (query.scope == IncidentQuery::Scope::Resolved) {
        conditions << QStringLiteral("state IN ('resolved', 'closed', 'cancelled')");
    }
    if (query.priority) {
        conditions << QStringLiteral("priority = ?");
        binds << qint64(query.priority);
    }
    const std::pair<const QString *, const char *> exact[] = {
        { &query.assignee, "assignee = ?" },
        { &query.group, "assignment_group = ?" },
        { &query.service, "service = ?" },
        { &query.site, "site = ?" },
    };
    for (const auto &[value, condition] : exact) {
        if (!value->isEmpty()) {
            conditions << QString::fromLatin1(condition);
            binds << *value;
        }
    }
    if (query.updatedSinceMs) {
        conditions << QStringLiteral("updated_at >= ?");
        binds << query.updatedSinceMs;
    }
    const QString where
        = QStringLiteral(" FROM incidents WHERE ") + conditions.join(QStringLiteral(" AND "));

    QString listSql = QStringLiteral("SELECT ") + rows::incidentColumns() + where
        + QStringLiteral(" ORDER BY priority, opened_at, id");
    QVariantList listBinds = binds;
    if (query.limit > 0) {
        listSql += QStringLiteral(" LIMIT ? OFFSET ?");
        listBinds << qint64(query.limit) << qint64(query.offset);
    }
    QSqlQuery *list = prepared(listSql, error);
    if (!list || !run(list, listBinds, error))
        return std::nullopt;
    IncidentPage page;
    while (list->next())
        page.incidents << rows::readIncident(*list);
    list->finish();

    QSqlQuery *count = prepared(
        QStringLiteral("SELECT count(*), (SELECT value FROM meta WHERE key = 'revision_high')")
            + where,
        error);
    if (!count || !run(count, binds, error) || !count->next()) {
        if (count && !error->isError())
            *error = fail(*count);
        return std::nullopt;
    }
    page.total = count->value(0).toLongLong();
    page.headRevision = count->value(1).toLongLong();
    count->finish();
    return page;
}

std::optional<Incident> PostgresServerStore::incident(
    const QString &idOrNumber, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    // Numbers may briefly repeat while replicas merge: the id wins, then the oldest.
    QSqlQuery *q = prepared(QStringLiteral("SELECT ") + rows::incidentColumns()
            + QStringLiteral(" FROM incidents WHERE (id = ? OR number = ?) AND opened_at > 0 "
                             "ORDER BY (id = ?) DESC, opened_at, id LIMIT 1"),
        error);
    if (!q || !run(q, { idOrNumber, idOrNumber.toUpper(), idOrNumber }, error))
        return std::nullopt;
    std::optional<Incident> found;
    if (q->next())
        found = rows::readIncident(*q);
    q->finish();
    return found;
}

std::optional<QList<Event>> PostgresServerStore::incidentEvents(
    const QString &incidentId, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q = prepared(QStringLiteral("SELECT ") + postgres::eventColumns()
            + QStringLiteral(" FROM events WHERE incident_id = ? ORDER BY hlc, id"),
        error);
    if (!q || !run(q, { incidentId }, error))
        return std::nullopt;
    QList<Event> events;
    while (q->next())
        events << rows::readEvent(*q);
    q->finish();
    std::sort(events.begin(), events.end(), foldsBefore);
    return events;
}

std::optional<qint64> PostgresServerStore::eventCount(DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    // Revisions run from 1 without gaps and events are never deleted: the highest is
    // the count, read from the primary key instead of a scan.
    QSqlQuery *q = prepared(QStringLiteral("SELECT coalesce(max(revision), 0) FROM events"), error);
    if (!q || !run(q, {}, error) || !q->next())
        return std::nullopt;
    const qint64 count = q->value(0).toLongLong();
    q->finish();
    return count;
}

} // namespace nocturne::core
