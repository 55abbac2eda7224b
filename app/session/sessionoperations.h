// The admin operations of a session, run on the session thread. Those librdkafka 2.0.2 offers
// go through its admin API (RdKafkaAdmin): create/delete topics, add partitions, describe
// configs, delete records, delete groups, alter group offsets. The rest go through the wire
// client to the right broker: incremental config changes (any broker, or the broker itself
// for broker configs), leader elections and reassignments (the controller), the offsets an
// offset reset needs (the partition leaders) and DescribeCluster.
//
// Every operation answers exactly once through its callback, also when the session closes
// first (LocalError::Destroyed).
#pragma once

#include "operations.h"
#include "profiles/connectionprofile.h"

#include <QCoreApplication>

#include <functional>
#include <map>
#include <memory>

namespace kastle::core {

class RdKafkaAdmin;
class SessionWorker;

class SessionOperations
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::SessionOperations)
public:
    template<class T>
    using Reply = std::function<void(Result<T>)>;

    explicit SessionOperations(SessionWorker &worker);
    ~SessionOperations();

    // The profile librdkafka needs (the wire client has its own copy of the security part).
    void setProfile(const ConnectionProfile &profile, const ProfileSecrets &secrets);
    // Fails everything outstanding and releases the librdkafka handle.
    void shutdown();

    // Topics and configs (topicoperations.cpp).
    void createTopic(const NewTopic &topic, Reply<Done> done);
    void deleteTopic(const QString &name, Reply<Done> done);
    void addPartitions(const QString &topic, int32_t totalPartitions, Reply<Done> done);
    void describeConfigs(ConfigResourceType type, const QString &name, Reply<ConfigSet> done);
    void alterConfigs(ConfigResourceType type, const QString &name,
                      const std::vector<ConfigChange> &changes, Reply<Done> done);
    void deleteRecords(const QString &topic, const std::vector<std::pair<int32_t, int64_t>> &before,
                       Reply<PartitionOutcomes> done);
    void describeCluster(Reply<ClusterDescription> done);

    // Groups (groupoperations.cpp).
    void deleteGroup(const QString &groupId, Reply<Done> done);
    void alterGroupOffsets(const QString &groupId, const OffsetReset &reset,
                           Reply<PartitionOutcomes> done);

    // Replicas (replicaoperations.cpp).
    void electLeaders(ElectionType type, const std::vector<TopicPartition> &partitions,
                      Reply<PartitionOutcomes> done);
    void alterReassignments(const std::vector<ReassignmentChange> &changes,
                            Reply<PartitionOutcomes> done);
    void listReassignments(const std::vector<TopicPartition> &partitions,
                           Reply<Reassignments> done);

private:
    // Wraps a callback so that it runs at most once and is failed by shutdown() if still due;
    // a successful operation also makes the session look at the cluster again.
    template<class T>
    Reply<T> track(Reply<T> done, bool changesCluster);
    RdKafkaAdmin &admin();
    // The offsets ListOffsets gives for partitions at a timestamp (-1 latest, -2 earliest),
    // asked of each partition's leader.
    void listOffsets(const std::vector<TopicPartition> &partitions, int64_t timestamp,
                     Reply<PartitionOutcomes> done);

    SessionWorker &m_worker;
    ConnectionProfile m_profile;
    ProfileSecrets m_secrets;
    std::unique_ptr<RdKafkaAdmin> m_admin;
    std::map<quint64, std::function<void()>> m_outstanding; // id -> fail with Destroyed
    quint64 m_nextOutstanding = 1;
    bool m_closed = false;
};

} // namespace kastle::core
