// Appends, reads, lookups and deletions of one partition log (see partitionlog.h); opening and
// recovery are in partitionlogload.cpp.
#include "partitionlog.h"

#include "fileio.h"
#include "log.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace kastle::broker {

using protocol::ErrorCode;
namespace layout = protocol::batchlayout;

namespace {

// Splits `bytes` into v2 batches, checking only the framing. Fails on anything else.
StorageStatus frameBatches(std::span<const uint8_t> bytes, std::vector<BatchMeta> &metas,
                           std::vector<int32_t> *epochs, int64_t &recordCount)
{
    if (bytes.empty())
        return StorageStatus::failure(ErrorCode::CorruptMessage, "no batches to append");
    size_t pos = 0;
    while (pos < bytes.size()) {
        const auto rest = bytes.subspan(pos);
        const auto header = protocol::readBatchHeader(rest);
        if (!header)
            return StorageStatus::failure(ErrorCode::CorruptMessage,
                                          "a partial batch header at byte " + std::to_string(pos));
        if (header->magic != 2)
            return StorageStatus::failure(ErrorCode::UnsupportedForMessageFormat,
                                          "storage keeps only v2 batches, got magic " +
                                              std::to_string(header->magic));
        if (header->batchLength < int32_t{layout::kHeaderSize - layout::kLogOverhead} ||
            header->totalSize() > static_cast<int64_t>(rest.size()) || header->lastOffsetDelta < 0)
            return StorageStatus::failure(ErrorCode::CorruptMessage,
                                          "batch at byte " + std::to_string(pos) +
                                              " has an impossible length or offset delta");
        metas.push_back(
            {header->baseOffset, header->lastOffset(), header->maxTimestamp, header->totalSize()});
        if (epochs)
            epochs->push_back(header->partitionLeaderEpoch);
        recordCount += header->recordsCount;
        pos += static_cast<size_t>(header->totalSize());
    }
    return {};
}

} // namespace

PartitionLog::PartitionLog(LogContext &context, std::string dir, TopicPartition tp,
                           std::shared_ptr<const LogConfig> config)
    : m_context(context)
    , m_dir(std::move(dir))
    , m_tp(std::move(tp))
    , m_config(std::move(config))
    , m_epochs(m_dir + '/' + std::string(LeaderEpochCache::kFileName))
    , m_durable(std::make_shared<DurableOffset>(0))
{}

PartitionLog::~PartitionLog() = default;

std::vector<int64_t> PartitionLog::segmentBaseOffsets() const
{
    std::vector<int64_t> bases;
    bases.reserve(m_segments.size());
    for (const auto &s : m_segments)
        bases.push_back(s->baseOffset());
    return bases;
}

size_t PartitionLog::segmentFor(int64_t offset) const
{
    const auto it = std::upper_bound(
        m_segments.begin(), m_segments.end(), offset,
        [](int64_t o, const std::unique_ptr<Segment> &s) { return o < s->baseOffset(); });
    return it == m_segments.begin() ? 0 : static_cast<size_t>(it - m_segments.begin()) - 1;
}

void PartitionLog::persistEpochs()
{
    const StorageStatus status = m_epochs.persist();
    if (!status.ok())
        KLOG_WARN("storage", status.message);
}

AppendResult PartitionLog::append(std::span<uint8_t> batches, int32_t leaderEpoch,
                                  int64_t appendTimeMs)
{
    std::vector<BatchMeta> metas;
    int64_t records = 0;
    if (StorageStatus s = frameBatches(batches, metas, nullptr, records); !s.ok())
        return {std::move(s)};
    int64_t next = m_logEndOffset;
    size_t pos = 0;
    for (BatchMeta &m : metas) {
        const auto batch = batches.subspan(pos, static_cast<size_t>(m.size));
        protocol::patchBaseOffset(batch, next);
        if (leaderEpoch >= 0)
            protocol::patchLeaderEpoch(batch, leaderEpoch);
        m.lastOffset = next + (m.lastOffset - m.baseOffset);
        m.baseOffset = next;
        next = m.lastOffset + 1;
        pos += static_cast<size_t>(m.size);
    }
    if (leaderEpoch >= 0 && m_epochs.assign(leaderEpoch, metas.front().baseOffset))
        persistEpochs();
    return write(batches, metas, records, appendTimeMs);
}

AppendResult PartitionLog::appendReplicated(std::span<uint8_t> batches, int64_t appendTimeMs)
{
    std::vector<BatchMeta> metas;
    std::vector<int32_t> epochs;
    int64_t records = 0;
    if (StorageStatus s = frameBatches(batches, metas, &epochs, records); !s.ok())
        return {std::move(s)};
    int64_t next = m_logEndOffset;
    for (const BatchMeta &m : metas) {
        if (m.baseOffset < next)
            return {StorageStatus::failure(ErrorCode::OffsetOutOfRange,
                                           "replicated batch at offset " +
                                               std::to_string(m.baseOffset) + " is below " +
                                               std::to_string(next))};
        next = m.lastOffset + 1;
    }
    bool changed = false;
    for (size_t i = 0; i < metas.size(); ++i)
        changed = m_epochs.assign(epochs[i], metas[i].baseOffset) || changed;
    if (changed)
        persistEpochs();
    return write(batches, metas, records, appendTimeMs);
}

bool PartitionLog::shouldRoll(int64_t appendBytes, int64_t lastOffset, int64_t appendTimeMs) const
{
    const Segment &active = *m_segments.back();
    if (active.size() == 0)
        return false;
    return active.size() + appendBytes > m_config->segmentBytes ||
           appendTimeMs - active.rollBaseTimeMs() > m_config->segmentMs ||
           lastOffset - active.baseOffset() > INT32_MAX;
}

AppendResult PartitionLog::write(std::span<uint8_t> batches, const std::vector<BatchMeta> &metas,
                                 int64_t recordCount, int64_t appendTimeMs)
{
    AppendResult result;
    if (shouldRoll(static_cast<int64_t>(batches.size()), metas.back().lastOffset, appendTimeMs)) {
        result.status = roll();
        if (!result.status.ok())
            return result;
    }
    Segment &active = *m_segments.back();
    const int64_t position = active.size();
    result.status = active.append(batches, metas, appendTimeMs);
    if (!result.status.ok())
        return result;
    m_logEndOffset = active.nextOffset();
    m_sizeBytes += static_cast<int64_t>(batches.size());
    m_context.noteChange();
    result.baseOffset = metas.front().baseOffset;
    result.lastOffset = metas.back().lastOffset;
    result.logStartOffset = m_logStartOffset;
    result.segmentBaseOffset = active.baseOffset();
    result.position = position;
    result.recordCount = recordCount;
    if (m_logEndOffset - recoveryPoint() >= m_config->flushMessages) {
        StorageStatus flushed = flush(appendTimeMs);
        if (!flushed.ok())
            result.status = std::move(flushed);
    }
    return result;
}

ReadResult PartitionLog::read(int64_t fetchOffset, int64_t maxBytes, int64_t upperBoundOffset,
                              bool minOneBatch)
{
    ReadResult result;
    result.logStartOffset = m_logStartOffset;
    result.logEndOffset = m_logEndOffset;
    if (fetchOffset < m_logStartOffset || fetchOffset > m_logEndOffset) {
        result.status = StorageStatus::failure(
            ErrorCode::OffsetOutOfRange, "offset " + std::to_string(fetchOffset) + " is outside [" +
                                             std::to_string(m_logStartOffset) + ", " +
                                             std::to_string(m_logEndOffset) + "]");
        return result;
    }
    const int64_t upper = std::min(upperBoundOffset, m_logEndOffset);
    if (fetchOffset >= upper)
        return result;
    int64_t remaining = std::max<int64_t>(maxBytes, 0);
    bool first = true;
    for (size_t i = segmentFor(fetchOffset); i < m_segments.size(); ++i) {
        Segment &segment = *m_segments[i];
        if (segment.baseOffset() >= upper || (!first && remaining <= 0))
            break;
        int64_t start = 0;
        int64_t firstBatchSize = 0;
        if (first) {
            const auto found = segment.findBatch(fetchOffset, result.status);
            if (!result.status.ok())
                return result;
            if (!found)
                continue; // fetchOffset lies in a gap after this segment's last batch
            start = found->position;
            firstBatchSize = found->header.totalSize();
            if (found->header.baseOffset >= upper)
                break;
        }
        // The end: the batch holding `upper` when it is in this segment, else the segment end.
        int64_t end = segment.size();
        const bool upperInside = i + 1 < m_segments.size() ? upper < m_segments[i + 1]->baseOffset()
                                                           : upper < m_logEndOffset;
        if (upperInside) {
            const auto bound = segment.findBatch(upper, result.status);
            if (!result.status.ok())
                return result;
            if (bound)
                end = bound->position;
        }
        const int64_t available = end - start;
        if (available <= 0)
            break;
        int64_t take = std::min(available, remaining);
        if (first && minOneBatch)
            take = std::max(take, std::min(firstBatchSize, available));
        else if (first && take < std::min(firstBatchSize, available))
            break; // a piece of the first batch alone is of no use to the reader
        first = false;
        if (take <= 0)
            break;
        const SharedFile file = segment.file(result.status);
        if (!file)
            return result;
        result.ranges.push_back(protocol::FileRange{file->fd(), start, take, file});
        result.bytes += take;
        remaining -= take;
        if (take < available)
            break;
    }
    return result;
}

TimestampLookup PartitionLog::locate(Segment &segment, const FoundBatch &found)
{
    TimestampLookup result;
    const SharedFile file = segment.file(result.status);
    if (!file)
        return result;
    result.batch = BatchLocation{
        found.header.baseOffset, found.header.lastOffset(), found.header.maxTimestamp,
        protocol::FileRange{file->fd(), found.position, found.header.totalSize(), file}};
    return result;
}

TimestampLookup PartitionLog::findOffsetByTimestamp(int64_t timestamp)
{
    TimestampLookup result;
    for (size_t i = segmentFor(m_logStartOffset); i < m_segments.size(); ++i) {
        Segment &segment = *m_segments[i];
        const int64_t largest = segment.largestTimestamp(result.status);
        if (!result.status.ok())
            return result;
        if (largest < timestamp)
            continue;
        const auto found = segment.findByTimestamp(timestamp, m_logStartOffset, result.status);
        if (!result.status.ok())
            return result;
        if (found)
            return locate(segment, *found);
    }
    return result;
}

TimestampLookup PartitionLog::findMaxTimestamp()
{
    TimestampLookup result;
    int64_t best = -1;
    size_t bestSegment = 0;
    for (size_t i = segmentFor(m_logStartOffset); i < m_segments.size(); ++i) {
        const int64_t largest = m_segments[i]->largestTimestamp(result.status);
        if (!result.status.ok())
            return result;
        if (largest > best) {
            best = largest;
            bestSegment = i;
        }
    }
    if (best < 0)
        return result;
    Segment &segment = *m_segments[bestSegment];
    const auto found = segment.findByTimestamp(best, m_logStartOffset, result.status);
    if (!result.status.ok() || !found)
        return result;
    return locate(segment, *found);
}

StorageStatus PartitionLog::startSegment(int64_t baseOffset)
{
    // The segment joins the list even when its file cannot be created yet (the next append
    // tries again), so the list is never empty.
    m_segments.push_back(std::make_unique<Segment>(m_context, m_dir, baseOffset, 0,
                                                   m_config->indexIntervalBytes, true));
    if (baseOffset == 0)
        return {}; // an empty directory already means "empty log at 0"; the file comes with data
    m_dirSyncNeeded = true;
    StorageStatus status;
    m_segments.back()->file(status, true);
    return status;
}

StorageStatus PartitionLog::roll()
{
    Segment &old = *m_segments.back();
    if (old.size() == 0)
        return {};
    StorageStatus status = old.seal();
    if (!status.ok())
        return status;
    status = startSegment(m_logEndOffset);
    if (!status.ok())
        return status;
    m_context.noteChange();
    // The rolled segment goes to disk in the background; then the recovery point moves past it.
    std::vector<std::string> paths = {old.path(fileio::kLogSuffix), old.path(fileio::kIndexSuffix),
                                      old.path(fileio::kTimeIndexSuffix), m_epochs.path()};
    m_context.io().post([paths = std::move(paths), dir = m_dir, durable = m_durable,
                         generation = m_durable->generation(), upTo = m_logEndOffset] {
        bool ok = true;
        for (const std::string &p : paths)
            if (!fileio::fsyncPath(p, false) && errno != ENOENT) {
                KLOG_ERROR("storage", fileio::errorText("cannot fsync", p, errno));
                ok = false;
            }
        if (!fileio::fsyncPath(dir, true) && errno != ENOENT)
            ok = false;
        if (ok)
            durable->raise(upTo, generation);
    });
    m_dirSyncNeeded = false;
    return {};
}

StorageStatus PartitionLog::flush(int64_t nowMs)
{
    m_lastFlushMs = nowMs;
    const int64_t durable = recoveryPoint();
    if (durable >= m_logEndOffset && !m_dirSyncNeeded)
        return {};
    const uint64_t generation = m_durable->generation();
    // Every segment holding data at or above the recovery point (usually just the active one).
    for (size_t i = segmentFor(std::max(durable, m_logStartOffset)); i < m_segments.size(); ++i) {
        StorageStatus status;
        const SharedFile file = m_segments[i]->file(status);
        if (!file)
            return status;
        if (::fsync(file->fd()) != 0)
            return StorageStatus::failure(
                ErrorCode::KafkaStorageError,
                fileio::errorText("cannot fsync", m_segments[i]->path(fileio::kLogSuffix), errno));
    }
    if (m_dirSyncNeeded) {
        if (!fileio::fsyncPath(m_dir, true))
            return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                          fileio::errorText("cannot fsync", m_dir, errno));
        m_dirSyncNeeded = false;
    }
    m_durable->raise(m_logEndOffset, generation);
    m_context.noteChange();
    return {};
}

bool PartitionLog::flushIfDue(int64_t nowMs)
{
    if (m_config->flushMs == LogConfig::kNever || !hasUnflushedData() ||
        nowMs - m_lastFlushMs < m_config->flushMs)
        return false;
    const StorageStatus status = flush(nowMs);
    if (!status.ok())
        KLOG_ERROR("storage", status.message);
    return status.ok();
}

StorageStatus PartitionLog::closeClean()
{
    persistEpochs();
    return m_segments.back()->writeIndexFiles(false, false);
}

void PartitionLog::deleteOldestSegments(size_t count)
{
    count = std::min(count, m_segments.size() - 1);
    if (count == 0)
        return;
    std::vector<std::string> paths;
    for (size_t i = 0; i < count; ++i) {
        m_sizeBytes -= m_segments[i]->size();
        auto renamed = m_segments[i]->renameForDeletion();
        paths.insert(paths.end(), renamed.begin(), renamed.end());
    }
    m_segments.erase(m_segments.begin(), m_segments.begin() + static_cast<ptrdiff_t>(count));
    if (m_logStartOffset < m_segments.front()->baseOffset())
        m_logStartOffset = m_segments.front()->baseOffset();
    m_epochs.truncateFromStart(m_logStartOffset);
    persistEpochs();
    m_context.noteChange();
    // Unlinking a large file can take a while; in-flight reads keep their descriptors anyway.
    m_context.io().post([paths = std::move(paths)] {
        for (const std::string &p : paths)
            ::unlink(p.c_str());
    });
}

void PartitionLog::deleteSegmentsFrom(size_t index)
{
    std::vector<std::string> paths;
    for (size_t i = index; i < m_segments.size(); ++i) {
        m_sizeBytes -= m_segments[i]->size();
        auto renamed = m_segments[i]->renameForDeletion();
        paths.insert(paths.end(), renamed.begin(), renamed.end());
    }
    m_segments.erase(m_segments.begin() + static_cast<ptrdiff_t>(index), m_segments.end());
    m_context.io().post([paths = std::move(paths)] {
        for (const std::string &p : paths)
            ::unlink(p.c_str());
    });
}

void PartitionLog::deleteBelowLogStart()
{
    size_t count = 0;
    while (count + 1 < m_segments.size() && m_segments[count + 1]->baseOffset() <= m_logStartOffset)
        ++count;
    deleteOldestSegments(count);
}

RetentionResult PartitionLog::applyRetention(int64_t nowMs)
{
    RetentionResult result;
    const int64_t before = m_sizeBytes;
    const size_t segmentsBefore = m_segments.size();
    const LogConfig &config = *m_config;
    size_t count = 0;
    if (config.retentionMs >= 0) {
        while (count + 1 < m_segments.size()) {
            StorageStatus status;
            Segment &segment = *m_segments[count];
            int64_t newest = segment.largestTimestamp(status);
            if (!status.ok()) {
                KLOG_WARN("storage", status.message);
                break;
            }
            if (newest < 0)
                newest = segment.lastModifiedMs();
            if (nowMs - newest <= config.retentionMs)
                break;
            ++count;
        }
        deleteOldestSegments(count);
    }
    if (config.retentionBytes >= 0) {
        int64_t excess = m_sizeBytes - config.retentionBytes;
        count = 0;
        while (count + 1 < m_segments.size() && excess - m_segments[count]->size() >= 0) {
            excess -= m_segments[count]->size();
            ++count;
        }
        deleteOldestSegments(count);
    }
    deleteBelowLogStart();
    result.segmentsDeleted = static_cast<int>(segmentsBefore - m_segments.size());
    result.bytesDeleted = before - m_sizeBytes;
    return result;
}

StorageStatus PartitionLog::deleteRecordsBefore(int64_t offset)
{
    if (offset < 0 || offset > m_logEndOffset)
        return StorageStatus::failure(ErrorCode::OffsetOutOfRange,
                                      "offset " + std::to_string(offset) +
                                          " is beyond the log end " +
                                          std::to_string(m_logEndOffset));
    if (offset <= m_logStartOffset)
        return {};
    m_logStartOffset = offset;
    // Everything is gone: roll, so the active segment can be deleted too.
    if (offset == m_logEndOffset && m_segments.back()->size() > 0)
        if (StorageStatus status = roll(); !status.ok())
            return status;
    deleteBelowLogStart();
    m_epochs.truncateFromStart(m_logStartOffset);
    persistEpochs();
    m_context.noteChange();
    return {};
}

StorageStatus PartitionLog::truncateTo(int64_t offset)
{
    if (offset >= m_logEndOffset)
        return {};
    if (offset < m_logStartOffset)
        return truncateFullyAndStartAt(offset);
    const size_t index = segmentFor(offset);
    StorageStatus status;
    const auto found = m_segments[index]->findBatch(offset, status);
    if (!status.ok())
        return status;
    // When offset is past this segment's last batch the cut is at its end (nothing of it goes).
    // A cut at position 0 leaves an empty active segment after the sealed ones.
    const int64_t cut = found ? found->position : m_segments[index]->size();
    deleteSegmentsFrom(index + 1);
    Segment &active = *m_segments[index];
    m_sizeBytes -= active.size() - cut;
    status = active.truncateAt(cut, 0);
    if (!status.ok())
        return status;
    m_logEndOffset = active.nextOffset();
    m_durable->lower(m_logEndOffset);
    m_epochs.truncateFromEnd(m_logEndOffset);
    persistEpochs();
    m_context.noteChange();
    return {};
}

StorageStatus PartitionLog::truncateFullyAndStartAt(int64_t offset)
{
    // Rename the old files away first: the new segment may have the same base offset.
    deleteSegmentsFrom(0);
    m_sizeBytes = 0;
    m_logStartOffset = m_logEndOffset = offset;
    m_durable->reset(offset);
    m_epochs.clear();
    persistEpochs();
    m_context.noteChange();
    return startSegment(offset);
}

void PartitionLog::beginLeaderEpoch(int32_t epoch)
{
    if (m_epochs.assign(epoch, m_logEndOffset))
        persistEpochs();
}

LeaderEpochCache::EpochEnd PartitionLog::endOffsetForEpoch(int32_t epoch) const
{
    return m_epochs.endOffsetFor(epoch, m_logEndOffset);
}

void PartitionLog::setConfig(std::shared_ptr<const LogConfig> config)
{
    m_config = std::move(config);
    for (auto &segment : m_segments)
        segment->setIndexIntervalBytes(m_config->indexIntervalBytes);
}

} // namespace kastle::broker
