// SessionOperations: lifetime, the librdkafka handle, offsets look-ups and DescribeCluster.
#include "operationsupport.h"

#include "kafka/rdkafkaadmin.h"

#include "messages/describecluster.h"
#include "messages/listoffsets.h"

#include <map>

namespace kastle::core {

using namespace protocol;

SessionOperations::SessionOperations(SessionWorker &worker)
    : m_worker(worker)
{}

SessionOperations::~SessionOperations()
{
    shutdown();
}

RdKafkaAdmin &SessionOperations::admin()
{
    if (!m_admin)
        m_admin = std::make_unique<RdKafkaAdmin>(m_worker.profile(), m_worker.secrets());
    return *m_admin;
}

void SessionOperations::shutdown()
{
    if (m_closed)
        return;
    m_closed = true;
    auto outstanding = std::move(m_outstanding);
    m_outstanding.clear();
    for (auto &[id, fail] : outstanding)
        fail();
    m_admin.reset();
}

void SessionOperations::describeCluster(Reply<ClusterDescription> done)
{
    auto reply = track(std::move(done), false);
    WireClient *wire = m_worker.wire();
    if (!wire)
        return reply(Error{tr("The session is not connected."), LocalError::State});
    wire->send(
        WireTarget::any(), DescribeClusterRequest{}, [reply](Result<DescribeClusterResponse> r) {
            const QString what = tr("Could not describe the cluster");
            if (!r)
                return reply(KafkaErrors::error(r.error().code, what, r.error().message));
            if (r->errorCode != 0)
                return reply(KafkaErrors::error(
                    r->errorCode, what, r->errorMessage ? fromStd(*r->errorMessage) : QString()));
            ClusterDescription d;
            d.clusterId = fromStd(r->clusterId);
            d.controllerId = r->controllerId;
            for (const auto &b : r->brokers) {
                BrokerSnapshot s;
                s.id = b.brokerId;
                s.host = fromStd(b.host);
                s.port = b.port;
                s.rack = b.rack ? fromStd(*b.rack) : QString();
                s.isController = b.brokerId == r->controllerId;
                d.brokers.push_back(std::move(s));
            }
            std::sort(d.brokers.begin(), d.brokers.end(),
                      [](const auto &a, const auto &b) { return a.id < b.id; });
            reply(std::move(d));
        });
}

void SessionOperations::listOffsets(const std::vector<TopicPartition> &partitions,
                                    int64_t timestamp, Reply<PartitionOutcomes> done)
{
    WireClient *wire = m_worker.wire();
    if (!wire)
        return done(Error{tr("The session is not connected."), LocalError::State});
    const TopicTable &topics = *m_worker.working().topics;
    auto outcomes = std::make_shared<PartitionOutcomes>();
    std::map<int32_t, ListOffsetsRequest> perLeader;
    for (const TopicPartition &tp : partitions) {
        const TopicSnapshot *t = topics.find(tp.topic);
        const PartitionSnapshot *p = t ? t->partition(tp.partition) : nullptr;
        const int code = !p              ? int(ErrorCode::UnknownTopicOrPartition)
                         : p->leader < 0 ? int(ErrorCode::LeaderNotAvailable)
                                         : 0;
        if (code != 0) {
            outcomes->push_back({tp.topic, tp.partition, code, KafkaErrors::sentence(code), -1});
            continue;
        }
        ListOffsetsRequest &req = perLeader[p->leader];
        const std::string name = tp.topic.toStdString();
        if (req.topics.empty() || req.topics.back().name != name)
            req.topics.push_back({name, {}});
        req.topics.back().partitions.push_back({tp.partition, timestamp, 1});
    }
    auto pending = std::make_shared<int>(1);
    auto finish = [outcomes, pending, done] {
        if (--*pending == 0) {
            std::sort(outcomes->begin(), outcomes->end(), [](const auto &a, const auto &b) {
                return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
            });
            done(std::move(*outcomes));
        }
    };
    CallOptions<ListOffsetsResponse> options;
    options.versions = Versions{1, ListOffsetsResponse::versions.hi};
    for (auto &[leader, req] : perLeader) {
        ++*pending;
        // Remember what was asked, to fail each partition if the broker cannot be reached.
        std::vector<TopicPartition> asked;
        for (const auto &t : req.topics)
            for (const auto &p : t.partitions)
                asked.push_back({fromStd(t.name), p.partitionIndex});
        wire->send(
            WireTarget::broker(leader), std::move(req),
            [outcomes, finish, asked](Result<ListOffsetsResponse> r) {
                if (!r) {
                    for (const auto &tp : asked)
                        outcomes->push_back(
                            {tp.topic, tp.partition, r.error().code, r.error().message, -1});
                    return finish();
                }
                for (const auto &t : r->topics) {
                    for (const auto &p : t.partitions) {
                        outcomes->push_back(
                            {fromStd(t.name), p.partitionIndex, p.errorCode,
                             p.errorCode ? KafkaErrors::sentence(p.errorCode) : QString(),
                             p.offset});
                    }
                }
                finish();
            },
            options);
    }
    finish();
}

} // namespace kastle::core
