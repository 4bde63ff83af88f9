// The shift-handover dialog offscreen on a real demo database: the Reports menu opens it
// without blocking, the preview fills once the background job is done, and the notes
// typed reach the saved Markdown and survive closing the dialog.
#include "uitestsupport.h"

#include <core/report/kpireportdocument.h>
#include <core/report/reportjobs.h>
#include <report/pdfwriter.h>
#include <ui/handoverdialog.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

class HandoverConsoleTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        resetSettings();
        ASSERT_TRUE(database.ok()) << database.error().toStdString();
        console = std::make_unique<ConsoleFixture>(database.path());
        ASSERT_TRUE(console->waitUntilLoaded());
    }
    QAction *action(const char *name) { return console->window->findChild<QAction *>(QString::fromLatin1(name)); }
    // Opens the dialog the way a supervisor does, through the menu's action.
    HandoverDialog *openHandover()
    {
        QAction *handover = action("handoverAction");
        if (!handover)
            return nullptr;
        handover->trigger(); // show(), not exec(): the test goes on at once
        auto *dialog = console->window->findChild<HandoverDialog *>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    DemoDatabase database { 300, 42, true };
    std::unique_ptr<ConsoleFixture> console;
};

TEST_F(HandoverConsoleTest, TheReportsMenuOffersHandoverWithItsShortcutAndKpiExport)
{
    QMenu *reports = nullptr;
    for (QAction *a : console->window->menuBar()->actions())
        if (a->text() == QStringLiteral("&Reports"))
            reports = a->menu();
    ASSERT_NE(reports, nullptr);
    ASSERT_NE(action("handoverAction"), nullptr);
    EXPECT_EQ(action("handoverAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    EXPECT_TRUE(reports->actions().contains(action("handoverAction")));
    EXPECT_TRUE(reports->actions().contains(action("exportKpiAction")));
}

TEST_F(HandoverConsoleTest, ThePreviewFillsAfterTheBackgroundJobAndTheNotesReachTheMarkdown)
{
    HandoverDialog *dialog = openHandover();
    ASSERT_NE(dialog, nullptr);
    // The read runs on the pool: the dialog is up and says so before the data is there
    // (its result can only arrive through the event loop, which has not run yet).
    EXPECT_EQ(dialog->findChild<QLabel *>(QStringLiteral("handoverStatus"))->text(), QStringLiteral("Preparing…"));
    EXPECT_FALSE(dialog->hasData());
    EXPECT_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("savePdfButton"))->isEnabled());
    ASSERT_TRUE(waitFor([dialog] { return dialog->hasData(); }, 15'000));
    EXPECT_TRUE(dialog->findChild<QPushButton *>(QStringLiteral("savePdfButton"))->isEnabled());
    EXPECT_TRUE(dialog->findChild<QPushButton *>(QStringLiteral("saveMarkdownButton"))->isEnabled());
    const QString preview = dialog->findChild<QTextBrowser *>(QStringLiteral("handoverPreview"))->toPlainText();
    EXPECT_TRUE(preview.contains(QStringLiteral("Open incidents"))) << preview.toStdString();
    EXPECT_TRUE(preview.contains(QStringLiteral("What changed during the shift")));

    const QString notes = QStringLiteral("## Watch\n- Sorter *C3* restarts at 06:00 | ask Ben\n");
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("handoverNotes"))->setPlainText(notes);
    ASSERT_TRUE(waitFor([dialog] { return dialog->previewHtml().contains(QStringLiteral("ask Ben")); }));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handover.md"));
    ASSERT_TRUE(dialog->saveMarkdown(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(md.contains(QStringLiteral("## Supervisor's notes\n\n") + notes)) << md.toStdString();
    EXPECT_TRUE(md.startsWith(QStringLiteral("# Shift handover")));

    const QString pdfPath = dir.filePath(QStringLiteral("handover.pdf"));
    ASSERT_TRUE(dialog->savePdf(pdfPath));
    QFile pdf(pdfPath);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.readAll().startsWith("%PDF-"));

    dialog->grab().save(screenshotPath(QStringLiteral("handover-dialog.png")));
}

TEST_F(HandoverConsoleTest, NotesSurviveClosingTheDialogAndAreKeptAsADraft)
{
    HandoverDialog *dialog = openHandover();
    ASSERT_NE(dialog, nullptr);
    dialog->setNotes(QStringLiteral("Call the WMS vendor at 07:00."));
    dialog->reject();
    EXPECT_FALSE(dialog->isVisible());
    HandoverDialog *again = openHandover();
    ASSERT_EQ(again, dialog);
    EXPECT_EQ(again->notes(), QStringLiteral("Call the WMS vendor at 07:00."));
    EXPECT_EQ(QSettings().value(QStringLiteral("reports/handoverNotesDraft")).toString(),
              QStringLiteral("Call the WMS vendor at 07:00."));
    // A new dialog (a new session) starts from the draft.
    HandoverDialog fresh(database.path(), console->clock);
    EXPECT_EQ(fresh.notes(), QStringLiteral("Call the WMS vendor at 07:00."));
    ASSERT_TRUE(waitFor([&fresh] { return fresh.hasData(); }, 15'000));
    ASSERT_TRUE(waitFor([again] { return again->hasData(); }, 15'000));
}

// No PDF renderer is installed here, so the pages are drawn by the PDF's own layout code
// into images to look at (build/screenshots/*-page*.png).
TEST_F(HandoverConsoleTest, ReportPagesRenderWithContentAndFooter)
{
    core::KpiQuery query;
    query.toUtcMs = console->clock.nowMs();
    query.fromUtcMs = query.toUtcMs - 30LL * 24 * 3600 * 1000;
    core::DatabaseError error;
    const core::KpiReportPtr kpi = core::computeKpiReportFromFile(database.path(), query, query.toUtcMs, &error);
    ASSERT_TRUE(kpi) << error.message.toStdString();
    const core::ReportDocument document = core::kpiReportDocument(*kpi);
    for (int page = 0; page < 2; ++page) {
        const QImage image = report::pageImage(document, page);
        ASSERT_FALSE(image.isNull());
        // Something is drawn: not a blank page.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        EXPECT_GT(dark, 500) << "page " << page;
        EXPECT_TRUE(image.save(screenshotPath(QStringLiteral("kpi-report-page%1.png").arg(page + 1))));
    }

    core::HandoverQuery shift;
    shift.toUtcMs = query.toUtcMs;
    shift.fromUtcMs = shift.toUtcMs - 8 * 3600 * 1000;
    const auto data = core::loadHandoverFromFile(database.path(), shift, shift.toUtcMs, &error);
    ASSERT_TRUE(data.has_value()) << error.message.toStdString();
    const QImage handover = report::pageImage(core::handoverDocument(*data, QStringLiteral("## Watch\n- Sorter 3")), 0);
    EXPECT_TRUE(handover.save(screenshotPath(QStringLiteral("handover-report-page1.png"))));
}

} // namespace
