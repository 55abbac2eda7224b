// POSIX file helpers for storage: whole reads and writes that retry on EINTR and short counts,
// atomic replacement of small files (write tmp, fsync, rename, fsync the directory), directory
// listing, and the names of segment files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kastle::broker::fileio {

// "<what> <path>: <strerror(errnum)>"
std::string errorText(std::string_view what, const std::string &path, int errnum);

// Reads up to n bytes at pos; returns the count (less than n only at end of file), or -1 with
// errno set.
int64_t preadFull(int fd, void *buf, size_t n, int64_t pos);
// Writes all n bytes at pos; false with errno set on failure.
bool pwriteFull(int fd, const void *buf, size_t n, int64_t pos);

// fsync of a file or directory by path; false with errno set.
bool fsyncPath(const std::string &path, bool directory);

// Replaces `path` with `content` so a reader sees the old or the new file, never a mix: writes
// "<path>.tmp", renames it over `path`. With `durable` the tmp file is fsynced before the
// rename and the directory after it, so the new content also survives power loss.
bool writeFileAtomically(const std::string &path, std::string_view content, bool durable,
                         std::string *error);

// The whole file, or nullopt (errno set; ENOENT when it does not exist).
std::optional<std::string> readFile(const std::string &path);

struct DirEntry
{
    std::string name;
    bool isDirectory = false;
};
// The entries of a directory except "." and ".."; false with errno set when it cannot be read.
bool listDirectory(const std::string &path, std::vector<DirEntry> &out);

// mkdir -p: creates `path` and its missing parents; false with errno set.
bool makeDirectories(const std::string &path);

// Removes a directory tree (files and subdirectories); best effort, returns false on any error.
bool removeTree(const std::string &path);

// Segment files are named by their base offset, zero-padded to 20 digits:
// 00000000000000000000.log, .index, .timeindex.
inline constexpr std::string_view kLogSuffix = ".log";
inline constexpr std::string_view kIndexSuffix = ".index";
inline constexpr std::string_view kTimeIndexSuffix = ".timeindex";
// Appended to a file or directory waiting for removal.
inline constexpr std::string_view kDeletedSuffix = ".deleted";
// Left behind by writeFileAtomically when interrupted.
inline constexpr std::string_view kTmpSuffix = ".tmp";

std::string segmentFileName(int64_t baseOffset, std::string_view suffix);
// The base offset when `name` is "<20 digits><suffix>".
std::optional<int64_t> parseSegmentFileName(std::string_view name, std::string_view suffix);

inline bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace kastle::broker::fileio
