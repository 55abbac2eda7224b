// The kastle-broker process contract: exactly one ready line on stdout, clean shutdown on
// SIGTERM and SIGINT (exit 0, clean-shutdown marker), a data directory used by one broker at a
// time, usage and exit code 2 for bad arguments.
#include "processes.h"

#include "../../support/tempdir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

using namespace kastle::testing;

TEST(BrokerProcess, PrintsOneReadyLineAndStopsCleanlyOnSigterm)
{
    TempDir dir;
    BrokerProcess broker(dir / "data");
    ASSERT_TRUE(broker.start()) << broker.log();
    EXPECT_TRUE(std::regex_match(broker.stdoutText(),
                                 std::regex("ready bootstrap=127\\.0\\.0\\.1:[1-9][0-9]*\n")))
        << broker.stdoutText();
    auto r = runCommand({"kcat", "-b", broker.bootstrap(), "-P", "-t", "t", "-p", "0"}, "x\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(broker.stop(SIGTERM), 0) << broker.log();
    // Nothing but the ready line was printed on stdout.
    EXPECT_TRUE(std::regex_match(broker.stdoutText(),
                                 std::regex("ready bootstrap=127\\.0\\.0\\.1:[0-9]+\n")))
        << broker.stdoutText();
    EXPECT_TRUE(std::filesystem::exists(dir / "data/broker-1/.kastle-clean-shutdown"));
    EXPECT_NE(broker.log().find("stopping on SIGTERM"), std::string::npos);

    // Started again, it has the topic and its message.
    ASSERT_TRUE(broker.start()) << broker.log();
    r = runCommand(
        {"kcat", "-b", broker.bootstrap(), "-C", "-t", "t", "-p", "0", "-e", "-f", "%s\n"});
    EXPECT_EQ(r.out, "x\n") << r.err;
    EXPECT_EQ(broker.stop(SIGINT), 0) << broker.log();
    EXPECT_NE(broker.log().find("stopping on SIGINT"), std::string::npos);
}

TEST(BrokerProcess, SecondBrokerOnTheSameDataDirectoryRefuses)
{
    TempDir dir;
    BrokerProcess first(dir / "data");
    ASSERT_TRUE(first.start()) << first.log();
    const auto second =
        runCommand({KASTLE_BROKER_EXE, "--data-dir", dir / "data", "--port", "0"}, {}, 30000);
    EXPECT_NE(second.exitCode, 0);
    EXPECT_EQ(second.out, ""); // never ready
    EXPECT_NE(second.err.find("in use by another broker"), std::string::npos) << second.err;
    // The first one is unharmed.
    const auto r = runCommand({"kcat", "-b", first.bootstrap(), "-L"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(first.stop(SIGTERM), 0);
}

TEST(BrokerProcess, BadArgumentsPrintUsageAndExitTwo)
{
    const std::vector<std::vector<std::string>> bad = {
        {},
        {"--data-dir"},
        {"--data-dir", "/tmp/x", "--port", "-1"},
        {"--data-dir", "/tmp/x", "--auto-create-topics", "perhaps"},
        {"--data-dir", "/tmp/x", "--unknown"},
        {"--data-dir", "/tmp/x", "--brokers", "3"},
    };
    for (auto args : bad) {
        args.insert(args.begin(), KASTLE_BROKER_EXE);
        const auto r = runCommand(args, {}, 30000);
        EXPECT_EQ(r.exitCode, 2) << ::testing::PrintToString(args);
        EXPECT_NE(r.err.find("usage: kastle-broker"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const auto help = runCommand({KASTLE_BROKER_EXE, "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--data-dir"), std::string::npos);
}

TEST(BrokerProcess, CommandLineSettingsTakeEffect)
{
    TempDir dir;
    BrokerProcess broker(dir / "data", {"--auto-create-topics", "false", "--num-partitions", "4"});
    ASSERT_TRUE(broker.start()) << broker.log();
    // No auto-creation: producing to an unknown topic fails.
    auto r = runCommand(
        {"kcat", "-b", broker.bootstrap(), "-P", "-t", "nope", "-X", "message.timeout.ms=2000"},
        "x\n");
    EXPECT_NE(r.exitCode, 0);
    // The settings show through DescribeConfigs of the broker.
    r = runCommand({"/usr/bin/python3", "-c",
                    "import sys\n"
                    "from kafka.admin import KafkaAdminClient, ConfigResource, ConfigResourceType\n"
                    "a = KafkaAdminClient(bootstrap_servers=sys.argv[1])\n"
                    "r = a.describe_configs([ConfigResource(ConfigResourceType.BROKER, '1')])\n"
                    "e = {c[0]: c[1] for c in r[0].resources[0][4]}\n"
                    "print(e['num.partitions'], e['auto.create.topics.enable'])\n",
                    broker.bootstrap()});
    EXPECT_EQ(r.out, "4 false\n") << r.err;
    EXPECT_EQ(broker.stop(SIGTERM), 0);
}

// A password given on the command line is gone from /proc/<pid>/cmdline (what ps shows) once
// the broker has read it; the user names stay.
TEST(BrokerProcess, SaslPasswordsDisappearFromTheCommandLine)
{
    TempDir dir;
    BrokerProcess broker(dir / "data",
                         {"--sasl-user", "alice:s3cret-pw", "--sasl-user=bob:0ther:pw"});
    ASSERT_TRUE(broker.start()) << broker.log();
    std::ifstream in("/proc/" + std::to_string(broker.pid()) + "/cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    EXPECT_EQ(cmdline.find("s3cret"), std::string::npos) << cmdline;
    EXPECT_EQ(cmdline.find("0ther"), std::string::npos) << cmdline;
    EXPECT_NE(cmdline.find("--sasl-user alice:xxxxxxxxx "), std::string::npos) << cmdline;
    EXPECT_NE(cmdline.find("--sasl-user=bob:xxxxxxxx "), std::string::npos) << cmdline;
    EXPECT_EQ(broker.stop(SIGTERM), 0);
}
