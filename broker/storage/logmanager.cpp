// All partition logs of one log directory: start-up, lazy opening, the checkpoint, clean
// shutdown and the bounded background sweep (see logmanager.h).
#include "logmanager.h"

#include "fileio.h"
#include "log.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace kastle::broker {

using protocol::ErrorCode;

namespace {

// "<topic>-<partition>" -> the pair, when it is one.
std::optional<TopicPartition> parsePartitionDir(std::string_view name)
{
    const size_t dash = name.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == name.size())
        return std::nullopt;
    int32_t partition = 0;
    const char *first = name.data() + dash + 1;
    const char *last = name.data() + name.size();
    const auto [end, ec] = std::from_chars(first, last, partition);
    if (ec != std::errc() || end != last || partition < 0 || *first == '+')
        return std::nullopt;
    return TopicPartition{std::string(name.substr(0, dash)), partition};
}

bool validTopicName(std::string_view topic)
{
    if (topic.empty() || topic.size() > 249 || topic == "." || topic == "..")
        return false;
    for (char c : topic)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

} // namespace

StorageStatus LogManager::CheckpointWriter::write(uint64_t sequence, const std::string &content)
{
    std::lock_guard lock(mutex);
    if (sequence <= written)
        return {}; // a newer state is already on disk
    std::string error;
    if (!fileio::writeFileAtomically(path, content, true, &error))
        return StorageStatus::failure(ErrorCode::KafkaStorageError, error);
    written = sequence;
    return {};
}

LogManager::LogManager(LogManagerOptions options)
    : m_options(std::move(options))
    , m_defaultConfig(std::make_shared<const LogConfig>(m_options.defaultConfig))
    , m_context(std::make_unique<LogContext>(m_options.maxOpenFiles, m_options.residentIndexBytes))
    , m_checkpointWriter(std::make_shared<CheckpointWriter>())
{
    if (!m_options.clock)
        m_options.clock = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
    m_checkpointWriter->path = m_options.dir + '/' + std::string(checkpointfile::kFileName);
}

std::unique_ptr<LogManager> LogManager::open(LogManagerOptions options, std::string &error)
{
    while (options.dir.size() > 1 && options.dir.back() == '/')
        options.dir.pop_back();
    if (!fileio::makeDirectories(options.dir)) {
        error = fileio::errorText("cannot create the log directory", options.dir, errno);
        return nullptr;
    }
    std::unique_ptr<LogManager> manager(new LogManager(std::move(options)));
    if (!manager->load(error)) {
        manager->m_closed = true; // nothing to shut down; above all, no clean marker
        return nullptr;
    }
    return manager;
}

bool LogManager::load(std::string &error)
{
    m_lock = DirectoryLock::acquire(m_options.dir, error);
    if (!m_lock)
        return false;
    const std::string marker = m_options.dir + '/' + std::string(kCleanShutdownFile);
    m_hadCleanShutdown = ::access(marker.c_str(), F_OK) == 0;

    std::unordered_map<TopicPartition, PartitionCheckpoint, TopicPartitionHash> saved;
    if (const auto text = fileio::readFile(m_checkpointWriter->path)) {
        std::vector<CheckpointLine> lines;
        if (checkpointfile::parse(*text, lines)) {
            saved.reserve(lines.size());
            for (CheckpointLine &line : lines)
                saved.emplace(std::move(line.topicPartition), line.state);
        } else {
            KLOG_WARN("storage",
                      m_checkpointWriter->path + " is damaged; every partition will be recovered");
            m_hadCleanShutdown = false;
        }
    }

    std::vector<fileio::DirEntry> entries;
    if (!fileio::listDirectory(m_options.dir, entries)) {
        error = fileio::errorText("cannot list the log directory", m_options.dir, errno);
        return false;
    }
    m_entries.reserve(entries.size());
    m_order.reserve(entries.size());
    size_t unclean = 0;
    for (fileio::DirEntry &e : entries) {
        const std::string path = m_options.dir + '/' + e.name;
        if (fileio::endsWith(e.name, fileio::kDeletedSuffix)) {
            m_context->io().post([path] { fileio::removeTree(path); });
            continue;
        }
        if (!e.isDirectory) {
            if (fileio::endsWith(e.name, fileio::kTmpSuffix))
                ::unlink(path.c_str());
            continue;
        }
        auto tp = parsePartitionDir(e.name);
        if (!tp || m_entries.count(*tp))
            continue;
        Entry &entry = addEntry(std::move(*tp));
        const auto it = saved.find(entry.topicPartition);
        if (it != saved.end())
            entry.saved = it->second;
        entry.needsRecovery = !m_hadCleanShutdown || it == saved.end() || !it->second.whole;
        unclean += entry.needsRecovery;
    }
    if (m_hadCleanShutdown) {
        // From here on a crash must look unclean.
        if (::unlink(marker.c_str()) != 0 || !fileio::fsyncPath(m_options.dir, true)) {
            error = fileio::errorText("cannot remove", marker, errno);
            return false;
        }
    }
    if (unclean > 0 && !m_entries.empty())
        KLOG_INFO("storage", m_options.dir + ": " + std::to_string(unclean) + " of " +
                                 std::to_string(m_entries.size()) +
                                 " partitions will check their tail when first opened" +
                                 (m_hadCleanShutdown ? "" : " (the last shutdown was not clean)"));
    m_checkpointedChanges = m_context->changeCount();
    return true;
}

LogManager::~LogManager()
{
    shutdown();
}

int64_t LogManager::now() const
{
    return m_options.clock();
}

LogManager::Entry &LogManager::addEntry(TopicPartition tp)
{
    auto entry = std::make_unique<Entry>();
    entry->topicPartition = tp;
    entry->orderIndex = m_order.size();
    Entry &ref = *entry;
    m_order.push_back(&ref);
    m_entries.emplace(std::move(tp), std::move(entry));
    return ref;
}

void LogManager::removeEntry(Entry &entry)
{
    m_timedFlush.erase(&entry);
    if (entry.log)
        --m_openCount;
    const size_t index = entry.orderIndex;
    m_order[index] = m_order.back();
    m_order[index]->orderIndex = index;
    m_order.pop_back();
    if (m_sweepCursor > m_order.size())
        m_sweepCursor = m_order.size();
    m_entries.erase(entry.topicPartition); // destroys `entry`
}

std::shared_ptr<const LogConfig> LogManager::topicConfig(const std::string &topic) const
{
    const auto it = m_topicConfigs.find(topic);
    return it == m_topicConfigs.end() ? m_defaultConfig : it->second;
}

PartitionLog *LogManager::openEntry(Entry &entry, StorageStatus &status)
{
    if (entry.log)
        return entry.log.get();
    PartitionLog::OpenOptions options;
    options.dir = m_options.dir + '/' + entry.topicPartition.dirName();
    options.topicPartition = entry.topicPartition;
    options.config = topicConfig(entry.topicPartition.topic);
    options.logStartOffset = entry.saved.logStartOffset;
    options.recoveryPoint = entry.saved.recoveryPoint;
    options.recover = entry.needsRecovery;
    options.nowMs = now();
    entry.log = PartitionLog::open(*m_context, std::move(options), status);
    if (!entry.log) {
        KLOG_ERROR("storage",
                   "cannot open " + entry.topicPartition.dirName() + ": " + status.message);
        return nullptr;
    }
    entry.needsRecovery = false;
    ++m_openCount;
    if (entry.log->config().flushMs != LogConfig::kNever)
        m_timedFlush.insert(&entry);
    return entry.log.get();
}

PartitionLog *LogManager::partition(const TopicPartition &tp, StorageStatus *status)
{
    StorageStatus local;
    StorageStatus &s = status ? *status : local;
    const auto it = m_entries.find(tp);
    if (it == m_entries.end()) {
        s = StorageStatus::failure(ErrorCode::UnknownTopicOrPartition,
                                   "no log for " + tp.dirName() + " in " + m_options.dir);
        return nullptr;
    }
    return openEntry(*it->second, s);
}

PartitionLog *LogManager::createPartition(const TopicPartition &tp, StorageStatus &status)
{
    if (const auto it = m_entries.find(tp); it != m_entries.end())
        return openEntry(*it->second, status);
    if (!validTopicName(tp.topic) || tp.partition < 0) {
        status = StorageStatus::failure(ErrorCode::InvalidTopicException,
                                        "'" + tp.dirName() + "' cannot name a partition log");
        return nullptr;
    }
    Entry &entry = addEntry(tp);
    entry.needsRecovery = false;
    entry.saved = PartitionCheckpoint{0, 0, 0, 0, 1, true};
    PartitionLog::OpenOptions options;
    options.dir = m_options.dir + '/' + tp.dirName();
    options.topicPartition = tp;
    options.config = topicConfig(tp.topic);
    options.createDirectory = true;
    options.logStartOffset = 0;
    options.nowMs = now();
    entry.log = PartitionLog::open(*m_context, std::move(options), status);
    if (!entry.log) {
        removeEntry(entry);
        return nullptr;
    }
    ++m_openCount;
    if (entry.log->config().flushMs != LogConfig::kNever)
        m_timedFlush.insert(&entry);
    m_context->noteChange();
    return entry.log.get();
}

StorageStatus LogManager::deletePartition(const TopicPartition &tp)
{
    const auto it = m_entries.find(tp);
    if (it == m_entries.end())
        return StorageStatus::failure(ErrorCode::UnknownTopicOrPartition,
                                      "no log for " + tp.dirName() + " in " + m_options.dir);
    Entry &entry = *it->second;
    if (entry.log) {
        entry.log.reset(); // closes its files (ranges in flight keep theirs)
        --m_openCount;
        m_timedFlush.erase(&entry);
    }
    const std::string from = m_options.dir + '/' + tp.dirName();
    const std::string to = from + '.' + std::to_string(now()) + '-' +
                           std::to_string(++m_deletedSequence) +
                           std::string(fileio::kDeletedSuffix);
    StorageStatus status;
    if (::rename(from.c_str(), to.c_str()) == 0)
        m_context->io().post([to] { fileio::removeTree(to); });
    else if (errno != ENOENT)
        status =
            StorageStatus::failure(ErrorCode::KafkaStorageError,
                                   fileio::errorText("cannot rename for deletion", from, errno));
    removeEntry(entry);
    m_context->noteChange();
    return status;
}

std::vector<StorageStatus>
LogManager::deleteRecords(const std::vector<std::pair<TopicPartition, int64_t>> &requests)
{
    std::vector<StorageStatus> results;
    results.reserve(requests.size());
    bool changed = false;
    for (const auto &[tp, offset] : requests) {
        StorageStatus status;
        PartitionLog *log = partition(tp, &status);
        if (log) {
            const int64_t before = log->logStartOffset();
            status = log->deleteRecordsBefore(offset);
            changed = changed || log->logStartOffset() != before;
        }
        results.push_back(std::move(status));
    }
    if (changed) {
        const StorageStatus written = writeCheckpoint();
        if (!written.ok())
            for (StorageStatus &s : results)
                if (s.ok())
                    s = written;
    }
    return results;
}

void LogManager::setTopicConfig(const std::string &topic, const LogConfig &config)
{
    auto shared = std::make_shared<const LogConfig>(config);
    m_topicConfigs[topic] = shared;
    for (Entry *entry : m_order) {
        if (!entry->log || entry->topicPartition.topic != topic)
            continue;
        entry->log->setConfig(shared);
        if (config.flushMs != LogConfig::kNever)
            m_timedFlush.insert(entry);
        else
            m_timedFlush.erase(entry);
    }
}

void LogManager::removeTopicConfig(const std::string &topic)
{
    m_topicConfigs.erase(topic);
    setTopicConfig(topic, *m_defaultConfig);
    m_topicConfigs.erase(topic);
}

PartitionCheckpoint LogManager::stateOf(const Entry &entry) const
{
    if (!entry.log) {
        PartitionCheckpoint s = entry.saved;
        s.whole = s.whole && !entry.needsRecovery;
        return s;
    }
    const PartitionLog &log = *entry.log;
    return {log.logStartOffset(),
            log.recoveryPoint(),
            log.logEndOffset(),
            log.sizeBytes(),
            static_cast<int64_t>(log.segmentCount()),
            true};
}

std::vector<PartitionSummary> LogManager::summaries() const
{
    std::vector<PartitionSummary> out;
    out.reserve(m_order.size());
    for (const Entry *entry : m_order) {
        const PartitionCheckpoint s = stateOf(*entry);
        out.push_back({entry->topicPartition, s.sizeBytes, s.logStartOffset,
                       entry->log || !entry->needsRecovery ? s.logEndOffset : -1,
                       entry->log != nullptr});
    }
    return out;
}

LogManager::DiskUsage LogManager::diskUsage() const
{
    struct statvfs st
    {};
    if (::statvfs(m_options.dir.c_str(), &st) != 0)
        return {};
    return {static_cast<int64_t>(st.f_blocks) * static_cast<int64_t>(st.f_frsize),
            static_cast<int64_t>(st.f_bavail) * static_cast<int64_t>(st.f_frsize)};
}

std::string LogManager::serializeCheckpoint() const
{
    std::string lines;
    lines.reserve(m_order.size() * 64);
    for (const Entry *entry : m_order)
        checkpointfile::appendLine(lines, entry->topicPartition, stateOf(*entry));
    return checkpointfile::assemble(m_order.size(), lines);
}

StorageStatus LogManager::writeCheckpoint()
{
    m_checkpointedChanges = m_context->changeCount();
    return m_checkpointWriter->write(++m_checkpointSequence, serializeCheckpoint());
}

void LogManager::tick(int64_t nowMs)
{
    if (m_closed)
        return;
    for (Entry *entry : m_timedFlush)
        entry->log->flushIfDue(nowMs);
    sweep(nowMs);
    if (nowMs >= m_nextCheckpointMs && m_context->changeCount() != m_checkpointedChanges) {
        m_nextCheckpointMs = nowMs + m_options.checkpointIntervalMs;
        m_checkpointedChanges = m_context->changeCount();
        m_context->io().post([writer = m_checkpointWriter, sequence = ++m_checkpointSequence,
                              content = serializeCheckpoint()] {
            const StorageStatus status = writer->write(sequence, content);
            if (!status.ok())
                KLOG_ERROR("storage", status.message);
        });
    }
}

void LogManager::sweep(int64_t nowMs)
{
    if (m_sweepCursor == 0 && nowMs < m_nextSweepMs)
        return;
    size_t visits = 0;
    size_t opens = 0;
    while (m_sweepCursor < m_order.size() && visits < m_options.partitionsPerTick) {
        Entry &entry = *m_order[m_sweepCursor];
        if (!entry.log) {
            // A closed partition with one segment has nothing retention could delete; one that
            // needs recovery is opened anyway, so its tail is checked before anyone asks.
            if (!entry.needsRecovery && entry.saved.segmentCount <= 1) {
                ++m_sweepCursor;
                ++visits;
                continue;
            }
            if (opens == m_options.opensPerTick)
                return;
            ++opens;
            StorageStatus status;
            if (!openEntry(entry, status)) {
                ++m_sweepCursor;
                ++visits;
                continue;
            }
        }
        const RetentionResult r = entry.log->applyRetention(nowMs);
        if (r.segmentsDeleted > 0)
            KLOG_INFO("storage", entry.topicPartition.dirName() + ": retention deleted " +
                                     std::to_string(r.segmentsDeleted) + " segments, " +
                                     std::to_string(r.bytesDeleted) + " bytes");
        ++m_sweepCursor;
        ++visits;
    }
    if (m_sweepCursor >= m_order.size()) {
        m_sweepCursor = 0;
        m_nextSweepMs = nowMs + m_options.retentionCheckIntervalMs;
        ++m_completedSweeps;
    }
}

void LogManager::shutdown()
{
    if (m_closed)
        return;
    m_closed = true;
    bool clean = true;
    for (Entry *entry : m_order) {
        if (!entry->log)
            continue;
        const StorageStatus status = entry->log->closeClean();
        if (!status.ok()) {
            KLOG_ERROR("storage", status.message);
            clean = false;
        }
    }
    m_context->io().drain();
    // One syncfs instead of an fsync per file: after it every segment, index, epoch file and
    // directory entry of this file system is on disk.
    const int dirFd = ::open(m_options.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0 || ::syncfs(dirFd) != 0) {
        KLOG_ERROR("storage",
                   fileio::errorText("cannot sync the file system of", m_options.dir, errno));
        clean = false;
    }
    if (dirFd >= 0)
        ::close(dirFd);
    if (clean) {
        // Everything open is now durable up to its end.
        for (Entry *entry : m_order) {
            if (!entry->log)
                continue;
            entry->saved = stateOf(*entry);
            entry->saved.recoveryPoint = entry->saved.logEndOffset;
            entry->log.reset();
        }
        m_openCount = 0;
    }
    // Even after an error the checkpoint keeps the log start offsets; only the marker says
    // that the rest of it is exact.
    StorageStatus status = writeCheckpoint();
    std::string error;
    if (clean && status.ok() &&
        !fileio::writeFileAtomically(m_options.dir + '/' + std::string(kCleanShutdownFile),
                                     std::to_string(now()) + '\n', true, &error))
        status = StorageStatus::failure(ErrorCode::KafkaStorageError, error);
    if (!status.ok())
        KLOG_ERROR("storage", status.message);
    if (!clean || !status.ok())
        KLOG_WARN("storage", m_options.dir + " was not shut down cleanly; the next start will "
                                             "recover its partitions");
    m_timedFlush.clear();
    m_entries.clear();
    m_order.clear();
    m_openCount = 0;
    m_lock.reset();
}

} // namespace kastle::broker
