// Heartbeat (key 12), versions 0-3: keeps a member's session alive; REBALANCE_IN_PROGRESS
// tells it to rejoin.
#include "grouphandlers.h"

#include "messages/heartbeat.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleHeartbeat(RequestContext &ctx)
{
    const auto req = ctx.decode<HeartbeatRequest>();
    HeartbeatResponse resp;
    ErrorCode error = groupRequestError(ctx, req.groupId, false);
    if (error == ErrorCode::None) {
        GroupCoordinator &coordinator = ctx.broker->groups();
        if (Group *group = coordinator.find(req.groupId)) {
            error = group->heartbeat(req.memberId, req.groupInstanceId, req.generationId,
                                     EventLoop::monotonicMs());
            coordinator.touched(*group);
        } else {
            error = ErrorCode::UnknownMemberId;
        }
    }
    resp.errorCode = code(error);
    ctx.respond(resp);
}

} // namespace

ApiHandler heartbeatApi()
{
    return serve<HeartbeatRequest>(0, 3, &handleHeartbeat);
}

} // namespace kastle::broker
