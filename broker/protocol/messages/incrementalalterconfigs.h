// IncrementalAlterConfigs (key 44), versions 0-1: set, delete, append to or subtract from
// single configuration entries.
//
// v1 is the first flexible version and otherwise the same as v0.
#pragma once

#include "apikeys.h"
#include "messages/alterconfigs.h"
#include "schema.h"

namespace kastle::protocol {

struct IncrementalAlterConfigsRequest
{
    static constexpr ApiKey apiKey = ApiKey::IncrementalAlterConfigs;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 1;

    struct AlterableConfig
    {
        std::string name;
        int8_t configOperation = 0; // 0 set, 1 delete, 2 append, 3 subtract
        std::optional<std::string> value = std::string{};
        static constexpr auto schema()
        {
            using T = AlterableConfig;
            return std::tuple{field<&T::name>(), field<&T::configOperation>(),
                              field<&T::value>({.nullable = kAllVersions})};
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
        using T = IncrementalAlterConfigsRequest;
        return std::tuple{field<&T::resources>(), field<&T::validateOnly>()};
    }
    bool operator==(const IncrementalAlterConfigsRequest &) const = default;
};

struct IncrementalAlterConfigsResponse
{
    static constexpr ApiKey apiKey = ApiKey::IncrementalAlterConfigs;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 1;

    // The same per-resource result as AlterConfigs.
    using AlterConfigsResourceResponse = AlterConfigsResponse::AlterConfigsResourceResponse;

    int32_t throttleTimeMs = 0;
    std::vector<AlterConfigsResourceResponse> responses;

    static constexpr auto schema()
    {
        using T = IncrementalAlterConfigsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::responses>()};
    }
    bool operator==(const IncrementalAlterConfigsResponse &) const = default;
};

} // namespace kastle::protocol
