// nocturnectl import end to end: the real executable on a real SQLite file and the
// hand-written exports under tests/data/import.
#include "ctlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(NOCTURNE_SOURCE_DIR "/tests/data/import/") + QLatin1StringView(name);
}

class CtlImport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
        const CtlRun init = runCtl(m_db, { QStringLiteral("init") });
        ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    }
    CtlRun run(const QStringList &arguments) { return runCtl(m_db, arguments); }
    QJsonObject json(const CtlRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

    QTemporaryDir m_dir;
    QString m_db;
};

} // namespace

TEST_F(CtlImport, ImportsAServiceNowExportAndListsTheSkippedRows)
{
    const CtlRun r = run({ QStringLiteral("import"), QStringLiteral("servicenow"),
        dataFile("servicenow_history.csv") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral(
        "17 rows read; 4 incidents created, 0 updated, 0 unchanged; 24 events appended")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("row 5 (line 6): no number")));
    EXPECT_TRUE(r.out.contains(
        QStringLiteral("row 16 (line 18): INC0000051: unknown incident_state \"Sleeping\"")));

    const CtlRun show
        = run({ QStringLiteral("show"), QStringLiteral("INC0000045"), QStringLiteral("--json") });
    ASSERT_EQ(show.exitCode, 0);
    EXPECT_TRUE(show.out.contains(QStringLiteral("Resolver 31")));
}

TEST_F(CtlImport, ReimportingReportsEverythingUnchangedInJson)
{
    ASSERT_EQ(run({ QStringLiteral("import"), QStringLiteral("jira"), dataFile("jira_export.csv") })
                  .exitCode,
        0);
    const CtlRun again = run({ QStringLiteral("import"), QStringLiteral("jira"),
        dataFile("jira_export.csv"), QStringLiteral("--json") });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    const QJsonObject o = json(again);
    EXPECT_EQ(o.value(QStringLiteral("rows_read")).toInt(), 7);
    EXPECT_EQ(o.value(QStringLiteral("incidents_unchanged")).toInt(), 5);
    EXPECT_EQ(o.value(QStringLiteral("events_appended")).toInt(), 0);
    const QJsonArray skipped = o.value(QStringLiteral("skipped")).toArray();
    ASSERT_EQ(skipped.size(), 2);
    EXPECT_EQ(skipped.at(0).toObject().value(QStringLiteral("row")).toInt(), 6);
}

TEST_F(CtlImport, ADryRunWritesNothing)
{
    const CtlRun r = run({ QStringLiteral("import"), QStringLiteral("servicenow"),
        dataFile("servicenow_history.csv"), QStringLiteral("--dry-run"),
        QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(json(r).value(QStringLiteral("incidents_created")).toInt(), 4);
    EXPECT_NE(run({ QStringLiteral("show"), QStringLiteral("INC0000045") }).exitCode, 0);
}

TEST_F(CtlImport, AcceptsDateFormatsAndAZone)
{
    const CtlRun r = run({ QStringLiteral("import"), QStringLiteral("servicenow"),
        dataFile("servicenow_history.csv"), QStringLiteral("--date-format"),
        QStringLiteral("d/M/yyyy HH:mm"), QStringLiteral("--tz"), QStringLiteral("Europe/Berlin"),
        QStringLiteral("--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(json(r).value(QStringLiteral("incidents_created")).toInt(), 4);
    const CtlRun show
        = run({ QStringLiteral("show"), QStringLiteral("INC0000045"), QStringLiteral("--json") });
    // 29/2/2016 01:16 in Berlin (CET) is 00:16 UTC.
    EXPECT_TRUE(show.out.contains(QStringLiteral("\"opened_at\": \"2016-02-29T00:16:00.000Z\"")))
        << show.out.toStdString();
}

TEST_F(CtlImport, SaysWhichLineMakesAFileUnreadable)
{
    const CtlRun r = run({ QStringLiteral("import"), QStringLiteral("servicenow"),
        dataFile("servicenow_malformed.csv") });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("servicenow_malformed.csv: line 2: a quoted field")))
        << r.err.toStdString();
}

TEST_F(CtlImport, SaysWhenTheFileIsMissing)
{
    const CtlRun r = run({ QStringLiteral("import"), QStringLiteral("jira"),
        m_dir.filePath(QStringLiteral("none.csv")) });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("cannot open"))) << r.err.toStdString();
}

TEST_F(CtlImport, RefusesBadArguments)
{
    CtlRun r = run({ QStringLiteral("import"), QStringLiteral("jira"), dataFile("jira_export.csv"),
        QStringLiteral("--date-format"), QStringLiteral("HH:mm") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("must name the day"))) << r.err.toStdString();
    r = run({ QStringLiteral("import"), QStringLiteral("remedy"), dataFile("jira_export.csv") });
    EXPECT_EQ(r.exitCode, 2);
    r = run({ QStringLiteral("import"), QStringLiteral("jira"), dataFile("jira_export.csv"),
        QStringLiteral("--tz"), QStringLiteral("Mars/Olympus") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("unknown time zone")));
    r = run({ QStringLiteral("import"), QStringLiteral("jira") });
    EXPECT_EQ(r.exitCode, 2);
}
