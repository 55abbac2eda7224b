// The four codecs: round trips, the formats other writers produce (raw snappy, zstd frames
// without a content size, KAFKA-3160 lz4 frames, concatenated members), the decompression limit,
// and damaged input reported as an error value.
#include "compression.h"

#include <lz4frame.h>
#include <snappy-c.h>
#include <zstd.h>

#include <gtest/gtest.h>

#include <random>

using namespace kastle::protocol;

namespace {

Bytes sample(size_t n, uint32_t seed = 1)
{
    // Half text-like repetition, half noise: compressible but not trivially.
    Bytes b(n);
    std::mt19937 rng(seed);
    for (size_t i = 0; i < n; ++i)
        b[i] = (i / 64) % 2 ? static_cast<uint8_t>(rng()) : static_cast<uint8_t>('a' + i % 7);
    return b;
}

constexpr Compression kCodecs[] = {Compression::None, Compression::Gzip, Compression::Snappy,
                                   Compression::Lz4, Compression::Zstd};

} // namespace

TEST(Compression, RoundTripEveryCodecAndSize)
{
    for (Compression c : kCodecs) {
        for (size_t n :
             {size_t{1}, size_t{100}, size_t{32 * 1024}, size_t{32 * 1024 + 1}, size_t{300000}}) {
            const Bytes input = sample(n, static_cast<uint32_t>(n));
            const auto packed = compress(c, input);
            ASSERT_TRUE(packed.ok()) << compressionName(c) << ": " << packed.error;
            if (c != Compression::None && n >= 32 * 1024) {
                EXPECT_LT(packed.bytes.size(), input.size()) << compressionName(c);
            }
            const auto unpacked = decompress(c, packed.bytes, input.size());
            ASSERT_TRUE(unpacked.ok()) << compressionName(c) << " " << n << ": " << unpacked.error;
            EXPECT_EQ(unpacked.bytes, input) << compressionName(c) << " " << n;
        }
    }
}

TEST(Compression, LimitStopsDecompressionBombs)
{
    const Bytes zeros(4 << 20, 0);
    for (Compression c : kCodecs) {
        const auto packed = compress(c, zeros);
        ASSERT_TRUE(packed.ok());
        const auto limited = decompress(c, packed.bytes, 1 << 20);
        EXPECT_FALSE(limited.ok()) << compressionName(c);
        EXPECT_NE(limited.error.find("exceeds the limit"), std::string::npos) << limited.error;
        EXPECT_TRUE(limited.bytes.empty());
        // Exactly at the limit is allowed.
        const auto exact = decompress(c, packed.bytes, zeros.size());
        EXPECT_TRUE(exact.ok()) << compressionName(c) << ": " << exact.error;
        EXPECT_FALSE(decompress(c, packed.bytes, zeros.size() - 1).ok()) << compressionName(c);
    }
}

TEST(Compression, DamagedInputIsAnErrorValue)
{
    const Bytes input = sample(50000);
    std::mt19937 rng(3);
    for (Compression c :
         {Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd}) {
        const Bytes packed = compress(c, input).bytes;
        // Cut short.
        const Bytes cut(packed.begin(), packed.begin() + static_cast<long>(packed.size() / 2));
        EXPECT_FALSE(decompress(c, cut, 1 << 20).ok()) << compressionName(c);
        // Random garbage and flipped bytes must never crash; most are rejected.
        for (int i = 0; i < 200; ++i) {
            Bytes damaged = packed;
            damaged[rng() % damaged.size()] ^= static_cast<uint8_t>(1 + rng() % 255);
            const auto r = decompress(c, damaged, 1 << 20);
            if (r.ok()) {
                EXPECT_LE(r.bytes.size(), size_t{1} << 20);
            }
        }
        EXPECT_FALSE(decompress(c, Bytes{}, 1 << 20).ok()) << compressionName(c);
    }
}

TEST(Compression, SnappyReadsRawBlocksAndWritesXerialFraming)
{
    const Bytes input = sample(70000);
    const auto framed = compress(Compression::Snappy, input);
    ASSERT_TRUE(framed.ok());
    const Bytes magic{0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1};
    EXPECT_TRUE(std::equal(magic.begin(), magic.end(), framed.bytes.begin()));

    // A raw block, as librdkafka writes it.
    Bytes raw(snappy_max_compressed_length(input.size()));
    size_t rawLength = raw.size();
    ASSERT_EQ(snappy_compress(reinterpret_cast<const char *>(input.data()), input.size(),
                              reinterpret_cast<char *>(raw.data()), &rawLength),
              SNAPPY_OK);
    raw.resize(rawLength);
    const auto fromRaw = decompress(Compression::Snappy, raw, input.size());
    ASSERT_TRUE(fromRaw.ok()) << fromRaw.error;
    EXPECT_EQ(fromRaw.bytes, input);
}

TEST(Compression, Lz4AcceptsKafkaMagic0HeaderChecksum)
{
    const Bytes input = sample(100000);
    const auto proper = compress(Compression::Lz4, input);
    const auto broken = compress(Compression::Lz4, input, Lz4Framing::KafkaMagic0);
    ASSERT_TRUE(proper.ok() && broken.ok());
    // FLG 0x60 (version 1, independent blocks), BD 0x40 (64 KiB), then the checksum byte.
    EXPECT_EQ(proper.bytes[4], 0x60);
    EXPECT_EQ(proper.bytes[5], 0x40);
    // Our xxh32 gives the checksum liblz4 wrote, and the Kafka variant covers the magic too.
    EXPECT_EQ(proper.bytes[6], static_cast<uint8_t>(xxh32(proper.bytes.data() + 4, 2) >> 8));
    EXPECT_EQ(broken.bytes[6], static_cast<uint8_t>(xxh32(broken.bytes.data(), 6) >> 8));
    EXPECT_NE(proper.bytes[6], broken.bytes[6]);
    EXPECT_EQ(decompress(Compression::Lz4, broken.bytes, input.size()).bytes, input);

    // A checksum that is neither is rejected (by liblz4).
    Bytes wrong = proper.bytes;
    wrong[6] = static_cast<uint8_t>(proper.bytes[6] ^ broken.bytes[6] ^ 0x5a);
    if (wrong[6] != proper.bytes[6] && wrong[6] != broken.bytes[6]) {
        EXPECT_FALSE(decompress(Compression::Lz4, wrong, input.size()).ok());
    }
}

TEST(Compression, XxHash32KnownValues)
{
    EXPECT_EQ(xxh32(nullptr, 0), 0x02CC5D05u);
    // Long input (the 16-byte stripe path) agrees with a frame liblz4 made with a content
    // checksum: decompressing it verifies liblz4's checksum; ours must match the stored one.
    const Bytes input = sample(1000);
    LZ4F_preferences_t prefs{};
    prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
    Bytes frame(LZ4F_compressFrameBound(input.size(), &prefs));
    frame.resize(
        LZ4F_compressFrame(frame.data(), frame.size(), input.data(), input.size(), &prefs));
    const size_t n = frame.size();
    const uint32_t stored =
        frame[n - 4] | frame[n - 3] << 8 | frame[n - 2] << 16 | uint32_t{frame[n - 1]} << 24;
    EXPECT_EQ(xxh32(input.data(), input.size()), stored);
    EXPECT_EQ(decompress(Compression::Lz4, frame, input.size()).bytes, input);
}

TEST(Compression, ZstdFramesWithoutContentSizeAndConcatenated)
{
    const Bytes input = sample(200000);
    // Streaming compression without a pledged size leaves the content size out of the header.
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
    Bytes frame(ZSTD_compressBound(input.size()));
    ZSTD_inBuffer in{input.data(), input.size(), 0};
    ZSTD_outBuffer out{frame.data(), frame.size(), 0};
    ASSERT_FALSE(ZSTD_isError(ZSTD_compressStream2(cctx.get(), &out, &in, ZSTD_e_continue)));
    ASSERT_EQ(ZSTD_compressStream2(cctx.get(), &out, &in, ZSTD_e_end), 0u);
    frame.resize(out.pos);
    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(decompress(Compression::Zstd, frame, input.size()).bytes, input);

    Bytes twice = frame;
    twice.insert(twice.end(), frame.begin(), frame.end());
    Bytes expected = input;
    expected.insert(expected.end(), input.begin(), input.end());
    EXPECT_EQ(decompress(Compression::Zstd, twice, expected.size()).bytes, expected);
}

TEST(Compression, GzipConcatenatedMembers)
{
    const Bytes a = sample(5000, 1), b = sample(7000, 2);
    Bytes both = compress(Compression::Gzip, a).bytes;
    const Bytes second = compress(Compression::Gzip, b).bytes;
    both.insert(both.end(), second.begin(), second.end());
    Bytes expected = a;
    expected.insert(expected.end(), b.begin(), b.end());
    EXPECT_EQ(decompress(Compression::Gzip, both, 1 << 20).bytes, expected);
    EXPECT_EQ(both[0], 0x1f); // gzip, not zlib, framing
    EXPECT_EQ(both[1], 0x8b);
}
