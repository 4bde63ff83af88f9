// nocturnectl kpi end to end: the real executable on a small made database, with every
// figure worked out by hand from the incident times, and the refusals of bad arguments.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

constexpr double Minute = 60'000;

class CtlKpi : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
        ASSERT_EQ(run({ QStringLiteral("init") }).exitCode, 0);
        // The week of Monday 2 March 2026 (UTC) and the week before it.
        // A: P1 on the Conveyor, started 09:50, reported 10:00, acknowledged 10:10, resolved 11:00.
        const QString a = create({ QStringLiteral("--impact"), QStringLiteral("1"), QStringLiteral("--urgency"), QStringLiteral("1"),
                                   QStringLiteral("--service"), QStringLiteral("Conveyor"), QStringLiteral("--domain"),
                                   QStringLiteral("warehouse"), QStringLiteral("--category"), QStringLiteral("Hardware"),
                                   QStringLiteral("--started"), QStringLiteral("2026-03-02T09:50:00Z"), QStringLiteral("--at"),
                                   QStringLiteral("2026-03-02T10:00:00Z") });
        act(QStringLiteral("ack"), a, "2026-03-02T10:10:00Z");
        act(QStringLiteral("resolve"), a, "2026-03-02T11:00:00Z", { QStringLiteral("--code"), QStringLiteral("fixed") });
        // B: P3 on the web shop, 12:00 Tuesday, acknowledged 12:30, resolved 15:00.
        const QString b = create({ QStringLiteral("--impact"), QStringLiteral("3"), QStringLiteral("--urgency"), QStringLiteral("1"),
                                   QStringLiteral("--service"), QStringLiteral("Web shop"), QStringLiteral("--category"),
                                   QStringLiteral("Software"), QStringLiteral("--at"), QStringLiteral("2026-03-03T12:00:00Z") });
        act(QStringLiteral("ack"), b, "2026-03-03T12:30:00Z");
        act(QStringLiteral("resolve"), b, "2026-03-03T15:00:00Z", { QStringLiteral("--code"), QStringLiteral("fixed") });
        // C: P3 on Wednesday, never acknowledged, still open.
        create({ QStringLiteral("--impact"), QStringLiteral("3"), QStringLiteral("--urgency"), QStringLiteral("1"),
                 QStringLiteral("--service"), QStringLiteral("Web shop"), QStringLiteral("--category"), QStringLiteral("Software"),
                 QStringLiteral("--at"), QStringLiteral("2026-03-04T08:00:00Z") });
        // D: the week before, resolved after 2 h.
        const QString d = create({ QStringLiteral("--impact"), QStringLiteral("3"), QStringLiteral("--urgency"), QStringLiteral("1"),
                                   QStringLiteral("--at"), QStringLiteral("2026-02-25T08:00:00Z") });
        act(QStringLiteral("resolve"), d, "2026-02-25T10:00:00Z", { QStringLiteral("--code"), QStringLiteral("fixed") });
    }

    CtlRun run(const QStringList &arguments) { return runCtl(m_db, arguments); }
    QString create(const QStringList &options)
    {
        const CtlRun r = run(QStringList { QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("Incident"),
                                           QStringLiteral("--json") } + options);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("number")).toString();
    }
    void act(const QString &action, const QString &number, const char *at, const QStringList &extra = {})
    {
        const CtlRun r = run(QStringList { action, number, QStringLiteral("--at"), QString::fromLatin1(at) } + extra);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    QJsonObject kpi(const QStringList &extra = {})
    {
        const CtlRun r = run(QStringList { QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                                           QStringLiteral("--to"), QStringLiteral("2026-03-08"), QStringLiteral("--tz"),
                                           QStringLiteral("UTC"), QStringLiteral("--json") } + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QString write(const QString &name, const QByteArray &content) { return writeFile(m_dir.filePath(name), content); }

    QTemporaryDir m_dir;
    QString m_db;
};

QJsonObject tileOf(const QJsonObject &report, const QString &measure)
{
    for (const QJsonValue &v : report.value(QStringLiteral("tiles")).toArray()) {
        if (v.toObject().value(QStringLiteral("measure")).toString() == measure)
            return v.toObject();
    }
    ADD_FAILURE() << "no tile " << measure.toStdString();
    return {};
}

double number(const QJsonObject &o, const char *path)
{
    QJsonValue v = o;
    for (const QString &key : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v.toDouble(-1);
}

TEST_F(CtlKpi, JsonGivesTheHandComputedFiguresOfTheWeek)
{
    const QJsonObject r = kpi();
    // --to 2026-03-08 means up to the end of that day: [2 March, 9 March).
    EXPECT_EQ(r.value(QStringLiteral("query")).toObject().value(QStringLiteral("to")).toString(),
              QStringLiteral("2026-03-09T00:00:00.000Z"));
    const QJsonObject current = r.value(QStringLiteral("current")).toObject();
    EXPECT_EQ(number(current, "opened"), 3);
    EXPECT_EQ(number(current, "resolved"), 2);
    // MTTA (10 + 30) / 2 = 20 min; MTTR (60 + 180) / 2 = 120 min; P1 alone: 60 min.
    EXPECT_EQ(number(current, "mtta.mean_ms"), 20 * Minute);
    EXPECT_EQ(number(current, "mtta.median_ms"), 20 * Minute);
    EXPECT_EQ(number(current, "mttr.mean_ms"), 120 * Minute);
    EXPECT_EQ(number(current, "mttr_critical.mean_ms"), 60 * Minute);
    // MTTD: A started 10 min before it was reported; B and C give no start (0 each).
    EXPECT_EQ(number(current, "mttd.count"), 3);
    EXPECT_EQ(number(current, "mttd.mean_ms"), 10 * Minute / 3);
    EXPECT_EQ(number(current, "first_contact_resolution.percent"), 100);
    EXPECT_EQ(number(current, "reopen_rate.percent"), 0);
    // Response: A (10 of 15 min) and B (30 min of 4 business h) met; C was reported
    // Wednesday 08:00 UTC, 09:00 Amsterdam, and by "now" (today) long past 4 business hours.
    EXPECT_EQ(number(current, "response_compliance.numerator"), 2);
    EXPECT_EQ(number(current, "response_compliance.denominator"), 3);
    EXPECT_EQ(number(current, "backlog_at_end"), 1);
    EXPECT_EQ(number(r.value(QStringLiteral("previous")).toObject(), "opened"), 1);

    const QJsonObject critical = tileOf(r, QStringLiteral("mttr_critical"));
    EXPECT_EQ(critical.value(QStringLiteral("judgement")).toString(), QStringLiteral("met")); // 1 h ≤ 4 h
    EXPECT_EQ(critical.value(QStringLiteral("target")).toDouble(), 240 * Minute);
    const QJsonObject volume = tileOf(r, QStringLiteral("volume"));
    EXPECT_EQ(volume.value(QStringLiteral("value")).toDouble(), 3);
    EXPECT_EQ(volume.value(QStringLiteral("previous")).toDouble(), 1);

    // Conveyor: down 09:50–11:00 = 70 min of the week's 10 080.
    const QJsonArray services = r.value(QStringLiteral("availability_by_service")).toArray();
    ASSERT_EQ(services.size(), 2);
    const QJsonObject conveyor = services.at(0).toObject();
    EXPECT_EQ(conveyor.value(QStringLiteral("name")).toString(), QStringLiteral("Conveyor"));
    EXPECT_EQ(conveyor.value(QStringLiteral("outage_ms")).toDouble(), 70 * Minute);
    EXPECT_DOUBLE_EQ(conveyor.value(QStringLiteral("percent")).toDouble(), 100.0 * (1 - 70.0 / 10080.0));
    EXPECT_EQ(conveyor.value(QStringLiteral("target_percent")).toDouble(), 99.5);
    EXPECT_EQ(services.at(1).toObject().value(QStringLiteral("percent")).toDouble(), 100.0);

    // Pareto: Software 2 (66.7 %), Hardware 1 (100 %).
    const QJsonArray pareto = r.value(QStringLiteral("category_pareto")).toArray();
    ASSERT_EQ(pareto.size(), 2);
    EXPECT_EQ(pareto.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Software"));
    EXPECT_DOUBLE_EQ(pareto.at(0).toObject().value(QStringLiteral("cumulative_percent")).toDouble(), 200.0 / 3);
    EXPECT_EQ(r.value(QStringLiteral("weeks")).toArray().size(), 1);
    EXPECT_EQ(r.value(QStringLiteral("backlog")).toArray().size(), 7);
}

TEST_F(CtlKpi, FiltersNarrowTheFigures)
{
    const QJsonObject p1 = kpi({ QStringLiteral("--priority"), QStringLiteral("P1") });
    EXPECT_EQ(number(p1.value(QStringLiteral("current")).toObject(), "opened"), 1);
    // With only P1 in view the MTTA tile is judged against the critical target (15 min).
    EXPECT_EQ(tileOf(p1, QStringLiteral("mtta")).value(QStringLiteral("judgement")).toString(), QStringLiteral("met"));
    const QJsonObject web = kpi({ QStringLiteral("--service"), QStringLiteral("Web shop") });
    EXPECT_EQ(number(web.value(QStringLiteral("current")).toObject(), "opened"), 2);
    const QJsonObject warehouse = kpi({ QStringLiteral("--domain"), QStringLiteral("warehouse") });
    EXPECT_EQ(number(warehouse.value(QStringLiteral("current")).toObject(), "opened"), 1);
}

TEST_F(CtlKpi, TheTableShowsPeriodFiltersAndJudgements)
{
    const CtlRun r = run({ QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
                           QStringLiteral("2026-03-08"), QStringLiteral("--tz"), QStringLiteral("UTC"),
                           QStringLiteral("--priority"), QStringLiteral("1") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("KPIs from 2026-03-02 00:00 to 2026-03-09 00:00 (UTC)"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Filters: P1")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Mean time to resolve, critical")));
}

TEST_F(CtlKpi, BadArgumentsAreRefusedWithExitCodeTwo)
{
    const QList<QStringList> bad = {
        { QStringLiteral("--from"), QStringLiteral("2026-02-30") },
        { QStringLiteral("--from"), QStringLiteral("2026-03-09"), QStringLiteral("--to"), QStringLiteral("2026-03-01") },
        { QStringLiteral("--priority"), QStringLiteral("P9") },
        { QStringLiteral("--domain"), QStringLiteral("space") },
        { QStringLiteral("--tz"), QStringLiteral("Mars/Olympus") },
        { QStringLiteral("stray") },
    };
    for (const QStringList &arguments : bad) {
        const CtlRun r = run(QStringList { QStringLiteral("kpi") } + arguments);
        EXPECT_EQ(r.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("error: "))) << r.err.toStdString();
    }
}

TEST_F(CtlKpi, TargetsAreSetFromAFileAndJudgeTheTiles)
{
    const CtlRun bad = run({ QStringLiteral("kpi"), QStringLiteral("targets"), QStringLiteral("--set"),
                             write(QStringLiteral("bad.json"), R"({"mttr_critical_minutes": "soon"})") });
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("mttr_critical_minutes"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("bad.json"))) << bad.err.toStdString();

    const CtlRun set = run({ QStringLiteral("kpi"), QStringLiteral("targets"), QStringLiteral("--set"),
                             write(QStringLiteral("targets.json"), R"({"mttr_critical_minutes": 30})"), QStringLiteral("--json") });
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(set.out.toUtf8()).object().value(QStringLiteral("mttr_critical_minutes")).toDouble(), 30);
    // 60 min is now more than the 30 min target.
    EXPECT_EQ(tileOf(kpi(), QStringLiteral("mttr_critical")).value(QStringLiteral("judgement")).toString(), QStringLiteral("missed"));
    const CtlRun shown = run({ QStringLiteral("kpi"), QStringLiteral("targets") });
    EXPECT_EQ(shown.exitCode, 0);
    EXPECT_TRUE(shown.out.contains(QStringLiteral("0h 30m"))) << shown.out.toStdString();
}

} // namespace
