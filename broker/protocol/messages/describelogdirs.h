// DescribeLogDirs (key 35), versions 0-2: log directories and the size of each partition in them.
//
// Version history within the range: v1 is the same as v0 (quota behaviour); v2 is the first
// flexible version. v3 (top-level error) and v4 (total/usable bytes) are outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct DescribeLogDirsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DescribeLogDirs;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    struct DescribableLogDirTopic
    {
        std::string topic;
        std::vector<int32_t> partitions;
        static constexpr auto schema()
        {
            using T = DescribableLogDirTopic;
            return std::tuple{field<&T::topic>(), field<&T::partitions>()};
        }
        bool operator==(const DescribableLogDirTopic &) const = default;
    };

    // Null asks for every partition.
    std::optional<std::vector<DescribableLogDirTopic>> topics =
        std::vector<DescribableLogDirTopic>{};

    static constexpr auto schema()
    {
        return std::tuple{field<&DescribeLogDirsRequest::topics>({.nullable = kAllVersions})};
    }
    bool operator==(const DescribeLogDirsRequest &) const = default;
};

struct DescribeLogDirsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DescribeLogDirs;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    struct DescribeLogDirsPartition
    {
        int32_t partitionIndex = 0;
        int64_t partitionSize = 0;
        int64_t offsetLag = 0;
        bool isFutureKey = false;
        static constexpr auto schema()
        {
            using T = DescribeLogDirsPartition;
            return std::tuple{field<&T::partitionIndex>(), field<&T::partitionSize>(),
                              field<&T::offsetLag>(), field<&T::isFutureKey>()};
        }
        bool operator==(const DescribeLogDirsPartition &) const = default;
    };
    struct DescribeLogDirsTopic
    {
        std::string name;
        std::vector<DescribeLogDirsPartition> partitions;
        static constexpr auto schema()
        {
            using T = DescribeLogDirsTopic;
            return std::tuple{field<&T::name>(), field<&T::partitions>()};
        }
        bool operator==(const DescribeLogDirsTopic &) const = default;
    };
    struct DescribeLogDirsResult
    {
        int16_t errorCode = 0;
        std::string logDir;
        std::vector<DescribeLogDirsTopic> topics;
        static constexpr auto schema()
        {
            using T = DescribeLogDirsResult;
            return std::tuple{field<&T::errorCode>(), field<&T::logDir>(), field<&T::topics>()};
        }
        bool operator==(const DescribeLogDirsResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DescribeLogDirsResult> results;

    static constexpr auto schema()
    {
        using T = DescribeLogDirsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::results>()};
    }
    bool operator==(const DescribeLogDirsResponse &) const = default;
};

} // namespace kastle::protocol
