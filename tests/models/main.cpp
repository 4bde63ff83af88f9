#include <QGuiApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Offscreen and in a fixed zone, so rendering and local-time formatting are the
    // same on every machine.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Europe/Berlin");
    ::testing::InitGoogleTest(&argc, argv);
    QGuiApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
