#include "uitestsupport.h"

#include <QAbstractButton>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

QMessageBox *errorDialog(MainWindow &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("databaseErrorDialog"));
}

} // namespace

TEST(DatabaseErrorTest, AMissingDatabaseIsExplainedInADialogThenEndsTheProgram)
{
    resetSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.db"));
    ConsoleFixture console(path);
    QSignalSpy unusable(console.window.get(), &MainWindow::unusableDatabaseAcknowledged);

    ASSERT_TRUE(waitFor([&] { return errorDialog(*console.window) != nullptr; }));
    QMessageBox *box = errorDialog(*console.window);
    EXPECT_EQ(box->icon(), QMessageBox::Critical);
    EXPECT_TRUE(box->informativeText().contains(path)) << box->informativeText().toStdString();
    EXPECT_FALSE(QFile::exists(path)) << "opening must not create the file";

    box->button(QMessageBox::Ok)->click();
    EXPECT_TRUE(unusable.count() == 1 || unusable.wait(1000));
}

TEST(DatabaseErrorTest, ACorruptFileIsReportedAndLeftUntouched)
{
    resetSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.db"));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 7919) % 251));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    ConsoleFixture console(path);
    ASSERT_TRUE(waitFor([&] { return errorDialog(*console.window) != nullptr; }));
    EXPECT_FALSE(errorDialog(*console.window)->informativeText().isEmpty());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), garbage);
    // The window stays a window: no crash, and it still says what it is.
    EXPECT_TRUE(console.window->isVisible());
}
