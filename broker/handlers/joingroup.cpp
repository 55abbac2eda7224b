// JoinGroup (key 11), versions 0-5: a member joins (or rejoins) a group. The answer waits for
// the rebalance: the handler keeps its RequestContext in the group's callback and responds
// when the group completes the join (see groups/group.h). v4+ members without an id first get
// MEMBER_ID_REQUIRED with the id to come back with; v5 brings static membership.
#include "grouphandlers.h"

#include "messages/joingroup.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleJoinGroup(RequestContext &ctx)
{
    auto req = ctx.decode<JoinGroupRequest>();
    const int16_t version = ctx.version();
    auto fail = [&ctx](ErrorCode error, std::string memberId) {
        JoinGroupResponse resp;
        resp.errorCode = code(error);
        resp.memberId = std::move(memberId);
        ctx.respond(resp);
    };
    if (const ErrorCode e = groupRequestError(ctx, req.groupId, false); e != ErrorCode::None)
        return fail(e, req.memberId);
    GroupCoordinator &coordinator = ctx.broker->groups();
    const GroupConfig &config = coordinator.config();
    if (req.sessionTimeoutMs < config.minSessionTimeoutMs ||
        req.sessionTimeoutMs > config.maxSessionTimeoutMs)
        return fail(ErrorCode::InvalidSessionTimeout, req.memberId);
    if (req.groupInstanceId && req.groupInstanceId->empty())
        return fail(ErrorCode::InvalidRequest, req.memberId);
    size_t metadataBytes = 0;
    for (const auto &p : req.protocols)
        metadataBytes += p.name.size() + p.metadata.size();
    if (metadataBytes > config.maxMemberMetadataBytes)
        return fail(ErrorCode::MessageTooLarge, req.memberId);

    Group *group = coordinator.find(req.groupId);
    if (!group && !req.memberId.empty())
        return fail(ErrorCode::UnknownMemberId, req.memberId);
    if (!group)
        group = &coordinator.findOrCreate(req.groupId);

    JoinRequestData data;
    data.memberId = std::move(req.memberId);
    data.groupInstanceId = std::move(req.groupInstanceId);
    data.clientId = ctx.header.clientId.value_or(std::string());
    data.clientHost = clientHostOf(*ctx.connection);
    data.sessionTimeoutMs = req.sessionTimeoutMs;
    data.rebalanceTimeoutMs = version >= 1 ? req.rebalanceTimeoutMs : req.sessionTimeoutMs;
    data.protocolType = std::move(req.protocolType);
    data.protocols.reserve(req.protocols.size());
    for (auto &p : req.protocols)
        data.protocols.push_back({std::move(p.name), std::move(p.metadata)});
    data.requireKnownMemberId = version >= 4;

    auto pending = std::make_shared<RequestContext>(std::move(ctx));
    group->join(std::move(data), EventLoop::monotonicMs(), EventLoop::wallClockMs(),
                [pending](const JoinResult &r) {
                    JoinGroupResponse resp;
                    resp.errorCode = code(r.error);
                    resp.generationId = r.generation;
                    resp.protocolName = r.protocolName;
                    resp.leader = r.leader;
                    resp.memberId = r.memberId;
                    resp.members.reserve(r.members.size());
                    for (const auto &m : r.members)
                        resp.members.push_back({m.memberId, m.groupInstanceId, m.metadata});
                    pending->respond(resp);
                });
    coordinator.touched(*group);
}

} // namespace

ApiHandler joinGroupApi()
{
    return serve<JoinGroupRequest>(0, 5, &handleJoinGroup);
}

} // namespace kastle::broker
