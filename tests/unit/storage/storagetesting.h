// Helpers for the storage tests: RecordBatch v2 bytes (built with the protocol library's
// RecordBatchBuilder), temporary directories, damage to files, and reading back what a read
// returned.
#pragma once

#include "recordbatch.h"
#include "storage/logmanager.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kastle::broker::testing {

struct BatchSpec
{
    int records = 1;
    size_t valueSize = 100;
    int64_t baseTimestamp = 1000;
    int64_t timestampStep = 1; // record i has baseTimestamp + i * step
    char fill = 'v';
};

// One uncompressed v2 batch (baseOffset 0, epoch -1, no producer, null keys), CRC set.
protocol::Bytes makeBatch(const BatchSpec &spec);
// Several batches end to end.
protocol::Bytes concat(const std::vector<protocol::Bytes> &batches);

// The whole batches in `bytes`, in order (a partial tail is ignored).
std::vector<protocol::RecordBatchHeader> headersOf(protocol::ByteView bytes);
// The bytes of a read, ranges joined.
protocol::Bytes bytesOf(const ReadResult &result);

// Appends `count` batches built from `spec` one by one; returns the last offset appended.
int64_t appendBatches(PartitionLog &log, int count, const BatchSpec &spec, int64_t appendTimeMs,
                      int32_t epoch = 0);

// Size of a file, -1 when missing.
int64_t fileSize(const std::string &path);
// Number of open descriptors of this process (/proc/self/fd).
int openDescriptorCount();

// File surgery for damage tests.
void appendToFile(const std::string &path, const protocol::Bytes &bytes);
void truncateFile(const std::string &path, int64_t size);
void flipByte(const std::string &path, int64_t position);
protocol::Bytes readWholeFile(const std::string &path);

class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::string &path() const { return m_path; }
    std::string sub(const std::string &name) const { return m_path + '/' + name; }

private:
    std::string m_path;
};

// A PartitionLog "topic-0" in a temporary directory, with its own context and config.
class LogFixture : public ::testing::Test
{
protected:
    std::unique_ptr<PartitionLog> openLog(bool create = true, bool recover = false,
                                          int64_t recoveryPoint = 0, int64_t nowMs = 0);
    std::string segmentPath(int64_t base, std::string_view suffix) const;
    // A new log rolling at `segmentBytes`, holding `batches` batches made from `spec`.
    std::unique_ptr<PartitionLog> segmentedLog(int64_t segmentBytes, int batches,
                                               const BatchSpec &spec);

    TempDir dir;
    std::unique_ptr<LogContext> context = std::make_unique<LogContext>(64, 1 << 20);
    std::shared_ptr<LogConfig> config = std::make_shared<LogConfig>();
};

} // namespace kastle::broker::testing
