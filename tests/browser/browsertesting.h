// Helpers for the browser tests: one real kastle-broker process for the whole binary, topics
// with known data, and scans/produces run to completion while the event loop turns.
#pragma once

#include "browser/messagebrowser.h"
#include "browser/messageproducer.h"

#include <QTest>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kastle::testing {

// The shared broker (started on first use, stopped at exit). Fails the test if it cannot start.
const std::string &brokerBootstrap();
core::KafkaTarget brokerTarget();

// Creates a topic (fails the test on error).
void createTopic(const std::string &name, int partitions);
// Produces messages with explicit partition, key, value, headers (null values allowed) and
// timestamp through a plain librdkafka producer; returns false when a delivery failed.
bool produceRaw(const std::string &topic, const std::vector<core::RawMessage> &messages);

struct ScanResult
{
    core::BrowseOutcome outcome;
    std::vector<core::RawMessage> messages;
    bool finished = false;
};
// Runs a scan to its end (or `timeoutMs`).
ScanResult scan(const core::BrowseRequest &request, int timeoutMs = 30000);
// (partition, offset) pairs of a scan, in reading order.
std::vector<std::pair<int32_t, int64_t>> positions(const ScanResult &r);

core::ProduceOutcome runProducer(const std::function<quint64(core::MessageProducer &)> &start,
                                 int timeoutMs = 30000);

} // namespace kastle::testing
