// ElectLeaders (key 43), versions 0-2: run a preferred (0) or unclean (1) leader election.
//
// Version history within the range: v1 adds the election type and a top-level error code; v2 is
// the first flexible version.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ElectLeadersRequest
{
    static constexpr ApiKey apiKey = ApiKey::ElectLeaders;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    struct TopicPartitions
    {
        std::string topic;
        std::vector<int32_t> partitions;
        static constexpr auto schema()
        {
            using T = TopicPartitions;
            return std::tuple{field<&T::topic>(), field<&T::partitions>()};
        }
        bool operator==(const TopicPartitions &) const = default;
    };

    int8_t electionType = 0;
    // Null elects for every partition.
    std::optional<std::vector<TopicPartitions>> topicPartitions = std::vector<TopicPartitions>{};
    int32_t timeoutMs = 60000;

    static constexpr auto schema()
    {
        using T = ElectLeadersRequest;
        return std::tuple{field<&T::electionType>({.versions = since(1)}),
                          field<&T::topicPartitions>({.nullable = kAllVersions}),
                          field<&T::timeoutMs>()};
    }
    bool operator==(const ElectLeadersRequest &) const = default;
};

struct ElectLeadersResponse
{
    static constexpr ApiKey apiKey = ApiKey::ElectLeaders;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    struct PartitionResult
    {
        int32_t partitionId = 0;
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage = std::string{};
        static constexpr auto schema()
        {
            using T = PartitionResult;
            return std::tuple{field<&T::partitionId>(), field<&T::errorCode>(),
                              field<&T::errorMessage>({.nullable = kAllVersions})};
        }
        bool operator==(const PartitionResult &) const = default;
    };
    struct ReplicaElectionResult
    {
        std::string topic;
        std::vector<PartitionResult> partitionResult;
        static constexpr auto schema()
        {
            using T = ReplicaElectionResult;
            return std::tuple{field<&T::topic>(), field<&T::partitionResult>()};
        }
        bool operator==(const ReplicaElectionResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::vector<ReplicaElectionResult> replicaElectionResults;

    static constexpr auto schema()
    {
        using T = ElectLeadersResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::errorCode>({.versions = since(1)}),
                          field<&T::replicaElectionResults>()};
    }
    bool operator==(const ElectLeadersResponse &) const = default;
};

} // namespace kastle::protocol
