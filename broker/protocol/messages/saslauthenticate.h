// SaslAuthenticate (key 36), versions 0-2: one SASL token exchange after SaslHandshake v1.
//
// Version history: v1 adds the session lifetime to the response; v2 is the first flexible
// version.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct SaslAuthenticateRequest
{
    static constexpr ApiKey apiKey = ApiKey::SaslAuthenticate;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    Bytes authBytes;

    static constexpr auto schema()
    {
        return std::tuple{field<&SaslAuthenticateRequest::authBytes>()};
    }
    bool operator==(const SaslAuthenticateRequest &) const = default;
};

struct SaslAuthenticateResponse
{
    static constexpr ApiKey apiKey = ApiKey::SaslAuthenticate;
    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;

    int16_t errorCode = 0;
    std::optional<std::string> errorMessage = std::string{};
    Bytes authBytes;
    int64_t sessionLifetimeMs = 0;

    static constexpr auto schema()
    {
        using T = SaslAuthenticateResponse;
        return std::tuple{
            field<&T::errorCode>(), field<&T::errorMessage>({.nullable = kAllVersions}),
            field<&T::authBytes>(), field<&T::sessionLifetimeMs>({.versions = since(1)})};
    }
    bool operator==(const SaslAuthenticateResponse &) const = default;
};

} // namespace kastle::protocol
