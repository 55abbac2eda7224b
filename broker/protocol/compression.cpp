// Codec implementations over zlib, snappy, liblz4 (frame API) and libzstd, each decompressor
// growing its output only up to the caller's limit.
#include "compression.h"

#include <lz4frame.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace kastle::protocol {
namespace {

constexpr std::array<uint8_t, 8> kXerialMagic{0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
constexpr size_t kXerialHeaderSize = 16;
constexpr size_t kXerialBlockSize = 32 * 1024;
constexpr uint32_t kLz4FrameMagic = 0x184D2204;

CodecResult failure(std::string message)
{
    return CodecResult{{}, std::move(message)};
}

std::string tooLarge(size_t limit)
{
    return "decompressed data exceeds the limit of " + std::to_string(limit) + " bytes";
}

// Output buffer that doubles up to one byte past the caller's limit: reaching that byte proves
// the data is larger than allowed without ever holding more than limit + 1 bytes.
class BoundedOutput
{
public:
    BoundedOutput(size_t hint, size_t limit)
        : m_limit(limit)
        , m_cap(limit == SIZE_MAX ? limit : limit + 1)
    {
        m_buf.resize(std::min(std::max<size_t>(hint, 64), m_cap));
    }
    // Free space at the end, growing first when there is none; empty once past the limit.
    std::span<uint8_t> space()
    {
        if (m_used == m_buf.size() && m_buf.size() < m_cap)
            m_buf.resize(m_buf.size() > m_cap / 2 ? m_cap : m_buf.size() * 2);
        return {m_buf.data() + m_used, m_buf.size() - m_used};
    }
    void commit(size_t n) { m_used += n; }
    bool overLimit() const { return m_used > m_limit; }
    Bytes take()
    {
        m_buf.resize(m_used);
        return std::move(m_buf);
    }

private:
    Bytes m_buf;
    size_t m_used = 0;
    size_t m_limit;
    size_t m_cap;
};

// The end of every streaming decompressor: the output, or the limit error.
CodecResult finish(BoundedOutput &out, size_t limit)
{
    if (out.overLimit())
        return failure(tooLarge(limit));
    return CodecResult{out.take(), {}};
}

// ---- gzip ----------------------------------------------------------------------------------

CodecResult gzipCompress(ByteView input)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return failure("gzip: cannot initialise the compressor");
    Bytes out(deflateBound(&z, static_cast<uLong>(input.size())) + 32);
    z.next_in = const_cast<Bytef *>(input.data());
    z.avail_in = static_cast<uInt>(input.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return failure("gzip: compression did not finish");
    return CodecResult{std::move(out), {}};
}

CodecResult gzipDecompress(ByteView input, size_t limit)
{
    z_stream z{};
    // 15 + 32: detect gzip or zlib headers.
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return failure("gzip: cannot initialise the decompressor");
    std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&z, inflateEnd);
    BoundedOutput out(input.size() * 4, limit);
    z.next_in = const_cast<Bytef *>(input.data());
    z.avail_in = static_cast<uInt>(input.size());
    for (;;) {
        auto space = out.space();
        if (space.empty())
            return failure(tooLarge(limit));
        z.next_out = space.data();
        z.avail_out = static_cast<uInt>(space.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.commit(space.size() - z.avail_out);
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0)
                break;
            inflateReset(&z); // another gzip member follows
            continue;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            return failure("gzip: truncated data");
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return failure(std::string("gzip: ") + (z.msg ? z.msg : "corrupt data"));
    }
    return finish(out, limit);
}

uint32_t rotl(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

uint32_t readLe32(const uint8_t *p)
{
    return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

// ---- snappy --------------------------------------------------------------------------------

uint32_t readBe32(const uint8_t *p)
{
    return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

bool rawSnappyBlock(ByteView block, size_t limit, Bytes &out, std::string &error)
{
    size_t length = 0;
    if (snappy_uncompressed_length(reinterpret_cast<const char *>(block.data()), block.size(),
                                   &length) != SNAPPY_OK) {
        error = "snappy: corrupt block header";
        return false;
    }
    if (length > limit - out.size()) {
        error = tooLarge(limit);
        return false;
    }
    const size_t at = out.size();
    out.resize(at + length);
    size_t produced = length;
    if (snappy_uncompress(reinterpret_cast<const char *>(block.data()), block.size(),
                          reinterpret_cast<char *>(out.data() + at), &produced) != SNAPPY_OK ||
        produced != length) {
        error = "snappy: corrupt data";
        return false;
    }
    return true;
}

CodecResult snappyDecompress(ByteView input, size_t limit)
{
    CodecResult result;
    const bool xerial = input.size() >= kXerialHeaderSize &&
                        std::equal(kXerialMagic.begin(), kXerialMagic.end(), input.begin());
    if (!xerial) {
        if (!rawSnappyBlock(input, limit, result.bytes, result.error))
            return failure(std::move(result.error));
        return result;
    }
    size_t pos = kXerialHeaderSize;
    while (pos < input.size()) {
        if (input.size() - pos < 4)
            return failure("snappy: truncated xerial block length");
        const uint32_t n = readBe32(input.data() + pos);
        pos += 4;
        if (n > input.size() - pos)
            return failure("snappy: xerial block longer than the data");
        if (!rawSnappyBlock(input.subspan(pos, n), limit, result.bytes, result.error))
            return failure(std::move(result.error));
        pos += n;
    }
    return result;
}

CodecResult snappyCompress(ByteView input)
{
    Bytes out(kXerialMagic.begin(), kXerialMagic.end());
    for (uint8_t b : {0, 0, 0, 1, 0, 0, 0, 1}) // version 1, compatible with 1
        out.push_back(b);
    for (size_t pos = 0; pos < input.size(); pos += kXerialBlockSize) {
        const size_t n = std::min(kXerialBlockSize, input.size() - pos);
        size_t compressedLength = snappy_max_compressed_length(n);
        const size_t at = out.size();
        out.resize(at + 4 + compressedLength);
        if (snappy_compress(reinterpret_cast<const char *>(input.data() + pos), n,
                            reinterpret_cast<char *>(out.data() + at + 4),
                            &compressedLength) != SNAPPY_OK)
            return failure("snappy: compression failed");
        const auto len = static_cast<uint32_t>(compressedLength);
        for (int i = 0; i < 4; ++i)
            out[at + static_cast<size_t>(i)] = static_cast<uint8_t>(len >> (24 - 8 * i));
        out.resize(at + 4 + compressedLength);
    }
    return CodecResult{std::move(out), {}};
}

// ---- lz4 -----------------------------------------------------------------------------------

// Size of the frame descriptor (FLG, BD and optional fields, without the checksum byte), or 0
// when the header cannot be read.
size_t lz4DescriptorSize(ByteView frame)
{
    if (frame.size() < 7)
        return 0;
    const uint8_t flg = frame[4];
    size_t n = 2;
    if (flg & 0x08)
        n += 8; // content size
    if (flg & 0x01)
        n += 4; // dictionary id
    return frame.size() >= 4 + n + 1 ? n : 0;
}

// The header checksum byte over `bytes`, as the frame format defines it.
uint8_t lz4HeaderChecksum(const uint8_t *bytes, size_t n)
{
    return static_cast<uint8_t>(xxh32(bytes, n) >> 8);
}

struct Lz4Context
{
    LZ4F_dctx *ctx = nullptr;
    ~Lz4Context() { LZ4F_freeDecompressionContext(ctx); }
};

// Feeds `data` to the frame decompressor until it is used up or the frame ends (`done`);
// `used` tells how much of `data` was consumed.
bool lz4Feed(LZ4F_dctx *ctx, ByteView data, BoundedOutput &out, size_t &used, bool &done,
             std::string &error)
{
    used = 0;
    done = false;
    for (;;) {
        auto space = out.space();
        if (space.empty()) {
            error = "over";
            return false;
        }
        size_t produced = space.size();
        size_t consumed = data.size() - used;
        const size_t hint =
            LZ4F_decompress(ctx, space.data(), &produced, data.data() + used, &consumed, nullptr);
        if (LZ4F_isError(hint)) {
            error = std::string("lz4: ") + LZ4F_getErrorName(hint);
            return false;
        }
        out.commit(produced);
        used += consumed;
        if (hint == 0) {
            done = true;
            return true;
        }
        // Output not filled and input used up: liblz4 holds nothing more for us.
        if (used == data.size() && produced < space.size())
            return true;
    }
}

CodecResult lz4Decompress(ByteView input, size_t limit)
{
    Lz4Context dctx;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&dctx.ctx, LZ4F_VERSION)))
        return failure("lz4: cannot initialise the decompressor");
    if (input.empty())
        return failure("lz4: no frame");
    BoundedOutput out(input.size() * 4, limit);
    std::string error;
    size_t pos = 0;
    while (pos < input.size()) {
        const ByteView frame = input.subspan(pos);
        if (frame.size() < 4 || readLe32(frame.data()) != kLz4FrameMagic)
            return failure("lz4: not an LZ4 frame");
        const size_t d = lz4DescriptorSize(frame);
        if (d == 0)
            return failure("lz4: truncated frame header");
        // Repair a KAFKA-3160 header checksum (computed over the magic too) before liblz4
        // sees the header.
        std::array<uint8_t, 19> header{};
        const size_t headerSize = 4 + d + 1;
        std::copy_n(frame.begin(), headerSize, header.begin());
        const uint8_t proper = lz4HeaderChecksum(header.data() + 4, d);
        if (header[4 + d] != proper && header[4 + d] == lz4HeaderChecksum(header.data(), 4 + d))
            header[4 + d] = proper;
        size_t used = 0;
        bool done = false;
        if (!lz4Feed(dctx.ctx, ByteView(header.data(), headerSize), out, used, done, error))
            return failure(error == "over" ? tooLarge(limit) : error);
        if (used != headerSize || done)
            return failure("lz4: frame header not accepted");
        pos += headerSize;
        if (!lz4Feed(dctx.ctx, input.subspan(pos), out, used, done, error))
            return failure(error == "over" ? tooLarge(limit) : error);
        pos += used;
        if (!done)
            return failure("lz4: truncated frame");
    }
    return finish(out, limit);
}

CodecResult lz4Compress(ByteView input, Lz4Framing framing)
{
    LZ4F_preferences_t prefs{};
    prefs.frameInfo.blockSizeID = LZ4F_max64KB;
    prefs.frameInfo.blockMode = LZ4F_blockIndependent;
    Bytes out(LZ4F_compressFrameBound(input.size(), &prefs));
    const size_t n = LZ4F_compressFrame(out.data(), out.size(), input.data(), input.size(), &prefs);
    if (LZ4F_isError(n))
        return failure(std::string("lz4: ") + LZ4F_getErrorName(n));
    out.resize(n);
    if (framing == Lz4Framing::KafkaMagic0) {
        const size_t d = lz4DescriptorSize(out);
        out[4 + d] = lz4HeaderChecksum(out.data(), 4 + d);
    }
    return CodecResult{std::move(out), {}};
}

// ---- zstd ----------------------------------------------------------------------------------

CodecResult zstdDecompress(ByteView input, size_t limit)
{
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(),
                                                                 ZSTD_freeDStream);
    if (!ds || ZSTD_isError(ZSTD_initDStream(ds.get())))
        return failure("zstd: cannot initialise the decompressor");
    BoundedOutput out(input.size() * 4, limit);
    ZSTD_inBuffer in{input.data(), input.size(), 0};
    for (;;) {
        auto space = out.space();
        if (space.empty())
            return failure(tooLarge(limit));
        ZSTD_outBuffer o{space.data(), space.size(), 0};
        const size_t rc = ZSTD_decompressStream(ds.get(), &o, &in);
        if (ZSTD_isError(rc))
            return failure(std::string("zstd: ") + ZSTD_getErrorName(rc));
        out.commit(o.pos);
        if (rc == 0 && in.pos == in.size)
            break; // the last frame is complete (rc 0 with input left: another frame follows)
        if (in.pos == in.size && o.pos < o.size)
            return failure("zstd: truncated frame");
    }
    return finish(out, limit);
}

CodecResult zstdCompress(ByteView input)
{
    Bytes out(ZSTD_compressBound(input.size()));
    const size_t n = ZSTD_compress(out.data(), out.size(), input.data(), input.size(), 3);
    if (ZSTD_isError(n))
        return failure(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return CodecResult{std::move(out), {}};
}

} // namespace

uint32_t xxh32(const uint8_t *p, size_t size, uint32_t seed)
{
    constexpr uint32_t P1 = 2654435761u, P2 = 2246822519u, P3 = 3266489917u, P4 = 668265263u,
                       P5 = 374761393u;
    const uint8_t *end = p + size;
    uint32_t h;
    if (size >= 16) {
        uint32_t v[4] = {seed + P1 + P2, seed + P2, seed, seed - P1};
        for (; end - p >= 16; p += 16)
            for (int i = 0; i < 4; ++i)
                v[i] = rotl(v[i] + readLe32(p + 4 * i) * P2, 13) * P1;
        h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
    } else {
        h = seed + P5;
    }
    h += static_cast<uint32_t>(size);
    for (; end - p >= 4; p += 4)
        h = rotl(h + readLe32(p) * P3, 17) * P4;
    for (; p < end; ++p)
        h = rotl(h + *p * P5, 11) * P1;
    h ^= h >> 15;
    h *= P2;
    h ^= h >> 13;
    h *= P3;
    h ^= h >> 16;
    return h;
}

std::string_view compressionName(Compression codec)
{
    switch (codec) {
    case Compression::None:
        return "none";
    case Compression::Gzip:
        return "gzip";
    case Compression::Snappy:
        return "snappy";
    case Compression::Lz4:
        return "lz4";
    case Compression::Zstd:
        return "zstd";
    }
    return "unknown";
}

CodecResult compress(Compression codec, ByteView input, Lz4Framing lz4Framing)
{
    switch (codec) {
    case Compression::None:
        return CodecResult{Bytes(input.begin(), input.end()), {}};
    case Compression::Gzip:
        return gzipCompress(input);
    case Compression::Snappy:
        return snappyCompress(input);
    case Compression::Lz4:
        return lz4Compress(input, lz4Framing);
    case Compression::Zstd:
        return zstdCompress(input);
    }
    return failure("unknown compression codec " + std::to_string(static_cast<int>(codec)));
}

CodecResult decompress(Compression codec, ByteView input, size_t maxOutput)
{
    switch (codec) {
    case Compression::None:
        if (input.size() > maxOutput)
            return failure(tooLarge(maxOutput));
        return CodecResult{Bytes(input.begin(), input.end()), {}};
    case Compression::Gzip:
        return gzipDecompress(input, maxOutput);
    case Compression::Snappy:
        return snappyDecompress(input, maxOutput);
    case Compression::Lz4:
        return lz4Decompress(input, maxOutput);
    case Compression::Zstd:
        return zstdDecompress(input, maxOutput);
    }
    return failure("unknown compression codec " + std::to_string(static_cast<int>(codec)));
}

} // namespace kastle::protocol
