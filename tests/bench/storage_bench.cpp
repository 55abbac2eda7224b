// storage_bench: figures for the broker's storage on a real directory.
//
//   storage_bench [--dir DIR] [--mib N] [--topics N]
//
// Prints append throughput (batches of 100-byte records, and 10 KiB batches), sequential read
// throughput, the time to create 10,000 topics x 10 partitions, to reopen that directory after a
// clean and after an unclean shutdown, and the open descriptors meanwhile. DIR (default
// ./storage-bench-data) is removed at the end.
#include "batchbuilder.h"
#include "log.h"
#include "storage/fileio.h"
#include "storage/logmanager.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace kastle::broker;
using kastle::protocol::Bytes;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int openDescriptors()
{
    int n = 0;
    DIR *dir = ::opendir("/proc/self/fd");
    while (const dirent *e = ::readdir(dir))
        n += e->d_name[0] != '.';
    ::closedir(dir);
    return n - 1;
}

long rssMiB()
{
    FILE *f = std::fopen("/proc/self/status", "r");
    char line[256];
    long kb = 0;
    while (f && std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmRSS:", 6) == 0)
            kb = std::atol(line + 6);
    if (f)
        std::fclose(f);
    return kb / 1024;
}

Bytes makeBatch(int records, size_t valueSize)
{
    kastle::protocol::RecordBatchBuilder builder;
    const std::string value(valueSize, 'x');
    for (int i = 0; i < records; ++i)
        builder.append(wallMs(), std::nullopt, value);
    return builder.build().bytes;
}

std::unique_ptr<LogManager> openManager(const std::string &dir, LogConfig config = {})
{
    LogManagerOptions options;
    options.dir = dir;
    options.defaultConfig = config;
    std::string error;
    auto manager = LogManager::open(options, error);
    if (!manager) {
        std::fprintf(stderr, "storage_bench: %s\n", error.c_str());
        std::exit(1);
    }
    return manager;
}

void appendBench(const std::string &dir, const char *label, int records, size_t valueSize,
                 int64_t totalBytes)
{
    LogConfig config;
    config.segmentBytes = 256 << 20; // a few rolls along the way
    auto manager = openManager(dir, config);
    StorageStatus status;
    PartitionLog *log = manager->createPartition({"append", 0}, status);
    Bytes batch = makeBatch(records, valueSize);
    const int64_t count = totalBytes / static_cast<int64_t>(batch.size());
    const auto start = Clock::now();
    for (int64_t i = 0; i < count; ++i)
        if (!log->append(batch, 0, wallMs()).status.ok()) {
            std::fprintf(stderr, "append failed\n");
            std::exit(1);
        }
    const double appendSeconds = secondsSince(start);
    const double mib = static_cast<double>(count) * static_cast<double>(batch.size()) / (1 << 20);
    std::printf("append %-28s %8.0f MiB/s %10.0f batches/s  (%lld batches of %zu bytes, %zu "
                "segments)\n",
                label, mib / appendSeconds, static_cast<double>(count) / appendSeconds,
                static_cast<long long>(count), batch.size(), log->segmentCount());

    // A consumer reading from the start with 1 MiB fetches, the bytes copied out with pread
    // (sendfile would not copy them at all).
    std::vector<uint8_t> buffer(1 << 20);
    int64_t offset = 0, bytes = 0, fetches = 0;
    const auto readStart = Clock::now();
    while (offset < log->logEndOffset()) {
        const ReadResult r = log->read(offset, 1 << 20, log->logEndOffset(), true);
        int64_t got = 0;
        for (const auto &range : r.ranges) {
            if (buffer.size() < static_cast<size_t>(got + range.length))
                buffer.resize(static_cast<size_t>(got + range.length));
            got += fileio::preadFull(range.fd, buffer.data() + got,
                                     static_cast<size_t>(range.length), range.position);
        }
        // The next offset: after the last whole batch.
        size_t pos = 0;
        int64_t next = offset;
        while (pos + kastle::protocol::batchlayout::kHeaderSize <= static_cast<size_t>(got)) {
            const auto h = *kastle::protocol::readBatchHeader(
                {buffer.data() + pos, static_cast<size_t>(got) - pos});
            if (pos + static_cast<size_t>(h.totalSize()) > static_cast<size_t>(got))
                break;
            next = h.lastOffset() + 1;
            pos += static_cast<size_t>(h.totalSize());
        }
        bytes += static_cast<int64_t>(pos);
        offset = next;
        ++fetches;
    }
    const double readSeconds = secondsSince(readStart);
    std::printf("read   %-28s %8.0f MiB/s %10.0f fetches/s\n", label,
                static_cast<double>(bytes) / (1 << 20) / readSeconds,
                static_cast<double>(fetches) / readSeconds);
    manager->shutdown();

    // Recovery as after a crash with no recovery point: a CRC-32C pass over every segment.
    LogContext context;
    PartitionLog::OpenOptions options;
    options.dir = dir + "/append-0";
    options.topicPartition = {"append", 0};
    options.config = std::make_shared<const LogConfig>(config);
    options.recover = true;
    options.nowMs = wallMs();
    const auto recoverStart = Clock::now();
    const auto recovered = PartitionLog::open(context, options, status);
    const double recoverSeconds = secondsSince(recoverStart);
    std::printf("recover %-27s %8.0f MiB/s  (%.2f s, whole log CRC-checked, page cache warm)\n",
                label, mib / recoverSeconds, recoverSeconds);
    fileio::removeTree(dir);
}

} // namespace

int main(int argc, char **argv)
{
    std::string dir = "storage-bench-data";
    int64_t mib = 512;
    int topics = 10000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--mib") == 0)
            mib = std::atoll(argv[i + 1]);
        else if (std::strcmp(argv[i], "--topics") == 0)
            topics = std::atoi(argv[i + 1]);
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    setLogLevel(LogLevel::Warn);
    fileio::removeTree(dir);

    appendBench(dir + "/small", "100-byte records x 10", 10, 100, mib << 20);
    appendBench(dir + "/large", "10 KiB batches (10 x 1 KiB)", 10, 1024, mib << 20);

    const std::string many = dir + "/many";
    {
        const auto start = Clock::now();
        auto manager = openManager(many);
        std::printf("start on an empty directory           %8.1f ms\n", secondsSince(start) * 1000);
    }
    fileio::removeTree(many);

    const int partitions = topics * 10;
    int mostFds = 0;
    const Bytes batch = makeBatch(1, 100);
    {
        auto manager = openManager(many);
        const int baseFds = openDescriptors();
        auto start = Clock::now();
        for (int t = 0; t < topics; ++t)
            for (int p = 0; p < 10; ++p) {
                StorageStatus status;
                if (!manager->createPartition({"topic-" + std::to_string(t), p}, status)) {
                    std::fprintf(stderr, "create failed: %s\n", status.message.c_str());
                    return 1;
                }
            }
        std::printf("create %d partitions (%d topics x 10) %8.2f s\n", partitions, topics,
                    secondsSince(start));
        start = Clock::now();
        for (int t = 0; t < topics; ++t)
            for (int p = 0; p < 10; ++p) {
                Bytes copy = batch;
                manager->partition({"topic-" + std::to_string(t), p})->append(copy, 0, wallMs());
                if (p == 0 && t % 500 == 0)
                    mostFds = std::max(mostFds, openDescriptors() - baseFds);
            }
        std::printf("append one batch to each partition     %8.2f s  (at most %d descriptors "
                    "open above the start, fd cache limit %zu, RSS %ld MiB)\n",
                    secondsSince(start), mostFds, manager->context().files().limit(), rssMiB());
        start = Clock::now();
        manager->shutdown();
        std::printf("clean shutdown                         %8.2f s\n", secondsSince(start));
    }
    {
        const int fdsBefore = openDescriptors();
        const auto start = Clock::now();
        auto manager = openManager(many);
        const double ready = secondsSince(start);
        std::printf("reopen after a clean shutdown: ready in %7.1f ms  (%zu partitions, clean=%d, "
                    "%d descriptors opened, RSS %ld MiB)\n",
                    ready * 1000, manager->partitionCount(), manager->hadCleanShutdown(),
                    openDescriptors() - fdsBefore, rssMiB());
        auto first = Clock::now();
        int64_t total = 0;
        for (int t = 0; t < topics; t += topics / 100)
            total += manager->partition({"topic-" + std::to_string(t), 3})->logEndOffset();
        std::printf("  first use of 100 partitions          %8.2f ms (total LEO %lld)\n",
                    secondsSince(first) * 1000, static_cast<long long>(total));
    }
    // An unclean shutdown: a child appends to 1,000 partitions and is killed.
    const pid_t pid = ::fork();
    if (pid == 0) {
        auto manager = openManager(many);
        for (int t = 0; t < 100; ++t)
            for (int p = 0; p < 10; ++p) {
                Bytes copy = batch;
                manager->partition({"topic-" + std::to_string(t), p})->append(copy, 0, wallMs());
            }
        ::kill(::getpid(), SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    {
        const int fdsBefore = openDescriptors();
        const auto start = Clock::now();
        auto manager = openManager(many);
        const double ready = secondsSince(start);
        std::printf("reopen after SIGKILL: ready in %16.1f ms  (clean=%d, %d descriptors opened)\n",
                    ready * 1000, manager->hadCleanShutdown(), openDescriptors() - fdsBefore);
        auto sweep = Clock::now();
        int ticks = 0;
        int most = 0;
        while (manager->completedSweeps() == 0) {
            manager->tick(wallMs());
            ++ticks;
            if (ticks % 50 == 0)
                most = std::max(most, openDescriptors() - fdsBefore);
        }
        std::printf("  background recovery of all partitions %7.2f s in %d ticks (%zu open, at "
                    "most %d descriptors, RSS %ld MiB)\n",
                    secondsSince(sweep), ticks, manager->openPartitionCount(), most, rssMiB());
    }
    const auto start = Clock::now();
    fileio::removeTree(dir);
    std::printf("remove the benchmark directory          %8.2f s\n", secondsSince(start));
    return 0;
}
