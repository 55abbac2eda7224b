// DeleteRecords (key 21), versions 0-1: move partitions' log start offsets forward.
//
// v1 is the same as v0 (quota behaviour only). Flexible from v2, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct DeleteRecordsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DeleteRecords;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct DeleteRecordsPartition
    {
        int32_t partitionIndex = 0;
        int64_t offset = 0; // -1: up to the high watermark
        static constexpr auto schema()
        {
            using T = DeleteRecordsPartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::offset>()};
        }
        bool operator==(const DeleteRecordsPartition &) const = default;
    };
    struct DeleteRecordsTopic
    {
        std::string name;
        std::vector<DeleteRecordsPartition> partitions;
        static constexpr auto schema()
        {
            using T = DeleteRecordsTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const DeleteRecordsTopic &) const = default;
    };

    std::vector<DeleteRecordsTopic> topics;
    int32_t timeoutMs = 0;

    static constexpr auto schema()
    {
        using T = DeleteRecordsRequest;
        return std::tuple{field<&T::topics>(), field<&T::timeoutMs>()};
    }
    bool operator==(const DeleteRecordsRequest &) const = default;
};

struct DeleteRecordsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DeleteRecords;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct DeleteRecordsPartitionResult
    {
        int32_t partitionIndex = 0;
        int64_t lowWatermark = 0;
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = DeleteRecordsPartitionResult;
            return std::tuple{field<&T::partitionIndex>(), field<&T::lowWatermark>(),
                              field<&T::errorCode>()};
        }
        bool operator==(const DeleteRecordsPartitionResult &) const = default;
    };
    struct DeleteRecordsTopicResult
    {
        std::string name;
        std::vector<DeleteRecordsPartitionResult> partitions;
        static constexpr auto schema()
        {
            using T = DeleteRecordsTopicResult;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const DeleteRecordsTopicResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DeleteRecordsTopicResult> topics;

    static constexpr auto schema()
    {
        using T = DeleteRecordsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::topics>()};
    }
    bool operator==(const DeleteRecordsResponse &) const = default;
};

} // namespace kastle::protocol
