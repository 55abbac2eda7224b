// OffsetCommit (key 8), versions 0-7: a group stores its positions in __consumer_offsets. A
// member of the current generation commits; so may a consumer that manages its partitions
// itself (assign()): generation -1 and no member id, on a group without members. v2-4 may ask
// for a retention of their own; v1 may give the commit time.
#include "grouphandlers.h"

#include "messages/offsetcommit.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

// What a client is told when the record could not be stored (Kafka's mapping).
ErrorCode commitStorageError(ErrorCode error)
{
    switch (error) {
    case ErrorCode::UnknownTopicOrPartition:
    case ErrorCode::NotEnoughReplicas:
    case ErrorCode::NotEnoughReplicasAfterAppend:
    case ErrorCode::RequestTimedOut:
    case ErrorCode::KafkaStorageError:
        return ErrorCode::CoordinatorNotAvailable;
    case ErrorCode::NotLeaderOrFollower:
        return ErrorCode::NotCoordinator;
    case ErrorCode::MessageTooLarge:
    case ErrorCode::RecordListTooLarge:
    case ErrorCode::InvalidFetchSize:
        return ErrorCode::InvalidCommitOffsetSize;
    default:
        return error;
    }
}

void handleOffsetCommit(RequestContext &ctx)
{
    const auto req = ctx.decode<OffsetCommitRequest>();
    const int16_t version = ctx.version();
    OffsetCommitResponse resp;
    resp.topics.reserve(req.topics.size());
    for (const auto &t : req.topics) {
        auto &topicOut = resp.topics.emplace_back();
        topicOut.name = t.name;
        for (const auto &p : t.partitions)
            topicOut.partitions.push_back({p.partitionIndex, 0});
    }
    auto failAll = [&](ErrorCode error) {
        for (auto &t : resp.topics)
            for (auto &p : t.partitions)
                p.errorCode = code(error);
        ctx.respond(resp);
    };

    if (const ErrorCode e = groupRequestError(ctx, req.groupId, true); e != ErrorCode::None)
        return failAll(e);
    GroupCoordinator &coordinator = ctx.broker->groups();
    const int64_t now = EventLoop::monotonicMs();
    const int64_t wall = EventLoop::wallClockMs();
    Group *group = coordinator.find(req.groupId);
    if (!group) {
        if (req.generationIdOrMemberEpoch >= 0)
            return failAll(ErrorCode::IllegalGeneration);
        group = &coordinator.findOrCreate(req.groupId);
    } else if (const ErrorCode e = group->checkCommit(req.memberId, req.groupInstanceId,
                                                      req.generationIdOrMemberEpoch, now);
               e != ErrorCode::None) {
        coordinator.touched(*group);
        return failAll(e);
    }

    const ImagePtr image = ctx.broker->image();
    const int32_t metadataLimit = coordinator.config().offsetMetadataMaxBytes;
    const bool customRetention = version >= 2 && version <= 4 && req.retentionTimeMs >= 0;
    std::vector<std::pair<OffsetKey, CommittedOffset>> accepted;
    std::vector<int16_t *> acceptedErrors;
    for (size_t ti = 0; ti < req.topics.size(); ++ti) {
        const auto &t = req.topics[ti];
        const TopicPtr topic = image->topics.find(t.name);
        for (size_t pi = 0; pi < t.partitions.size(); ++pi) {
            const auto &p = t.partitions[pi];
            int16_t &error = resp.topics[ti].partitions[pi].errorCode;
            if (!topic || p.partitionIndex < 0 ||
                static_cast<size_t>(p.partitionIndex) >= topic->partitions.size()) {
                error = code(ErrorCode::UnknownTopicOrPartition);
                continue;
            }
            const std::string metadata = p.committedMetadata.value_or(std::string());
            if (static_cast<int64_t>(metadata.size()) > metadataLimit) {
                error = code(ErrorCode::OffsetMetadataTooLarge);
                continue;
            }
            CommittedOffset o;
            o.offset = p.committedOffset;
            o.leaderEpoch = p.committedLeaderEpoch;
            o.metadata = metadata;
            o.commitTimestamp = version == 1 && p.commitTimestamp >= 0 ? p.commitTimestamp : wall;
            if (customRetention)
                o.expireTimestamp = wall + req.retentionTimeMs;
            accepted.push_back({{t.name, p.partitionIndex}, std::move(o)});
            acceptedErrors.push_back(&error);
        }
    }
    if (!accepted.empty()) {
        const ErrorCode stored = coordinator.commitOffsets(*group, accepted);
        if (stored != ErrorCode::None)
            for (int16_t *e : acceptedErrors)
                *e = code(commitStorageError(stored));
    }
    coordinator.touched(*group);
    ctx.respond(resp);
}

} // namespace

ApiHandler offsetCommitApi()
{
    return serve<OffsetCommitRequest>(0, 7, &handleOffsetCommit);
}

} // namespace kastle::broker
