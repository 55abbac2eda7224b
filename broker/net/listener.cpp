// Listening socket.
#include "listener.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kastle::broker {

namespace {

std::string describePeer(const sockaddr_storage &addr)
{
    char host[INET6_ADDRSTRLEN] = {};
    uint16_t port = 0;
    if (addr.ss_family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&addr);
        inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(&addr);
        inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
        port = ntohs(a->sin6_port);
    }
    return std::string(host) + ":" + std::to_string(port);
}

} // namespace

Listener::Listener(EventLoop &loop, AcceptHandler onAccept)
    : m_loop(loop)
    , m_onAccept(std::move(onAccept))
{}

Listener::~Listener()
{
    close();
}

std::string Listener::listen(const std::string &host, uint16_t port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *res = nullptr;
    const std::string service = std::to_string(port);
    if (int rc = getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &res))
        return "cannot resolve listener address " + host + ": " + gai_strerror(rc);
    std::string error = "no usable address for " + host;
    for (addrinfo *ai = res; ai; ai = ai->ai_next) {
        int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            error = std::string("socket: ") + std::strerror(errno);
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || ::listen(fd, 1024) < 0) {
            error = "cannot listen on " + host + ":" + service + ": " + std::strerror(errno);
            ::close(fd);
            continue;
        }
        sockaddr_storage bound{};
        socklen_t len = sizeof bound;
        getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &len);
        m_port = bound.ss_family == AF_INET6
                     ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                     : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
        m_fd = fd;
        m_host = host;
        error.clear();
        break;
    }
    freeaddrinfo(res);
    if (m_fd >= 0)
        m_loop.add(m_fd, EPOLLIN, [this](uint32_t) { acceptAll(); });
    return error;
}

void Listener::close()
{
    if (m_fd < 0)
        return;
    m_loop.remove(m_fd);
    ::close(m_fd);
    m_fd = -1;
}

void Listener::acceptAll()
{
    for (int i = 0; i < 64; ++i) {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&addr), &len,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: the socket stays readable, so stop listening for a moment
                // instead of spinning, and try again.
                m_loop.modify(m_fd, 0);
                m_loop.addTimer(100, [this] {
                    if (m_fd >= 0)
                        m_loop.modify(m_fd, EPOLLIN);
                });
            }
            return;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_onAccept(fd, describePeer(addr));
    }
}

} // namespace kastle::broker
