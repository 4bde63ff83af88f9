// nocturnectl report kpi|handover end to end: the real executable on a real SQLite file
// with a hand-made shift, every format parsed back, and the failures that must leave
// nothing behind.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

// 24×7: respond within 1 h, resolve within 8 h.
const char *const policyJson = R"({
  "policies": [ { "id": "all", "name": "Round the clock", "response_minutes": 60, "resolution_minutes": 480 } ]
})";

class CtlReport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
        ASSERT_EQ(run({ QStringLiteral("init") }).exitCode, 0);
        const CtlRun imported = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"),
                                      write(QStringLiteral("policy.json"), policyJson) });
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        // The shift is 2026-03-10 06:00–14:00 UTC.
        m_a = create(QStringLiteral("Conveyor C3 stopped"), 1, QStringLiteral("2026-03-10T01:00:00Z")); // P1, never acked
        m_b = create(QStringLiteral("Label printer offline"), 2, QStringLiteral("2026-03-10T07:00:00Z"));
        act(QStringLiteral("ack"), m_b, QStringLiteral("2026-03-10T07:10:00Z"));
        act(QStringLiteral("resolve"), m_b, QStringLiteral("2026-03-10T08:00:00Z"), { QStringLiteral("--code"), QStringLiteral("fixed") });
        m_c = create(QStringLiteral("Scanner battery low"), 3, QStringLiteral("2026-03-10T12:00:00Z"));
        act(QStringLiteral("ack"), m_c, QStringLiteral("2026-03-10T12:05:00Z"));
        m_late = create(QStringLiteral("After the shift"), 2, QStringLiteral("2026-03-10T15:00:00Z"));
    }

    CtlRun run(const QStringList &arguments) { return runCtl(m_db, arguments); }
    QString write(const QString &name, const QByteArray &content) { return writeFile(m_dir.filePath(name), content); }
    QByteArray read(const QString &name)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // impact = urgency = level: 1 is P1, 2 is P3, 3 is P5.
    QString create(const QString &title, int level, const QString &at)
    {
        const CtlRun r = run({ QStringLiteral("create"), QStringLiteral("--title"), title, QStringLiteral("--impact"),
                               QString::number(level), QStringLiteral("--urgency"), QString::number(level),
                               QStringLiteral("--at"), at, QStringLiteral("--json") });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("number")).toString();
    }
    void act(const QString &action, const QString &number, const QString &at, const QStringList &extra = {})
    {
        const CtlRun r = run(QStringList { action, number, QStringLiteral("--at"), at } + extra);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    CtlRun handover(const QString &format, const QString &out, const QStringList &extra = {})
    {
        return run(QStringList { QStringLiteral("report"), QStringLiteral("handover"), QStringLiteral("--format"), format,
                                 QStringLiteral("--out"), m_dir.filePath(out), QStringLiteral("--shift-start"),
                                 QStringLiteral("2026-03-10T06:00:00Z"), QStringLiteral("--shift-end"),
                                 QStringLiteral("2026-03-10T14:00:00Z"), QStringLiteral("--tz"), QStringLiteral("UTC") }
                   + extra);
    }
    CtlRun kpi(const QString &format, const QString &out, const QStringList &extra = {})
    {
        return run(QStringList { QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--format"), format,
                                 QStringLiteral("--out"), m_dir.filePath(out), QStringLiteral("--from"),
                                 QStringLiteral("2026-03-09"), QStringLiteral("--to"), QStringLiteral("2026-03-10"),
                                 QStringLiteral("--tz"), QStringLiteral("UTC") }
                   + extra);
    }
    // Nothing but the files this fixture wrote: no temporary leftovers of a failed write.
    QStringList strayFiles()
    {
        QStringList names = QDir(m_dir.path()).entryList(QDir::Files);
        names.removeIf([](const QString &n) {
            return n.startsWith(QLatin1StringView("ops.db")) || n == QLatin1StringView("policy.json")
                || n == QLatin1StringView("notes.md") || n == QLatin1StringView("keep.md");
        });
        return names;
    }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_a, m_b, m_c, m_late;
};

int pageCount(const QByteArray &pdf)
{
    // Page objects, not the page tree ("/Type /Pages").
    static const QRegularExpression page(QStringLiteral(R"(/Type\s*/Page(?!s))"));
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

TEST_F(CtlReport, HandoverMarkdownListsTheShiftAndKeepsTheNotes)
{
    const QString notes = QStringLiteral("## Watch\n- Conveyor *C3* restarts at 06:00 | ask Ben\n");
    write(QStringLiteral("notes.md"), notes.toUtf8());
    const CtlRun r = handover(QStringLiteral("md"), QStringLiteral("handover.md"),
                              { QStringLiteral("--notes"), m_dir.filePath(QStringLiteral("notes.md")) });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString md = QString::fromUtf8(read(QStringLiteral("handover.md")));
    EXPECT_TRUE(md.startsWith(QStringLiteral("# Shift handover\n\n2026-03-10 06:00 – 2026-03-10 14:00\n\n"
                                             "Shift: 2026-03-10 06:00 – 2026-03-10 14:00 (end exclusive)  \n"
                                             "Scope: all incidents  \nTime zone: UTC  \n")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("- **Open at the shift end:** 2\n- **At risk:** 1\n"
                                           "- **Opened during the shift:** 2\n- **Resolved during the shift:** 1\n"
                                           "- **Escalations:** 0\n")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| %1 | P1 - Critical | Conveyor C3 stopped | Response breached; Resolution breached | 2026-03-10 09:00 |").arg(m_a)))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| %1 | P5 - Planning | In Progress | Scanner battery low | unassigned | 2h 00m | resolution 25 % |").arg(m_c)))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Change | Count |\n| --- | ---: |\n| Opened | 2 |\n| Acknowledged | 2 |\n| Resolved | 1 |\n")))
        << md.toStdString();
    EXPECT_TRUE(md.endsWith(QStringLiteral("## Supervisor's notes\n\n") + notes + QLatin1Char('\n'))) << md.toStdString();
    EXPECT_FALSE(md.contains(m_late));
}

TEST_F(CtlReport, HandoverTimesWithoutOffsetAreInTheGivenZone)
{
    const CtlRun r = run({ QStringLiteral("report"), QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("md"),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("berlin.md")), QStringLiteral("--shift-start"),
                           QStringLiteral("2026-03-10T07:00"), QStringLiteral("--shift-end"), QStringLiteral("2026-03-10T15:00"),
                           QStringLiteral("--tz"), QStringLiteral("Europe/Berlin"), QStringLiteral("--note"), QStringLiteral("ok") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString md = QString::fromUtf8(read(QStringLiteral("berlin.md")));
    // 07:00–15:00 in Berlin (UTC+1 in March before the switch) is 06:00–14:00 UTC: the same shift.
    EXPECT_TRUE(md.contains(QStringLiteral("Time zone: Europe/Berlin"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("- **Open at the shift end:** 2\n"))) << md.toStdString();
}

TEST_F(CtlReport, HandoverPdfIsAPdfOfSanePageCount)
{
    const CtlRun r = handover(QStringLiteral("pdf"), QStringLiteral("handover.pdf"), { QStringLiteral("--note"), QStringLiteral("All quiet.") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QByteArray pdf = read(QStringLiteral("handover.pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_GT(pdf.size(), 1024);
    EXPECT_GE(pageCount(pdf), 1);
    EXPECT_LE(pageCount(pdf), 3);
}

TEST_F(CtlReport, KpiMarkdownStatesPeriodFiltersAndFigures)
{
    const CtlRun r = kpi(QStringLiteral("md"), QStringLiteral("kpi.md"), { QStringLiteral("--priority"), QStringLiteral("P1,P3") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString md = QString::fromUtf8(read(QStringLiteral("kpi.md")));
    // --to is inclusive of its day: the period ends at midnight after 2026-03-10.
    EXPECT_TRUE(md.contains(QStringLiteral("Period: 2026-03-09 00:00 – 2026-03-11 00:00 (end exclusive)"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("Time zone: UTC")));
    EXPECT_TRUE(md.contains(QStringLiteral("Filters: P1"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("## Definitions")));
    EXPECT_TRUE(md.contains(QStringLiteral("## Key figures")));
    // P1 and P3 opened in the period: the conveyor and the printer (the late one is P3 too).
    EXPECT_TRUE(md.contains(QStringLiteral("- **Incidents opened:** 3\n"))) << md.toStdString();
}

TEST_F(CtlReport, KpiPdfHasPagesAndAFooter)
{
    const CtlRun r = kpi(QStringLiteral("pdf"), QStringLiteral("kpi.pdf"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QByteArray pdf = read(QStringLiteral("kpi.pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_GT(pdf.size(), 1024);
    EXPECT_GE(pageCount(pdf), 2); // definitions, figures and seven tables do not fit one A4 page
    EXPECT_LE(pageCount(pdf), 8);
}

TEST_F(CtlReport, OnlyPdfStartsTheGraphicsSystem)
{
    // A platform that cannot start (no X display) would abort a QGuiApplication: Markdown
    // must not create one, and PDF must pick "offscreen" by itself when none is set.
    QProcessEnvironment broken = QProcessEnvironment::systemEnvironment();
    broken.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    broken.remove(QStringLiteral("DISPLAY"));
    broken.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const CtlRun md = runCtl(m_db, { QStringLiteral("report"), QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("md"),
                                     QStringLiteral("--out"), m_dir.filePath(QStringLiteral("h.md")) }, broken);
    EXPECT_EQ(md.exitCode, 0) << md.err.toStdString();

    QProcessEnvironment unset = QProcessEnvironment::systemEnvironment();
    unset.remove(QStringLiteral("QT_QPA_PLATFORM"));
    unset.remove(QStringLiteral("DISPLAY"));
    const CtlRun pdf = runCtl(m_db, { QStringLiteral("report"), QStringLiteral("handover"), QStringLiteral("--format=pdf"),
                                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("h.pdf")) }, unset);
    EXPECT_EQ(pdf.exitCode, 0) << pdf.err.toStdString();
    EXPECT_TRUE(read(QStringLiteral("h.pdf")).startsWith("%PDF-"));
}

TEST_F(CtlReport, KpiCsvParsesBackWithTheDocumentedColumns)
{
    const CtlRun r = kpi(QStringLiteral("csv"), QStringLiteral("kpi.csv"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = QString::fromUtf8(read(QStringLiteral("kpi.csv"))).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_GT(lines.size(), 10);
    EXPECT_EQ(lines.first(), QStringLiteral("table,period_start,period_end,subject,metric,value,unit"));
    EXPECT_TRUE(lines.contains(QStringLiteral("summary,2026-03-09T00:00:00Z,2026-03-11T00:00:00Z,,opened,4,count")))
        << lines.join(u'\n').toStdString();
    for (const QString &line : lines)
        EXPECT_EQ(line.split(QLatin1Char(',')).size(), 7) << line.toStdString(); // no name here needs quotes
}

TEST_F(CtlReport, KpiJsonParsesBackWithItsKeys)
{
    const CtlRun r = kpi(QStringLiteral("json"), QStringLiteral("kpi.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(read(QStringLiteral("kpi.json")), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    ASSERT_TRUE(doc.isObject());
    for (const char *key : { "query", "targets", "tiles", "weeks", "compliance_by_priority", "availability_by_service",
                             "category_pareto", "definitions" })
        EXPECT_TRUE(doc.object().contains(QLatin1StringView(key))) << key;
}

TEST_F(CtlReport, BadArgumentsExitTwoAndWriteNothing)
{
    const struct
    {
        QStringList arguments;
        const char *message;
    } cases[] = {
        { { QStringLiteral("kpi"), QStringLiteral("--format"), QStringLiteral("xls"), QStringLiteral("--out"), QStringLiteral("x") }, "unknown format \"xls\"" },
        { { QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), QStringLiteral("x") }, "unknown format \"csv\"" },
        { { QStringLiteral("kpi"), QStringLiteral("--format"), QStringLiteral("md") }, "--out FILE is required" },
        { { QStringLiteral("kpi"), QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--from"), QStringLiteral("2026-13-01") }, "--from: \"2026-13-01\" is not a date" },
        { { QStringLiteral("kpi"), QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--tz"), QStringLiteral("Mars/Olympus") }, "not a known IANA time zone" },
        { { QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--shift-start"), QStringLiteral("2026-03-10T14:00:00Z"), QStringLiteral("--shift-end"), QStringLiteral("2026-03-10T06:00:00Z") }, "--shift-start must be before --shift-end" },
        { { QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--note"), QStringLiteral("a"), QStringLiteral("--notes"), QStringLiteral("b") }, "not both" },
        { { QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--notes"), QStringLiteral("/no/such/notes.md") }, "/no/such/notes.md" },
        { { QStringLiteral("weekly") }, "unknown report \"weekly\"" },
    };
    for (const auto &c : cases) {
        QStringList arguments { QStringLiteral("report") };
        for (QString a : c.arguments)
            arguments << (a == QLatin1StringView("x") ? m_dir.filePath(QStringLiteral("x.out")) : a);
        const CtlRun r = run(arguments);
        EXPECT_EQ(r.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(c.message))) << r.err.toStdString();
    }
    EXPECT_EQ(strayFiles(), QStringList {});
}

TEST_F(CtlReport, AnUnwritableOutputSaysThePathAndWhy)
{
    const QString target = m_dir.filePath(QStringLiteral("missing-folder/report.md"));
    const CtlRun r = run({ QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--format"), QStringLiteral("md"),
                           QStringLiteral("--out"), target });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("cannot write %1: ").arg(target))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("No such file or directory"))) << r.err.toStdString();
}

TEST_F(CtlReport, AFailedReportLeavesAnExistingFileUntouched)
{
    const QString keep = write(QStringLiteral("keep.md"), "previous report\n");
    const CtlRun r = runCtl(m_dir.filePath(QStringLiteral("no-such.db")),
                            { QStringLiteral("report"), QStringLiteral("handover"), QStringLiteral("--format"),
                              QStringLiteral("md"), QStringLiteral("--out"), keep });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(read(QStringLiteral("keep.md")), QByteArray("previous report\n"));
    EXPECT_EQ(strayFiles(), QStringList {});
}

} // namespace
