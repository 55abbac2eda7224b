// FindCoordinator (key 10), versions 0-2: which broker coordinates a group (or transaction).
//
// Version history within the range: v1 adds the key type (0 group, 1 transaction), throttle
// time and an error message; v2 is the same as v1. Flexible from v3, outside the range (v4 batches
// keys).
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct FindCoordinatorRequest
{
    static constexpr ApiKey apiKey = ApiKey::FindCoordinator;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 3;

    std::string key;
    int8_t keyType = 0;

    static constexpr auto schema()
    {
        using T = FindCoordinatorRequest;
        return std::tuple{field<&T::key>(), field<&T::keyType>({.versions = since(1)})};
    }
    bool operator==(const FindCoordinatorRequest &) const = default;
};

struct FindCoordinatorResponse
{
    static constexpr ApiKey apiKey = ApiKey::FindCoordinator;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 3;

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<std::string> errorMessage = std::string{};
    int32_t nodeId = 0;
    std::string host;
    int32_t port = 0;

    static constexpr auto schema()
    {
        using T = FindCoordinatorResponse;
        return std::tuple{field<&T::throttleTimeMs>({.versions = since(1)}),
                          field<&T::errorCode>(),
                          field<&T::errorMessage>({.versions = since(1), .nullable = since(1)}),
                          field<&T::nodeId>(),
                          field<&T::host>(),
                          field<&T::port>()};
    }
    bool operator==(const FindCoordinatorResponse &) const = default;
};

} // namespace kastle::protocol
