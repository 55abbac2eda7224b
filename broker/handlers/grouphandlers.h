// The API entries of groups, idempotent producers and SASL (one handler file each), and what
// the group handlers share: the checks every group request makes before it touches a group.
#pragma once

#include "handlers.h"

#include "broker.h"
#include "groups/groupcoordinator.h"

namespace kastle::broker {

ApiHandler findCoordinatorApi();
ApiHandler joinGroupApi();
ApiHandler syncGroupApi();
ApiHandler heartbeatApi();
ApiHandler leaveGroupApi();
ApiHandler offsetCommitApi();
ApiHandler offsetFetchApi();
ApiHandler listGroupsApi();
ApiHandler describeGroupsApi();
ApiHandler deleteGroupsApi();
ApiHandler offsetDeleteApi();
ApiHandler initProducerIdApi();
ApiHandler saslHandshakeApi();
ApiHandler saslAuthenticateApi();

// The error a request about `groupId` answers with before it reaches the group: the injected
// test error, INVALID_GROUP_ID (an empty id, where the API forbids it), or the coordinator's
// NOT_COORDINATOR / COORDINATOR_LOAD_IN_PROGRESS / COORDINATOR_NOT_AVAILABLE. None otherwise.
inline protocol::ErrorCode groupRequestError(RequestContext &ctx, std::string_view groupId,
                                             bool emptyIdAllowed)
{
    if (ctx.injectedError)
        return *ctx.injectedError;
    if (groupId.empty() && !emptyIdAllowed)
        return protocol::ErrorCode::InvalidGroupId;
    return ctx.broker->groups().status(groupId);
}

// Kafka's form of a member's host: "/" and the peer address without its port.
inline std::string clientHostOf(const Connection &connection)
{
    const std::string &peer = connection.peer();
    const size_t colon = peer.rfind(':');
    return "/" + (colon == std::string::npos ? peer : peer.substr(0, colon));
}

} // namespace kastle::broker
