// Turns frames into handler calls: reads the request header, checks the API and version against
// the handler table, applies test controls, and answers ApiVersions from the same table.
//
// A frame that cannot be parsed, an unknown API or an unsupported version (other than for
// ApiVersions, which answers in the v0 layout with UNSUPPORTED_VERSION as clients expect) closes
// that connection with one log line; the broker goes on serving everyone else.
#pragma once

#include "requestcontext.h"

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace kastle::broker {

class Dispatcher
{
public:
    // Decides whether a connection may use an API now (authentication); false closes it.
    using Gate = std::function<bool(const Connection &, const ApiHandler &)>;

    explicit Dispatcher(std::vector<ApiHandler> handlers);

    const std::vector<ApiHandler> &handlers() const { return m_handlers; }
    const ApiHandler *find(int16_t key) const;
    void setGate(Gate gate) { m_gate = std::move(gate); }
    // Sees every frame first; returns true when it consumed one that is not a Kafka request
    // (the bare SASL tokens that follow SaslHandshake v0).
    using FrameFilter = std::function<bool(const std::shared_ptr<Connection> &,
                                           const Connection::Frame &)>;
    void setFrameFilter(FrameFilter filter) { m_frameFilter = std::move(filter); }

    // Handles one frame (without its size prefix) on the event loop thread.
    void dispatch(Broker *broker, EventLoop &loop, const std::shared_ptr<Connection> &connection,
                  Connection::Frame frame);

    // Test controls (thread-safe). The next `count` requests of `key` answer with `error`.
    void injectErrors(protocol::ApiKey key, protocol::ErrorCode error, int count);
    // Every request of `key` waits `ms` before it is handled (0 removes the latency).
    void setLatency(protocol::ApiKey key, int64_t ms);
    void clearTestControls();

private:
    void answerApiVersions(RequestContext &ctx, bool supported);

    std::vector<ApiHandler> m_handlers;
    std::vector<int> m_index; // api key -> position in m_handlers, -1 when absent
    Gate m_gate;
    FrameFilter m_frameFilter;

    std::mutex m_controlMutex;
    std::map<int16_t, std::vector<protocol::ErrorCode>> m_injected;
    std::map<int16_t, int64_t> m_latencyMs;
    std::atomic<bool> m_hasControls{false}; // read without the lock on the hot path
};

} // namespace kastle::broker
