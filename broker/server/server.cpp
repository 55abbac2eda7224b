// Listener, connection set and idle sweep of one broker.
#include "server.h"

#include "log.h"

namespace kastle::broker {

namespace {
constexpr int64_t kSweepIntervalMs = 1000;
}

Server::Server(EventLoop &loop, Dispatcher &dispatcher, Broker *broker, ServerConfig config)
    : m_loop(loop)
    , m_dispatcher(dispatcher)
    , m_broker(broker)
    , m_config(std::move(config))
    , m_listener(loop, [this](int fd, std::string peer) { accept(fd, std::move(peer)); })
{}

Server::~Server()
{
    stop();
}

std::string Server::start()
{
    std::string error = m_listener.listen(m_config.host, m_config.port);
    if (!error.empty())
        return error;
    m_sweepTimer = m_loop.addTimer(kSweepIntervalMs, [this] { sweepIdle(); });
    return {};
}

void Server::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_listener.close();
    if (m_sweepTimer)
        m_loop.cancelTimer(m_sweepTimer);
    auto connections = std::move(m_connections);
    m_connections.clear();
    for (auto &[id, c] : connections)
        c->close("broker shutting down");
}

void Server::stopListening()
{
    m_listener.close();
}

void Server::closeConnectionsWhenDrained()
{
    std::vector<std::shared_ptr<Connection>> connections;
    for (auto &[id, c] : m_connections)
        connections.push_back(c);
    for (auto &c : connections)
        c->closeAfterPendingWrites("broker shutting down");
}

void Server::accept(int fd, std::string peer)
{
    std::unique_ptr<Transport> transport =
        m_transportFactory ? m_transportFactory(fd) : std::make_unique<PlainTransport>(fd);
    if (!transport)
        return; // the factory logged why and closed the socket
    auto connection = std::make_shared<Connection>(
        m_loop, std::move(transport), std::move(peer), m_config.limits,
        [this](const std::shared_ptr<Connection> &c, Connection::Frame frame) {
            m_dispatcher.dispatch(m_broker, m_loop, c, std::move(frame));
        },
        [this](Connection &c, const std::string &reason, bool violation) {
            if (violation)
                KLOG_WARN("network", "closing " + c.peer() + ": " + reason);
            else
                KLOG_DEBUG("network", "connection " + c.peer() + " closed: " + reason);
            m_connections.erase(c.id());
        });
    KLOG_DEBUG("network", "connection from " + connection->peer());
    if (m_connectionInit)
        m_connectionInit(*connection);
    m_connections.emplace(connection->id(), connection);
    connection->start();
}

void Server::sweepIdle()
{
    const int64_t now = m_loop.nowMs();
    std::vector<std::shared_ptr<Connection>> idle;
    for (auto &[id, c] : m_connections)
        if (now - c->lastActivityMs() > m_config.limits.idleTimeoutMs)
            idle.push_back(c);
    for (auto &c : idle) {
        KLOG_INFO("network", "closing idle connection " + c->peer());
        c->close("idle timeout");
    }
    m_sweepTimer = m_loop.addTimer(kSweepIntervalMs, [this] { sweepIdle(); });
}

} // namespace kastle::broker
