// One segment of a partition log: appends, lookups, index loading and recovery (see segment.h).
#include "segment.h"

#include "fileio.h"
#include "leaderepochcache.h"
#include "log.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kastle::broker {

using protocol::ErrorCode;

namespace {

constexpr size_t kLookupChunk = 8192;        // a lookup scans at most ~index.interval.bytes
constexpr size_t kSequentialChunk = 1 << 20; // recovery and rebuilds read the whole file

} // namespace

Segment::Segment(LogContext &context, const std::string &dir, int64_t baseOffset, int64_t size,
                 int64_t indexIntervalBytes, bool active)
    : m_context(context)
    , m_dir(dir)
    , m_base(baseOffset)
    , m_size(size)
    , m_nextOffset(baseOffset)
    , m_active(active)
    , m_indexResident(active)
    , m_index(baseOffset, indexIntervalBytes)
{}

Segment::~Segment()
{
    m_context.indexes().forget(m_indexHook, m_residentBytes);
}

std::string Segment::path(std::string_view suffix) const
{
    std::string p;
    p.reserve(m_dir.size() + 32);
    p.append(m_dir).push_back('/');
    p.append(fileio::segmentFileName(m_base, suffix));
    return p;
}

StorageStatus Segment::ioFailure(std::string_view what, int errnum) const
{
    return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                  fileio::errorText(what, path(fileio::kLogSuffix), errnum));
}

SharedFile Segment::file(StorageStatus &status, bool create)
{
    FdCache &cache = m_context.files();
    if (SharedFile f = cache.get(m_fileSlot))
        return f;
    SharedFile f =
        cache.open(m_fileSlot, path(fileio::kLogSuffix), O_RDWR | (create ? O_CREAT : 0));
    if (!f)
        status = ioFailure("cannot open", errno);
    return f;
}

StorageStatus Segment::append(protocol::ByteView bytes, const std::vector<BatchMeta> &batches,
                              int64_t appendTimeMs)
{
    StorageStatus status;
    const SharedFile f = file(status, true);
    if (!f)
        return status;
    if (!fileio::pwriteFull(f->fd(), bytes.data(), bytes.size(), m_size)) {
        const int err = errno;
        // Leave no partial batch behind: the next append writes at m_size again anyway, but a
        // crash before it would otherwise leave a torn tail for recovery to cut.
        if (::ftruncate(f->fd(), m_size) != 0)
            KLOG_WARN("storage", fileio::errorText("cannot cut a failed append from",
                                                   path(fileio::kLogSuffix), errno));
        return ioFailure("cannot append to", err);
    }
    if (m_size == 0)
        m_rollBaseMs = appendTimeMs;
    int64_t position = m_size;
    for (const BatchMeta &b : batches) {
        m_index.addBatch(b.baseOffset, b.maxTimestamp, position, b.size);
        position += b.size;
    }
    m_size = position;
    m_nextOffset = batches.back().lastOffset + 1;
    return {};
}

StorageStatus Segment::writeIndexFiles(bool sync, bool evenIfEmpty)
{
    struct File
    {
        std::string_view suffix;
        size_t &onDisk;
        size_t count;
        size_t entrySize;
        bool offsets;
    };
    File files[] = {
        {fileio::kIndexSuffix, m_offsetsOnDisk, m_index.offsets().size(),
         SegmentIndex::kOffsetEntrySize, true},
        {fileio::kTimeIndexSuffix, m_timesOnDisk, m_index.times().size(),
         SegmentIndex::kTimeEntrySize, false},
    };
    const bool empty = files[0].count == 0 && files[1].count == 0;
    if (!m_indexFilesWritten && empty && !evenIfEmpty)
        return {};
    for (File &f : files) {
        if (m_indexFilesWritten && f.onDisk == f.count && !sync)
            continue;
        if (!m_indexFilesWritten || f.onDisk > f.count)
            f.onDisk = 0;
        const std::string p = path(f.suffix);
        const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                          fileio::errorText("cannot open", p, errno));
        std::string bytes;
        if (f.offsets)
            m_index.encodeOffsets(f.onDisk, bytes);
        else
            m_index.encodeTimes(f.onDisk, bytes);
        bool ok = fileio::pwriteFull(fd, bytes.data(), bytes.size(),
                                     static_cast<int64_t>(f.onDisk * f.entrySize));
        ok = ok && ::ftruncate(fd, static_cast<off_t>(f.count * f.entrySize)) == 0;
        ok = ok && (!sync || ::fsync(fd) == 0);
        const int err = errno;
        ::close(fd);
        if (!ok)
            return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                          fileio::errorText("cannot write", p, err));
        f.onDisk = f.count;
    }
    m_indexFilesWritten = true;
    return {};
}

StorageStatus Segment::seal()
{
    m_index.seal();
    m_active = false;
    m_largestTimestamp = m_index.maxTimestamp();
    StorageStatus status = writeIndexFiles(false, true);
    makeResident();
    return status;
}

void Segment::makeResident()
{
    m_indexResident = true;
    if (m_active)
        return; // the active segment's indexes are always in memory, outside the budget
    ResidentIndexCache &cache = m_context.indexes();
    cache.forget(m_indexHook, m_residentBytes);
    m_residentBytes = m_index.memoryBytes();
    cache.admit(this, m_indexHook, m_residentBytes);
}

void Segment::dropResidentIndex()
{
    if (m_active || !m_indexResident)
        return;
    m_context.indexes().forget(m_indexHook, m_residentBytes);
    m_residentBytes = 0;
    m_index.clear();
    m_indexResident = false;
}

StorageStatus Segment::ensureIndex()
{
    if (m_indexResident) {
        if (!m_active)
            m_context.indexes().touch(this, m_indexHook);
        return {};
    }
    bool present = false;
    if (restoreIndexFiles(present)) {
        if (m_largestTimestamp == -2)
            m_largestTimestamp = m_index.maxTimestamp();
        makeResident();
        return {};
    }
    return repairIndex(present ? "it is damaged" : "it is missing");
}

bool Segment::restoreIndexFiles(bool &present)
{
    const auto offsets = fileio::readFile(path(fileio::kIndexSuffix));
    const auto times = fileio::readFile(path(fileio::kTimeIndexSuffix));
    present = offsets && times;
    if (!present)
        return false;
    auto o = SegmentIndex::decodeOffsets(protocol::asBytes(*offsets), m_size);
    auto t = SegmentIndex::decodeTimes(protocol::asBytes(*times));
    if (!o || !t)
        return false;
    m_offsetsOnDisk = o->size();
    m_timesOnDisk = t->size();
    m_index.restore(std::move(*o), std::move(*t));
    m_indexFilesWritten = true;
    return true;
}

StorageStatus Segment::rebuildIndex(int64_t end)
{
    m_index.clear();
    m_offsetsOnDisk = m_timesOnDisk = 0;
    m_indexFilesWritten = false;
    StorageStatus status;
    const SharedFile f = file(status);
    if (!f)
        return status;
    BatchScanner scanner(f->fd(), 0, end, kSequentialChunk);
    int64_t next = m_base;
    for (;;) {
        switch (scanner.next()) {
        case BatchScanner::Status::Batch:
            m_index.addBatch(scanner.header().baseOffset, scanner.header().maxTimestamp,
                             scanner.position(), scanner.batchSize());
            next = scanner.header().lastOffset() + 1;
            continue;
        case BatchScanner::Status::End:
            m_nextOffset = next;
            return {};
        case BatchScanner::Status::IoError:
            return ioFailure("cannot read", scanner.errorNumber());
        default:
            return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                          "no whole batch at position " +
                                              std::to_string(scanner.position()) + " of " +
                                              path(fileio::kLogSuffix));
        }
    }
}

StorageStatus Segment::repairIndex(std::string_view why)
{
    KLOG_WARN("storage", "rebuilding the indexes of " + path(fileio::kLogSuffix) + " because " +
                             std::string(why));
    StorageStatus status = rebuildIndex(m_size);
    if (!status.ok())
        return status;
    if (!m_active) {
        m_index.seal();
        m_largestTimestamp = m_index.maxTimestamp();
    }
    status = writeIndexFiles(false, !m_active);
    makeResident();
    return status;
}

template<class Match>
std::optional<FoundBatch> Segment::findFrom(int64_t offset, Match match, StorageStatus &status)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        status = ensureIndex();
        if (!status.ok())
            return std::nullopt;
        const SegmentIndex::Position start = m_index.lookup(offset);
        const SharedFile f = file(status);
        if (!f)
            return std::nullopt;
        BatchScanner scanner(f->fd(), start.position, m_size, kLookupChunk);
        for (bool first = true;; first = false) {
            const BatchScanner::Status s = scanner.next();
            if (s == BatchScanner::Status::Batch) {
                if (first && start.offset >= 0 && scanner.header().baseOffset != start.offset)
                    break; // the index names another batch here: rebuild it and look again
                if (match(scanner.header()))
                    return FoundBatch{scanner.position(), scanner.header()};
                continue;
            }
            if (s == BatchScanner::Status::End)
                return std::nullopt;
            if (s == BatchScanner::Status::IoError)
                status = ioFailure("cannot read", scanner.errorNumber());
            else
                status = StorageStatus::failure(ErrorCode::CorruptMessage,
                                                "no whole batch at position " +
                                                    std::to_string(scanner.position()) + " of " +
                                                    path(fileio::kLogSuffix));
            return std::nullopt;
        }
        status = repairIndex("an entry does not point at the batch it names");
        if (!status.ok())
            return std::nullopt;
    }
    status = StorageStatus::failure(ErrorCode::KafkaStorageError,
                                    "the index of " + path(fileio::kLogSuffix) +
                                        " stays inconsistent after a rebuild");
    return std::nullopt;
}

std::optional<FoundBatch> Segment::findBatch(int64_t offset, StorageStatus &status)
{
    return findFrom(
        offset, [offset](const protocol::RecordBatchHeader &h) { return h.lastOffset() >= offset; },
        status);
}

std::optional<FoundBatch> Segment::findByTimestamp(int64_t timestamp, int64_t minOffset,
                                                   StorageStatus &status)
{
    status = ensureIndex();
    if (!status.ok())
        return std::nullopt;
    const int64_t start = std::max(m_index.lookupTimestamp(timestamp), minOffset);
    return findFrom(
        start,
        [timestamp, minOffset](const protocol::RecordBatchHeader &h) {
            return h.maxTimestamp >= timestamp && h.lastOffset() >= minOffset;
        },
        status);
}

int64_t Segment::largestTimestamp(StorageStatus &status)
{
    if (m_active)
        return m_index.maxTimestamp();
    if (m_largestTimestamp != -2)
        return m_largestTimestamp;
    if (m_indexResident) {
        m_largestTimestamp = m_index.times().empty() ? -1 : m_index.times().back().timestamp;
        return m_largestTimestamp;
    }
    // The last time entry of a sealed segment is its largest timestamp: read just that.
    const std::string p = path(fileio::kTimeIndexSuffix);
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st
        {};
        uint8_t last[SegmentIndex::kTimeEntrySize];
        bool ok = ::fstat(fd, &st) == 0 && st.st_size % SegmentIndex::kTimeEntrySize == 0;
        if (ok && st.st_size == 0)
            m_largestTimestamp = -1;
        else if (ok && fileio::preadFull(fd, last, sizeof last,
                                         st.st_size - int64_t{sizeof last}) == int64_t{sizeof last})
            m_largestTimestamp = protocol::Reader(last).i64();
        ::close(fd);
        if (m_largestTimestamp >= -1)
            return m_largestTimestamp;
        m_largestTimestamp = -2;
    }
    status = ensureIndex(); // rebuilds what is missing or damaged
    if (!status.ok())
        return -1;
    m_largestTimestamp = m_index.times().empty() ? -1 : m_index.times().back().timestamp;
    return m_largestTimestamp;
}

int64_t Segment::lastModifiedMs() const
{
    struct stat st
    {};
    if (::stat(path(fileio::kLogSuffix).c_str(), &st) != 0)
        return 0;
    return int64_t{st.st_mtim.tv_sec} * 1000 + st.st_mtim.tv_nsec / 1000000;
}

int64_t Segment::firstBatchTimestamp(int fd)
{
    BatchScanner scanner(fd, 0, m_size, protocol::batchlayout::kHeaderSize);
    return scanner.next() == BatchScanner::Status::Batch ? scanner.header().maxTimestamp : -1;
}

StorageStatus Segment::loadActive(int64_t nowMs)
{
    StorageStatus status;
    const SharedFile f = file(status);
    if (!f)
        return status;
    bool present = false;
    bool restored = restoreIndexFiles(present);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!restored) {
            // Whatever is on disk does not describe this log; it must not survive the next write.
            ::unlink(path(fileio::kIndexSuffix).c_str());
            ::unlink(path(fileio::kTimeIndexSuffix).c_str());
            m_index.clear();
            m_offsetsOnDisk = m_timesOnDisk = 0;
            m_indexFilesWritten = false;
        }
        const int64_t resumeAt = m_index.resumePosition();
        const int64_t expectedBase =
            m_index.offsets().empty() ? -1 : m_base + m_index.offsets().back().relativeOffset;
        BatchScanner scanner(f->fd(), resumeAt, m_size, kSequentialChunk);
        int64_t next = resumeAt == 0 ? m_base : -1;
        bool mismatch = false;
        for (bool first = true; !mismatch; first = false) {
            const BatchScanner::Status s = scanner.next();
            if (s == BatchScanner::Status::End)
                break;
            if (s != BatchScanner::Status::Batch)
                return StorageStatus::failure(ErrorCode::CorruptMessage,
                                              "no whole batch at position " +
                                                  std::to_string(scanner.position()) + " of " +
                                                  path(fileio::kLogSuffix));
            const auto &h = scanner.header();
            if ((first && expectedBase >= 0 && h.baseOffset != expectedBase) ||
                (next >= 0 && h.baseOffset < next)) {
                mismatch = true;
                break;
            }
            m_index.addBatch(h.baseOffset, h.maxTimestamp, scanner.position(), scanner.batchSize());
            next = h.lastOffset() + 1;
        }
        if (mismatch) {
            if (!restored)
                return StorageStatus::failure(ErrorCode::CorruptMessage,
                                              "offsets go backwards in " +
                                                  path(fileio::kLogSuffix));
            restored = false;
            continue;
        }
        m_nextOffset = next < 0 ? m_base : next;
        break;
    }
    if (m_size > 0) {
        const int64_t ts = firstBatchTimestamp(f->fd());
        m_rollBaseMs = ts >= 0 && ts <= nowMs ? ts : nowMs;
    }
    return {};
}

Segment::Recovery Segment::recover(LeaderEpochCache *epochs, int64_t nowMs, StorageStatus &status)
{
    Recovery result;
    const SharedFile f = file(status);
    if (!f)
        return result;
    struct stat st
    {};
    if (::fstat(f->fd(), &st) != 0) {
        status = ioFailure("cannot stat", errno);
        return result;
    }
    const int64_t fileSize = st.st_size;
    ::unlink(path(fileio::kIndexSuffix).c_str());
    ::unlink(path(fileio::kTimeIndexSuffix).c_str());
    m_index.clear();
    m_offsetsOnDisk = m_timesOnDisk = 0;
    m_indexFilesWritten = false;

    BatchScanner scanner(f->fd(), 0, fileSize, kSequentialChunk);
    int64_t next = m_base;
    int64_t firstTimestamp = -1;
    for (;;) {
        const BatchScanner::Status s = scanner.next();
        if (s == BatchScanner::Status::End)
            break;
        const std::string at = " at position " + std::to_string(scanner.position());
        if (s == BatchScanner::Status::IoError) {
            status = ioFailure("cannot read", scanner.errorNumber());
            return result;
        }
        if (s == BatchScanner::Status::Truncated) {
            result.reason = "a partial batch" + at;
            break;
        }
        if (s == BatchScanner::Status::Corrupt) {
            result.reason = "bytes that are not a v2 batch" + at;
            break;
        }
        const auto bytes = scanner.batchBytes();
        if (!bytes) {
            status = ioFailure("cannot read", scanner.errorNumber() ? scanner.errorNumber() : EIO);
            return result;
        }
        const auto &h = scanner.header();
        if (!protocol::batchCrcMatches(*bytes)) {
            result.reason = "a CRC mismatch" + at;
            break;
        }
        if (h.baseOffset < next || h.lastOffset() - m_base > INT32_MAX) {
            result.reason = "offset " + std::to_string(h.baseOffset) + " out of order" + at;
            break;
        }
        if (result.batches == 0)
            firstTimestamp = h.maxTimestamp;
        m_index.addBatch(h.baseOffset, h.maxTimestamp, scanner.position(), scanner.batchSize());
        if (epochs)
            epochs->assign(h.partitionLeaderEpoch, h.baseOffset);
        next = h.lastOffset() + 1;
        result.validBytes = scanner.nextPosition();
        ++result.batches;
    }
    if (result.validBytes < fileSize) {
        if (::ftruncate(f->fd(), result.validBytes) != 0) {
            status = ioFailure("cannot truncate", errno);
            return result;
        }
        result.truncatedBytes = fileSize - result.validBytes;
    }
    m_size = result.validBytes;
    m_nextOffset = result.nextOffset = next;
    if (m_active) {
        m_rollBaseMs =
            m_size == 0 ? -1
                        : (firstTimestamp >= 0 && firstTimestamp <= nowMs ? firstTimestamp : nowMs);
    } else {
        m_index.seal();
        m_largestTimestamp = m_index.maxTimestamp();
        status = writeIndexFiles(false, true);
        makeResident();
    }
    return result;
}

StorageStatus Segment::truncateAt(int64_t position, int64_t nowMs)
{
    StorageStatus status;
    const SharedFile f = file(status);
    if (!f)
        return status;
    if (::ftruncate(f->fd(), position) != 0)
        return ioFailure("cannot truncate", errno);
    m_size = position;
    if (!m_active) {
        m_context.indexes().forget(m_indexHook, m_residentBytes);
        m_residentBytes = 0;
        m_active = true;
    }
    m_indexResident = true;
    m_largestTimestamp = -2;
    ::unlink(path(fileio::kIndexSuffix).c_str());
    ::unlink(path(fileio::kTimeIndexSuffix).c_str());
    status = rebuildIndex(position);
    if (!status.ok())
        return status;
    if (m_size == 0)
        m_rollBaseMs = -1;
    else if (m_rollBaseMs < 0)
        m_rollBaseMs = nowMs;
    return writeIndexFiles(false, false);
}

std::vector<std::string> Segment::renameForDeletion()
{
    m_context.files().release(m_fileSlot);
    std::vector<std::string> renamed;
    for (std::string_view suffix :
         {fileio::kLogSuffix, fileio::kIndexSuffix, fileio::kTimeIndexSuffix}) {
        const std::string from = path(suffix);
        std::string to = from + std::string(fileio::kDeletedSuffix);
        if (::rename(from.c_str(), to.c_str()) == 0)
            renamed.push_back(std::move(to));
    }
    return renamed;
}

} // namespace kastle::broker
