// The generic codec against hand-checked bytes: classic and compact encodings, tagged fields,
// nullable values, and the size counter agreeing with the writer.
#include "header.h"
#include "messages/apiversions.h"

#include <gtest/gtest.h>

using namespace kastle::protocol;

namespace {

Bytes hex(std::string_view s)
{
    Bytes out;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (size_t i = 0; i + 1 < s.size();) {
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        out.push_back(static_cast<uint8_t>(nibble(s[i]) << 4 | nibble(s[i + 1])));
        i += 2;
    }
    return out;
}

} // namespace

TEST(Schema, ApiVersionsRequestV3IsCompact)
{
    ApiVersionsRequest req{"kcat", "1.7.1"};
    EXPECT_EQ(encode(req, 3), hex("05 6b636174 06 312e372e31 00"));
    EXPECT_EQ(encode(req, 0), Bytes{}); // v0-2 have no body
    EXPECT_EQ(decode<ApiVersionsRequest>(hex("05 6b636174 06 312e372e31 00"), 3), req);
}

TEST(Schema, ApiVersionsResponseClassicAndFlexible)
{
    ApiVersionsResponse resp;
    resp.apiKeys = {{0, 0, 7}};
    resp.throttleTimeMs = 5;
    EXPECT_EQ(encode(resp, 0), hex("0000 00000001 0000 0000 0007"));
    EXPECT_EQ(encode(resp, 1), hex("0000 00000001 0000 0000 0007 00000005"));
    EXPECT_EQ(encode(resp, 3), hex("0000 02 0000 0000 0007 00 00000005 00"));
    for (int16_t v = 0; v <= 3; ++v) {
        EXPECT_EQ(encodedSize(resp, v), encode(resp, v).size()) << "v" << v;
    }
}

TEST(Schema, TaggedFieldsAreWrittenOnlyWhenNotDefault)
{
    ApiVersionsResponse resp;
    resp.finalizedFeaturesEpoch = 7;
    resp.zkMigrationReady = true;
    // error, empty compact array, throttle, 2 tagged fields: tag 1 (8 bytes), tag 3 (1 byte)
    const Bytes expected = hex("0000 01 00000000 02 01 08 0000000000000007 03 01 01");
    EXPECT_EQ(encode(resp, 3), expected);
    EXPECT_EQ(decode<ApiVersionsResponse>(expected, 3), resp);
}

TEST(Schema, UnknownTaggedFieldsAreSkipped)
{
    // tag 9 with 3 bytes of payload that no version of the schema knows.
    const Bytes bytes = hex("0000 01 00000000 01 09 03 aabbcc");
    const auto resp = decode<ApiVersionsResponse>(bytes, 3);
    EXPECT_EQ(resp, ApiVersionsResponse{});
}

TEST(Schema, TruncatedAndHostileInputThrows)
{
    EXPECT_THROW(decode<ApiVersionsResponse>(hex("0000 0000"), 0), DecodeError);
    // An array count far beyond the bytes left must not allocate.
    EXPECT_THROW(decode<ApiVersionsResponse>(hex("0000 7fffffff 0000"), 0), DecodeError);
    EXPECT_THROW(decode<ApiVersionsResponse>(hex("0000 00000000 00000000 ff"), 1), DecodeError);
}

TEST(Schema, RequestHeaderKeepsInt16ClientIdWhenFlexible)
{
    Writer w;
    writeRequestFrame(w, ApiVersionsRequest{"k", "1"}, 3, 42, std::string("rdkafka"));
    const Bytes frame = w.flatten();
    // size | key 18 | v3 | corr 42 | int16 len 7 "rdkafka" | header tags | body
    EXPECT_EQ(frame, hex("00000017 0012 0003 0000002a 0007 72646b61666b61 00 02 6b 02 31 00"));
    Reader r(ByteView(frame).subspan(4));
    const auto h = readRequestHeader(r, true);
    EXPECT_EQ(h.apiKey, 18);
    EXPECT_EQ(h.apiVersion, 3);
    EXPECT_EQ(h.correlationId, 42);
    EXPECT_EQ(h.clientId, "rdkafka");
    EXPECT_EQ(decode<ApiVersionsRequest>(r, 3), (ApiVersionsRequest{"k", "1"}));
}

TEST(Schema, ApiVersionsResponseHeaderIsAlwaysV0)
{
    Writer w;
    ApiVersionsResponse resp;
    writeResponseFrame(w, resp, 3, 7);
    EXPECT_EQ(w.flatten(), hex("0000000c 00000007 0000 01 00000000 00"));
}

TEST(Schema, NullClientId)
{
    Writer w;
    writeRequestFrame(w, ApiVersionsRequest{}, 0, 1, std::nullopt);
    EXPECT_EQ(w.flatten(), hex("0000000a 0012 0000 00000001 ffff"));
}
