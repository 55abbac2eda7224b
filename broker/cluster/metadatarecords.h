// The records of the metadata log and of its snapshots, and how they build a ClusterImage.
//
// Encoding of one record (big-endian, strings int16-length, arrays int32-count):
//   u8 type | u32 length | payload of `length` bytes
//   1 ClusterId    string clusterId
//   2 Topic        string name, uuid id (16 bytes), i8 internal
//   3 Partition    string topic, i32 partition, i32[] replicas, i32[] isr, i32 leader,
//                  i32 leaderEpoch                      (adds or replaces that partition)
//   4 TopicConfig  string topic, string key, i8 present, [string value]   (absent: delete)
//   5 RemoveTopic  string topic
// A reader skips record types it does not know (the length says how far), so a later Kastle
// can add records without breaking an older replay; a payload shorter than its type needs is
// corruption.
#pragma once

#include "clusterimage.h"

#include "wirebytes.h"

#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace kastle::broker {

struct ClusterIdRecord
{
    std::string clusterId;
    bool operator==(const ClusterIdRecord &) const = default;
};
struct TopicRecord
{
    std::string name;
    protocol::Uuid id;
    bool internal = false;
    bool operator==(const TopicRecord &) const = default;
};
struct PartitionRecord
{
    std::string topic;
    int32_t partition = 0;
    PartitionInfo info;
    bool operator==(const PartitionRecord &) const = default;
};
struct TopicConfigRecord
{
    std::string topic;
    std::string key;
    std::optional<std::string> value; // nullopt removes the override
    bool operator==(const TopicConfigRecord &) const = default;
};
struct RemoveTopicRecord
{
    std::string topic;
    bool operator==(const RemoveTopicRecord &) const = default;
};

using MetadataRecord = std::variant<ClusterIdRecord, TopicRecord, PartitionRecord,
                                    TopicConfigRecord, RemoveTopicRecord>;

void encodeMetadataRecord(protocol::Writer &w, const MetadataRecord &record);
// The next record, or nullopt for a type this version does not know (skipped). Throws
// protocol::DecodeError when the bytes are not a well-formed record.
std::optional<MetadataRecord> decodeMetadataRecord(protocol::Reader &r);

// Every record that recreates `image` from nothing (what a snapshot holds).
std::vector<MetadataRecord> imageToRecords(const ClusterImage &image);

// Applies records to a copy of an image and publishes the result. Topics touched by a batch are
// edited in place until finish(), so creating a topic with 10,000 partitions costs 10,000
// appends, not 10,000 copies.
class ImageBuilder
{
public:
    explicit ImageBuilder(const ClusterImage &base);

    void apply(const MetadataRecord &record);
    // The topic as it is in the batch so far (null when it does not exist).
    std::shared_ptr<const TopicInfo> topic(std::string_view name) const;

    // The new image, version + 1, with effective configs resolved against `topicDefaults`.
    ImagePtr finish(const ConfigMap &topicDefaults);
    // Direct access for the controller's runtime-only fields (brokers, controller id).
    ClusterImage &image() { return m_image; }

private:
    std::shared_ptr<TopicInfo> edit(const std::string &name);

    ClusterImage m_image;
    std::unordered_map<std::string, std::shared_ptr<TopicInfo>> m_dirty;
};

} // namespace kastle::broker
