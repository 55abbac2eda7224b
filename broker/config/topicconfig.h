// Topic configuration: the definition of every topic config Kastle knows (Kafka's names, types,
// defaults and value rules, with the broker setting that supplies its default), validation of
// overrides, and the resolved typed form the handlers and storage read.
//
// A topic's effective value of a config is, in this order: the topic's override (source
// DYNAMIC_TOPIC_CONFIG), the broker setting named by `brokerSynonym` when it was set at start
// (STATIC_BROKER_CONFIG), the definition's default (DEFAULT_CONFIG). Unknown names are refused
// (INVALID_CONFIG), as Kafka does.
#pragma once

#include "storage/logconfig.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kastle::broker {

// Kafka's ConfigEntry types (the numbering of DescribeConfigs v3+, kept for the console).
enum class ConfigType : int8_t {
    Boolean = 1,
    String = 2,
    Int = 3,
    Short = 4,
    Long = 5,
    Double = 6,
    List = 7,
    Class = 8,
    Password = 9,
};

// Where an effective value comes from (DescribeConfigs v1+ `configSource`).
enum class ConfigSource : int8_t {
    Unknown = 0,
    DynamicTopic = 1,
    DynamicBroker = 2,
    DynamicDefaultBroker = 3,
    StaticBroker = 4,
    Default = 5,
};

struct ConfigDef
{
    std::string_view name;
    ConfigType type;
    std::string_view defaultValue;
    // The broker setting that gives the default for every topic ("" when none).
    std::string_view brokerSynonym;
    std::string_view documentation;
    // Whether Kastle acts on the value; the others are kept and shown so tools round-trip them.
    bool honoured = true;
};

// Topic override values by config name. Ordered so descriptions and persisted records are
// stable.
using ConfigMap = std::map<std::string, std::string, std::less<>>;

// Every topic config, sorted by name.
std::span<const ConfigDef> topicConfigDefs();
const ConfigDef *findTopicConfig(std::string_view name);

// "" when `value` is acceptable for the topic config `name`, else a sentence for the
// INVALID_CONFIG answer (also for unknown names and for settings Kastle refuses, such as
// cleanup.policy=compact while log compaction does not exist).
std::string validateTopicConfig(std::string_view name, std::string_view value);

enum class TimestampType : int8_t { CreateTime = 0, LogAppendTime = 1 };

// The effective configuration of a topic in typed form, computed once per metadata change.
struct TopicConfig
{
    LogConfig log; // the settings storage reads (segment, retention, flush, index)
    TimestampType timestampType = TimestampType::CreateTime;
    int32_t minInsyncReplicas = 1;
    int64_t timestampDifferenceMaxMs = LogConfig::kNever;
    bool downConversionEnable = true;

    bool operator==(const TopicConfig &) const = default;
};

// Builds the typed configuration from effective values: `defaults` are the broker's topic
// defaults by topic config name (see BrokerConfig::topicDefaults), `overrides` the topic's own.
// Both must hold valid values (they were validated when set).
TopicConfig resolveTopicConfig(const ConfigMap &defaults, const ConfigMap &overrides);

// Splits a list value ("a, b,c") into trimmed, non-empty items.
std::vector<std::string> splitConfigList(std::string_view value);
std::string joinConfigList(const std::vector<std::string> &items);

} // namespace kastle::broker
