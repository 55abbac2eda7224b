// Run-time facts about every described API, by api key: its name, the versions the codec
// handles, and where its flexible versions start, so a server can pick the request and response
// header versions for any key before it knows the message type. Built from messages/all.h, so it
// can never disagree with the descriptions.
#pragma once

#include "apikeys.h"
#include "schema.h"

#include <span>
#include <string_view>

namespace kastle::protocol {

struct ApiInfo
{
    ApiKey key;
    std::string_view name;
    Versions versions;    // what the codec can encode and decode
    int16_t flexibleFrom; // beyond versions.hi when the range has no flexible version

    bool isFlexible(int16_t version) const { return version >= flexibleFrom; }
    // Request header v2 for flexible versions, v1 otherwise.
    int16_t requestHeaderVersion(int16_t version) const { return isFlexible(version) ? 2 : 1; }
    // Response header v1 for flexible versions, v0 otherwise; ApiVersions always answers v0.
    int16_t responseHeaderVersion(int16_t version) const
    {
        return key != ApiKey::ApiVersions && isFlexible(version) ? 1 : 0;
    }
};

// Every described API in ascending key order.
std::span<const ApiInfo> allApis();

// The API with this key, or nullptr when the project does not describe it.
const ApiInfo *findApi(int16_t key);

} // namespace kastle::protocol
