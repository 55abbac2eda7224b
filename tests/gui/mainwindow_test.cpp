// The main window comes up offscreen.
#include "mainwindow.h"

#include <gtest/gtest.h>

TEST(MainWindow, HasTitle)
{
    kastle::ui::MainWindow w;
    EXPECT_EQ(w.windowTitle(), QStringLiteral("Kastle"));
}
