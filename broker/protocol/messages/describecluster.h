// DescribeCluster (key 60), version 0, flexible from v0: cluster id, controller and brokers.
// v1 (endpoint type) is outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

#include <limits>

namespace kastle::protocol {

struct DescribeClusterRequest
{
    static constexpr ApiKey apiKey = ApiKey::DescribeCluster;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    bool includeClusterAuthorizedOperations = false;

    static constexpr auto schema()
    {
        return std::tuple{field<&DescribeClusterRequest::includeClusterAuthorizedOperations>()};
    }
    bool operator==(const DescribeClusterRequest &) const = default;
};

struct DescribeClusterResponse
{
    static constexpr ApiKey apiKey = ApiKey::DescribeCluster;
    static constexpr Versions versions{0, 0};
    static constexpr int16_t flexibleFrom = 0;

    struct DescribeClusterBroker
    {
        int32_t brokerId = 0;
        std::string host;
        int32_t port = 0;
        std::optional<std::string> rack;
        static constexpr auto schema()
        {
            using T = DescribeClusterBroker;
            return std::tuple{field<&T::brokerId>(), field<&T::host>(), field<&T::port>(),
                              field<&T::rack>({.nullable = kAllVersions})};
        }
        bool operator==(const DescribeClusterBroker &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<std::string> errorMessage;
    std::string clusterId;
    int32_t controllerId = -1;
    std::vector<DescribeClusterBroker> brokers;
    int32_t clusterAuthorizedOperations = std::numeric_limits<int32_t>::min();

    static constexpr auto schema()
    {
        using T = DescribeClusterResponse;
        return std::tuple{field<&T::throttleTimeMs>(),
                          field<&T::errorCode>(),
                          field<&T::errorMessage>({.nullable = kAllVersions}),
                          field<&T::clusterId>(),
                          field<&T::controllerId>(),
                          field<&T::brokers>(),
                          field<&T::clusterAuthorizedOperations>()};
    }
    bool operator==(const DescribeClusterResponse &) const = default;
};

} // namespace kastle::protocol
