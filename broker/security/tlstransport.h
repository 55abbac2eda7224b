// TLS under a broker connection, with OpenSSL over memory BIOs: the transport reads and writes
// the socket itself and lets OpenSSL only encrypt and decrypt, so it fits the non-blocking
// Transport contract exactly (net/transport.h).
//
// Reading: ciphertext is pulled from the socket only when OpenSSL needs more to produce
// plaintext; the handshake (server side) runs inside the first reads. Writing: plaintext is
// encrypted at once into an output buffer that is sent as the socket allows; while more than
// kMaxBufferedOutput bytes wait, writev accepts nothing (EAGAIN) and the connection waits for
// the socket to become writable. Decrypted bytes the connection did not ask for yet are
// reported by hasBufferedInput(), so it reads them without a socket event. File ranges cannot
// be sent with sendfile (canSendfile() is false): the connection reads and writes them.
//
// TlsContext holds the certificate, key and client-certificate policy of a listener and makes
// one TlsTransport per accepted socket.
#pragma once

#include "net/transport.h"

#include <memory>
#include <string>
#include <vector>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct bio_st BIO;

namespace kastle::broker {

enum class ClientAuth { None, Requested, Required };

class TlsContext
{
public:
    // Loads the PEM certificate (chain) and private key; with a CA file, client certificates
    // are checked against it as `clientAuth` says. Null with a sentence on failure.
    static std::shared_ptr<TlsContext> create(const std::string &certificatePath,
                                              const std::string &keyPath,
                                              const std::string &caPath, ClientAuth clientAuth,
                                              std::string &error);
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    // Takes ownership of `fd`; null (fd closed) when OpenSSL cannot make a session.
    std::unique_ptr<Transport> wrap(int fd) const;

private:
    TlsContext() = default;
    SSL_CTX *m_ctx = nullptr;
};

class TlsTransport final : public Transport
{
public:
    static constexpr size_t kMaxBufferedOutput = 512 * 1024;

    TlsTransport(int fd, SSL *ssl);
    ~TlsTransport() override;

    int fd() const override { return m_fd; }
    ssize_t read(void *buf, size_t len) override;
    ssize_t writev(const iovec *iov, int count) override;
    bool canSendfile() const override { return false; }
    ssize_t sendfile(int fileFd, int64_t offset, size_t count) override;
    size_t bufferedOutput() const override { return m_out.size() - m_outSent; }
    bool flushBuffered() override;
    bool wantsWritable() const override { return bufferedOutput() > 0; }
    bool hasBufferedInput() const override;

private:
    // Moves what OpenSSL produced into m_out and sends as much as the socket takes.
    void send();
    void fail(const char *where);

    int m_fd;
    SSL *m_ssl;
    std::vector<uint8_t> m_out;
    size_t m_outSent = 0;
    bool m_failed = false;
    bool m_inputStalled = false; // OpenSSL needs bytes the socket does not have yet
};

} // namespace kastle::broker
