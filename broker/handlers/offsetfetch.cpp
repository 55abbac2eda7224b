// OffsetFetch (key 9), versions 0-7: a group's committed positions. A partition without a
// commit answers offset -1. v2+ may ask for every committed partition (topics null) and carry
// group-level errors at the top; v0-1 carry them on every partition. RequireStable (v7) never
// waits: Kastle has no transactional commits that could be pending.
#include "grouphandlers.h"

#include "messages/offsetfetch.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

using FetchedPartition = OffsetFetchResponse::OffsetFetchResponsePartition;

FetchedPartition describe(int32_t partition, const CommittedOffset *o)
{
    FetchedPartition out;
    out.partitionIndex = partition;
    out.committedOffset = o ? o->offset : -1;
    out.committedLeaderEpoch = o ? o->leaderEpoch : -1;
    out.metadata = o ? o->metadata : std::string();
    return out;
}

void handleOffsetFetch(RequestContext &ctx)
{
    const auto req = ctx.decode<OffsetFetchRequest>();
    const int16_t version = ctx.version();
    OffsetFetchResponse resp;
    const ErrorCode groupError = groupRequestError(ctx, req.groupId, true);
    if (groupError != ErrorCode::None) {
        if (version >= 2) {
            resp.errorCode = code(groupError);
        } else if (req.topics) {
            for (const auto &t : *req.topics) {
                auto &topicOut = resp.topics.emplace_back();
                topicOut.name = t.name;
                for (int32_t p : t.partitionIndexes) {
                    FetchedPartition out = describe(p, nullptr);
                    out.errorCode = code(groupError);
                    topicOut.partitions.push_back(std::move(out));
                }
            }
        }
        ctx.respond(resp);
        return;
    }
    const Group *group = ctx.broker->groups().find(req.groupId);
    if (!req.topics) {
        if (group) {
            for (const auto &[key, o] : group->offsets()) {
                if (resp.topics.empty() || resp.topics.back().name != key.first)
                    resp.topics.emplace_back().name = key.first;
                resp.topics.back().partitions.push_back(describe(key.second, &o));
            }
        }
    } else {
        for (const auto &t : *req.topics) {
            auto &topicOut = resp.topics.emplace_back();
            topicOut.name = t.name;
            for (int32_t p : t.partitionIndexes) {
                const CommittedOffset *o = nullptr;
                if (group) {
                    const auto it = group->offsets().find({t.name, p});
                    if (it != group->offsets().end())
                        o = &it->second;
                }
                topicOut.partitions.push_back(describe(p, o));
            }
        }
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler offsetFetchApi()
{
    return serve<OffsetFetchRequest>(0, 7, &handleOffsetFetch);
}

} // namespace kastle::broker
