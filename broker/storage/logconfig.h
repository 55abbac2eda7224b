// Per-topic storage settings, with Kafka's names and defaults. The topic-config handlers parse
// them with set(); storage only reads them. max.message.bytes is enforced above storage (the
// produce handler); it is kept here because it is a per-topic log setting like the others.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace kastle::broker {

struct LogConfig
{
    static constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

    int64_t segmentBytes = 1073741824; // segment.bytes: roll when the next append would pass it
    int64_t segmentMs = 604800000;     // segment.ms: roll a non-empty segment this old
    int64_t retentionMs = 604800000;   // retention.ms: -1 keeps segments forever
    int64_t retentionBytes = -1;       // retention.bytes: -1 means no size limit
    int64_t maxMessageBytes = 1048588; // max.message.bytes (checked by the produce handler)
    int64_t flushMessages = kNever;    // flush.messages: fsync after this many records
    int64_t flushMs = kNever;          // flush.ms: fsync data older than this
    int64_t indexIntervalBytes = 4096; // index.interval.bytes: bytes between index entries
    int64_t fileDeleteDelayMs = 60000; // file.delete.delay.ms (accepted; see PartitionLog)
    bool preallocate = false;          // preallocate: accepted, segments are never preallocated

    // Sets one setting from its Kafka name. Returns false with a sentence in `error` for an
    // unknown name (when `unknownIsError`) or a value out of range; the config is then unchanged.
    bool set(std::string_view name, std::string_view value, std::string *error,
             bool unknownIsError = false);

    // Whether `name` is one of the settings above.
    static bool isStorageSetting(std::string_view name);

    bool operator==(const LogConfig &) const = default;
};

} // namespace kastle::broker
