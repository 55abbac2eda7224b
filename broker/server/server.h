// The network side of one broker: a listener, its connections, idle timeouts, and the hand-off
// of every frame to the dispatcher. Runs entirely on the broker's event loop thread.
#pragma once

#include "dispatcher.h"
#include "net/listener.h"

#include <memory>
#include <unordered_map>

namespace kastle::broker {

struct ServerConfig
{
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    ConnectionLimits limits;
};

class Server
{
public:
    // Wraps an accepted socket (plain TCP by default; TLS listeners install their own).
    using TransportFactory = std::function<std::unique_ptr<Transport>(int fd)>;

    Server(EventLoop &loop, Dispatcher &dispatcher, Broker *broker, ServerConfig config);
    ~Server();

    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    // Called for every accepted connection before it starts (per-listener connection state).
    using ConnectionInit = std::function<void(Connection &)>;
    void setConnectionInit(ConnectionInit init) { m_connectionInit = std::move(init); }

    // Starts listening; returns an error sentence, or "" once the port accepts connections.
    std::string start();
    // Stops listening and closes every connection. Loop thread only.
    void stop();
    // Clean shutdown, step by step (loop thread): stop accepting; then let every connection
    // stop reading and close once the responses it owes are written.
    void stopListening();
    void closeConnectionsWhenDrained();

    uint16_t port() const { return m_listener.port(); }
    const std::string &host() const { return m_config.host; }
    size_t connectionCount() const { return m_connections.size(); }

private:
    void accept(int fd, std::string peer);
    void sweepIdle();

    EventLoop &m_loop;
    Dispatcher &m_dispatcher;
    Broker *m_broker;
    ServerConfig m_config;
    Listener m_listener;
    TransportFactory m_transportFactory;
    ConnectionInit m_connectionInit;
    std::unordered_map<uint64_t, std::shared_ptr<Connection>> m_connections;
    EventLoop::TimerId m_sweepTimer = 0;
    bool m_stopped = false;
};

} // namespace kastle::broker
