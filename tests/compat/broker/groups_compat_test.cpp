// Consumer groups and SASL/TLS against the real kastle-broker process: kcat -G,
// kafka-python and confluent-kafka-python group consumers, kafka-python over SASL_PLAINTEXT and
// SASL_SSL with each mechanism, and kcat (librdkafka) over SASL_SSL with a wrong password.
#include "processes.h"

#include "../../fixture/testcerts.h"
#include "../../support/tempdir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace kastle::testing;

namespace {

class GroupsCompatTest : public ::testing::Test
{
protected:
    void start(std::vector<std::string> args = {})
    {
        args.insert(args.end(), {"--config", "group.initial.rebalance.delay.ms=0"});
        m_broker = std::make_unique<BrokerProcess>(m_dir / "data", std::move(args));
        ASSERT_TRUE(m_broker->start()) << m_broker->log();
    }
    void TearDown() override
    {
        if (m_broker) {
            EXPECT_EQ(m_broker->stop(SIGTERM), 0) << m_broker->log();
        }
    }

    RunResult kcat(std::vector<std::string> args, const std::string &input = {})
    {
        args.insert(args.begin(), {"kcat", "-b", m_broker->bootstrap()});
        return runCommand(args, input, 60000);
    }
    RunResult python(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"/usr/bin/python3",
                                   std::string(KASTLE_COMPAT_BROKER_DIR) + "/group_clients.py",
                                   m_broker->bootstrap()});
        return runCommand(args, {}, 120000);
    }

    TempDir m_dir;
    std::unique_ptr<BrokerProcess> m_broker;
};

} // namespace

TEST_F(GroupsCompatTest, KcatBalancedConsumerCommitsAndResumes)
{
    start();
    std::string input;
    for (int i = 0; i < 30; ++i)
        input += "m" + std::to_string(i) + "\n";
    auto r = kcat({"-P", "-t", "kcat-group"}, input);
    ASSERT_EQ(r.exitCode, 0) << r.err;

    // -G joins a group; -e exits once every assigned partition reached its end. (No -o: kcat
    // would start there instead of at the committed offsets.)
    auto consume = [&] {
        return kcat({"-G", "kcat-g", "-X", "auto.offset.reset=earliest", "-e", "-f", "%s\n", "-X",
                     "session.timeout.ms=6000", "kcat-group"});
    };
    r = consume();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, input) << "one partition: every message once, in order";

    // The group committed its position: a second run reads only what came since.
    r = kcat({"-P", "-t", "kcat-group"}, "late\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = consume();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "late\n") << r.err;
}

TEST_F(GroupsCompatTest, KafkaPythonGroupConsumers)
{
    start();
    const auto r = python({"kafka-python-group"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err << m_broker->log();
    EXPECT_NE(r.out.find("OK kafka-python-group 300"), std::string::npos) << r.out << r.err;
}

TEST_F(GroupsCompatTest, ConfluentKafkaPythonGroupConsumers)
{
    start();
    const auto r = python({"confluent-group"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err << m_broker->log();
    EXPECT_NE(r.out.find("OK confluent-group 300"), std::string::npos) << r.out << r.err;
}

TEST_F(GroupsCompatTest, KafkaPythonSaslOverPlaintext)
{
    start({"--listener", "SASL_PLAINTEXT://127.0.0.1:0", "--sasl-user", "alice:alice-secret"});
    for (const std::string mechanism : {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"}) {
        const auto r = python({"sasl", "SASL_PLAINTEXT", mechanism});
        EXPECT_EQ(r.exitCode, 0) << mechanism << "\n" << r.out << r.err;
        EXPECT_NE(r.out.find("OK sasl SASL_PLAINTEXT " + mechanism), std::string::npos) << r.out;
    }
}

TEST_F(GroupsCompatTest, KafkaPythonAndKcatSaslOverTls)
{
    const TestCertificates certs = TestCertificates::make(m_dir.path());
    ASSERT_TRUE(certs.ok()) << certs.error;
    // Users from a file this time.
    {
        std::ofstream users(m_dir / "users");
        users << "# test users\nalice:alice-secret\n\nbob:bob:with:colons\n";
    }
    start({"--listener", "SECURE=SASL_SSL://127.0.0.1:0", "--sasl-users-file", m_dir / "users",
           "--ssl-cert", certs.serverCert, "--ssl-key", certs.serverKey});
    for (const std::string mechanism : {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"}) {
        const auto r = python({"sasl", "SASL_SSL", mechanism, certs.ca});
        EXPECT_EQ(r.exitCode, 0) << mechanism << "\n" << r.out << r.err;
        EXPECT_NE(r.out.find("OK sasl SASL_SSL " + mechanism), std::string::npos) << r.out;
    }
    auto sasl = [&](const std::string &password) {
        return kcat({"-X", "security.protocol=SASL_SSL", "-X", "sasl.mechanisms=SCRAM-SHA-512",
                     "-X", "sasl.username=bob", "-X", "sasl.password=" + password, "-X",
                     "ssl.ca.location=" + certs.ca, "-m", "5", "-L"});
    };
    auto r = sasl("bob:with:colons");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("topic \"kp-sasl\""), std::string::npos) << r.out;
    r = sasl("bob");
    EXPECT_NE(r.exitCode, 0) << r.out;
    EXPECT_NE(r.err.find("uthentication"), std::string::npos) << r.err;
    // The log names the refusal, never a password.
    const std::string log = m_broker->log();
    EXPECT_NE(log.find("authentication"), std::string::npos);
    EXPECT_EQ(log.find("alice-secret"), std::string::npos);
    EXPECT_EQ(log.find("with:colons"), std::string::npos);
}
