// JoinGroup (key 11), versions 0-5: a member joins a group and the leader learns everyone's
// subscription metadata.
//
// Version history within the range: v1 adds the rebalance timeout; v2 adds throttle time; v4
// makes a new member without an id rejoin with the id the broker hands out (MEMBER_ID_REQUIRED);
// v5 adds the group instance id (static membership). Flexible from v6, outside the range (v7
// protocol type in the response, v8 reason, v9 skip-assignment are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct JoinGroupRequest
{
    static constexpr ApiKey apiKey = ApiKey::JoinGroup;
    static constexpr Versions versions{0, 5};
    static constexpr int16_t flexibleFrom = 6;

    struct JoinGroupRequestProtocol
    {
        std::string name;
        Bytes metadata; // a ConsumerProtocolSubscription for protocolType "consumer"
        static constexpr auto schema()
        {
            using T = JoinGroupRequestProtocol;
            return std::tuple{field<&T::name>(), field<&T::metadata>()};
        }
        bool operator==(const JoinGroupRequestProtocol &) const = default;
    };

    std::string groupId;
    int32_t sessionTimeoutMs = 0;
    int32_t rebalanceTimeoutMs = -1; // absent before v1: use sessionTimeoutMs then
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string protocolType;
    std::vector<JoinGroupRequestProtocol> protocols;

    static constexpr auto schema()
    {
        using T = JoinGroupRequest;
        return std::tuple{field<&T::groupId>(),
                          field<&T::sessionTimeoutMs>(),
                          field<&T::rebalanceTimeoutMs>({.versions = since(1)}),
                          field<&T::memberId>(),
                          field<&T::groupInstanceId>({.versions = since(5), .nullable = since(5)}),
                          field<&T::protocolType>(),
                          field<&T::protocols>()};
    }
    bool operator==(const JoinGroupRequest &) const = default;
};

struct JoinGroupResponse
{
    static constexpr ApiKey apiKey = ApiKey::JoinGroup;
    static constexpr Versions versions{0, 5};
    static constexpr int16_t flexibleFrom = 6;

    struct JoinGroupResponseMember
    {
        std::string memberId;
        std::optional<std::string> groupInstanceId;
        Bytes metadata;
        static constexpr auto schema()
        {
            using T = JoinGroupResponseMember;
            return std::tuple{
                field<&T::memberId>(),
                field<&T::groupInstanceId>({.versions = since(5), .nullable = since(5)}),
                field<&T::metadata>()};
        }
        bool operator==(const JoinGroupResponseMember &) const = default;
    };

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    int32_t generationId = -1;
    std::string protocolName; // nullable only from v7
    std::string leader;
    std::string memberId;
    std::vector<JoinGroupResponseMember> members;

    static constexpr auto schema()
    {
        using T = JoinGroupResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(2)}),
                          field<&T::errorCode>(),
                          field<&T::generationId>(),
                          field<&T::protocolName>(),
                          field<&T::leader>(),
                          field<&T::memberId>(),
                          field<&T::members>()};
    }
    bool operator==(const JoinGroupResponse &) const = default;
};

} // namespace kastle::protocol
