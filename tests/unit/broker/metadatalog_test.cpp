// The metadata log: records round trip, replay rebuilds the image, a torn tail is cut, a
// snapshot replaces the log (also when a crash left the old log beside it), damage is refused.
#include "../../support/tempdir.h"

#include "cluster/metadatalog.h"
#include "storage/fileio.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <unistd.h>

using namespace kastle::broker;
using kastle::testing::TempDir;

namespace {

std::vector<MetadataRecord> sampleRecords(const std::string &topic, int partitions)
{
    std::vector<MetadataRecord> out;
    kastle::protocol::Uuid id;
    id.bytes[0] = static_cast<uint8_t>(topic.size());
    id.bytes[15] = 7;
    out.emplace_back(TopicRecord{topic, id, false});
    for (int p = 0; p < partitions; ++p)
        out.emplace_back(PartitionRecord{topic, p, PartitionInfo{{1}, {1}, 1, p}});
    out.emplace_back(TopicConfigRecord{topic, "retention.ms", "1000"});
    return out;
}

// Replays `dir` into an image (the way the controller does).
ImagePtr replay(const std::string &dir, std::unique_ptr<MetadataLog> *keep = nullptr,
                std::string *error = nullptr)
{
    ClusterImage empty;
    ImageBuilder builder(empty);
    std::string e;
    auto log = MetadataLog::open(
        dir, [&](const MetadataRecord &r) { builder.apply(r); }, &e);
    if (error)
        *error = e;
    if (!log)
        return nullptr;
    if (keep)
        *keep = std::move(log);
    return builder.finish({});
}

// Opens the log in `dir`, appends one entry per element of `entries`, closes it.
void appendEntries(const std::string &dir, const std::vector<std::vector<MetadataRecord>> &entries)
{
    std::unique_ptr<MetadataLog> log;
    ASSERT_TRUE(replay(dir, &log));
    std::string error;
    for (const auto &records : entries)
        ASSERT_TRUE(log->append(records, &error)) << error;
}

int64_t fileSize(const std::string &path)
{
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    return f ? static_cast<int64_t>(f.tellg()) : -1;
}

} // namespace

TEST(MetadataRecords, EveryRecordTypeRoundTrips)
{
    std::vector<MetadataRecord> records = sampleRecords("t", 2);
    records.emplace_back(ClusterIdRecord{"abc"});
    records.emplace_back(TopicConfigRecord{"t", "retention.ms", std::nullopt});
    records.emplace_back(RemoveTopicRecord{"t"});
    kastle::protocol::Writer w;
    for (const auto &r : records)
        encodeMetadataRecord(w, r);
    kastle::protocol::Reader r(w.buffer());
    for (const auto &expected : records) {
        const auto got = decodeMetadataRecord(r);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(*got, expected);
    }
    EXPECT_TRUE(r.atEnd());
}

TEST(MetadataRecords, UnknownTypesAreSkippedAndShortPayloadsRejected)
{
    kastle::protocol::Writer w;
    w.u8(200);
    w.i32(3);
    w.raw(std::vector<uint8_t>{1, 2, 3});
    encodeMetadataRecord(w, ClusterIdRecord{"x"});
    kastle::protocol::Reader r(w.buffer());
    EXPECT_FALSE(decodeMetadataRecord(r).has_value());
    EXPECT_EQ(decodeMetadataRecord(r), MetadataRecord(ClusterIdRecord{"x"}));

    kastle::protocol::Writer bad;
    bad.u8(3); // a partition record with a 2-byte payload
    bad.i32(2);
    bad.i16(0);
    kastle::protocol::Reader rb(bad.buffer());
    EXPECT_THROW(decodeMetadataRecord(rb), kastle::protocol::DecodeError);
}

TEST(MetadataLog, ReplayRebuildsTheImage)
{
    TempDir dir;
    {
        std::unique_ptr<MetadataLog> log;
        ASSERT_TRUE(replay(dir.path(), &log));
        std::string error;
        ASSERT_TRUE(log->append({ClusterIdRecord{"cluster-1"}}, &error)) << error;
        ASSERT_TRUE(log->append(sampleRecords("a", 3), &error));
        ASSERT_TRUE(log->append(sampleRecords("b", 1), &error));
        ASSERT_TRUE(log->append(
            {TopicConfigRecord{"a", "retention.ms", std::nullopt}, RemoveTopicRecord{"b"}},
            &error));
        EXPECT_EQ(log->lastSequence(), 4u);
    }
    std::unique_ptr<MetadataLog> log;
    const ImagePtr image = replay(dir.path(), &log);
    ASSERT_TRUE(image);
    EXPECT_EQ(log->lastSequence(), 4u);
    EXPECT_FALSE(log->truncatedAtOpen());
    EXPECT_EQ(image->clusterId, "cluster-1");
    EXPECT_EQ(image->topics.size(), 1u);
    EXPECT_EQ(image->partitionCount, 3);
    const TopicPtr a = image->topics.find("a");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->partitions.size(), 3u);
    EXPECT_EQ(a->partitions[2].leaderEpoch, 2);
    EXPECT_TRUE(a->configs.empty());
    EXPECT_FALSE(image->topics.find("b"));
}

TEST(MetadataLog, TornTailIsCutAndLaterAppendsSurvive)
{
    TempDir dir;
    appendEntries(dir.path(), {sampleRecords("a", 1), sampleRecords("b", 1)});
    const std::string path = dir / "metadata.log";
    const int64_t whole = fileSize(path);
    // A crash in the middle of the second entry: cut 5 bytes off its end.
    ASSERT_EQ(::truncate(path.c_str(), whole - 5), 0);
    {
        std::unique_ptr<MetadataLog> log;
        const ImagePtr image = replay(dir.path(), &log);
        ASSERT_TRUE(image);
        EXPECT_TRUE(log->truncatedAtOpen());
        EXPECT_TRUE(image->topics.find("a"));
        EXPECT_FALSE(image->topics.find("b"));
        EXPECT_EQ(log->lastSequence(), 1u);
        std::string error;
        ASSERT_TRUE(log->append(sampleRecords("c", 1), &error));
    }
    // Garbage after the last entry (a write of junk, or a foreign tail) is cut the same way.
    {
        std::ofstream f(path, std::ios::binary | std::ios::app);
        f << "garbage that is not an entry at all";
    }
    std::unique_ptr<MetadataLog> log;
    const ImagePtr image = replay(dir.path(), &log);
    ASSERT_TRUE(image);
    EXPECT_TRUE(log->truncatedAtOpen());
    EXPECT_TRUE(image->topics.find("a"));
    EXPECT_TRUE(image->topics.find("c"));
    EXPECT_EQ(log->lastSequence(), 2u);
}

TEST(MetadataLog, FlippedByteEndsTheLogAtThatEntry)
{
    TempDir dir;
    appendEntries(dir.path(), {sampleRecords("a", 1), sampleRecords("b", 1)});
    const std::string path = dir / "metadata.log";
    const int fd = ::open(path.c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    const int64_t at = fileSize(path) - 3;
    uint8_t byte = 0;
    ASSERT_EQ(::pread(fd, &byte, 1, at), 1);
    byte ^= 0xff;
    ASSERT_EQ(::pwrite(fd, &byte, 1, at), 1);
    ::close(fd);
    const ImagePtr image = replay(dir.path());
    ASSERT_TRUE(image);
    EXPECT_TRUE(image->topics.find("a"));
    EXPECT_FALSE(image->topics.find("b"));
}

TEST(MetadataLog, SnapshotCompactsTheLog)
{
    TempDir dir;
    int64_t sizeBefore = 0;
    {
        std::unique_ptr<MetadataLog> log;
        ImagePtr image = replay(dir.path(), &log);
        ASSERT_TRUE(image);
        log->setSnapshotThreshold(1024);
        std::string error;
        ClusterImage base;
        ImageBuilder builder(base);
        for (int i = 0; i < 50; ++i) {
            // The same topic changed again and again: the log grows, the image does not.
            for (const auto &r : sampleRecords("t" + std::to_string(i % 3), 4)) {
                ASSERT_TRUE(log->append({r}, &error));
                builder.apply(r);
            }
        }
        image = builder.finish({});
        EXPECT_TRUE(log->wantsSnapshot());
        sizeBefore = log->logBytes();
        const uint64_t sequence = log->lastSequence();
        ASSERT_TRUE(log->writeSnapshot(imageToRecords(*image), &error)) << error;
        EXPECT_LT(log->logBytes(), 16);
        EXPECT_FALSE(log->wantsSnapshot());
        EXPECT_EQ(log->lastSequence(), sequence);
        ASSERT_TRUE(log->append(sampleRecords("after", 1), &error));
    }
    EXPECT_LT(fileSize(dir / "metadata.snapshot"), sizeBefore);
    std::unique_ptr<MetadataLog> log;
    const ImagePtr image = replay(dir.path(), &log);
    ASSERT_TRUE(image);
    EXPECT_EQ(image->topics.size(), 4u);
    EXPECT_TRUE(image->topics.find("t2"));
    EXPECT_TRUE(image->topics.find("after"));
    EXPECT_EQ(image->topics.find("t1")->partitions.size(), 4u);
}

TEST(MetadataLog, CrashBetweenSnapshotAndLogResetReplaysOnce)
{
    TempDir dir;
    std::string oldLog;
    {
        std::unique_ptr<MetadataLog> log;
        ASSERT_TRUE(replay(dir.path(), &log));
        std::string error;
        ASSERT_TRUE(log->append(sampleRecords("a", 2), &error));
        ASSERT_TRUE(log->append({TopicConfigRecord{"a", "segment.ms", "5"}}, &error));
        oldLog = *fileio::readFile(dir / "metadata.log");
        ClusterImage base;
        ImageBuilder builder(base);
        for (const auto &r : sampleRecords("a", 2))
            builder.apply(r);
        builder.apply(TopicConfigRecord{"a", "segment.ms", "5"});
        ASSERT_TRUE(log->writeSnapshot(imageToRecords(*builder.finish({})), &error));
    }
    // As if the process died after the snapshot's rename and before the log was emptied.
    ASSERT_TRUE(fileio::writeFileAtomically(dir / "metadata.log", oldLog, false, nullptr));
    std::unique_ptr<MetadataLog> log;
    const ImagePtr image = replay(dir.path(), &log);
    ASSERT_TRUE(image);
    EXPECT_EQ(log->lastSequence(), 2u);
    EXPECT_EQ(image->topics.size(), 1u);
    EXPECT_EQ(image->topics.find("a")->configs.at("segment.ms"), "5");
    std::string error;
    ASSERT_TRUE(log->append(sampleRecords("b", 1), &error));
    EXPECT_EQ(log->lastSequence(), 3u);
}

TEST(MetadataLog, DamagedSnapshotIsRefused)
{
    TempDir dir;
    {
        std::unique_ptr<MetadataLog> log;
        ASSERT_TRUE(replay(dir.path(), &log));
        std::string error;
        ASSERT_TRUE(log->append(sampleRecords("a", 1), &error));
        ASSERT_TRUE(log->writeSnapshot(sampleRecords("a", 1), &error));
    }
    std::string snapshot = *fileio::readFile(dir / "metadata.snapshot");
    snapshot[snapshot.size() / 2] ^= 0x55;
    ASSERT_TRUE(fileio::writeFileAtomically(dir / "metadata.snapshot", snapshot, false, nullptr));
    std::string error;
    EXPECT_FALSE(replay(dir.path(), nullptr, &error));
    EXPECT_NE(error.find("damaged"), std::string::npos) << error;
}

TEST(MetadataLog, ForeignFileIsRefused)
{
    TempDir dir;
    ASSERT_TRUE(
        fileio::writeFileAtomically(dir / "metadata.log", "NOTKASTLE and more", false, nullptr));
    std::string error;
    EXPECT_FALSE(replay(dir.path(), nullptr, &error));
    EXPECT_FALSE(error.empty());
}
