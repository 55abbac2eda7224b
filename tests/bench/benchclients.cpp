// kastle-bench's librdkafka workloads (see benchclients.h).
#include "benchclients.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

namespace kastle::bench {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct HandleDeleter
{
    void operator()(rd_kafka_t *rk) const { rd_kafka_destroy(rk); }
};
using Handle = std::unique_ptr<rd_kafka_t, HandleDeleter>;

// Settings shared by both servers' runs. The consumer's queue limits are raised because
// librdkafka 2.0.2 otherwise stalls for about a second whenever 100,000 messages are queued.
const Config kBaseConfig = {
    {"log_level", "4"},
    {"api.version.request", "true"},
};
const Config kProducerDefaults = {
    {"acks", "1"},
    {"linger.ms", "5"},
    {"batch.size", "1000000"},
    {"compression.type", "none"},
    {"enable.idempotence", "false"},
    {"queue.buffering.max.messages", "1000000"},
    {"queue.buffering.max.kbytes", "1048576"},
};
const Config kConsumerDefaults = {
    {"group.id", "kastle-bench"}, // assign() wants one; no group is joined
    {"enable.auto.commit", "false"},    {"enable.partition.eof", "false"},
    {"queued.min.messages", "1000000"}, {"queued.max.messages.kbytes", "1048576"},
};

rd_kafka_conf_t *makeConfig(const std::string &bootstrap, const Config &defaults,
                            const Config &extra, std::string &error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    auto apply = [&](const Config &c) {
        for (const auto &[k, v] : c)
            if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK)
                error = err;
    };
    apply(kBaseConfig);
    apply(defaults);
    apply(extra);
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
    return conf;
}

struct DeliveryState
{
    ProduceFigures *figures = nullptr;
    int64_t reports = 0;
};

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *m, void *opaque)
{
    auto &state = *static_cast<DeliveryState *>(opaque);
    ++state.reports;
    if (m->err) {
        if (state.figures->failed++ == 0)
            state.figures->firstError = rd_kafka_err2str(m->err);
        return;
    }
    ++state.figures->delivered;
    state.figures->latenciesUs.push_back(rd_kafka_message_latency(m));
}

// Enqueues one message, waiting while the client queue is full. Returns the error, if any.
rd_kafka_resp_err_t send(rd_kafka_t *rk, const std::string &topic, int32_t partition,
                         const std::string &value)
{
    while (true) {
        // No copy flag: the value outlives the producer, and both servers get the same client
        // work per message.
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_MSGFLAGS(0),
            RD_KAFKA_V_VALUE(const_cast<char *>(value.data()), value.size()), RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            return err;
        rd_kafka_poll(rk, 1);
    }
}

} // namespace

double ProduceFigures::percentileMs(double p) const
{
    if (latenciesUs.empty())
        return 0;
    const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(latenciesUs.size())));
    const size_t index = std::min(latenciesUs.size() - 1, rank == 0 ? 0 : rank - 1);
    return static_cast<double>(latenciesUs[index]) / 1000.0;
}

ProduceFigures produce(const std::string &bootstrap, const ProduceSpec &spec)
{
    ProduceFigures figures;
    DeliveryState state{&figures};
    std::string error;
    rd_kafka_conf_t *conf = makeConfig(bootstrap, kProducerDefaults, spec.config, error);
    rd_kafka_conf_set_dr_msg_cb(conf, &onDelivery);
    rd_kafka_conf_set_opaque(conf, &state);
    char err[512];
    Handle rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err));
    if (!rk || !error.empty()) {
        figures.firstError = rk ? error : err;
        figures.failed = spec.messages;
        return figures;
    }

    // Warm-up: connect to the leader and learn the metadata of both topics.
    const std::string value(spec.valueSize, 'v');
    send(rk.get(), kWarmupTopic, 0, value);
    rd_kafka_topic_t *topic = rd_kafka_topic_new(rk.get(), spec.topic.c_str(), nullptr);
    const rd_kafka_metadata_t *metadata = nullptr;
    rd_kafka_metadata(rk.get(), 0, topic, &metadata, 10000);
    if (metadata)
        rd_kafka_metadata_destroy(metadata);
    rd_kafka_topic_destroy(topic);
    rd_kafka_flush(rk.get(), 10000);
    figures = ProduceFigures{};
    figures.latenciesUs.reserve(static_cast<size_t>(spec.messages));
    state.reports = 0;

    const auto start = Clock::now();
    const bool paced = spec.ratePerSecond > 0;
    for (int64_t i = 0; i < spec.messages; ++i) {
        int32_t partition = 0;
        if (paced) {
            const auto due = start + std::chrono::nanoseconds(static_cast<int64_t>(
                                         1e9 * static_cast<double>(i) / spec.ratePerSecond));
            while (Clock::now() < due) {
                rd_kafka_poll(rk.get(), 0);
                const auto left = due - Clock::now();
                if (left > std::chrono::microseconds(200))
                    std::this_thread::sleep_for(left - std::chrono::microseconds(100));
            }
        } else {
            partition = static_cast<int32_t>(i * spec.partitions / spec.messages);
        }
        if (const rd_kafka_resp_err_t e = send(rk.get(), spec.topic, partition, value)) {
            if (figures.failed++ == 0)
                figures.firstError = rd_kafka_err2str(e);
            ++state.reports;
        }
        if ((i & 1023) == 0)
            rd_kafka_poll(rk.get(), 0);
    }
    while (state.reports < spec.messages && secondsSince(start) < 300)
        rd_kafka_poll(rk.get(), 10);
    figures.seconds = secondsSince(start);
    if (state.reports < spec.messages && figures.firstError.empty())
        figures.firstError = "delivery reports missing after 300 s";
    std::sort(figures.latenciesUs.begin(), figures.latenciesUs.end());
    return figures;
}

ConsumeFigures consume(const std::string &bootstrap, const std::string &topic, int partitions,
                       int64_t expected, const Config &config, int timeoutMs)
{
    ConsumeFigures figures;
    std::string error;
    rd_kafka_conf_t *conf = makeConfig(bootstrap, kConsumerDefaults, config, error);
    char err[512];
    Handle rk(rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err));
    if (!rk || !error.empty()) {
        figures.error = rk ? error : err;
        return figures;
    }
    rd_kafka_poll_set_consumer(rk.get());
    rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(rk.get());

    // Warm-up, outside the clock: the topic's metadata and each partition's first offset. The
    // partitions are then assigned at those offsets, so that all of them are fetched from the
    // first request on; assigned at BEGINNING to a topic it has no metadata for, librdkafka
    // first waits about a second on timers of its own, whichever server it talks to.
    std::vector<int64_t> firstOffsets(static_cast<size_t>(partitions), 0);
    {
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk.get(), topic.c_str(), nullptr);
        const rd_kafka_metadata_t *md = nullptr;
        const rd_kafka_resp_err_t mdErr = rd_kafka_metadata(rk.get(), 0, rkt, &md, 10000);
        if (mdErr)
            figures.error = std::string("metadata: ") + rd_kafka_err2str(mdErr);
        else
            rd_kafka_metadata_destroy(md);
        rd_kafka_topic_destroy(rkt);
        for (int p = 0; p < partitions && figures.error.empty(); ++p) {
            int64_t low = 0, high = 0;
            const rd_kafka_resp_err_t e =
                rd_kafka_query_watermark_offsets(rk.get(), topic.c_str(), p, &low, &high, 10000);
            if (e)
                figures.error = std::string("watermarks: ") + rd_kafka_err2str(e);
            firstOffsets[static_cast<size_t>(p)] = low;
        }
    }
    if (!figures.error.empty()) {
        rd_kafka_queue_destroy(queue);
        return figures;
    }
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(list, topic.c_str(), p)->offset =
            firstOffsets[static_cast<size_t>(p)];

    std::vector<rd_kafka_message_t *> batch(10000);
    const auto start = Clock::now();
    rd_kafka_assign(rk.get(), list);
    rd_kafka_topic_partition_list_destroy(list);
    while (figures.messages < expected && secondsSince(start) * 1000 < timeoutMs) {
        const ssize_t n = rd_kafka_consume_batch_queue(queue, 100, batch.data(), batch.size());
        for (ssize_t i = 0; i < n; ++i) {
            rd_kafka_message_t *m = batch[static_cast<size_t>(i)];
            if (!m->err) {
                ++figures.messages;
                figures.valueBytes += static_cast<int64_t>(m->len);
            } else if (figures.error.empty()) {
                figures.error = rd_kafka_message_errstr(m);
            }
            rd_kafka_message_destroy(m);
        }
        if (figures.firstSeconds == 0 && figures.messages > 0)
            figures.firstSeconds = secondsSince(start);
    }
    figures.seconds = secondsSince(start);
    if (figures.messages < expected && figures.error.empty())
        figures.error = "only " + std::to_string(figures.messages) + " of " +
                        std::to_string(expected) + " messages arrived";
    rd_kafka_queue_destroy(queue);
    rd_kafka_consumer_close(rk.get());
    return figures;
}

std::string createTopics(const std::string &bootstrap,
                         const std::vector<std::pair<std::string, int>> &topics, size_t perRequest)
{
    std::string error;
    rd_kafka_conf_t *conf = makeConfig(bootstrap, {}, {}, error);
    char err[512];
    Handle rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err));
    if (!rk)
        return err;
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk.get());
    for (size_t from = 0; from < topics.size() && error.empty(); from += perRequest) {
        const size_t to = std::min(topics.size(), from + perRequest);
        std::vector<rd_kafka_NewTopic_t *> batch;
        for (size_t i = from; i < to; ++i)
            batch.push_back(rd_kafka_NewTopic_new(topics[i].first.c_str(), topics[i].second, 1, err,
                                                  sizeof err));
        rd_kafka_AdminOptions_t *options =
            rd_kafka_AdminOptions_new(rk.get(), RD_KAFKA_ADMIN_OP_CREATETOPICS);
        rd_kafka_AdminOptions_set_request_timeout(options, 120000, err, sizeof err);
        rd_kafka_AdminOptions_set_operation_timeout(options, 120000, err, sizeof err);
        rd_kafka_CreateTopics(rk.get(), batch.data(), batch.size(), options, queue);
        rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 180000);
        if (!ev) {
            error = "CreateTopics timed out";
        } else if (rd_kafka_event_error(ev)) {
            error = rd_kafka_event_error_string(ev);
        } else {
            size_t count = 0;
            const rd_kafka_topic_result_t **results =
                rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &count);
            for (size_t i = 0; i < count && error.empty(); ++i) {
                const rd_kafka_resp_err_t e = rd_kafka_topic_result_error(results[i]);
                if (e && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
                    error = std::string(rd_kafka_topic_result_name(results[i])) + ": " +
                            rd_kafka_err2str(e);
            }
        }
        if (ev)
            rd_kafka_event_destroy(ev);
        rd_kafka_AdminOptions_destroy(options);
        for (auto *t : batch)
            rd_kafka_NewTopic_destroy(t);
    }
    rd_kafka_queue_destroy(queue);
    return error;
}

} // namespace kastle::bench
