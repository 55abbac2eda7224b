// The consumer protocol: what members of a group with protocolType "consumer" put inside
// JoinGroup metadata (a subscription) and SyncGroup assignments. Not API messages: each payload
// starts with its own int16 version and then the struct in the classic (never flexible) encoding.
//
// Subscription history: v1 adds owned partitions (cooperative rebalancing); v2 the generation
// id; v3 the rack id. Assignment v1-v3 have the same layout as v0 (the versions move in step with
// the subscription). A payload with a version above 3 is read with the v3 layout and its extra
// bytes are ignored, as the protocol promises that later versions only append fields.
#pragma once

#include "schema.h"

#include <algorithm>

namespace kastle::protocol {

struct ConsumerProtocolTopicPartition
{
    std::string topic;
    std::vector<int32_t> partitions;
    static constexpr auto schema()
    {
        using T = ConsumerProtocolTopicPartition;
        return std::tuple{field<&T::topic>(), field<&T::partitions>()};
    }
    bool operator==(const ConsumerProtocolTopicPartition &) const = default;
};

struct ConsumerProtocolSubscription
{
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    std::vector<std::string> topics;
    std::optional<Bytes> userData;
    std::vector<ConsumerProtocolTopicPartition> ownedPartitions;
    int32_t generationId = -1;
    std::optional<std::string> rackId;

    static constexpr auto schema()
    {
        using T = ConsumerProtocolSubscription;
        return std::tuple{field<&T::topics>(), field<&T::userData>({.nullable = kAllVersions}),
                          field<&T::ownedPartitions>({.versions = since(1)}),
                          field<&T::generationId>({.versions = since(2)}),
                          field<&T::rackId>({.versions = since(3), .nullable = since(3)})};
    }
    bool operator==(const ConsumerProtocolSubscription &) const = default;
};

struct ConsumerProtocolAssignment
{
    static constexpr Versions versions{0, 3};
    static constexpr int16_t flexibleFrom = kMaxVersion;

    std::vector<ConsumerProtocolTopicPartition> assignedPartitions;
    std::optional<Bytes> userData;

    static constexpr auto schema()
    {
        using T = ConsumerProtocolAssignment;
        return std::tuple{field<&T::assignedPartitions>(),
                          field<&T::userData>({.nullable = kAllVersions})};
    }
    bool operator==(const ConsumerProtocolAssignment &) const = default;
};

// A decoded payload and the version it said it was written in.
template<class T>
struct VersionedPayload
{
    int16_t version = 0;
    T value;
};

// `int16 version | struct`. Throws EncodeError for a version outside 0-3.
template<class T>
Bytes encodeConsumerPayload(const T &value, int16_t version)
{
    if (!T::versions.contains(version))
        throw EncodeError("consumer protocol version " + std::to_string(version) +
                          " is outside 0-3");
    Writer w;
    w.i16(version);
    encodeStruct(w, value, Ctx{version, false});
    return w.take();
}

// Reads `int16 version | struct`. Empty input (a member that was assigned nothing) gives a
// default value at version 0. Throws DecodeError for a negative version or truncated data.
template<class T>
VersionedPayload<T> decodeConsumerPayload(ByteView bytes)
{
    VersionedPayload<T> out;
    if (bytes.empty())
        return out;
    Reader r(bytes);
    out.version = r.i16();
    if (out.version < 0)
        throw DecodeError("negative consumer protocol version");
    const int16_t layout = std::min(out.version, T::versions.hi);
    decodeStruct(r, out.value, Ctx{layout, false});
    return out;
}

inline Bytes encodeSubscription(const ConsumerProtocolSubscription &s, int16_t version)
{
    return encodeConsumerPayload(s, version);
}
inline VersionedPayload<ConsumerProtocolSubscription> decodeSubscription(ByteView bytes)
{
    return decodeConsumerPayload<ConsumerProtocolSubscription>(bytes);
}
inline Bytes encodeAssignment(const ConsumerProtocolAssignment &a, int16_t version)
{
    return encodeConsumerPayload(a, version);
}
inline VersionedPayload<ConsumerProtocolAssignment> decodeAssignment(ByteView bytes)
{
    return decodeConsumerPayload<ConsumerProtocolAssignment>(bytes);
}

} // namespace kastle::protocol
