// SyncGroup (key 14), versions 0-3: the leader hands out the assignments of the new generation
// and every member collects its own. Followers that arrive before the leader wait (their
// RequestContext stays in the group) until the leader's assignments are stored.
#include "grouphandlers.h"

#include "messages/syncgroup.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleSyncGroup(RequestContext &ctx)
{
    auto req = ctx.decode<SyncGroupRequest>();
    auto fail = [&ctx](ErrorCode error) {
        SyncGroupResponse resp;
        resp.errorCode = code(error);
        ctx.respond(resp);
    };
    if (const ErrorCode e = groupRequestError(ctx, req.groupId, false); e != ErrorCode::None)
        return fail(e);
    GroupCoordinator &coordinator = ctx.broker->groups();
    Group *group = coordinator.find(req.groupId);
    if (!group)
        return fail(ErrorCode::UnknownMemberId);
    std::vector<std::pair<std::string, Bytes>> assignments;
    assignments.reserve(req.assignments.size());
    for (auto &a : req.assignments)
        assignments.emplace_back(std::move(a.memberId), std::move(a.assignment));
    auto pending = std::make_shared<RequestContext>(std::move(ctx));
    group->sync(req.memberId, req.groupInstanceId, req.generationId, std::move(assignments),
                EventLoop::monotonicMs(), EventLoop::wallClockMs(),
                [pending](const SyncResult &r) {
                    SyncGroupResponse resp;
                    resp.errorCode = code(r.error);
                    resp.assignment = r.assignment;
                    pending->respond(resp);
                });
    coordinator.touched(*group);
}

} // namespace

ApiHandler syncGroupApi()
{
    return serve<SyncGroupRequest>(0, 3, &handleSyncGroup);
}

} // namespace kastle::broker
