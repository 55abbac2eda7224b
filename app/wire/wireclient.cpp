// Routing, retries and cancellation of the wire client.
#include "wireclient.h"

#include "kafka/kafkaerrors.h"

namespace kastle::core {

using namespace protocol;

namespace {

std::vector<WireEndpoint> parseBootstrap(const QString &bootstrap)
{
    std::vector<WireEndpoint> out;
    for (const QString &part : bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString hp = part.trimmed();
        const qsizetype colon = hp.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        QString host = hp.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        bool ok = false;
        const uint port = hp.mid(colon + 1).toUInt(&ok);
        if (ok && port > 0 && port < 65536)
            out.push_back(WireEndpoint{-1, host, quint16(port)});
    }
    return out;
}

} // namespace

WireClient::WireClient(const QString &bootstrap, std::shared_ptr<const WireSecurity> security,
                       QObject *parent)
    : QObject(parent)
    , m_security(std::move(security))
    , m_bootstrap(parseBootstrap(bootstrap))
{}

WireClient::~WireClient()
{
    closeAll();
}

Error WireClient::undecodable(const char *what)
{
    return Error{
        tr("The cluster sent an answer Kastle cannot read (%1).").arg(QString::fromUtf8(what)),
        LocalError::BadMessage};
}

void WireClient::setRouting(const std::vector<WireBroker> &brokers, int32_t controllerId)
{
    m_controllerId = controllerId;
    if (brokers == m_brokers)
        return;
    m_brokers = brokers;
    for (const WireBroker &b : m_brokers) {
        auto it = m_connections.find(b.id);
        if (it != m_connections.end())
            it->second->setEndpoint(WireEndpoint{b.id, b.host, b.port});
    }
    // Connections to brokers that left the cluster, and idle bootstrap connections, go.
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        const int key = it->first;
        const bool known = std::any_of(m_brokers.begin(), m_brokers.end(),
                                       [key](const WireBroker &b) { return b.id == key; });
        if (!known && it->second->load() == 0) {
            it->second->deleteLater();
            it->second->disconnect(this);
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
}

Versions WireClient::brokerVersions(int32_t brokerId, int16_t apiKey) const
{
    auto it = m_connections.find(brokerId);
    return it == m_connections.end() ? kNoVersions : it->second->brokerVersions(apiKey);
}

bool WireClient::isReachable(int32_t brokerId) const
{
    auto it = m_connections.find(brokerId);
    return it != m_connections.end() && it->second->isReady();
}

WireConnection *WireClient::connection(int key, const WireEndpoint &endpoint)
{
    auto it = m_connections.find(key);
    if (it != m_connections.end())
        return it->second;
    auto *c = new WireConnection(endpoint, m_security, this);
    const int32_t brokerId = endpoint.brokerId;
    connect(c, &WireConnection::failed, this,
            [this, brokerId](const Error &e) { Q_EMIT connectionFailed(brokerId, e); });
    connect(c, &WireConnection::ready, this,
            [this, brokerId] { Q_EMIT connectionReady(brokerId); });
    m_connections.emplace(key, c);
    return c;
}

WireConnection *WireClient::connectionFor(CallBase &call, Error *why)
{
    const auto brokerEndpoint = [this](int32_t id) -> std::optional<WireEndpoint> {
        for (const WireBroker &b : m_brokers) {
            if (b.id == id)
                return WireEndpoint{b.id, b.host, b.port};
        }
        return std::nullopt;
    };
    switch (call.target.kind) {
    case WireTarget::Kind::Broker:
    case WireTarget::Kind::Controller: {
        const int32_t id =
            call.target.kind == WireTarget::Kind::Broker ? call.target.brokerId : m_controllerId;
        if (auto ep = brokerEndpoint(id))
            return connection(id, *ep);
        *why = call.target.kind == WireTarget::Kind::Controller
                   ? Error{tr("The cluster has no controller at the moment."),
                           int(ErrorCode::NotController)}
                   : Error{tr("Broker %1 is not part of the cluster.").arg(id),
                           int(ErrorCode::BrokerNotAvailable)};
        return nullptr;
    }
    case WireTarget::Kind::AnyBroker:
        break;
    }
    // Any broker: candidates are the known brokers, else the bootstrap addresses. Prefer a
    // ready connection with the least load; then one that is not backing off; never one this
    // call has tried already.
    std::vector<std::pair<int, WireEndpoint>> candidates;
    if (!m_brokers.empty()) {
        for (const WireBroker &b : m_brokers)
            candidates.emplace_back(b.id, WireEndpoint{b.id, b.host, b.port});
    } else {
        for (size_t i = 0; i < m_bootstrap.size(); ++i)
            candidates.emplace_back(-1 - int(i), m_bootstrap[i]);
    }
    const auto tried = [&](int key) {
        return std::find(call.triedKeys.begin(), call.triedKeys.end(), key) != call.triedKeys.end();
    };
    WireConnection *best = nullptr;
    int bestKey = 0;
    for (const auto &[key, ep] : candidates) {
        auto it = m_connections.find(key);
        if (tried(key) || it == m_connections.end() || !it->second->isReady())
            continue;
        if (!best || it->second->load() < best->load()) {
            best = it->second;
            bestKey = key;
        }
    }
    if (!best && !candidates.empty()) {
        const size_t n = candidates.size();
        for (size_t i = 0; i < n && !best; ++i) {
            const auto &[key, ep] = candidates[(m_anyRotation + i) % n];
            auto it = m_connections.find(key);
            if (tried(key) || (it != m_connections.end() && it->second->inBackoff()))
                continue;
            best = connection(key, ep);
            bestKey = key;
        }
        ++m_anyRotation;
    }
    if (!best) {
        // Everything tried or backing off: report the most telling failure.
        QString last;
        for (const auto &[key, ep] : candidates) {
            auto it = m_connections.find(key);
            if (it != m_connections.end() && !it->second->lastError().message.isEmpty())
                last = it->second->lastError().message;
        }
        *why = Error{last.isEmpty() ? tr("No broker of the cluster can be reached.")
                                    : tr("No broker of the cluster can be reached. %1").arg(last),
                     LocalError::AllBrokersDown};
        return nullptr;
    }
    call.triedKeys.push_back(bestKey);
    return best;
}

void WireClient::attempt(const std::shared_ptr<CallBase> &call)
{
    --call->attemptsLeft;
    Error why;
    WireConnection *c = connectionFor(*call, &why);
    if (!c) {
        call->complete(*this, &why, {}, 0);
        return;
    }
    auto request = std::make_shared<WireRequest>();
    request->apiKey = call->apiKey;
    request->versions = call->versions;
    request->timeout = call->timeout;
    request->encode = [call](Writer &w, int16_t version) { call->encode(w, version); };
    request->done = [this, call](const Error *error, ByteView body, int16_t version) {
        call->complete(*this, error, body, version);
    };
    call->current = request;
    c->submit(std::move(request));
}

bool WireClient::retry(const std::shared_ptr<CallBase> &call, bool refreshFirst)
{
    if (call->attemptsLeft <= 0)
        return false;
    if (!refreshFirst) {
        attempt(call);
        return true;
    }
    refreshRouting([this, call] {
        if (m_calls.count(call->id))
            attempt(call);
    });
    return true;
}

void WireClient::finish(CallId id)
{
    m_calls.erase(id);
}

void WireClient::cancel(CallId id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    it->second->abandon();
    if (auto request = it->second->current.lock()) {
        request->cancelled = true;
        request->done = nullptr;
    }
    m_calls.erase(it);
}

void WireClient::closeAll()
{
    auto calls = std::move(m_calls);
    m_calls.clear();
    for (auto &[id, call] : calls) {
        call->abandon();
        if (auto request = call->current.lock()) {
            request->cancelled = true;
            request->done = nullptr;
        }
    }
    m_routingWaiters.clear();
    auto connections = std::move(m_connections);
    m_connections.clear();
    // deleteLater: closeAll() may run inside a callback of one of these connections.
    for (auto &[key, c] : connections) {
        c->disconnect(this);
        c->close(Error{tr("The session was closed."), LocalError::Destroyed});
        c->deleteLater();
    }
}

void WireClient::refreshRouting(std::function<void()> then)
{
    m_routingWaiters.push_back(std::move(then));
    if (m_routingInFlight)
        return;
    m_routingInFlight = true;
    MetadataRequest request;
    request.topics = std::vector<MetadataRequest::MetadataRequestTopic>{}; // brokers only
    request.allowAutoTopicCreation = false;
    CallOptions<MetadataResponse> options;
    options.versions = Versions{1, MetadataResponse::versions.hi};
    options.attempts = 2;
    send(
        WireTarget::any(), std::move(request),
        [this](Result<MetadataResponse>) {
            // Success updated the routing already (noteMetadata); a failure leaves it, and the
            // retried call reports its own error.
            m_routingInFlight = false;
            auto waiters = std::move(m_routingWaiters);
            m_routingWaiters.clear();
            for (auto &w : waiters)
                w();
        },
        options);
}

void WireClient::noteMetadata(const MetadataResponse &response)
{
    std::vector<WireBroker> brokers;
    brokers.reserve(response.brokers.size());
    for (const auto &b : response.brokers)
        brokers.push_back(WireBroker{b.nodeId, QString::fromStdString(b.host), quint16(b.port)});
    std::sort(brokers.begin(), brokers.end(),
              [](const WireBroker &a, const WireBroker &b) { return a.id < b.id; });
    setRouting(brokers, response.controllerId);
}

} // namespace kastle::core
