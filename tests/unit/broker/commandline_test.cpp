// kastle-broker's command line.
#include "config/commandline.h"

#include <gtest/gtest.h>

using namespace kastle::broker;

namespace {
CommandLine parse(std::vector<std::string> args)
{
    return parseCommandLine(args);
}
} // namespace

TEST(CommandLine, DefaultsAndAllOptions)
{
    auto cl = parse({"--data-dir", "/tmp/x"});
    ASSERT_EQ(cl.action, CommandLine::Action::Run) << cl.error;
    EXPECT_EQ(cl.options.dataDir, "/tmp/x");
    EXPECT_EQ(cl.options.host, "127.0.0.1");
    EXPECT_EQ(cl.options.port, 9092);
    EXPECT_TRUE(cl.options.autoCreateTopics);
    EXPECT_EQ(cl.options.numPartitions, 1);
    EXPECT_EQ(cl.options.brokers, 1);

    cl = parse({"--data-dir=/d", "--host", "0.0.0.0", "--port=0", "--auto-create-topics", "false",
                "--num-partitions", "4", "--log-level", "debug", "--brokers", "1"});
    ASSERT_EQ(cl.action, CommandLine::Action::Run) << cl.error;
    EXPECT_EQ(cl.options.dataDir, "/d");
    EXPECT_EQ(cl.options.host, "0.0.0.0");
    EXPECT_EQ(cl.options.port, 0);
    EXPECT_FALSE(cl.options.autoCreateTopics);
    EXPECT_EQ(cl.options.numPartitions, 4);
    EXPECT_EQ(cl.options.logLevel, LogLevel::Debug);
}

TEST(CommandLine, HelpAndVersion)
{
    EXPECT_EQ(parse({"--help"}).action, CommandLine::Action::Help);
    EXPECT_EQ(parse({"--version"}).action, CommandLine::Action::Version);
    EXPECT_NE(usageText().find("--data-dir"), std::string::npos);
}

TEST(CommandLine, BadArgumentsAreErrors)
{
    const std::vector<std::vector<std::string>> bad = {
        {},
        {"--port", "1"},
        {"--data-dir"},
        {"--data-dir", "/d", "--port", "70000"},
        {"--data-dir", "/d", "--port", "http"},
        {"--data-dir", "/d", "--auto-create-topics", "yes"},
        {"--data-dir", "/d", "--num-partitions", "0"},
        {"--data-dir", "/d", "--log-level", "loud"},
        {"--data-dir", "/d", "--frobnicate"},
        {"--data-dir", "/d", "--brokers", "0"},
    };
    for (const auto &args : bad) {
        const auto cl = parse(args);
        EXPECT_EQ(cl.action, CommandLine::Action::Error) << ::testing::PrintToString(args);
        EXPECT_FALSE(cl.error.empty());
    }
}

TEST(CommandLine, MoreThanOneBrokerIsRefusedClearly)
{
    const auto cl = parse({"--data-dir", "/d", "--brokers", "3"});
    EXPECT_EQ(cl.action, CommandLine::Action::Error);
    EXPECT_NE(cl.error.find("--brokers 1"), std::string::npos) << cl.error;
}
