#include <QCoreApplication>

#include <gtest/gtest.h>

// The replicas' engines and the test HTTP client run their network on this thread's
// event loop, entered while a test waits for a cycle.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
