#include "testsupport.h"

#include "core/audit/auditverifier.h"
#include "core/storage/incidentrepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

// A small database with three incidents and a dozen events, all through commands.
class AuditTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
        for (int n = 0; n < 3; ++n) {
            h.clock().advanceMs(Minute);
            numbers << h.openIncident(QStringLiteral("Incident %1").arg(n));
        }
        for (const QString &number : std::as_const(numbers)) {
            h.clock().advanceMs(Minute);
            ASSERT_TRUE(h.run(A::Acknowledge, number).ok());
            h.clock().advanceMs(Minute);
            ASSERT_TRUE(h.run(A::Comment, number, { { QStringLiteral("text"), QStringLiteral("looking") } }).ok());
            h.clock().advanceMs(Minute);
            ASSERT_TRUE(h.run(A::Resolve, number, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok());
        }
        // 3 opens + 9 follow-ups
    }

    AuditReport verify()
    {
        AuditVerifier verifier(h.database().connection(), h.path());
        return verifier.verify();
    }

    // The event stored at `seq`, read back the way the repository reads it.
    StoredEvent eventAt(qint64 seq)
    {
        QSqlQuery q(h.database().connection());
        q.prepare(QStringLiteral("SELECT incident_id FROM events WHERE seq = ?"));
        q.addBindValue(seq);
        if (!q.exec() || !q.next())
            return {};
        IncidentRepository repository(h.database().connection(), h.path());
        for (const StoredEvent &s : repository.events(q.value(0).toString())) {
            if (s.seq == seq)
                return s;
        }
        return {};
    }

    QString numberOf(const QString &incidentId) { return h.projected(incidentId)->number; }

    // Tampering happens on a connection of its own, like an attacker with the sqlite3 shell.
    void tamper(const QString &sql)
    {
        RawSqlite raw(h.path());
        ASSERT_TRUE(raw.isOpen()) << raw.errorMessage().toStdString();
        ASSERT_EQ(raw.exec(sql), 0) << raw.errorMessage().toStdString();
    }

    StoreHarness h;
    QStringList numbers;
};

TEST_F(AuditTest, AnIntactDatabaseVerifies)
{
    const AuditReport report = verify();
    EXPECT_TRUE(report.intact()) << report.firstBrokenReason.toStdString();
    EXPECT_EQ(report.eventsChecked, 12);
    EXPECT_EQ(report.brokenLinks, 0);
    EXPECT_FALSE(report.error.isError());
}

TEST_F(AuditTest, AnEmptyDatabaseVerifies)
{
    StoreHarness empty;
    ASSERT_TRUE(empty.ok());
    AuditVerifier verifier(empty.database().connection(), empty.path());
    const AuditReport report = verifier.verify();
    EXPECT_TRUE(report.intact()) << report.firstBrokenReason.toStdString();
    EXPECT_EQ(report.eventsChecked, 0);
}

TEST_F(AuditTest, ProgressIsReportedForLargeLogs)
{
    const QString id = h.projected(numbers.first())->id;
    QList<Event> comments;
    for (int i = 0; i < 20'050 - 12; ++i) {
        const qint64 at = T0 + Hour + i;
        comments << makeEvent(A::Comment, id, HlcTimestamp { at, 0, QStringLiteral("peer") }, at,
                              { { QStringLiteral("text"), QStringLiteral("c%1").arg(i) } });
    }
    ASSERT_EQ(h.store().append(comments).appended, comments.size());
    QList<qint64> calls;
    AuditVerifier verifier(h.database().connection(), h.path());
    const AuditReport report = verifier.verify([&calls](qint64 done) { calls << done; });
    EXPECT_TRUE(report.intact());
    EXPECT_EQ(calls, (QList<qint64> { 10'000, 20'000 }));
}

TEST_F(AuditTest, EditingAnEventPayloadNamesTheEventAndTheIncident)
{
    // seq 1-3 open the incidents, then each gets acknowledge, comment, resolve: 8 is a comment.
    const StoredEvent target = eventAt(8);
    ASSERT_FALSE(target.event.id.isEmpty());
    ASSERT_EQ(target.event.kind, EventKind::Commented);
    tamper(QStringLiteral("UPDATE events SET payload = '{\"text\":\"nothing to see\"}' WHERE seq = 8"));

    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.brokenLinks, 1); // one edited row, not a cascade
    EXPECT_EQ(report.firstBrokenSeq, 8);
    EXPECT_EQ(report.firstBrokenEventId, target.event.id);
    EXPECT_EQ(report.firstBrokenIncidentId, target.event.incidentId);
    EXPECT_EQ(report.firstBrokenIncidentNumber, numberOf(target.event.incidentId));
    EXPECT_TRUE(report.firstBrokenIncidentNumber.startsWith(QStringLiteral("INC")));
    EXPECT_TRUE(report.firstBrokenReason.contains(QStringLiteral("edited"))) << report.firstBrokenReason.toStdString();
}

TEST_F(AuditTest, EditingAnyStoredFieldIsDetected)
{
    const char *const edits[] = {
        "UPDATE events SET actor = 'mallory' WHERE seq = 5",
        "UPDATE events SET occurred_at = occurred_at - 3600000 WHERE seq = 5",
        "UPDATE events SET kind = 'closed' WHERE seq = 5",
        "UPDATE events SET hlc = '1700000000001.000000.zzz' WHERE seq = 5",
        "UPDATE events SET incident_id = (SELECT incident_id FROM events WHERE seq = 2) WHERE seq = 5",
        "UPDATE events SET origin_node = 'elsewhere' WHERE seq = 5",
    };
    const StoredEvent original = eventAt(5);
    for (const char *edit : edits) {
        QTemporaryDir dir; // each edit on its own copy of the history
        const QString copyPath = dir.filePath(QStringLiteral("copy.db"));
        RawSqlite source(h.path());
        ASSERT_EQ(source.exec(QStringLiteral("VACUUM INTO '%1'").arg(copyPath)), 0) << source.errorMessage().toStdString();
        {
            RawSqlite raw(copyPath);
            ASSERT_EQ(raw.exec(QString::fromLatin1(edit)), 0) << raw.errorMessage().toStdString();
        }
        Database db;
        ASSERT_FALSE(db.open(copyPath).isError());
        AuditVerifier verifier(db.connection());
        const AuditReport report = verifier.verify();
        EXPECT_FALSE(report.intact()) << edit;
        EXPECT_EQ(report.firstBrokenSeq, 5) << edit;
        EXPECT_EQ(report.firstBrokenEventId, original.event.id) << edit;
    }
}

TEST_F(AuditTest, DeletingAMiddleEventIsDetected)
{
    const StoredEvent next = eventAt(6);
    tamper(QStringLiteral("DELETE FROM events WHERE seq = 5"));
    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.eventsChecked, 11);
    // The first link that no longer holds is the one after the gap.
    EXPECT_EQ(report.firstBrokenSeq, 6);
    EXPECT_EQ(report.firstBrokenEventId, next.event.id);
    EXPECT_EQ(report.firstBrokenIncidentNumber, numberOf(next.event.incidentId));
    EXPECT_TRUE(report.firstBrokenReason.contains(QStringLiteral("chain"))) << report.firstBrokenReason.toStdString();
}

TEST_F(AuditTest, SwappingTwoEventsSeqIsDetected)
{
    const StoredEvent fourth = eventAt(4);
    tamper(QStringLiteral("UPDATE events SET seq = -1 WHERE seq = 4; "
                          "UPDATE events SET seq = 4 WHERE seq = 9; "
                          "UPDATE events SET seq = 9 WHERE seq = -1"));
    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.eventsChecked, 12);
    EXPECT_EQ(report.firstBrokenSeq, 4);
    EXPECT_GE(report.brokenLinks, 2);
    EXPECT_NE(report.firstBrokenEventId, fourth.event.id); // the row now at 4 is the moved one
}

TEST_F(AuditTest, DeletingTheNewestEventIsDetected)
{
    tamper(QStringLiteral("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"));
    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.eventsChecked, 11);
    EXPECT_EQ(report.brokenLinks, 1);
    EXPECT_TRUE(report.firstBrokenReason.contains(QStringLiteral("newest"))) << report.firstBrokenReason.toStdString();
}

TEST_F(AuditTest, DeletingEveryEventIsDetected)
{
    tamper(QStringLiteral("DELETE FROM events"));
    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.eventsChecked, 0);
}

TEST_F(AuditTest, RewritingAHashToMatchAnEditStillBreaksTheChain)
{
    // The attacker edits the payload and recomputes that row's content hash, but
    // cannot fix the chain without rewriting every later link and the recorded head.
    StoredEvent target = eventAt(11);
    ASSERT_EQ(target.event.kind, EventKind::Commented);
    target.event.payload.insert(QStringLiteral("text"), QStringLiteral("rewritten"));
    const QString newHash = QString::fromLatin1(target.event.computeContentHash());
    tamper(QStringLiteral("UPDATE events SET payload = '{\"text\":\"rewritten\"}', content_hash = '%1' WHERE seq = 11").arg(newHash));
    const AuditReport report = verify();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.firstBrokenSeq, 11);
    EXPECT_EQ(report.firstBrokenEventId, target.event.id);
}

TEST_F(AuditTest, StoredHashesAreTheCanonicalContentHashes)
{
    IncidentRepository repository(h.database().connection(), h.path());
    const QString id = h.projected(numbers.first())->id;
    for (const StoredEvent &s : repository.events(id)) {
        EXPECT_EQ(s.contentHash, s.event.computeContentHash());
        EXPECT_EQ(s.contentHash.size(), 64);
        EXPECT_EQ(s.chainHash.size(), 64);
    }
}

} // namespace
} // namespace nocturne::core::test
