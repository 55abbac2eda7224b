// LogManager: clean and unclean restarts (the unclean ones in a child process killed with
// SIGKILL), the directory lock against a second manager and a second process, the checkpoint
// of log start offsets, the open-file cache under 5,000 partitions, partition deletion and the
// bounded background sweep.
#include "storage/logmanager.h"

#include "storagetesting.h"

#include "batchreader.h"
#include "storage/fileio.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kastle::broker;
using namespace kastle::broker::testing;
using kastle::protocol::Bytes;
using kastle::protocol::ErrorCode;

namespace {

class LogManagerTest : public ::testing::Test
{
protected:
    std::unique_ptr<LogManager> openManager(LogManagerOptions options = {})
    {
        options.dir = dir.sub("data");
        if (!options.clock)
            options.clock = [this] { return clockMs; };
        std::string error;
        auto manager = LogManager::open(std::move(options), error);
        EXPECT_TRUE(manager) << error;
        return manager;
    }

    // Runs `body` in a child process that exits with the code `body` returns (unless the body
    // calls crash()). Returns the child's wait status.
    static int inChild(const std::function<int()> &body)
    {
        const pid_t pid = ::fork();
        if (pid == 0)
            ::_exit(body());
        int status = 0;
        ::waitpid(pid, &status, 0);
        return status;
    }

    TempDir dir;
    int64_t clockMs = 1000000;
};

// Dies the way a broker does under `kill -9`: no destructor, no clean shutdown.
[[noreturn]] void crash()
{
    ::kill(::getpid(), SIGKILL);
    ::_exit(99);
}

TopicPartition tp(const std::string &topic, int32_t partition)
{
    return {topic, partition};
}

} // namespace

TEST_F(LogManagerTest, CleanRestartReadsNoPartitionUntilUsed)
{
    std::vector<int64_t> sizes;
    {
        auto m = openManager();
        for (int p = 0; p < 20; ++p) {
            StorageStatus status;
            PartitionLog *log = m->createPartition(tp("orders", p), status);
            ASSERT_TRUE(log) << status.message;
            appendBatches(*log, p + 1, {.records = 3}, clockMs);
            sizes.push_back(log->sizeBytes());
        }
        EXPECT_FALSE(m->hadCleanShutdown());
    }
    EXPECT_EQ(fileSize(dir.sub("data/.kastle-clean-shutdown")) >= 0, true);
    auto m = openManager();
    EXPECT_TRUE(m->hadCleanShutdown());
    EXPECT_EQ(fileSize(dir.sub("data/.kastle-clean-shutdown")), -1); // a crash now is unclean
    EXPECT_EQ(m->partitionCount(), 20u);
    EXPECT_EQ(m->openPartitionCount(), 0u);
    EXPECT_EQ(m->context().files().size(), 0u);
    for (const PartitionSummary &s : m->summaries()) {
        EXPECT_EQ(s.sizeBytes, sizes[static_cast<size_t>(s.topicPartition.partition)]);
        EXPECT_EQ(s.logEndOffset, 3 * (s.topicPartition.partition + 1));
        EXPECT_FALSE(s.open);
    }
    PartitionLog *log = m->partition(tp("orders", 7));
    ASSERT_TRUE(log);
    EXPECT_EQ(log->logEndOffset(), 24);
    EXPECT_EQ(headersOf(bytesOf(log->read(0, 1 << 20, 100, false))).size(), 8u);
    EXPECT_EQ(m->openPartitionCount(), 1u);
    StorageStatus status;
    EXPECT_FALSE(m->partition(tp("orders", 20), &status));
    EXPECT_EQ(status.code, ErrorCode::UnknownTopicOrPartition);
}

TEST_F(LogManagerTest, EmptyDirectoryStartsAndIgnoresForeignEntries)
{
    ::mkdir(dir.sub("data").c_str(), 0755);
    ::mkdir(dir.sub("data/not_a_partition").c_str(), 0755);
    ::mkdir(dir.sub("data/topic-x").c_str(), 0755);
    ::mkdir(dir.sub("data/real-3").c_str(), 0755);
    appendToFile(dir.sub("data/notes-1"), {}); // a file, not a directory
    auto m = openManager();
    EXPECT_EQ(m->partitionCount(), 1u);
    EXPECT_TRUE(m->contains(tp("real", 3)));
    PartitionLog *log = m->partition(tp("real", 3));
    ASSERT_TRUE(log);
    EXPECT_EQ(log->logEndOffset(), 0);
}

TEST_F(LogManagerTest, ASecondManagerOnTheDirectoryIsRefused)
{
    auto first = openManager();
    std::string error;
    LogManagerOptions options;
    options.dir = dir.sub("data");
    EXPECT_FALSE(LogManager::open(options, error));
    EXPECT_NE(error.find(dir.sub("data")), std::string::npos) << error;
    EXPECT_NE(error.find("pid " + std::to_string(::getpid())), std::string::npos) << error;

    // Another process gets the same answer, naming this process.
    const std::string expectedPid = "pid " + std::to_string(::getpid());
    const int status = inChild([&] {
        std::string childError;
        LogManagerOptions o;
        o.dir = dir.sub("data");
        auto second = LogManager::open(o, childError);
        if (second)
            return 1;
        return childError.find(expectedPid) != std::string::npos &&
                       childError.find("in use by another broker") != std::string::npos
                   ? 0
                   : 2;
    });
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);

    first.reset();
    EXPECT_TRUE(LogManager::open(options, error)) << error;
}

TEST_F(LogManagerTest, LogStartOffsetSurvivesCleanAndUncleanRestarts)
{
    LogManagerOptions small;
    small.defaultConfig.segmentBytes = 1000;
    {
        auto m = openManager(small);
        StorageStatus status;
        PartitionLog *log = m->createPartition(tp("t", 0), status);
        appendBatches(*log, 20, {.records = 2, .valueSize = 100}, clockMs);
        const auto results = m->deleteRecords({{tp("t", 0), 13}, {tp("missing", 0), 1}});
        EXPECT_TRUE(results[0].ok());
        EXPECT_EQ(results[1].code, ErrorCode::UnknownTopicOrPartition);
        EXPECT_EQ(log->logStartOffset(), 13);
    }
    {
        auto m = openManager(small);
        EXPECT_EQ(m->summaries().front().logStartOffset, 13);
        EXPECT_EQ(m->partition(tp("t", 0))->logStartOffset(), 13);
    }
    // DeleteRecords in a process that is then killed: the offset was on disk when it returned.
    const int status = inChild([&] {
        auto m = openManager(small);
        const auto r = m->deleteRecords({{tp("t", 0), 27}});
        if (!r[0].ok())
            return 3;
        crash();
    });
    ASSERT_TRUE(WIFSIGNALED(status));
    auto m = openManager(small);
    EXPECT_FALSE(m->hadCleanShutdown());
    PartitionLog *log = m->partition(tp("t", 0));
    ASSERT_TRUE(log);
    EXPECT_EQ(log->logStartOffset(), 27);
    EXPECT_EQ(log->logEndOffset(), 40);
    EXPECT_EQ(log->read(26, 100, 100, true).status.code, ErrorCode::OffsetOutOfRange);
}

TEST_F(LogManagerTest, SigkillLosesNothingAcknowledged)
{
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    // The child reports each acknowledged append (partition, last offset) through the pipe.
    const int status = inChild([&] {
        ::close(fds[0]);
        LogManagerOptions o;
        o.defaultConfig.segmentBytes = 4096;
        auto m = openManager(o);
        for (int round = 0; round < 30; ++round)
            for (int p = 0; p < 8; ++p) {
                StorageStatus s;
                PartitionLog *log = m->createPartition(tp("crash", p), s);
                Bytes batch = makeBatch({.records = 1 + p, .valueSize = 200});
                const AppendResult r = log->append(batch, 1, clockMs);
                if (!r.status.ok())
                    return 4;
                const int64_t report[2] = {p, r.lastOffset};
                if (::write(fds[1], report, sizeof report) != sizeof report)
                    return 5;
            }
        crash();
    });
    ::close(fds[1]);
    ASSERT_TRUE(WIFSIGNALED(status));
    std::map<int64_t, int64_t> acknowledged;
    int64_t report[2];
    while (::read(fds[0], report, sizeof report) == sizeof report)
        acknowledged[report[0]] = report[1];
    ::close(fds[0]);
    ASSERT_EQ(acknowledged.size(), 8u);

    auto m = openManager();
    EXPECT_FALSE(m->hadCleanShutdown());
    EXPECT_EQ(m->summaries().size(), 8u);
    for (const auto &[p, last] : acknowledged) {
        PartitionLog *log = m->partition(tp("crash", static_cast<int32_t>(p)));
        ASSERT_TRUE(log);
        EXPECT_EQ(log->logEndOffset(), last + 1);
        EXPECT_GT(log->segmentCount(), 1u);
        const Bytes all = bytesOf(log->read(0, 1 << 30, log->logEndOffset(), false));
        EXPECT_EQ(headersOf(all).size(), 30u);
        const auto problem = kastle::protocol::validateRecordSet(all);
        EXPECT_FALSE(problem) << problem->reason;
    }
}

TEST_F(LogManagerTest, UncleanRestartThenCleanRestartKeepsPartitionsThatWereNeverOpened)
{
    const int status = inChild([&]() -> int {
        auto m = openManager();
        for (int p = 0; p < 4; ++p) {
            StorageStatus s;
            appendBatches(*m->createPartition(tp("u", p), s), 3, {.records = 2}, clockMs);
        }
        crash();
    });
    ASSERT_TRUE(WIFSIGNALED(status));
    // Reopen, touch only one partition, shut down cleanly: the other three still need their
    // tail checked next time, and the damage below is found.
    {
        auto m = openManager();
        EXPECT_EQ(m->summaries().front().logEndOffset, -1); // unknown until opened
        EXPECT_EQ(m->partition(tp("u", 0))->logEndOffset(), 6);
    }
    // A batch that is whole but fails its CRC: only a recovery pass notices.
    Bytes bad = makeBatch({.records = 1});
    kastle::protocol::patchBaseOffset(bad, 6);
    bad[bad.size() - 5] ^= 0xFF;
    appendToFile(dir.sub("data/u-2/00000000000000000000.log"), bad);
    auto m = openManager();
    EXPECT_TRUE(m->hadCleanShutdown());
    EXPECT_EQ(m->partition(tp("u", 2))->logEndOffset(), 6);
    EXPECT_EQ(fileSize(dir.sub("data/u-2/00000000000000000000.log")),
              m->partition(tp("u", 2))->sizeBytes());
}

TEST_F(LogManagerTest, OpenFilesStayWithinTheLimitAcross5000Partitions)
{
    LogManagerOptions o;
    o.maxOpenFiles = 100;
    auto m = openManager(o);
    const int before = openDescriptorCount();
    int most = before;
    const Bytes batch = makeBatch({.records = 1, .valueSize = 20});
    for (int round = 0; round < 2; ++round)
        for (int p = 0; p < 5000; ++p) {
            StorageStatus status;
            PartitionLog *log =
                m->createPartition(tp("fd" + std::to_string(p / 10), p % 10), status);
            ASSERT_TRUE(log) << status.message;
            Bytes copy = batch;
            ASSERT_TRUE(log->append(copy, 0, clockMs).status.ok());
            ASSERT_LE(m->context().files().size(), 100u);
            if (p % 100 == 0)
                most = std::max(most, openDescriptorCount());
        }
    EXPECT_EQ(m->partitionCount(), 5000u);
    EXPECT_LE(most - before, 100);
    EXPECT_GE(m->context().files().openCount(), 5000u); // files were reopened on demand
    // Every partition still reads back, through the cache.
    for (int p = 0; p < 5000; p += 499) {
        PartitionLog *log = m->partition(tp("fd" + std::to_string(p / 10), p % 10));
        EXPECT_EQ(headersOf(bytesOf(log->read(0, 1 << 20, 10, false))).size(), 2u);
    }
    EXPECT_LE(m->context().files().size(), 100u);
}

TEST_F(LogManagerTest, DeletedPartitionsDisappearInTheBackground)
{
    auto m = openManager();
    StorageStatus status;
    appendBatches(*m->createPartition(tp("gone", 0), status), 5, {}, clockMs);
    m->createPartition(tp("kept", 0), status);
    const ReadResult inFlight = m->partition(tp("gone", 0))->read(0, 1 << 20, 100, false);
    ASSERT_TRUE(m->deletePartition(tp("gone", 0)).ok());
    EXPECT_FALSE(m->contains(tp("gone", 0)));
    EXPECT_EQ(m->deletePartition(tp("gone", 0)).code, ErrorCode::UnknownTopicOrPartition);
    m->context().io().drain();
    std::vector<fileio::DirEntry> entries;
    ASSERT_TRUE(fileio::listDirectory(dir.sub("data"), entries));
    for (const auto &e : entries)
        EXPECT_EQ(e.name.find("gone"), std::string::npos) << e.name;
    EXPECT_EQ(headersOf(bytesOf(inFlight)).size(), 5u); // a read in flight still completes

    // The name can be used again, for an empty log.
    PartitionLog *again = m->createPartition(tp("gone", 0), status);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->logEndOffset(), 0);
    m.reset();
    m = openManager();
    EXPECT_EQ(m->partitionCount(), 2u);
}

TEST_F(LogManagerTest, TickSweepsRetentionInBoundedSteps)
{
    LogManagerOptions o;
    o.partitionsPerTick = 3;
    o.opensPerTick = 2;
    o.retentionCheckIntervalMs = 1000;
    o.checkpointIntervalMs = 500;
    o.defaultConfig.segmentBytes = 700;
    o.defaultConfig.retentionMs = 60000;
    {
        auto m = openManager(o);
        for (int p = 0; p < 10; ++p) {
            StorageStatus s;
            appendBatches(*m->createPartition(tp("old", p), s), 8,
                          {.records = 1, .valueSize = 400, .baseTimestamp = clockMs - 120000},
                          clockMs);
        }
    }
    auto m = openManager(o);
    ASSERT_EQ(m->openPartitionCount(), 0u);
    int ticks = 0;
    while (m->completedSweeps() == 0) {
        m->tick(clockMs + ticks);
        ++ticks;
        EXPECT_LE(m->openPartitionCount(), static_cast<size_t>(2 * ticks));
        ASSERT_LT(ticks, 100);
    }
    EXPECT_GE(ticks, 5); // at most two opens per tick for ten partitions
    for (const PartitionSummary &s : m->summaries()) {
        EXPECT_TRUE(s.open);
        EXPECT_EQ(s.logStartOffset, 7); // only the active segment is left
    }
    // The next pass waits for the retention interval.
    m->tick(clockMs + ticks);
    EXPECT_EQ(m->completedSweeps(), 1u);

    // The periodic checkpoint carries the new log start offsets (written in the background).
    m->tick(clockMs + 100000);
    m->context().io().drain();
    const auto text = fileio::readFile(dir.sub("data/partition-state.checkpoint"));
    ASSERT_TRUE(text);
    std::vector<CheckpointLine> lines;
    ASSERT_TRUE(checkpointfile::parse(*text, lines));
    ASSERT_EQ(lines.size(), 10u);
    for (const CheckpointLine &line : lines)
        EXPECT_EQ(line.state.logStartOffset, 7);
}

TEST_F(LogManagerTest, CheckpointFormat)
{
    std::string lines;
    checkpointfile::appendLine(lines, {"a.b_c-d", 12}, {5, 7, 9, 1234, 2, true});
    checkpointfile::appendLine(lines, {"x", 0}, {0, 0, 0, 0, 1, false});
    const std::string text = checkpointfile::assemble(2, lines);
    EXPECT_EQ(text, "kastle-partition-state 1\n2\na.b_c-d 12 5 7 9 1234 2 1\nx 0 0 0 0 0 1 0\n");
    std::vector<CheckpointLine> parsed;
    ASSERT_TRUE(checkpointfile::parse(text, parsed));
    ASSERT_EQ(parsed.size(), 2u);
    EXPECT_EQ(parsed[0].topicPartition, (TopicPartition{"a.b_c-d", 12}));
    EXPECT_EQ(parsed[0].state, (PartitionCheckpoint{5, 7, 9, 1234, 2, true}));
    EXPECT_FALSE(checkpointfile::parse(text.substr(0, text.size() - 3), parsed));
    EXPECT_FALSE(checkpointfile::parse("kastle-partition-state 1\n3\n" + lines, parsed));
}
