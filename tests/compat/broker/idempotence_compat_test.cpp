// librdkafka's idempotent producer against the real kastle-broker process killed with SIGKILL in
// the middle of 100,000 messages and started again on the same port and data: every message is
// acknowledged, and the log holds each exactly once, in order (kcat reads it back).
#include "processes.h"

#include "../../fixture/freeport.h"
#include "../../support/tempdir.h"

#include <librdkafka/rdkafka.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

using namespace kastle::testing;

namespace {

struct Reports
{
    std::atomic<int> delivered{0};
    std::atomic<int> failed{0};
    std::atomic<int> lastError{0};
};

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *m, void *opaque)
{
    auto *r = static_cast<Reports *>(opaque);
    if (m->err) {
        ++r->failed;
        r->lastError = m->err;
    } else {
        ++r->delivered;
    }
}

} // namespace

TEST(IdempotenceCompat, ProducerAcrossSigkillNoDuplicatesNoGaps)
{
    constexpr int kMessages = 100000;
    constexpr int kPartitions = 3;
    TempDir dir;
    BrokerProcess broker(dir / "data",
                         {"--port", std::to_string(freePort()), "--num-partitions", "3"});
    ASSERT_TRUE(broker.start()) << broker.log();

    Reports reports;
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    for (const auto &[k, v] :
         std::vector<std::pair<std::string, std::string>>{{"bootstrap.servers", broker.bootstrap()},
                                                          {"enable.idempotence", "true"},
                                                          {"linger.ms", "5"},
                                                          {"batch.num.messages", "1000"},
                                                          {"reconnect.backoff.ms", "50"},
                                                          {"reconnect.backoff.max.ms", "300"},
                                                          {"message.timeout.ms", "90000"},
                                                          {"log_level", "0"}})
        ASSERT_EQ(rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err), RD_KAFKA_CONF_OK)
            << k << ": " << err;
    rd_kafka_conf_set_dr_msg_cb(conf, &onDelivery);
    rd_kafka_conf_set_opaque(conf, &reports);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    ASSERT_NE(rk, nullptr) << err;

    bool killed = false;
    bool restarted = true;
    // Once 30,000 are acknowledged, the broker is killed while the rest are still to come.
    const auto killAfterThirtyThousand = [&] {
        if (killed || reports.delivered.load() < 30000)
            return;
        // Unclean: whatever was in flight is retried against the restarted broker.
        broker.kill();
        restarted = broker.start();
        killed = true;
    };
    for (int i = 0; i < kMessages && restarted; ++i) {
        const std::string value = "i" + std::to_string(i);
        const int32_t partition = i % kPartitions;
        void *payload = const_cast<char *>(value.data());
        const size_t size = value.size();
        rd_kafka_resp_err_t e;
        while ((e = rd_kafka_producev(
                    rk, RD_KAFKA_V_TOPIC("idem-kill"), RD_KAFKA_V_PARTITION(partition),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_VALUE(payload, size),
                    RD_KAFKA_V_END)) == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk, 10);
        ASSERT_EQ(e, RD_KAFKA_RESP_ERR_NO_ERROR) << rd_kafka_err2str(e);
        rd_kafka_poll(rk, 0);
        killAfterThirtyThousand();
    }
    // On a busy machine all 100,000 can be queued before 30,000 are acknowledged: the kill then
    // comes while the queue drains, reports arriving a request (at most 3,000) at a time.
    const auto drainUntil = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!killed && restarted && reports.delivered.load() < kMessages &&
           reports.failed.load() == 0 && std::chrono::steady_clock::now() < drainUntil) {
        rd_kafka_poll(rk, 1);
        killAfterThirtyThousand();
    }
    ASSERT_TRUE(restarted) << broker.log();
    EXPECT_EQ(rd_kafka_flush(rk, 120000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(rk);
    EXPECT_TRUE(killed);
    EXPECT_EQ(reports.delivered.load(), kMessages);
    EXPECT_EQ(reports.failed.load(), 0)
        << rd_kafka_err2str(static_cast<rd_kafka_resp_err_t>(reports.lastError.load()));

    for (int p = 0; p < kPartitions; ++p) {
        const auto r = runCommand({"kcat", "-b", broker.bootstrap(), "-C", "-t", "idem-kill", "-p",
                                   std::to_string(p), "-o", "beginning", "-e", "-f", "%o %s\n"},
                                  {}, 60000);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::istringstream in(r.out);
        int64_t expectedOffset = 0;
        int expectedValue = p;
        for (std::string offset, value; in >> offset >> value;) {
            ASSERT_EQ(std::stoll(offset), expectedOffset) << "partition " << p;
            ASSERT_EQ(value, "i" + std::to_string(expectedValue))
                << "partition " << p << " offset " << offset;
            ++expectedOffset;
            expectedValue += kPartitions;
        }
        EXPECT_EQ(expectedOffset, kMessages / kPartitions + (p < kMessages % kPartitions))
            << "partition " << p;
    }
    EXPECT_EQ(broker.stop(SIGTERM), 0) << broker.log();
}
