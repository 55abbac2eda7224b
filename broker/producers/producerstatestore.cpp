// Producer state of one broker: checks, snapshot, journal and replay.
#include "producerstatestore.h"

#include "broker.h"
#include "log.h"
#include "storage/batchscanner.h"
#include "storage/fileio.h"

#include "batchreader.h"
#include "crc32c.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr std::string_view kSnapshotFile = "producer-state.snapshot";
constexpr std::string_view kJournalFile = "producer-state.journal";
constexpr std::string_view kMagic = "KPS1";
constexpr int64_t kReplayChunkBytes = 8 * 1024 * 1024;

void writeString(Writer &w, const std::string &s)
{
    w.u16(static_cast<uint16_t>(s.size()));
    w.raw(asBytes(s));
}

std::string readString(Reader &r)
{
    const uint16_t n = r.u16();
    return std::string(asString(r.take(n)));
}

void writeUuid(Writer &w, const Uuid &id)
{
    w.raw(ByteView(id.bytes.data(), id.bytes.size()));
}

Uuid readUuid(Reader &r)
{
    Uuid id;
    const ByteView b = r.take(id.bytes.size());
    std::copy(b.begin(), b.end(), id.bytes.begin());
    return id;
}

void writePartition(Writer &w, const TopicPartition &tp, const Uuid &topicId,
                    const PartitionProducers &state)
{
    writeString(w, tp.topic);
    w.i32(tp.partition);
    writeUuid(w, topicId);
    w.i64(state.coveredUpTo);
    w.u32(static_cast<uint32_t>(state.producers().size()));
    for (const auto &[id, entry] : state.producers()) {
        w.i64(id);
        w.i16(entry.epoch);
        w.i64(entry.lastTimestamp);
        w.u8(static_cast<uint8_t>(entry.batches.size()));
        for (const ProducerBatch &b : entry.batches) {
            w.i32(b.firstSeq);
            w.i32(b.lastSeq);
            w.i64(b.firstOffset);
            w.i64(b.lastOffset);
        }
    }
}

// Each idempotent batch of a record set, by header.
template<class Fn>
void forEachIdempotentBatch(std::span<const uint8_t> batches, Fn &&fn)
{
    BatchIterator it(ByteView(batches.data(), batches.size()));
    ByteView batch;
    while (it.next(batch)) {
        const auto header = readBatchHeader(batch);
        if (header && header->magic == 2 && header->producerId >= 0)
            fn(*header);
    }
}

int32_t lastSequenceOf(const RecordBatchHeader &h)
{
    const int64_t last = int64_t{h.baseSequence} + h.lastOffsetDelta;
    return static_cast<int32_t>(last > INT32_MAX ? last - INT32_MAX - 1 : last);
}

} // namespace

ProducerStateStore::ProducerStateStore(std::string logDir, int64_t expirationMs)
    : m_dir(std::move(logDir))
    , m_expirationMs(expirationMs)
{}

ProducerStateStore::~ProducerStateStore()
{
    if (m_journalFd >= 0)
        ::close(m_journalFd);
}

bool ProducerStateStore::open(std::string &error)
{
    const std::string snapshotPath = m_dir + "/" + std::string(kSnapshotFile);
    const std::string journalPath = m_dir + "/" + std::string(kJournalFile);
    if (auto content = fileio::readFile(snapshotPath)) {
        std::string problem;
        if (!readSnapshot(*content, problem)) {
            KLOG_WARN("producers", snapshotPath + " is damaged (" + problem +
                                       "); idempotent producers start over");
            m_saved.clear();
        }
    } else if (errno != ENOENT) {
        error = fileio::errorText("cannot read", snapshotPath, errno);
        return false;
    }
    if (auto content = fileio::readFile(journalPath))
        readJournal(*content);
    m_journalFd = ::open(journalPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_journalFd < 0) {
        error = fileio::errorText("cannot open", journalPath, errno);
        return false;
    }
    if (!m_saved.empty())
        KLOG_INFO("producers", "producer state of " + std::to_string(m_saved.size()) +
                                   " partitions found in " + m_dir);
    return true;
}

bool ProducerStateStore::readSnapshot(const std::string &content, std::string &error)
{
    const ByteView all = asBytes(content);
    if (all.size() < kMagic.size() + 8 || asString(all.first(kMagic.size())) != kMagic) {
        error = "not a producer state snapshot";
        return false;
    }
    Reader crcReader(all.last(4));
    if (crc32c(all.data(), all.size() - 4) != crcReader.u32()) {
        error = "checksum mismatch";
        return false;
    }
    try {
        Reader r(all.subspan(kMagic.size(), all.size() - kMagic.size() - 4));
        const uint32_t count = r.u32();
        for (uint32_t i = 0; i < count; ++i) {
            TopicPartition tp;
            tp.topic = readString(r);
            tp.partition = r.i32();
            Saved saved;
            saved.topicId = readUuid(r);
            saved.coveredUpTo = r.i64();
            const uint32_t producers = r.u32();
            for (uint32_t p = 0; p < producers; ++p) {
                const int64_t id = r.i64();
                ProducerEntry &entry = saved.state.producers()[id];
                entry.epoch = r.i16();
                entry.lastTimestamp = r.i64();
                const uint8_t n = r.u8();
                for (uint8_t b = 0; b < n; ++b) {
                    ProducerBatch batch;
                    batch.firstSeq = r.i32();
                    batch.lastSeq = r.i32();
                    batch.firstOffset = r.i64();
                    batch.lastOffset = r.i64();
                    entry.batches.push_back(batch);
                }
            }
            saved.state.coveredUpTo = saved.coveredUpTo;
            m_saved[tp] = std::move(saved);
        }
    } catch (const DecodeError &e) {
        error = e.what();
        return false;
    }
    return true;
}

void ProducerStateStore::readJournal(const std::string &content)
{
    Reader r(asBytes(content));
    try {
        while (!r.atEnd()) {
            const uint32_t length = r.u32();
            const uint32_t crc = r.u32();
            const ByteView body = r.take(length);
            if (crc32c(body.data(), body.size()) != crc)
                break; // a torn last entry
            Reader b(body);
            TopicPartition tp;
            tp.topic = readString(b);
            tp.partition = b.i32();
            const Uuid topicId = readUuid(b);
            const int64_t start = b.i64();
            auto it = m_saved.find(tp);
            if (it != m_saved.end() && it->second.topicId == topicId)
                continue; // the snapshot knows more
            Saved saved;
            saved.topicId = topicId;
            saved.coveredUpTo = start;
            saved.state.coveredUpTo = start;
            m_saved[tp] = std::move(saved);
        }
    } catch (const DecodeError &) {
        // A torn tail: everything before it was read.
    }
}

bool ProducerStateStore::appendJournal(const TopicPartition &tp, const Uuid &topicId,
                                       int64_t startOffset)
{
    Writer body;
    writeString(body, tp.topic);
    body.i32(tp.partition);
    writeUuid(body, topicId);
    body.i64(startOffset);
    Writer w;
    w.u32(static_cast<uint32_t>(body.buffer().size()));
    w.u32(crc32c(body.buffer().data(), body.buffer().size()));
    w.raw(body.buffer());
    const Bytes &bytes = w.buffer();
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_journalFd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            KLOG_ERROR("producers", fileio::errorText("cannot write", m_dir + "/" +
                                                                       std::string(kJournalFile),
                                                      errno));
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

ProducerStateStore::Tracked *ProducerStateStore::stateFor(Partition &partition,
                                                          const Uuid &topicId)
{
    const TopicPartition &tp = partition.topicPartition;
    auto it = m_partitions.find(tp);
    if (it != m_partitions.end()) {
        if (it->second.topicId == topicId)
            return &it->second;
        m_partitions.erase(it); // the topic was deleted and created again
    }
    Tracked tracked;
    tracked.topicId = topicId;
    PartitionLog &log = *partition.log;
    auto saved = m_saved.find(tp);
    if (saved != m_saved.end() && saved->second.topicId == topicId) {
        tracked.state = std::move(saved->second.state);
        tracked.state.coveredUpTo = saved->second.coveredUpTo;
        if (tracked.state.coveredUpTo > log.logEndOffset()) // the log lost its tail
            tracked.state.truncateTo(log.logEndOffset());
        tracked.state.coveredUpTo = std::max(tracked.state.coveredUpTo, log.logStartOffset());
        m_saved.erase(saved);
        replay(partition, tracked.state);
    } else {
        if (saved != m_saved.end())
            m_saved.erase(saved);
        // Never had an idempotent batch: tracking starts at the log end, which the journal
        // records before any batch of ours is acknowledged.
        tracked.state.coveredUpTo = log.logEndOffset();
        if (!appendJournal(tp, topicId, tracked.state.coveredUpTo))
            return nullptr;
    }
    m_dirty = true;
    return &m_partitions.emplace(tp, std::move(tracked)).first->second;
}

void ProducerStateStore::replay(Partition &partition, PartitionProducers &state)
{
    PartitionLog &log = *partition.log;
    const int64_t end = log.logEndOffset();
    int64_t offset = state.coveredUpTo;
    int64_t batches = 0;
    while (offset < end) {
        const ReadResult read = log.read(offset, kReplayChunkBytes, end, true);
        if (!read.status.ok() || read.ranges.empty())
            break;
        const int64_t before = offset;
        for (const FileRange &range : read.ranges) {
            BatchScanner scanner(range.fd, range.position, range.position + range.length);
            while (scanner.next() == BatchScanner::Status::Batch) {
                const RecordBatchHeader &h = scanner.header();
                if (h.lastOffset() < offset)
                    continue;
                if (h.producerId >= 0 && !h.isControl())
                    state.record(h.producerId, h.producerEpoch, h.baseSequence, lastSequenceOf(h),
                                 h.baseOffset, h.lastOffset(), h.maxTimestamp);
                offset = h.lastOffset() + 1;
                ++batches;
            }
        }
        if (offset == before)
            break; // nothing whole could be read: stop rather than spin
    }
    state.coveredUpTo = std::max(state.coveredUpTo, offset);
    if (batches > 0)
        KLOG_DEBUG("producers", "replayed " + std::to_string(batches) + " batches of " +
                                    partition.topicPartition.dirName());
}

IdempotenceCheck ProducerStateStore::check(Partition &partition, const Uuid &topicId,
                                           std::span<const uint8_t> batches)
{
    IdempotenceCheck out;
    int count = 0;
    bool any = false;
    forEachIdempotentBatch(batches, [&](const RecordBatchHeader &) { any = true; });
    if (!any)
        return out;
    out.idempotent = true;
    Tracked *tracked = stateFor(partition, topicId);
    if (!tracked) {
        out.error = ErrorCode::KafkaStorageError;
        return out;
    }
    // Batches of one request must continue each other; a duplicate is only recognised alone.
    int64_t previousId = -1;
    int32_t previousLast = 0;
    forEachIdempotentBatch(batches, [&](const RecordBatchHeader &h) {
        if (out.error != ErrorCode::None)
            return;
        ++count;
        const int32_t last = lastSequenceOf(h);
        if (h.producerId == previousId) {
            if (h.baseSequence != nextSequence(previousLast))
                out.error = ErrorCode::OutOfOrderSequenceNumber;
        } else {
            const SequenceCheck c =
                tracked->state.check(h.producerId, h.producerEpoch, h.baseSequence, last);
            if (c.error != ErrorCode::None) {
                out.error = c.error;
            } else if (c.duplicate) {
                out.duplicate = true;
                out.baseOffset = c.firstOffset;
            }
        }
        previousId = h.producerId;
        previousLast = last;
    });
    if (out.duplicate && count > 1 && out.error == ErrorCode::None)
        out.error = ErrorCode::DuplicateSequenceNumber;
    if (out.error != ErrorCode::None)
        out.duplicate = false;
    return out;
}

void ProducerStateStore::onAppended(Partition &partition, std::span<const uint8_t> batches,
                                    int64_t wallMs)
{
    auto it = m_partitions.find(partition.topicPartition);
    if (it == m_partitions.end())
        return;
    PartitionProducers &state = it->second.state;
    forEachIdempotentBatch(batches, [&](const RecordBatchHeader &h) {
        state.record(h.producerId, h.producerEpoch, h.baseSequence, lastSequenceOf(h),
                     h.baseOffset, h.lastOffset(), wallMs);
    });
    state.coveredUpTo = std::max(state.coveredUpTo, partition.log->logEndOffset());
    m_dirty = true;
}

void ProducerStateStore::tick(int64_t nowMs, int64_t wallMs)
{
    if (!m_dirty || nowMs - m_lastSnapshotMs < kSnapshotIntervalMs)
        return;
    m_lastSnapshotMs = nowMs;
    writeSnapshot(false, wallMs);
}

bool ProducerStateStore::writeSnapshot(bool durable, int64_t wallMs)
{
    const int64_t cutoff = wallMs - m_expirationMs;
    Writer w(4096);
    w.raw(asBytes(kMagic));
    const size_t countAt = w.buffer().size();
    w.u32(0);
    uint32_t count = 0;
    for (auto &[tp, tracked] : m_partitions) {
        tracked.state.expire(cutoff);
        writePartition(w, tp, tracked.topicId, tracked.state);
        ++count;
    }
    for (auto &[tp, saved] : m_saved) {
        saved.state.expire(cutoff);
        saved.state.coveredUpTo = saved.coveredUpTo;
        writePartition(w, tp, saved.topicId, saved.state);
        ++count;
    }
    w.patchI32(countAt, static_cast<int32_t>(count));
    w.u32(crc32c(w.buffer().data(), w.buffer().size()));
    const std::string path = m_dir + "/" + std::string(kSnapshotFile);
    std::string error;
    if (!fileio::writeFileAtomically(path, asString(w.buffer()), durable, &error)) {
        KLOG_ERROR("producers", error);
        return false;
    }
    // Everything the journal said is in the snapshot now.
    if (m_journalFd >= 0 && ::ftruncate(m_journalFd, 0) != 0)
        KLOG_WARN("producers", fileio::errorText("cannot empty", m_dir + "/" +
                                                                     std::string(kJournalFile),
                                                 errno));
    m_dirty = false;
    return true;
}

} // namespace kastle::broker
