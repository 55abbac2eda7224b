// What a request handler gets: the decoded header, a reader over the body, the connection to
// answer on, and the broker it runs in. A handler answers now (respond) or keeps the context
// (it is cheap to move) and answers later from the same event loop, e.g. a long-polling Fetch.
#pragma once

#include "net/connection.h"

#include "errors.h"
#include "header.h"

#include <memory>
#include <optional>

namespace kastle::broker {

class Broker;

struct RequestContext
{
    Broker *broker = nullptr;
    std::shared_ptr<Connection> connection;
    Connection::Frame frame; // keeps decoded views (records) valid
    protocol::RequestHeader header;
    protocol::Reader body;
    uint64_t seq = 0;
    int64_t receivedMs = 0;
    // Set by a test control: the error this request must answer with (top level or every
    // partition, as the API allows), instead of doing its work.
    std::optional<protocol::ErrorCode> injectedError;

    int16_t version() const { return header.apiVersion; }

    template<class Request>
    Request decode()
    {
        return protocol::decode<Request>(body, header.apiVersion);
    }

    template<class Response>
    void respond(const Response &response)
    {
        protocol::Writer w(256);
        protocol::writeResponseFrame(w, response, header.apiVersion, header.correlationId);
        connection->respond(seq, std::move(w));
    }

    // For requests that have no response (Produce with acks=0).
    void noResponse() { connection->skipResponse(seq); }
};

// One API as the broker serves it. The ApiVersions answer and the version check before dispatch
// both read this table, so what is advertised is exactly what is handled.
struct ApiHandler
{
    protocol::ApiKey key;
    int16_t minVersion;
    int16_t maxVersion;
    int16_t requestFlexibleFrom; // picks the request header version
    void (*handle)(RequestContext &ctx);
    // Served before SASL authentication completes (ApiVersions, SaslHandshake, SaslAuthenticate).
    bool beforeAuthentication = false;
};

// A table entry for the request type `Request`, served in versions min..max.
template<class Request>
constexpr ApiHandler serve(int16_t minVersion, int16_t maxVersion, void (*handle)(RequestContext &),
                           bool beforeAuthentication = false)
{
    return ApiHandler{Request::apiKey,       minVersion, maxVersion,
                      Request::flexibleFrom, handle,     beforeAuthentication};
}

} // namespace kastle::broker
