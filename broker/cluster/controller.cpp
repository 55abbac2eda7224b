// Controller: validation of admin changes, metadata log, image publication.
#include "controller.h"

#include "metadatalog.h"

#include "config/topicname.h"
#include "log.h"

#include <algorithm>
#include <set>
#include <sys/random.h>

namespace kastle::broker {

using protocol::ErrorCode;

namespace {

void fillRandom(void *out, size_t n)
{
    auto *p = static_cast<uint8_t *>(out);
    while (n > 0) {
        const ssize_t got = getrandom(p, n, 0);
        if (got <= 0)
            continue; // EINTR; getrandom never fails otherwise once the pool is ready
        p += got;
        n -= static_cast<size_t>(got);
    }
}

std::string joinIds(const std::vector<int32_t> &ids)
{
    std::string s;
    for (int32_t id : ids) {
        if (!s.empty())
            s += ", ";
        s += std::to_string(id);
    }
    return s;
}

// The entries at `indexes` were valid, but the metadata log refused the change.
void failUnstored(std::vector<AdminResult> &results, const std::vector<size_t> &indexes,
                  const std::string &failure)
{
    for (size_t i : indexes)
        results[i] = AdminResult::error(ErrorCode::UnknownServerError,
                                        "The metadata could not be stored: " + failure);
}

} // namespace

protocol::Uuid randomUuid()
{
    protocol::Uuid id;
    do {
        fillRandom(id.bytes.data(), id.bytes.size());
        // Version 4, variant 1, as Java's UUID.randomUUID (which Kafka uses).
        id.bytes[6] = static_cast<uint8_t>((id.bytes[6] & 0x0f) | 0x40);
        id.bytes[8] = static_cast<uint8_t>((id.bytes[8] & 0x3f) | 0x80);
        // Kafka avoids ids whose text starts with '-', which command lines take for an option.
    } while (id.isZero() || uuidToBase64(id).front() == '-');
    return id;
}

std::string uuidToBase64(const protocol::Uuid &id)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (uint8_t b : id.bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(acc >> bits) & 0x3f];
        }
    }
    if (bits > 0)
        out += kAlphabet[(acc << (6 - bits)) & 0x3f];
    return out;
}

Controller::Controller(const Options &options, const BrokerConfig &config)
    : m_options(options)
    , m_config(config)
{
    fillRandom(&m_placementSeed, sizeof m_placementSeed);
}

Controller::~Controller() = default;

std::unique_ptr<Controller> Controller::open(const Options &options, const BrokerConfig &config,
                                             std::string *error)
{
    std::unique_ptr<Controller> c(new Controller(options, config));
    ClusterImage empty;
    ImageBuilder builder(empty);
    c->m_log = MetadataLog::open(
        options.metadataDir, [&builder](const MetadataRecord &r) { builder.apply(r); }, error);
    if (!c->m_log)
        return nullptr;
    c->m_log->setSnapshotThreshold(options.snapshotThresholdBytes);
    ImagePtr image = builder.finish(config.topicDefaults());
    c->m_image.store(image);
    if (image->clusterId.empty()) {
        std::lock_guard lock(c->m_mutex);
        const std::string failure = c->commit({ClusterIdRecord{uuidToBase64(randomUuid())}});
        if (!failure.empty()) {
            if (error)
                *error = failure;
            return nullptr;
        }
    }
    KLOG_INFO("metadata", "cluster " + c->image()->clusterId + ": " +
                              std::to_string(c->image()->topics.size()) + " topics, " +
                              std::to_string(c->image()->partitionCount) + " partitions");
    return c;
}

int Controller::addListener(Listener listener)
{
    std::lock_guard lock(m_listenerMutex);
    const int id = m_nextListenerId++;
    m_listeners.emplace_back(id, std::move(listener));
    return id;
}

void Controller::removeListener(int id)
{
    std::lock_guard lock(m_listenerMutex);
    std::erase_if(m_listeners, [id](const auto &l) { return l.first == id; });
}

void Controller::notify(const std::vector<std::string> &changedTopics)
{
    // Called under the listener lock, so removeListener() returns only once no call of that
    // listener is running (a broker may then be destroyed). Listeners only post to a loop.
    std::lock_guard lock(m_listenerMutex);
    for (const auto &[id, l] : m_listeners)
        l(changedTopics);
}

void Controller::publish(ImagePtr image)
{
    m_image.store(std::move(image), std::memory_order_release);
}

std::string Controller::commit(const std::vector<MetadataRecord> &records)
{
    std::string error;
    if (!m_log->append(records, &error)) {
        KLOG_ERROR("metadata", error);
        return error;
    }
    ImageBuilder builder(*image());
    for (const auto &r : records)
        builder.apply(r);
    publish(builder.finish(m_config.topicDefaults()));
    if (m_log->wantsSnapshot()) {
        std::string snapshotError;
        if (!m_log->writeSnapshot(imageToRecords(*image()), &snapshotError))
            KLOG_WARN("metadata", "snapshot failed, the log keeps growing: " + snapshotError);
    }
    return {};
}

void Controller::registerBroker(BrokerEndpoint endpoint)
{
    {
        std::lock_guard lock(m_mutex);
        ImageBuilder builder(*image());
        auto &brokers = builder.image().brokers;
        auto it = std::lower_bound(brokers.begin(), brokers.end(), endpoint.id,
                                   [](const BrokerEndpoint &b, int32_t id) { return b.id < id; });
        if (it != brokers.end() && it->id == endpoint.id)
            *it = std::move(endpoint);
        else
            brokers.insert(it, std::move(endpoint));
        if (builder.image().controllerId < 0)
            builder.image().controllerId = brokers.front().id;
        publish(builder.finish(m_config.topicDefaults()));
    }
    notify({});
}

void Controller::sync()
{
    std::lock_guard lock(m_mutex);
    m_log->sync();
}

std::vector<std::vector<int32_t>> Controller::place(const ClusterImage &image,
                                                    int32_t firstPartition, int32_t count,
                                                    int16_t replicationFactor)
{
    // Round robin over the brokers from a random start, each replica one broker further, so
    // leaders and replicas spread evenly (Kafka's rack-unaware placement, without its shift).
    const auto n = image.brokers.size();
    const size_t start = static_cast<size_t>(m_placementSeed++ % n);
    std::vector<std::vector<int32_t>> out(static_cast<size_t>(count));
    for (int32_t p = 0; p < count; ++p) {
        auto &replicas = out[static_cast<size_t>(p)];
        for (int16_t r = 0; r < replicationFactor; ++r)
            replicas.push_back(
                image.brokers[(start + static_cast<size_t>(firstPartition + p + r)) % n].id);
    }
    return out;
}

AdminResult Controller::checkAssignment(const ClusterImage &image,
                                        const std::vector<std::vector<int32_t>> &assignment,
                                        size_t replicationFactor) const
{
    for (const auto &replicas : assignment) {
        if (replicas.empty())
            return AdminResult::error(ErrorCode::InvalidReplicaAssignment,
                                      "Replica assignment must name at least one broker.");
        if (replicas.size() != replicationFactor)
            return AdminResult::error(ErrorCode::InvalidReplicaAssignment,
                                      "All partitions should have the same number of replicas.");
        std::set<int32_t> seen;
        for (int32_t id : replicas) {
            if (!seen.insert(id).second)
                return AdminResult::error(ErrorCode::InvalidReplicaAssignment,
                                          "Duplicate brokers not allowed in replica assignment: " +
                                              joinIds(replicas) + ".");
            if (!image.broker(id))
                return AdminResult::error(ErrorCode::InvalidReplicaAssignment,
                                          "Unknown broker " + std::to_string(id) +
                                              " in replica assignment " + joinIds(replicas) + ".");
        }
    }
    return {};
}

std::vector<AdminResult> Controller::createTopics(const std::vector<NewTopic> &topics,
                                                  bool validateOnly)
{
    std::vector<AdminResult> results(topics.size());
    std::vector<std::string> changed;
    {
        std::lock_guard lock(m_mutex);
        const ImagePtr base = image();
        ImageBuilder pending(*base);
        std::vector<MetadataRecord> records;
        std::vector<size_t> created;
        for (size_t i = 0; i < topics.size(); ++i) {
            const NewTopic &t = topics[i];
            AdminResult &result = results[i];
            auto fail = [&result](ErrorCode c, std::string m) { result = {c, std::move(m)}; };

            if (std::string problem = validateTopicName(t.name); !problem.empty()) {
                fail(ErrorCode::InvalidTopicException, problem);
                continue;
            }
            if (const auto existing = pending.topic(t.name)) {
                fail(ErrorCode::TopicAlreadyExists, "Topic '" + t.name + "' already exists.");
                continue;
            }
            // pending.topic() sees topics created earlier in this request; the table the
            // collisions of the published image.
            if (const TopicPtr other = pending.image().topics.findCollision(t.name)) {
                fail(ErrorCode::InvalidTopicException,
                     "Topic '" + t.name + "' collides with existing topic: " + other->name);
                continue;
            }
            std::vector<std::vector<int32_t>> assignment;
            if (!t.assignments.empty()) {
                if (t.numPartitions != -1 || t.replicationFactor != -1) {
                    fail(ErrorCode::InvalidRequest,
                         "Both numPartitions or replicationFactor and replicasAssignments were "
                         "set. Both cannot be used at the same time.");
                    continue;
                }
                auto sorted = t.assignments;
                std::sort(sorted.begin(), sorted.end(),
                          [](const auto &a, const auto &b) { return a.first < b.first; });
                bool consecutive = true;
                for (size_t p = 0; p < sorted.size(); ++p)
                    consecutive = consecutive && sorted[p].first == static_cast<int32_t>(p);
                if (!consecutive) {
                    fail(ErrorCode::InvalidReplicaAssignment,
                         "Partitions should be a consecutive 0-based integer sequence.");
                    continue;
                }
                if (sorted.size() > static_cast<size_t>(m_options.maxPartitionsPerTopic)) {
                    fail(ErrorCode::InvalidPartitions,
                         "Kastle allows at most " +
                             std::to_string(m_options.maxPartitionsPerTopic) +
                             " partitions per topic.");
                    continue;
                }
                for (auto &[p, brokers] : sorted)
                    assignment.push_back(std::move(brokers));
                if (AdminResult r = checkAssignment(*base, assignment, assignment.front().size());
                    !r.ok()) {
                    result = r;
                    continue;
                }
            } else {
                const int32_t partitions =
                    t.numPartitions == -1 ? m_config.numPartitions() : t.numPartitions;
                const int32_t factor = t.replicationFactor == -1
                                           ? m_config.defaultReplicationFactor()
                                           : t.replicationFactor;
                if (partitions <= 0) {
                    fail(ErrorCode::InvalidPartitions,
                         "Number of partitions was set to an invalid non-positive value.");
                    continue;
                }
                if (partitions > m_options.maxPartitionsPerTopic) {
                    fail(ErrorCode::InvalidPartitions,
                         "Kastle allows at most " +
                             std::to_string(m_options.maxPartitionsPerTopic) +
                             " partitions per topic.");
                    continue;
                }
                if (factor <= 0) {
                    fail(ErrorCode::InvalidReplicationFactor,
                         "Replication factor must be larger than 0.");
                    continue;
                }
                if (static_cast<size_t>(factor) > base->brokers.size()) {
                    fail(ErrorCode::InvalidReplicationFactor,
                         "Unable to replicate the partition " + std::to_string(factor) +
                             " time(s): The target replication factor of " +
                             std::to_string(factor) + " cannot be reached because only " +
                             std::to_string(base->brokers.size()) + " broker(s) are registered.");
                    continue;
                }
                assignment = place(*base, 0, partitions, static_cast<int16_t>(factor));
            }
            std::string configProblem;
            for (const auto &[key, value] : t.configs) {
                configProblem = validateTopicConfig(key, value);
                if (!configProblem.empty())
                    break;
            }
            if (!configProblem.empty()) {
                fail(ErrorCode::InvalidConfig, configProblem);
                continue;
            }

            std::vector<MetadataRecord> topicRecords;
            topicRecords.emplace_back(
                TopicRecord{t.name, randomUuid(), isInternalTopicName(t.name)});
            for (size_t p = 0; p < assignment.size(); ++p) {
                PartitionInfo info;
                info.replicas = assignment[p];
                info.isr = assignment[p];
                info.leader = assignment[p].front();
                topicRecords.emplace_back(
                    PartitionRecord{t.name, static_cast<int32_t>(p), std::move(info)});
            }
            for (const auto &[key, value] : t.configs)
                topicRecords.emplace_back(TopicConfigRecord{t.name, key, value});
            for (const auto &r : topicRecords)
                pending.apply(r);
            records.insert(records.end(), std::make_move_iterator(topicRecords.begin()),
                           std::make_move_iterator(topicRecords.end()));
            created.push_back(i);
        }
        if (validateOnly || records.empty())
            return results;
        if (std::string failure = commit(records); !failure.empty()) {
            failUnstored(results, created, failure);
            return results;
        }
        for (size_t i : created)
            changed.push_back(topics[i].name);
    }
    notify(changed);
    return results;
}

std::vector<AdminResult> Controller::deleteTopics(const std::vector<std::string> &names)
{
    std::vector<AdminResult> results(names.size());
    std::set<std::string> removed;
    {
        std::lock_guard lock(m_mutex);
        const ImagePtr base = image();
        std::vector<MetadataRecord> records;
        std::vector<size_t> deleted;
        for (size_t i = 0; i < names.size(); ++i) {
            if (!base->topics.find(names[i]) || removed.count(names[i])) {
                results[i] =
                    AdminResult::error(ErrorCode::UnknownTopicOrPartition,
                                       "This server does not host this topic: " + names[i]);
                continue;
            }
            removed.insert(names[i]);
            records.emplace_back(RemoveTopicRecord{names[i]});
            deleted.push_back(i);
        }
        if (records.empty())
            return results;
        if (std::string failure = commit(records); !failure.empty()) {
            failUnstored(results, deleted, failure);
            return results;
        }
    }
    notify(std::vector<std::string>(removed.begin(), removed.end()));
    return results;
}

std::vector<AdminResult> Controller::createPartitions(const std::vector<NewPartitions> &requests,
                                                      bool validateOnly)
{
    std::vector<AdminResult> results(requests.size());
    std::vector<std::string> names;
    {
        std::lock_guard lock(m_mutex);
        const ImagePtr base = image();
        std::vector<MetadataRecord> records;
        std::vector<size_t> changed;
        for (size_t i = 0; i < requests.size(); ++i) {
            const NewPartitions &req = requests[i];
            AdminResult &result = results[i];
            const TopicPtr topic = base->topics.find(req.topic);
            if (!topic) {
                result = AdminResult::error(ErrorCode::UnknownTopicOrPartition,
                                            "The topic '" + req.topic + "' does not exist.");
                continue;
            }
            const auto current = static_cast<int32_t>(topic->partitions.size());
            if (req.totalCount < current) {
                result = AdminResult::error(ErrorCode::InvalidPartitions,
                                            "Topic currently has " + std::to_string(current) +
                                                " partitions, which is higher than the requested " +
                                                std::to_string(req.totalCount) + ".");
                continue;
            }
            if (req.totalCount == current) {
                result = AdminResult::error(ErrorCode::InvalidPartitions,
                                            "Topic already has " + std::to_string(current) +
                                                " partitions.");
                continue;
            }
            if (req.totalCount > m_options.maxPartitionsPerTopic) {
                result = AdminResult::error(ErrorCode::InvalidPartitions,
                                            "Kastle allows at most " +
                                                std::to_string(m_options.maxPartitionsPerTopic) +
                                                " partitions per topic.");
                continue;
            }
            const int32_t added = req.totalCount - current;
            const size_t factor =
                topic->partitions.empty() ? 1 : topic->partitions.front().replicas.size();
            std::vector<std::vector<int32_t>> assignment;
            if (req.assignments) {
                if (req.assignments->size() != static_cast<size_t>(added)) {
                    result = AdminResult::error(ErrorCode::InvalidReplicaAssignment,
                                                "Increasing the number of partitions by " +
                                                    std::to_string(added) + " but " +
                                                    std::to_string(req.assignments->size()) +
                                                    " assignments provided.");
                    continue;
                }
                assignment = *req.assignments;
                if (AdminResult r = checkAssignment(*base, assignment, factor); !r.ok()) {
                    result = r;
                    continue;
                }
            } else {
                if (factor > base->brokers.size()) {
                    result = AdminResult::error(ErrorCode::InvalidReplicationFactor,
                                                "The topic's replication factor " +
                                                    std::to_string(factor) +
                                                    " exceeds the number of brokers.");
                    continue;
                }
                assignment = place(*base, current, added, static_cast<int16_t>(factor));
            }
            for (int32_t p = 0; p < added; ++p) {
                PartitionInfo info;
                info.replicas = assignment[static_cast<size_t>(p)];
                info.isr = info.replicas;
                info.leader = info.replicas.front();
                records.emplace_back(PartitionRecord{req.topic, current + p, std::move(info)});
            }
            changed.push_back(i);
        }
        if (validateOnly || records.empty())
            return results;
        if (std::string failure = commit(records); !failure.empty()) {
            failUnstored(results, changed, failure);
            return results;
        }
        for (size_t i : changed)
            names.push_back(requests[i].topic);
    }
    notify(names);
    return results;
}

AdminResult Controller::setTopicConfigs(const std::string &topicName, const ConfigMap &overrides,
                                        bool validateOnly)
{
    {
        std::lock_guard lock(m_mutex);
        const TopicPtr topic = image()->topics.find(topicName);
        if (!topic)
            return AdminResult::error(ErrorCode::UnknownTopicOrPartition,
                                      "The topic '" + topicName + "' does not exist.");
        std::vector<MetadataRecord> records;
        for (const auto &[key, value] : topic->configs)
            if (!overrides.count(key))
                records.emplace_back(TopicConfigRecord{topicName, key, std::nullopt});
        for (const auto &[key, value] : overrides) {
            auto it = topic->configs.find(key);
            if (it == topic->configs.end() || it->second != value)
                records.emplace_back(TopicConfigRecord{topicName, key, value});
        }
        if (validateOnly || records.empty())
            return {};
        if (std::string failure = commit(records); !failure.empty())
            return AdminResult::error(ErrorCode::UnknownServerError,
                                      "The metadata could not be stored: " + failure);
    }
    notify({topicName});
    return {};
}

} // namespace kastle::broker
