// Request dispatch and the ApiVersions answer.
#include "dispatcher.h"

#include "log.h"
#include "messages/apiversions.h"

namespace kastle::broker {

using namespace kastle::protocol;

Dispatcher::Dispatcher(std::vector<ApiHandler> handlers)
    : m_handlers(std::move(handlers))
{
    for (size_t i = 0; i < m_handlers.size(); ++i) {
        const auto key = static_cast<size_t>(m_handlers[i].key);
        if (m_index.size() <= key)
            m_index.resize(key + 1, -1);
        m_index[key] = static_cast<int>(i);
    }
}

const ApiHandler *Dispatcher::find(int16_t key) const
{
    if (key < 0 || static_cast<size_t>(key) >= m_index.size() ||
        m_index[static_cast<size_t>(key)] < 0)
        return nullptr;
    return &m_handlers[static_cast<size_t>(m_index[static_cast<size_t>(key)])];
}

void Dispatcher::dispatch(Broker *broker, EventLoop &loop,
                          const std::shared_ptr<Connection> &connection, Connection::Frame frame)
{
    if (m_frameFilter && m_frameFilter(connection, frame))
        return;
    RequestContext ctx;
    ctx.broker = broker;
    ctx.connection = connection;
    ctx.receivedMs = loop.nowMs();
    const ApiHandler *handler = nullptr;
    try {
        const HeaderPrefix prefix = peekHeader(*frame);
        handler = find(prefix.apiKey);
        if (!handler) {
            KLOG_WARN("network", "closing " + connection->peer() + ": unknown API key " +
                                     std::to_string(prefix.apiKey));
            connection->close("unknown API key");
            return;
        }
        const bool supported =
            prefix.apiVersion >= handler->minVersion && prefix.apiVersion <= handler->maxVersion;
        const bool isApiVersions = handler->key == ApiKey::ApiVersions;
        if (!supported && !isApiVersions) {
            KLOG_WARN("network", "closing " + connection->peer() + ": " +
                                     std::string(apiName(prefix.apiKey)) + " v" +
                                     std::to_string(prefix.apiVersion) + " is not supported");
            connection->close("unsupported version");
            return;
        }
        if (m_gate && !m_gate(*connection, *handler)) {
            KLOG_WARN("network", "closing " + connection->peer() + ": " +
                                     std::string(apiName(prefix.apiKey)) +
                                     " before authentication");
            connection->close("not authenticated");
            return;
        }
        ctx.frame = std::move(frame);
        ctx.body = Reader(*ctx.frame);
        // An unsupported ApiVersions request may be of a version whose header we cannot read
        // (a future flexible one); its client id is all we would lose, so read the v1 header.
        const bool flexible = supported && prefix.apiVersion >= handler->requestFlexibleFrom;
        ctx.header = readRequestHeader(ctx.body, flexible);
        ctx.seq = connection->beginRequest();
        if (isApiVersions) {
            answerApiVersions(ctx, supported);
            return;
        }
    } catch (const DecodeError &e) {
        KLOG_WARN("network", "closing " + connection->peer() + ": unparsable request header (" +
                                 e.what() + ")");
        connection->close("unparsable request");
        return;
    }

    int64_t latency = 0;
    if (m_hasControls) {
        std::lock_guard lock(m_controlMutex);
        const auto key = static_cast<int16_t>(handler->key);
        if (auto it = m_injected.find(key); it != m_injected.end() && !it->second.empty()) {
            ctx.injectedError = it->second.front();
            it->second.erase(it->second.begin());
        }
        if (auto it = m_latencyMs.find(key); it != m_latencyMs.end())
            latency = it->second;
    }

    auto run = [handler](RequestContext &c) {
        try {
            handler->handle(c);
        } catch (const DecodeError &e) {
            KLOG_WARN("network", "closing " + c.connection->peer() + ": unparsable " +
                                     std::string(apiName(handler->key)) + " v" +
                                     std::to_string(c.version()) + " request (" + e.what() + ")");
            c.connection->close("unparsable request");
        }
    };
    if (latency > 0) {
        loop.addTimer(latency, [run, c = std::move(ctx)]() mutable {
            if (!c.connection->isClosed())
                run(c);
        });
    } else {
        run(ctx);
    }
}

void Dispatcher::answerApiVersions(RequestContext &ctx, bool supported)
{
    ApiVersionsResponse resp;
    if (!supported)
        resp.errorCode = code(ErrorCode::UnsupportedVersion);
    resp.apiKeys.reserve(m_handlers.size());
    for (const auto &h : m_handlers)
        resp.apiKeys.push_back({static_cast<int16_t>(h.key), h.minVersion, h.maxVersion});
    // Answer an unsupported version in the v0 layout, which every client can read.
    const int16_t version = supported ? ctx.version() : int16_t{0};
    Writer w(512);
    writeResponseFrame(w, resp, version, ctx.header.correlationId);
    ctx.connection->respond(ctx.seq, std::move(w));
}

void Dispatcher::injectErrors(ApiKey key, ErrorCode error, int count)
{
    std::lock_guard lock(m_controlMutex);
    auto &queue = m_injected[static_cast<int16_t>(key)];
    queue.insert(queue.end(), static_cast<size_t>(count), error);
    m_hasControls = true;
}

void Dispatcher::setLatency(ApiKey key, int64_t ms)
{
    std::lock_guard lock(m_controlMutex);
    if (ms > 0)
        m_latencyMs[static_cast<int16_t>(key)] = ms;
    else
        m_latencyMs.erase(static_cast<int16_t>(key));
    m_hasControls = true;
}

void Dispatcher::clearTestControls()
{
    std::lock_guard lock(m_controlMutex);
    m_injected.clear();
    m_latencyMs.clear();
}

} // namespace kastle::broker
