// One client connection of a broker: framing, ordered responses, zero-copy writes, limits.
//
// Reading: `int32 size | size bytes` frames. A frame larger than the request limit, or too
// short to hold a request header, closes the connection (with one log line by the owner).
// Each complete frame is handed to the frame handler as its own buffer, so a handler may keep
// it (and the record views decoded from it) while a response is pending.
//
// Ordering: every request that expects a response takes a slot (`beginRequest`) before it is
// handled; responses are written strictly in slot order, however late they complete. So a
// long-polling Fetch may finish after a later Produce and the client still sees responses in
// request order. Requests without a response (Produce with acks=0) release their slot.
//
// Writing: responses are the byte buffer of a Writer plus file ranges between its bytes; memory
// pieces of consecutive responses go out in one writev, file ranges with sendfile (or pread +
// write when the transport cannot, e.g. TLS). While more than `maxPendingResponseBytes` wait to
// be written, the connection stops reading (backpressure instead of unbounded memory).
#pragma once

#include "eventloop.h"
#include "framebuffer.h"
#include "transport.h"

#include "wirebytes.h"

#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace kastle::broker {

struct ConnectionLimits
{
    int64_t maxRequestBytes = 100 * 1024 * 1024; // socket.request.max.bytes
    int64_t idleTimeoutMs = 10 * 60 * 1000;      // connections.max.idle.ms
    size_t maxPendingResponseBytes = 64 * 1024 * 1024;
};

class Connection : public std::enable_shared_from_this<Connection>
{
public:
    using Frame = std::shared_ptr<const FrameBuffer>;
    using FrameHandler = std::function<void(const std::shared_ptr<Connection> &, Frame)>;
    // `violation`: the peer broke the framing rules (the owner logs it as a warning).
    using CloseHandler =
        std::function<void(Connection &, const std::string &reason, bool violation)>;

    Connection(EventLoop &loop, std::unique_ptr<Transport> transport, std::string peer,
               ConnectionLimits limits, FrameHandler onFrame, CloseHandler onClose);
    ~Connection();

    uint64_t id() const { return m_id; }
    const std::string &peer() const { return m_peer; }
    bool isClosed() const { return m_closed; }
    int64_t lastActivityMs() const { return m_lastActivityMs; }
    Transport &transport() { return *m_transport; }

    // Registers with the loop and starts reading.
    void start();

    // Reserves the response position of the request being handled; returns its sequence.
    uint64_t beginRequest();
    // Completes the response at `seq` (a whole frame: size prefix, header, body).
    void respond(uint64_t seq, protocol::Writer frame);
    // The request at `seq` has no response.
    void skipResponse(uint64_t seq);

    // Closes now; pending responses are dropped. Safe to call more than once.
    void close(const std::string &reason, bool violation = false);
    // Closes once every reserved response has been written (e.g. after a failed SASL answer).
    void closeAfterPendingWrites(const std::string &reason);

    // Stops handing frames to the handler until resumeReading() (a handler that must finish one
    // request before the next may start, e.g. during SASL authentication).
    void pauseReading();
    void resumeReading();

    // Opaque per-connection state owned by the broker (authentication, client id...).
    std::shared_ptr<void> &userState() { return m_userState; }
    const std::shared_ptr<void> &userState() const { return m_userState; }

private:
    struct Pending
    {
        uint64_t seq = 0;
        bool ready = false;
        bool skip = false;
        protocol::Writer frame;
    };

    void onEvents(uint32_t events);
    void readSome();
    void dispatchFrames();
    void flush();
    bool writeHead();
    void updateInterest();
    size_t pendingBytes() const { return m_pendingBytes; }

    EventLoop &m_loop;
    std::unique_ptr<Transport> m_transport;
    std::string m_peer;
    ConnectionLimits m_limits;
    FrameHandler m_onFrame;
    CloseHandler m_onClose;
    uint64_t m_id;
    std::shared_ptr<void> m_userState;

    // Input: a staging buffer for small frames; a large frame is read straight into its own.
    protocol::Bytes m_in;
    size_t m_inStart = 0;
    size_t m_inEnd = 0;
    std::shared_ptr<FrameBuffer> m_bigFrame;
    size_t m_bigFilled = 0;
    std::deque<Frame> m_readyFrames;

    // Output, in request order.
    std::deque<Pending> m_pending;
    uint64_t m_nextSeq = 0;
    size_t m_pendingBytes = 0;
    // Progress inside the head response: bytes of it already written.
    size_t m_headWritten = 0;

    int64_t m_lastActivityMs = 0;
    uint32_t m_interest = 0;
    bool m_registered = false;
    bool m_closed = false;
    bool m_paused = false;
    bool m_closeWhenDrained = false;
    std::string m_closeReason;
    bool m_inDispatch = false;
    bool m_readScheduled = false; // a read of the transport's buffered input is queued
};

} // namespace kastle::broker
