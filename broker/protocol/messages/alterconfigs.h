// AlterConfigs (key 33), versions 0-1: replace the whole configuration of resources.
//
// v1 is the same as v0 (quota behaviour only). Flexible from v2, outside the range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct AlterConfigsRequest
{
    static constexpr ApiKey apiKey = ApiKey::AlterConfigs;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct AlterableConfig
    {
        std::string name;
        std::optional<std::string> value = std::string{};
        static constexpr auto schema()
        {
            using T = AlterableConfig;
            return std::tuple{field<&T::name>(), field<&T::value>({.nullable = kAllVersions})};
        }
        bool operator==(const AlterableConfig &) const = default;
    };
    struct AlterConfigsResource
    {
        int8_t resourceType = 0;
        std::string resourceName;
        std::vector<AlterableConfig> configs;
        static constexpr auto schema()
        {
            using T = AlterConfigsResource;
            return std::tuple{field<&T::resourceType>(), field<&T::resourceName>(),
                              field<&T::configs>()};
        }
        bool operator==(const AlterConfigsResource &) const = default;
    };

    std::vector<AlterConfigsResource> resources;
    bool validateOnly = false;

    static constexpr auto schema()
    {
        using T = AlterConfigsRequest;
        return std::tuple{field<&T::resources>(), field<&T::validateOnly>()};
    }
    bool operator==(const AlterConfigsRequest &) const = default;
};

struct AlterConfigsResponse
{
    static constexpr ApiKey apiKey = ApiKey::AlterConfigs;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 2;

    struct AlterConfigsResourceResponse
    {
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage = std::string{};
        int8_t resourceType = 0;
        std::string resourceName;
        static constexpr auto schema()
        {
            using T = AlterConfigsResourceResponse;
            return std::tuple{field<&T::errorCode>(),
                              field<&T::errorMessage>({.nullable = kAllVersions}),
                              field<&T::resourceType>(), field<&T::resourceName>()};
        }
        bool operator==(const AlterConfigsResourceResponse &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<AlterConfigsResourceResponse> responses;

    static constexpr auto schema()
    {
        using T = AlterConfigsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::responses>()};
    }
    bool operator==(const AlterConfigsResponse &) const = default;
};

} // namespace kastle::protocol
