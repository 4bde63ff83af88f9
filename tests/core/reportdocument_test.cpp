// The report document's writers: what Markdown and HTML escape, how tables come out, and
// that a supervisor's notes survive exactly as typed.
#include "testsupport.h"

#include "core/report/reportdocument.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

ReportDocument sample()
{
    ReportDocument doc;
    doc.title = QStringLiteral("Shift *handover*");
    doc.meta << QStringLiteral("Period: 2026-11-27 06:00 – 14:00");
    ReportTable t;
    t.header = { QStringLiteral("Incident"), QStringLiteral("Title"), QStringLiteral("Age") };
    t.alignment = { ReportTable::Align::Left, ReportTable::Align::Left, ReportTable::Align::Right };
    t.rows << QStringList { QStringLiteral("INC0000001"), QStringLiteral("Sorter A|B <jam> & stop"), QStringLiteral("4h 05m") };
    t.rows << QStringList { QStringLiteral("INC0000002"), QStringLiteral("two\nlines"), QStringLiteral("-3m 00s") };
    doc.addSection(QStringLiteral("Open incidents")).table(t);
    return doc;
}

TEST(ReportDocument, MarkdownTableEscapesPipesAndKeepsColumnAlignment)
{
    const QString md = sample().toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| Incident | Title | Age |\n| --- | --- | ---: |\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| INC0000001 | Sorter A\\|B \\<jam\\> & stop | 4h 05m |\n"))) << md.toStdString();
    // Line breaks inside a cell must not end the row; a leading minus is not a list there.
    EXPECT_TRUE(md.contains(QStringLiteral("| INC0000002 | two<br>lines | -3m 00s |\n"))) << md.toStdString();
}

TEST(ReportDocument, MarkdownEscapesFormattingInTitlesAndText)
{
    ReportDocument doc = sample();
    doc.sections.first().paragraph(QStringLiteral("# not a heading, *not bold*, [not](a link)"));
    const QString md = doc.toMarkdown();
    EXPECT_TRUE(md.startsWith(QStringLiteral("# Shift \\*handover\\*\n\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("\\# not a heading, \\*not bold\\*, \\[not\\](a link)\n"))) << md.toStdString();
}

TEST(ReportDocument, HtmlEscapesMarkupAndAlignsNumbersRight)
{
    const QString html = sample().toHtml();
    // Widths in average characters of a 90-character line: each column first gets its
    // longest word × 1.15 + 2 (Incident 13.5, Title "Sorter" 8.9, Age 5.45); the spare 62.15
    // goes by how much longer the lines run (Title 25 − 8.9, Age 9 − 5.45): 15 %, 66 %, 19 %.
    EXPECT_TRUE(html.contains(QStringLiteral("<th width=\"15%\">Incident</th><th width=\"66%\">Title</th><th align=\"right\" width=\"19%\">Age</th>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<td width=\"66%\">Sorter A|B &lt;jam&gt; &amp; stop</td>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<td align=\"right\" width=\"19%\">4h 05m</td>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<td width=\"66%\">two<br>lines</td>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<h1>Shift *handover*</h1>"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("<jam>")));
}

TEST(ReportDocument, VerbatimNotesAreKeptAsTypedInMarkdownAndEscapedInHtml)
{
    const QString notes = QStringLiteral("## Watch\n- Conveyor *C3* restarts at 06:00 | ask <Ben>\n\n1. second");
    ReportDocument doc;
    doc.title = QStringLiteral("Notes");
    doc.addSection(QStringLiteral("Supervisor's notes")).verbatim(notes);
    EXPECT_TRUE(doc.toMarkdown().contains(notes + QLatin1Char('\n')));
    const QString html = doc.toHtml();
    EXPECT_TRUE(html.contains(QStringLiteral("restarts at 06:00 | ask &lt;Ben&gt;"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("white-space: pre-wrap")));
}

TEST(ReportDocument, AnEmptyTableShowsItsEmptyText)
{
    ReportTable t;
    t.header = { QStringLiteral("Time"), QStringLiteral("Incident") };
    t.emptyText = QStringLiteral("No escalations during the shift.");
    ReportDocument doc;
    doc.title = QStringLiteral("X");
    doc.addSection(QStringLiteral("Escalations")).table(t);
    EXPECT_TRUE(doc.toMarkdown().contains(QStringLiteral("## Escalations\n\nNo escalations during the shift.\n")));
    EXPECT_FALSE(doc.toMarkdown().contains(QStringLiteral("| Time |")));
    EXPECT_TRUE(doc.toHtml().contains(QStringLiteral("<p class=\"empty\">No escalations during the shift.</p>")));
}

TEST(ReportDocument, KeyValuesAndLinksRenderInBothFormats)
{
    ReportDocument doc;
    doc.title = QStringLiteral("KPI report");
    doc.addSection(QStringLiteral("Summary"))
        .keyValues({ { QStringLiteral("Incidents opened"), QStringLiteral("132") } })
        .link(QStringLiteral("Definitions"), QStringLiteral("docs/kpi.md"));
    EXPECT_TRUE(doc.toMarkdown().contains(QStringLiteral("- **Incidents opened:** 132\n")));
    EXPECT_TRUE(doc.toMarkdown().contains(QStringLiteral("[Definitions](docs/kpi.md)\n")));
    EXPECT_TRUE(doc.toHtml().contains(QStringLiteral("<a href=\"docs/kpi.md\">Definitions</a>")));
}

} // namespace
} // namespace nocturne::core::test
