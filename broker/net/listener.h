// A listening TCP socket on the event loop that hands accepted sockets to a callback.
#pragma once

#include "eventloop.h"

#include <functional>
#include <string>

namespace kastle::broker {

class Listener
{
public:
    // Called with the accepted (non-blocking, close-on-exec, TCP_NODELAY) socket and the peer.
    using AcceptHandler = std::function<void(int fd, std::string peer)>;

    Listener(EventLoop &loop, AcceptHandler onAccept);
    ~Listener();
    Listener(const Listener &) = delete;
    Listener &operator=(const Listener &) = delete;

    // Binds and listens; port 0 picks a free port. Returns an error sentence or "" on success.
    std::string listen(const std::string &host, uint16_t port);
    void close();

    uint16_t port() const { return m_port; }
    const std::string &host() const { return m_host; }

private:
    void acceptAll();

    EventLoop &m_loop;
    AcceptHandler m_onAccept;
    int m_fd = -1;
    std::string m_host;
    uint16_t m_port = 0;
};

} // namespace kastle::broker
