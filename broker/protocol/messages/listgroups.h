// ListGroups (key 16), versions 0-4: the groups a broker coordinates.
//
// Version history within the range: v1 adds throttle time; v3 is the first flexible version;
// v4 adds a state filter in the request and each group's state in the response.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ListGroupsRequest
{
    static constexpr ApiKey apiKey = ApiKey::ListGroups;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 3;

    std::vector<std::string> statesFilter;

    static constexpr auto schema()
    {
        return std::tuple{field<&ListGroupsRequest::statesFilter>({.versions = since(4)})};
    }
    bool operator==(const ListGroupsRequest &) const = default;
};

struct ListGroupsResponse
{
    static constexpr ApiKey apiKey = ApiKey::ListGroups;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 3;

    struct ListedGroup
    {
        std::string groupId;
        std::string protocolType;
        std::string groupState;
        static constexpr auto schema()
        {
            using T = ListedGroup;
            return std::tuple{field<&T::groupId>(), field<&T::protocolType>(),
                              field<&T::groupState>({.versions = since(4)})};
        }
        bool operator==(const ListedGroup &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::vector<ListedGroup> groups;

    static constexpr auto schema()
    {
        using T = ListGroupsResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}), field<&T::errorCode>(),
                          field<&T::groups>()};
    }
    bool operator==(const ListGroupsResponse &) const = default;
};

} // namespace kastle::protocol
