// OffsetDelete (key 47), version 0: deletes a group's committed offsets of partitions it no
// longer consumes. A consumer group keeps the offsets of topics a member subscribes to
// (GROUP_SUBSCRIBED_TO_TOPIC); a group of another protocol type must be empty
// (NON_EMPTY_GROUP).
#include "grouphandlers.h"

#include "messages/offsetdelete.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleOffsetDelete(RequestContext &ctx)
{
    const auto req = ctx.decode<OffsetDeleteRequest>();
    OffsetDeleteResponse resp;
    auto fail = [&](ErrorCode error) {
        resp.errorCode = code(error);
        ctx.respond(resp);
    };
    if (const ErrorCode e = groupRequestError(ctx, req.groupId, true); e != ErrorCode::None)
        return fail(e);
    GroupCoordinator &coordinator = ctx.broker->groups();
    Group *group = coordinator.find(req.groupId);
    if (!group || group->state() == GroupState::Dead)
        return fail(ErrorCode::GroupIdNotFound);
    const bool consumerGroup = group->protocolType() == "consumer";
    if (!consumerGroup && group->state() != GroupState::Empty)
        return fail(ErrorCode::NonEmptyGroup);

    const ImagePtr image = ctx.broker->image();
    std::vector<OffsetKey> deletable;
    std::vector<int16_t *> deletableErrors;
    resp.topics.reserve(req.topics.size());
    for (const auto &t : req.topics) {
        auto &topicOut = resp.topics.emplace_back();
        topicOut.name = t.name;
        const TopicPtr topic = image->topics.find(t.name);
        const bool subscribed = consumerGroup && group->isSubscribedTo(t.name);
        topicOut.partitions.reserve(t.partitions.size());
        for (const auto &p : t.partitions) {
            auto &out = topicOut.partitions.emplace_back();
            out.partitionIndex = p.partitionIndex;
            if (!topic || p.partitionIndex < 0 ||
                static_cast<size_t>(p.partitionIndex) >= topic->partitions.size()) {
                out.errorCode = code(ErrorCode::UnknownTopicOrPartition);
            } else if (subscribed) {
                out.errorCode = code(ErrorCode::GroupSubscribedToTopic);
            } else if (group->offsets().count({t.name, p.partitionIndex})) {
                deletable.push_back({t.name, p.partitionIndex});
                deletableErrors.push_back(&out.errorCode);
            }
        }
    }
    const ErrorCode stored = coordinator.deleteOffsets(*group, deletable);
    if (stored != ErrorCode::None)
        for (int16_t *e : deletableErrors)
            *e = code(stored);
    coordinator.touched(*group);
    ctx.respond(resp);
}

} // namespace

ApiHandler offsetDeleteApi()
{
    return serve<OffsetDeleteRequest>(0, 0, &handleOffsetDelete);
}

} // namespace kastle::broker
