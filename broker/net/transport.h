// The byte stream under a connection: plain TCP here; TLS plugs in behind the same interface.
//
// Contract (non-blocking): read/writev return the byte count, 0 from read at end of stream, or
// -1 with errno EAGAIN when they cannot progress now, any other errno for a failure. A
// transport that encrypts may accept more than it can send at once and keep it
// (bufferedOutput() > 0); the connection then keeps asking to write and calls flushBuffered().
#pragma once

#include <cstddef>
#include <cstdint>
#include <sys/types.h>
#include <sys/uio.h>

namespace kastle::broker {

class Transport
{
public:
    virtual ~Transport() = default;
    virtual int fd() const = 0;
    virtual ssize_t read(void *buf, size_t len) = 0;
    virtual ssize_t writev(const iovec *iov, int count) = 0;
    // Whether file ranges can go out with sendfile(2) (false once bytes must be encrypted).
    virtual bool canSendfile() const = 0;
    virtual ssize_t sendfile(int fileFd, int64_t offset, size_t count) = 0;
    virtual size_t bufferedOutput() const { return 0; }
    // Writes kept bytes; returns false on a fatal error.
    virtual bool flushBuffered() { return true; }
    // Whether the transport needs the socket to become readable/writable before it can go on
    // (TLS handshakes and renegotiation); plain TCP never does.
    virtual bool wantsWritable() const { return false; }
    // Whether the transport holds input it has already taken from the socket (decrypted TLS
    // records), which the connection must read without waiting for the socket to be readable.
    virtual bool hasBufferedInput() const { return false; }
};

class PlainTransport final : public Transport
{
public:
    explicit PlainTransport(int fd)
        : m_fd(fd)
    {}
    ~PlainTransport() override;
    int fd() const override { return m_fd; }
    ssize_t read(void *buf, size_t len) override;
    ssize_t writev(const iovec *iov, int count) override;
    bool canSendfile() const override { return true; }
    ssize_t sendfile(int fileFd, int64_t offset, size_t count) override;

private:
    int m_fd;
};

} // namespace kastle::broker
