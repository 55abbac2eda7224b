// DescribeConfigs (key 32), versions 0-2: configuration of topics and brokers.
//
// Version history within the range: v1 adds IncludeSynonyms, each config's source and its
// synonyms (and drops IsDefault, which v0 uses instead of the source); v2 is the same as v1.
// Flexible from v4, outside the range (v3 documentation and types are left out with it).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct DescribeConfigsRequest
{
    static constexpr ApiKey apiKey = ApiKey::DescribeConfigs;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 4;

    struct DescribeConfigsResource
    {
        int8_t resourceType = 0; // 2 topic, 4 broker, 8 broker logger
        std::string resourceName;
        // Null asks for every key.
        std::optional<std::vector<std::string>> configurationKeys = std::vector<std::string>{};
        static constexpr auto schema()
        {
            using T = DescribeConfigsResource;
            return std::tuple{field<&T::resourceType>(), field<&T::resourceName>(),
                              field<&T::configurationKeys>({.nullable = kAllVersions})};
        }
        bool operator==(const DescribeConfigsResource &) const = default;
    };

    std::vector<DescribeConfigsResource> resources;
    bool includeSynonyms = false;

    static constexpr auto schema()
    {
        using T = DescribeConfigsRequest;
        return std::tuple{field<&T::resources>(),
                          field<&T::includeSynonyms>({.versions = since(1)})};
    }
    bool operator==(const DescribeConfigsRequest &) const = default;
};

struct DescribeConfigsResponse
{
    static constexpr ApiKey apiKey = ApiKey::DescribeConfigs;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 4;

    struct DescribeConfigsSynonym
    {
        std::string name;
        std::optional<std::string> value = std::string{};
        int8_t source = 0;
        static constexpr auto schema()
        {
            using T = DescribeConfigsSynonym;
            return std::tuple{field<&T::name>(), field<&T::value>({.nullable = kAllVersions}),
                              field<&T::source>()};
        }
        bool operator==(const DescribeConfigsSynonym &) const = default;
    };
    struct DescribeConfigsResourceResult
    {
        std::string name;
        std::optional<std::string> value = std::string{};
        bool readOnly = false;
        bool isDefault = false; // v0 only
        int8_t configSource = -1;
        bool isSensitive = false;
        std::vector<DescribeConfigsSynonym> synonyms;
        static constexpr auto schema()
        {
            using T = DescribeConfigsResourceResult;
            return std::tuple{field<&T::name>(),
                              field<&T::value>({.nullable = kAllVersions}),
                              field<&T::readOnly>(),
                              field<&T::isDefault>({.versions = until(0)}),
                              field<&T::configSource>({.versions = since(1)}),
                              field<&T::isSensitive>(),
                              field<&T::synonyms>({.versions = since(1)})};
        }
        bool operator==(const DescribeConfigsResourceResult &) const = default;
    };
    struct DescribeConfigsResult
    {
        int16_t errorCode = 0;
        std::optional<std::string> errorMessage = std::string{};
        int8_t resourceType = 0;
        std::string resourceName;
        std::vector<DescribeConfigsResourceResult> configs;
        static constexpr auto schema()
        {
            using T = DescribeConfigsResult;
            return std::tuple{
                field<&T::errorCode>(), field<&T::errorMessage>({.nullable = kAllVersions}),
                field<&T::resourceType>(), field<&T::resourceName>(), field<&T::configs>()};
        }
        bool operator==(const DescribeConfigsResult &) const = default;
    };

    int32_t throttleTimeMs = 0;
    std::vector<DescribeConfigsResult> results;

    static constexpr auto schema()
    {
        using T = DescribeConfigsResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::results>()};
    }
    bool operator==(const DescribeConfigsResponse &) const = default;
};

} // namespace kastle::protocol
