// DeleteGroups (key 42), versions 0-1: delete empty consumer groups.
//
// v1 is the same as v0 (quota behaviour only). Flexible from v2, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct DeleteGroupsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DeleteGroups;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    std::vector<std::string> groupsNames;

    static constexpr auto schema()
    {
        return std::tuple{field<&DeleteGroupsRequest::groupsNames>()};
    }
    bool operator==(const DeleteGroupsRequest &) const = default;
};

struct DeleteGroupsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DeleteGroups;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct DeletableGroupResult
    {
        std::string groupId;
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = DeletableGroupResult;
            return std::tuple{field<&T::groupId>(), field<&T::errorCode>()};
        }
        bool operator==(const DeletableGroupResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DeletableGroupResult> results;

    static constexpr auto schema()
    {
        using T = DeleteGroupsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::results>()};
    }
    bool operator==(const DeleteGroupsResponse &) const = default;
};

} // namespace kastle::protocol
