// Hostile lengths and counts in message bodies: every one must end in DecodeError without
// reading out of bounds or allocating far beyond the frame.
#include "messages/all.h"
#include "messagetesting.h"

#include <gtest/gtest.h>

using namespace kastle::protocol;
using kastle::protocol::testing::hex;

TEST(Hostile, ArrayCountsBeyondTheFrame)
{
    // Fetch v4 request: replica, wait, min, max, isolation, then a topics count of 2^31-1.
    EXPECT_THROW(decode<FetchRequest>(hex("ffffffff 00000000 00000000 00000000 00 7fffffff"), 4),
                 DecodeError);
    // A count equal to the bytes left passes the quick check, then runs out of bytes: each
    // FetchTopic needs far more than one byte.
    Bytes body = hex("ffffffff 00000000 00000000 00000000 00 00010000");
    body.resize(body.size() + 0x10000, 0);
    EXPECT_THROW(decode<FetchRequest>(ByteView(body), 4), DecodeError);
    // Compact (flexible) counts: OffsetFetch v6 with count+1 = 2^32-1 as a 5-byte varint.
    EXPECT_THROW(decode<OffsetFetchRequest>(hex("0267 ffffffff0f"), 6), DecodeError);
    // A varint longer than five bytes.
    EXPECT_THROW(decode<OffsetFetchRequest>(hex("0267 ffffffffff01"), 6), DecodeError);
}

TEST(Hostile, StringBytesAndRecordLengths)
{
    // Negative lengths other than -1 are not null.
    EXPECT_THROW(decode<FindCoordinatorRequest>(hex("fffe"), 0), DecodeError);
    EXPECT_THROW(decode<InitProducerIdRequest>(hex("fffe 000003e8"), 0), DecodeError);
    // Lengths past the end.
    EXPECT_THROW(decode<FindCoordinatorRequest>(hex("7fff 61"), 0), DecodeError);
    EXPECT_THROW(decode<SaslAuthenticateRequest>(hex("7fffffff 62"), 0), DecodeError);
    EXPECT_THROW(decode<ProduceRequest>(hex("ffff 000003e8 00000001 0001 74 00000001 00000000"
                                            "7fffffff 72"),
                                        3),
                 DecodeError);
    // Null where the version cannot carry it.
    EXPECT_THROW(decode<ProduceRequest>(hex("ffff 000003e8 ffffffff"), 0), DecodeError);
}

TEST(Hostile, TaggedSections)
{
    // ApiVersions v3 response: error, empty array, throttle, one tag claiming 100 bytes.
    EXPECT_THROW(decode<ApiVersionsResponse>(hex("0000 01 00000000 01 00 64 00"), 3), DecodeError);
    // A known tag whose content is shorter than its type needs.
    EXPECT_THROW(decode<ApiVersionsResponse>(hex("0000 01 00000000 01 01 02 0000"), 3),
                 DecodeError);
    // A count of 2^32-1 tagged fields with nothing after it.
    EXPECT_THROW(decode<ListGroupsRequest>(hex("ffffffff0f"), 3), DecodeError);
}

TEST(Hostile, TruncationAtEveryByte)
{
    // Every proper prefix of a valid message fails cleanly (or, where the prefix happens to be a
    // complete shorter message, decodes to something that re-encodes to those very bytes).
    forEachApi([](auto api) {
        using Req = typename decltype(api)::Request;
        for (int16_t v = Req::versions.lo; v <= Req::versions.hi; ++v) {
            const Bytes full = encode(kastle::protocol::testing::populate<Req>(v), v);
            for (size_t n = 0; n < full.size(); ++n) {
                const ByteView prefix(full.data(), n);
                try {
                    const Req r = decode<Req>(prefix, v);
                    EXPECT_EQ(encode(r, v), Bytes(prefix.begin(), prefix.end()));
                } catch (const DecodeError &) {
                }
            }
        }
    });
}
