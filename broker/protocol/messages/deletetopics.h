// DeleteTopics (key 20), versions 0-3.
//
// Version history within the range: v1 adds throttle time; v3 may answer
// TOPIC_DELETION_DISABLED. Flexible from v4, outside the range (v5 error messages and v6 topic
// ids are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct DeleteTopicsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DeleteTopics;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    std::vector<std::string> topicNames;
    int32_t timeoutMs = 0;

    static constexpr auto schema()
    {
        using T = DeleteTopicsRequest;
        return std::tuple{field<&T::topicNames>(), field<&T::timeoutMs>()};
    }
    bool operator==(const DeleteTopicsRequest &) const = default;
};

struct DeleteTopicsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DeleteTopics;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 4;

    struct DeletableTopicResult
    {
        std::string name;
        int16_t errorCode = 0;
        static constexpr auto schema()
        {
            using T = DeletableTopicResult;
            return std::tuple{field<&T::name>(), field<&T::errorCode>()};
        }
        bool operator==(const DeletableTopicResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DeletableTopicResult> responses;

    static constexpr auto schema()
    {
        using T = DeleteTopicsResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}),
                          field<&T::responses>()};
    }
    bool operator==(const DeleteTopicsResponse &) const = default;
};

} // namespace kastle::protocol
