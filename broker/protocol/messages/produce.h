// Produce (key 0), versions 0-7: a producer appends record sets to partitions.
//
// Version history within the range: v1 adds throttle time to the response; v2 adds the log
// append time; v3 adds the transactional id and carries RecordBatch v2 (v0-2 carry MessageSet
// magic 0/1); v4 may answer KAFKA_STORAGE_ERROR; v5 adds the log start offset; v7 allows zstd.
// Flexible from v9, outside the range (v8 record errors are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ProduceRequest
{
    static constexpr ApiKey apiKey = ApiKey::Produce;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 9;

    struct PartitionProduceData
    {
        int32_t index = 0;
        Records records; // null by default, as in the schema
        static constexpr auto schema()
        {
            using T = PartitionProduceData;
            return std::tuple{field<&T::index>(), field<&T::records>({.nullable = kAllVersions})};
        }
        bool operator==(const PartitionProduceData &) const = default;
    };
    struct TopicProduceData
    {
        std::string name;
        std::vector<PartitionProduceData> partitionData;
        static constexpr auto schema()
        {
            using T = TopicProduceData;
            return std::tuple{field<&T::name>(), field<&T::partitionData>()};
        }
        bool operator==(const TopicProduceData &) const = default;
    };

    std::optional<std::string> transactionalId;
    int16_t acks = 0;
    int32_t timeoutMs = 0;
    std::vector<TopicProduceData> topicData;

    static constexpr auto schema()
    {
        using T = ProduceRequest;
        return std::tuple{field<&T::transactionalId>({.versions = since(3), .nullable = since(3)}),
                          field<&T::acks>(), field<&T::timeoutMs>(), field<&T::topicData>()};
    }
    bool operator==(const ProduceRequest &) const = default;
};

struct ProduceResponse
{
    static constexpr ApiKey apiKey = ApiKey::Produce;
    static constexpr Versions versions{0, 7};
    static constexpr int16_t flexibleFrom = 9;

    struct PartitionProduceResponse
    {
        int32_t index = 0;
        int16_t errorCode = 0;
        int64_t baseOffset = 0;
        int64_t logAppendTimeMs = -1;
        int64_t logStartOffset = -1;
        static constexpr auto schema()
        {
            using T = PartitionProduceResponse;
            return std::tuple{field<&T::index>(), field<&T::errorCode>(), field<&T::baseOffset>(),
                              field<&T::logAppendTimeMs>({.versions = since(2)}),
                              field<&T::logStartOffset>({.versions = since(5)})};
        }
        bool operator==(const PartitionProduceResponse &) const = default;
    };
    struct TopicProduceResponse
    {
        std::string name;
        std::vector<PartitionProduceResponse> partitionResponses;
        static constexpr auto schema()
        {
            using T = TopicProduceResponse;
            return std::tuple{field<&T::name>(), field<&T::partitionResponses>()};
        }
        bool operator==(const TopicProduceResponse &) const = default;
    };

    std::vector<TopicProduceResponse> responses;
    int32_t throttleTimeMs = 0;

    static constexpr auto schema()
    {
        using T = ProduceResponse;
        return std::tuple{field<&T::responses>(),
                          field<&T::throttleTimeMs>({.versions = since(1)})};
    }
    bool operator==(const ProduceResponse &) const = default;
};

} // namespace kastle::protocol
