// The records of the internal topic __consumer_offsets: committed offsets and group metadata,
// in Kafka's own layout so tools that read that topic understand ours.
//
// Every record has a key and, unless it is a tombstone, a value. Both start with an int16
// version, then a struct in the classic (never flexible) encoding:
//
//   key v0/v1  OffsetCommitKey    group string, topic string, partition int32
//   key v2     GroupMetadataKey   group string
//
//   OffsetCommitValue  v0: offset int64, metadata string, commitTimestamp int64
//                      v1: v0 + expireTimestamp int64 (a retention the committer asked for)
//                      v2: like v0
//                      v3: offset int64, leaderEpoch int32, metadata string,
//                          commitTimestamp int64
//   GroupMetadataValue v0: protocolType string, generation int32, protocol nullable string,
//                          leader nullable string, members [memberId, clientId, clientHost,
//                          sessionTimeout int32, subscription bytes, assignment bytes]
//                      v1: members add rebalanceTimeout int32 after clientHost
//                      v2: currentStateTimestamp int64 after leader
//                      v3: members add groupInstanceId nullable string after memberId
//
// Kastle writes OffsetCommitValue v3 (v1 when the commit carries an expire timestamp) and
// GroupMetadataValue v3, and reads v0-v3. A null value deletes the key: the offset of that
// partition, or the whole group (its offsets are deleted by their own tombstones).
//
// Which partition holds a group: Kafka's rule, abs(Java String.hashCode(groupId)) modulo the
// partition count (abs of Integer.MIN_VALUE taken as 0), with the hash over UTF-16 code units.
#pragma once

#include "schema.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kastle::broker {

inline constexpr std::string_view kOffsetsTopic = "__consumer_offsets";

struct OffsetCommitKey
{
    std::string group;
    std::string topic;
    int32_t partition = 0;

    static constexpr auto schema()
    {
        using T = OffsetCommitKey;
        using protocol::field;
        return std::tuple{field<&T::group>(), field<&T::topic>(), field<&T::partition>()};
    }
    bool operator==(const OffsetCommitKey &) const = default;
};

struct GroupMetadataKey
{
    std::string group;

    static constexpr auto schema() { return std::tuple{protocol::field<&GroupMetadataKey::group>()}; }
    bool operator==(const GroupMetadataKey &) const = default;
};

struct OffsetCommitValue
{
    int64_t offset = -1;
    int32_t leaderEpoch = -1;
    std::string metadata;
    int64_t commitTimestamp = -1;
    int64_t expireTimestamp = -1; // -1: the broker's offsets.retention.minutes applies

    static constexpr auto schema()
    {
        using T = OffsetCommitValue;
        using protocol::between;
        using protocol::field;
        return std::tuple{field<&T::offset>(),
                          field<&T::leaderEpoch>({.versions = protocol::since(3)}),
                          field<&T::metadata>(), field<&T::commitTimestamp>(),
                          field<&T::expireTimestamp>({.versions = between(1, 1)})};
    }
    bool operator==(const OffsetCommitValue &) const = default;
};

struct GroupMemberRecord
{
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::string clientHost;
    int32_t rebalanceTimeoutMs = -1;
    int32_t sessionTimeoutMs = 0;
    protocol::Bytes subscription; // the member's metadata for the chosen protocol
    protocol::Bytes assignment;

    static constexpr auto schema()
    {
        using T = GroupMemberRecord;
        using protocol::field;
        using protocol::since;
        return std::tuple{field<&T::memberId>(),
                          field<&T::groupInstanceId>({.versions = since(3), .nullable = since(3)}),
                          field<&T::clientId>(),
                          field<&T::clientHost>(),
                          field<&T::rebalanceTimeoutMs>({.versions = since(1)}),
                          field<&T::sessionTimeoutMs>(),
                          field<&T::subscription>(),
                          field<&T::assignment>()};
    }
    bool operator==(const GroupMemberRecord &) const = default;
};

struct GroupMetadataValue
{
    std::string protocolType;
    int32_t generation = 0;
    std::optional<std::string> protocol;
    std::optional<std::string> leader;
    int64_t currentStateTimestamp = -1;
    std::vector<GroupMemberRecord> members;

    static constexpr auto schema()
    {
        using T = GroupMetadataValue;
        using protocol::field;
        using protocol::kAllVersions;
        return std::tuple{field<&T::protocolType>(),
                          field<&T::generation>(),
                          field<&T::protocol>({.nullable = kAllVersions}),
                          field<&T::leader>({.nullable = kAllVersions}),
                          field<&T::currentStateTimestamp>({.versions = protocol::since(2)}),
                          field<&T::members>()};
    }
    bool operator==(const GroupMetadataValue &) const = default;
};

// One decoded record of the offsets topic. `value` empty: a tombstone.
struct OffsetsRecord
{
    std::variant<OffsetCommitKey, GroupMetadataKey> key;
    std::optional<std::variant<OffsetCommitValue, GroupMetadataValue>> value;
};

protocol::Bytes encodeOffsetCommitKey(const OffsetCommitKey &key);
protocol::Bytes encodeGroupMetadataKey(const GroupMetadataKey &key);
// v3, or v1 when expireTimestamp is set.
protocol::Bytes encodeOffsetCommitValue(const OffsetCommitValue &value);
// v3.
protocol::Bytes encodeGroupMetadataValue(const GroupMetadataValue &value);

// Decodes one record; nullopt with `error` set for an unknown version or damaged bytes (the
// loader skips such a record with a log line rather than refusing the whole partition).
std::optional<OffsetsRecord> decodeOffsetsRecord(std::optional<protocol::ByteView> key,
                                                 std::optional<protocol::ByteView> value,
                                                 std::string &error);

// Java's String.hashCode of a UTF-8 string (over its UTF-16 code units).
int32_t javaStringHash(std::string_view utf8);
// The offsets topic partition of a group.
int32_t offsetsPartitionFor(std::string_view groupId, int32_t partitionCount);

} // namespace kastle::broker
