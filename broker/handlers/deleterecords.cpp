// DeleteRecords (key 21), versions 0-1: moves partitions' log start offsets up (offset -1: to
// the high watermark). The new start offsets are on disk before the answer goes out.
#include "handlers.h"

#include "broker.h"

#include "messages/deleterecords.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleDeleteRecords(RequestContext &ctx)
{
    const auto req = ctx.decode<DeleteRecordsRequest>();
    Broker &broker = *ctx.broker;
    DeleteRecordsResponse resp;

    struct Pending
    {
        DeleteRecordsResponse::DeleteRecordsPartitionResult *out;
        Partition *partition;
    };
    std::vector<Pending> pending;
    std::vector<std::pair<TopicPartition, int64_t>> requests;
    resp.topics.reserve(req.topics.size());
    for (const auto &t : req.topics) {
        auto &topicOut = resp.topics.emplace_back();
        topicOut.name = t.name;
        topicOut.partitions.reserve(t.partitions.size());
        for (const auto &p : t.partitions) {
            auto &out = topicOut.partitions.emplace_back();
            out.partitionIndex = p.partitionIndex;
            out.lowWatermark = -1;
            Partition *partition = servingPartition(ctx, t.name, p.partitionIndex, out.errorCode);
            if (!partition)
                continue;
            const int64_t offset = p.offset == -1 ? partition->highWatermark : p.offset;
            if (offset < 0 || offset > partition->highWatermark) {
                out.errorCode = code(ErrorCode::OffsetOutOfRange);
                continue;
            }
            requests.emplace_back(partition->topicPartition, offset);
            pending.push_back({&out, partition});
        }
    }
    if (!requests.empty()) {
        const auto statuses = broker.logs().deleteRecords(requests);
        for (size_t i = 0; i < pending.size(); ++i) {
            pending[i].out->errorCode = code(statuses[i].code);
            pending[i].out->lowWatermark = pending[i].partition->log->logStartOffset();
        }
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler deleteRecordsApi()
{
    return serve<DeleteRecordsRequest>(0, 1, &handleDeleteRecords);
}

} // namespace kastle::broker
