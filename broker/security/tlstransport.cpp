// OpenSSL transport over memory BIOs.
#include "tlstransport.h"

#include "log.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <unistd.h>

namespace kastle::broker {

namespace {

constexpr size_t kSocketChunk = 64 * 1024;

std::string opensslErrors()
{
    std::string out;
    while (const unsigned long e = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(e, text, sizeof text);
        if (!out.empty())
            out += "; ";
        out += text;
    }
    return out.empty() ? std::string("unknown TLS error") : out;
}

} // namespace

std::shared_ptr<TlsContext> TlsContext::create(const std::string &certificatePath,
                                               const std::string &keyPath,
                                               const std::string &caPath, ClientAuth clientAuth,
                                               std::string &error)
{
    std::shared_ptr<TlsContext> c(new TlsContext());
    c->m_ctx = SSL_CTX_new(TLS_server_method());
    if (!c->m_ctx) {
        error = "cannot create a TLS context: " + opensslErrors();
        return nullptr;
    }
    SSL_CTX_set_min_proto_version(c->m_ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(c->m_ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_CTX_use_certificate_chain_file(c->m_ctx, certificatePath.c_str()) != 1) {
        error = "cannot load the TLS certificate " + certificatePath + ": " + opensslErrors();
        return nullptr;
    }
    if (SSL_CTX_use_PrivateKey_file(c->m_ctx, keyPath.c_str(), SSL_FILETYPE_PEM) != 1) {
        error = "cannot load the TLS key " + keyPath + ": " + opensslErrors();
        return nullptr;
    }
    if (SSL_CTX_check_private_key(c->m_ctx) != 1) {
        error = "the TLS key " + keyPath + " does not match the certificate " + certificatePath;
        return nullptr;
    }
    if (clientAuth != ClientAuth::None) {
        if (caPath.empty()) {
            error = "checking client certificates needs a CA file (--ssl-ca)";
            return nullptr;
        }
        if (SSL_CTX_load_verify_locations(c->m_ctx, caPath.c_str(), nullptr) != 1) {
            error = "cannot load the CA file " + caPath + ": " + opensslErrors();
            return nullptr;
        }
        if (STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(caPath.c_str()))
            SSL_CTX_set_client_CA_list(c->m_ctx, names);
        int mode = SSL_VERIFY_PEER;
        if (clientAuth == ClientAuth::Required)
            mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        SSL_CTX_set_verify(c->m_ctx, mode, nullptr);
    }
    return c;
}

TlsContext::~TlsContext()
{
    if (m_ctx)
        SSL_CTX_free(m_ctx);
}

std::unique_ptr<Transport> TlsContext::wrap(int fd) const
{
    SSL *ssl = SSL_new(m_ctx);
    BIO *in = ssl ? BIO_new(BIO_s_mem()) : nullptr;
    BIO *out = in ? BIO_new(BIO_s_mem()) : nullptr;
    if (!out) {
        KLOG_ERROR("tls", "cannot start a TLS session: " + opensslErrors());
        if (in)
            BIO_free(in);
        if (ssl)
            SSL_free(ssl);
        ::close(fd);
        return nullptr;
    }
    SSL_set_bio(ssl, in, out);
    SSL_set_accept_state(ssl);
    return std::make_unique<TlsTransport>(fd, ssl);
}

TlsTransport::TlsTransport(int fd, SSL *ssl)
    : m_fd(fd)
    , m_ssl(ssl)
{}

TlsTransport::~TlsTransport()
{
    SSL_free(m_ssl);
    if (m_fd >= 0)
        ::close(m_fd);
}

void TlsTransport::fail(const char *where)
{
    if (!m_failed)
        KLOG_INFO("tls", std::string("TLS ") + where + " failed: " + opensslErrors());
    m_failed = true;
}

ssize_t TlsTransport::read(void *buf, size_t len)
{
    if (m_failed) {
        errno = EPROTO;
        return -1;
    }
    size_t got = 0;
    auto *out = static_cast<uint8_t *>(buf);
    while (got < len) {
        const int chunk = static_cast<int>(std::min<size_t>(len - got, 1 << 30));
        const int n = SSL_read(m_ssl, out + got, chunk);
        if (n > 0) {
            got += static_cast<size_t>(n);
            continue;
        }
        const int err = SSL_get_error(m_ssl, n);
        send(); // handshake messages, alerts
        if (err == SSL_ERROR_WANT_READ) {
            uint8_t cipher[kSocketChunk];
            const ssize_t r = ::read(m_fd, cipher, sizeof cipher);
            if (r > 0) {
                m_inputStalled = false;
                BIO_write(SSL_get_rbio(m_ssl), cipher, static_cast<int>(r));
                continue;
            }
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                m_inputStalled = true;
                if (got > 0)
                    return static_cast<ssize_t>(got);
                errno = EAGAIN;
                return -1;
            }
            if (got > 0)
                return static_cast<ssize_t>(got);
            return r; // 0 at end of stream, -1 with errno
        }
        if (err == SSL_ERROR_ZERO_RETURN)
            return static_cast<ssize_t>(got); // close_notify: end of stream
        if (err == SSL_ERROR_WANT_WRITE)
            break;
        fail("read");
        if (got > 0)
            return static_cast<ssize_t>(got);
        errno = EPROTO;
        return -1;
    }
    send();
    if (got == 0) {
        errno = EAGAIN;
        return -1;
    }
    return static_cast<ssize_t>(got);
}

ssize_t TlsTransport::writev(const iovec *iov, int count)
{
    if (m_failed) {
        errno = EPIPE;
        return -1;
    }
    if (bufferedOutput() >= kMaxBufferedOutput) {
        send();
        if (bufferedOutput() >= kMaxBufferedOutput) {
            errno = EAGAIN;
            return -1;
        }
    }
    size_t accepted = 0;
    bool blocked = false;
    for (int i = 0; i < count && !blocked && bufferedOutput() < kMaxBufferedOutput; ++i) {
        const auto *data = static_cast<const uint8_t *>(iov[i].iov_base);
        size_t left = iov[i].iov_len;
        while (left > 0 && bufferedOutput() < kMaxBufferedOutput) {
            const int piece = static_cast<int>(std::min<size_t>(left, 64 * 1024));
            const int n = SSL_write(m_ssl, data, piece);
            if (n <= 0) {
                const int err = SSL_get_error(m_ssl, n);
                if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
                    blocked = true; // renegotiation or key update in progress
                    break;
                }
                fail("write");
                errno = EPIPE;
                return accepted > 0 ? static_cast<ssize_t>(accepted) : -1;
            }
            data += n;
            left -= static_cast<size_t>(n);
            accepted += static_cast<size_t>(n);
            // Move the records out of the BIO as they are made, so it never grows large.
            send();
        }
        if (left > 0)
            break;
    }
    send();
    if (m_failed && accepted == 0) {
        errno = EPIPE;
        return -1;
    }
    if (accepted == 0) {
        errno = EAGAIN;
        return -1;
    }
    return static_cast<ssize_t>(accepted);
}

ssize_t TlsTransport::sendfile(int, int64_t, size_t)
{
    errno = ENOSYS;
    return -1;
}

bool TlsTransport::flushBuffered()
{
    send();
    return !m_failed;
}

bool TlsTransport::hasBufferedInput() const
{
    return !m_failed && !m_inputStalled && SSL_has_pending(m_ssl);
}

void TlsTransport::send()
{
    BIO *wbio = SSL_get_wbio(m_ssl);
    while (BIO_ctrl_pending(wbio) > 0) {
        if (m_outSent > 0 && m_outSent == m_out.size()) {
            m_out.clear();
            m_outSent = 0;
        }
        const size_t pending = BIO_ctrl_pending(wbio);
        const size_t at = m_out.size();
        m_out.resize(at + pending);
        const int n = BIO_read(wbio, m_out.data() + at, static_cast<int>(pending));
        m_out.resize(at + static_cast<size_t>(std::max(n, 0)));
        if (n <= 0)
            break;
    }
    while (m_outSent < m_out.size()) {
        const ssize_t n = ::write(m_fd, m_out.data() + m_outSent, m_out.size() - m_outSent);
        if (n > 0) {
            m_outSent += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        m_failed = true;
        break;
    }
    if (m_outSent == m_out.size()) {
        m_out.clear();
        m_outSent = 0;
    } else if (m_outSent > (1 << 20)) {
        m_out.erase(m_out.begin(), m_out.begin() + static_cast<std::ptrdiff_t>(m_outSent));
        m_outSent = 0;
    }
}

} // namespace kastle::broker
