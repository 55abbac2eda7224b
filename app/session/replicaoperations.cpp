// SessionOperations on replicas, through the wire client to the controller: leader elections
// and partition reassignments (start, cancel, list).
#include "operationsupport.h"

#include "messages/alterpartitionreassignments.h"
#include "messages/electleaders.h"
#include "messages/listpartitionreassignments.h"

#include <map>

namespace kastle::core {

using namespace protocol;

namespace {

// The partitions grouped by topic, in the shape these requests use.
template<class TopicEntry, class Fill>
std::vector<TopicEntry> byTopic(const std::vector<TopicPartition> &partitions, Fill fill)
{
    std::map<QString, std::vector<int32_t>> grouped;
    for (const TopicPartition &tp : partitions)
        grouped[tp.topic].push_back(tp.partition);
    std::vector<TopicEntry> out;
    for (auto &[topic, list] : grouped) {
        TopicEntry e;
        fill(e, topic.toStdString(), std::move(list));
        out.push_back(std::move(e));
    }
    return out;
}

PartitionOutcome outcome(const std::string &topic, int32_t partition, int16_t code,
                         const std::optional<std::string> &message)
{
    PartitionOutcome o;
    o.topic = fromStd(topic);
    o.partition = partition;
    o.errorCode = code;
    if (code != 0) {
        o.message = KafkaErrors::sentence(code);
        if (message && !message->empty())
            o.message += QLatin1Char(' ') + fromStd(*message);
    }
    return o;
}

void sortOutcomes(PartitionOutcomes &outcomes)
{
    std::sort(outcomes.begin(), outcomes.end(), [](const auto &a, const auto &b) {
        return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
    });
}

} // namespace

void SessionOperations::electLeaders(ElectionType type,
                                     const std::vector<TopicPartition> &partitions,
                                     Reply<PartitionOutcomes> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not elect leaders");
    WireClient *wire = m_worker.wire();
    if (!wire)
        return reply(Error{tr("The session is not connected."), LocalError::State});
    ElectLeadersRequest req;
    req.electionType = int8_t(type);
    req.timeoutMs = int32_t(m_worker.requestTimeout().count() * 2 / 3);
    if (partitions.empty()) {
        req.topicPartitions = std::nullopt; // every partition
    } else {
        req.topicPartitions = byTopic<ElectLeadersRequest::TopicPartitions>(
            partitions, [](auto &e, std::string topic, std::vector<int32_t> list) {
                e.topic = std::move(topic);
                e.partitions = std::move(list);
            });
    }
    CallOptions<ElectLeadersResponse> options;
    // v0 knows only preferred elections.
    options.versions = type == ElectionType::Preferred
                           ? ElectLeadersResponse::versions
                           : Versions{1, ElectLeadersResponse::versions.hi};
    options.rerouteCode = [](const ElectLeadersResponse &r) {
        return r.errorCode == int16_t(ErrorCode::NotController) ? int(r.errorCode) : 0;
    };
    wire->send(
        WireTarget::controller(), std::move(req),
        [reply, what](Result<ElectLeadersResponse> r) {
            if (!r)
                return reply(KafkaErrors::error(r.error().code, what, r.error().message));
            if (r->errorCode != 0)
                return reply(KafkaErrors::error(r->errorCode, what));
            PartitionOutcomes outcomes;
            for (const auto &t : r->replicaElectionResults) {
                for (const auto &p : t.partitionResult)
                    outcomes.push_back(
                        outcome(t.topic, p.partitionId, p.errorCode, p.errorMessage));
            }
            sortOutcomes(outcomes);
            reply(std::move(outcomes));
        },
        options);
}

void SessionOperations::alterReassignments(const std::vector<ReassignmentChange> &changes,
                                           Reply<PartitionOutcomes> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not change the replica assignment");
    WireClient *wire = m_worker.wire();
    if (!wire)
        return reply(Error{tr("The session is not connected."), LocalError::State});
    AlterPartitionReassignmentsRequest req;
    req.timeoutMs = int32_t(m_worker.requestTimeout().count() * 2 / 3);
    std::map<QString, std::vector<const ReassignmentChange *>> grouped;
    for (const ReassignmentChange &c : changes)
        grouped[c.topic].push_back(&c);
    for (const auto &[topic, list] : grouped) {
        AlterPartitionReassignmentsRequest::ReassignableTopic t;
        t.name = topic.toStdString();
        for (const ReassignmentChange *c : list)
            t.partitions.push_back({c->partition, c->replicas});
        req.topics.push_back(std::move(t));
    }
    CallOptions<AlterPartitionReassignmentsResponse> options;
    options.rerouteCode = [](const AlterPartitionReassignmentsResponse &r) {
        return r.errorCode == int16_t(ErrorCode::NotController) ? int(r.errorCode) : 0;
    };
    wire->send(
        WireTarget::controller(), std::move(req),
        [reply, what](Result<AlterPartitionReassignmentsResponse> r) {
            if (!r)
                return reply(KafkaErrors::error(r.error().code, what, r.error().message));
            if (r->errorCode != 0)
                return reply(KafkaErrors::error(
                    r->errorCode, what, r->errorMessage ? fromStd(*r->errorMessage) : QString()));
            PartitionOutcomes outcomes;
            for (const auto &t : r->responses) {
                for (const auto &p : t.partitions)
                    outcomes.push_back(
                        outcome(t.name, p.partitionIndex, p.errorCode, p.errorMessage));
            }
            sortOutcomes(outcomes);
            reply(std::move(outcomes));
        },
        options);
}

void SessionOperations::listReassignments(const std::vector<TopicPartition> &partitions,
                                          Reply<Reassignments> done)
{
    auto reply = track(std::move(done), false);
    const QString what = tr("Could not list the replica moves in progress");
    WireClient *wire = m_worker.wire();
    if (!wire)
        return reply(Error{tr("The session is not connected."), LocalError::State});
    ListPartitionReassignmentsRequest req;
    req.timeoutMs = int32_t(m_worker.requestTimeout().count() * 2 / 3);
    if (!partitions.empty()) {
        req.topics = byTopic<ListPartitionReassignmentsRequest::ListPartitionReassignmentsTopics>(
            partitions, [](auto &e, std::string topic, std::vector<int32_t> list) {
                e.name = std::move(topic);
                e.partitionIndexes = std::move(list);
            });
    }
    CallOptions<ListPartitionReassignmentsResponse> options;
    options.rerouteCode = [](const ListPartitionReassignmentsResponse &r) {
        return r.errorCode == int16_t(ErrorCode::NotController) ? int(r.errorCode) : 0;
    };
    wire->send(
        WireTarget::controller(), std::move(req),
        [reply, what](Result<ListPartitionReassignmentsResponse> r) {
            if (!r)
                return reply(KafkaErrors::error(r.error().code, what, r.error().message));
            if (r->errorCode != 0)
                return reply(KafkaErrors::error(
                    r->errorCode, what, r->errorMessage ? fromStd(*r->errorMessage) : QString()));
            Reassignments out;
            for (const auto &t : r->topics) {
                for (const auto &p : t.partitions) {
                    out.push_back(Reassignment{fromStd(t.name), p.partitionIndex, p.replicas,
                                               p.addingReplicas, p.removingReplicas});
                }
            }
            std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
                return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
            });
            reply(std::move(out));
        },
        options);
}

} // namespace kastle::core
