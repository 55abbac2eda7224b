// One broker connection: TLS, ApiVersions, SASL, framing, pipelining and timeouts.
#include "wireconnection.h"

#include "kafka/kafkaerrors.h"
#include "saslclient.h"

#include "apiregistry.h"
#include "errors.h"
#include "header.h"
#include "messages/apiversions.h"
#include "messages/saslauthenticate.h"
#include "messages/saslhandshake.h"

#include <QSslSocket>

#include <algorithm>

namespace kastle::core {

Q_LOGGING_CATEGORY(lcWire, "kastle.wire")

using namespace protocol;

namespace {

class WireText
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::WireConnection)
public:
    static Error transport(const WireEndpoint &e, const QString &why)
    {
        return {tr("Cannot reach %1: %2").arg(e.text(), why), LocalError::Transport};
    }
};

constexpr int16_t kApiVersionsMax = 3;

} // namespace

QString WireEndpoint::text() const
{
    const QString address = host + QLatin1Char(':') + QString::number(port);
    return brokerId >= 0 ? WireText::tr("broker %1 (%2)").arg(brokerId).arg(address) : address;
}

WireConnection::WireConnection(WireEndpoint endpoint, std::shared_ptr<const WireSecurity> security,
                               QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_security(std::move(security))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WireConnection::onTimer);
}

WireConnection::~WireConnection()
{
    close(Error{WireText::tr("The connection was closed."), LocalError::Destroyed});
}

void WireConnection::setEndpoint(const WireEndpoint &endpoint)
{
    const bool moved = endpoint.host != m_endpoint.host || endpoint.port != m_endpoint.port;
    m_endpoint = endpoint;
    if (moved && m_state != State::Idle)
        close(WireText::transport(m_endpoint, WireText::tr("the broker moved to a new address")));
}

bool WireConnection::inBackoff() const
{
    return m_state == State::Idle && m_consecutiveFailures > 0 && now() < m_backoffUntil;
}

Versions WireConnection::brokerVersions(int16_t apiKey) const
{
    auto it = m_brokerVersions.find(apiKey);
    return it == m_brokerVersions.end() ? kNoVersions : it->second;
}

void WireConnection::submit(WireRequestPtr request)
{
    if (inBackoff()) {
        // Fail fast with what went wrong last time; the caller's next round tries again.
        const Error e = m_lastError;
        finish(request, &e, {}, 0);
        return;
    }
    const qint64 deadline = now() + request->timeout.count();
    m_queue.emplace_back(std::move(request), deadline);
    if (m_state == State::Idle)
        startConnecting();
    else
        pump();
    armTimer();
}

void WireConnection::startConnecting()
{
    m_state = State::Connecting;
    m_in.clear();
    m_inPos = 0;
    m_brokerVersions.clear();
    m_connectDeadline = now() + m_security->connectTimeout.count();
    m_socket = new QSslSocket(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QSslSocket::readyRead, this, &WireConnection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &WireConnection::onSocketError);
    if (m_security->tls) {
        m_socket->setSslConfiguration(m_security->sslConfiguration());
        connect(m_socket, &QSslSocket::encrypted, this, &WireConnection::onEncrypted);
        connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            // Without host name verification, a certificate whose name does not match is fine
            // as long as nothing else is wrong with it (librdkafka's
            // ssl.endpoint.identification.algorithm=none).
            const bool onlyName = std::all_of(errors.begin(), errors.end(), [](const QSslError &e) {
                return e.error() == QSslError::HostNameMismatch;
            });
            if (!m_security->verifyHostname && onlyName) {
                m_socket->ignoreSslErrors();
                return;
            }
            QStringList texts;
            for (const QSslError &e : errors)
                texts << e.errorString();
            fail(Error{WireText::tr("The TLS connection to %1 failed: %2")
                           .arg(m_endpoint.text(), texts.join(QStringLiteral("; "))),
                       LocalError::Ssl});
        });
        m_socket->connectToHostEncrypted(m_endpoint.host, m_endpoint.port);
    } else {
        connect(m_socket, &QSslSocket::connected, this, &WireConnection::onConnected);
        m_socket->connectToHost(m_endpoint.host, m_endpoint.port);
    }
    armTimer();
}

void WireConnection::onConnected()
{
    startNegotiation(kApiVersionsMax);
}

void WireConnection::onEncrypted()
{
    startNegotiation(kApiVersionsMax);
}

void WireConnection::onSocketError()
{
    if (!m_socket)
        return;
    const auto err = m_socket->error();
    const QString why = m_socket->errorString();
    if (err == QAbstractSocket::HostNotFoundError)
        fail(Error{WireText::tr("The host name of %1 cannot be resolved.").arg(m_endpoint.text()),
                   LocalError::Resolve});
    else if (err == QAbstractSocket::SslHandshakeFailedError ||
             err == QAbstractSocket::SslInternalError ||
             err == QAbstractSocket::SslInvalidUserDataError)
        fail(Error{WireText::tr("The TLS connection to %1 failed: %2").arg(m_endpoint.text(), why),
                   LocalError::Ssl});
    else if (m_security->tls && m_state == State::Connecting &&
             err == QAbstractSocket::RemoteHostClosedError)
        // A plain-text listener hangs up on a TLS client hello.
        fail(Error{WireText::tr("The TLS connection to %1 failed: the broker closed the "
                                "connection during the handshake (is it a TLS listener?).")
                       .arg(m_endpoint.text()),
                   LocalError::Ssl});
    else
        fail(WireText::transport(m_endpoint, why));
}

void WireConnection::startNegotiation(int16_t version)
{
    m_state = State::Negotiating;
    sendInternal(
        int16_t(ApiKey::ApiVersions), version,
        [](Writer &w, int16_t v) {
            ApiVersionsRequest req;
            req.clientSoftwareName = "kastle";
            req.clientSoftwareVersion = KASTLE_VERSION;
            encode(w, req, v);
        },
        [this](const Error *e, ByteView body, int16_t v) { onApiVersions(e, body, v); });
}

void WireConnection::onApiVersions(const Error *error, ByteView body, int16_t version)
{
    if (error)
        return fail(*error);
    ApiVersionsResponse resp;
    try {
        resp = decode<ApiVersionsResponse>(body, version);
    } catch (const DecodeError &) {
        // An unsupported ApiVersions version is answered in the v0 layout.
        try {
            resp = decode<ApiVersionsResponse>(body, 0);
        } catch (const DecodeError &e) {
            return fail(Error{WireText::tr("%1 sent an ApiVersions answer Kastle cannot read (%2).")
                                  .arg(m_endpoint.text(), QString::fromUtf8(e.what())),
                              LocalError::BadMessage});
        }
    }
    if (resp.errorCode == code(ErrorCode::UnsupportedVersion) && version > 0) {
        int16_t brokerMax = 0;
        for (const auto &k : resp.apiKeys) {
            if (k.apiKey == int16_t(ApiKey::ApiVersions))
                brokerMax = k.maxVersion;
        }
        return startNegotiation(std::min<int16_t>(brokerMax, version - 1));
    }
    if (resp.errorCode != 0)
        return fail(KafkaErrors::error(
            resp.errorCode, WireText::tr("%1 refused ApiVersions").arg(m_endpoint.text())));
    for (const auto &k : resp.apiKeys)
        m_brokerVersions[k.apiKey] = Versions{k.minVersion, k.maxVersion};
    if (m_security->sasl)
        startSasl();
    else
        becomeReady();
}

void WireConnection::startSasl()
{
    m_state = State::Authenticating;
    m_sasl = SaslMechanismClient::create(m_security->mechanism, m_security->username,
                                         m_security->password, m_security->oauthToken);
    if (!m_sasl)
        return fail(Error{WireText::tr("Kastle's own client cannot use this SASL mechanism."),
                          LocalError::Authentication});
    const Versions handshake = brokerVersions(int16_t(ApiKey::SaslHandshake));
    const Versions authenticate = brokerVersions(int16_t(ApiKey::SaslAuthenticate));
    if (!handshake.contains(1) || authenticate.isEmpty())
        return fail(Error{WireText::tr("%1 does not offer SASL authentication (SaslHandshake v1 "
                                       "and SaslAuthenticate); is it a SASL listener?")
                              .arg(m_endpoint.text()),
                          LocalError::Authentication});
    m_saslAuthenticateVersion =
        std::min<int16_t>(authenticate.hi, SaslAuthenticateRequest::versions.hi);
    const std::string mechanism = m_sasl->mechanismName().toStdString();
    sendInternal(
        int16_t(ApiKey::SaslHandshake), 1,
        [mechanism](Writer &w, int16_t v) { encode(w, SaslHandshakeRequest{mechanism}, v); },
        [this](const Error *e, ByteView body, int16_t v) {
            if (e)
                return fail(*e);
            SaslHandshakeResponse resp;
            try {
                resp = decode<SaslHandshakeResponse>(body, v);
            } catch (const DecodeError &) {
                return fail(Error{WireText::tr("%1 sent a SASL answer Kastle cannot read.")
                                      .arg(m_endpoint.text()),
                                  LocalError::BadMessage});
            }
            if (resp.errorCode == code(ErrorCode::UnsupportedSaslMechanism)) {
                QStringList offered;
                for (const auto &m : resp.mechanisms)
                    offered << QString::fromStdString(m);
                return fail(
                    Error{WireText::tr("%1 does not offer SASL %2; it offers: %3.")
                              .arg(m_endpoint.text(), QString::fromLatin1(m_sasl->mechanismName()),
                                   offered.join(QStringLiteral(", "))),
                          LocalError::Authentication});
            }
            if (resp.errorCode != 0)
                return fail(KafkaErrors::error(resp.errorCode, m_endpoint.text()));
            sendSaslToken(m_sasl->start());
        });
}

void WireConnection::sendSaslToken(const QByteArray &token)
{
    Bytes bytes(token.begin(), token.end());
    sendInternal(
        int16_t(ApiKey::SaslAuthenticate), m_saslAuthenticateVersion,
        [bytes = std::move(bytes)](Writer &w, int16_t v) {
            SaslAuthenticateRequest req;
            req.authBytes = bytes;
            encode(w, req, v);
        },
        [this](const Error *e, ByteView body, int16_t v) { onSaslAuthenticate(e, body, v); });
}

void WireConnection::onSaslAuthenticate(const Error *error, ByteView body, int16_t version)
{
    if (error)
        return fail(*error);
    SaslAuthenticateResponse resp;
    try {
        resp = decode<SaslAuthenticateResponse>(body, version);
    } catch (const DecodeError &) {
        return fail(
            Error{WireText::tr("%1 sent a SASL answer Kastle cannot read.").arg(m_endpoint.text()),
                  LocalError::BadMessage});
    }
    if (resp.errorCode != 0) {
        const QString said =
            resp.errorMessage ? QString::fromStdString(*resp.errorMessage) : QString();
        Error e = KafkaErrors::error(
            resp.errorCode, WireText::tr("%1 refused the login").arg(m_endpoint.text()), said);
        e.code = LocalError::Authentication;
        return fail(e);
    }
    const QByteArray answer(reinterpret_cast<const char *>(resp.authBytes.data()),
                            qsizetype(resp.authBytes.size()));
    const SaslMechanismClient::Step step = m_sasl->next(answer);
    switch (step.kind) {
    case SaslMechanismClient::Step::Kind::Send:
        return sendSaslToken(step.token);
    case SaslMechanismClient::Step::Kind::Done:
        m_sasl.reset();
        return becomeReady();
    case SaslMechanismClient::Step::Kind::Failed:
        return fail(Error{step.error, LocalError::Authentication});
    }
}

void WireConnection::becomeReady()
{
    m_state = State::Ready;
    m_consecutiveFailures = 0;
    m_lastError = {};
    qCDebug(lcWire).noquote() << "connected to" << m_endpoint.text();
    Q_EMIT ready();
    pump();
    armTimer();
}

void WireConnection::sendInternal(int16_t apiKey, int16_t version,
                                  std::function<void(Writer &, int16_t)> encodeBody,
                                  std::function<void(const Error *, ByteView, int16_t)> done)
{
    auto req = std::make_shared<WireRequest>();
    req->apiKey = apiKey;
    req->versions = Versions{version, version};
    req->encode = std::move(encodeBody);
    req->done = std::move(done);
    req->timeout = m_security->connectTimeout;
    write(req);
}

void WireConnection::pump()
{
    if (m_state != State::Ready)
        return;
    while (!m_queue.empty() && int(m_inFlight.size()) < kMaxInFlight) {
        auto [request, deadline] = std::move(m_queue.front());
        m_queue.pop_front();
        if (request->cancelled)
            continue;
        if (!write(request))
            return;
        m_inFlight.back().deadline = deadline;
    }
}

bool WireConnection::write(const WireRequestPtr &request)
{
    const ApiInfo *api = findApi(request->apiKey);
    int16_t version = -1;
    if (api) {
        Versions broker{request->versions.lo, request->versions.hi};
        if (m_state == State::Ready || !m_brokerVersions.empty()) {
            broker = brokerVersions(request->apiKey);
            broker.lo = std::max(broker.lo, request->versions.lo);
            broker.hi = std::min(broker.hi, request->versions.hi);
        }
        if (!broker.isEmpty())
            version = broker.hi;
    }
    if (version < 0) {
        const Error e{
            WireText::tr("%1 does not serve %2 in a version Kastle speaks.")
                .arg(m_endpoint.text(),
                     api ? QString::fromLatin1(api->name.data(), qsizetype(api->name.size()))
                         : QString::number(request->apiKey)),
            LocalError::UnsupportedFeature};
        finish(request, &e, {}, 0);
        return true;
    }
    Writer w;
    const size_t start = w.bufferSize();
    w.i32(0);
    const int32_t correlationId = m_nextCorrelationId++;
    if (m_nextCorrelationId == INT32_MAX)
        m_nextCorrelationId = 1;
    RequestHeader header{request->apiKey, version, correlationId,
                         m_security->clientId.toStdString()};
    const int16_t hv = api->requestHeaderVersion(version);
    try {
        encodeStruct(w, header, Ctx{hv, hv >= 2});
        request->encode(w, version);
    } catch (const EncodeError &e) {
        const Error err{WireText::tr("Kastle could not encode the request: %1")
                            .arg(QString::fromUtf8(e.what())),
                        LocalError::InvalidArgument};
        finish(request, &err, {}, 0);
        return true;
    }
    w.patchI32(start, static_cast<int32_t>(w.bufferSize() - start - 4));
    const Bytes &buf = w.buffer();
    m_socket->write(reinterpret_cast<const char *>(buf.data()), qint64(buf.size()));
    m_inFlight.push_back(
        InFlight{correlationId, request, version, now() + request->timeout.count(), false});
    return true;
}

void WireConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_in.append(m_socket->readAll());
    // A callback may close the connection (or even reconnect it) while frames are handled.
    while (m_socket && m_inPos <= m_in.size()) {
        const qsizetype available = m_in.size() - m_inPos;
        if (available < 4)
            break;
        const auto *p = reinterpret_cast<const uint8_t *>(m_in.constData() + m_inPos);
        const int32_t size = int32_t(uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 |
                                     uint32_t(p[2]) << 8 | uint32_t(p[3]));
        if (size < 4 || size > kMaxFrameBytes)
            return fail(Error{WireText::tr("%1 sent a frame of %2 bytes, which cannot be right.")
                                  .arg(m_endpoint.text())
                                  .arg(size),
                              LocalError::BadMessage});
        if (available < 4 + qsizetype(size))
            break;
        m_inPos += 4 + size;
        handleFrame(ByteView(p + 4, size_t(size)));
    }
    // Compact once everything read so far is consumed, or when the dead prefix gets large.
    if (m_inPos >= m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > (1 << 20)) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

void WireConnection::handleFrame(ByteView frame)
{
    if (m_inFlight.empty())
        return fail(
            Error{WireText::tr("%1 sent an answer nobody asked for.").arg(m_endpoint.text()),
                  LocalError::BadMessage});
    InFlight f = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    const ApiInfo *api = findApi(f.request->apiKey);
    Reader r(frame);
    int32_t correlationId = 0;
    try {
        ResponseHeader h;
        const int16_t hv = api->responseHeaderVersion(f.version);
        decodeStruct(r, h, Ctx{hv, hv >= 1});
        correlationId = h.correlationId;
    } catch (const DecodeError &) {
        correlationId = -1;
    }
    if (correlationId != f.correlationId)
        return fail(Error{WireText::tr("%1 answered out of order.").arg(m_endpoint.text()),
                          LocalError::BadMessage});
    if (!f.timedOut)
        finish(f.request, nullptr, ByteView(r.position(), r.remaining()), f.version);
    pump();
    armTimer();
}

void WireConnection::finish(const WireRequestPtr &request, const Error *error, ByteView body,
                            int16_t version)
{
    if (request->cancelled || !request->done)
        return;
    auto done = std::move(request->done);
    request->done = nullptr;
    done(error, body, version);
}

void WireConnection::armTimer()
{
    qint64 next = std::numeric_limits<qint64>::max();
    if (m_state != State::Idle && m_state != State::Ready)
        next = m_connectDeadline;
    for (const auto &f : m_inFlight)
        next = std::min(next, f.timedOut ? f.deadline + f.request->timeout.count() : f.deadline);
    for (const auto &q : m_queue)
        next = std::min(next, q.second);
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - now() + 1, 0, 3600 * 1000)));
}

void WireConnection::onTimer()
{
    const qint64 t = now();
    if (m_state != State::Idle && m_state != State::Ready && t >= m_connectDeadline)
        return fail(Error{WireText::tr("%1 did not complete the connection within %2 s.")
                              .arg(m_endpoint.text())
                              .arg(m_security->connectTimeout.count() / 1000.0),
                          LocalError::TimedOut});
    const Error timedOut{WireText::tr("%1 did not answer in time.").arg(m_endpoint.text()),
                         LocalError::TimedOut};
    for (auto &f : m_inFlight) {
        if (f.timedOut && t >= f.deadline + f.request->timeout.count())
            return fail(Error{WireText::tr("%1 stopped answering.").arg(m_endpoint.text()),
                              LocalError::TimedOut});
        if (!f.timedOut && t >= f.deadline) {
            f.timedOut = true;
            finish(f.request, &timedOut, {}, f.version);
        }
    }
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (t >= it->second) {
            WireRequestPtr r = it->first;
            it = m_queue.erase(it);
            finish(r, &timedOut, {}, 0);
        } else {
            ++it;
        }
    }
    armTimer();
}

void WireConnection::fail(const Error &error)
{
    // Handshake callbacks failed by close() below land here again; the first failure counts.
    if (m_state == State::Idle)
        return;
    qCInfo(lcWire).noquote() << error.message;
    ++m_consecutiveFailures;
    const qint64 backoff = std::min<qint64>(10000, 500LL << std::min(m_consecutiveFailures - 1, 5));
    m_backoffUntil = now() + backoff;
    m_lastError = error;
    close(error);
    Q_EMIT failed(error);
}

void WireConnection::close(const Error &reason)
{
    m_state = State::Idle;
    m_sasl.reset();
    m_timer.stop();
    if (m_socket) {
        QSslSocket *s = m_socket;
        m_socket = nullptr;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    // Fail outside the containers: a callback may submit new requests to this connection.
    std::deque<InFlight> inFlight;
    inFlight.swap(m_inFlight);
    std::deque<std::pair<WireRequestPtr, qint64>> queue;
    queue.swap(m_queue);
    for (auto &f : inFlight) {
        if (!f.timedOut)
            finish(f.request, &reason, {}, f.version);
    }
    for (auto &q : queue)
        finish(q.first, &reason, {}, 0);
}

} // namespace kastle::core
