// Metadata log: replay, append, snapshot.
#include "metadatalog.h"

#include "storage/fileio.h"

#include "crc32c.h"
#include "log.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kastle::broker {

using protocol::DecodeError;
using protocol::Reader;
using protocol::Writer;

namespace {

constexpr std::string_view kLogMagic = "KSTLMLOG";
constexpr std::string_view kSnapshotMagic = "KSTLSNAP";
constexpr size_t kMagicSize = 8;
constexpr size_t kEntryHeader = 8; // size + crc

std::string logPath(const std::string &dir)
{
    return dir + "/metadata.log";
}
std::string snapshotPath(const std::string &dir)
{
    return dir + "/metadata.snapshot";
}

void writeEntry(Writer &w, uint64_t sequence, const std::vector<MetadataRecord> &records)
{
    const size_t start = w.bufferSize();
    w.i32(0);
    w.u32(0);
    w.i64(static_cast<int64_t>(sequence));
    w.i32(static_cast<int32_t>(records.size()));
    for (const auto &r : records)
        encodeMetadataRecord(w, r);
    const size_t body = start + kEntryHeader;
    const size_t size = w.bufferSize() - body;
    w.patchI32(start, static_cast<int32_t>(size));
    const uint32_t crc = protocol::crc32c(w.buffer().data() + body, size);
    w.patchI32(start + 4, static_cast<int32_t>(crc));
}

// One entry read from `data` at `pos`. nullopt when it is cut short or fails its CRC.
struct Entry
{
    uint64_t sequence;
    Reader records;
    uint32_t count;
    size_t end;
};
std::optional<Entry> readEntry(protocol::ByteView data, size_t pos)
{
    if (data.size() - pos < kEntryHeader)
        return std::nullopt;
    Reader head(data.subspan(pos, kEntryHeader));
    const auto size = static_cast<uint32_t>(head.i32());
    const uint32_t crc = head.u32();
    if (size < 12 || data.size() - pos - kEntryHeader < size)
        return std::nullopt;
    const auto body = data.subspan(pos + kEntryHeader, size);
    if (protocol::crc32c(body.data(), body.size()) != crc)
        return std::nullopt;
    Reader r(body);
    Entry e{};
    e.sequence = static_cast<uint64_t>(r.i64());
    e.count = static_cast<uint32_t>(r.i32());
    e.records = r;
    e.end = pos + kEntryHeader + size;
    return e;
}

void applyEntry(Entry &e, const MetadataLog::Apply &apply)
{
    for (uint32_t i = 0; i < e.count; ++i)
        if (auto rec = decodeMetadataRecord(e.records))
            apply(*rec);
}

} // namespace

std::unique_ptr<MetadataLog> MetadataLog::open(const std::string &dir, const Apply &apply,
                                               std::string *error)
{
    auto fail = [error](std::string text) -> std::unique_ptr<MetadataLog> {
        if (error)
            *error = std::move(text);
        return nullptr;
    };
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return fail(fileio::errorText("cannot create metadata directory", dir, errno));

    std::unique_ptr<MetadataLog> log(new MetadataLog);
    log->m_dir = dir;
    uint64_t snapshotSequence = 0;

    try {
        if (auto snap = fileio::readFile(snapshotPath(dir))) {
            const protocol::ByteView data = protocol::asBytes(*snap);
            auto entry = data.size() >= kMagicSize &&
                                 protocol::asString(data.first(kMagicSize)) == kSnapshotMagic
                             ? readEntry(data, kMagicSize)
                             : std::nullopt;
            if (!entry)
                return fail("the metadata snapshot " + snapshotPath(dir) +
                            " is damaged; restore it or remove the data directory");
            applyEntry(*entry, apply);
            snapshotSequence = entry->sequence;
            log->m_lastSequence = entry->sequence;
            log->m_snapshotSize = static_cast<int64_t>(data.size());
        } else if (errno != ENOENT) {
            return fail(fileio::errorText("cannot read", snapshotPath(dir), errno));
        }

        if (auto content = fileio::readFile(logPath(dir))) {
            const protocol::ByteView data = protocol::asBytes(*content);
            size_t pos = kMagicSize;
            if (data.size() < kMagicSize) {
                pos = 0; // created but its header never written: start it again
            } else if (protocol::asString(data.first(kMagicSize)) != kLogMagic) {
                return fail(logPath(dir) + " is not a Kastle metadata log");
            }
            while (pos > 0 && pos < data.size()) {
                auto entry = readEntry(data, pos);
                if (!entry)
                    break;
                if (entry->sequence > snapshotSequence) {
                    if (entry->sequence != log->m_lastSequence + 1)
                        return fail("the metadata log " + logPath(dir) +
                                    " does not continue its snapshot (entry " +
                                    std::to_string(entry->sequence) + " after " +
                                    std::to_string(log->m_lastSequence) + ")");
                    applyEntry(*entry, apply);
                    log->m_lastSequence = entry->sequence;
                }
                pos = entry->end;
            }
            if (pos < data.size()) {
                log->m_truncatedAtOpen = true;
                KLOG_WARN("metadata", "cutting a torn entry off the end of " + logPath(dir) +
                                          " at byte " + std::to_string(pos) + " of " +
                                          std::to_string(data.size()));
            }
            if (pos == 0) {
                if (!fileio::writeFileAtomically(logPath(dir), kLogMagic, true, error))
                    return nullptr;
                pos = kMagicSize;
            } else if (pos < data.size() &&
                       ::truncate(logPath(dir).c_str(), static_cast<off_t>(pos)) != 0) {
                return fail(fileio::errorText("cannot truncate", logPath(dir), errno));
            }
            log->m_logSize = static_cast<int64_t>(pos);
        } else if (errno == ENOENT) {
            if (!fileio::writeFileAtomically(logPath(dir), kLogMagic, true, error))
                return nullptr;
            log->m_logSize = static_cast<int64_t>(kMagicSize);
        } else {
            return fail(fileio::errorText("cannot read", logPath(dir), errno));
        }
    } catch (const DecodeError &e) {
        // A CRC-valid entry that does not parse was written by a broken or newer writer.
        return fail("the metadata in " + dir + " cannot be read (" + e.what() + ")");
    }

    if (!log->openForAppend(error))
        return nullptr;
    return log;
}

MetadataLog::~MetadataLog()
{
    if (m_fd >= 0) {
        ::fsync(m_fd);
        ::close(m_fd);
    }
}

bool MetadataLog::openForAppend(std::string *error)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = ::open(logPath(m_dir).c_str(), O_WRONLY | O_CLOEXEC);
    if (m_fd < 0) {
        if (error)
            *error = fileio::errorText("cannot open", logPath(m_dir), errno);
        return false;
    }
    return true;
}

bool MetadataLog::append(const std::vector<MetadataRecord> &records, std::string *error)
{
    Writer w(256);
    writeEntry(w, m_lastSequence + 1, records);
    const auto &bytes = w.buffer();
    if (!fileio::pwriteFull(m_fd, bytes.data(), bytes.size(), m_logSize)) {
        const int err = errno;
        [[maybe_unused]] int ignored = ::ftruncate(m_fd, static_cast<off_t>(m_logSize));
        if (error)
            *error = fileio::errorText("cannot append to", logPath(m_dir), err);
        return false;
    }
    m_logSize += static_cast<int64_t>(bytes.size());
    ++m_lastSequence;
    return true;
}

bool MetadataLog::wantsSnapshot() const
{
    return m_logSize > m_snapshotThreshold && m_logSize > m_snapshotSize;
}

bool MetadataLog::writeSnapshot(const std::vector<MetadataRecord> &records, std::string *error)
{
    Writer w(1024 * 1024);
    w.raw(protocol::asBytes(kSnapshotMagic));
    writeEntry(w, m_lastSequence, records);
    const auto &bytes = w.buffer();
    if (!fileio::writeFileAtomically(snapshotPath(m_dir), protocol::asString(bytes), true, error))
        return false;
    m_snapshotSize = static_cast<int64_t>(bytes.size());
    // The snapshot holds everything up to m_lastSequence: the log can start again empty.
    if (!fileio::writeFileAtomically(logPath(m_dir), kLogMagic, true, error))
        return false;
    m_logSize = static_cast<int64_t>(kMagicSize);
    return openForAppend(error);
}

bool MetadataLog::sync()
{
    return m_fd >= 0 && ::fsync(m_fd) == 0;
}

} // namespace kastle::broker
