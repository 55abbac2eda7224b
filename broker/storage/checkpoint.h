// The per-partition state of a whole log directory in one file, so that after a clean
// shutdown the broker is ready without reading any partition's files.
//
// File "partition-state.checkpoint" in the log directory, text, replaced atomically (tmp file,
// fsync, rename, fsync of the directory):
//   kastle-partition-state 1
//   <n>
//   <topic> <partition> <logStartOffset> <recoveryPoint> <logEndOffset> <sizeBytes> <segments>
//   <whole>
//   ... n lines in all
// whole = 1 when the partition's tail was known to be whole batches when the line was written
// (it was opened and recovered or restored). The values are exact only together with the
// clean-shutdown marker (see logmanager.h); otherwise logStartOffset and recoveryPoint are
// still safe lower bounds and the rest are hints.
#pragma once

#include "storagetypes.h"

#include <string>
#include <string_view>
#include <vector>

namespace kastle::broker {

struct PartitionCheckpoint
{
    int64_t logStartOffset = -1;
    int64_t recoveryPoint = 0;
    int64_t logEndOffset = -1;
    int64_t sizeBytes = 0;
    int64_t segmentCount = 0;
    bool whole = false;
    bool operator==(const PartitionCheckpoint &) const = default;
};

struct CheckpointLine
{
    TopicPartition topicPartition;
    PartitionCheckpoint state;
};

namespace checkpointfile {

inline constexpr std::string_view kFileName = "partition-state.checkpoint";

void appendLine(std::string &out, const TopicPartition &tp, const PartitionCheckpoint &state);
// Header plus lines; `lines` is the concatenation of appendLine() output for `count` entries.
std::string assemble(size_t count, std::string_view lines);
// Parses a whole file; false (and `out` unspecified) when it is not one.
bool parse(std::string_view text, std::vector<CheckpointLine> &out);

} // namespace checkpointfile
} // namespace kastle::broker
