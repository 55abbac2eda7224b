// ListGroups (key 16), versions 0-4: the groups this broker coordinates, with their protocol
// type and (v4) state, optionally only those in the requested states (case-insensitive). While
// a partition of the offsets topic is still loading, the answer says so
// (COORDINATOR_LOAD_IN_PROGRESS) next to the groups already loaded.
#include "grouphandlers.h"

#include "messages/listgroups.h"

#include <algorithm>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleListGroups(RequestContext &ctx)
{
    const auto req = ctx.decode<ListGroupsRequest>();
    ListGroupsResponse resp;
    if (ctx.injectedError) {
        resp.errorCode = code(*ctx.injectedError);
        ctx.respond(resp);
        return;
    }
    std::vector<GroupState> wanted;
    for (const auto &name : req.statesFilter)
        if (const auto s = parseGroupState(name))
            wanted.push_back(*s);
    const bool filtered = !req.statesFilter.empty();
    GroupCoordinator &coordinator = ctx.broker->groups();
    for (const Group *g : coordinator.groups()) {
        if (g->state() == GroupState::Dead)
            continue;
        if (filtered && std::find(wanted.begin(), wanted.end(), g->state()) == wanted.end())
            continue;
        resp.groups.push_back(
            {g->id(), g->protocolType(), std::string(groupStateName(g->state()))});
    }
    std::sort(resp.groups.begin(), resp.groups.end(),
              [](const auto &a, const auto &b) { return a.groupId < b.groupId; });
    if (coordinator.isLoading())
        resp.errorCode = code(ErrorCode::CoordinatorLoadInProgress);
    ctx.respond(resp);
}

} // namespace

ApiHandler listGroupsApi()
{
    return serve<ListGroupsRequest>(0, 4, &handleListGroups);
}

} // namespace kastle::broker
