// The leader epochs of a partition and the offset each started at, so a follower can later
// ask "where did epoch E end?" (OffsetForLeaderEpoch) and truncate to what the leader has.
//
// File "leader-epoch-checkpoint" in the partition directory, text, replaced atomically:
//   0                       format version
//   <n>                     number of entries
//   <epoch> <startOffset>   n lines; both strictly increase
// It is rewritten whenever the entries change (a new epoch appended, truncation at either
// end). It is a cache: recovery re-adds the epochs it finds in the batches it checks.
#pragma once

#include "storagetypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kastle::broker {

class LeaderEpochCache
{
public:
    struct Entry
    {
        int32_t epoch = 0;
        int64_t startOffset = 0;
        bool operator==(const Entry &) const = default;
    };
    // OffsetForLeaderEpoch's answer: the largest epoch <= the requested one and where it ends.
    struct EpochEnd
    {
        int32_t epoch = -1;
        int64_t endOffset = -1;
        bool operator==(const EpochEnd &) const = default;
    };

    static constexpr std::string_view kFileName = "leader-epoch-checkpoint";

    explicit LeaderEpochCache(std::string path)
        : m_path(std::move(path))
    {}

    // Reads the file; a missing file is an empty cache, an unreadable one is dropped (false).
    bool load();
    // Writes the file when something changed since the last write.
    StorageStatus persist();

    // Records that `epoch` starts at `startOffset` when it is newer than the latest epoch.
    // An older or equal epoch is ignored. Returns whether the entries changed.
    bool assign(int32_t epoch, int64_t startOffset);
    // Removes the epochs starting at or after `endOffset` (the log was cut there).
    void truncateFromEnd(int64_t endOffset);
    // The log now starts at `startOffset`: epochs entirely before it go, and the one that
    // contains it starts there.
    void truncateFromStart(int64_t startOffset);
    void clear();

    int32_t latestEpoch() const { return m_entries.empty() ? -1 : m_entries.back().epoch; }
    EpochEnd endOffsetFor(int32_t epoch, int64_t logEndOffset) const;
    const std::vector<Entry> &entries() const { return m_entries; }
    const std::string &path() const { return m_path; }

    std::string serialize() const;
    static bool parse(std::string_view text, std::vector<Entry> &out);

private:
    std::string m_path;
    std::vector<Entry> m_entries;
    bool m_dirty = false;
};

} // namespace kastle::broker
