// DescribeGroups (key 15), versions 0-4: state, protocol and members of groups. As in Kafka,
// members carry their metadata and assignment only while the group is Stable, and a group that
// does not exist is described as Dead without an error. v3+ may ask for the operations the
// client may perform: with no ACLs in Kastle, every group operation (READ, DELETE, DESCRIBE).
#include "grouphandlers.h"

#include "messages/describegroups.h"

#include <limits>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

// AclOperation codes: READ 3, DELETE 6, DESCRIBE 8.
constexpr int32_t kGroupOperations = (1 << 3) | (1 << 6) | (1 << 8);

void handleDescribeGroups(RequestContext &ctx)
{
    const auto req = ctx.decode<DescribeGroupsRequest>();
    DescribeGroupsResponse resp;
    GroupCoordinator &coordinator = ctx.broker->groups();
    for (const auto &id : req.groups) {
        auto &out = resp.groups.emplace_back();
        out.groupId = id;
        if (const ErrorCode e = groupRequestError(ctx, id, true); e != ErrorCode::None) {
            out.errorCode = code(e);
            continue;
        }
        if (req.includeAuthorizedOperations)
            out.authorizedOperations = kGroupOperations;
        const Group *g = coordinator.find(id);
        if (!g) {
            out.groupState = std::string(groupStateName(GroupState::Dead));
            continue;
        }
        const bool stable = g->state() == GroupState::Stable;
        out.groupState = std::string(groupStateName(g->state()));
        out.protocolType = g->protocolType();
        out.protocolData = stable ? g->protocolName() : std::string();
        for (const GroupMember *m : g->members()) {
            auto &member = out.members.emplace_back();
            member.memberId = m->memberId;
            member.groupInstanceId = m->groupInstanceId;
            member.clientId = m->clientId;
            member.clientHost = m->clientHost;
            if (stable) {
                if (const Bytes *metadata = m->metadataFor(g->protocolName()))
                    member.memberMetadata = *metadata;
                member.memberAssignment = m->assignment;
            }
        }
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler describeGroupsApi()
{
    return serve<DescribeGroupsRequest>(0, 4, &handleDescribeGroups);
}

} // namespace kastle::broker
