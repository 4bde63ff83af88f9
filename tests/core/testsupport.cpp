#include "testsupport.h"

#include "core/domain/labels.h"
#include "core/domain/prioritymatrix.h"
#include "core/domain/uuid7.h"
#include "core/domain/incidentfold.h"
#include "core/storage/incidentrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <sqlite3.h>

void PrintTo(const QString &text, std::ostream *os) { *os << '"' << text.toStdString() << '"'; }
void PrintTo(const QByteArray &bytes, std::ostream *os) { *os << '"' << bytes.toStdString() << '"'; }
void PrintTo(const QStringList &list, std::ostream *os)
{
    *os << '[' << list.join(QStringLiteral(", ")).toStdString() << ']';
}

namespace nocturne::core {

void PrintTo(const HlcTimestamp &ts, std::ostream *os) { *os << ts.toString().toStdString(); }

void PrintTo(IncidentState state, std::ostream *os) { *os << toName(state).toStdString(); }

void PrintTo(IncidentAction action, std::ostream *os) { *os << actionLabel(action).toStdString(); }

void PrintTo(DatabaseError::Kind kind, std::ostream *os)
{
    static const char *const names[] = { "None", "Missing", "NotInitialised", "Locked", "ReadOnly",
                                         "NewerSchema", "Corrupt", "Io" };
    *os << names[int(kind)];
}

void PrintTo(const Incident &i, std::ostream *os)
{
    *os << "Incident{id=" << i.id.toStdString() << " number=" << i.number.toStdString()
        << " title=" << i.title.toStdString() << " state=" << toName(i.state).toStdString()
        << " hold=" << toName(i.holdReason).toStdString() << " p=" << i.priority << " (" << i.impact << '/'
        << i.urgency << ") group=" << i.assignmentGroup.toStdString() << " assignee=" << i.assignee.toStdString()
        << " opened=" << i.openedAt << " ack=" << i.acknowledgedAt << " resolved=" << i.resolvedAt
        << " closed=" << i.closedAt << " updated=" << i.updatedAt << " code=" << i.resolutionCode.toStdString()
        << " workaround=" << i.workaround.toStdString() << " tags=" << i.tags.join(QLatin1Char(',')).toStdString()
        << " reassign=" << i.reassignmentCount << " reopen=" << i.reopenCount << " escal=" << i.escalationCount
        << " flagged=" << i.flaggedEventIds.size() << " events=" << i.eventCount
        << " lastHlc=" << i.lastHlc.toString().toStdString() << '}';
}

} // namespace nocturne::core

namespace nocturne::core::test {

QJsonObject openPayload(const QString &title, int impact, int urgency)
{
    return {
        { QStringLiteral("title"), title },
        { QStringLiteral("domain"), QStringLiteral("warehouse") },
        { QStringLiteral("service"), QStringLiteral("Sortation") },
        { QStringLiteral("ci"), QStringLiteral("SORTER-DC1-01") },
        { QStringLiteral("site"), QStringLiteral("DC1 Rotterdam") },
        { QStringLiteral("impact"), impact },
        { QStringLiteral("urgency"), urgency },
        { QStringLiteral("priority"), PriorityMatrix().priorityFor(impact, urgency) },
        { QStringLiteral("channel"), QStringLiteral("monitoring") },
    };
}

Event makeEvent(IncidentAction action, const QString &incidentId, const HlcTimestamp &hlc, qint64 occurredAt,
                QJsonObject payload, const QString &actor)
{
    static quint64 counter = 0;
    ++counter;
    Event e;
    e.id = createUuidV7(hlc.wallMs, counter * 0x9e3779b97f4a7c15ULL, counter);
    e.incidentId = incidentId;
    e.kind = eventKindOf(action);
    switch (action) {
    case IncidentAction::Hold: payload.insert(QStringLiteral("state"), QStringLiteral("on_hold")); break;
    case IncidentAction::Resume: payload.insert(QStringLiteral("state"), QStringLiteral("in_progress")); break;
    case IncidentAction::Cancel: payload.insert(QStringLiteral("state"), QStringLiteral("cancelled")); break;
    case IncidentAction::Invalid: payload.insert(QStringLiteral("state"), QStringLiteral("resolved")); break;
    default: break;
    }
    e.payload = payload;
    e.actor = actor;
    e.originNode = hlc.node;
    e.hlc = hlc;
    e.occurredAt = occurredAt;
    return e;
}

namespace {

struct SimNode
{
    QString name;
    FakeClock clock;
    HybridLogicalClock hlc;
    QList<Event> known;
    QSet<QString> knownIds;

    SimNode(QString n, qint64 start) : name(std::move(n)), clock(start), hlc(clock, name) { }
};

template<typename T, std::size_t N>
const T &pickFrom(std::mt19937_64 &rng, const T (&items)[N])
{
    return items[rng() % N];
}

QJsonObject randomPayload(IncidentAction action, std::mt19937_64 &rng)
{
    static const QString groups[] = { QStringLiteral("Warehouse Ops"), QStringLiteral("Retail Web"),
                                      QStringLiteral("Payments"), QStringLiteral("Service Desk") };
    static const QString people[] = { QStringLiteral("ana"), QStringLiteral("ben"), QStringLiteral("chen"),
                                      QStringLiteral("dara"), QString() };
    static const QString reasons[] = { QStringLiteral("awaiting_caller"), QStringLiteral("awaiting_vendor"),
                                       QStringLiteral("awaiting_change"), QStringLiteral("awaiting_problem") };
    static const QString codes[] = { QStringLiteral("fixed"), QStringLiteral("workaround"),
                                     QStringLiteral("vendor_fix"), QStringLiteral("no_fault_found") };
    switch (action) {
    case IncidentAction::Assign: {
        QJsonObject p;
        if (rng() % 3 != 0)
            p.insert(QStringLiteral("group"), pickFrom(rng, groups));
        const QString person = pickFrom(rng, people);
        if (!person.isEmpty() || p.isEmpty())
            p.insert(QStringLiteral("assignee"), person.isEmpty() ? QStringLiteral("ana") : person);
        return p;
    }
    case IncidentAction::Prioritize: {
        const int impact = int(rng() % 3) + 1, urgency = int(rng() % 3) + 1;
        return { { QStringLiteral("impact"), impact },
                 { QStringLiteral("urgency"), urgency },
                 { QStringLiteral("priority"), PriorityMatrix().priorityFor(impact, urgency) } };
    }
    case IncidentAction::Hold: return { { QStringLiteral("hold_reason"), pickFrom(rng, reasons) } };
    case IncidentAction::Cancel: return { { QStringLiteral("reason"), QStringLiteral("duplicate") } };
    case IncidentAction::Resolve:
        return { { QStringLiteral("code"), pickFrom(rng, codes) },
                 { QStringLiteral("notes"), QStringLiteral("notes %1").arg(rng() % 1000) } };
    case IncidentAction::Reopen: return { { QStringLiteral("reason"), QStringLiteral("came back") } };
    case IncidentAction::Comment: return { { QStringLiteral("text"), QStringLiteral("note %1").arg(rng() % 1000) } };
    case IncidentAction::Update:
        switch (rng() % 3) {
        case 0: return { { QStringLiteral("title"), QStringLiteral("title %1").arg(rng() % 1000) } };
        case 1: return { { QStringLiteral("workaround"), QStringLiteral("restart %1").arg(rng() % 1000) } };
        default: return { { QStringLiteral("tags"), QJsonArray { QStringLiteral("t%1").arg(rng() % 10) } } };
        }
    case IncidentAction::Escalate: return { { QStringLiteral("level"), int(rng() % 3) + 1 } };
    case IncidentAction::AttachAlert: return { { QStringLiteral("alert"), QStringLiteral("fp-%1").arg(rng() % 100) } };
    case IncidentAction::LinkProblem: return { { QStringLiteral("problem"), QStringLiteral("PRB%1").arg(rng() % 100) } };
    default: return {};
    }
}

} // namespace

QList<Event> randomHistory(std::mt19937_64 &rng, const QString &incidentId)
{
    static constexpr IncidentAction actions[] = {
        IncidentAction::Acknowledge, IncidentAction::Assign,  IncidentAction::Prioritize,  IncidentAction::Hold,
        IncidentAction::Resume,      IncidentAction::Resolve, IncidentAction::Close,       IncidentAction::Reopen,
        IncidentAction::Cancel,      IncidentAction::Comment, IncidentAction::Update,      IncidentAction::Escalate,
        IncidentAction::AttachAlert, IncidentAction::LinkProblem,
    };
    auto chance = [&rng](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    std::vector<std::unique_ptr<SimNode>> nodes;
    const int nodeCount = 3 + int(rng() % 3);
    for (int n = 0; n < nodeCount; ++n) {
        const qint64 skew = qint64(rng() % 10'001) - 5'000; // clocks that disagree by seconds
        nodes.push_back(std::make_unique<SimNode>(QStringLiteral("node-%1").arg(QChar(u'a' + n)), T0 + skew));
    }
    QList<Event> all;
    auto record = [&all](SimNode &node, IncidentAction action, QJsonObject payload, qint64 occurredAt) {
        Event e = makeEvent(action, QString(), node.hlc.now(), occurredAt, std::move(payload), node.name + QStringLiteral("-op"));
        node.known << e;
        node.knownIds.insert(e.id);
        all << e;
        return e;
    };

    SimNode &creator = *nodes[rng() % nodes.size()];
    record(creator, IncidentAction::Open, openPayload(QStringLiteral("Created by %1").arg(creator.name)),
           creator.clock.nowMs());

    const int steps = 8 + int(rng() % 35);
    for (int step = 0; step < steps; ++step) {
        SimNode &node = *nodes[rng() % nodes.size()];
        if (chance(0.1))
            node.clock.setNowMs(node.clock.nowMs() - qint64(rng() % 3000)); // NTP steps back
        else
            node.clock.advanceMs(qint64(rng() % 5000));

        if (chance(0.3)) {
            // Sync: pull everything a peer has seen and merge its clock.
            SimNode &peer = *nodes[rng() % nodes.size()];
            for (const Event &e : std::as_const(peer.known)) {
                if (!node.knownIds.contains(e.id)) {
                    node.hlc.observe(e.hlc);
                    node.known << e;
                    node.knownIds.insert(e.id);
                }
            }
            continue;
        }
        const Incident view = foldEvents(node.known);
        const qint64 occurredAt = node.clock.nowMs() - (chance(0.1) ? qint64(rng() % Hour) : 0);
        if (view.openedAt == 0) {
            // This node has not seen the incident yet: it opens it too (the same alert
            // reached two sites) or comments on what it heard of.
            if (chance(0.5))
                record(node, IncidentAction::Open, openPayload(QStringLiteral("Created by %1").arg(node.name), 1 + int(rng() % 3), 1 + int(rng() % 3)), occurredAt);
            else
                record(node, IncidentAction::Comment, randomPayload(IncidentAction::Comment, rng), occurredAt);
            continue;
        }
        QList<IncidentAction> allowed;
        for (IncidentAction a : actions) {
            if (refusalReason(view, a).isEmpty())
                allowed << a;
        }
        const IncidentAction action = (!allowed.isEmpty() && chance(0.85)) ? allowed.at(qsizetype(rng() % allowed.size()))
                                                                           : actions[rng() % std::size(actions)];
        QJsonObject payload = randomPayload(action, rng);
        if (chance(0.03))
            payload = {}; // an event whose payload is invalid everywhere
        record(node, action, payload, occurredAt);
    }
    for (Event &e : all)
        e.incidentId = incidentId;
    return all;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QStringList directoryEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

RawSqlite::RawSqlite(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_db, 2000);
}

RawSqlite::~RawSqlite()
{
    if (m_db)
        sqlite3_close(m_db);
}

int RawSqlite::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    m_error = message ? QString::fromUtf8(message) : QString();
    sqlite3_free(message);
    return rc;
}

QString RawSqlite::scalar(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    QString out;
    if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return out;
    }
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        if (const unsigned char *text = sqlite3_column_text(stmt, 0))
            out = QString::fromUtf8(reinterpret_cast<const char *>(text));
    }
    sqlite3_finalize(stmt);
    return out;
}

StoreHarness::StoreHarness()
    : m_path(m_dir.filePath(QStringLiteral("nocturne.db")))
{
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::CreateIfMissing;
    options.busyTimeoutMs = 200;
    m_openError = m_database.open(m_path, options);
    if (m_openError)
        return;
    m_store = std::make_unique<EventStore>(m_database, m_clock);
    m_openError = m_store->initialise();
}

StoreHarness::~StoreHarness()
{
    m_store.reset(); // its prepared queries belong to the connection
    m_database.close();
}

CommandResult StoreHarness::run(IncidentAction action, const QString &incident, const QJsonObject &payload,
                                qint64 occurredAt, const QString &actor)
{
    IncidentCommand command;
    command.action = action;
    command.incident = incident;
    command.payload = payload;
    command.actor = actor;
    command.occurredAt = occurredAt;
    return m_store->execute(command);
}

QString StoreHarness::openIncident(const QString &title, int impact, int urgency)
{
    QJsonObject payload = openPayload(title, impact, urgency);
    payload.remove(QStringLiteral("priority")); // the store computes it
    const CommandResult r = run(IncidentAction::Open, {}, payload);
    return r.ok() ? r.incident.number : QString();
}

QList<Event> StoreHarness::storedEvents(const QString &incidentId)
{
    IncidentRepository repository(m_database.connection(), m_path);
    QList<Event> out;
    for (const StoredEvent &s : repository.events(incidentId))
        out << s.event;
    return out;
}

std::optional<Incident> StoreHarness::projected(const QString &idOrNumber)
{
    IncidentRepository repository(m_database.connection(), m_path);
    return repository.find(idOrNumber);
}

} // namespace nocturne::core::test
