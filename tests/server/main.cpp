#include "serverfixture.h"

#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // The blocking test client runs QNetworkAccessManager in its own event loop.
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    const int result = RUN_ALL_TESTS();
    nocturne::tests::stopSharedBackends();
    return result;
}
