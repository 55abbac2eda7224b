// Opening a partition log: listing its segments, recovering the tail after an unclean
// shutdown, restoring the active segment after a clean one (see partitionlog.h).
#include "partitionlog.h"

#include "fileio.h"
#include "log.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kastle::broker {

using protocol::ErrorCode;

std::unique_ptr<PartitionLog> PartitionLog::open(LogContext &context, OpenOptions options,
                                                 StorageStatus &status)
{
    if (options.createDirectory && ::mkdir(options.dir.c_str(), 0755) != 0 && errno != EEXIST) {
        status = StorageStatus::failure(ErrorCode::KafkaStorageError,
                                        fileio::errorText("cannot create", options.dir, errno));
        return nullptr;
    }
    std::unique_ptr<PartitionLog> log(
        new PartitionLog(context, options.dir, options.topicPartition, options.config));
    status = log->load(options);
    if (!status.ok())
        return nullptr;
    return log;
}

StorageStatus PartitionLog::load(const OpenOptions &options)
{
    std::vector<fileio::DirEntry> entries;
    if (!fileio::listDirectory(m_dir, entries))
        return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                      fileio::errorText("cannot list", m_dir, errno));
    std::vector<int64_t> bases;
    for (const fileio::DirEntry &e : entries) {
        if (e.isDirectory)
            continue;
        if (fileio::endsWith(e.name, fileio::kDeletedSuffix) ||
            fileio::endsWith(e.name, fileio::kTmpSuffix)) {
            ::unlink((m_dir + '/' + e.name).c_str()); // left by a crash mid-delete or mid-write
            continue;
        }
        if (const auto base = fileio::parseSegmentFileName(e.name, fileio::kLogSuffix))
            bases.push_back(*base);
    }
    std::sort(bases.begin(), bases.end());
    // Index files without their .log belong to nothing.
    for (const fileio::DirEntry &e : entries)
        for (std::string_view suffix : {fileio::kIndexSuffix, fileio::kTimeIndexSuffix})
            if (const auto base = fileio::parseSegmentFileName(e.name, suffix))
                if (!std::binary_search(bases.begin(), bases.end(), *base))
                    ::unlink((m_dir + '/' + e.name).c_str());

    const int dirFd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0)
        return StorageStatus::failure(ErrorCode::KafkaStorageError,
                                      fileio::errorText("cannot open", m_dir, errno));
    for (size_t i = 0; i < bases.size(); ++i) {
        struct stat st
        {};
        const std::string name = fileio::segmentFileName(bases[i], fileio::kLogSuffix);
        if (::fstatat(dirFd, name.c_str(), &st, 0) != 0) {
            const int err = errno;
            ::close(dirFd);
            return StorageStatus::failure(
                ErrorCode::KafkaStorageError,
                fileio::errorText("cannot stat", m_dir + '/' + name, err));
        }
        m_segments.push_back(std::make_unique<Segment>(m_context, m_dir, bases[i], st.st_size,
                                                       m_config->indexIntervalBytes,
                                                       i + 1 == bases.size()));
        m_sizeBytes += st.st_size;
    }
    ::close(dirFd);

    StorageStatus status;
    const bool hadSegments = !m_segments.empty();
    if (!hadSegments) {
        status = startSegment(std::max<int64_t>(options.logStartOffset, 0));
        if (!status.ok())
            return status;
    }
    m_logStartOffset = std::max(options.logStartOffset, m_segments.front()->baseOffset());
    if (!m_epochs.load())
        KLOG_WARN("storage", "dropping the unreadable " + m_epochs.path());
    deleteBelowLogStart(); // segments a crash kept from being deleted

    if (!hadSegments) {
        // A new or emptied log: nothing on disk to check.
    } else if (options.recover) {
        status = recoverFrom(options.recoveryPoint, options.nowMs);
    } else {
        status = m_segments.back()->loadActive(options.nowMs);
        if (!status.ok()) {
            KLOG_WARN("storage", status.message + "; recovering it");
            status = recoverFrom(m_segments.back()->baseOffset(), options.nowMs);
        }
    }
    if (!status.ok())
        return status;
    m_logEndOffset = m_segments.back()->nextOffset();
    m_lastFlushMs = options.nowMs;
    if (m_logStartOffset > m_logEndOffset) {
        // Data the log start offset already covered is gone; never hand out its offsets again.
        KLOG_WARN("storage", m_dir + ": the log ends at " + std::to_string(m_logEndOffset) +
                                 ", below its start offset " + std::to_string(m_logStartOffset) +
                                 "; restarting it empty there");
        return truncateFullyAndStartAt(m_logStartOffset);
    }
    m_durable->reset(std::min(options.recoveryPoint, m_logEndOffset));
    m_epochs.truncateFromEnd(m_logEndOffset);
    m_epochs.truncateFromStart(m_logStartOffset);
    persistEpochs();
    return {};
}

StorageStatus PartitionLog::recoverFrom(int64_t recoveryPoint, int64_t nowMs)
{
    // From the segment holding the recovery point, and the active segment in any case: after a
    // truncation the active segment may hold unsynced data below an older recovery point.
    const size_t first = std::min(segmentFor(recoveryPoint), m_segments.size() - 1);
    for (size_t i = first; i < m_segments.size(); ++i) {
        Segment &segment = *m_segments[i];
        const int64_t before = segment.size();
        StorageStatus status;
        const Segment::Recovery r = segment.recover(&m_epochs, nowMs, status);
        if (!status.ok())
            return status;
        m_sizeBytes += segment.size() - before;
        if (r.reason.empty())
            continue;
        KLOG_WARN("storage", "recovery cut " + segment.path(fileio::kLogSuffix) + " after " +
                                 std::to_string(r.batches) + " whole batches at " + r.reason +
                                 ", dropping " + std::to_string(r.truncatedBytes) + " bytes");
        if (i + 1 < m_segments.size()) {
            // What follows a damaged batch cannot be trusted to continue the log.
            deleteSegmentsFrom(i + 1);
            return segment.truncateAt(segment.size(), nowMs); // becomes the active segment
        }
        break;
    }
    return {};
}

} // namespace kastle::broker
