// Group coordinator: ownership, loading, timers, offsets and their records.
#include "groupcoordinator.h"

#include "broker.h"
#include "config/configvalue.h"
#include "log.h"

#include "batchreader.h"

#include <random>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr int64_t kLoadBytesPerTurn = 4 * 1024 * 1024;
constexpr int64_t kLoadRetryMs = 1000;
constexpr size_t kRecordOverhead = 24;

int64_t configLong(const BrokerConfig &config, std::string_view name, int64_t fallback)
{
    return parseConfigLong(config.value(name)).value_or(fallback);
}

size_t entriesSize(const std::vector<OffsetsLog::Entry> &entries)
{
    size_t n = 0;
    for (const auto &e : entries)
        n += e.key.size() + (e.value ? e.value->size() : 0) + kRecordOverhead;
    return n;
}

OffsetsLog::Entry offsetEntry(const std::string &group, const OffsetKey &key,
                              const CommittedOffset &o)
{
    OffsetCommitValue v;
    v.offset = o.offset;
    v.leaderEpoch = o.leaderEpoch;
    v.metadata = o.metadata;
    v.commitTimestamp = o.commitTimestamp;
    v.expireTimestamp = o.expireTimestamp;
    return {encodeOffsetCommitKey({group, key.first, key.second}), encodeOffsetCommitValue(v)};
}

OffsetsLog::Entry offsetTombstone(const std::string &group, const OffsetKey &key)
{
    return {encodeOffsetCommitKey({group, key.first, key.second}), std::nullopt};
}

} // namespace

GroupConfig groupConfigFrom(const BrokerConfig &config)
{
    GroupConfig g;
    auto int32 = [&](std::string_view name, int32_t fallback) {
        return static_cast<int32_t>(configLong(config, name, fallback));
    };
    g.minSessionTimeoutMs = int32("group.min.session.timeout.ms", g.minSessionTimeoutMs);
    g.maxSessionTimeoutMs = int32("group.max.session.timeout.ms", g.maxSessionTimeoutMs);
    g.initialRebalanceDelayMs =
        int32("group.initial.rebalance.delay.ms", g.initialRebalanceDelayMs);
    g.maxSize = int32("group.max.size", g.maxSize);
    g.offsetsRetentionMs =
        configLong(config, "offsets.retention.minutes", g.offsetsRetentionMs / 60000) * 60000;
    g.offsetsRetentionCheckIntervalMs = configLong(config, "offsets.retention.check.interval.ms",
                                                   g.offsetsRetentionCheckIntervalMs);
    g.offsetMetadataMaxBytes = int32("offset.metadata.max.bytes", g.offsetMetadataMaxBytes);
    g.offsetsTopicPartitions = int32("offsets.topic.num.partitions", g.offsetsTopicPartitions);
    g.offsetsTopicReplicationFactor = static_cast<int16_t>(
        int32("offsets.topic.replication.factor", g.offsetsTopicReplicationFactor));
    g.offsetsTopicSegmentBytes = int32("offsets.topic.segment.bytes", g.offsetsTopicSegmentBytes);
    return g;
}

GroupCoordinator::GroupCoordinator(Broker &broker, GroupConfig config)
    : m_broker(broker)
    , m_config(std::move(config))
    , m_log(broker)
{}

GroupCoordinator::~GroupCoordinator() = default;

void GroupCoordinator::start()
{
    const ImagePtr image = m_broker.image();
    if (const TopicPtr topic = image->topics.find(kOffsetsTopic)) {
        for (size_t p = 0; p < topic->partitions.size(); ++p)
            partitionState(static_cast<int32_t>(p));
    }
    scheduleExpiry();
}

void GroupCoordinator::shutdown()
{
    m_stopped = true;
    if (m_expiryTimer)
        m_broker.loop().cancelTimer(m_expiryTimer);
    m_expiryTimer = 0;
    for (auto &[id, entry] : m_groups) {
        entry.group->abortWaiting(ErrorCode::NotCoordinator);
        if (entry.timer)
            m_broker.loop().cancelTimer(entry.timer);
        entry.timer = 0;
    }
}

bool GroupCoordinator::isLoading() const
{
    for (const auto &p : m_partitions)
        if (p.load == Load::Loading)
            return true;
    return false;
}

int32_t GroupCoordinator::partitionCount() const
{
    const TopicPtr topic = m_broker.image()->topics.find(kOffsetsTopic);
    return topic ? static_cast<int32_t>(topic->partitions.size()) : 0;
}

GroupCoordinator::PartitionState *GroupCoordinator::partitionState(int32_t partition)
{
    const ImagePtr image = m_broker.image();
    const TopicPtr topic = image->topics.find(kOffsetsTopic);
    if (!topic || partition < 0 || static_cast<size_t>(partition) >= topic->partitions.size())
        return nullptr;
    if (m_partitions.size() < topic->partitions.size())
        m_partitions.resize(topic->partitions.size());
    PartitionState &state = m_partitions[static_cast<size_t>(partition)];
    const bool leader = topic->partitions[static_cast<size_t>(partition)].leader == m_broker.id();
    if (leader && state.load == Load::NotLeader && !m_stopped)
        beginLoad(partition);
    return &state;
}

void GroupCoordinator::beginLoad(int32_t partition)
{
    PartitionState &state = m_partitions[static_cast<size_t>(partition)];
    const int64_t start = m_log.logStartOffset(partition);
    if (start < 0) {
        KLOG_ERROR("groups", "cannot open partition " + std::to_string(partition) + " of " +
                                 std::string(kOffsetsTopic));
        return;
    }
    state.load = Load::Loading;
    state.loadOffset = start;
    state.bytesSinceRewrite = 0;
    loadStep(partition);
}

void GroupCoordinator::loadStep(int32_t partition)
{
    if (m_stopped)
        return;
    PartitionState &state = m_partitions[static_cast<size_t>(partition)];
    const OffsetsLog::ReadStep step =
        m_log.read(partition, state.loadOffset, kLoadBytesPerTurn,
                   [this, partition](const RecordView &r) { applyLoaded(partition, r); });
    if (step.error != ErrorCode::None) {
        KLOG_ERROR("groups", "loading partition " + std::to_string(partition) + " of " +
                                 std::string(kOffsetsTopic) + " failed (" +
                                 std::string(errorName(step.error)) + "); retrying");
        m_broker.loop().addTimer(kLoadRetryMs, [this, partition] { loadStep(partition); });
        return;
    }
    state.loadOffset = step.nextOffset;
    state.bytesSinceRewrite += step.bytes;
    if (step.atEnd) {
        finishLoad(partition);
        return;
    }
    m_broker.loop().addTimer(0, [this, partition] { loadStep(partition); });
}

void GroupCoordinator::finishLoad(int32_t partition)
{
    PartitionState &state = m_partitions[static_cast<size_t>(partition)];
    state.load = Load::Loaded;
    size_t groups = 0;
    std::vector<Group *> loaded;
    for (auto &[id, entry] : m_groups)
        if (entry.partition == partition)
            loaded.push_back(entry.group.get());
    for (Group *g : loaded) {
        ++groups;
        touched(*g);
    }
    if (groups > 0 || state.bytesSinceRewrite > 0)
        KLOG_INFO("groups", "loaded " + std::to_string(groups) + " groups from partition " +
                                std::to_string(partition) + " of " + std::string(kOffsetsTopic) +
                                " (" + std::to_string(state.bytesSinceRewrite) + " bytes)");
    maybeRewrite(partition);
}

void GroupCoordinator::applyLoaded(int32_t partition, const RecordView &record)
{
    std::string error;
    const auto decoded = decodeOffsetsRecord(record.key, record.value, error);
    if (!decoded) {
        KLOG_WARN("groups", "skipping record " + std::to_string(record.offset) + " of partition " +
                                std::to_string(partition) + ": " + error);
        return;
    }
    if (const auto *key = std::get_if<OffsetCommitKey>(&decoded->key)) {
        auto it = m_groups.find(key->group);
        if (!decoded->value) {
            if (it != m_groups.end())
                it->second.group->offsets().erase({key->topic, key->partition});
            return;
        }
        const auto &v = std::get<OffsetCommitValue>(*decoded->value);
        GroupEntry &entry = entryFor(key->group, partition);
        entry.group->offsets()[{key->topic, key->partition}] = CommittedOffset{
            v.offset, v.leaderEpoch, v.metadata, v.commitTimestamp, v.expireTimestamp};
        return;
    }
    const auto &key = std::get<GroupMetadataKey>(decoded->key);
    if (!decoded->value) {
        forget(key.group);
        return;
    }
    GroupEntry &entry = entryFor(key.group, partition);
    entry.group->restore(std::get<GroupMetadataValue>(*decoded->value), m_broker.loop().nowMs());
    entry.storedRecord = Bytes(record.value->begin(), record.value->end());
}

GroupCoordinator::GroupEntry &GroupCoordinator::entryFor(const std::string &groupId,
                                                         int32_t partition)
{
    auto it = m_groups.find(groupId);
    if (it == m_groups.end()) {
        GroupEntry entry;
        entry.group = std::make_unique<Group>(groupId, m_config, *this);
        entry.partition = partition;
        it = m_groups.emplace(groupId, std::move(entry)).first;
    }
    return it->second;
}

void GroupCoordinator::forget(const std::string &groupId)
{
    auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return;
    if (it->second.timer)
        m_broker.loop().cancelTimer(it->second.timer);
    m_groups.erase(it);
}

GroupCoordinator::Coordinator GroupCoordinator::findCoordinator(std::string_view groupId)
{
    ImagePtr image = m_broker.image();
    TopicPtr topic = image->topics.find(kOffsetsTopic);
    if (!topic) {
        NewTopic t;
        t.name = std::string(kOffsetsTopic);
        t.numPartitions = m_config.offsetsTopicPartitions;
        t.replicationFactor = static_cast<int16_t>(std::min<size_t>(
            static_cast<size_t>(std::max<int16_t>(m_config.offsetsTopicReplicationFactor, 1)),
            std::max<size_t>(image->brokers.size(), 1)));
        t.configs = {{"retention.ms", "-1"},
                     {"segment.bytes", std::to_string(m_config.offsetsTopicSegmentBytes)}};
        const auto results = m_broker.controller().createTopics({t}, false);
        if (!results.front().ok() && results.front().code != ErrorCode::TopicAlreadyExists) {
            KLOG_ERROR("groups", "cannot create " + t.name + ": " + results.front().message);
            return {ErrorCode::CoordinatorNotAvailable,
                    "The offsets topic cannot be created: " + results.front().message, -1};
        }
        KLOG_INFO("groups",
                  "created " + t.name + " with " + std::to_string(t.numPartitions) + " partitions");
        image = m_broker.image();
        topic = image->topics.find(kOffsetsTopic);
        if (!topic)
            return {ErrorCode::CoordinatorNotAvailable, "The offsets topic is being created.", -1};
    }
    const int32_t partition =
        offsetsPartitionFor(groupId, static_cast<int32_t>(topic->partitions.size()));
    const PartitionInfo &info = topic->partitions[static_cast<size_t>(partition)];
    if (info.leader < 0 || !image->broker(info.leader))
        return {ErrorCode::CoordinatorNotAvailable, "The coordinator is not available.", -1};
    if (info.leader == m_broker.id())
        partitionState(partition); // starts loading when this broker just became the leader
    return {ErrorCode::None, {}, info.leader};
}

ErrorCode GroupCoordinator::status(std::string_view groupId)
{
    if (m_stopped)
        return ErrorCode::NotCoordinator;
    const int32_t count = partitionCount();
    if (count == 0)
        return ErrorCode::CoordinatorNotAvailable;
    PartitionState *state = partitionState(offsetsPartitionFor(groupId, count));
    if (!state || state->load == Load::NotLeader)
        return ErrorCode::NotCoordinator;
    if (state->load == Load::Loading)
        return ErrorCode::CoordinatorLoadInProgress;
    return ErrorCode::None;
}

Group *GroupCoordinator::find(std::string_view groupId)
{
    const auto it = m_groups.find(std::string(groupId));
    return it == m_groups.end() ? nullptr : it->second.group.get();
}

Group &GroupCoordinator::findOrCreate(const std::string &groupId)
{
    return *entryFor(groupId, offsetsPartitionFor(groupId, partitionCount())).group;
}

std::vector<Group *> GroupCoordinator::groups()
{
    std::vector<Group *> out;
    out.reserve(m_groups.size());
    for (auto &[id, entry] : m_groups) {
        const auto p = static_cast<size_t>(entry.partition);
        if (p < m_partitions.size() && m_partitions[p].load == Load::Loaded)
            out.push_back(entry.group.get());
    }
    return out;
}

void GroupCoordinator::touched(Group &group)
{
    auto it = m_groups.find(group.id());
    if (it == m_groups.end())
        return;
    if (group.state() == GroupState::Dead) {
        forget(group.id());
        return;
    }
    GroupEntry &entry = it->second;
    if (group.state() == GroupState::Empty && group.offsets().empty() && !entry.storedRecord &&
        group.memberCount() == 0 && !group.hasPendingMembers() && group.generation() == 0) {
        // Never stored anything (a refused first JoinGroup, say): nothing to keep.
        forget(group.id());
        return;
    }
    const int64_t due = group.nextDeadline();
    if (due == entry.timerDue && (entry.timer != 0 || due == INT64_MAX))
        return;
    EventLoop &loop = m_broker.loop();
    if (entry.timer)
        loop.cancelTimer(entry.timer);
    entry.timer = 0;
    entry.timerDue = due;
    if (due == INT64_MAX || m_stopped)
        return;
    const std::string id = group.id();
    entry.timer = loop.addTimer(std::max<int64_t>(0, due - loop.nowMs()), [this, id] {
        auto found = m_groups.find(id);
        if (found == m_groups.end())
            return;
        found->second.timer = 0;
        found->second.timerDue = INT64_MAX;
        Group &g = *found->second.group;
        g.onDeadline(EventLoop::monotonicMs(), EventLoop::wallClockMs());
        touched(g);
    });
}

std::string GroupCoordinator::newMemberId(std::string_view prefix)
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    const uint64_t a = rng();
    const uint64_t b = rng();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff),
                  static_cast<unsigned>((a & 0x0fff) | 0x4000),
                  static_cast<unsigned>(((b >> 48) & 0x3fff) | 0x8000),
                  static_cast<unsigned long long>(b & 0xffffffffffffull));
    return std::string(prefix) + "-" + text;
}

ErrorCode GroupCoordinator::appendAndAccount(int32_t partition,
                                             const std::vector<OffsetsLog::Entry> &entries)
{
    const ErrorCode error = m_log.append(partition, entries, EventLoop::wallClockMs());
    if (error != ErrorCode::None)
        return error;
    if (static_cast<size_t>(partition) < m_partitions.size()) {
        m_partitions[static_cast<size_t>(partition)].bytesSinceRewrite +=
            static_cast<int64_t>(entriesSize(entries));
    }
    return ErrorCode::None;
}

ErrorCode GroupCoordinator::storeGroup(const Group &group)
{
    auto it = m_groups.find(group.id());
    if (it == m_groups.end())
        return ErrorCode::CoordinatorNotAvailable;
    Bytes value = encodeGroupMetadataValue(group.record());
    std::vector<OffsetsLog::Entry> entries{{encodeGroupMetadataKey({group.id()}), value}};
    const ErrorCode error = appendAndAccount(it->second.partition, entries);
    if (error == ErrorCode::None) {
        it->second.storedRecord = std::move(value);
        maybeRewrite(it->second.partition);
    }
    return error;
}

ErrorCode
GroupCoordinator::commitOffsets(Group &group,
                                const std::vector<std::pair<OffsetKey, CommittedOffset>> &offsets)
{
    auto it = m_groups.find(group.id());
    if (it == m_groups.end())
        return ErrorCode::CoordinatorNotAvailable;
    std::vector<OffsetsLog::Entry> entries;
    entries.reserve(offsets.size());
    for (const auto &[key, o] : offsets)
        entries.push_back(offsetEntry(group.id(), key, o));
    const ErrorCode error = appendAndAccount(it->second.partition, entries);
    if (error != ErrorCode::None)
        return error;
    for (const auto &[key, o] : offsets)
        group.offsets()[key] = o;
    maybeRewrite(it->second.partition);
    return ErrorCode::None;
}

ErrorCode GroupCoordinator::deleteOffsets(Group &group, const std::vector<OffsetKey> &keys)
{
    auto it = m_groups.find(group.id());
    if (it == m_groups.end() || keys.empty())
        return ErrorCode::None;
    std::vector<OffsetsLog::Entry> entries;
    for (const auto &key : keys)
        entries.push_back(offsetTombstone(group.id(), key));
    const ErrorCode error = appendAndAccount(it->second.partition, entries);
    if (error != ErrorCode::None)
        return error;
    for (const auto &key : keys)
        group.offsets().erase(key);
    maybeRewrite(it->second.partition);
    return ErrorCode::None;
}

ErrorCode GroupCoordinator::deleteGroup(Group &group)
{
    auto it = m_groups.find(group.id());
    if (it == m_groups.end())
        return ErrorCode::GroupIdNotFound;
    std::vector<OffsetsLog::Entry> entries;
    for (const auto &[key, o] : group.offsets())
        entries.push_back(offsetTombstone(group.id(), key));
    entries.push_back({encodeGroupMetadataKey({group.id()}), std::nullopt});
    const int32_t partition = it->second.partition;
    const ErrorCode error = appendAndAccount(partition, entries);
    if (error != ErrorCode::None)
        return error;
    group.markDead();
    touched(group);
    maybeRewrite(partition);
    return ErrorCode::None;
}

void GroupCoordinator::scheduleExpiry()
{
    if (m_stopped)
        return;
    m_expiryTimer = m_broker.loop().addTimer(m_config.offsetsRetentionCheckIntervalMs, [this] {
        m_expiryTimer = 0;
        expireOffsets();
        scheduleExpiry();
    });
}

void GroupCoordinator::expireOffsets()
{
    const int64_t wall = EventLoop::wallClockMs();
    const int64_t retention = m_config.offsetsRetentionMs;
    std::vector<std::string> removable;
    for (Group *group : groups()) {
        std::vector<OffsetKey> expired;
        for (const auto &[key, o] : group->offsets())
            if (group->isExpired(o, wall, retention))
                expired.push_back(key);
        if (!expired.empty()) {
            if (deleteOffsets(*group, expired) != ErrorCode::None)
                continue;
            KLOG_INFO("groups", "expired " + std::to_string(expired.size()) +
                                    " committed offsets of group " + group->id());
        }
        if (group->state() == GroupState::Empty && group->offsets().empty())
            removable.push_back(group->id());
    }
    for (const auto &id : removable) {
        auto it = m_groups.find(id);
        if (it == m_groups.end())
            continue;
        if (it->second.storedRecord) {
            const std::vector<OffsetsLog::Entry> tombstone{
                {encodeGroupMetadataKey({id}), std::nullopt}};
            if (appendAndAccount(it->second.partition, tombstone) != ErrorCode::None)
                continue;
        }
        it = m_groups.find(id);
        if (it == m_groups.end())
            continue;
        const int32_t partition = it->second.partition;
        it->second.group->markDead();
        forget(id);
        maybeRewrite(partition);
    }
}

void GroupCoordinator::maybeRewrite(int32_t partition)
{
    if (partition < 0 || static_cast<size_t>(partition) >= m_partitions.size())
        return;
    PartitionState &state = m_partitions[static_cast<size_t>(partition)];
    if (state.load != Load::Loaded ||
        state.bytesSinceRewrite <= std::max(OffsetsLog::kRewriteMinBytes, 2 * state.liveBytes))
        return;
    std::vector<OffsetsLog::Entry> live;
    for (const auto &[id, entry] : m_groups) {
        if (entry.partition != partition)
            continue;
        if (entry.storedRecord)
            live.push_back({encodeGroupMetadataKey({id}), *entry.storedRecord});
        for (const auto &[key, o] : entry.group->offsets())
            live.push_back(offsetEntry(id, key, o));
    }
    const ErrorCode error = m_log.rewrite(partition, live, EventLoop::wallClockMs());
    if (error != ErrorCode::None) {
        KLOG_WARN("groups", "rewriting partition " + std::to_string(partition) + " of " +
                                std::string(kOffsetsTopic) +
                                " failed: " + std::string(errorName(error)));
        state.bytesSinceRewrite = 0; // try again after as many bytes once more
        return;
    }
    state.liveBytes = static_cast<int64_t>(entriesSize(live));
    state.bytesSinceRewrite = 0;
    KLOG_DEBUG("groups", "rewrote partition " + std::to_string(partition) + " of " +
                             std::string(kOffsetsTopic) + ": " + std::to_string(live.size()) +
                             " live records");
}

} // namespace kastle::broker
