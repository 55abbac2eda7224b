// DescribeGroups (key 15), versions 0-4: state, protocol and members of groups.
//
// Version history within the range: v1 adds throttle time; v3 adds authorized operations
// (asked for in the request, answered per group); v4 adds members' group instance ids. Flexible
// from v5, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

#include <limits>

namespace kastle::protocol {

struct DescribeGroupsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DescribeGroups;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 5;

    std::vector<std::string> groups;
    bool includeAuthorizedOperations = false;

    static constexpr auto schema()
    {
        using T = DescribeGroupsRequest;
        return std::tuple{field<&T::groups>(),
                          field<&T::includeAuthorizedOperations>({.versions = since(3)})};
    }
    bool operator==(const DescribeGroupsRequest &) const = default;
};

struct DescribeGroupsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DescribeGroups;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 5;

    struct DescribedGroupMember
    {
        std::string memberId;
        std::optional<std::string> groupInstanceId;
        std::string clientId;
        std::string clientHost;
        Bytes memberMetadata;
        Bytes memberAssignment;
        static constexpr auto schema()
        {
            using T = DescribedGroupMember;
            return std::tuple{
                field<&T::memberId>(),
                field<&T::groupInstanceId>({.versions = since(4), .nullable = since(4)}),
                field<&T::clientId>(),
                field<&T::clientHost>(),
                field<&T::memberMetadata>(),
                field<&T::memberAssignment>()};
        }
        bool operator==(const DescribedGroupMember &) const = default;
    };
    struct DescribedGroup
    {
        int16_t errorCode = 0;
        std::string groupId;
        std::string groupState;
        std::string protocolType;
        std::string protocolData;
        std::vector<DescribedGroupMember> members;
        int32_t authorizedOperations = std::numeric_limits<int32_t>::min();
        static constexpr auto schema()
        {
            using T = DescribedGroup;
            return std::tuple{field<&T::errorCode>(),
                              field<&T::groupId>(),
                              field<&T::groupState>(),
                              field<&T::protocolType>(),
                              field<&T::protocolData>(),
                              field<&T::members>(),
                              field<&T::authorizedOperations>({.versions = since(3)})};
        }
        bool operator==(const DescribedGroup &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DescribedGroup> groups;

    static constexpr auto schema()
    {
        using T = DescribeGroupsResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}), field<&T::groups>()};
    }
    bool operator==(const DescribeGroupsResponse &) const = default;
};

} // namespace kastle::protocol
