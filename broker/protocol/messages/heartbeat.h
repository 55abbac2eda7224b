// Heartbeat (key 12), versions 0-3: a member tells the coordinator it is alive, and learns
// about a rebalance.
//
// Version history within the range: v1 adds throttle time; v3 adds the group instance id.
// Flexible from v4, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct HeartbeatRequest
{
    static constexpr ApiKey apiKey = ApiKey::Heartbeat;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    std::string groupId;
    int32_t generationId = 0;
    std::string memberId;
    std::optional<std::string> groupInstanceId;

    static constexpr auto schema()
    {
        using T = HeartbeatRequest;
        return std::tuple{field<&T::groupId>(), field<&T::generationId>(), field<&T::memberId>(),
                          field<&T::groupInstanceId>({.versions = since(3), .nullable = since(3)})};
    }
    bool operator==(const HeartbeatRequest &) const = default;
};

struct HeartbeatResponse
{
    static constexpr ApiKey apiKey = ApiKey::Heartbeat;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;

    static constexpr auto schema()
    {
        using T = HeartbeatResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}),
                          field<&T::errorCode>()};
    }
    bool operator==(const HeartbeatResponse &) const = default;
};

} // namespace kastle::protocol
