// LeaveGroup (key 13), versions 0-3: members leave a group, which rebalances without them.
// v3 takes a batch of members (static members by instance id) and answers each one; v0-2 name
// one member and carry its error at the top level.
#include "grouphandlers.h"

#include "messages/leavegroup.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleLeaveGroup(RequestContext &ctx)
{
    const auto req = ctx.decode<LeaveGroupRequest>();
    const int16_t version = ctx.version();
    LeaveGroupResponse resp;
    std::vector<LeaveGroupRequest::MemberIdentity> leaving = req.members;
    if (version < 3)
        leaving = {{req.memberId, std::nullopt}};

    const ErrorCode groupError = groupRequestError(ctx, req.groupId, false);
    if (groupError != ErrorCode::None) {
        resp.errorCode = code(groupError);
        ctx.respond(resp);
        return;
    }
    GroupCoordinator &coordinator = ctx.broker->groups();
    Group *group = coordinator.find(req.groupId);
    for (const auto &m : leaving) {
        LeaveGroupResponse::MemberResponse out;
        out.memberId = m.memberId;
        out.groupInstanceId = m.groupInstanceId;
        ErrorCode error = ErrorCode::UnknownMemberId;
        if (group)
            error = group->leave(m.memberId, m.groupInstanceId, EventLoop::monotonicMs(),
                                 EventLoop::wallClockMs());
        out.errorCode = code(error);
        resp.members.push_back(std::move(out));
    }
    if (group)
        coordinator.touched(*group);
    if (version < 3)
        resp.errorCode = resp.members.front().errorCode;
    ctx.respond(resp);
}

} // namespace

ApiHandler leaveGroupApi()
{
    return serve<LeaveGroupRequest>(0, 3, &handleLeaveGroup);
}

} // namespace kastle::broker
