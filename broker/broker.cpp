// Broker: lifecycle, hosted partitions and metadata reconciliation.
#include "broker.h"

#include "config/configvalue.h"
#include "groups/groupcoordinator.h"
#include "handlers/handlers.h"
#include "log.h"
#include "producers/produceridmanager.h"
#include "producers/producerstatestore.h"
#include "security/listeners.h"

#include <algorithm>
#include <csignal>
#include <future>
#include <mutex>
#include <utility>

namespace kastle::broker {

using protocol::ErrorCode;

namespace {

bool contains(const std::vector<int32_t> &ids, int32_t id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool hostsAnyPartition(const TopicInfo &topic, int32_t brokerId)
{
    for (const auto &p : topic.partitions)
        if (contains(p.replicas, brokerId))
            return true;
    return false;
}

} // namespace

Broker::Broker(Controller &controller, BrokerOptions options)
    : m_controller(controller)
    , m_options(std::move(options))
    , m_dispatcher(brokerApis())
{}

Broker::~Broker()
{
    stop();
}

std::string Broker::start()
{
    // A peer that closed its socket must not kill the process through SIGPIPE on the next
    // write; the connection sees EPIPE instead.
    static std::once_flag sigpipeOnce;
    std::call_once(sigpipeOnce, [] { std::signal(SIGPIPE, SIG_IGN); });

    LogManagerOptions logOptions;
    logOptions.dir = m_options.logDir;
    m_defaultLogConfig = resolveTopicConfig(config().topicDefaults(), {}).log;
    logOptions.defaultConfig = m_defaultLogConfig;
    logOptions.maxOpenFiles = m_options.maxOpenFiles;
    logOptions.retentionCheckIntervalMs = m_options.retentionCheckIntervalMs;
    std::string error;
    m_logs = LogManager::open(std::move(logOptions), error);
    if (!m_logs)
        return error;
    reconcileAll();

    auto fail = [this](std::string why) {
        m_servers.clear();
        m_groups.reset();
        m_producers.reset();
        m_logs->shutdown();
        m_logs.reset();
        return why;
    };
    const int64_t producerExpiryMs =
        parseConfigLong(config().value("producer.id.expiration.ms")).value_or(86400000);
    m_producerIds = std::make_unique<ProducerIdManager>(m_options.logDir, m_options.id);
    m_producers = std::make_unique<ProducerStateStore>(m_options.logDir, producerExpiryMs);
    if (!m_producerIds->open(error) || !m_producers->open(error))
        return fail(error);
    m_groups = std::make_unique<GroupCoordinator>(*this, groupConfigFrom(config()));

    // One server per listener; without a security setup, one PLAINTEXT listener.
    std::shared_ptr<const SecuritySetup> security = m_options.security;
    const uint16_t portOffset = security ? static_cast<uint16_t>(m_options.id - 1) : 0;
    if (!security)
        security = SecuritySetup::create({}, m_options.host, m_options.port, error);
    if (!security)
        return fail(error);
    installSecurity(m_dispatcher, *security);
    std::vector<ListenerEndpoint> endpoints;
    for (const SecuritySetup::Listener &listener : security->listeners()) {
        ServerConfig serverConfig;
        serverConfig.host = listener.spec.host;
        serverConfig.port =
            listener.spec.port == 0 ? 0 : static_cast<uint16_t>(listener.spec.port + portOffset);
        serverConfig.limits.maxRequestBytes = config().socketRequestMaxBytes();
        serverConfig.limits.idleTimeoutMs = config().connectionsMaxIdleMs();
        auto server = std::make_unique<Server>(m_loop, m_dispatcher, this, serverConfig);
        configureListener(*server, security, listener);
        error = server->start();
        if (!error.empty())
            return fail(error);
        endpoints.push_back({listener.spec.name, listener.spec.host, server->port()});
        m_servers.push_back(std::move(server));
    }
    m_port = m_servers.front()->port();
    m_options.host = endpoints.front().host;
    m_controller.registerBroker(
        {m_options.id, m_options.host, m_port, m_options.rack, std::move(endpoints)});
    m_listenerId = m_controller.addListener([this](const std::vector<std::string> &changed) {
        m_loop.post([this, changed] {
            if (m_stopping)
                return;
            const ImagePtr current = image();
            for (const auto &name : changed)
                reconcile(*current, name);
        });
    });
    scheduleTick();
    m_loop.post([this] { m_groups->start(); });
    m_thread = std::thread([this] { m_loop.run(); });
    KLOG_INFO("broker", "broker " + std::to_string(m_options.id) + " listening on " +
                            m_options.host + ":" + std::to_string(m_port) + ", logs in " +
                            m_options.logDir);
    return {};
}

void Broker::stop()
{
    if (!m_thread.joinable()) {
        if (m_logs) {
            m_logs->shutdown();
            m_logs.reset();
        }
        return;
    }
    m_controller.removeListener(m_listenerId);
    std::promise<void> drained;
    auto done = drained.get_future();
    m_loop.post([this, &drained] { beginShutdown(drained); });
    done.wait();
    m_loop.stop();
    m_thread.join();
    m_servers.clear();
    m_groups.reset();
    m_producers->writeSnapshot(true, EventLoop::wallClockMs());
    m_topics.clear();
    m_logs->shutdown();
    m_logs.reset();
    KLOG_INFO("broker", "broker " + std::to_string(m_options.id) + " stopped");
}

void Broker::beginShutdown(std::promise<void> &done)
{
    m_stopping = true;
    for (auto &server : m_servers)
        server->stopListening();
    // Long-polling fetches answer now with what they have.
    std::vector<std::shared_ptr<PartitionWaiter>> waiters;
    for (auto &[name, topic] : m_topics)
        for (auto &p : topic.partitions)
            if (p)
                for (auto &w : std::exchange(p->waiters, {}))
                    if (auto s = w.lock())
                        waiters.push_back(std::move(s));
    for (auto &w : waiters)
        w->onPartitionChanged();
    // Members waiting in JoinGroup/SyncGroup hear NOT_COORDINATOR now rather than never.
    m_groups->shutdown();
    for (auto &server : m_servers)
        server->closeConnectionsWhenDrained();
    finishShutdown(EventLoop::monotonicMs() + m_options.shutdownDrainMs, &done);
}

void Broker::finishShutdown(int64_t deadline, std::promise<void> *done)
{
    size_t connections = 0;
    for (const auto &server : m_servers)
        connections += server->connectionCount();
    if (connections > 0 && EventLoop::monotonicMs() < deadline) {
        m_loop.addTimer(10, [this, deadline, done] { finishShutdown(deadline, done); });
        return;
    }
    for (auto &server : m_servers)
        server->stop();
    done->set_value();
}

void Broker::scheduleTick()
{
    m_loop.addTimer(m_options.storageTickMs, [this] {
        if (m_stopping)
            return;
        m_logs->tick(EventLoop::wallClockMs());
        m_producers->tick(m_loop.nowMs(), EventLoop::wallClockMs());
        scheduleTick();
    });
}

void Broker::reconcileAll()
{
    // At start: topic configs reach storage before any partition opens, and partition logs
    // that the metadata no longer assigns here (a topic deleted just before a crash) go.
    const ImagePtr current = image();
    current->topics.forEach([this](const TopicPtr &topic) {
        if (!hostsAnyPartition(*topic, m_options.id))
            return;
        // Storage uses the default for topics it was told nothing about; telling it costs a
        // pass over its partitions, so only topics with their own settings are named.
        if (!(topic->config.log == m_defaultLogConfig))
            m_logs->setTopicConfig(topic->name, topic->config.log);
        HostedTopic &h = m_topics[topic->name];
        h.id = topic->id;
        h.info = topic;
        h.partitions.resize(topic->partitions.size());
    });
    for (const PartitionSummary &s : m_logs->summaries()) {
        const auto &tp = s.topicPartition;
        const TopicPtr topic = current->topics.find(tp.topic);
        const bool assigned =
            topic && tp.partition >= 0 &&
            static_cast<size_t>(tp.partition) < topic->partitions.size() &&
            contains(topic->partitions[static_cast<size_t>(tp.partition)].replicas, m_options.id);
        if (!assigned) {
            KLOG_WARN("broker", "deleting the log of " + tp.dirName() +
                                    ": the cluster metadata does not assign it to this broker");
            m_logs->deletePartition(tp);
        }
    }
}

void Broker::reconcile(const ClusterImage &image, const std::string &name)
{
    const TopicPtr info = image.topics.find(name);
    auto it = m_topics.find(name);
    if (it != m_topics.end() &&
        (!info || it->second.id != info->id || !hostsAnyPartition(*info, m_options.id))) {
        dropTopic(name);
        it = m_topics.end();
    }
    if (!info || !hostsAnyPartition(*info, m_options.id))
        return;
    if (it == m_topics.end()) {
        it = m_topics.emplace(name, HostedTopic{}).first;
        it->second.id = info->id;
    }
    HostedTopic &h = it->second;
    if (h.info == info)
        return;
    const LogConfig &before = h.info ? h.info->config.log : m_defaultLogConfig;
    if (!(before == info->config.log))
        m_logs->setTopicConfig(name, info->config.log);
    // Partitions that are new since the last reconciliation get their (empty) logs now, so the
    // log directory shows them; those known before are opened on first use.
    const size_t known = h.info ? h.info->partitions.size() : 0;
    h.partitions.resize(info->partitions.size());
    std::vector<std::shared_ptr<PartitionWaiter>> wake;
    for (size_t i = 0; i < info->partitions.size(); ++i) {
        const PartitionInfo &pi = info->partitions[i];
        const TopicPartition tp{name, static_cast<int32_t>(i)};
        auto &slot = h.partitions[i];
        if (!contains(pi.replicas, m_options.id)) {
            if (slot)
                for (auto &w : slot->waiters)
                    if (auto s = w.lock())
                        wake.push_back(std::move(s));
            slot.reset();
            if (m_logs->contains(tp))
                m_logs->deletePartition(tp);
            continue;
        }
        if (i >= known && !m_logs->contains(tp)) {
            StorageStatus status;
            if (!m_logs->createPartition(tp, status))
                KLOG_ERROR("broker",
                           "cannot create the log of " + tp.dirName() + ": " + status.message);
        }
        if (slot && (slot->leaderEpoch != pi.leaderEpoch ||
                     slot->isLeader != (pi.leader == m_options.id))) {
            slot->leaderEpoch = pi.leaderEpoch;
            slot->isLeader = pi.leader == m_options.id;
            if (slot->isLeader && slot->log->leaderEpochs().latestEpoch() < pi.leaderEpoch)
                slot->log->beginLeaderEpoch(pi.leaderEpoch);
            for (auto &w : std::exchange(slot->waiters, {}))
                if (auto s = w.lock())
                    wake.push_back(std::move(s));
        }
    }
    h.info = info;
    for (auto &w : wake)
        w->onPartitionChanged();
}

void Broker::dropTopic(const std::string &name)
{
    auto it = m_topics.find(name);
    if (it == m_topics.end())
        return;
    std::vector<std::shared_ptr<PartitionWaiter>> wake;
    HostedTopic &h = it->second;
    for (size_t i = 0; i < h.partitions.size(); ++i) {
        if (h.partitions[i])
            for (auto &w : h.partitions[i]->waiters)
                if (auto s = w.lock())
                    wake.push_back(std::move(s));
        h.partitions[i].reset();
        const TopicPartition tp{name, static_cast<int32_t>(i)};
        if (m_logs->contains(tp))
            m_logs->deletePartition(tp);
    }
    m_logs->removeTopicConfig(name);
    m_topics.erase(it);
    for (auto &w : wake)
        w->onPartitionChanged();
}

Broker::HostedTopic *Broker::hosted(std::string_view topic, const TopicPtr &info)
{
    auto it = m_topics.find(topic);
    if (it == m_topics.end() || it->second.info != info) {
        reconcile(*image(), std::string(topic));
        it = m_topics.find(topic);
    }
    return it == m_topics.end() ? nullptr : &it->second;
}

Partition *Broker::leaderPartition(std::string_view topic, int32_t index, ErrorCode &error,
                                   TopicPtr *topicInfo)
{
    const ImagePtr current = image();
    const TopicPtr info = current->topics.find(topic);
    if (topicInfo)
        *topicInfo = info;
    if (!info || index < 0 || static_cast<size_t>(index) >= info->partitions.size()) {
        error = ErrorCode::UnknownTopicOrPartition;
        return nullptr;
    }
    const PartitionInfo &pi = info->partitions[static_cast<size_t>(index)];
    if (pi.leader != m_options.id) {
        error = pi.leader < 0 ? ErrorCode::LeaderNotAvailable : ErrorCode::NotLeaderOrFollower;
        return nullptr;
    }
    HostedTopic *h = hosted(topic, info);
    if (!h || static_cast<size_t>(index) >= h->partitions.size()) {
        error = ErrorCode::UnknownTopicOrPartition;
        return nullptr;
    }
    auto &slot = h->partitions[static_cast<size_t>(index)];
    if (slot) {
        error = ErrorCode::None;
        return slot.get();
    }
    const TopicPartition tp{std::string(topic), index};
    StorageStatus status;
    PartitionLog *log =
        m_logs->contains(tp) ? m_logs->partition(tp, &status) : m_logs->createPartition(tp, status);
    if (!log) {
        KLOG_ERROR("broker", "cannot open the log of " + tp.dirName() + ": " + status.message);
        error = status.ok() ? ErrorCode::KafkaStorageError : status.code;
        return nullptr;
    }
    auto p = std::make_unique<Partition>();
    p->topicPartition = tp;
    p->log = log;
    p->leaderEpoch = pi.leaderEpoch;
    p->isLeader = true;
    if (log->leaderEpochs().latestEpoch() < pi.leaderEpoch)
        log->beginLeaderEpoch(pi.leaderEpoch);
    // One broker: the ISR is this broker alone, so everything in the log is committed.
    p->highWatermark = log->logEndOffset();
    slot = std::move(p);
    error = ErrorCode::None;
    return slot.get();
}

void Broker::onAppended(Partition &partition, int64_t bytes)
{
    partition.highWatermark = partition.log->logEndOffset();
    if (partition.waiters.empty())
        return;
    auto waiters = std::move(partition.waiters);
    partition.waiters.clear();
    for (auto &w : waiters) {
        if (auto s = w.lock()) {
            partition.waiters.push_back(w);
            s->onAppend(bytes);
        }
    }
    // Waiters that completed in onAppend have expired by now (their owner let go of them).
    std::erase_if(partition.waiters, [](const auto &w) { return w.expired(); });
}

void Broker::addWaiter(Partition &partition, std::weak_ptr<PartitionWaiter> waiter)
{
    partition.waiters.push_back(std::move(waiter));
}

std::vector<AdminResult> Broker::autoCreateTopics(const std::vector<std::string> &names)
{
    std::vector<NewTopic> topics;
    topics.reserve(names.size());
    for (const auto &name : names) {
        NewTopic t;
        t.name = name;
        topics.push_back(std::move(t));
    }
    auto results = m_controller.createTopics(topics, false);
    for (size_t i = 0; i < names.size(); ++i) {
        if (results[i].ok())
            KLOG_INFO("broker", "auto-created topic " + names[i]);
        else if (results[i].code != ErrorCode::TopicAlreadyExists)
            KLOG_WARN("broker", "cannot auto-create topic " + names[i] + ": " + results[i].message);
    }
    return results;
}

} // namespace kastle::broker
