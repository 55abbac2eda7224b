// One connection of Kastle's wire client to one broker: TCP or TLS, then ApiVersions, then SASL
// when the profile asks for it, then pipelined requests matched to responses by correlation id.
//
// Life of a connection: Idle -> Connecting (TCP, TLS) -> Negotiating (ApiVersions) ->
// Authenticating (SaslHandshake v1 + SaslAuthenticate) -> Ready. Requests submitted before Ready
// wait in a queue; once Ready, up to kMaxInFlight go out at once and the rest wait their turn.
// Any failure (refused, reset, TLS, SASL, a frame that cannot be read, a broker that stops
// answering) fails every waiting request with the same error and returns the connection to Idle;
// the next submit() connects again, but not before a backoff that grows with each consecutive
// failure (fail fast meanwhile, so a dead broker costs a poller nothing).
//
// Versions: each request states the range of versions the codec can write; the connection
// picks the highest version the broker also serves (from its ApiVersions answer) and fails the
// request with UnsupportedFeature when the ranges do not meet.
//
// Timeouts: a request that has no answer within its timeout fails with TimedOut; its late
// answer, should it come, is read and dropped. If it still has not come after a second timeout,
// the broker is considered stuck and the connection closes.
//
// Threading: lives on the thread that owns the session; every callback runs on that thread.
#pragma once

#include "result.h"
#include "wiresecurity.h"

#include "schema.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

class QSslSocket;

namespace kastle::core {

Q_DECLARE_LOGGING_CATEGORY(lcWire)

class SaslMechanismClient;

struct WireEndpoint
{
    int32_t brokerId = -1; // -1 for a bootstrap address whose id is not known yet
    QString host;
    quint16 port = 0;

    QString text() const; // "host:port" or "broker 2 (host:port)"
    bool operator==(const WireEndpoint &) const = default;
};

// One request as the connection handles it. The body is encoded only once the version is known.
struct WireRequest
{
    int16_t apiKey = 0;
    protocol::Versions versions;
    std::function<void(protocol::Writer &, int16_t version)> encode;
    // Exactly one call: error set (body empty) or error null with the response body.
    std::function<void(const Error *error, protocol::ByteView body, int16_t version)> done;
    std::chrono::milliseconds timeout{30000};
    bool cancelled = false; // set by the client; the answer is then dropped unseen
};
using WireRequestPtr = std::shared_ptr<WireRequest>;

class WireConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Negotiating, Authenticating, Ready };
    static constexpr int kMaxInFlight = 64;
    static constexpr int kMaxFrameBytes = 256 << 20;

    WireConnection(WireEndpoint endpoint, std::shared_ptr<const WireSecurity> security,
                   QObject *parent = nullptr);
    ~WireConnection() override;

    const WireEndpoint &endpoint() const { return m_endpoint; }
    void setEndpoint(const WireEndpoint &endpoint); // closes if host or port changed
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    // Requests queued or waiting for an answer.
    int load() const { return int(m_queue.size() + m_inFlight.size()); }
    // Whether the last attempt failed and the backoff has not run out yet.
    bool inBackoff() const;
    const Error &lastError() const { return m_lastError; }
    // The broker's version range for an API; empty before ApiVersions answered or if not served.
    protocol::Versions brokerVersions(int16_t apiKey) const;

    void submit(WireRequestPtr request);
    // Fails everything waiting with `reason` and closes the socket; the connection is Idle after.
    void close(const Error &reason);

Q_SIGNALS:
    void ready();
    void failed(const kastle::core::Error &error);

private:
    struct InFlight
    {
        int32_t correlationId = 0;
        WireRequestPtr request;
        int16_t version = 0;
        qint64 deadline = 0;
        bool timedOut = false;
    };

    void startConnecting();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onTimer();
    void armTimer();
    void fail(const Error &error);
    void finish(const WireRequestPtr &request, const Error *error, protocol::ByteView body,
                int16_t version);

    // Writes queued requests while the window allows (handshake requests skip the queue).
    void pump();
    bool write(const WireRequestPtr &request);
    void handleFrame(protocol::ByteView frame);

    void startNegotiation(int16_t apiVersionsVersion);
    void onApiVersions(const Error *error, protocol::ByteView body, int16_t version);
    void startSasl();
    void sendSaslToken(const QByteArray &token);
    void onSaslAuthenticate(const Error *error, protocol::ByteView body, int16_t version);
    void becomeReady();
    // An internal request of the handshake (ApiVersions, SASL), written at once.
    void sendInternal(int16_t apiKey, int16_t version,
                      std::function<void(protocol::Writer &, int16_t)> encode,
                      std::function<void(const Error *, protocol::ByteView, int16_t)> done);

    qint64 now() const { return m_clock.elapsed(); }

    WireEndpoint m_endpoint;
    std::shared_ptr<const WireSecurity> m_security;
    QSslSocket *m_socket = nullptr;
    State m_state = State::Idle;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_connectDeadline = 0;

    std::deque<std::pair<WireRequestPtr, qint64>> m_queue; // with deadlines
    std::deque<InFlight> m_inFlight;
    int32_t m_nextCorrelationId = 1;
    QByteArray m_in;
    qsizetype m_inPos = 0;

    std::unordered_map<int16_t, protocol::Versions> m_brokerVersions;
    std::unique_ptr<SaslMechanismClient> m_sasl;
    int16_t m_saslAuthenticateVersion = 0;

    Error m_lastError;
    int m_consecutiveFailures = 0;
    qint64 m_backoffUntil = 0;
};

} // namespace kastle::core
