// Helpers for the storage tests (see storagetesting.h).
#include "storagetesting.h"

#include "batchbuilder.h"
#include "storage/fileio.h"

#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace kastle::broker::testing {

protocol::Bytes makeBatch(const BatchSpec &spec)
{
    protocol::RecordBatchBuilder builder;
    const std::string value(spec.valueSize, spec.fill);
    for (int i = 0; i < spec.records; ++i)
        builder.append(spec.baseTimestamp + int64_t{i} * spec.timestampStep, std::nullopt, value);
    protocol::CodecResult built = builder.build();
    if (!built.ok())
        throw std::runtime_error("cannot build a test batch: " + built.error);
    return std::move(built.bytes);
}

protocol::Bytes concat(const std::vector<protocol::Bytes> &batches)
{
    protocol::Bytes out;
    for (const auto &b : batches)
        out.insert(out.end(), b.begin(), b.end());
    return out;
}

std::vector<protocol::RecordBatchHeader> headersOf(protocol::ByteView bytes)
{
    std::vector<protocol::RecordBatchHeader> out;
    size_t pos = 0;
    while (pos < bytes.size()) {
        const auto h = protocol::readBatchHeader(bytes.subspan(pos));
        if (!h || pos + static_cast<size_t>(h->totalSize()) > bytes.size())
            break;
        out.push_back(*h);
        pos += static_cast<size_t>(h->totalSize());
    }
    return out;
}

protocol::Bytes bytesOf(const ReadResult &result)
{
    protocol::Bytes out;
    for (const auto &r : result.ranges) {
        const protocol::Bytes part = protocol::readFileRange(r);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

int64_t appendBatches(PartitionLog &log, int count, const BatchSpec &spec, int64_t appendTimeMs,
                      int32_t epoch)
{
    int64_t last = -1;
    for (int i = 0; i < count; ++i) {
        protocol::Bytes batch = makeBatch(spec);
        const AppendResult r = log.append(batch, epoch, appendTimeMs);
        if (!r.status.ok())
            throw std::runtime_error("append failed: " + r.status.message);
        last = r.lastOffset;
    }
    return last;
}

int64_t fileSize(const std::string &path)
{
    struct stat st
    {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

int openDescriptorCount()
{
    int n = 0;
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    while (const dirent *e = ::readdir(dir))
        if (e->d_name[0] != '.')
            ++n;
    ::closedir(dir);
    return n - 1; // the descriptor of the listing itself
}

void appendToFile(const std::string &path, const protocol::Bytes &bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()))
        throw std::runtime_error("cannot append to " + path);
    ::close(fd);
}

void truncateFile(const std::string &path, int64_t size)
{
    if (::truncate(path.c_str(), size) != 0)
        throw std::runtime_error("cannot truncate " + path);
}

void flipByte(const std::string &path, int64_t position)
{
    const int fd = ::open(path.c_str(), O_RDWR);
    uint8_t b = 0;
    if (fd < 0 || ::pread(fd, &b, 1, position) != 1)
        throw std::runtime_error("cannot read " + path);
    b ^= 0xFF;
    if (::pwrite(fd, &b, 1, position) != 1)
        throw std::runtime_error("cannot write " + path);
    ::close(fd);
}

protocol::Bytes readWholeFile(const std::string &path)
{
    const auto text = fileio::readFile(path);
    if (!text)
        return {};
    return protocol::Bytes(text->begin(), text->end());
}

TempDir::TempDir()
{
    const char *base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/kastle-storage-XXXXXX";
    if (!::mkdtemp(tmpl.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir()
{
    fileio::removeTree(m_path);
}

std::unique_ptr<PartitionLog> LogFixture::openLog(bool create, bool recover, int64_t recoveryPoint,
                                                  int64_t nowMs)
{
    PartitionLog::OpenOptions o;
    o.dir = dir.sub("topic-0");
    o.topicPartition = {"topic", 0};
    o.config = config;
    o.createDirectory = create;
    o.recover = recover;
    o.recoveryPoint = recoveryPoint;
    o.nowMs = nowMs;
    StorageStatus status;
    auto log = PartitionLog::open(*context, o, status);
    EXPECT_TRUE(status.ok()) << status.message;
    return log;
}

std::unique_ptr<PartitionLog> LogFixture::segmentedLog(int64_t segmentBytes, int batches,
                                                       const BatchSpec &spec)
{
    config->segmentBytes = segmentBytes;
    auto log = openLog();
    appendBatches(*log, batches, spec, 0);
    return log;
}

std::string LogFixture::segmentPath(int64_t base, std::string_view suffix) const
{
    return dir.sub("topic-0") + '/' + fileio::segmentFileName(base, suffix);
}

} // namespace kastle::broker::testing
