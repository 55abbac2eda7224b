// kastle-bench's clients: librdkafka 2.0.2 producers, consumers and an admin client, run in the
// bench process against whatever bootstrap address they are given (kastle-broker or the mock),
// always with the same settings.
//
// Timing excludes connecting: a producer first sends one message of the warm-up topic, and a
// consumer first asks for the topic's metadata and first offsets, so the connection to the
// partition leader and the metadata are in place before the clock starts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kastle::bench {

using Config = std::map<std::string, std::string>;

// The one-partition topic every workload warms up on; both servers must have it.
inline constexpr const char *kWarmupTopic = "bench-warmup";

struct ProduceSpec
{
    std::string topic;
    int partitions = 1;
    int64_t messages = 0;
    size_t valueSize = 100;
    // Messages per second, spread evenly; 0 sends as fast as the client queue takes them.
    double ratePerSecond = 0;
    Config config; // producer settings on top of the defaults below
};

struct ProduceFigures
{
    double seconds = 0; // first produce call to the last delivery report
    int64_t delivered = 0;
    int64_t failed = 0;
    std::string firstError;
    // Delivery latency of each delivered message (enqueue to report), in microseconds, sorted.
    std::vector<int64_t> latenciesUs;

    double percentileMs(double p) const;
};

// Sends spec.messages values of spec.valueSize bytes without keys. As fast as possible, the
// partitions are filled one after the other in equal blocks (message i goes to partition
// i * partitions / messages), which is what a sticky partitioner does and leaves each
// partition a known size; paced, every message goes to partition 0.
ProduceFigures produce(const std::string &bootstrap, const ProduceSpec &spec);

struct ConsumeFigures
{
    double seconds = 0;      // assign() to the last expected message
    double firstSeconds = 0; // assign() to the first message
    int64_t messages = 0;
    int64_t valueBytes = 0;
    std::string error;
};

// Reads `expected` messages from the beginning of every partition of `topic` (assigned at each
// partition's first offset, no group).
ConsumeFigures consume(const std::string &bootstrap, const std::string &topic, int partitions,
                       int64_t expected, const Config &config, int timeoutMs = 120000);

// Creates topics with the admin API (kastle-broker only: the mock has no admin APIs), in
// requests of at most `perRequest` topics. An existing topic is not an error. Returns an
// empty string or the first problem.
std::string createTopics(const std::string &bootstrap,
                         const std::vector<std::pair<std::string, int>> &topics,
                         size_t perRequest = 1000);

} // namespace kastle::bench
