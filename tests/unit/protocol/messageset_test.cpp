// Legacy message sets (magic 0 and 1): exact bytes, parsing with CRC checks and compressed
// wrappers, and the up (to v2) and down (from v2) conversions with and without compression.
#include "batchbuilder.h"
#include "messageset.h"
#include "messagetesting.h"

#include <gtest/gtest.h>

using namespace kastle::protocol;
using kastle::protocol::testing::bytesOf;
using kastle::protocol::testing::hex;

namespace {

std::string str(const std::optional<ByteView> &b)
{
    return b ? std::string(asString(*b)) : "<null>";
}

Bytes message(int64_t offset, int8_t magic, int8_t attributes, int64_t ts,
              std::optional<std::string_view> key, std::optional<std::string_view> value)
{
    Writer w;
    writeLegacyMessage(w, {offset, magic, attributes, ts,
                           key ? std::optional(asBytes(*key)) : std::nullopt,
                           value ? std::optional(asBytes(*value)) : std::nullopt});
    return w.take();
}

Bytes concat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// A wrapper holding `inner` compressed with `codec`.
Bytes wrapper(int64_t offset, int8_t magic, Compression codec, int64_t ts, const Bytes &inner,
              bool logAppendTime = false)
{
    auto packed =
        compress(codec, inner, magic == 0 ? Lz4Framing::KafkaMagic0 : Lz4Framing::Standard);
    EXPECT_TRUE(packed.ok());
    Writer w;
    const auto attributes =
        static_cast<int8_t>(static_cast<int8_t>(codec) | (logAppendTime ? 8 : 0));
    writeLegacyMessage(w, {offset, magic, attributes, ts, std::nullopt, ByteView(packed.bytes)});
    return w.take();
}

constexpr Compression kLegacyCodecs[] = {Compression::None, Compression::Gzip, Compression::Snappy,
                                         Compression::Lz4};

} // namespace

TEST(MessageSet, ExactBytesMagic0And1)
{
    // offset 7 | size 15 | crc | magic 0 | attrs 0 | key null | value "v"
    EXPECT_EQ(message(7, 0, 0, -1, std::nullopt, "v"),
              hex("0000000000000007 0000000f d20cbff5 00 00 ffffffff 00000001 76"));
    // offset 0 | size 24 | crc | magic 1 | attrs 0 | timestamp 1000 | key "k" | value "v"
    EXPECT_EQ(message(0, 1, 0, 1000, "k", "v"),
              hex("0000000000000000 00000018 e4e321bc 01 00 00000000000003e8 00000001 6b "
                  "00000001 76"));
}

TEST(MessageSet, ParsePlainAndDetectDamage)
{
    const Bytes set =
        concat({message(10, 1, 0, 500, "a", "1"), message(11, 1, 8, 600, std::nullopt, ""),
                message(12, 1, 0, 700, "c", std::nullopt)});
    const auto parsed = parseMessageSet(set);
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    ASSERT_EQ(parsed.messages.size(), 3u);
    EXPECT_EQ(parsed.magic, 1);
    EXPECT_EQ(parsed.messages[1].offset, 11);
    EXPECT_EQ(parsed.messages[1].timestamp, 600);
    EXPECT_TRUE(parsed.messages[1].logAppendTime);
    EXPECT_EQ(str(parsed.messages[0].key), "a");
    EXPECT_FALSE(parsed.messages[1].key.has_value());
    EXPECT_EQ(str(parsed.messages[1].value), "");
    EXPECT_FALSE(parsed.messages[2].value.has_value());

    Bytes damaged = set;
    damaged[30] ^= 4;
    EXPECT_NE(parseMessageSet(damaged).error.find("CRC-32"), std::string::npos);

    const ByteView cut(set.data(), set.size() - 3);
    EXPECT_FALSE(parseMessageSet(cut).ok());
    const auto tolerant = parseMessageSet(cut, kDefaultMaxDecompressedBatch, true);
    EXPECT_TRUE(tolerant.ok());
    EXPECT_EQ(tolerant.messages.size(), 2u);

    Bytes tiny = message(1, 0, 0, -1, std::nullopt, std::nullopt);
    tiny[11] = 3; // message size below the smallest possible
    EXPECT_FALSE(parseMessageSet(tiny).ok());
    EXPECT_FALSE(parseMessageSet(message(1, 1, 4, 0, std::nullopt, "x")).ok()) // zstd at magic 1
        << "zstd cannot be a legacy codec";
}

TEST(MessageSet, CompressedWrappersGiveAbsoluteOffsets)
{
    for (Compression codec : {Compression::Gzip, Compression::Snappy, Compression::Lz4}) {
        SCOPED_TRACE(std::string(compressionName(codec)));
        // Magic 1: inner offsets relative, wrapper offset = last absolute offset (102).
        const Bytes inner1 = concat({message(0, 1, 0, 5, "a", "1"), message(1, 1, 0, 6, "b", "2"),
                                     message(2, 1, 0, 9, "c", "3")});
        const auto p1 = parseMessageSet(wrapper(102, 1, codec, 9, inner1));
        ASSERT_TRUE(p1.ok()) << p1.error;
        EXPECT_EQ(p1.codec, codec);
        ASSERT_EQ(p1.messages.size(), 3u);
        EXPECT_EQ(p1.messages[0].offset, 100);
        EXPECT_EQ(p1.messages[2].offset, 102);
        EXPECT_EQ(p1.messages[1].timestamp, 6);
        EXPECT_EQ(str(p1.messages[2].value), "3");
        // LogAppendTime on the wrapper overrides the inner timestamps.
        const auto lat = parseMessageSet(wrapper(102, 1, codec, 77, inner1, true));
        ASSERT_TRUE(lat.ok());
        EXPECT_EQ(lat.messages[0].timestamp, 77);
        EXPECT_TRUE(lat.messages[0].logAppendTime);
        // Magic 0: inner offsets are absolute already.
        const Bytes inner0 =
            concat({message(40, 0, 0, -1, "a", "1"), message(41, 0, 0, -1, "b", "2")});
        const auto p0 = parseMessageSet(wrapper(41, 0, codec, -1, inner0));
        ASSERT_TRUE(p0.ok()) << p0.error;
        EXPECT_EQ(p0.messages[0].offset, 40);
        EXPECT_EQ(p0.messages[1].offset, 41);
        EXPECT_EQ(p0.messages[0].timestamp, -1);
        // Nested wrappers are refused.
        const auto nested =
            parseMessageSet(wrapper(5, 1, codec, 0, wrapper(5, 1, codec, 0, inner1)));
        EXPECT_NE(nested.error.find("inside a compressed"), std::string::npos) << nested.error;
    }
}

TEST(MessageSet, UpConvertToRecordBatch)
{
    for (int8_t magic : {0, 1}) {
        for (Compression codec : kLegacyCodecs) {
            SCOPED_TRACE(std::to_string(magic) + " " + std::string(compressionName(codec)));
            const Bytes plain = concat({message(0, magic, 0, 1000, "k1", "v1"),
                                        message(1, magic, 0, 2000, std::nullopt, "v2"),
                                        message(2, magic, 0, 1500, "k3", std::nullopt)});
            const Bytes set =
                codec == Compression::None ? plain : wrapper(2, magic, codec, 2000, plain);
            const auto up = upConvertMessageSet(set);
            ASSERT_TRUE(up.ok()) << up.reason;
            EXPECT_EQ(validateBatch(up.bytes), std::nullopt);
            const DecodedBatch d = decodeBatch(up.bytes);
            EXPECT_EQ(d.header.compression(), codec);
            EXPECT_EQ(d.header.producerId, -1);
            ASSERT_EQ(d.records.size(), 3u);
            EXPECT_EQ(d.records[2].offset, 2);
            EXPECT_EQ(str(d.records[0].key), "k1");
            EXPECT_EQ(str(d.records[1].key), "<null>");
            EXPECT_EQ(str(d.records[2].value), "<null>");
            EXPECT_EQ(d.records[1].timestamp, magic == 1 ? 2000 : -1);
        }
    }
    Bytes damaged = message(0, 1, 0, 1, "k", "v");
    damaged.back() ^= 1;
    EXPECT_EQ(upConvertMessageSet(damaged).error, ErrorCode::CorruptMessage);
    EXPECT_EQ(upConvertMessageSet(Bytes{}).error, ErrorCode::CorruptMessage);
}

TEST(MessageSet, DownConvertKeepsOffsetsKeysValuesAndTimestamps)
{
    for (Compression codec : kLegacyCodecs) {
        RecordBatchBuilder first, second;
        first.compression(codec).baseOffset(100);
        first.append(5000, "k0", "v0", {{"dropped", bytesOf("h")}});
        first.append(5002, std::nullopt, "v1");
        second.compression(codec).baseOffset(102);
        second.append(NewRecord{6000, bytesOf("k2"), std::nullopt, {}, 0});
        second.append(NewRecord{6001, bytesOf("k3"), bytesOf(""), {}, 3}); // a compaction gap
        const Bytes controlMarker = buildControlBatch(9, 0, true, 7000).bytes;
        Bytes stored = first.build().bytes;
        const Bytes s2 = second.build().bytes;
        stored.insert(stored.end(), s2.begin(), s2.end());
        stored.insert(stored.end(), controlMarker.begin(), controlMarker.end());
        stored.insert(stored.end(), s2.begin(), s2.begin() + 20); // partial tail, left out

        for (int8_t magic : {0, 1}) {
            SCOPED_TRACE(std::to_string(magic) + " " + std::string(compressionName(codec)));
            const auto down = downConvertBatches(stored, magic);
            ASSERT_TRUE(down.ok()) << down.reason;
            const auto parsed = parseMessageSet(down.bytes);
            ASSERT_TRUE(parsed.ok()) << parsed.error;
            EXPECT_EQ(parsed.magic, magic);
            EXPECT_EQ(parsed.codec, codec);
            ASSERT_EQ(parsed.messages.size(), 4u); // the control batch is not delivered
            const int64_t offsets[] = {100, 101, 102, 105};
            const int64_t stamps[] = {5000, 5002, 6000, 6001};
            for (size_t i = 0; i < 4; ++i) {
                EXPECT_EQ(parsed.messages[i].offset, offsets[i]) << i;
                EXPECT_EQ(parsed.messages[i].magic, magic);
                EXPECT_EQ(parsed.messages[i].timestamp, magic == 1 ? stamps[i] : -1) << i;
            }
            EXPECT_EQ(str(parsed.messages[0].key), "k0");
            EXPECT_EQ(str(parsed.messages[0].value), "v0");
            EXPECT_EQ(str(parsed.messages[1].key), "<null>");
            EXPECT_EQ(str(parsed.messages[2].value), "<null>");
            EXPECT_EQ(str(parsed.messages[3].value), "");
            if (codec == Compression::Lz4 && magic == 0) {
                // The wrapper's value starts with an LZ4 frame carrying the KAFKA-3160 checksum.
                const Bytes &b = down.bytes;
                const size_t value = 8 + 4 + 4 + 1 + 1 + 4 + 4;
                EXPECT_EQ(b[value + 6], static_cast<uint8_t>(xxh32(b.data() + value, 6) >> 8));
            }
        }
    }
}

TEST(MessageSet, DownConvertRulesForZstdAndLogAppendTime)
{
    RecordBatchBuilder z;
    z.compression(Compression::Zstd).append(1, "k", "v");
    for (int8_t magic : {0, 1}) {
        const auto r = downConvertBatches(z.build().bytes, magic);
        EXPECT_EQ(r.error, ErrorCode::UnsupportedCompressionType);
        EXPECT_FALSE(magicSupports(magic, Compression::Zstd));
    }
    EXPECT_TRUE(magicSupports(2, Compression::Zstd));

    for (Compression codec : {Compression::None, Compression::Gzip}) {
        RecordBatchBuilder lat;
        lat.compression(codec).logAppendTime(9999).append(1, "k", "v").append(2, "k", "w");
        const auto down = downConvertBatches(lat.build().bytes, 1);
        ASSERT_TRUE(down.ok());
        const auto parsed = parseMessageSet(down.bytes);
        ASSERT_TRUE(parsed.ok()) << parsed.error;
        for (const auto &m : parsed.messages) {
            EXPECT_TRUE(m.logAppendTime);
            EXPECT_EQ(m.timestamp, 9999);
        }
    }
    EXPECT_EQ(downConvertBatches(Bytes{}, 1).bytes, Bytes{});
    EXPECT_FALSE(downConvertBatches(Bytes{}, 2).ok());
}
