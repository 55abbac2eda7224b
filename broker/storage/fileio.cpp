// POSIX file helpers for storage (see fileio.h).
#include "fileio.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kastle::broker::fileio {

std::string errorText(std::string_view what, const std::string &path, int errnum)
{
    return std::string(what) + ' ' + path + ": " + std::strerror(errnum);
}

int64_t preadFull(int fd, void *buf, size_t n, int64_t pos)
{
    auto *p = static_cast<uint8_t *>(buf);
    size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pread(fd, p + done, n - done, static_cast<off_t>(pos) + done);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        done += static_cast<size_t>(r);
    }
    return static_cast<int64_t>(done);
}

bool pwriteFull(int fd, const void *buf, size_t n, int64_t pos)
{
    const auto *p = static_cast<const uint8_t *>(buf);
    size_t done = 0;
    while (done < n) {
        const ssize_t r = ::pwrite(fd, p + done, n - done, static_cast<off_t>(pos) + done);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += static_cast<size_t>(r);
    }
    return true;
}

bool fsyncPath(const std::string &path, bool directory)
{
    const int fd =
        ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return ok;
}

namespace {

std::string parentOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

bool writeFileAtomically(const std::string &path, std::string_view content, bool durable,
                         std::string *error)
{
    const std::string tmp = path + std::string(kTmpSuffix);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error)
            *error = errorText("cannot create", tmp, errno);
        return false;
    }
    bool ok = pwriteFull(fd, content.data(), content.size(), 0);
    if (ok && durable)
        ok = ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok) {
        if (error)
            *error = errorText("cannot write", tmp, saved);
        ::unlink(tmp.c_str());
        return false;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        if (error)
            *error = errorText("cannot rename over", path, errno);
        ::unlink(tmp.c_str());
        return false;
    }
    if (durable && !fsyncPath(parentOf(path), true)) {
        if (error)
            *error = errorText("cannot fsync the directory of", path, errno);
        return false;
    }
    return true;
}

std::optional<std::string> readFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string out;
    struct stat st
    {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        out.reserve(static_cast<size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            return std::nullopt;
        }
        if (r == 0)
            break;
        out.append(buf, static_cast<size_t>(r));
    }
    ::close(fd);
    return out;
}

bool listDirectory(const std::string &path, std::vector<DirEntry> &out)
{
    DIR *dir = ::opendir(path.c_str());
    if (!dir)
        return false;
    while (const dirent *e = ::readdir(dir)) {
        const std::string_view name(e->d_name);
        if (name == "." || name == "..")
            continue;
        DirEntry entry{std::string(name), e->d_type == DT_DIR};
        if (e->d_type == DT_UNKNOWN) {
            struct stat st
            {};
            if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                entry.isDirectory = S_ISDIR(st.st_mode);
        }
        out.push_back(std::move(entry));
    }
    ::closedir(dir);
    return true;
}

bool makeDirectories(const std::string &path)
{
    if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST)
        return true;
    if (errno != ENOENT)
        return false;
    const std::string parent = parentOf(path);
    if (parent == path || !makeDirectories(parent))
        return false;
    return ::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST;
}

bool removeTree(const std::string &path)
{
    std::vector<DirEntry> entries;
    if (!listDirectory(path, entries))
        return ::unlink(path.c_str()) == 0 || errno == ENOENT;
    bool ok = true;
    for (const DirEntry &e : entries) {
        const std::string child = path + '/' + e.name;
        if (e.isDirectory)
            ok = removeTree(child) && ok;
        else if (::unlink(child.c_str()) != 0 && errno != ENOENT)
            ok = false;
    }
    return (::rmdir(path.c_str()) == 0 || errno == ENOENT) && ok;
}

std::string segmentFileName(int64_t baseOffset, std::string_view suffix)
{
    char digits[21];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, baseOffset);
    (void)ec;
    const size_t n = static_cast<size_t>(end - digits);
    std::string name(20 - std::min<size_t>(n, 20), '0');
    name.append(digits, n);
    name.append(suffix);
    return name;
}

std::optional<int64_t> parseSegmentFileName(std::string_view name, std::string_view suffix)
{
    if (name.size() != 20 + suffix.size() || !endsWith(name, suffix))
        return std::nullopt;
    int64_t base = 0;
    const auto [end, ec] = std::from_chars(name.data(), name.data() + 20, base);
    if (ec != std::errc() || end != name.data() + 20 || base < 0)
        return std::nullopt;
    return base;
}

} // namespace kastle::broker::fileio
