// nocturnectl end to end: a real executable on a real SQLite file.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

class CtlWorkflow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
        const CtlRun init = runCtl(m_db, { QStringLiteral("init") });
        ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    }

    QString create(const QStringList &extra = {})
    {
        const CtlRun run = runCtl(m_db, QStringList { QStringLiteral("create"), QStringLiteral("--title"),
                                                      QStringLiteral("Sorter jam at DC Leipzig"), QStringLiteral("--json") }
                                             + extra);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("number")).toString();
    }

    QJsonObject show(const QString &number)
    {
        const CtlRun run = runCtl(m_db, { QStringLiteral("show"), number, QStringLiteral("--json") });
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    QTemporaryDir m_dir;
    QString m_db;
};

TEST(CtlSmoke, HelpListsEveryCommandAndExitsZero)
{
    const CtlRun run = runCtl({}, { QStringLiteral("--help") });
    EXPECT_EQ(run.exitCode, 0);
    for (const char *command : { "init", "demo", "create", "list", "show", "ack", "assign", "hold", "resume",
                                 "resolve", "close", "reopen", "comment", "export", "audit" })
        EXPECT_TRUE(run.out.contains(QLatin1StringView(command))) << command;
    EXPECT_TRUE(run.out.contains(QStringLiteral("Exit codes")));
}

TEST(CtlSmoke, EveryCommandHasItsOwnHelp)
{
    for (const char *command : { "list", "show", "ack", "resolve", "export", "demo", "create" }) {
        const CtlRun run = runCtl({}, { QString::fromLatin1(command), QStringLiteral("--help") });
        EXPECT_EQ(run.exitCode, 0) << command;
        EXPECT_TRUE(run.out.contains(QStringLiteral("Usage: nocturnectl [--db PATH] ") + QLatin1StringView(command))) << run.out.toStdString();
    }
}

TEST(CtlSmoke, UnknownCommandsAndOptionsAreUsageErrors)
{
    EXPECT_EQ(runCtl({}, { QStringLiteral("frobnicate") }).exitCode, 2);
    EXPECT_EQ(runCtl({}, { QStringLiteral("--frob") }).exitCode, 2);
    const CtlRun run = runCtl({}, { QStringLiteral("list"), QStringLiteral("--no-such-option") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("no-such-option"))) << run.err.toStdString();
}

TEST_F(CtlWorkflow, CreateComputesPriorityFromImpactAndUrgency)
{
    const QString number = create({ QStringLiteral("--impact"), QStringLiteral("1"), QStringLiteral("--urgency"), QStringLiteral("2") });
    EXPECT_EQ(number, QStringLiteral("INC0000001"));
    const QJsonObject incident = show(number);
    EXPECT_EQ(incident.value(QStringLiteral("priority")).toInt(), 2);
    EXPECT_EQ(incident.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
}

TEST_F(CtlWorkflow, LifecycleThroughTheCommandLine)
{
    const QString n = create();
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("ack"), n }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("assign"), n, QStringLiteral("--group"), QStringLiteral("Automation Engineering"),
                             QStringLiteral("--assignee"), QStringLiteral("t.nguyen") }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("hold"), n, QStringLiteral("--reason"), QStringLiteral("awaiting_vendor") }).exitCode, 0);
    EXPECT_EQ(show(n).value(QStringLiteral("hold_reason")).toString(), QStringLiteral("awaiting_vendor"));
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("resume"), n }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("comment"), n, QStringLiteral("--text"), QStringLiteral("Spare part, fitted") }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("resolve"), n, QStringLiteral("--code"), QStringLiteral("Hardware repaired"),
                             QStringLiteral("--notes"), QStringLiteral("Belt replaced") }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("reopen"), n, QStringLiteral("--reason"), QStringLiteral("Jammed again") }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("resolve"), n, QStringLiteral("--code"), QStringLiteral("Hardware repaired") }).exitCode, 0);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("close"), n }).exitCode, 0);

    const QJsonObject incident = show(n);
    EXPECT_EQ(incident.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    EXPECT_EQ(incident.value(QStringLiteral("assignee")).toString(), QStringLiteral("t.nguyen"));
    EXPECT_EQ(incident.value(QStringLiteral("reopen_count")).toInt(), 1);
    QStringList kinds;
    for (const QJsonValue &e : incident.value(QStringLiteral("events")).toArray())
        kinds << e.toObject().value(QStringLiteral("kind")).toString();
    EXPECT_EQ(kinds, (QStringList { QStringLiteral("opened"), QStringLiteral("acknowledged"), QStringLiteral("assigned"),
                                    QStringLiteral("state_changed"), QStringLiteral("state_changed"), QStringLiteral("commented"),
                                    QStringLiteral("resolved"), QStringLiteral("reopened"), QStringLiteral("resolved"),
                                    QStringLiteral("closed") }));
}

TEST_F(CtlWorkflow, InvalidTransitionIsRefusedNamingStateAndAction)
{
    const QString n = create();
    const CtlRun run = runCtl(m_db, { QStringLiteral("close"), n });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("close"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("New"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(n)) << run.err.toStdString();
    EXPECT_EQ(show(n).value(QStringLiteral("events")).toArray().size(), 1);
}

TEST_F(CtlWorkflow, UnknownIncidentIsNotFound)
{
    const CtlRun run = runCtl(m_db, { QStringLiteral("ack"), QStringLiteral("INC9999999") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("INC9999999")));
}

TEST_F(CtlWorkflow, MissingRequiredOptionsAreUsageErrors)
{
    const QString n = create();
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("hold"), n }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("resolve"), n }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("create") }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("x"),
                             QStringLiteral("--impact"), QStringLiteral("7") }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("ack"), n, QStringLiteral("--at"), QStringLiteral("yesterday-ish") }).exitCode, 2);
    EXPECT_EQ(show(n).value(QStringLiteral("events")).toArray().size(), 1);
}

TEST_F(CtlWorkflow, ActionsDatedAfterTheFactKeepBothTimes)
{
    QDateTime reported = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    reported.setTime(QTime(reported.time().hour(), reported.time().minute(), reported.time().second()));
    const QString n = create({ QStringLiteral("--at"), reported.toString(Qt::ISODate) });
    const QDateTime acknowledged = reported.addSecs(600);
    ASSERT_EQ(runCtl(m_db, { QStringLiteral("ack"), n, QStringLiteral("--at"), acknowledged.toString(Qt::ISODate) }).exitCode, 0);

    const QJsonObject incident = show(n);
    EXPECT_EQ(QDateTime::fromString(incident.value(QStringLiteral("opened_at")).toString(), Qt::ISODateWithMs), reported);
    EXPECT_EQ(QDateTime::fromString(incident.value(QStringLiteral("acknowledged_at")).toString(), Qt::ISODateWithMs), acknowledged);
    const QJsonObject ack = incident.value(QStringLiteral("events")).toArray().at(1).toObject();
    const QDateTime occurred = QDateTime::fromString(ack.value(QStringLiteral("occurred_at")).toString(), Qt::ISODateWithMs);
    const QDateTime recorded = QDateTime::fromString(ack.value(QStringLiteral("recorded_at")).toString(), Qt::ISODateWithMs);
    EXPECT_EQ(occurred, acknowledged);
    EXPECT_GT(recorded.secsTo(QDateTime::currentDateTimeUtc()) , -5);
    EXPECT_GT(occurred.secsTo(recorded), 3600); // recorded long after it happened

    const CtlRun text = runCtl(m_db, { QStringLiteral("show"), n });
    EXPECT_TRUE(text.out.contains(QStringLiteral("recorded"))) << text.out.toStdString();

    const CtlRun future = runCtl(m_db, { QStringLiteral("comment"), n, QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--at"),
                                         QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate) });
    EXPECT_EQ(future.exitCode, 1);
    EXPECT_TRUE(future.err.contains(QStringLiteral("future"))) << future.err.toStdString();
}

TEST_F(CtlWorkflow, ImplausibleTimesAndEmptyActorsAreRefused)
{
    const QString n = create();
    const CtlRun typo = runCtl(m_db, { QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("x"),
                                       QStringLiteral("--at"), QStringLiteral("0026-11-27T14:05") });
    EXPECT_EQ(typo.exitCode, 1);
    EXPECT_TRUE(typo.err.contains(QStringLiteral("plausible"))) << typo.err.toStdString();
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("list"), QStringLiteral("--json") }).out.count(QStringLiteral("\"number\"")), 1);

    // A resolution cannot be dated before the acknowledgement it follows.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ASSERT_EQ(runCtl(m_db, { QStringLiteral("ack"), n }).exitCode, 0);
    const CtlRun early = runCtl(m_db, { QStringLiteral("resolve"), n, QStringLiteral("--code"), QStringLiteral("Fixed"),
                                        QStringLiteral("--at"), now.addSecs(-3600).toString(Qt::ISODate) });
    EXPECT_EQ(early.exitCode, 1);
    EXPECT_TRUE(early.err.contains(QStringLiteral("acknowledged"))) << early.err.toStdString();

    EXPECT_EQ(runCtl(m_db, { QStringLiteral("--actor="), QStringLiteral("ack"), n }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("99999") }).exitCode, 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--incidents"), QStringLiteral("2000000000") }).exitCode, 2);
}

TEST_F(CtlWorkflow, DemoListFiltersAndJsonAgree)
{
    ASSERT_EQ(runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--incidents"), QStringLiteral("400"), QStringLiteral("--days"),
                             QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7") }).exitCode, 0);
    const CtlRun all = runCtl(m_db, { QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("all"), QStringLiteral("--json") });
    ASSERT_EQ(all.exitCode, 0);
    const QJsonArray incidents = QJsonDocument::fromJson(all.out.toUtf8()).array();
    EXPECT_EQ(incidents.size(), 400);

    const CtlRun p1 = runCtl(m_db, { QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("all"), QStringLiteral("--priority"),
                                     QStringLiteral("1"), QStringLiteral("--json") });
    int expectedP1 = 0;
    for (const QJsonValue &v : incidents)
        expectedP1 += v.toObject().value(QStringLiteral("priority")).toInt() == 1;
    const QJsonArray onlyP1 = QJsonDocument::fromJson(p1.out.toUtf8()).array();
    EXPECT_EQ(onlyP1.size(), expectedP1);
    for (const QJsonValue &v : onlyP1)
        EXPECT_EQ(v.toObject().value(QStringLiteral("priority")).toInt(), 1);

    const CtlRun open = runCtl(m_db, { QStringLiteral("list"), QStringLiteral("--json") });
    for (const QJsonValue &v : QJsonDocument::fromJson(open.out.toUtf8()).array()) {
        const QString state = v.toObject().value(QStringLiteral("state")).toString();
        EXPECT_TRUE(state == QLatin1StringView("new") || state == QLatin1StringView("in_progress") || state == QLatin1StringView("on_hold"));
    }

    const CtlRun again = runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--incidents"), QStringLiteral("10") });
    EXPECT_EQ(again.exitCode, 1) << "demo data must not be mixed in silently";
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--if-empty") }).exitCode, 0);
}

TEST_F(CtlWorkflow, ExportWritesEveryIncidentAsCsvAndJson)
{
    create();
    create({ QStringLiteral("--service"), QStringLiteral("Checkout, EU") }); // a comma that must be quoted
    const QString csvPath = m_dir.filePath(QStringLiteral("out.csv"));
    ASSERT_EQ(runCtl(m_db, { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csvPath }).exitCode, 0);
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    EXPECT_TRUE(lines.at(0).startsWith("number,title,state,priority"));
    EXPECT_EQ(lines.size(), 4); // header, two rows, trailing empty
    EXPECT_TRUE(lines.at(2).contains("\"Checkout, EU\"") || lines.at(1).contains("\"Checkout, EU\""));

    const CtlRun json = runCtl(m_db, { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json") });
    EXPECT_EQ(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 2);
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml") }).exitCode, 2);
}

} // namespace
