// SyncGroup (key 14), versions 0-3: the leader hands out assignments and every member collects
// its own.
//
// Version history within the range: v1 adds throttle time; v3 adds the group instance id.
// Flexible from v4, outside the range (v5 protocol type/name are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct SyncGroupRequest
{
    static constexpr ApiKey apiKey = ApiKey::SyncGroup;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    struct SyncGroupRequestAssignment
    {
        std::string memberId;
        Bytes assignment; // a ConsumerProtocolAssignment for protocolType "consumer"
        static constexpr auto schema()
        {
            using T = SyncGroupRequestAssignment;
            return std::tuple{field<&T::memberId>(), field<&T::assignment>()};
        }
        bool operator==(const SyncGroupRequestAssignment &) const = default;
    };

    std::string groupId;
    int32_t generationId = 0;
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::vector<SyncGroupRequestAssignment> assignments;

    static constexpr auto schema()
    {
        using T = SyncGroupRequest;
        return std::tuple{field<&T::groupId>(), field<&T::generationId>(), field<&T::memberId>(),
                          field<&T::groupInstanceId>({.versions = since(3), .nullable = since(3)}),
                          field<&T::assignments>()};
    }
    bool operator==(const SyncGroupRequest &) const = default;
};

struct SyncGroupResponse
{
    static constexpr ApiKey apiKey = ApiKey::SyncGroup;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    Bytes assignment;

    static constexpr auto schema()
    {
        using T = SyncGroupResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}), field<&T::errorCode>(),
                          field<&T::assignment>()};
    }
    bool operator==(const SyncGroupResponse &) const = default;
};

} // namespace kastle::protocol
