// Exclusive use of a log directory by one broker: an flock(2) on "<dir>/.lock", which holds
// the owner's pid. The lock is released when the process exits, however it exits, so a
// crashed broker never leaves a stale lock behind.
#pragma once

#include <memory>
#include <string>

namespace kastle::broker {

class DirectoryLock
{
public:
    static constexpr const char *kFileName = ".lock";

    // Locks `dir` (which must exist). When another process (or another LogManager in this
    // one) holds it, returns null and sets `error` to a sentence naming the directory and
    // the holder's pid.
    static std::unique_ptr<DirectoryLock> acquire(const std::string &dir, std::string &error);
    ~DirectoryLock();
    DirectoryLock(const DirectoryLock &) = delete;
    DirectoryLock &operator=(const DirectoryLock &) = delete;

private:
    explicit DirectoryLock(int fd)
        : m_fd(fd)
    {}
    int m_fd;
};

} // namespace kastle::broker
