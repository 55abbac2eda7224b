// Parsing of the per-topic storage settings (names, ranges and defaults as in Kafka).
#include "logconfig.h"

#include <charconv>

namespace kastle::broker {
namespace {

struct Setting
{
    std::string_view name;
    int64_t LogConfig::*field;
    int64_t min;
    int64_t max;
};

constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

// segment.bytes and index.interval.bytes are Kafka ints; the rest are longs. The minimum of
// segment.bytes is the size of the smallest legacy message, as in Kafka.
constexpr Setting kSettings[] = {
    {"segment.bytes", &LogConfig::segmentBytes, 14, kInt32Max},
    {"segment.ms", &LogConfig::segmentMs, 1, kInt64Max},
    {"retention.ms", &LogConfig::retentionMs, -1, kInt64Max},
    {"retention.bytes", &LogConfig::retentionBytes, std::numeric_limits<int64_t>::min(), kInt64Max},
    {"max.message.bytes", &LogConfig::maxMessageBytes, 0, kInt32Max},
    {"flush.messages", &LogConfig::flushMessages, 1, kInt64Max},
    {"flush.ms", &LogConfig::flushMs, 0, kInt64Max},
    {"index.interval.bytes", &LogConfig::indexIntervalBytes, 0, kInt32Max},
    {"file.delete.delay.ms", &LogConfig::fileDeleteDelayMs, 0, kInt64Max},
};

} // namespace

bool LogConfig::set(std::string_view name, std::string_view value, std::string *error,
                    bool unknownIsError)
{
    if (name == "preallocate") {
        if (value != "true" && value != "false") {
            if (error)
                *error = "preallocate must be true or false";
            return false;
        }
        preallocate = value == "true";
        return true;
    }
    for (const Setting &s : kSettings) {
        if (s.name != name)
            continue;
        int64_t v = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || end != value.data() + value.size()) {
            if (error)
                *error =
                    std::string(name) + " must be a whole number, not '" + std::string(value) + "'";
            return false;
        }
        if (v < s.min || v > s.max) {
            if (error)
                *error = std::string(name) + " must be between " + std::to_string(s.min) + " and " +
                         std::to_string(s.max);
            return false;
        }
        this->*s.field = v;
        return true;
    }
    if (unknownIsError) {
        if (error)
            *error = "unknown storage setting " + std::string(name);
        return false;
    }
    return true;
}

bool LogConfig::isStorageSetting(std::string_view name)
{
    if (name == "preallocate")
        return true;
    for (const Setting &s : kSettings)
        if (s.name == name)
            return true;
    return false;
}

} // namespace kastle::broker
