// Names of API keys for logs.
#include "apikeys.h"

#include <string>

namespace kastle::protocol {

std::string_view apiName(int16_t key)
{
    switch (static_cast<ApiKey>(key)) {
    case ApiKey::Produce: return "Produce";
    case ApiKey::Fetch: return "Fetch";
    case ApiKey::ListOffsets: return "ListOffsets";
    case ApiKey::Metadata: return "Metadata";
    case ApiKey::OffsetCommit: return "OffsetCommit";
    case ApiKey::OffsetFetch: return "OffsetFetch";
    case ApiKey::FindCoordinator: return "FindCoordinator";
    case ApiKey::JoinGroup: return "JoinGroup";
    case ApiKey::Heartbeat: return "Heartbeat";
    case ApiKey::LeaveGroup: return "LeaveGroup";
    case ApiKey::SyncGroup: return "SyncGroup";
    case ApiKey::DescribeGroups: return "DescribeGroups";
    case ApiKey::ListGroups: return "ListGroups";
    case ApiKey::SaslHandshake: return "SaslHandshake";
    case ApiKey::ApiVersions: return "ApiVersions";
    case ApiKey::CreateTopics: return "CreateTopics";
    case ApiKey::DeleteTopics: return "DeleteTopics";
    case ApiKey::DeleteRecords: return "DeleteRecords";
    case ApiKey::InitProducerId: return "InitProducerId";
    case ApiKey::OffsetForLeaderEpoch: return "OffsetForLeaderEpoch";
    case ApiKey::DescribeConfigs: return "DescribeConfigs";
    case ApiKey::AlterConfigs: return "AlterConfigs";
    case ApiKey::DescribeLogDirs: return "DescribeLogDirs";
    case ApiKey::SaslAuthenticate: return "SaslAuthenticate";
    case ApiKey::CreatePartitions: return "CreatePartitions";
    case ApiKey::DeleteGroups: return "DeleteGroups";
    case ApiKey::ElectLeaders: return "ElectLeaders";
    case ApiKey::IncrementalAlterConfigs: return "IncrementalAlterConfigs";
    case ApiKey::AlterPartitionReassignments: return "AlterPartitionReassignments";
    case ApiKey::ListPartitionReassignments: return "ListPartitionReassignments";
    case ApiKey::OffsetDelete: return "OffsetDelete";
    case ApiKey::DescribeCluster: return "DescribeCluster";
    }
    thread_local std::string unknown;
    unknown = "ApiKey(" + std::to_string(key) + ")";
    return unknown;
}

} // namespace kastle::protocol
