// ListOffsets (key 2), versions 0-3: the offset of a partition at a timestamp, or its start (-2)
// or end (-1).
//
// Version history within the range: v0 answers a list of offsets (at most MaxNumOffsets); v1
// answers one offset with its timestamp (needed for timestamp look-ups); v2 adds the isolation
// level and throttle time; v3 is the same as v2. Flexible from v6, outside the range (v4 leader
// epochs are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ListOffsetsRequest
{
    static constexpr ApiKey apiKey = ApiKey::ListOffsets;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 6;

    struct ListOffsetsPartition
    {
        int32_t partitionIndex = 0;
        int64_t timestamp = 0;
        int32_t maxNumOffsets = 1;
        static constexpr auto schema()
        {
            using T = ListOffsetsPartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::timestamp>(),
                              field<&T::maxNumOffsets>({.versions = until(0)})};
        }
        bool operator==(const ListOffsetsPartition &) const = default;
    };
    struct ListOffsetsTopic
    {
        std::string name;
        std::vector<ListOffsetsPartition> partitions;
        static constexpr auto schema()
        {
            using T = ListOffsetsTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const ListOffsetsTopic &) const = default;
    };

    int32_t replicaId = 0;
    int8_t isolationLevel = 0;
    std::vector<ListOffsetsTopic> topics;

    static constexpr auto schema()
    {
        using T = ListOffsetsRequest;
        return std::tuple{field<&T::replicaId>(), field<&T::isolationLevel>({.versions = since(2)}),
                          field<&T::topics>()};
    }
    bool operator==(const ListOffsetsRequest &) const = default;
};

struct ListOffsetsResponse
{
    static constexpr ApiKey apiKey = ApiKey::ListOffsets;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 6;

    struct ListOffsetsPartitionResponse
    {
        int32_t partitionIndex = 0;
        int16_t errorCode = 0;
        std::vector<int64_t> oldStyleOffsets;
        int64_t timestamp = -1;
        int64_t offset = -1;
        static constexpr auto schema()
        {
            using T = ListOffsetsPartitionResponse;
            return std::tuple{field<&T::partitionIndex>(), field<&T::errorCode>(),
                              field<&T::oldStyleOffsets>({.versions = until(0)}),
                              field<&T::timestamp>({.versions = since(1)}),
                              field<&T::offset>({.versions = since(1)})};
        }
        bool operator==(const ListOffsetsPartitionResponse &) const = default;
    };
    struct ListOffsetsTopicResponse
    {
        std::string name;
        std::vector<ListOffsetsPartitionResponse> partitions;
        static constexpr auto schema()
        {
            using T = ListOffsetsTopicResponse;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const ListOffsetsTopicResponse &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<ListOffsetsTopicResponse> topics;

    static constexpr auto schema()
    {
        using T = ListOffsetsResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(2)}), field<&T::topics>()};
    }
    bool operator==(const ListOffsetsResponse &) const = default;
};

} // namespace kastle::protocol
