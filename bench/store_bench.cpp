// Appending events through the EventStore (hash, chain, projection, one transaction
// per batch) against a raw sqlite3 C-API insert loop of the same rows into the same
// events table: both measured in the same run, medians over several runs.
#include <core/domain/clock.h>
#include <core/domain/uuid7.h>
#include <core/storage/database.h>
#include <core/storage/eventstore.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

using namespace nocturne::core;

namespace {

QList<Event> makeEvents(int count)
{
    // Five events per incident, as a typical life: open, assign, ack, comment, resolve.
    QList<Event> events;
    events.reserve(count);
    const qint64 start = 1'780'000'000'000;
    int incident = 0;
    while (events.size() < count) {
        const qint64 t = start + qint64(incident) * 60'000;
        const QString id = createUuidV7(t);
        const QString node = QStringLiteral("bench");
        auto add = [&](EventKind kind, int step, QJsonObject payload) {
            if (events.size() >= count)
                return;
            Event e;
            e.id = createUuidV7(t + step);
            e.incidentId = id;
            e.kind = kind;
            e.payload = std::move(payload);
            e.actor = QStringLiteral("a.jansen");
            e.originNode = node;
            e.hlc = { t + step, 0, node };
            e.occurredAt = t + step;
            events << e;
        };
        add(EventKind::Opened, 0,
            { { QStringLiteral("title"), QStringLiteral("Conveyor CONV-RTM-A%1 stopped: motor overload").arg(incident % 97) },
              { QStringLiteral("description"), QStringLiteral("Conveyor at DC Rotterdam (CONV-RTM-A1). Reported through monitoring.") },
              { QStringLiteral("category"), QStringLiteral("Hardware") },
              { QStringLiteral("subcategory"), QStringLiteral("Conveyor") },
              { QStringLiteral("domain"), QStringLiteral("warehouse") },
              { QStringLiteral("service"), QStringLiteral("Material Handling") },
              { QStringLiteral("ci"), QStringLiteral("CONV-RTM-A1") },
              { QStringLiteral("site"), QStringLiteral("DC Rotterdam") },
              { QStringLiteral("impact"), 2 },
              { QStringLiteral("urgency"), 2 },
              { QStringLiteral("priority"), 3 },
              { QStringLiteral("assignment_group"), QStringLiteral("Automation Engineering") },
              { QStringLiteral("channel"), QStringLiteral("monitoring") } });
        add(EventKind::Assigned, 60'000, { { QStringLiteral("assignee"), QStringLiteral("t.nguyen") } });
        add(EventKind::Acknowledged, 61'000, {});
        add(EventKind::Commented, 600'000, { { QStringLiteral("text"), QStringLiteral("Vendor ticket raised, waiting for an engineer.") } });
        add(EventKind::Resolved, 3'600'000, { { QStringLiteral("code"), QStringLiteral("Hardware repaired") },
                                              { QStringLiteral("notes"), QStringLiteral("Motor replaced") } });
        ++incident;
    }
    return events;
}

double storeRun(const QList<Event> &events, int batch, const QString &path)
{
    FakeClock clock(1'790'000'000'000);
    Database db;
    if (auto e = db.open(path, { DatabaseOptions::Mode::CreateIfMissing, 5000 })) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        std::exit(2);
    }
    EventStore store(db, clock);
    store.initialise();
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < events.size(); i += batch) {
        const AppendResult r = store.append(events.mid(i, batch));
        if (r.error) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error.message));
            std::exit(2);
        }
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

struct RawRow
{
    QByteArray id, incident, kind, payload, actor, origin, hlc, contentHash, chainHash;
    qint64 occurredAt;
};

double rawRun(const QList<RawRow> &rows, int batch, const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    sqlite3_exec(db,
                 "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, incident_id TEXT NOT NULL, "
                 "kind TEXT NOT NULL, payload TEXT NOT NULL, actor TEXT NOT NULL, origin_node TEXT NOT NULL, "
                 "hlc TEXT NOT NULL, occurred_at INTEGER NOT NULL, server_revision INTEGER, content_hash TEXT NOT NULL, "
                 "chain_hash TEXT NOT NULL); CREATE INDEX events_by_incident ON events (incident_id, hlc);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO events (id, incident_id, kind, payload, actor, origin_node, hlc, occurred_at, "
                       "content_hash, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i % batch == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const RawRow &r = rows.at(i);
        int n = 1;
        for (const QByteArray *text : { &r.id, &r.incident, &r.kind, &r.payload, &r.actor, &r.origin, &r.hlc })
            sqlite3_bind_text(insert, n++, text->constData(), int(text->size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, n++, r.occurredAt);
        sqlite3_bind_text(insert, n++, r.contentHash.constData(), int(r.contentHash.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, n++, r.chainHash.constData(), int(r.chainHash.size()), SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            std::fprintf(stderr, "raw insert: %s\n", sqlite3_errmsg(db));
            std::exit(2);
        }
        sqlite3_reset(insert);
        if ((i + 1) % batch == 0 || i + 1 == rows.size())
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return seconds;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int count = 100'000, runs = 5, batch = 1000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1StringView("--events")) count = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1StringView("--runs")) runs = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1StringView("--batch")) batch = args.at(i + 1).toInt();
    }
    const QList<Event> events = makeEvents(count);
    QList<RawRow> rows;
    QByteArray chain;
    for (const Event &e : events) {
        const QByteArray payload = e.payloadJson();
        const QByteArray content = e.computeContentHash(payload);
        chain = chainHash(chain, content);
        rows << RawRow { e.id.toUtf8(), e.incidentId.toUtf8(), toName(e.kind).toUtf8(), payload, e.actor.toUtf8(),
                         e.originNode.toUtf8(), e.hlc.toString().toUtf8(), content, chain, e.occurredAt };
    }

    QList<double> store, raw;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        store << storeRun(events, batch, dir.filePath(QStringLiteral("store.db")));
        raw << rawRun(rows, batch, dir.filePath(QStringLiteral("raw.db")));
    }
    const double s = median(store), r = median(raw);
    std::printf("append %d events in batches of %d, median of %d runs\n", count, batch, runs);
    std::printf("  EventStore::append (hash + chain + projection): %.3f s = %.0f events/s (target >= 100000)\n", s, count / s);
    std::printf("  raw sqlite3 insert loop, same rows, no hashing/projection: %.3f s = %.0f events/s\n", r, count / r);
    std::printf("  ratio store/raw time: %.2fx\n", s / r);
    return 0;
}
