// Out-of-line parts of the byte writer and the records value type.
#include "records.h"

#include <cerrno>
#include <unistd.h>

namespace kastle::protocol {

Bytes readFileRange(const FileRange &r)
{
    Bytes out(static_cast<size_t>(r.length));
    size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(r.fd, out.data() + done, out.size() - done,
                                  static_cast<off_t>(r.position + static_cast<int64_t>(done)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error("short read from a record file");
        done += static_cast<size_t>(n);
    }
    return out;
}

Bytes Writer::flatten() const
{
    if (m_segments.empty())
        return m_buf;
    Bytes out;
    out.reserve(size());
    size_t from = 0;
    for (const auto &s : m_segments) {
        out.insert(out.end(), m_buf.begin() + static_cast<ptrdiff_t>(from),
                   m_buf.begin() + static_cast<ptrdiff_t>(s.bufferEnd));
        const Bytes file = readFileRange(s.range);
        out.insert(out.end(), file.begin(), file.end());
        from = s.bufferEnd;
    }
    out.insert(out.end(), m_buf.begin() + static_cast<ptrdiff_t>(from), m_buf.end());
    return out;
}

Bytes Records::toBytes() const
{
    Writer w;
    writeContent(w);
    return w.flatten();
}

bool Records::operator==(const Records &other) const
{
    if (m_null || other.m_null)
        return m_null == other.m_null;
    if (m_size != other.m_size)
        return false;
    return toBytes() == other.toBytes();
}

} // namespace kastle::protocol
