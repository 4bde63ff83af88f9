#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    // Offscreen before the application exists. Settings go to a folder of this process
    // alone: the layout tests never touch an operator's real configuration, and test
    // processes that ctest runs in parallel never see each other's layouts.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne-ui-tests"));
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    if (!settingsDir.isValid())
        return 1;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    const int result = RUN_ALL_TESTS();
    // Leave without tearing the application down: once, under parallel load, a process
    // whose tests had all passed hung for minutes after them, in the teardown of the
    // multimedia (alert sound) back end on a machine without an audio device. The
    // verdict is in; only the temporary settings folder needs removing.
    settingsDir.remove();
    std::fflush(nullptr);
    std::_Exit(result);
}
