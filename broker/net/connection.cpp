// Connection: framing, ordered responses and gathered writes.
#include "connection.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace kastle::broker {

namespace {

std::atomic<uint64_t> g_nextConnectionId{1};

constexpr size_t kStagingBytes = 64 * 1024;
constexpr int kMaxIov = 64;
// api key + api version + correlation id: the least a request header holds.
constexpr int64_t kMinFrameBytes = 8;
// Reads per readiness event before giving other connections a turn.
constexpr int kReadsPerEvent = 16;
// Frames decoded but not yet handled, beyond which reading pauses.
constexpr size_t kMaxQueuedFrames = 1024;
// Largest chunk read from a file when the transport cannot sendfile (TLS).
constexpr size_t kCopyChunk = 256 * 1024;

int32_t readBigEndian32(const uint8_t *p)
{
    return static_cast<int32_t>(uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 |
                                uint32_t{p[3]});
}

} // namespace

Connection::Connection(EventLoop &loop, std::unique_ptr<Transport> transport, std::string peer,
                       ConnectionLimits limits, FrameHandler onFrame, CloseHandler onClose)
    : m_loop(loop)
    , m_transport(std::move(transport))
    , m_peer(std::move(peer))
    , m_limits(limits)
    , m_onFrame(std::move(onFrame))
    , m_onClose(std::move(onClose))
    , m_id(g_nextConnectionId++)
{
    m_in.resize(kStagingBytes);
}

Connection::~Connection()
{
    if (m_registered && m_transport)
        m_loop.remove(m_transport->fd());
}

void Connection::start()
{
    m_lastActivityMs = m_loop.nowMs();
    m_interest = EPOLLIN;
    m_loop.add(m_transport->fd(), m_interest, [this](uint32_t events) { onEvents(events); });
    m_registered = true;
}

void Connection::onEvents(uint32_t events)
{
    auto self = shared_from_this(); // a close below may drop the owner's reference
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        readSome();
    if (!m_closed && (events & EPOLLOUT))
        flush();
}

void Connection::readSome()
{
    for (int i = 0; i < kReadsPerEvent && !m_closed; ++i) {
        if (m_pendingBytes > m_limits.maxPendingResponseBytes ||
            m_readyFrames.size() >= kMaxQueuedFrames || m_closeWhenDrained)
            break;
        ssize_t n;
        size_t asked;
        if (m_bigFrame) {
            asked = m_bigFrame->size() - m_bigFilled;
            n = m_transport->read(m_bigFrame->data() + m_bigFilled, asked);
            if (n > 0) {
                m_bigFilled += static_cast<size_t>(n);
                if (m_bigFilled == m_bigFrame->size()) {
                    m_readyFrames.push_back(std::move(m_bigFrame));
                    m_bigFrame.reset();
                }
            }
        } else {
            if (m_inStart > 0 && m_inStart == m_inEnd)
                m_inStart = m_inEnd = 0;
            if (m_inEnd == m_in.size() && m_inStart > 0) {
                std::memmove(m_in.data(), m_in.data() + m_inStart, m_inEnd - m_inStart);
                m_inEnd -= m_inStart;
                m_inStart = 0;
            }
            asked = m_in.size() - m_inEnd;
            n = m_transport->read(m_in.data() + m_inEnd, asked);
            if (n > 0)
                m_inEnd += static_cast<size_t>(n);
        }
        if (n == 0) {
            close("closed by peer");
            return;
        }
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            close(std::string("read failed: ") + std::strerror(errno));
            return;
        }
        m_lastActivityMs = m_loop.nowMs();

        // Cut whole frames out of the staging buffer.
        while (!m_bigFrame && m_inEnd - m_inStart >= 4) {
            const int64_t size = readBigEndian32(m_in.data() + m_inStart);
            if (size < kMinFrameBytes || size > m_limits.maxRequestBytes) {
                close("request of " + std::to_string(size) + " bytes is outside 8.." +
                          std::to_string(m_limits.maxRequestBytes),
                      true);
                return;
            }
            const size_t have = m_inEnd - m_inStart - 4;
            const uint8_t *body = m_in.data() + m_inStart + 4;
            if (have >= static_cast<size_t>(size)) {
                auto frame = std::make_shared<FrameBuffer>(static_cast<size_t>(size));
                std::memcpy(frame->data(), body, frame->size());
                m_readyFrames.push_back(std::move(frame));
                m_inStart += 4 + static_cast<size_t>(size);
            } else if (static_cast<size_t>(size) + 4 > m_in.size()) {
                // Too big for staging: read the rest straight into the frame's own buffer.
                m_bigFrame = std::make_shared<FrameBuffer>(static_cast<size_t>(size));
                std::memcpy(m_bigFrame->data(), body, have);
                m_bigFilled = have;
                m_inStart = m_inEnd = 0;
            } else {
                break;
            }
        }
        // A short read emptied the socket; asking again would only return EAGAIN. Readiness
        // is level-triggered, so bytes arriving later raise the next event. (A TLS transport
        // may return less while it still holds decrypted input: that is read on.)
        if (static_cast<size_t>(n) < asked && !m_transport->hasBufferedInput())
            break;
    }
    dispatchFrames();
}

void Connection::dispatchFrames()
{
    if (m_inDispatch)
        return;
    m_inDispatch = true;
    auto self = shared_from_this();
    while (!m_closed && !m_paused && !m_readyFrames.empty()) {
        Frame frame = std::move(m_readyFrames.front());
        m_readyFrames.pop_front();
        m_onFrame(self, std::move(frame));
    }
    m_inDispatch = false;
    // Responses completed while handling the batch go out together.
    flush();
}

uint64_t Connection::beginRequest()
{
    const uint64_t seq = m_nextSeq++;
    Pending p;
    p.seq = seq;
    m_pending.push_back(std::move(p));
    return seq;
}

void Connection::respond(uint64_t seq, protocol::Writer frame)
{
    if (m_closed || m_pending.empty() || seq < m_pending.front().seq)
        return;
    Pending &p = m_pending[static_cast<size_t>(seq - m_pending.front().seq)];
    p.frame = std::move(frame);
    p.ready = true;
    m_pendingBytes += p.frame.size();
    if (!m_inDispatch)
        flush();
}

void Connection::skipResponse(uint64_t seq)
{
    if (m_closed || m_pending.empty() || seq < m_pending.front().seq)
        return;
    Pending &p = m_pending[static_cast<size_t>(seq - m_pending.front().seq)];
    p.ready = true;
    p.skip = true;
    if (!m_inDispatch)
        flush();
}

void Connection::flush()
{
    if (m_closed)
        return;
    auto self = shared_from_this();
    if (m_transport->bufferedOutput() > 0 && !m_transport->flushBuffered()) {
        close("write failed");
        return;
    }
    while (!m_closed && m_transport->bufferedOutput() == 0 && writeHead()) {
    }
    if (m_closed)
        return;
    if (m_closeWhenDrained && m_pending.empty() && m_transport->bufferedOutput() == 0) {
        close(m_closeReason);
        return;
    }
    updateInterest();
}

// Writes as much of the ready responses at the head as the socket takes in one system call.
// Returns whether it made progress and more may be written.
bool Connection::writeHead()
{
    while (!m_pending.empty() && m_pending.front().ready && m_pending.front().skip)
        m_pending.pop_front();

    iovec iov[kMaxIov];
    int n = 0;
    const protocol::FileRange *file = nullptr;
    int64_t fileSkip = 0;
    size_t skip = m_headWritten;
    bool full = false;

    for (const Pending &p : m_pending) {
        if (!p.ready || full || file)
            break;
        if (p.skip)
            continue;
        const protocol::Bytes &buf = p.frame.buffer();
        size_t bufPos = 0;
        auto addMemory = [&](size_t from, size_t to) {
            if (to <= from || full)
                return;
            const size_t len = to - from;
            if (skip >= len) {
                skip -= len;
                return;
            }
            if (n == kMaxIov) {
                full = true;
                return;
            }
            from += skip;
            skip = 0;
            iov[n].iov_base = const_cast<uint8_t *>(buf.data() + from);
            iov[n].iov_len = to - from;
            ++n;
        };
        for (const auto &s : p.frame.segments()) {
            addMemory(bufPos, s.bufferEnd);
            bufPos = s.bufferEnd;
            if (full)
                break;
            if (skip >= static_cast<size_t>(s.range.length)) {
                skip -= static_cast<size_t>(s.range.length);
                continue;
            }
            if (n == 0) {
                file = &s.range;
                fileSkip = static_cast<int64_t>(skip);
                skip = 0;
            } else {
                full = true; // memory before the file goes out first
            }
            break;
        }
        if (!full && !file)
            addMemory(bufPos, buf.size());
    }

    ssize_t written = 0;
    if (n > 0) {
        written = m_transport->writev(iov, n);
    } else if (file) {
        const auto remaining = static_cast<size_t>(file->length - fileSkip);
        if (m_transport->canSendfile()) {
            written = m_transport->sendfile(file->fd, file->position + fileSkip, remaining);
        } else {
            protocol::Bytes chunk(remaining < kCopyChunk ? remaining : kCopyChunk);
            const ssize_t got = ::pread(file->fd, chunk.data(), chunk.size(),
                                        static_cast<off_t>(file->position + fileSkip));
            if (got <= 0) {
                close("reading a log segment for a response failed");
                return false;
            }
            iovec one{chunk.data(), static_cast<size_t>(got)};
            written = m_transport->writev(&one, 1);
        }
        if (written == 0) {
            close("a log segment shrank while being sent");
            return false;
        }
    } else {
        return false; // nothing ready
    }

    if (written < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return false;
        close(std::string("write failed: ") + std::strerror(errno));
        return false;
    }
    m_lastActivityMs = m_loop.nowMs();

    auto left = static_cast<size_t>(written);
    while (left > 0 && !m_pending.empty()) {
        Pending &head = m_pending.front();
        const size_t remaining = head.frame.size() - m_headWritten;
        if (left < remaining) {
            m_headWritten += left;
            left = 0;
        } else {
            left -= remaining;
            m_pendingBytes -= head.frame.size();
            m_headWritten = 0;
            m_pending.pop_front();
            while (!m_pending.empty() && m_pending.front().ready && m_pending.front().skip)
                m_pending.pop_front();
        }
    }
    return true;
}

void Connection::updateInterest()
{
    if (m_closed || !m_registered)
        return;
    uint32_t want = 0;
    const bool canRead = !m_closeWhenDrained && !(m_paused && !m_readyFrames.empty()) &&
                         m_pendingBytes <= m_limits.maxPendingResponseBytes &&
                         m_readyFrames.size() < kMaxQueuedFrames;
    if (canRead)
        want |= EPOLLIN;
    const bool headReady = !m_pending.empty() && m_pending.front().ready;
    if (headReady || m_transport->bufferedOutput() > 0 || m_transport->wantsWritable())
        want |= EPOLLOUT;
    if (want != m_interest) {
        m_interest = want;
        m_loop.modify(m_transport->fd(), want);
    }
    // Input the transport already holds raises no socket event: read it on the next turn.
    if (canRead && !m_readScheduled && m_transport->hasBufferedInput()) {
        m_readScheduled = true;
        m_loop.addTimer(0, [weak = weak_from_this()] {
            if (auto self = weak.lock()) {
                self->m_readScheduled = false;
                if (!self->m_closed)
                    self->readSome();
            }
        });
    }
}

void Connection::pauseReading()
{
    m_paused = true;
}

void Connection::resumeReading()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (!m_closed)
        dispatchFrames();
}

void Connection::closeAfterPendingWrites(const std::string &reason)
{
    m_closeWhenDrained = true;
    m_closeReason = reason;
    if (!m_inDispatch)
        flush();
}

void Connection::close(const std::string &reason, bool violation)
{
    if (m_closed)
        return;
    auto self = shared_from_this();
    m_closed = true;
    if (m_registered) {
        m_loop.remove(m_transport->fd());
        m_registered = false;
    }
    m_transport.reset(); // closes the socket
    m_pending.clear();
    m_readyFrames.clear();
    m_pendingBytes = 0;
    if (m_onClose)
        m_onClose(*this, reason, violation);
}

} // namespace kastle::broker
