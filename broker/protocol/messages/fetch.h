// Fetch (key 1), versions 0-11: consumers and followers read record sets.
//
// Version history within the range: v1 adds throttle time; v2 means the client reads magic 1;
// v3 adds the response size limit (and partition order matters); v4 adds the isolation level,
// the last stable offset and aborted transactions (nullable) and means the client reads
// RecordBatch v2; v5 adds log start offsets; v7 adds fetch sessions (id, epoch, forgotten
// topics) and a top-level error code; v9 adds the current leader epoch; v10 allows zstd; v11 adds
// the rack id and the preferred read replica. Flexible from v12, outside the range (topic ids
// and the tagged diverging-epoch/leader/snapshot fields come later and are left out).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct FetchRequest
{
    static constexpr ApiKey apiKey = ApiKey::Fetch;
    static constexpr Versions versions{0, 11};
    static constexpr int16_t flexibleFrom = 12;

    struct FetchPartition
    {
        int32_t partition = 0;
        int32_t currentLeaderEpoch = -1;
        int64_t fetchOffset = 0;
        int64_t logStartOffset = -1;
        int32_t partitionMaxBytes = 0;
        static constexpr auto schema()
        {
            using T = FetchPartition;
            return std::tuple{
                field<&T::partition>(), field<&T::currentLeaderEpoch>({.versions = since(9)}),
                field<&T::fetchOffset>(), field<&T::logStartOffset>({.versions = since(5)}),
                field<&T::partitionMaxBytes>()};
        }
        bool operator==(const FetchPartition &) const = default;
    };
    struct FetchTopic
    {
        std::string topic;
        std::vector<FetchPartition> partitions;
        static constexpr auto schema()
        {
            using T = FetchTopic;
            return std::tuple{field<&T::topic>(), field<&T::partitions>()};
        }
        bool operator==(const FetchTopic &) const = default;
    };
    struct ForgottenTopic
    {
        std::string topic;
        std::vector<int32_t> partitions;
        static constexpr auto schema()
        {
            using T = ForgottenTopic;
            return std::tuple{field<&T::topic>(), field<&T::partitions>()};
        }
        bool operator==(const ForgottenTopic &) const = default;
    };

    int32_t replicaId = -1;
    int32_t maxWaitMs = 0;
    int32_t minBytes = 0;
    int32_t maxBytes = 0x7fffffff;
    int8_t isolationLevel = 0;
    int32_t sessionId = 0;
    int32_t sessionEpoch = -1;
    std::vector<FetchTopic> topics;
    std::vector<ForgottenTopic> forgottenTopicsData;
    std::string rackId;

    static constexpr auto schema()
    {
        using T = FetchRequest;
        return std::tuple{field<&T::replicaId>(),
                          field<&T::maxWaitMs>(),
                          field<&T::minBytes>(),
                          field<&T::maxBytes>({.versions = since(3)}),
                          field<&T::isolationLevel>({.versions = since(4)}),
                          field<&T::sessionId>({.versions = since(7)}),
                          field<&T::sessionEpoch>({.versions = since(7)}),
                          field<&T::topics>(),
                          field<&T::forgottenTopicsData>({.versions = since(7)}),
                          field<&T::rackId>({.versions = since(11)})};
    }
    bool operator==(const FetchRequest &) const = default;
};

struct FetchResponse
{
    static constexpr ApiKey apiKey = ApiKey::Fetch;
    static constexpr Versions versions{0, 11};
    static constexpr int16_t flexibleFrom = 12;

    struct AbortedTransaction
    {
        int64_t producerId = 0;
        int64_t firstOffset = 0;
        static constexpr auto schema()
        {
            using T = AbortedTransaction;
            return std::tuple{field<&T::producerId>(), field<&T::firstOffset>()};
        }
        bool operator==(const AbortedTransaction &) const = default;
    };
    struct PartitionData
    {
        int32_t partitionIndex = 0;
        int16_t errorCode = 0;
        int64_t highWatermark = 0;
        int64_t lastStableOffset = -1;
        int64_t logStartOffset = -1;
        // Null tells a read-committed consumer there is nothing to skip (v4+).
        std::optional<std::vector<AbortedTransaction>> abortedTransactions =
            std::vector<AbortedTransaction>{};
        int32_t preferredReadReplica = -1;
        Records records;
        static constexpr auto schema()
        {
            using T = PartitionData;
            return std::tuple{
                field<&T::partitionIndex>(),
                field<&T::errorCode>(),
                field<&T::highWatermark>(),
                field<&T::lastStableOffset>({.versions = since(4)}),
                field<&T::logStartOffset>({.versions = since(5)}),
                field<&T::abortedTransactions>({.versions = since(4), .nullable = since(4)}),
                field<&T::preferredReadReplica>({.versions = since(11)}),
                field<&T::records>({.nullable = kAllVersions})};
        }
        bool operator==(const PartitionData &) const = default;
    };
    struct FetchableTopicResponse
    {
        std::string topic;
        std::vector<PartitionData> partitions;
        static constexpr auto schema()
        {
            using T = FetchableTopicResponse;
            return std::tuple{field<&T::topic>(), field<&T::partitions>()};
        }
        bool operator==(const FetchableTopicResponse &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    int32_t sessionId = 0;
    std::vector<FetchableTopicResponse> responses;

    static constexpr auto schema()
    {
        using T = FetchResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}),
                          field<&T::errorCode>({.versions = since(7)}),
                          field<&T::sessionId>({.versions = since(7)}), field<&T::responses>()};
    }
    bool operator==(const FetchResponse &) const = default;
};

} // namespace kastle::protocol
