// Every API this project describes, as a compile-time list of (Request, Response) pairs.
//
// `forEachApi` calls a generic callable once per pair, which is how the registry, the tests and
// a dispatcher reach every message type without listing them again:
//
//   forEachApi([](auto api) {
//       using Req = typename decltype(api)::Request;
//       ...
//   });
//
// `visitApi(key, f)` calls f for the one pair with that api key (false when there is none).
#pragma once

#include "messages/alterconfigs.h"
#include "messages/alterpartitionreassignments.h"
#include "messages/apiversions.h"
#include "messages/createpartitions.h"
#include "messages/createtopics.h"
#include "messages/deletegroups.h"
#include "messages/deleterecords.h"
#include "messages/deletetopics.h"
#include "messages/describecluster.h"
#include "messages/describeconfigs.h"
#include "messages/describegroups.h"
#include "messages/describelogdirs.h"
#include "messages/electleaders.h"
#include "messages/fetch.h"
#include "messages/findcoordinator.h"
#include "messages/heartbeat.h"
#include "messages/incrementalalterconfigs.h"
#include "messages/initproducerid.h"
#include "messages/joingroup.h"
#include "messages/leavegroup.h"
#include "messages/listgroups.h"
#include "messages/listoffsets.h"
#include "messages/listpartitionreassignments.h"
#include "messages/metadata.h"
#include "messages/offsetcommit.h"
#include "messages/offsetdelete.h"
#include "messages/offsetfetch.h"
#include "messages/produce.h"
#include "messages/saslauthenticate.h"
#include "messages/saslhandshake.h"
#include "messages/syncgroup.h"

#include <tuple>

namespace kastle::protocol {

template<class Req, class Resp>
struct ApiPair
{
    using Request = Req;
    using Response = Resp;
    static constexpr ApiKey apiKey = Req::apiKey;
    static constexpr Versions versions = Req::versions;
    static constexpr int16_t flexibleFrom = Req::flexibleFrom;

    // Kafka moves both directions of an API in step; a description that does not is a typo.
    static_assert(Req::apiKey == Resp::apiKey);
    static_assert(Req::versions == Resp::versions);
    static_assert(Req::flexibleFrom == Resp::flexibleFrom);
};

using AllApis = std::tuple<
    ApiPair<ProduceRequest, ProduceResponse>, ApiPair<FetchRequest, FetchResponse>,
    ApiPair<ListOffsetsRequest, ListOffsetsResponse>, ApiPair<MetadataRequest, MetadataResponse>,
    ApiPair<OffsetCommitRequest, OffsetCommitResponse>,
    ApiPair<OffsetFetchRequest, OffsetFetchResponse>,
    ApiPair<FindCoordinatorRequest, FindCoordinatorResponse>,
    ApiPair<JoinGroupRequest, JoinGroupResponse>, ApiPair<HeartbeatRequest, HeartbeatResponse>,
    ApiPair<LeaveGroupRequest, LeaveGroupResponse>, ApiPair<SyncGroupRequest, SyncGroupResponse>,
    ApiPair<DescribeGroupsRequest, DescribeGroupsResponse>,
    ApiPair<ListGroupsRequest, ListGroupsResponse>,
    ApiPair<SaslHandshakeRequest, SaslHandshakeResponse>,
    ApiPair<ApiVersionsRequest, ApiVersionsResponse>,
    ApiPair<CreateTopicsRequest, CreateTopicsResponse>,
    ApiPair<DeleteTopicsRequest, DeleteTopicsResponse>,
    ApiPair<DeleteRecordsRequest, DeleteRecordsResponse>,
    ApiPair<InitProducerIdRequest, InitProducerIdResponse>,
    ApiPair<DescribeConfigsRequest, DescribeConfigsResponse>,
    ApiPair<AlterConfigsRequest, AlterConfigsResponse>,
    ApiPair<DescribeLogDirsRequest, DescribeLogDirsResponse>,
    ApiPair<SaslAuthenticateRequest, SaslAuthenticateResponse>,
    ApiPair<CreatePartitionsRequest, CreatePartitionsResponse>,
    ApiPair<DeleteGroupsRequest, DeleteGroupsResponse>,
    ApiPair<ElectLeadersRequest, ElectLeadersResponse>,
    ApiPair<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>,
    ApiPair<AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse>,
    ApiPair<ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse>,
    ApiPair<OffsetDeleteRequest, OffsetDeleteResponse>,
    ApiPair<DescribeClusterRequest, DescribeClusterResponse>>;

inline constexpr size_t kApiCount = std::tuple_size_v<AllApis>;

template<class F>
constexpr void forEachApi(F &&f)
{
    std::apply([&](auto... api) { (f(api), ...); }, AllApis{});
}

template<class F>
bool visitApi(int16_t key, F &&f)
{
    bool found = false;
    forEachApi([&](auto api) {
        if (!found && static_cast<int16_t>(decltype(api)::apiKey) == key) {
            found = true;
            f(api);
        }
    });
    return found;
}

} // namespace kastle::protocol
