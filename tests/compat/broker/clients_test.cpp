// Real clients against the real kastle-broker process (started by each test on port 0 with a
// temporary data directory): kcat, kafka-python, confluent-kafka-python, KafkaJS, sarama and
// kafka-go, unchanged.
#include "processes.h"

#include "../../support/tempdir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

using namespace kastle::testing;

namespace {

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            out.push_back(line);
    return out;
}

class ClientsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_broker = std::make_unique<BrokerProcess>(m_dir / "data");
        ASSERT_TRUE(m_broker->start()) << m_broker->log();
    }
    void TearDown() override { EXPECT_EQ(m_broker->stop(SIGTERM), 0) << m_broker->log(); }

    const std::string &bootstrap() const { return m_broker->bootstrap(); }

    RunResult kcat(std::vector<std::string> args, const std::string &input = {})
    {
        args.insert(args.begin(), {"kcat", "-b", bootstrap()});
        return runCommand(args, input, 60000);
    }
    RunResult python(const std::string &script, std::vector<std::string> args)
    {
        args.insert(args.begin(),
                    {"/usr/bin/python3", std::string(KASTLE_COMPAT_BROKER_DIR) + "/" + script,
                     bootstrap()});
        return runCommand(args, {}, 180000);
    }
    // KafkaJS 2.2.4 from .cache/clients (packaging/deps.sh test puts it there).
    RunResult kafkajs(const std::string &mode)
    {
        const std::string modules = KASTLE_NODE_MODULES_DIR;
        if (!std::filesystem::exists(modules + "/kafkajs/package.json"))
            return {1, false, "", "KafkaJS is not in " + modules + ": run packaging/deps.sh test"};
        return runCommand({"node", std::string(KASTLE_COMPAT_BROKER_DIR) + "/kafkajs_client.js",
                           modules, bootstrap(), mode},
                          {}, 180000);
    }

    // sarama and kafka-go from Debian's packages, built in GOPATH mode into this test's
    // directory (the build cache is shared), then run.
    RunResult goClients(const std::string &mode)
    {
        const std::string binary = m_dir / "goclients";
        RunResult built =
            runCommand({"env", "GO111MODULE=off", "GOPATH=/usr/share/gocode",
                        "GOFLAGS=", std::string("GOCACHE=") + KASTLE_GO_CACHE_DIR, "go", "build",
                        "-o", binary, std::string(KASTLE_COMPAT_BROKER_DIR) + "/goclients/main.go"},
                       {}, 300000);
        if (built.exitCode != 0) {
            built.err = "go build failed (packaging/deps.sh test installs Go, sarama and "
                        "kafka-go):\n" +
                        built.err;
            return built;
        }
        return runCommand({binary, bootstrap(), mode}, {}, 120000);
    }

    TempDir m_dir;
    std::unique_ptr<BrokerProcess> m_broker;
};

int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST_F(ClientsTest, KcatListsMetadata)
{
    auto r = kcat({"-P", "-t", "listed", "-p", "0"}, "one\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = kcat({"-L"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("1 brokers:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("broker 1 at " + bootstrap() + " (controller)"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("topic \"listed\" with 1 partitions:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("partition 0, leader 1, replicas: 1, isrs: 1"), std::string::npos)
        << r.out;
}

TEST_F(ClientsTest, KcatProducesWithKeysAndHeadersAndConsumesToTheEnd)
{
    std::string input;
    for (int i = 0; i < 50; ++i)
        input += "key" + std::to_string(i) + ":value " + std::to_string(i) + "\n";
    auto r = kcat({"-P", "-t", "kc", "-p", "0", "-K:", "-H", "app=kcat", "-H", "n=1"}, input);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = kcat({"-C", "-t", "kc", "-p", "0", "-o", "beginning", "-e", "-f", "%o|%k|%s|%h\n"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto got = lines(r.out);
    ASSERT_EQ(got.size(), 50u) << r.out << r.err;
    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(got[static_cast<size_t>(i)], std::to_string(i) + "|key" + std::to_string(i) +
                                                   "|value " + std::to_string(i) + "|app=kcat,n=1");
    // Every codec through kcat, read back from an offset.
    for (const std::string codec : {"gzip", "snappy", "lz4", "zstd"}) {
        r = kcat({"-P", "-t", "kc", "-p", "0", "-z", codec}, "compressed " + codec + "\n");
        ASSERT_EQ(r.exitCode, 0) << codec << r.err;
    }
    r = kcat({"-C", "-t", "kc", "-p", "0", "-o", "50", "-e", "-f", "%s\n"});
    EXPECT_EQ(lines(r.out), (std::vector<std::string>{"compressed gzip", "compressed snappy",
                                                      "compressed lz4", "compressed zstd"}));
}

TEST_F(ClientsTest, KcatQueriesOffsetsByTimestamp)
{
    auto r = kcat({"-P", "-t", "ts", "-p", "0"}, "a\nb\nc\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const int64_t between = nowMs();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    r = kcat({"-P", "-t", "ts", "-p", "0"}, "d\ne\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = kcat({"-Q", "-t", "ts:0:" + std::to_string(between)});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("ts [0] offset 3"), std::string::npos) << r.out;
    r = kcat({"-Q", "-t", "ts:0:" + std::to_string(between - 60000)});
    EXPECT_NE(r.out.find("ts [0] offset 0"), std::string::npos) << r.out;
    // Consuming from a time (kcat -o s@TS) starts at the same offset.
    r = kcat(
        {"-C", "-t", "ts", "-p", "0", "-o", "s@" + std::to_string(between), "-e", "-f", "%s\n"});
    EXPECT_EQ(lines(r.out), (std::vector<std::string>{"d", "e"})) << r.err;
}

TEST_F(ClientsTest, KafkaPythonProducerWithHeadersAndConsumer)
{
    const auto r = python("kafka_python_client.py", {"produce-consume"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK produce-consume 20"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaPythonOldProtocolVersions)
{
    const auto r = python("kafka_python_client.py", {"legacy"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK legacy"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaPythonAdmin)
{
    const auto r = python("kafka_python_client.py", {"admin"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK admin"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, ConfluentKafkaPythonAdminClient)
{
    const auto r = python("confluent_admin.py", {});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK confluent-admin"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaJsProducerWithHeadersAndGroupConsumer)
{
    // Topic created without counts (KafkaJS sends -1/-1 with CreateTopics v3), 60 messages with
    // keys and headers (half gzip), all read once by a group, offsets committed.
    const auto r = kafkajs("produce-consume");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK produce-consume 60 partitions 3 default-partitions 1"),
              std::string::npos)
        << r.out << r.err;
}

TEST_F(ClientsTest, KafkaJsAdmin)
{
    const auto r = kafkajs("admin");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK admin"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaJsIdempotentProducerBatchConsumerAndGroupAdmin)
{
    // 5 x 10 messages from an idempotent producer at offsets 0, 10, ... 40, a sendBatch to two
    // topics, an eachBatch consumer of both, then listGroups, describeGroups (Empty), the
    // committed offset, deleteGroups and describeCluster.
    const auto r = kafkajs("idempotent-groups");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK idempotent-groups 52"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, SaramaWithItsDefaultKafka082Protocol)
{
    // Produce v0 and Fetch v0 with MessageSet magic 0, Metadata v0, no ApiVersions.
    const auto r = goClients("sarama");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK sarama 25"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, SaramaAsKafka21AdminSnappyHeadersAndConsumerGroup)
{
    // Create with a config, 25 snappy-compressed messages with a header, a consumer group that
    // claims all three partitions, describe configs and delete.
    const auto r = goClients("sarama-2.1");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK sarama-2.1 25"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaGoWithMagicOneAndDownConvertedFetch)
{
    // Produce v2 with magic 1, Fetch v2 served down-converted from the stored RecordBatch.
    const auto r = goClients("kafka-go");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK kafka-go 25"), std::string::npos) << r.out << r.err;
}

TEST_F(ClientsTest, KafkaGoGroupReader)
{
    const auto r = goClients("kafka-go-group");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("OK kafka-go-group 25"), std::string::npos) << r.out << r.err;
}
