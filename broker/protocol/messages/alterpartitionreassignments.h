// AlterPartitionReassignments (key 45), version 0, flexible from v0: start replica moves, or
// cancel them with null replica lists.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct AlterPartitionReassignmentsRequest
{
    static constexpr ApiKey apiKey = ApiKey::AlterPartitionReassignments;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    struct ReassignablePartition
    {
        int32_t partitionIndex = 0;
        std::optional<std::vector<int32_t>> replicas; // null cancels a move in progress
        static constexpr auto schema()
        {
            using T = ReassignablePartition;
            return std::tuple{field<&T::partitionIndex>(),
                              field<&T::replicas>({.nullable = kAllVersions})};
        }
        bool operator==(const ReassignablePartition &) const = default;
    };
    struct ReassignableTopic
    {
        std::string name;
        std::vector<ReassignablePartition> partitions;
        static constexpr auto schema()
        {
            using T = ReassignableTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const ReassignableTopic &) const = default;
    };

    int32_t timeoutMs = 60000;
    std::vector<ReassignableTopic> topics;

    static constexpr auto schema()
    {
        using T = AlterPartitionReassignmentsRequest;
        return std::tuple{field<&T::timeoutMs>(), field<&T::topics>()};
    }
    bool operator==(const AlterPartitionReassignmentsRequest &) const = default;
};

struct AlterPartitionReassignmentsResponse
{
    static constexpr ApiKey apiKey = ApiKey::AlterPartitionReassignments;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    struct ReassignablePartitionResponse
    {
        int32_t partitionIndex = 0;
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage = std::string{};
        static constexpr auto schema()
        {
            using T = ReassignablePartitionResponse;
            return std::tuple{field<&T::partitionIndex>(), field<&T::errorCode>(),
                              field<&T::errorMessage>({.nullable = kAllVersions})};
        }
        bool operator==(const ReassignablePartitionResponse &) const = default;
    };
    struct ReassignableTopicResponse
    {
        std::string name;
        std::vector<ReassignablePartitionResponse> partitions;
        static constexpr auto schema()
        {
            using T = ReassignableTopicResponse;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const ReassignableTopicResponse &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<std::string> errorMessage = std::string{};
    std::vector<ReassignableTopicResponse> responses;

    static constexpr auto schema()
    {
        using T = AlterPartitionReassignmentsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::errorCode>(),
                          field<&T::errorMessage>({.nullable = kAllVersions}),
                          field<&T::responses>()};
    }
    bool operator==(const AlterPartitionReassignmentsResponse &) const = default;
};

} // namespace kastle::protocol
