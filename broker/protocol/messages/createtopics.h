// CreateTopics (key 19), versions 0-4.
//
// Version history within the range: v1 adds validateOnly and a per-topic error message; v2 adds
// throttle time; v4 lets partitions and replication factor be -1 (broker defaults) without
// explicit assignments. Flexible from v5, outside the range (v5 returns configs, v7 topic ids).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct CreateTopicsRequest
{
    static constexpr ApiKey apiKey = ApiKey::CreateTopics;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 5;

    struct CreatableReplicaAssignment
    {
        int32_t partitionIndex = 0;
        std::vector<int32_t> brokerIds;
        static constexpr auto schema()
        {
            using T = CreatableReplicaAssignment;
            return std::tuple{field<&T::partitionIndex>(), field<&T::brokerIds>()};
        }
        bool operator==(const CreatableReplicaAssignment &) const = default;
    };
    struct CreatableTopicConfig
    {
        std::string name;
        std::optional<std::string> value = std::string{};
        static constexpr auto schema()
        {
            using T = CreatableTopicConfig;
            return std::tuple{field<&T::name>(), field<&T::value>({.nullable = kAllVersions})};
        }
        bool operator==(const CreatableTopicConfig &) const = default;
    };
    struct CreatableTopic
    {
        std::string name;
        int32_t numPartitions = 0;
        int16_t replicationFactor = 0;
        std::vector<CreatableReplicaAssignment> assignments;
        std::vector<CreatableTopicConfig> configs;
        static constexpr auto schema()
        {
            using T = CreatableTopic;
            return std::tuple{field<&T::name>(), field<&T::numPartitions>(),
                              field<&T::replicationFactor>(), field<&T::assignments>(),
                              field<&T::configs>()};
        }
        bool operator==(const CreatableTopic &) const = default;
    };

    std::vector<CreatableTopic> topics;
    int32_t timeoutMs = 60000;
    bool validateOnly = false;

    static constexpr auto schema()
    {
        using T = CreateTopicsRequest;
        return std::tuple{field<&T::topics>(), field<&T::timeoutMs>(),
                          field<&T::validateOnly>({.versions = since(1)})};
    }
    bool operator==(const CreateTopicsRequest &) const = default;
};

struct CreateTopicsResponse
{
    static constexpr ApiKey apiKey = ApiKey::CreateTopics;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 5;

    struct CreatableTopicResult
    {
        std::string name;
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage = std::string{};
        static constexpr auto schema()
        {
            using T = CreatableTopicResult;
            return std::tuple{
                field<&T::name>(), field<&T::errorCode>(),
                field<&T::errorMessage>({.versions = since(1), .nullable = kAllVersions})};
        }
        bool operator==(const CreatableTopicResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<CreatableTopicResult> topics;

    static constexpr auto schema()
    {
        using T = CreateTopicsResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(2)}), field<&T::topics>()};
    }
    bool operator==(const CreateTopicsResponse &) const = default;
};

} // namespace kastle::protocol
