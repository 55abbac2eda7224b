// The log directory lock (see dirlock.h).
#include "dirlock.h"

#include "fileio.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kastle::broker {

std::unique_ptr<DirectoryLock> DirectoryLock::acquire(const std::string &dir, std::string &error)
{
    const std::string path = dir + '/' + kFileName;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = fileio::errorText("cannot open the lock file", path, errno);
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (err != EWOULDBLOCK) {
            ::close(fd);
            error = fileio::errorText("cannot lock", path, err);
            return nullptr;
        }
        char buf[32] = {};
        const int64_t n = fileio::preadFull(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        std::string pid(buf, n > 0 ? static_cast<size_t>(n) : 0);
        while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
            pid.pop_back();
        error = "the log directory " + dir + " is in use by another broker" +
                (pid.empty() ? std::string() : " (pid " + pid + ")") +
                "; stop that broker or give this one another data directory";
        return nullptr;
    }
    const std::string pid = std::to_string(::getpid()) + '\n';
    if (::ftruncate(fd, 0) != 0 || !fileio::pwriteFull(fd, pid.data(), pid.size(), 0)) {
        // The lock holds regardless; the pid is only for the message of a second broker.
    }
    return std::unique_ptr<DirectoryLock>(new DirectoryLock(fd));
}

DirectoryLock::~DirectoryLock()
{
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace kastle::broker
