#include "testsupport.h"

#include "core/audit/auditverifier.h"
#include "core/domain/incidentfold.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/migrations.h"
#include "core/storage/referencerepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

QStringList names(const auto &items)
{
    QStringList out;
    for (const auto &item : items)
        out << item.name;
    return out;
}

QStringList tables(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// A database as the first release wrote it: schema version 1, filled through the
// store (whose tables all exist in version 1).
class MigrationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        DatabaseOptions options;
        options.mode = DatabaseOptions::Mode::CreateIfMissing;
        // Today's store writes today's columns, so the history is made in a current
        // database and its version-1 columns copied into a version-1 file.
        Database seed;
        ASSERT_FALSE(seed.open(seedPath(), options).isError());

        FakeClock clock(T0);
        EventStore store(seed, clock);
        ASSERT_FALSE(store.initialise().isError());
        struct Seed
        {
            const char *title, *domain, *service, *ci, *site, *group, *assignee;
        };
        const Seed seeds[] = {
            { "Sorter jam", "warehouse", "Sortation", "SORTER-DC1-01", "DC1 Rotterdam", "Warehouse Ops", "ana" },
            { "WMS slow", "warehouse", "WMS", "WMS-APP-01", "DC1 Rotterdam", "WMS Support", "ben" },
            { "Checkout errors", "retail", "Web Shop", "CHECKOUT-API", "Store 12 Lyon", "Retail Web", "" },
            { "Settlement mismatch", "finance", "Settlement", "SETTLE-BATCH", "HQ Frankfurt", "", "" },
        };
        for (const Seed &s : seeds) {
            clock.advanceMs(Minute);
            IncidentCommand open;
            open.action = A::Open;
            open.actor = QStringLiteral("ana");
            open.payload = {
                { QStringLiteral("title"), QLatin1StringView(s.title) },
                { QStringLiteral("domain"), QLatin1StringView(s.domain) },
                { QStringLiteral("service"), QLatin1StringView(s.service) },
                { QStringLiteral("ci"), QLatin1StringView(s.ci) },
                { QStringLiteral("site"), QLatin1StringView(s.site) },
                { QStringLiteral("assignment_group"), QLatin1StringView(s.group) },
                { QStringLiteral("impact"), 2 },
                { QStringLiteral("urgency"), 2 },
            };
            const CommandResult opened = store.execute(open);
            ASSERT_TRUE(opened.ok()) << opened.error.toStdString();
            if (*s.assignee) {
                IncidentCommand assign;
                assign.action = A::Assign;
                assign.incident = opened.incident.number;
                assign.payload = { { QStringLiteral("assignee"), QLatin1StringView(s.assignee) } };
                clock.advanceMs(Minute);
                ASSERT_TRUE(store.execute(assign).ok());
                IncidentCommand ack;
                ack.action = A::Acknowledge;
                ack.incident = opened.incident.number;
                ASSERT_TRUE(store.execute(ack).ok());
            }
        }
        IncidentRepository repository(seed.connection(), seedPath());
        m_before = repository.list({});
        ASSERT_EQ(m_before.size(), 4);
        seed.close();

        Database db;
        ASSERT_FALSE(db.openRaw(path(), options).isError());
        ASSERT_EQ(migrations::migrate(db.connection(), 1), QString());
        ASSERT_EQ(db.schemaVersion(), 1);
        ASSERT_FALSE(tables(db.connection()).contains(QStringLiteral("sites")));
        QSqlQuery q(db.connection());
        const QString versionOneIncidentColumns = QStringLiteral(
            "id, number, title, description, category, subcategory, domain, service, ci, site, impact, urgency, "
            "priority, state, hold_reason, assignment_group, assignee, reporter, channel, started_at, detected_at, "
            "opened_at, acknowledged_at, resolved_at, closed_at, updated_at, resolution_code, resolution_notes, "
            "workaround, tags, reassignment_count, reopen_count, escalation_count, flagged_events, last_hlc, event_count");
        ASSERT_TRUE(q.exec(QStringLiteral("ATTACH DATABASE '%1' AS seed").arg(seedPath())));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO events SELECT * FROM seed.events ORDER BY seq")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT OR REPLACE INTO meta SELECT * FROM seed.meta WHERE key NOT LIKE 'sla_%'")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO incidents (%1) SELECT %1 FROM seed.incidents").arg(versionOneIncidentColumns)))
            << q.lastError().text().toStdString();
        ASSERT_TRUE(q.exec(QStringLiteral("DETACH DATABASE seed")));
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT group_concat(content_hash || chain_hash, ',') FROM (SELECT * FROM events ORDER BY seq)")) && q.next());
        m_hashesBefore = q.value(0).toString();
    }

    QString path() const { return m_dir.filePath(QStringLiteral("v1.db")); }
    QString seedPath() const { return m_dir.filePath(QStringLiteral("seed.db")); }

    QTemporaryDir m_dir;
    QList<Incident> m_before;
    QString m_hashesBefore;
};

TEST_F(MigrationTest, OpeningAVersionOneDatabaseUpgradesItToTheLatest)
{
    Database db;
    const DatabaseError error = db.open(path());
    ASSERT_FALSE(error.isError()) << error.message.toStdString();
    EXPECT_EQ(db.schemaVersion(), migrations::latestVersion());
    EXPECT_GE(migrations::latestVersion(), 2);
    const QStringList now = tables(db.connection());
    for (const char *table : { "sites", "services", "configuration_items", "groups", "users", "events", "incidents", "meta" })
        EXPECT_TRUE(now.contains(QLatin1StringView(table))) << table;
}

TEST_F(MigrationTest, IncidentsAndEventsSurviveTheUpgradeIntact)
{
    Database db;
    ASSERT_FALSE(db.open(path()).isError());
    IncidentRepository repository(db.connection(), path());
    const QList<Incident> after = repository.list({});
    EXPECT_EQ(after, m_before);
    for (const Incident &i : after) {
        QList<Event> events;
        for (const StoredEvent &s : repository.events(i.id))
            events << s.event;
        EXPECT_EQ(foldEvents(events), i);
    }
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT group_concat(content_hash || chain_hash, ',') FROM (SELECT * FROM events ORDER BY seq)")) && q.next());
    EXPECT_EQ(q.value(0).toString(), m_hashesBefore);
    AuditVerifier verifier(db.connection(), path());
    EXPECT_TRUE(verifier.verify().intact());
}

TEST_F(MigrationTest, ReferenceTablesAreFilledFromTheIncidents)
{
    Database db;
    ASSERT_FALSE(db.open(path()).isError());
    ReferenceRepository reference(db.connection(), path());
    EXPECT_EQ(names(reference.sites()),
              (QStringList { QStringLiteral("DC1 Rotterdam"), QStringLiteral("HQ Frankfurt"), QStringLiteral("Store 12 Lyon") }));
    EXPECT_EQ(names(reference.services()),
              (QStringList { QStringLiteral("Settlement"), QStringLiteral("Sortation"), QStringLiteral("WMS"), QStringLiteral("Web Shop") }));
    EXPECT_EQ(names(reference.configurationItems()),
              (QStringList { QStringLiteral("CHECKOUT-API"), QStringLiteral("SETTLE-BATCH"), QStringLiteral("SORTER-DC1-01"), QStringLiteral("WMS-APP-01") }));
    EXPECT_EQ(names(reference.groups()),
              (QStringList { QStringLiteral("Retail Web"), QStringLiteral("WMS Support"), QStringLiteral("Warehouse Ops") }));
    EXPECT_EQ(names(reference.users()), (QStringList { QStringLiteral("ana"), QStringLiteral("ben") }));
    EXPECT_FALSE(reference.lastError().isError());

    // What the incidents tell about each: a service's domain, a CI's service and site.
    for (const Service &s : reference.services()) {
        if (s.name == QLatin1StringView("Web Shop")) {
            EXPECT_EQ(s.domain, QStringLiteral("retail"));
        }
    }
    for (const ConfigurationItem &ci : reference.configurationItems()) {
        if (ci.name == QLatin1StringView("WMS-APP-01")) {
            EXPECT_EQ(ci.service, QStringLiteral("WMS"));
            EXPECT_EQ(ci.site, QStringLiteral("DC1 Rotterdam"));
        }
    }
}

TEST_F(MigrationTest, TheUpgradedDatabaseKeepsWorking)
{
    Database db;
    ASSERT_FALSE(db.open(path()).isError());
    FakeClock clock(T0 + Hour);
    EventStore store(db, clock);
    ASSERT_FALSE(store.initialise().isError());
    IncidentCommand open;
    open.action = A::Open;
    open.payload = openPayload();
    const CommandResult r = store.execute(open);
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.incident.number, QStringLiteral("INC0000005"));
    IncidentCommand resolve;
    resolve.action = A::Resolve;
    resolve.incident = QStringLiteral("INC0000001");
    resolve.payload = { { QStringLiteral("code"), QStringLiteral("fixed") } };
    EXPECT_TRUE(store.execute(resolve).ok());
    AuditVerifier verifier(db.connection(), path());
    EXPECT_TRUE(verifier.verify().intact());
}

TEST_F(MigrationTest, MigratingTwiceChangesNothing)
{
    {
        Database db;
        ASSERT_FALSE(db.open(path()).isError());
    }
    const QByteArray hash = sha256OfFile(path());
    Database db;
    ASSERT_FALSE(db.open(path()).isError());
    EXPECT_EQ(migrations::migrate(db.connection()), QString());
    EXPECT_EQ(db.schemaVersion(), migrations::latestVersion());
    db.close();
    EXPECT_EQ(sha256OfFile(path()), hash);
}

TEST(Migrations, AFreshDatabaseMigratesStepByStep)
{
    QTemporaryDir dir;
    Database db;
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::CreateIfMissing;
    ASSERT_FALSE(db.openRaw(dir.filePath(QStringLiteral("x.db")), options).isError());
    EXPECT_EQ(db.schemaVersion(), 0);
    for (int v = 1; v <= migrations::latestVersion(); ++v) {
        ASSERT_EQ(migrations::migrate(db.connection(), v), QString());
        EXPECT_EQ(db.schemaVersion(), v);
    }
}

} // namespace
} // namespace nocturne::core::test
