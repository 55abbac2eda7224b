// The topic config table and its value rules.
#include "topicconfig.h"

#include "configvalue.h"

#include <algorithm>
#include <limits>

namespace kastle::broker {

namespace {

constexpr std::string_view kLongMax = "9223372036854775807";

// Sorted by name (findTopicConfig relies on it).
constexpr ConfigDef kDefs[] = {
    {"cleanup.policy", ConfigType::List, "delete", "log.cleanup.policy",
     "What happens to old segments: \"delete\" removes them by retention. \"compact\" is refused "
     "until Kastle has log compaction."},
    {"compression.type", ConfigType::String, "producer", "compression.type",
     "Final compression of the topic's data. Kastle stores batches as the producer sent them, so "
     "only \"producer\" has an effect.",
     false},
    {"delete.retention.ms", ConfigType::Long, "86400000", "log.cleaner.delete.retention.ms",
     "How long tombstones are kept by compaction (no effect: no compaction yet).", false},
    {"file.delete.delay.ms", ConfigType::Long, "60000", "log.segment.delete.delay.ms",
     "Time to wait before deleting a file from the file system.", false},
    {"flush.messages", ConfigType::Long, kLongMax, "log.flush.interval.messages",
     "Force an fsync of the log after this many records."},
    {"flush.ms", ConfigType::Long, kLongMax, "log.flush.interval.ms",
     "Force an fsync of the log after this much time."},
    {"follower.replication.throttled.replicas", ConfigType::List, "", "",
     "Replicas whose log replication is throttled on the follower side (kept; no replication "
     "throttle yet).",
     false},
    {"index.interval.bytes", ConfigType::Int, "4096", "log.index.interval.bytes",
     "Bytes of log between two entries of the offset index."},
    {"leader.replication.throttled.replicas", ConfigType::List, "", "",
     "Replicas whose log replication is throttled on the leader side (kept; no replication "
     "throttle yet).",
     false},
    {"max.compaction.lag.ms", ConfigType::Long, kLongMax, "log.cleaner.max.compaction.lag.ms",
     "Longest time a record stays uncompacted (no effect: no compaction yet).", false},
    {"max.message.bytes", ConfigType::Int, "1048588", "message.max.bytes",
     "Largest record batch the topic accepts; larger ones get MESSAGE_TOO_LARGE."},
    {"message.downconversion.enable", ConfigType::Boolean, "true",
     "log.message.downconversion.enable",
     "Whether Fetch v0-3 is served by converting batches to the old message format."},
    {"message.timestamp.difference.max.ms", ConfigType::Long, kLongMax,
     "log.message.timestamp.difference.max.ms",
     "Largest difference allowed between a batch's CreateTime timestamps and the broker's clock."},
    {"message.timestamp.type", ConfigType::String, "CreateTime", "log.message.timestamp.type",
     "CreateTime keeps the producer's timestamps; LogAppendTime replaces them with the broker's "
     "append time."},
    {"min.cleanable.dirty.ratio", ConfigType::Double, "0.5", "log.cleaner.min.cleanable.ratio",
     "Dirty ratio that triggers compaction (no effect: no compaction yet).", false},
    {"min.compaction.lag.ms", ConfigType::Long, "0", "log.cleaner.min.compaction.lag.ms",
     "Shortest time a record stays uncompacted (no effect: no compaction yet).", false},
    {"min.insync.replicas", ConfigType::Int, "1", "min.insync.replicas",
     "Fewest in-sync replicas for a produce with acks=all to succeed (NOT_ENOUGH_REPLICAS)."},
    {"preallocate", ConfigType::Boolean, "false", "log.preallocate",
     "Preallocate segment files (kept; Kastle never preallocates).", false},
    {"retention.bytes", ConfigType::Long, "-1", "log.retention.bytes",
     "Largest size a partition's log grows to before old segments are deleted; -1: no limit."},
    {"retention.ms", ConfigType::Long, "604800000", "log.retention.ms",
     "Longest time a segment is kept before it is deleted; -1: forever."},
    {"segment.bytes", ConfigType::Int, "1073741824", "log.segment.bytes",
     "Size at which a segment file is rolled."},
    {"segment.index.bytes", ConfigType::Int, "10485760", "log.index.size.max.bytes",
     "Largest size of a segment's offset index (kept; Kastle's indexes are sparse and small).",
     false},
    {"segment.jitter.ms", ConfigType::Long, "0", "log.roll.jitter.ms",
     "Random jitter subtracted from segment.ms (kept; no jitter is applied).", false},
    {"segment.ms", ConfigType::Long, "604800000", "log.roll.ms",
     "Age at which a non-empty segment is rolled."},
    {"unclean.leader.election.enable", ConfigType::Boolean, "false",
     "unclean.leader.election.enable",
     "Whether a replica outside the ISR may become leader (kept; no elections yet).", false},
};

bool isThrottledReplicaList(std::string_view value)
{
    const auto items = splitConfigList(value);
    if (items.size() == 1 && items[0] == "*")
        return true;
    for (const auto &item : items) {
        const auto colon = item.find(':');
        if (colon == std::string::npos || !parseConfigLong(item.substr(0, colon)) ||
            !parseConfigLong(item.substr(colon + 1)))
            return false;
    }
    return true;
}

std::string validateSpecific(const ConfigDef &def, std::string_view value)
{
    const std::string_view name = def.name;
    if (name == "cleanup.policy") {
        const auto items = splitConfigList(value);
        for (const auto &item : items) {
            if (item == "compact")
                return "cleanup.policy=compact is not supported: Kastle has no log compaction "
                       "yet; use \"delete\"";
            if (item != "delete")
                return "cleanup.policy must be a list of \"delete\" and \"compact\", not \"" +
                       item + "\"";
        }
        return {};
    }
    if (name == "compression.type") {
        static constexpr std::string_view kCodecs[] = {"uncompressed", "zstd", "lz4",
                                                       "snappy",       "gzip", "producer"};
        if (std::find(std::begin(kCodecs), std::end(kCodecs), value) == std::end(kCodecs))
            return "compression.type must be one of uncompressed, zstd, lz4, snappy, gzip, "
                   "producer";
        return {};
    }
    if (name == "message.timestamp.type") {
        if (value != "CreateTime" && value != "LogAppendTime")
            return "message.timestamp.type must be CreateTime or LogAppendTime";
        return {};
    }
    if (name == "follower.replication.throttled.replicas" ||
        name == "leader.replication.throttled.replicas") {
        if (!isThrottledReplicaList(value))
            return std::string(name) +
                   " must be \"*\" or a list of partition:broker pairs, e.g. 0:1,1:2";
        return {};
    }
    struct Range
    {
        std::string_view name;
        int64_t min;
        int64_t max;
    };
    static constexpr Range kRanges[] = {
        {"delete.retention.ms", 0, std::numeric_limits<int64_t>::max()},
        {"max.compaction.lag.ms", 1, std::numeric_limits<int64_t>::max()},
        {"message.timestamp.difference.max.ms", 0, std::numeric_limits<int64_t>::max()},
        {"min.compaction.lag.ms", 0, std::numeric_limits<int64_t>::max()},
        {"min.insync.replicas", 1, std::numeric_limits<int32_t>::max()},
        {"segment.index.bytes", 4, std::numeric_limits<int32_t>::max()},
        {"segment.jitter.ms", 0, std::numeric_limits<int64_t>::max()},
    };
    for (const Range &r : kRanges) {
        if (r.name == name) {
            const auto v = parseConfigLong(value);
            if (!v)
                return std::string(name) + " must be a whole number, not \"" + std::string(value) +
                       "\"";
            if (*v < r.min || *v > r.max)
                return std::string(name) + " must be between " + std::to_string(r.min) + " and " +
                       std::to_string(r.max);
            return {};
        }
    }
    if (def.type == ConfigType::Boolean) {
        if (!parseConfigBool(value))
            return std::string(name) + " must be true or false";
        return {};
    }
    if (def.type == ConfigType::Double) {
        const auto v = parseConfigDouble(value);
        if (!v || *v < 0.0 || *v > 1.0)
            return std::string(name) + " must be a number between 0 and 1";
        return {};
    }
    return {};
}

} // namespace

std::span<const ConfigDef> topicConfigDefs()
{
    return kDefs;
}

const ConfigDef *findTopicConfig(std::string_view name)
{
    const auto it =
        std::lower_bound(std::begin(kDefs), std::end(kDefs), name,
                         [](const ConfigDef &d, std::string_view n) { return d.name < n; });
    return it != std::end(kDefs) && it->name == name ? it : nullptr;
}

std::string validateTopicConfig(std::string_view name, std::string_view value)
{
    const ConfigDef *def = findTopicConfig(name);
    if (!def)
        return "unknown topic config \"" + std::string(name) + "\"";
    if (LogConfig::isStorageSetting(name)) {
        LogConfig scratch;
        std::string error;
        if (!scratch.set(name, value, &error, true))
            return error;
        return {};
    }
    return validateSpecific(*def, value);
}

TopicConfig resolveTopicConfig(const ConfigMap &defaults, const ConfigMap &overrides)
{
    TopicConfig config;
    for (const ConfigDef &def : kDefs) {
        std::string_view value = def.defaultValue;
        if (auto it = overrides.find(def.name); it != overrides.end())
            value = it->second;
        else if (auto d = defaults.find(def.name); d != defaults.end())
            value = d->second;
        if (LogConfig::isStorageSetting(def.name)) {
            config.log.set(def.name, value, nullptr);
        } else if (def.name == "message.timestamp.type") {
            config.timestampType =
                value == "LogAppendTime" ? TimestampType::LogAppendTime : TimestampType::CreateTime;
        } else if (def.name == "min.insync.replicas") {
            config.minInsyncReplicas = static_cast<int32_t>(parseConfigLong(value).value_or(1));
        } else if (def.name == "message.timestamp.difference.max.ms") {
            config.timestampDifferenceMaxMs = parseConfigLong(value).value_or(LogConfig::kNever);
        } else if (def.name == "message.downconversion.enable") {
            config.downConversionEnable = parseConfigBool(value).value_or(true);
        }
    }
    return config;
}

std::vector<std::string> splitConfigList(std::string_view value)
{
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string_view::npos)
            comma = value.size();
        std::string_view item = value.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty())
            items.emplace_back(item);
        start = comma + 1;
    }
    return items;
}

std::string joinConfigList(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items) {
        if (!out.empty())
            out += ',';
        out += item;
    }
    return out;
}

} // namespace kastle::broker
