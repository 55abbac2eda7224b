// Metadata (key 3), versions 0-6: brokers, topics, partitions, leaders, replicas and ISR.
//
// Version history within the range: v0 asks for all topics with an EMPTY topics array; from v1
// an empty array means no topics and NULL means all topics (see wantsAllTopics). v1 adds broker
// racks, the controller id and the internal flag; v2 the cluster id; v3 throttle time; v4 the
// auto-creation flag; v5 offline replicas; v6 is the same as v5. Flexible from v9, outside the
// range (v7 leader epochs and v8 authorized operations are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct MetadataRequest
{
    static constexpr ApiKey apiKey = ApiKey::Metadata;
    static constexpr Versions versions{0, 6};
    static constexpr int16_t flexibleFrom = 9;

    struct MetadataRequestTopic
    {
        std::string name;
        static constexpr auto schema() { return std::tuple{field<&MetadataRequestTopic::name>()}; }
        bool operator==(const MetadataRequestTopic &) const = default;
    };

    // Null (all topics) goes out as the empty array in v0, which means the same there.
    std::optional<std::vector<MetadataRequestTopic>> topics = std::vector<MetadataRequestTopic>{};
    bool allowAutoTopicCreation = true;

    // Whether the request asks for every topic, by the rule of its version.
    bool wantsAllTopics(int16_t version) const
    {
        return !topics || (version == 0 && topics->empty());
    }

    static constexpr auto schema()
    {
        using T = MetadataRequest;
        return std::tuple{field<&T::topics>({.nullable = since(1)}),
                          field<&T::allowAutoTopicCreation>({.versions = since(4)})};
    }
    bool operator==(const MetadataRequest &) const = default;
};

struct MetadataResponse
{
    static constexpr ApiKey apiKey = ApiKey::Metadata;
    static constexpr Versions versions{0, 6};
    static constexpr int16_t flexibleFrom = 9;

    struct MetadataResponseBroker
    {
        int32_t nodeId = 0;
        std::string host;
        int32_t port = 0;
        std::optional<std::string> rack;
        static constexpr auto schema()
        {
            using T = MetadataResponseBroker;
            return std::tuple{field<&T::nodeId>(), field<&T::host>(), field<&T::port>(),
                              field<&T::rack>({.versions = since(1), .nullable = since(1)})};
        }
        bool operator==(const MetadataResponseBroker &) const = default;
    };
    struct MetadataResponsePartition
    {
        int16_t errorCode = 0;
        int32_t partitionIndex = 0;
        int32_t leaderId = 0;
        std::vector<int32_t> replicaNodes;
        std::vector<int32_t> isrNodes;
        std::vector<int32_t> offlineReplicas;
        static constexpr auto schema()
        {
            using T = MetadataResponsePartition;
            return std::tuple{
                field<&T::errorCode>(), field<&T::partitionIndex>(),
                field<&T::leaderId>(),  field<&T::replicaNodes>(),
                field<&T::isrNodes>(),  field<&T::offlineReplicas>({.versions = since(5)})};
        }
        bool operator==(const MetadataResponsePartition &) const = default;
    };
    struct MetadataResponseTopic
    {
        int16_t errorCode = 0;
        std::string name;
        bool isInternal = false;
        std::vector<MetadataResponsePartition> partitions;
        static constexpr auto schema()
        {
            using T = MetadataResponseTopic;
            return std::tuple{field<&T::errorCode>(), field<&T::name>(),
                              field<&T::isInternal>({.versions = since(1)}),
                              field<&T::partitions>()};
        }
        bool operator==(const MetadataResponseTopic &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<MetadataResponseBroker> brokers;
    std::optional<std::string> clusterId;
    int32_t controllerId = -1;
    std::vector<MetadataResponseTopic> topics;

    static constexpr auto schema()
    {
        using T = MetadataResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(3)}), field<&T::brokers>(),
                          field<&T::clusterId>({.versions = since(2), .nullable = since(2)}),
                          field<&T::controllerId>({.versions = since(1)}), field<&T::topics>()};
    }
    bool operator==(const MetadataResponse &) const = default;
};

} // namespace kastle::protocol
