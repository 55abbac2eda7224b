// LeaveGroup (key 13), versions 0-3: members leave a group.
//
// Version history within the range: v1 adds throttle time; v3 turns the single member id into
// a batch of members with their group instance ids, answered per member. Flexible from v4,
// outside the range (v5 reason is left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct LeaveGroupRequest
{
    static constexpr ApiKey apiKey = ApiKey::LeaveGroup;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    struct MemberIdentity
    {
        std::string memberId;
        std::optional<std::string> groupInstanceId;
        static constexpr auto schema()
        {
            using T = MemberIdentity;
            return std::tuple{field<&T::memberId>(),
                              field<&T::groupInstanceId>({.nullable = since(3)})};
        }
        bool operator==(const MemberIdentity &) const = default;
    };

    std::string groupId;
    std::string memberId;
    std::vector<MemberIdentity> members;

    static constexpr auto schema()
    {
        using T = LeaveGroupRequest;
        return std::tuple{field<&T::groupId>(), field<&T::memberId>({.versions = until(2)}),
                          field<&T::members>({.versions = since(3)})};
    }
    bool operator==(const LeaveGroupRequest &) const = default;
};

struct LeaveGroupResponse
{
    static constexpr ApiKey apiKey = ApiKey::LeaveGroup;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    struct MemberResponse
    {
        std::string memberId;
        std::optional<std::string> groupInstanceId = std::string{};
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = MemberResponse;
            return std::tuple{field<&T::memberId>(),
                              field<&T::groupInstanceId>({.nullable = since(3)}),
                              field<&T::errorCode>()};
        }
        bool operator==(const MemberResponse &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::vector<MemberResponse> members;

    static constexpr auto schema()
    {
        using T = LeaveGroupResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}), field<&T::errorCode>(),
                          field<&T::members>({.versions = since(3)})};
    }
    bool operator==(const LeaveGroupResponse &) const = default;
};

} // namespace kastle::protocol
