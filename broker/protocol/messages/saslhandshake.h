// SaslHandshake (key 17), versions 0-1, never flexible: pick a SASL mechanism.
//
// With v0 the SASL tokens follow as raw size-prefixed frames; with v1 they travel inside
// SaslAuthenticate requests. The bodies of v0 and v1 are the same.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct SaslHandshakeRequest
{
    static constexpr ApiKey apiKey = ApiKey::SaslHandshake;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    std::string mechanism;

    static constexpr auto schema() { return std::tuple{field<&SaslHandshakeRequest::mechanism>()}; }
    bool operator==(const SaslHandshakeRequest &) const = default;
};

struct SaslHandshakeResponse
{
    static constexpr ApiKey apiKey = ApiKey::SaslHandshake;
    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    int16_t errorCode = 0;
    std::vector<std::string> mechanisms;

    static constexpr auto schema()
    {
        using T = SaslHandshakeResponse;
        return std::tuple{field<&T::errorCode>(), field<&T::mechanisms>()};
    }
    bool operator==(const SaslHandshakeResponse &) const = default;
};

} // namespace kastle::protocol
