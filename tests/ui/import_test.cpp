// The console's import: the controller behind File ▸ Import runs the real importer on
// its own thread against the console's database file, while the console stays live.
#include "uitestsupport.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QProgressDialog>
#include <QSignalSpy>

#include <models/incidentqueuemodel.h>
#include <ui/importcontroller.h>
#include <ui/importdialog.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(NOCTURNE_TEST_DATA "/import/") + QLatin1StringView(name);
}

class ImportConsoleTest : public LoadedConsoleTest
{
protected:
    ImportController *controller()
    {
        return console->window->findChild<ImportController *>(QStringLiteral("importController"));
    }
};

} // namespace

TEST_F(ImportConsoleTest, TheFileMenuOffersBothImports)
{
    QStringList texts;
    for (QAction *menu : console->window->menuBar()->actions()) {
        if (menu->menu() && menu->text() == QStringLiteral("&File")) {
            for (QAction *a : menu->menu()->actions())
                texts << a->text();
        }
    }
    EXPECT_TRUE(texts.contains(QStringLiteral("Import from &ServiceNow…")))
        << texts.join(u'|').toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("Import from &Jira…")));
}

TEST_F(ImportConsoleTest, ImportsOnItsOwnThreadUpToOneHundredPercentAndTheIncidentsLand)
{
    ImportController *imports = controller();
    ASSERT_NE(imports, nullptr);
    imports->setShowsResult(false);
    QSignalSpy progress(imports, &ImportController::progressed);
    QSignalSpy finished(imports, &ImportController::finished);

    ASSERT_TRUE(
        imports->startImport(QStringLiteral("servicenow"), dataFile("servicenow_history.csv"), {}));
    EXPECT_TRUE(imports->isRunning());
    EXPECT_FALSE(imports->serviceNowAction()->isEnabled());
    auto *dialog = console->window->findChild<QProgressDialog *>(QStringLiteral("importProgress"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    // The GUI thread is not blocked: the start returned before the import finished.
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 20'000));

    const auto result = finished.first().first().value<core::ImportResult>();
    EXPECT_TRUE(result.ok()) << result.fatal.toStdString() << result.error.toStdString();
    EXPECT_EQ(result.incidentsCreated, 4);
    EXPECT_EQ(result.skipped.size(), 3);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().first().toInt(), 100);
    EXPECT_FALSE(imports->isRunning());
    EXPECT_TRUE(imports->serviceNowAction()->isEnabled());

    // The demo history already numbers INC0000045: the import takes the source prefix.
    EXPECT_TRUE(result.renumbered.contains(QStringLiteral("INC0000045 → SN-INC0000045")));
    const auto imported = database.incident(QStringLiteral("SN-INC0000045"));
    ASSERT_TRUE(imported.has_value());
    EXPECT_EQ(imported->state, core::IncidentState::Closed);
    EXPECT_EQ(imported->source, QStringLiteral("servicenow"));

    // The console's own writer still works beside it.
    const core::CommandResult acknowledged
        = database.executeExternally({ core::IncidentAction::Acknowledge,
            database.freshIncidentId(), {}, QStringLiteral("ana"), 0 });
    EXPECT_TRUE(acknowledged.ok()) << acknowledged.error.toStdString();
}

TEST_F(ImportConsoleTest, ReportsAnUnreadableFileWithoutImportingAnything)
{
    ImportController *imports = controller();
    ASSERT_NE(imports, nullptr);
    imports->setShowsResult(false);
    QSignalSpy finished(imports, &ImportController::finished);
    ASSERT_TRUE(imports->startImport(
        QStringLiteral("servicenow"), dataFile("servicenow_malformed.csv"), {}));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 20'000));
    const auto result = finished.first().first().value<core::ImportResult>();
    EXPECT_TRUE(result.fatal.contains(QStringLiteral("line 2"))) << result.fatal.toStdString();
}

TEST(ImportDialogTest, RefusesAMissingFileAndABadDateFormat)
{
    ImportDialog dialog(QStringLiteral("jira"));
    dialog.setFilePath(QStringLiteral("/no/such/export.csv"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("importError"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->text().contains(QStringLiteral("exists")));

    dialog.setFilePath(dataFile("jira_export.csv"));
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("importDateFormat"));
    ASSERT_NE(format, nullptr);
    format->setEditText(QStringLiteral("HH:mm"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_TRUE(error->text().contains(QStringLiteral("must name the day")));

    format->setCurrentIndex(format->findText(QStringLiteral("dd/MMM/yy h:mm AP")));
    EXPECT_EQ(dialog.options().dateFormats, QStringList { QStringLiteral("dd/MMM/yy h:mm AP") });
    format->setCurrentIndex(0);
    EXPECT_TRUE(dialog.options().dateFormats.isEmpty());
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}
