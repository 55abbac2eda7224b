// Broker settings, topic defaults and config descriptions.
#include "brokerconfig.h"

#include "configvalue.h"

#include <algorithm>
#include <limits>

namespace kastle::broker {

namespace {

constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

// Sorted by name. The identity settings (broker.id, listeners, advertised.listeners, log.dirs)
// are described from the running broker, not from here.
constexpr BrokerConfigDef kDefs[] = {
    {"auto.create.topics.enable", ConfigType::Boolean, "true",
     "Create a topic when a producer or a metadata request names one that does not exist."},
    {"connections.max.idle.ms", ConfigType::Long, "600000",
     "Close connections idle for longer than this.", 1, kInt64Max},
    {"default.replication.factor", ConfigType::Int, "1",
     "Replication factor of automatically created topics and of CreateTopics with -1.", 1,
     kInt32Max},
    {"delete.topic.enable", ConfigType::Boolean, "true", "Whether DeleteTopics may delete topics."},
    {"fetch.max.bytes", ConfigType::Int, "1048576",
     "Most bytes of records one Fetch response carries, whatever the request allows (Kafka: "
     "57671680). Smaller here because the consumers are local: librdkafka parses a 1 MiB "
     "response while it is still in the CPU cache, and reads more messages per second than "
     "from larger ones. The first batch is sent whole even when larger.",
     1024, kInt32Max},
    {"group.initial.rebalance.delay.ms", ConfigType::Int, "3000",
     "How long the first rebalance of an empty group waits for more members.", 0, kInt32Max},
    {"group.max.session.timeout.ms", ConfigType::Int, "1800000",
     "Largest session timeout a group member may ask for.", 1, kInt32Max},
    {"group.max.size", ConfigType::Int, "2147483647", "Largest number of members of a group.", 1,
     kInt32Max},
    {"group.min.session.timeout.ms", ConfigType::Int, "6000",
     "Smallest session timeout a group member may ask for.", 1, kInt32Max},
    {"num.partitions", ConfigType::Int, "1",
     "Partition count of automatically created topics and of CreateTopics with -1.", 1, kInt32Max},
    {"offset.metadata.max.bytes", ConfigType::Int, "4096",
     "Largest metadata string a committed offset may carry.", 0, kInt32Max},
    {"offsets.retention.check.interval.ms", ConfigType::Long, "600000",
     "How often committed offsets are checked for expiry.", 1, kInt64Max},
    {"offsets.retention.minutes", ConfigType::Int, "10080",
     "How long the committed offsets of an empty group are kept.", 1, kInt32Max},
    {"offsets.topic.num.partitions", ConfigType::Int, "50",
     "Partition count of __consumer_offsets when it is created.", 1, kInt32Max},
    {"offsets.topic.replication.factor", ConfigType::Short, "3",
     "Replication factor of __consumer_offsets (at most the number of brokers).", 1, 32767},
    {"offsets.topic.segment.bytes", ConfigType::Int, "8388608",
     "Segment size of __consumer_offsets (Kafka: 104857600; smaller here because Kastle keeps "
     "that topic short by rewriting its live records, not by compaction).",
     1048576, kInt32Max},
    {"producer.id.expiration.ms", ConfigType::Int, "86400000",
     "How long the state of an idle idempotent producer is kept.", 1, kInt32Max},
    {"socket.request.max.bytes", ConfigType::Int, "104857600",
     "Largest request a connection may send.", 8, kInt32Max},
};

const BrokerConfigDef *findBrokerDef(std::string_view name)
{
    const auto it =
        std::lower_bound(std::begin(kDefs), std::end(kDefs), name,
                         [](const BrokerConfigDef &d, std::string_view n) { return d.name < n; });
    return it != std::end(kDefs) && it->name == name ? it : nullptr;
}

// The topic config whose default the broker setting `name` gives, if any.
const ConfigDef *topicDefForSynonym(std::string_view name)
{
    for (const ConfigDef &def : topicConfigDefs())
        if (def.brokerSynonym == name)
            return &def;
    return nullptr;
}

} // namespace

std::span<const BrokerConfigDef> BrokerConfig::definitions()
{
    return kDefs;
}

bool BrokerConfig::set(std::string_view name, std::string_view value, std::string *error)
{
    auto fail = [error](std::string text) {
        if (error)
            *error = std::move(text);
        return false;
    };
    if (const ConfigDef *topicDef = topicDefForSynonym(name)) {
        std::string problem = validateTopicConfig(topicDef->name, value);
        if (!problem.empty())
            return fail(std::string(name) + ": " + problem);
        m_static[std::string(name)] = std::string(value);
        m_topicDefaults[std::string(topicDef->name)] = std::string(value);
        return true;
    }
    const BrokerConfigDef *def = findBrokerDef(name);
    if (!def)
        return fail("unknown broker setting \"" + std::string(name) + "\"");
    if (def->type == ConfigType::Boolean) {
        if (!parseConfigBool(value))
            return fail(std::string(name) + " must be true or false");
    } else if (def->type == ConfigType::Int || def->type == ConfigType::Long ||
               def->type == ConfigType::Short) {
        const auto v = parseConfigLong(value);
        if (!v || *v < def->min || *v > def->max)
            return fail(std::string(name) + " must be a whole number between " +
                        std::to_string(def->min) + " and " + std::to_string(def->max));
    }
    m_static[std::string(name)] = std::string(value);
    return true;
}

std::string BrokerConfig::value(std::string_view name) const
{
    if (auto it = m_static.find(name); it != m_static.end())
        return it->second;
    if (const BrokerConfigDef *def = findBrokerDef(name))
        return std::string(def->defaultValue);
    if (const ConfigDef *topicDef = topicDefForSynonym(name))
        return std::string(topicDef->defaultValue);
    return {};
}

bool BrokerConfig::autoCreateTopics() const
{
    return parseConfigBool(value("auto.create.topics.enable")).value_or(true);
}

int32_t BrokerConfig::numPartitions() const
{
    return static_cast<int32_t>(parseConfigLong(value("num.partitions")).value_or(1));
}

int16_t BrokerConfig::defaultReplicationFactor() const
{
    const int64_t v = parseConfigLong(value("default.replication.factor")).value_or(1);
    return static_cast<int16_t>(std::min<int64_t>(v, std::numeric_limits<int16_t>::max()));
}

bool BrokerConfig::deleteTopicEnable() const
{
    return parseConfigBool(value("delete.topic.enable")).value_or(true);
}

int64_t BrokerConfig::socketRequestMaxBytes() const
{
    return parseConfigLong(value("socket.request.max.bytes")).value_or(104857600);
}

int32_t BrokerConfig::fetchMaxBytes() const
{
    return static_cast<int32_t>(parseConfigLong(value("fetch.max.bytes")).value_or(1048576));
}

int64_t BrokerConfig::connectionsMaxIdleMs() const
{
    return parseConfigLong(value("connections.max.idle.ms")).value_or(600000);
}

std::vector<ConfigEntry> BrokerConfig::describeBroker(const BrokerIdentity &identity) const
{
    std::vector<ConfigEntry> entries;
    auto add = [&](std::string_view name, std::string value, ConfigType type, std::string_view doc,
                   ConfigSource source) {
        ConfigEntry e;
        e.name = std::string(name);
        e.value = value;
        e.source = source;
        e.type = type;
        e.readOnly = true;
        e.documentation = doc;
        e.synonyms.push_back({e.name, std::move(value), source});
        entries.push_back(std::move(e));
    };
    const std::string listener =
        "PLAINTEXT://" + identity.host + ":" + std::to_string(identity.port);
    add("advertised.listeners", listener, ConfigType::String,
        "The address clients are told to use.", ConfigSource::StaticBroker);
    add("broker.id", std::to_string(identity.id), ConfigType::Int, "This broker's id.",
        ConfigSource::StaticBroker);
    add("listeners", listener, ConfigType::String, "The address the broker listens on.",
        ConfigSource::StaticBroker);
    add("log.dirs", identity.logDir, ConfigType::String, "Where this broker keeps its logs.",
        ConfigSource::StaticBroker);
    for (const BrokerConfigDef &def : kDefs)
        add(def.name, value(def.name), def.type, def.documentation,
            isSet(def.name) ? ConfigSource::StaticBroker : ConfigSource::Default);
    for (const ConfigDef &topicDef : topicConfigDefs()) {
        if (topicDef.brokerSynonym.empty() || findBrokerDef(topicDef.brokerSynonym))
            continue;
        add(topicDef.brokerSynonym, value(topicDef.brokerSynonym), topicDef.type,
            topicDef.documentation,
            isSet(topicDef.brokerSynonym) ? ConfigSource::StaticBroker : ConfigSource::Default);
    }
    std::sort(entries.begin(), entries.end(),
              [](const ConfigEntry &a, const ConfigEntry &b) { return a.name < b.name; });
    return entries;
}

std::vector<ConfigEntry> BrokerConfig::describeTopic(const ConfigMap &overrides) const
{
    std::vector<ConfigEntry> entries;
    entries.reserve(topicConfigDefs().size());
    for (const ConfigDef &def : topicConfigDefs()) {
        ConfigEntry e;
        e.name = std::string(def.name);
        e.type = def.type;
        e.documentation = def.documentation;
        e.sensitive = def.type == ConfigType::Password;
        if (auto it = overrides.find(def.name); it != overrides.end())
            e.synonyms.push_back({e.name, it->second, ConfigSource::DynamicTopic});
        if (!def.brokerSynonym.empty() && isSet(def.brokerSynonym))
            e.synonyms.push_back({std::string(def.brokerSynonym), value(def.brokerSynonym),
                                  ConfigSource::StaticBroker});
        e.synonyms.push_back({def.brokerSynonym.empty() ? e.name : std::string(def.brokerSynonym),
                              std::string(def.defaultValue), ConfigSource::Default});
        e.value = e.synonyms.front().value;
        e.source = e.synonyms.front().source;
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace kastle::broker
