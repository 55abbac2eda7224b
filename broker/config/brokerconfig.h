// Broker configuration: the settings given at start (command line; source STATIC_BROKER_CONFIG)
// over Kafka's defaults, the topic defaults they imply, and the config descriptions that
// DescribeConfigs answers for broker and topic resources.
//
// The broker settings that give topic defaults (log.retention.ms for retention.ms, ...) are not
// listed twice: they come from the topic config table's `brokerSynonym`, with the topic
// config's default and value rules. Broker settings cannot be changed while running (no dynamic
// broker configs yet), so every broker entry is read-only.
#pragma once

#include "topicconfig.h"

#include <optional>
#include <vector>

namespace kastle::broker {

// A broker setting that is not a topic default.
struct BrokerConfigDef
{
    std::string_view name;
    ConfigType type;
    std::string_view defaultValue;
    std::string_view documentation;
    int64_t min = 0; // for Int and Long
    int64_t max = 0;
};

// One described config, the shape DescribeConfigs needs.
struct ConfigEntry
{
    struct Synonym
    {
        std::string name;
        std::optional<std::string> value;
        ConfigSource source;
    };
    std::string name;
    std::optional<std::string> value;
    ConfigSource source = ConfigSource::Default;
    ConfigType type = ConfigType::String;
    bool readOnly = false;
    bool sensitive = false;
    std::string_view documentation;
    // The value's sources from the most to the least specific; the first is the entry itself.
    std::vector<Synonym> synonyms;
};

// What a broker's own identity settings show (broker.id, listeners, log.dirs).
struct BrokerIdentity
{
    int32_t id = 1;
    std::string host;
    int32_t port = 0;
    std::string logDir;
};

class BrokerConfig
{
public:
    // The broker settings that are not topic defaults, sorted by name.
    static std::span<const BrokerConfigDef> definitions();

    // Sets a setting at start. Returns false with a sentence for an unknown name or a bad value.
    bool set(std::string_view name, std::string_view value, std::string *error);

    // The effective value of a known setting, explicit or default; "" for unknown names.
    std::string value(std::string_view name) const;
    bool isSet(std::string_view name) const { return m_static.count(name) > 0; }

    bool autoCreateTopics() const;
    int32_t numPartitions() const;
    int16_t defaultReplicationFactor() const;
    bool deleteTopicEnable() const;
    int64_t socketRequestMaxBytes() const;
    int32_t fetchMaxBytes() const;
    int64_t connectionsMaxIdleMs() const;

    // Topic config name -> value for the topic defaults set at start (see topicconfig.h).
    const ConfigMap &topicDefaults() const { return m_topicDefaults; }

    // Every broker config (sorted by name), for DescribeConfigs on a broker resource.
    std::vector<ConfigEntry> describeBroker(const BrokerIdentity &identity) const;
    // Every topic config with its effective value, source and synonyms, for a topic resource.
    std::vector<ConfigEntry> describeTopic(const ConfigMap &overrides) const;

private:
    ConfigMap m_static;        // broker setting -> value, as given
    ConfigMap m_topicDefaults; // topic config -> value, from the settings that are synonyms
};

} // namespace kastle::broker
