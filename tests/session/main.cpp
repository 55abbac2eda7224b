// Main of kastle_core_tests: one QCoreApplication for the whole binary (sessions run their own
// threads but report to the main thread's event loop).
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
