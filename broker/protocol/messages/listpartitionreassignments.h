// ListPartitionReassignments (key 46), version 0, flexible from v0: the replica moves in
// progress.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ListPartitionReassignmentsRequest
{
    static constexpr ApiKey apiKey = ApiKey::ListPartitionReassignments;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    struct ListPartitionReassignmentsTopics
    {
        std::string name;
        std::vector<int32_t> partitionIndexes;
        static constexpr auto schema()
        {
            using T = ListPartitionReassignmentsTopics;
            return std::tuple{field<&T::name>(), field<&T::partitionIndexes>()};
        }
        bool operator==(const ListPartitionReassignmentsTopics &) const = default;
    };

    int32_t timeoutMs = 60000;
    std::optional<std::vector<ListPartitionReassignmentsTopics>> topics; // null: all moves

    static constexpr auto schema()
    {
        using T = ListPartitionReassignmentsRequest;
        return std::tuple{field<&T::timeoutMs>(), field<&T::topics>({.nullable = kAllVersions})};
    }
    bool operator==(const ListPartitionReassignmentsRequest &) const = default;
};

struct ListPartitionReassignmentsResponse
{
    static constexpr ApiKey apiKey = ApiKey::ListPartitionReassignments;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    struct OngoingPartitionReassignment
    {
        int32_t partitionIndex = 0;
        std::vector<int32_t> replicas;
        std::vector<int32_t> addingReplicas;
        std::vector<int32_t> removingReplicas;
        static constexpr auto schema()
        {
            using T = OngoingPartitionReassignment;
            return std::tuple{field<&T::partitionIndex>(), field<&T::replicas>(),
                              field<&T::addingReplicas>(), field<&T::removingReplicas>()};
        }
        bool operator==(const OngoingPartitionReassignment &) const = default;
    };
    struct OngoingTopicReassignment
    {
        std::string name;
        std::vector<OngoingPartitionReassignment> partitions;
        static constexpr auto schema()
        {
            using T = OngoingTopicReassignment;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OngoingTopicReassignment &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<std::string> errorMessage = std::string{};
    std::vector<OngoingTopicReassignment> topics;

    static constexpr auto schema()
    {
        using T = ListPartitionReassignmentsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::errorCode>(),
                          field<&T::errorMessage>({.nullable = kAllVersions}), field<&T::topics>()};
    }
    bool operator==(const ListPartitionReassignmentsResponse &) const = default;
};

} // namespace kastle::protocol
