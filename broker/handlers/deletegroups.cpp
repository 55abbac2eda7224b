// DeleteGroups (key 42), versions 0-1: deletes groups without members, with their committed
// offsets (tombstones in __consumer_offsets). A group with members answers NON_EMPTY_GROUP,
// an unknown one GROUP_ID_NOT_FOUND.
#include "grouphandlers.h"

#include "messages/deletegroups.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleDeleteGroups(RequestContext &ctx)
{
    const auto req = ctx.decode<DeleteGroupsRequest>();
    DeleteGroupsResponse resp;
    GroupCoordinator &coordinator = ctx.broker->groups();
    for (const auto &id : req.groupsNames) {
        auto &out = resp.results.emplace_back();
        out.groupId = id;
        ErrorCode error = groupRequestError(ctx, id, true);
        if (error == ErrorCode::None) {
            Group *g = coordinator.find(id);
            if (!g || g->state() == GroupState::Dead)
                error = ErrorCode::GroupIdNotFound;
            else if (g->state() != GroupState::Empty)
                error = ErrorCode::NonEmptyGroup;
            else
                error = coordinator.deleteGroup(*g); // g is gone afterwards
        }
        out.errorCode = code(error);
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler deleteGroupsApi()
{
    return serve<DeleteGroupsRequest>(0, 1, &handleDeleteGroups);
}

} // namespace kastle::broker
