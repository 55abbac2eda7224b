// CreatePartitions (key 37), versions 0-1: add partitions to existing topics.
//
// v1 is the same as v0 (quota behaviour only). Flexible from v2, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct CreatePartitionsRequest
{
    static constexpr ApiKey apiKey = ApiKey::CreatePartitions;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct CreatePartitionsAssignment
    {
        std::vector<int32_t> brokerIds;
        static constexpr auto schema()
        {
            return std::tuple{field<&CreatePartitionsAssignment::brokerIds>()};
        }
        bool operator==(const CreatePartitionsAssignment &) const = default;
    };
    struct CreatePartitionsTopic
    {
        std::string name;
        int32_t count = 0;
        // Null lets the broker place the new partitions.
        std::optional<std::vector<CreatePartitionsAssignment>> assignments =
            std::vector<CreatePartitionsAssignment>{};
        static constexpr auto schema()
        {
            using T = CreatePartitionsTopic;
            return std::tuple{field<&T::name>(), field<&T::count>(),
                              field<&T::assignments>({.nullable = kAllVersions})};
        }
        bool operator==(const CreatePartitionsTopic &) const = default;
    };

    std::vector<CreatePartitionsTopic> topics;
    int32_t timeoutMs = 0;
    bool validateOnly = false;

    static constexpr auto schema()
    {
        using T = CreatePartitionsRequest;
        return std::tuple{field<&T::topics>(), field<&T::timeoutMs>(), field<&T::validateOnly>()};
    }
    bool operator==(const CreatePartitionsRequest &) const = default;
};

struct CreatePartitionsResponse
{
    static constexpr ApiKey apiKey = ApiKey::CreatePartitions;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct CreatePartitionsTopicResult
    {
        std::string name;
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage;
        static constexpr auto schema()
        {
            using T = CreatePartitionsTopicResult;
            return std::tuple{field<&T::name>(), field<&T::errorCode>(),
                              field<&T::errorMessage>({.nullable = kAllVersions})};
        }
        bool operator==(const CreatePartitionsTopicResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<CreatePartitionsTopicResult> results;

    static constexpr auto schema()
    {
        using T = CreatePartitionsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::results>()};
    }
    bool operator==(const CreatePartitionsResponse &) const = default;
};

} // namespace kastle::protocol
