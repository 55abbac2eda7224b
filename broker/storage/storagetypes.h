// Small value types shared by the storage classes: partition names and error results.
#pragma once

#include "errors.h"

#include <cstdint>
#include <functional>
#include <string>

namespace kastle::broker {

struct TopicPartition
{
    std::string topic;
    int32_t partition = 0;

    // The partition's directory name inside a log directory: "<topic>-<partition>".
    std::string dirName() const { return topic + '-' + std::to_string(partition); }
    bool operator==(const TopicPartition &) const = default;
};

struct TopicPartitionHash
{
    size_t operator()(const TopicPartition &tp) const noexcept
    {
        return std::hash<std::string>{}(tp.topic) ^
               (static_cast<size_t>(tp.partition) * 0x9E3779B97F4A7C15ull);
    }
};

// A failed storage operation: the Kafka error code for the response (OFFSET_OUT_OF_RANGE,
// CORRUPT_MESSAGE, KAFKA_STORAGE_ERROR...) and a sentence for the log. code None means success.
struct StorageStatus
{
    protocol::ErrorCode code = protocol::ErrorCode::None;
    std::string message;

    bool ok() const { return code == protocol::ErrorCode::None; }
    static StorageStatus success() { return {}; }
    static StorageStatus failure(protocol::ErrorCode c, std::string m) { return {c, std::move(m)}; }
};

} // namespace kastle::broker
