// SIGKILL in the middle of a stream of acks=1 produces: after a restart every acknowledged
// message is there exactly once, in order, at the offset it was acknowledged with, and the
// partition goes on from the end of its recovered tail. The same after garbage was appended to
// the last segment (a torn write): the garbage is cut off and new data follows the last whole
// batch.
#include "processes.h"

#include "../../support/tempdir.h"

#include <librdkafka/rdkafka.h>

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using namespace kastle::testing;
namespace fs = std::filesystem;

namespace {

struct Acked
{
    std::mutex mutex;
    std::map<int64_t, int64_t> offsetOfSeq; // acknowledged sequence number -> offset
};

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *m, void *opaque)
{
    if (m->err)
        return;
    auto *acked = static_cast<Acked *>(opaque);
    const std::string value(static_cast<const char *>(m->payload), m->len);
    std::lock_guard lock(acked->mutex);
    acked->offsetOfSeq[std::stoll(value.substr(4))] = m->offset;
}

rd_kafka_t *newClient(rd_kafka_type_t type, const std::string &bootstrap,
                      const std::vector<std::pair<std::string, std::string>> &settings,
                      void *opaque = nullptr)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
    rd_kafka_conf_set(conf, "log_level", "2", err, sizeof err);
    for (const auto &[k, v] : settings)
        EXPECT_EQ(rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err), RD_KAFKA_CONF_OK)
            << k << ": " << err;
    if (type == RD_KAFKA_PRODUCER) {
        rd_kafka_conf_set_dr_msg_cb(conf, &onDelivery);
        rd_kafka_conf_set_opaque(conf, opaque);
    }
    rd_kafka_t *rk = rd_kafka_new(type, conf, err, sizeof err);
    EXPECT_NE(rk, nullptr) << err;
    return rk;
}

// Produces "seq-<n>" to partition 0 until `stop`, acks=1, without retries (a retry after the
// crash could only duplicate).
void produceUntil(const std::string &bootstrap, Acked &acked, std::atomic<bool> &stop,
                  std::atomic<int64_t> &sent)
{
    rd_kafka_t *rk = newClient(RD_KAFKA_PRODUCER, bootstrap,
                               {{"acks", "1"},
                                {"linger.ms", "2"},
                                {"message.send.max.retries", "0"},
                                {"message.timeout.ms", "5000"},
                                {"queue.buffering.max.messages", "20000"}},
                               &acked);
    int64_t seq = 0;
    while (!stop) {
        const std::string value = "seq-" + std::to_string(seq);
        if (rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("crash"), RD_KAFKA_V_PARTITION(0),
                              RD_KAFKA_V_VALUE(const_cast<char *>(value.data()), value.size()),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                              RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR_NO_ERROR)
            sent = ++seq;
        rd_kafka_poll(rk, seq % 200 == 0 ? 1 : 0);
    }
    rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_flush(rk, 5000);
    rd_kafka_destroy(rk);
}

struct Stored
{
    int64_t offset;
    int64_t seq;
};

// Everything in partition 0 of "crash", read to its end.
std::vector<Stored> readAll(const std::string &bootstrap)
{
    rd_kafka_t *rk = newClient(RD_KAFKA_CONSUMER, bootstrap,
                               {{"group.id", "crash-check"},
                                {"enable.auto.commit", "false"},
                                {"enable.partition.eof", "true"}});
    rd_kafka_poll_set_consumer(rk);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, "crash", 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    std::vector<Stored> out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
        if (!m)
            continue;
        const bool eof = m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
        if (!m->err) {
            const std::string value(static_cast<const char *>(m->payload), m->len);
            out.push_back({m->offset, std::stoll(value.substr(4))});
        } else if (!eof) {
            ADD_FAILURE() << "consumer error: " << rd_kafka_err2str(m->err);
        }
        rd_kafka_message_destroy(m);
        if (eof)
            break;
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return out;
}

// Produces until at least `minAcked` are acknowledged, then SIGKILLs the broker while the
// producer is still sending. Returns the acknowledged messages.
std::map<int64_t, int64_t> produceAndKill(BrokerProcess &broker, int64_t minAcked)
{
    Acked acked;
    std::atomic<bool> stop{false};
    std::atomic<int64_t> sent{0};
    std::thread producer([&] { produceUntil(broker.bootstrap(), acked, stop, sent); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
        {
            std::lock_guard lock(acked.mutex);
            if (static_cast<int64_t>(acked.offsetOfSeq.size()) >= minAcked)
                break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const int code = broker.kill();
    stop = true;
    producer.join();
    EXPECT_EQ(code, 128 + SIGKILL);
    std::lock_guard lock(acked.mutex);
    EXPECT_GE(static_cast<int64_t>(acked.offsetOfSeq.size()), minAcked);
    EXPECT_GT(sent.load(), static_cast<int64_t>(acked.offsetOfSeq.size()))
        << "the kill did not happen mid-stream";
    return acked.offsetOfSeq;
}

// Every acknowledged message once, in order, at its acknowledged offset; offsets contiguous.
void expectAllAcknowledged(const std::map<int64_t, int64_t> &acked,
                           const std::vector<Stored> &stored)
{
    ASSERT_FALSE(stored.empty());
    std::map<int64_t, int64_t> offsetOfSeq;
    for (size_t i = 0; i < stored.size(); ++i) {
        EXPECT_EQ(stored[i].offset, static_cast<int64_t>(i)) << "offsets must be contiguous";
        if (i > 0) {
            ASSERT_GT(stored[i].seq, stored[i - 1].seq) << "out of order or duplicated at " << i;
        }
        offsetOfSeq[stored[i].seq] = stored[i].offset;
    }
    int64_t missing = 0;
    for (const auto &[seq, offset] : acked) {
        const auto it = offsetOfSeq.find(seq);
        if (it == offsetOfSeq.end()) {
            ++missing;
            continue;
        }
        EXPECT_EQ(it->second, offset) << "seq " << seq;
    }
    EXPECT_EQ(missing, 0) << "acknowledged messages lost";
}

fs::path lastSegment(const fs::path &partitionDir)
{
    fs::path last;
    for (const auto &e : fs::directory_iterator(partitionDir))
        if (e.path().extension() == ".log" &&
            (last.empty() || e.path().filename() > last.filename()))
            last = e.path();
    return last;
}

int64_t produceOne(const std::string &bootstrap)
{
    Acked acked;
    rd_kafka_t *rk = newClient(RD_KAFKA_PRODUCER, bootstrap, {{"acks", "1"}}, &acked);
    const std::string value = "seq-999999999";
    rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("crash"), RD_KAFKA_V_PARTITION(0),
                      RD_KAFKA_V_VALUE(const_cast<char *>(value.data()), value.size()),
                      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_flush(rk, 20000);
    rd_kafka_destroy(rk);
    return acked.offsetOfSeq.count(999999999) ? acked.offsetOfSeq[999999999] : -1;
}

} // namespace

TEST(Crash, SigkillMidStreamLosesNothingAcknowledged)
{
    TempDir dir;
    BrokerProcess broker(dir / "data");
    ASSERT_TRUE(broker.start()) << broker.log();
    const auto acked = produceAndKill(broker, 20000);
    EXPECT_FALSE(fs::exists(dir / "data/broker-1/.kastle-clean-shutdown"));

    ASSERT_TRUE(broker.start()) << broker.log();
    const auto stored = readAll(broker.bootstrap());
    expectAllAcknowledged(acked, stored);
    // The partition continues right after its recovered tail.
    EXPECT_EQ(produceOne(broker.bootstrap()), static_cast<int64_t>(stored.size()));
    EXPECT_EQ(broker.stop(SIGTERM), 0) << broker.log();
}

TEST(Crash, GarbageAfterTheLastBatchIsCutOff)
{
    TempDir dir;
    BrokerProcess broker(dir / "data");
    ASSERT_TRUE(broker.start()) << broker.log();
    const auto acked = produceAndKill(broker, 5000);

    const fs::path segment = lastSegment(dir / "data/broker-1/crash-0");
    ASSERT_FALSE(segment.empty());
    {
        std::mt19937 rng(7);
        std::ofstream out(segment, std::ios::binary | std::ios::app);
        for (int i = 0; i < 3000; ++i)
            out.put(static_cast<char>(rng() & 0xff));
    }
    const auto withGarbage = fs::file_size(segment);

    ASSERT_TRUE(broker.start()) << broker.log();
    const auto stored = readAll(broker.bootstrap());
    expectAllAcknowledged(acked, stored);
    // Recovery cut the garbage (the file shrank) and new data follows the last whole batch.
    EXPECT_LT(fs::file_size(segment), withGarbage);
    EXPECT_EQ(produceOne(broker.bootstrap()), static_cast<int64_t>(stored.size()));
    const auto after = readAll(broker.bootstrap());
    ASSERT_EQ(after.size(), stored.size() + 1);
    EXPECT_EQ(after.back().seq, 999999999);
    EXPECT_EQ(broker.stop(SIGTERM), 0) << broker.log();
}
