// ApiVersions (key 18): which APIs and versions the broker serves.
// v1 adds throttle time; v3 is flexible and adds the client software name and version, plus
// tagged feature lists in the response. An unsupported request version is answered in the v0
// layout with UNSUPPORTED_VERSION and the broker's ApiVersions range.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct ApiVersionsRequest
{
    static constexpr ApiKey apiKey = ApiKey::ApiVersions;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 3;

    std::string clientSoftwareName;
    std::string clientSoftwareVersion;

    static constexpr auto schema()
    {
        using T = ApiVersionsRequest;
        return std::tuple{field<&T::clientSoftwareName>({.versions = since(3)}),
                          field<&T::clientSoftwareVersion>({.versions = since(3)})};
    }
    bool operator==(const ApiVersionsRequest &) const = default;
};

struct ApiVersionsResponse
{
    static constexpr ApiKey apiKey = ApiKey::ApiVersions;
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = 3;

    struct ApiVersion
    {
        int16_t apiKey = 0;
        int16_t minVersion = 0;
        int16_t maxVersion = 0;
        static constexpr auto schema()
        {
            using T = ApiVersion;
            return std::tuple{field<&T::apiKey>(), field<&T::minVersion>(), field<&T::maxVersion>()};
        }
        bool operator==(const ApiVersion &) const = default;
    };
    struct SupportedFeature
    {
        std::string name;
        int16_t minVersion = 0;
        int16_t maxVersion = 0;
        static constexpr auto schema()
        {
            using T = SupportedFeature;
            return std::tuple{field<&T::name>(), field<&T::minVersion>(), field<&T::maxVersion>()};
        }
        bool operator==(const SupportedFeature &) const = default;
    };
    struct FinalizedFeature
    {
        std::string name;
        int16_t maxVersionLevel = 0;
        int16_t minVersionLevel = 0;
        static constexpr auto schema()
        {
            using T = FinalizedFeature;
            return std::tuple{field<&T::name>(), field<&T::maxVersionLevel>(),
                              field<&T::minVersionLevel>()};
        }
        bool operator==(const FinalizedFeature &) const = default;
    };

    int16_t errorCode = 0;
    std::vector<ApiVersion> apiKeys;
    int32_t throttleTimeMs = 0;
    std::vector<SupportedFeature> supportedFeatures;
    int64_t finalizedFeaturesEpoch = -1;
    std::vector<FinalizedFeature> finalizedFeatures;
    bool zkMigrationReady = false;

    static constexpr auto schema()
    {
        using T = ApiVersionsResponse;
        return std::tuple{field<&T::errorCode>(),
                          field<&T::apiKeys>(),
                          field<&T::throttleTimeMs>({.versions = since(1)}),
                          field<&T::supportedFeatures>({.versions = since(3), .tag = 0}),
                          field<&T::finalizedFeaturesEpoch>({.versions = since(3), .tag = 1}),
                          field<&T::finalizedFeatures>({.versions = since(3), .tag = 2}),
                          field<&T::zkMigrationReady>({.versions = since(3), .tag = 3})};
    }
    bool operator==(const ApiVersionsResponse &) const = default;
};

} // namespace kastle::protocol
