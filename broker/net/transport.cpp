// Plain TCP transport.
#include "transport.h"

#include <sys/sendfile.h>
#include <unistd.h>

namespace kastle::broker {

PlainTransport::~PlainTransport()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

ssize_t PlainTransport::read(void *buf, size_t len)
{
    return ::read(m_fd, buf, len);
}

ssize_t PlainTransport::writev(const iovec *iov, int count)
{
    return ::writev(m_fd, iov, count);
}

ssize_t PlainTransport::sendfile(int fileFd, int64_t offset, size_t count)
{
    off_t off = static_cast<off_t>(offset);
    return ::sendfile(m_fd, fileFd, &off, count);
}

} // namespace kastle::broker
