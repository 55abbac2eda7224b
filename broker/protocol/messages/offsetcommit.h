// OffsetCommit (key 8), versions 0-7: a consumer group stores its positions.
//
// Version history within the range: v1 adds the generation and member id and a per-partition
// commit timestamp (v1 only); v2 replaces that timestamp with a request-wide retention time
// (v2-4); v3 adds throttle time to the response; v5 drops the retention time; v6 adds the
// committed leader epoch; v7 adds the group instance id. Flexible from v8, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct OffsetCommitRequest
{
    static constexpr ApiKey apiKey = ApiKey::OffsetCommit;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 8;

    struct OffsetCommitRequestPartition
    {
        int32_t partitionIndex = 0;
        int64_t committedOffset = 0;
        int32_t committedLeaderEpoch = -1;
        int64_t commitTimestamp = -1;
        std::optional<std::string> committedMetadata = std::string{};
        static constexpr auto schema()
        {
            using T = OffsetCommitRequestPartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::committedOffset>(),
                              field<&T::committedLeaderEpoch>({.versions = since(6)}),
                              field<&T::commitTimestamp>({.versions = between(1, 1)}),
                              field<&T::committedMetadata>({.nullable = kAllVersions})};
        }
        bool operator==(const OffsetCommitRequestPartition &) const = default;
    };
    struct OffsetCommitRequestTopic
    {
        std::string name;
        std::vector<OffsetCommitRequestPartition> partitions;
        static constexpr auto schema()
        {
            using T = OffsetCommitRequestTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OffsetCommitRequestTopic &) const = default;
    };

    std::string groupId;
    int32_t generationIdOrMemberEpoch = -1;
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    int64_t retentionTimeMs = -1;
    std::vector<OffsetCommitRequestTopic> topics;

    static constexpr auto schema()
    {
        using T = OffsetCommitRequest;
        return std::tuple{field<&T::groupId>(),
                          field<&T::generationIdOrMemberEpoch>({.versions = since(1)}),
                          field<&T::memberId>({.versions = since(1)}),
                          field<&T::groupInstanceId>({.versions = since(7), .nullable = since(7)}),
                          field<&T::retentionTimeMs>({.versions = between(2, 4)}),
                          field<&T::topics>()};
    }
    bool operator==(const OffsetCommitRequest &) const = default;
};

struct OffsetCommitResponse
{
    static constexpr ApiKey apiKey = ApiKey::OffsetCommit;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 8;

    struct OffsetCommitResponsePartition
    {
        int32_t partitionIndex = 0;
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = OffsetCommitResponsePartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::errorCode>()};
        }
        bool operator==(const OffsetCommitResponsePartition &) const = default;
    };
    struct OffsetCommitResponseTopic
    {
        std::string name;
        std::vector<OffsetCommitResponsePartition> partitions;
        static constexpr auto schema()
        {
            using T = OffsetCommitResponseTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const OffsetCommitResponseTopic &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<OffsetCommitResponseTopic> topics;

    static constexpr auto schema()
    {
        using T = OffsetCommitResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(3)}), field<&T::topics>()};
    }
    bool operator==(const OffsetCommitResponse &) const = default;
};

} // namespace kastle::protocol
