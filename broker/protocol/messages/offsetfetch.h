// OffsetFetch (key 9), versions 0-7: a consumer group reads its committed positions.
//
// Version history within the range: v1 reads from the offsets topic instead of ZooKeeper; v2
// accepts a NULL topics array for "all topics" and adds a top-level error code; v3 adds throttle
// time; v5 the committed leader epoch; v6 is the first flexible version; v7 adds RequireStable.
// v8 (outside the range) moves to a list of groups.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct OffsetFetchRequest
{
    static constexpr ApiKey apiKey = ApiKey::OffsetFetch;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 6;

    struct OffsetFetchRequestTopic
    {
        std::string name;
        std::vector<int32_t> partitionIndexes;
        static constexpr auto schema()
        {
            using T = OffsetFetchRequestTopic;
            return std::tuple{field<&T::name>(), field<&T::partitionIndexes>()};
        }
        bool operator==(const OffsetFetchRequestTopic &) const = default;
    };

    std::string groupId;
    // Null (v2+) asks for every partition the group has committed.
    std::optional<std::vector<OffsetFetchRequestTopic>> topics =
        std::vector<OffsetFetchRequestTopic>{};
    bool requireStable = false;

    static constexpr auto schema()
    {
        using T = OffsetFetchRequest;
        return std::tuple{field<&T::groupId>(), field<&T::topics>({.nullable = since(2)}),
                          field<&T::requireStable>({.versions = since(7)})};
    }
    bool operator==(const OffsetFetchRequest &) const = default;
};

struct OffsetFetchResponse
{
    static constexpr ApiKey apiKey = ApiKey::OffsetFetch;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 6;

    struct OffsetFetchResponsePartition
    {
        int32_t partitionIndex = 0;
        int64_t committedOffset = 0;
        int32_t committedLeaderEpoch = -1;
        std::optional<std::string> metadata = std::string{};
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = OffsetFetchResponsePartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::committedOffset>(),
                              field<&T::committedLeaderEpoch>({.versions = since(5)}),
                              field<&T::metadata>({.nullable = kAllVersions}),
                              field<&T::errorCode>()};
        }
        bool operator==(const OffsetFetchResponsePartition &) const = default;
    };
    struct OffsetFetchResponseTopic
    {
        std::string name;
        std::vector<OffsetFetchResponsePartition> partitions;
        static constexpr auto schema()
        {
            using T = OffsetFetchResponseTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OffsetFetchResponseTopic &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<OffsetFetchResponseTopic> topics;
    int16_t errorCode = 0;

    static constexpr auto schema()
    {
        using T = OffsetFetchResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(3)}), field<&T::topics>(),
                          field<&T::errorCode>({.versions = since(2)})};
    }
    bool operator==(const OffsetFetchResponse &) const = default;
};

} // namespace kastle::protocol
