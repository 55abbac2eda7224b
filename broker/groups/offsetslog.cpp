// Reading and writing the offsets topic through the broker's partition logs.
#include "offsetslog.h"

#include "offsetsrecords.h"

#include "broker.h"
#include "log.h"

#include "batchbuilder.h"
#include "batchreader.h"

namespace kastle::broker {

using namespace kastle::protocol;

OffsetsLog::OffsetsLog(Broker &broker)
    : m_broker(broker)
{}

ErrorCode OffsetsLog::append(int32_t partitionIndex, const std::vector<Entry> &entries,
                             int64_t nowMs)
{
    if (entries.empty())
        return ErrorCode::None;
    ErrorCode error = ErrorCode::None;
    Partition *partition = m_broker.leaderPartition(kOffsetsTopic, partitionIndex, error);
    if (!partition)
        return error == ErrorCode::UnknownTopicOrPartition ? ErrorCode::NotCoordinator : error;

    size_t next = 0;
    while (next < entries.size()) {
        RecordBatchBuilder builder;
        size_t bytes = 0;
        while (next < entries.size()) {
            const Entry &e = entries[next];
            const size_t size = e.key.size() + (e.value ? e.value->size() : 0) + 24;
            if (builder.recordCount() > 0 && bytes + size > kMaxBatchBytes)
                break;
            NewRecord r;
            r.timestamp = nowMs;
            r.key = e.key;
            r.value = e.value;
            builder.append(std::move(r));
            bytes += size;
            ++next;
        }
        CodecResult batch = builder.build();
        if (!batch.ok()) {
            KLOG_ERROR("groups", "cannot build an offsets batch: " + batch.error);
            return ErrorCode::UnknownServerError;
        }
        const AppendResult result =
            partition->log->append(batch.bytes, partition->leaderEpoch, nowMs);
        if (!result.status.ok()) {
            KLOG_ERROR("groups", "append to " + partition->topicPartition.dirName() +
                                     " failed: " + result.status.message);
            return result.status.code;
        }
        m_broker.onAppended(*partition, static_cast<int64_t>(batch.bytes.size()));
    }
    return ErrorCode::None;
}

OffsetsLog::ReadStep OffsetsLog::read(int32_t partitionIndex, int64_t offset, int64_t maxBytes,
                                      const std::function<void(const RecordView &)> &apply)
{
    ReadStep step;
    step.nextOffset = offset;
    ErrorCode error = ErrorCode::None;
    Partition *partition = m_broker.leaderPartition(kOffsetsTopic, partitionIndex, error);
    if (!partition) {
        step.error = error;
        return step;
    }
    const int64_t end = partition->highWatermark;
    if (offset >= end) {
        step.atEnd = true;
        return step;
    }
    const ReadResult read = partition->log->read(offset, maxBytes, end, true);
    if (!read.status.ok()) {
        step.error = read.status.code;
        return step;
    }
    Bytes data;
    try {
        for (const auto &range : read.ranges) {
            Bytes piece = readFileRange(range);
            data.insert(data.end(), piece.begin(), piece.end());
        }
    } catch (const std::exception &e) {
        KLOG_ERROR("groups", "reading " + partition->topicPartition.dirName() + ": " + e.what());
        step.error = ErrorCode::KafkaStorageError;
        return step;
    }
    BatchIterator it(data);
    ByteView batch;
    bool progressed = false;
    while (it.next(batch)) {
        const auto header = readBatchHeader(batch);
        if (!header || header->magic != 2)
            break;
        step.bytes += static_cast<int64_t>(batch.size());
        progressed = true;
        if (header->lastOffset() < offset)
            continue;
        if (!header->isControl()) {
            RecordBatchReader reader(batch);
            RecordView record;
            while (reader.next(record))
                if (record.offset >= offset)
                    apply(record);
            if (!reader.error().empty())
                KLOG_WARN("groups", "skipping the rest of a damaged batch in " +
                                        partition->topicPartition.dirName() + ": " +
                                        reader.error());
        }
        step.nextOffset = header->lastOffset() + 1;
    }
    if (!progressed) {
        // Nothing whole came back below the end: the log is not readable as it should be.
        KLOG_ERROR("groups", "no whole batch at offset " + std::to_string(offset) + " of " +
                                 partition->topicPartition.dirName());
        step.error = ErrorCode::CorruptMessage;
        return step;
    }
    step.atEnd = step.nextOffset >= end;
    return step;
}

int64_t OffsetsLog::logStartOffset(int32_t partitionIndex)
{
    ErrorCode error = ErrorCode::None;
    Partition *partition = m_broker.leaderPartition(kOffsetsTopic, partitionIndex, error);
    return partition ? partition->log->logStartOffset() : -1;
}

ErrorCode OffsetsLog::rewrite(int32_t partitionIndex, const std::vector<Entry> &live,
                              int64_t nowMs)
{
    ErrorCode error = ErrorCode::None;
    Partition *partition = m_broker.leaderPartition(kOffsetsTopic, partitionIndex, error);
    if (!partition)
        return error;
    const int64_t start = partition->log->logEndOffset();
    if (const ErrorCode e = append(partitionIndex, live, nowMs); e != ErrorCode::None)
        return e;
    const auto statuses = m_broker.logs().deleteRecords({{partition->topicPartition, start}});
    if (!statuses.front().ok()) {
        KLOG_WARN("groups", "cannot drop the records before offset " + std::to_string(start) +
                                " of " + partition->topicPartition.dirName() + ": " +
                                statuses.front().message);
        return statuses.front().code;
    }
    return ErrorCode::None;
}

} // namespace kastle::broker
