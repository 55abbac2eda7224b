// InitProducerId (key 22), versions 0-4: a producer id and epoch for idempotent or
// transactional producing.
//
// Version history within the range: v1 is the same as v0; v2 is the first flexible version;
// v3 adds the current producer id and epoch so a producer can resume after
// INVALID_PRODUCER_EPOCH; v4 may answer PRODUCER_FENCED.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct InitProducerIdRequest
{
    static constexpr ApiKey apiKey = ApiKey::InitProducerId;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 2;

    std::optional<std::string> transactionalId = std::string{}; // null: idempotence only
    int32_t transactionTimeoutMs = 0;
    int64_t producerId = -1;
    int16_t producerEpoch = -1;

    static constexpr auto schema()
    {
        using T = InitProducerIdRequest;
        return std::tuple{field<&T::transactionalId>({.nullable = kAllVersions}),
                          field<&T::transactionTimeoutMs>(),
                          field<&T::producerId>({.versions = since(3)}),
                          field<&T::producerEpoch>({.versions = since(3)})};
    }
    bool operator==(const InitProducerIdRequest &) const = default;
};

struct InitProducerIdResponse
{
    static constexpr ApiKey apiKey = ApiKey::InitProducerId;
    static constexpr Versions versions{0, 4};
    static constexpr int16_t flexibleFrom = 2;

    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    int64_t producerId = -1;
    int16_t producerEpoch = 0;

    static constexpr auto schema()
    {
        using T = InitProducerIdResponse;
        return std::tuple{field<&T::throttleTimeMs>(), field<&T::errorCode>(),
                          field<&T::producerId>(), field<&T::producerEpoch>()};
    }
    bool operator==(const InitProducerIdResponse &) const = default;
};

} // namespace kastle::protocol
