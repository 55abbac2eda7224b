// Kastle's own Kafka client: the project's codec over WireConnections, one per broker. Used by
// the session for what librdkafka 2.0.2 cannot do or cannot do in bulk without blocking:
// metadata and offsets polling, groups, DescribeLogDirs, DescribeCluster, ElectLeaders,
// Alter/ListPartitionReassignments, IncrementalAlterConfigs.
//
// Routing: a request goes to a target -- any broker (the least busy ready one), a broker by id,
// or the controller -- resolved from the brokers and controller the last Metadata answer named
// (setRouting(); every Metadata answer that passes through send() updates it too). Before any
// metadata is known, "any broker" means the bootstrap addresses in turn.
//
// Retries (bounded by CallOptions::attempts): a connection failure to "any broker" moves on to
// another broker; a controller that moved (NOT_CONTROLLER, or the connection to it failing) makes
// the client refresh its routing with a cheap Metadata request and try again. Errors inside a
// response (per topic, per partition) are the caller's: only the caller knows which are final.
//
// Cancellation: send() returns a CallId; cancel(id) drops the answer, whenever it comes.
// closeAll() fails everything with LocalError::Destroyed and closes every socket.
//
// Threading: lives on the session's thread; callbacks run there.
#pragma once

#include "kafka/kafkaerrors.h"
#include "result.h"
#include "wireconnection.h"

#include "errors.h"
#include "messages/all.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace kastle::core {

struct WireTarget
{
    enum class Kind { AnyBroker, Broker, Controller };
    Kind kind = Kind::AnyBroker;
    int32_t brokerId = -1;

    static WireTarget any() { return {}; }
    static WireTarget broker(int32_t id) { return {Kind::Broker, id}; }
    static WireTarget controller() { return {Kind::Controller, -1}; }
};

struct WireBroker
{
    int32_t id = -1;
    QString host;
    quint16 port = 0;
    bool operator==(const WireBroker &) const = default;
};

namespace detail {
template<class Req, class Tuple>
struct ResponseLookup;
template<class Req>
struct ResponseLookup<Req, std::tuple<>>
{
    using type = void;
};
template<class Req, class First, class... Rest>
struct ResponseLookup<Req, std::tuple<First, Rest...>>
{
    using type =
        std::conditional_t<std::is_same_v<typename First::Request, Req>, typename First::Response,
                           typename ResponseLookup<Req, std::tuple<Rest...>>::type>;
};
} // namespace detail

// The response type of a request type, from the codec's list of APIs.
template<class Req>
using ResponseOf = typename detail::ResponseLookup<Req, protocol::AllApis>::type;

template<class Resp>
struct CallOptions
{
    std::chrono::milliseconds timeout{0}; // 0: the profile's request timeout
    int attempts = 3;
    // Versions to use, narrowed from everything the codec speaks (e.g. Metadata >= 1 for racks).
    protocol::Versions versions = Resp::versions;
    // A code in the response that means "ask someone else" (NOT_CONTROLLER, NOT_COORDINATOR):
    // the client refreshes its routing and retries. Return 0 when the answer is final.
    std::function<int(const Resp &)> rerouteCode;
};

class WireClient : public QObject
{
    Q_OBJECT
public:
    using CallId = quint64;

    // bootstrap: "host:port[,host:port...]" as in the profile.
    WireClient(const QString &bootstrap, std::shared_ptr<const WireSecurity> security,
               QObject *parent = nullptr);
    ~WireClient() override;

    const WireSecurity &security() const { return *m_security; }

    void setRouting(const std::vector<WireBroker> &brokers, int32_t controllerId);
    const std::vector<WireBroker> &brokers() const { return m_brokers; }
    int32_t controllerId() const { return m_controllerId; }
    // The versions a broker serves for an API; empty when unknown (not connected yet).
    protocol::Versions brokerVersions(int32_t brokerId, int16_t apiKey) const;
    // Whether this broker's connection is ready, and its last failure if not.
    bool isReachable(int32_t brokerId) const;

    template<class Req>
    CallId send(WireTarget target, Req request, std::function<void(Result<ResponseOf<Req>>)> done,
                CallOptions<ResponseOf<Req>> options = {});

    void cancel(CallId id);
    // Fails every call with LocalError::Destroyed (callbacks are not run) and closes sockets.
    void closeAll();

Q_SIGNALS:
    // A broker's connection failed (brokerId -1 for a bootstrap address), or became ready.
    void connectionFailed(int32_t brokerId, const kastle::core::Error &error);
    void connectionReady(int32_t brokerId);

private:
    // One call across its attempts. The typed part (encoding, decoding, the caller's callback)
    // lives in TypedCall below; WireClient handles routing and retries through this base.
    struct CallBase
    {
        virtual ~CallBase() = default;
        CallId id = 0;
        WireTarget target;
        int attemptsLeft = 1;
        int16_t apiKey = 0;
        protocol::Versions versions;
        std::chrono::milliseconds timeout{0};
        std::vector<int> triedKeys; // connections tried for an any-broker target
        std::weak_ptr<WireRequest> current;
        virtual void encode(protocol::Writer &w, int16_t version) const = 0;
        // Decides between done and retry; calls client.retry() or client.finish().
        virtual void complete(WireClient &client, const Error *error, protocol::ByteView body,
                              int16_t version) = 0;
        virtual void abandon() = 0; // drop the caller's callback unrun
    };
    template<class Req>
    struct TypedCall;

    void attempt(const std::shared_ptr<CallBase> &call);
    // Another attempt, after a routing refresh if asked; false when no attempt is left.
    bool retry(const std::shared_ptr<CallBase> &call, bool refreshFirst);
    void finish(CallId id);
    WireConnection *connectionFor(CallBase &call, Error *why);
    WireConnection *connection(int key, const WireEndpoint &endpoint);
    // Sends a topic-less Metadata request and updates the routing; then calls `then`.
    void refreshRouting(std::function<void()> then);
    void noteMetadata(const protocol::MetadataResponse &response);
    static Error undecodable(const char *what);

    std::shared_ptr<const WireSecurity> m_security;
    std::vector<WireEndpoint> m_bootstrap;
    std::vector<WireBroker> m_brokers;
    int32_t m_controllerId = -1;
    // Connections by key: broker id (>= 0), or -1 - index for bootstrap addresses.
    std::map<int, WireConnection *> m_connections;
    std::unordered_map<CallId, std::shared_ptr<CallBase>> m_calls;
    CallId m_nextCall = 1;
    std::vector<std::function<void()>> m_routingWaiters;
    bool m_routingInFlight = false;
    unsigned m_anyRotation = 0;
};

// ---- template implementation ---------------------------------------------------------------

template<class Req>
struct WireClient::TypedCall : WireClient::CallBase
{
    using Resp = ResponseOf<Req>;
    Req request;
    std::function<void(Result<Resp>)> done;
    CallOptions<Resp> options;

    void encode(protocol::Writer &w, int16_t version) const override
    {
        protocol::encode(w, request, version);
    }
    void abandon() override { done = nullptr; }
    void complete(WireClient &client, const Error *error, protocol::ByteView body,
                  int16_t version) override
    {
        auto self = client.m_calls.count(id) ? client.m_calls.at(id) : nullptr;
        if (!self)
            return; // cancelled
        if (error) {
            // A connection that failed: another broker (any), or a fresh controller, may work.
            const bool transport =
                error->code == LocalError::Transport || error->code == LocalError::Resolve;
            if (transport && target.kind != WireTarget::Kind::Broker &&
                client.retry(self, target.kind == WireTarget::Kind::Controller))
                return;
            // No controller known yet: learn it, then try once more.
            if (error->code == int(protocol::ErrorCode::NotController) &&
                target.kind == WireTarget::Kind::Controller && client.retry(self, true))
                return;
            return deliver(client, *error);
        }
        Resp response;
        try {
            response = protocol::decode<Resp>(body, version);
        } catch (const protocol::DecodeError &e) {
            return deliver(client, undecodable(e.what()));
        }
        if constexpr (std::is_same_v<Resp, protocol::MetadataResponse>)
            client.noteMetadata(response);
        if (options.rerouteCode && options.rerouteCode(response) != 0 && client.retry(self, true))
            return;
        deliver(client, std::move(response));
    }
    void deliver(WireClient &client, Result<Resp> result)
    {
        auto callback = std::move(done);
        client.finish(id);
        if (callback)
            callback(std::move(result));
    }
};

template<class Req>
WireClient::CallId WireClient::send(WireTarget target, Req request,
                                    std::function<void(Result<ResponseOf<Req>>)> done,
                                    CallOptions<ResponseOf<Req>> options)
{
    static_assert(!std::is_void_v<ResponseOf<Req>>, "not a request type of the codec");
    auto call = std::make_shared<TypedCall<Req>>();
    call->id = m_nextCall++;
    call->target = target;
    call->attemptsLeft = std::max(1, options.attempts);
    call->apiKey = int16_t(Req::apiKey);
    call->versions = options.versions;
    call->timeout = options.timeout.count() > 0 ? options.timeout : m_security->requestTimeout;
    call->request = std::move(request);
    call->done = std::move(done);
    call->options = std::move(options);
    m_calls.emplace(call->id, call);
    const CallId id = call->id;
    attempt(call);
    return id;
}

} // namespace kastle::core
