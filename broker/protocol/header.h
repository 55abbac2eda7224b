// Request and response headers, and the 4-byte size framing around them.
//
// Frame: int32 size, then size bytes of header + body. The request header is v1 for a
// non-flexible request version and v2 (tagged fields) for a flexible one; its ClientId keeps an
// int16 length in every version so any broker can read the header of any ApiVersions request.
// The response header is v0 (correlation id) or v1 (plus tagged fields), except that
// ApiVersions always answers with v0.
#pragma once

#include "apikeys.h"
#include "schema.h"

namespace kastle::protocol {

struct RequestHeader
{
    int16_t apiKey = 0;
    int16_t apiVersion = 0;
    int32_t correlationId = 0;
    std::optional<std::string> clientId;

    static constexpr Versions versions{0, 2};
    static constexpr int16_t flexibleFrom = 2;
    static constexpr auto schema()
    {
        using T = RequestHeader;
        return std::tuple{
            field<&T::apiKey>(), field<&T::apiVersion>(), field<&T::correlationId>(),
            field<&T::clientId>({.versions = since(1), .nullable = since(1), .neverCompact = true})};
    }
    bool operator==(const RequestHeader &) const = default;
};

struct ResponseHeader
{
    int32_t correlationId = 0;

    static constexpr Versions versions{0, 1};
    static constexpr int16_t flexibleFrom = 1;
    static constexpr auto schema() { return std::tuple{field<&ResponseHeader::correlationId>()}; }
    bool operator==(const ResponseHeader &) const = default;
};

// Header versions for a message type at a version.
template <class Request>
constexpr int16_t requestHeaderVersion(int16_t version)
{
    return isFlexible<Request>(version) ? 2 : 1;
}

template <class Response>
constexpr int16_t responseHeaderVersion(int16_t version)
{
    if constexpr (static_cast<int16_t>(Response::apiKey) == static_cast<int16_t>(ApiKey::ApiVersions))
        return 0;
    else
        return isFlexible<Response>(version) ? 1 : 0;
}

// Peeks at api key, version and correlation id without knowing the API (these three come first
// in every header version). Throws DecodeError when the frame is shorter than that.
struct HeaderPrefix
{
    int16_t apiKey;
    int16_t apiVersion;
    int32_t correlationId;
};
inline HeaderPrefix peekHeader(ByteView frame)
{
    Reader r(frame);
    HeaderPrefix p{};
    p.apiKey = r.i16();
    p.apiVersion = r.i16();
    p.correlationId = r.i32();
    return p;
}

// Writes `int32 size | header | body` for a request; the size is patched in afterwards.
template <class Request>
void writeRequestFrame(Writer &w, const Request &req, int16_t version, int32_t correlationId,
                       std::optional<std::string> clientId)
{
    const size_t start = w.bufferSize();
    w.i32(0);
    RequestHeader h{static_cast<int16_t>(Request::apiKey), version, correlationId,
                    std::move(clientId)};
    const int16_t hv = requestHeaderVersion<Request>(version);
    encodeStruct(w, h, Ctx{hv, hv >= 2});
    encode(w, req, version);
    w.patchI32(start, static_cast<int32_t>(w.size() - start - 4));
}

// Writes `int32 size | header | body` for a response to a request at `version`.
template <class Response>
void writeResponseFrame(Writer &w, const Response &resp, int16_t version, int32_t correlationId)
{
    const size_t start = w.bufferSize();
    w.i32(0);
    const int16_t hv = responseHeaderVersion<Response>(version);
    encodeStruct(w, ResponseHeader{correlationId}, Ctx{hv, hv >= 1});
    encode(w, resp, version);
    w.patchI32(start, static_cast<int32_t>(w.size() - start - 4));
}

// Reads the request header of a frame (without the size prefix) given the flexible-ness of the
// request version; the reader is left at the start of the body.
inline RequestHeader readRequestHeader(Reader &r, bool flexibleRequest)
{
    RequestHeader h;
    const int16_t hv = flexibleRequest ? 2 : 1;
    decodeStruct(r, h, Ctx{hv, hv >= 2});
    return h;
}

// Reads a response frame body (without size prefix) whose header version is known from the
// request; returns the correlation id and leaves the reader at the body.
template <class Response>
int32_t readResponseHeader(Reader &r, int16_t version)
{
    ResponseHeader h;
    const int16_t hv = responseHeaderVersion<Response>(version);
    decodeStruct(r, h, Ctx{hv, hv >= 1});
    return h.correlationId;
}

} // namespace kastle::protocol
