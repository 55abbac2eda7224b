// Metadata record encoding and image building.
#include "metadatarecords.h"

namespace kastle::broker {

using protocol::DecodeError;
using protocol::Reader;
using protocol::Writer;

namespace {

enum RecordType : uint8_t {
    kClusterId = 1,
    kTopic = 2,
    kPartition = 3,
    kTopicConfig = 4,
    kRemoveTopic = 5,
};

void writeString(Writer &w, std::string_view s)
{
    w.i16(static_cast<int16_t>(s.size()));
    w.raw(protocol::asBytes(s));
}

std::string readString(Reader &r)
{
    const int16_t n = r.i16();
    if (n < 0)
        throw DecodeError("negative string length in a metadata record");
    return std::string(protocol::asString(r.take(static_cast<size_t>(n))));
}

void writeInts(Writer &w, const std::vector<int32_t> &v)
{
    w.i32(static_cast<int32_t>(v.size()));
    for (int32_t x : v)
        w.i32(x);
}

std::vector<int32_t> readInts(Reader &r)
{
    const int32_t n = r.i32();
    if (n < 0 || static_cast<size_t>(n) * 4 > r.remaining())
        throw DecodeError("bad array length in a metadata record");
    std::vector<int32_t> v(static_cast<size_t>(n));
    for (auto &x : v)
        x = r.i32();
    return v;
}

struct Encoder
{
    Writer &w;
    void operator()(const ClusterIdRecord &rec) { writeString(w, rec.clusterId); }
    void operator()(const TopicRecord &rec)
    {
        writeString(w, rec.name);
        w.raw(protocol::ByteView(rec.id.bytes));
        w.i8(rec.internal ? 1 : 0);
    }
    void operator()(const PartitionRecord &rec)
    {
        writeString(w, rec.topic);
        w.i32(rec.partition);
        writeInts(w, rec.info.replicas);
        writeInts(w, rec.info.isr);
        w.i32(rec.info.leader);
        w.i32(rec.info.leaderEpoch);
    }
    void operator()(const TopicConfigRecord &rec)
    {
        writeString(w, rec.topic);
        writeString(w, rec.key);
        w.i8(rec.value ? 1 : 0);
        if (rec.value)
            writeString(w, *rec.value);
    }
    void operator()(const RemoveTopicRecord &rec) { writeString(w, rec.topic); }
};

} // namespace

void encodeMetadataRecord(Writer &w, const MetadataRecord &record)
{
    static constexpr uint8_t kTypes[] = {kClusterId, kTopic, kPartition, kTopicConfig,
                                         kRemoveTopic};
    w.u8(kTypes[record.index()]);
    const size_t lengthAt = w.bufferSize();
    w.i32(0);
    std::visit(Encoder{w}, record);
    w.patchI32(lengthAt, static_cast<int32_t>(w.bufferSize() - lengthAt - 4));
}

std::optional<MetadataRecord> decodeMetadataRecord(Reader &r)
{
    const uint8_t type = r.u8();
    const int32_t length = r.i32();
    if (length < 0 || static_cast<size_t>(length) > r.remaining())
        throw DecodeError("metadata record length out of range");
    Reader p = r.sub(static_cast<size_t>(length));
    switch (type) {
    case kClusterId:
        return ClusterIdRecord{readString(p)};
    case kTopic: {
        TopicRecord rec;
        rec.name = readString(p);
        const auto id = p.take(16);
        std::copy(id.begin(), id.end(), rec.id.bytes.begin());
        rec.internal = p.i8() != 0;
        return rec;
    }
    case kPartition: {
        PartitionRecord rec;
        rec.topic = readString(p);
        rec.partition = p.i32();
        rec.info.replicas = readInts(p);
        rec.info.isr = readInts(p);
        rec.info.leader = p.i32();
        rec.info.leaderEpoch = p.i32();
        if (rec.partition < 0)
            throw DecodeError("negative partition in a metadata record");
        return rec;
    }
    case kTopicConfig: {
        TopicConfigRecord rec;
        rec.topic = readString(p);
        rec.key = readString(p);
        if (p.i8() != 0)
            rec.value = readString(p);
        return rec;
    }
    case kRemoveTopic:
        return RemoveTopicRecord{readString(p)};
    default:
        return std::nullopt;
    }
}

std::vector<MetadataRecord> imageToRecords(const ClusterImage &image)
{
    std::vector<MetadataRecord> records;
    records.reserve(static_cast<size_t>(image.partitionCount) + image.topics.size() * 2 + 1);
    if (!image.clusterId.empty())
        records.emplace_back(ClusterIdRecord{image.clusterId});
    image.topics.forEach([&](const TopicPtr &t) {
        records.emplace_back(TopicRecord{t->name, t->id, t->internal});
        for (size_t p = 0; p < t->partitions.size(); ++p)
            records.emplace_back(
                PartitionRecord{t->name, static_cast<int32_t>(p), t->partitions[p]});
        for (const auto &[key, value] : t->configs)
            records.emplace_back(TopicConfigRecord{t->name, key, value});
    });
    return records;
}

ImageBuilder::ImageBuilder(const ClusterImage &base)
    : m_image(base)
{}

std::shared_ptr<TopicInfo> ImageBuilder::edit(const std::string &name)
{
    if (auto it = m_dirty.find(name); it != m_dirty.end())
        return it->second;
    const TopicPtr current = m_image.topics.find(name);
    if (!current)
        return nullptr;
    auto copy = std::make_shared<TopicInfo>(*current);
    m_dirty.emplace(name, copy);
    return copy;
}

std::shared_ptr<const TopicInfo> ImageBuilder::topic(std::string_view name) const
{
    if (auto it = m_dirty.find(std::string(name)); it != m_dirty.end())
        return it->second;
    return m_image.topics.find(name);
}

void ImageBuilder::apply(const MetadataRecord &record)
{
    if (const auto *cluster = std::get_if<ClusterIdRecord>(&record)) {
        m_image.clusterId = cluster->clusterId;
    } else if (const auto *rec = std::get_if<TopicRecord>(&record)) {
        auto topic = std::make_shared<TopicInfo>();
        topic->name = rec->name;
        topic->id = rec->id;
        topic->internal = rec->internal;
        // A topic of the same name is replaced (it was deleted earlier in this history); the
        // dirty copy, when there is one, is the current one.
        if (const auto old = this->topic(rec->name)) {
            m_image.partitionCount -= static_cast<int64_t>(old->partitions.size());
            m_dirty.erase(rec->name);
            m_image.topics.erase(rec->name);
        }
        // A placeholder keeps the name taken in the table until finish() stores the topic.
        m_image.topics.put(topic);
        m_dirty.emplace(rec->name, std::move(topic));
    } else if (const auto *part = std::get_if<PartitionRecord>(&record)) {
        auto topic = edit(part->topic);
        if (!topic)
            return; // a partition of a topic removed later in the same history
        const auto index = static_cast<size_t>(part->partition);
        if (index >= topic->partitions.size()) {
            m_image.partitionCount += static_cast<int64_t>(index + 1 - topic->partitions.size());
            topic->partitions.resize(index + 1);
        }
        topic->partitions[index] = part->info;
    } else if (const auto *cfg = std::get_if<TopicConfigRecord>(&record)) {
        auto topic = edit(cfg->topic);
        if (!topic)
            return;
        if (cfg->value)
            topic->configs[cfg->key] = *cfg->value;
        else
            topic->configs.erase(cfg->key);
    } else if (const auto *removal = std::get_if<RemoveTopicRecord>(&record)) {
        const auto topic = this->topic(removal->topic);
        if (!topic)
            return;
        m_image.partitionCount -= static_cast<int64_t>(topic->partitions.size());
        m_dirty.erase(removal->topic);
        m_image.topics.erase(removal->topic);
    }
}

ImagePtr ImageBuilder::finish(const ConfigMap &topicDefaults)
{
    for (auto &[name, topic] : m_dirty) {
        topic->config = resolveTopicConfig(topicDefaults, topic->configs);
        m_image.topics.put(std::move(topic));
    }
    m_dirty.clear();
    ++m_image.version;
    return std::make_shared<const ClusterImage>(m_image);
}

} // namespace kastle::broker
