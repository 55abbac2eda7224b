// The session's polling rounds: metadata, offsets per leader, groups, log-dir sizes, lag
// seconds and min.insync.replicas. Each round sends its requests at once (pipelined per broker)
// and finishes when the last answer or error is in; "pending" starts at one while requests are
// being sent, so an answer that fails at once cannot finish the round early.
#include "sessionworker.h"

#include "batchreader.h"
#include "kafka/kafkaerrors.h"
#include "messages/describeconfigs.h"
#include "messages/fetch.h"

#include <QDateTime>

namespace kastle::core {

using namespace protocol;

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Errors in offsets answers that mean the metadata is out of date.
bool isStaleMetadata(int16_t code)
{
    return code == int16_t(ErrorCode::NotLeaderOrFollower) ||
           code == int16_t(ErrorCode::UnknownTopicOrPartition) ||
           code == int16_t(ErrorCode::LeaderNotAvailable) ||
           code == int16_t(ErrorCode::FencedLeaderEpoch) ||
           code == int16_t(ErrorCode::UnknownLeaderEpoch);
}

// The timestamp of the first record at or after `offset` in a Fetch answer's record set,
// or nullopt when the set holds none (or only a legacy message set).
std::optional<int64_t> timestampAt(ByteView records, int64_t offset)
{
    BatchIterator batches(records);
    ByteView batch;
    while (batches.next(batch)) {
        if (peekMagic(batch) != 2)
            continue;
        RecordBatchReader reader(batch);
        const RecordBatchHeader &h = reader.header();
        if (h.lastOffset() < offset || h.isControl())
            continue;
        if (h.isLogAppendTime())
            return h.maxTimestamp;
        RecordView record;
        while (reader.next(record)) {
            if (record.offset >= offset)
                return record.timestamp;
        }
    }
    // A batch cut by the size limit: its header still says when its first record was written.
    if (auto h = readBatchHeader(batches.rest()); h && h->magic == 2 && h->lastOffset() >= offset)
        return h->isLogAppendTime() ? h->maxTimestamp : h->baseTimestamp;
    return std::nullopt;
}

} // namespace

// ---- metadata -------------------------------------------------------------------------------

void SessionWorker::runMetadata()
{
    if (m_status.state == SessionState::Lost)
        setStatus(SessionState::Connecting,
                  tr("Reconnecting to %1 (attempt %2)…").arg(m_bootstrap).arg(m_reconnectAttempt));
    MetadataRequest request;
    request.topics = std::nullopt; // all topics
    request.allowAutoTopicCreation = false;
    CallOptions<MetadataResponse> options;
    options.versions = Versions{1, MetadataResponse::versions.hi};
    options.attempts = 3;
    TaskState &t = task(Task::Metadata);
    t.calls.push_back(m_wire->send(
        WireTarget::any(), std::move(request),
        [this](Result<MetadataResponse> r) { onMetadata(std::move(r)); }, options));
}

void SessionWorker::onMetadata(Result<MetadataResponse> result)
{
    const SlowStep step("applying metadata");
    TaskState &t = task(Task::Metadata);
    if (!result) {
        ++t.failed;
        finishTask(Task::Metadata, RoundStats::Kind::Metadata);
        becomeLost(result.error());
        return;
    }
    const MetadataResponse &md = *result;
    const bool firstContact =
        m_status.state == SessionState::Connecting || m_status.state == SessionState::Lost;
    BrokerTablePtr brokers = brokersFromMetadata(md, m_snap.brokers);
    TopicTablePtr topics = topicsFromMetadata(md, m_snap.topics, *brokers, m_minIsr);
    if (topics != m_snap.topics) {
        m_snap.topics = topics;
        m_index = indexTopics(*topics);
    }
    m_snap.brokers = withReplicaCounts(brokers, *m_snap.topics);
    m_snap.clusterId = md.clusterId ? qs(*md.clusterId) : QString();
    m_snap.controllerId = md.controllerId;
    m_snap.metadataAtMs = t.startedMs;
    t.items = int(md.topics.size());

    // min.insync.replicas of topics not asked about yet.
    std::vector<std::string> unknown;
    for (const auto &topic : md.topics) {
        if (!m_minIsr.count(topic.name))
            unknown.push_back(topic.name);
    }
    if (!unknown.empty() && !task(Task::Configs).running && !firstContact)
        runConfigs(std::move(unknown));
    m_configsWanted = true;

    m_startOffsetsDue = true;
    if (firstContact) {
        m_reconnectAttempt = 0;
        setStatus(SessionState::Connected,
                  tr("Connected: %n broker(s).", nullptr, int(m_snap.brokers->brokers.size())));
        // Everything else starts now, so the first complete snapshot comes as soon as it can.
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        for (Task other : {Task::Offsets, Task::Groups, Task::Sizes, Task::Configs})
            task(other).dueMs = now;
    }
    finishTask(Task::Metadata, RoundStats::Kind::Metadata);
}

// ---- start and end offsets ------------------------------------------------------------------

void SessionWorker::runOffsets()
{
    const SlowStep step("starting an offsets round");
    TaskState &t = task(Task::Offsets);
    m_endAnswers.clear();
    m_startAnswers.clear();
    m_roundHadStart = m_startOffsetsDue || !m_haveStart;
    m_startOffsetsDue = false;

    // One request per leader broker (and a second one for start offsets when due).
    std::map<int32_t, ListOffsetsRequest> end;
    for (const TopicSnapshotPtr &topic : m_snap.topics->topics) {
        std::string name;
        for (const PartitionSnapshot &p : topic->partitions) {
            if (p.flags.testFlag(PartitionFlag::Offline))
                continue;
            if (name.empty())
                name = topic->name.toStdString();
            ListOffsetsRequest &req = end[p.leader];
            if (req.topics.empty() || req.topics.back().name != name)
                req.topics.push_back({name, {}});
            req.topics.back().partitions.push_back({p.partition, -1, 1});
            ++t.items;
        }
    }
    std::vector<std::pair<int32_t, ListOffsetsRequest>> requests;
    for (auto &[leader, req] : end) {
        if (m_roundHadStart) {
            ListOffsetsRequest start = req;
            for (auto &topic : start.topics) {
                for (auto &p : topic.partitions)
                    p.timestamp = -2;
            }
            requests.emplace_back(leader, std::move(start));
        }
        requests.emplace_back(leader, std::move(req));
    }
    CallOptions<ListOffsetsResponse> options;
    options.versions = Versions{1, ListOffsetsResponse::versions.hi};
    options.attempts = 1;
    t.pending = 1;
    for (auto &[leader, req] : requests) {
        const bool isStart = req.topics.front().partitions.front().timestamp == -2;
        ++t.pending;
        const int32_t brokerId = leader;
        t.calls.push_back(m_wire->send(
            WireTarget::broker(leader), std::move(req),
            [this, brokerId, isStart](Result<ListOffsetsResponse> r) {
                TaskState &ts = task(Task::Offsets);
                if (r) {
                    clearBrokerProblem(brokerId);
                    (isStart ? m_startAnswers : m_endAnswers).push_back(std::move(*r));
                } else {
                    ++ts.failed;
                    if (KafkaErrors::isConnectionFailure(r.error().code))
                        noteBrokerProblem(brokerId, r.error());
                }
                if (--ts.pending == 0)
                    onOffsetsDone();
            },
            options));
    }
    if (--t.pending == 0)
        onOffsetsDone();
}

void SessionWorker::onOffsetsDone()
{
    const SlowStep step("applying offsets");
    TaskState &t = task(Task::Offsets);
    std::vector<PartitionError> errors;
    const int64_t at = t.startedMs;
    if (!m_endAnswers.empty() || t.items == 0) {
        m_snap.topics = applyOffsets(m_snap.topics, m_index, m_endAnswers, OffsetKind::End, at,
                                     m_lastEndAtMs, &errors);
        m_lastEndAtMs = at;
        m_haveEnd = true;
        m_snap.offsetsAtMs = at;
    }
    if (m_roundHadStart && (!m_startAnswers.empty() || t.items == 0)) {
        m_snap.topics = applyOffsets(m_snap.topics, m_index, m_startAnswers, OffsetKind::Start, at,
                                     m_lastStartAtMs, &errors);
        m_lastStartAtMs = at;
        m_haveStart = true;
    }
    m_endAnswers.clear();
    m_startAnswers.clear();
    // Leaders moved or topics went: look at the metadata again soon (not in a loop).
    const bool stale = std::any_of(errors.begin(), errors.end(), [](const PartitionError &e) {
        return isStaleMetadata(e.errorCode);
    });
    if (stale) {
        TaskState &md = task(Task::Metadata);
        md.dueMs = std::min(md.dueMs, md.startedMs + 2000);
    }
    finishTask(Task::Offsets, RoundStats::Kind::EndOffsets);
}

// ---- groups ---------------------------------------------------------------------------------

void SessionWorker::runGroups()
{
    TaskState &t = task(Task::Groups);
    m_listedBrokers.clear();
    CallOptions<ListGroupsResponse> options;
    options.attempts = 1;
    t.pending = 1;
    for (const BrokerSnapshot &b : m_snap.brokers->brokers) {
        ++t.pending;
        const int32_t brokerId = b.id;
        t.calls.push_back(m_wire->send(
            WireTarget::broker(b.id), ListGroupsRequest{},
            [this, brokerId](Result<ListGroupsResponse> r) {
                TaskState &ts = task(Task::Groups);
                if (r && r->errorCode == 0) {
                    clearBrokerProblem(brokerId);
                    m_groups.applyListing(brokerId, *r);
                    m_listedBrokers.insert(brokerId);
                } else {
                    ++ts.failed;
                    if (!r && KafkaErrors::isConnectionFailure(r.error().code))
                        noteBrokerProblem(brokerId, r.error());
                }
                if (--ts.pending == 0)
                    onListingDone();
            },
            options));
    }
    if (--t.pending == 0)
        onListingDone();
}

void SessionWorker::onListingDone()
{
    const SlowStep step("applying the group listing");
    TaskState &t = task(Task::Groups);
    m_groups.finishListing(m_listedBrokers);
    if (!m_listedBrokers.empty())
        m_groupsListedOnce = true;
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    // The first sweep covers every group; later rounds take a budget (changed groups first).
    const bool firstSweep =
        !(m_groupsListedOnce && m_groups.allDescribed() && m_groups.allOffsetsFetched());
    const size_t describeBudget = firstSweep ? SIZE_MAX : m_options.groupDescribesPerRound;
    const size_t offsetBudget = firstSweep ? SIZE_MAX : m_options.groupOffsetsPerRound;
    t.items = int(m_groups.groupCount());

    t.pending = 1;
    CallOptions<DescribeGroupsResponse> describeOptions;
    describeOptions.attempts = 1;
    for (auto &[coordinator, ids] : m_groups.takeDescribeWork(describeBudget)) {
        const size_t batch = size_t(std::max(1, m_options.groupsPerDescribeRequest));
        for (size_t i = 0; i < ids.size(); i += batch) {
            DescribeGroupsRequest req;
            req.groups.assign(ids.begin() + long(i),
                              ids.begin() + long(std::min(ids.size(), i + batch)));
            ++t.pending;
            auto names = req.groups;
            t.calls.push_back(m_wire->send(
                WireTarget::broker(coordinator), std::move(req),
                [this, names = std::move(names), now](Result<DescribeGroupsResponse> r) {
                    TaskState &ts = task(Task::Groups);
                    if (r) {
                        m_groups.applyDescribe(*r, now);
                    } else {
                        ++ts.failed;
                        for (const auto &g : names)
                            m_groups.markFailed(g, 0, false);
                    }
                    onGroupRequestDone();
                },
                describeOptions));
        }
    }
    CallOptions<OffsetFetchResponse> fetchOptions;
    fetchOptions.attempts = 1;
    fetchOptions.versions = Versions{2, OffsetFetchResponse::versions.hi}; // v2+: null = all
    for (auto &[coordinator, groupId] : m_groups.takeOffsetWork(offsetBudget)) {
        OffsetFetchRequest req;
        req.groupId = groupId;
        req.topics = std::nullopt;
        ++t.pending;
        t.calls.push_back(m_wire->send(
            WireTarget::broker(coordinator), std::move(req),
            [this, groupId, now](Result<OffsetFetchResponse> r) {
                TaskState &ts = task(Task::Groups);
                if (r) {
                    m_groups.applyOffsets(groupId, *r, now);
                } else {
                    ++ts.failed;
                    m_groups.markFailed(groupId, 0, true);
                }
                onGroupRequestDone();
            },
            fetchOptions));
    }
    onGroupRequestDone();
}

void SessionWorker::onGroupRequestDone()
{
    TaskState &t = task(Task::Groups);
    if (--t.pending > 0)
        return;
    finishTask(Task::Groups, RoundStats::Kind::Groups);
    // Lag seconds as soon as every group's offsets are known for the first time.
    if (m_haveEnd && m_groups.allOffsetsFetched() && task(Task::LagSeconds).startedMs == 0) {
        task(Task::LagSeconds).dueMs = 0;
        schedule();
    }
}

// ---- sizes ----------------------------------------------------------------------------------

void SessionWorker::runSizes()
{
    TaskState &t = task(Task::Sizes);
    m_sizeAnswers.clear();
    CallOptions<DescribeLogDirsResponse> options;
    options.attempts = 1;
    t.pending = 1;
    const auto done = [this] {
        TaskState &ts = task(Task::Sizes);
        if (--ts.pending > 0)
            return;
        const SlowStep step("applying sizes");
        if (!m_sizeAnswers.empty()) {
            SizesApplied applied = applySizes(m_snap.topics, m_snap.brokers, m_index, m_sizeAnswers,
                                              ts.startedMs, m_lastSizesAtMs);
            m_snap.topics = applied.topics;
            m_snap.brokers = applied.brokers;
            m_lastSizesAtMs = ts.startedMs;
            m_snap.sizesAtMs = ts.startedMs;
            m_haveSizes = true;
        }
        m_sizeAnswers.clear();
        finishTask(Task::Sizes, RoundStats::Kind::Sizes);
    };
    for (const BrokerSnapshot &b : m_snap.brokers->brokers) {
        DescribeLogDirsRequest req;
        req.topics = std::nullopt; // every partition
        ++t.pending;
        const int32_t brokerId = b.id;
        t.calls.push_back(m_wire->send(
            WireTarget::broker(b.id), std::move(req),
            [this, brokerId, done](Result<DescribeLogDirsResponse> r) {
                if (r) {
                    clearBrokerProblem(brokerId);
                    m_sizeAnswers.push_back(LogDirAnswer{brokerId, std::move(*r)});
                    task(Task::Sizes).items += 1;
                } else {
                    ++task(Task::Sizes).failed;
                    if (KafkaErrors::isConnectionFailure(r.error().code))
                        noteBrokerProblem(brokerId, r.error());
                }
                done();
            },
            options));
    }
    done();
}

// ---- lag in seconds -------------------------------------------------------------------------

void SessionWorker::runLagSeconds()
{
    const SlowStep step("starting a lag-seconds round");
    TaskState &t = task(Task::LagSeconds);
    const auto work = m_groups.takeLagWork(*m_snap.topics, m_options.lagLookupsPerRound);
    t.items = int(work.size());
    // Per leader, requests in which each partition appears once (a partition read at two
    // committed offsets needs two requests).
    struct Pending
    {
        FetchRequest request;
        std::vector<GroupTracker::LagLookup> lookups;
        std::set<std::pair<std::string, int32_t>> partitions;
    };
    std::map<int32_t, std::vector<Pending>> perLeader;
    for (const auto &lookup : work) {
        auto &list = perLeader[lookup.leader];
        const auto key = std::make_pair(lookup.topic, lookup.partition);
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Pending &p) { return !p.partitions.count(key); });
        if (it == list.end()) {
            list.emplace_back();
            it = list.end() - 1;
            it->request.maxWaitMs = 0;
            it->request.minBytes = 0;
            it->request.maxBytes = 4 << 20;
        }
        it->partitions.insert(key);
        it->lookups.push_back(lookup);
        auto &topics = it->request.topics;
        auto topic = std::find_if(topics.begin(), topics.end(),
                                  [&](const auto &ft) { return ft.topic == lookup.topic; });
        if (topic == topics.end()) {
            topics.push_back({lookup.topic, {}});
            topic = topics.end() - 1;
        }
        FetchRequest::FetchPartition fp;
        fp.partition = lookup.partition;
        fp.fetchOffset = lookup.offset;
        fp.partitionMaxBytes = 16 << 10;
        topic->partitions.push_back(fp);
    }
    CallOptions<FetchResponse> options;
    options.attempts = 1;
    options.versions = Versions{4, FetchResponse::versions.hi}; // RecordBatch v2
    t.pending = 1;
    const auto done = [this] {
        if (--task(Task::LagSeconds).pending > 0)
            return;
        const SlowStep sampling("sampling lag seconds");
        m_groups.sampleLagSeconds(*m_snap.topics, QDateTime::currentMSecsSinceEpoch());
        finishTask(Task::LagSeconds, RoundStats::Kind::LagSeconds);
    };
    for (auto &[leader, list] : perLeader) {
        for (Pending &p : list) {
            ++t.pending;
            auto lookups = std::move(p.lookups);
            t.calls.push_back(m_wire->send(
                WireTarget::broker(leader), std::move(p.request),
                [this, lookups = std::move(lookups), done](Result<FetchResponse> r) {
                    if (!r) {
                        ++task(Task::LagSeconds).failed;
                        return done();
                    }
                    // Records are views into the answer: read them here, keep only timestamps.
                    for (const auto &topic : r->responses) {
                        for (const auto &pd : topic.partitions) {
                            auto l =
                                std::find_if(lookups.begin(), lookups.end(), [&](const auto &x) {
                                    return x.topic == topic.topic &&
                                           x.partition == pd.partitionIndex;
                                });
                            if (l == lookups.end())
                                continue;
                            if (pd.errorCode == int16_t(ErrorCode::OffsetOutOfRange)) {
                                m_groups.applyRecordTimestamp(*l, -1);
                                continue;
                            }
                            const auto bytes = pd.records.contiguous();
                            if (pd.errorCode != 0 || !bytes)
                                continue;
                            if (auto ts = timestampAt(*bytes, l->offset))
                                m_groups.applyRecordTimestamp(*l, *ts);
                        }
                    }
                    done();
                },
                options));
        }
    }
    done();
}

// ---- min.insync.replicas --------------------------------------------------------------------

void SessionWorker::runConfigs(std::vector<std::string> topics)
{
    const bool round = topics.empty(); // a scheduled round asks about every topic
    TaskState &t = task(Task::Configs);
    if (round) {
        for (const TopicSnapshotPtr &topic : m_snap.topics->topics)
            topics.push_back(topic->name.toStdString());
    } else {
        t.running = true;
        t.startedMs = QDateTime::currentMSecsSinceEpoch();
    }
    t.items = int(topics.size());
    if (topics.empty())
        return finishTask(Task::Configs, RoundStats::Kind::Configs);
    DescribeConfigsRequest req;
    for (auto &name : topics)
        req.resources.push_back(
            {2, std::move(name), std::vector<std::string>{"min.insync.replicas"}});
    CallOptions<DescribeConfigsResponse> options;
    options.attempts = 2;
    t.calls.push_back(m_wire->send(
        WireTarget::any(), std::move(req),
        [this](Result<DescribeConfigsResponse> r) {
            if (r) {
                for (const auto &res : r->results) {
                    if (res.errorCode != 0)
                        continue;
                    int32_t value = -1;
                    for (const auto &c : res.configs) {
                        if (c.name == "min.insync.replicas" && c.value)
                            value = qs(*c.value).toInt();
                    }
                    m_minIsr[res.resourceName] = value;
                }
                m_snap.topics = applyMinIsr(m_snap.topics, *m_snap.brokers, m_minIsr);
            } else {
                ++task(Task::Configs).failed;
            }
            finishTask(Task::Configs, RoundStats::Kind::Configs);
        },
        options));
}

} // namespace kastle::core
