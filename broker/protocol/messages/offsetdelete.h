// OffsetDelete (key 47), version 0, never flexible: delete a group's committed offsets for
// partitions it no longer consumes.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct OffsetDeleteRequest
{
    static constexpr ApiKey apiKey = ApiKey::OffsetDelete;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    struct OffsetDeleteRequestPartition
    {
        int32_t partitionIndex = 0;
        static constexpr auto schema()
        {
            return std::tuple{field<&OffsetDeleteRequestPartition::partitionIndex>()};
        }
        bool operator==(const OffsetDeleteRequestPartition &) const = default;
    };
    struct OffsetDeleteRequestTopic
    {
        std::string name;
        std::vector<OffsetDeleteRequestPartition> partitions;
        static constexpr auto schema()
        {
            using T = OffsetDeleteRequestTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OffsetDeleteRequestTopic &) const = default;
    };

    std::string groupId;
    std::vector<OffsetDeleteRequestTopic> topics;

    static constexpr auto schema()
    {
        using T = OffsetDeleteRequest;
        return std::tuple{field<&T::groupId>(), field<&T::topics>()};
    }
    bool operator==(const OffsetDeleteRequest &) const = default;
};

struct OffsetDeleteResponse
{
    static constexpr ApiKey apiKey = ApiKey::OffsetDelete;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    struct OffsetDeleteResponsePartition
    {
        int32_t partitionIndex = 0;
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = OffsetDeleteResponsePartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::errorCode>()};
        }
        bool operator==(const OffsetDeleteResponsePartition &) const = default;
    };
    struct OffsetDeleteResponseTopic
    {
        std::string name;
        std::vector<OffsetDeleteResponsePartition> partitions;
        static constexpr auto schema()
        {
            using T = OffsetDeleteResponseTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OffsetDeleteResponseTopic &) const = default;
    };

    int16_t errorCode = 0;
    int32_t throttleTimeMs = 0;
    std::vector<OffsetDeleteResponseTopic> topics;

    static constexpr auto schema()
    {
        using T = OffsetDeleteResponse;
        return std::tuple{field<&T::errorCode>(), field<&T::throttleTimeMs>(), field<&T::topics>()};
    }
    bool operator==(const OffsetDeleteResponse &) const = default;
};

} // namespace kastle::protocol
