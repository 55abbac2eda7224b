// ListOffsets (key 2), versions 0-3: a partition's earliest offset (timestamp -2), latest
// offset (-1: the high watermark) or the first offset whose record timestamp is at or after a
// given time. The time index finds the first batch whose largest timestamp is late enough; the
// records of that batch give the exact offset. v0 answers a list of at most maxNumOffsets
// offsets instead of one offset with its timestamp.
#include "handlers.h"

#include "broker.h"

#include "batchreader.h"
#include "messages/listoffsets.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr int64_t kLatest = -1;
constexpr int64_t kEarliest = -2;

struct Found
{
    ErrorCode error = ErrorCode::None;
    int64_t offset = -1;
    int64_t timestamp = -1;
};

Found lookup(Partition &partition, int64_t timestamp)
{
    PartitionLog &log = *partition.log;
    if (timestamp == kLatest)
        return {ErrorCode::None, partition.highWatermark, -1};
    if (timestamp == kEarliest)
        return {ErrorCode::None, log.logStartOffset(), -1};
    const TimestampLookup found = log.findOffsetByTimestamp(timestamp);
    if (!found.status.ok())
        return {found.status.code};
    if (!found.batch)
        return {};
    const Bytes batch = readFileRange(found.batch->range);
    RecordBatchReader reader(batch);
    RecordView record;
    while (reader.next(record)) {
        if (record.timestamp >= timestamp) {
            if (record.offset < log.logStartOffset() || record.offset >= partition.highWatermark)
                return {};
            return {ErrorCode::None, record.offset, record.timestamp};
        }
    }
    if (!reader.error().empty())
        return {ErrorCode::CorruptMessage};
    return {};
}

void handleListOffsets(RequestContext &ctx)
{
    const auto req = ctx.decode<ListOffsetsRequest>();
    const int16_t version = ctx.version();
    ListOffsetsResponse resp;
    resp.topics.reserve(req.topics.size());
    for (const auto &t : req.topics) {
        auto &topicOut = resp.topics.emplace_back();
        topicOut.name = t.name;
        for (const auto &p : t.partitions) {
            auto &out = topicOut.partitions.emplace_back();
            out.partitionIndex = p.partitionIndex;
            Partition *partition = servingPartition(ctx, t.name, p.partitionIndex, out.errorCode);
            if (!partition)
                continue;
            const Found found = lookup(*partition, p.timestamp);
            out.errorCode = code(found.error);
            if (version == 0) {
                if (found.error == ErrorCode::None && found.offset >= 0 && p.maxNumOffsets > 0)
                    out.oldStyleOffsets.push_back(found.offset);
            } else {
                out.offset = found.offset;
                out.timestamp = found.timestamp;
            }
        }
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler listOffsetsApi()
{
    return serve<ListOffsetsRequest>(0, 3, &handleListOffsets);
}

} // namespace kastle::broker
