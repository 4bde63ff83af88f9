#include <QCoreApplication>

#include <gtest/gtest.h>

// QtSql and the translators need an application object; the tests run without an
// event loop, on the main thread.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
