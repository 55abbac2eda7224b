// Byte-level reading and writing of the Kafka wire format: big-endian integers, the unsigned
// (LEB128) varints of flexible versions and the zigzag varints used inside records.
//
// Reader never reads past its end: every accessor checks the remaining length and throws
// DecodeError, which the network layer turns into "close this connection".
// Writer appends to a growable buffer; `Segment`s let large record sets live outside it (file
// ranges served with sendfile) so a Fetch response is never copied into user space.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kastle::protocol {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

// A frame that cannot be parsed. Domain errors never use this; they go into error codes.
class DecodeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A message that cannot be represented in the requested version.
class EncodeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

inline ByteView asBytes(std::string_view s)
{
    return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

inline std::string_view asString(ByteView b)
{
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

class Reader
{
public:
    Reader() = default;
    explicit Reader(ByteView data) : m_pos(data.data()), m_end(data.data() + data.size()) {}

    size_t remaining() const { return static_cast<size_t>(m_end - m_pos); }
    bool atEnd() const { return m_pos == m_end; }
    const uint8_t *position() const { return m_pos; }

    ByteView take(size_t n)
    {
        need(n);
        ByteView v{m_pos, n};
        m_pos += n;
        return v;
    }
    void skip(size_t n)
    {
        need(n);
        m_pos += n;
    }
    // A reader over the next n bytes; this reader moves past them.
    Reader sub(size_t n) { return Reader(take(n)); }

    uint8_t u8()
    {
        need(1);
        return *m_pos++;
    }
    int8_t i8() { return static_cast<int8_t>(u8()); }
    uint16_t u16() { return static_cast<uint16_t>(fixed<2>()); }
    int16_t i16() { return static_cast<int16_t>(fixed<2>()); }
    uint32_t u32() { return static_cast<uint32_t>(fixed<4>()); }
    int32_t i32() { return static_cast<int32_t>(fixed<4>()); }
    int64_t i64() { return static_cast<int64_t>(fixed<8>()); }
    double f64()
    {
        uint64_t bits = fixed<8>();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }

    // Unsigned LEB128, at most 5 bytes for 32 bits.
    uint32_t uvarint()
    {
        if (m_pos != m_end && !(*m_pos & 0x80)) [[likely]] // one byte: most record fields
            return *m_pos++;
        uint32_t value = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            uint8_t b = u8();
            value |= static_cast<uint32_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return value;
        }
        throw DecodeError("unsigned varint longer than 5 bytes");
    }
    uint64_t uvarlong()
    {
        if (m_pos != m_end && !(*m_pos & 0x80)) [[likely]]
            return *m_pos++;
        uint64_t value = 0;
        for (int shift = 0; shift <= 63; shift += 7) {
            uint8_t b = u8();
            value |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return value;
        }
        throw DecodeError("unsigned varlong longer than 10 bytes");
    }
    // Zigzag-encoded signed varints (record fields).
    int32_t varint()
    {
        uint32_t u = uvarint();
        return static_cast<int32_t>((u >> 1) ^ (~(u & 1) + 1));
    }
    int64_t varlong()
    {
        uint64_t u = uvarlong();
        return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
    }

private:
    // The check is inlined everywhere; building the error is kept out of the way.
    void need(size_t n) const
    {
        if (static_cast<size_t>(m_end - m_pos) < n) [[unlikely]]
            truncated(n);
    }
    [[noreturn, gnu::cold, gnu::noinline]] void truncated(size_t n) const
    {
        throw DecodeError("truncated: need " + std::to_string(n) + " bytes, have " +
                          std::to_string(m_end - m_pos));
    }
    template <int N>
    uint64_t fixed()
    {
        need(N);
        uint64_t v = 0;
        for (int i = 0; i < N; ++i)
            v = (v << 8) | m_pos[i];
        m_pos += N;
        return v;
    }

    const uint8_t *m_pos = nullptr;
    const uint8_t *m_end = nullptr;
};

// A byte range of an open file, sent with sendfile(2) or read with pread(2). `owner` keeps the
// descriptor (and the segment it belongs to) alive until the range has been written out.
struct FileRange
{
    int fd = -1;
    int64_t position = 0;
    int64_t length = 0;
    std::shared_ptr<const void> owner;
};

// Counts bytes instead of writing them: the same encode functions give a message's size.
class SizeCounter
{
public:
    size_t size() const { return m_size; }
    void u8(uint8_t) { m_size += 1; }
    void i8(int8_t) { m_size += 1; }
    void u16(uint16_t) { m_size += 2; }
    void i16(int16_t) { m_size += 2; }
    void u32(uint32_t) { m_size += 4; }
    void i32(int32_t) { m_size += 4; }
    void i64(int64_t) { m_size += 8; }
    void f64(double) { m_size += 8; }
    void uvarint(uint32_t v) { m_size += uvarintSize(v); }
    void uvarlong(uint64_t v) { m_size += uvarintSize(v); }
    void varint(int32_t v) { uvarint((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31)); }
    void varlong(int64_t v) { uvarlong((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
    void raw(ByteView b) { m_size += b.size(); }
    void file(const FileRange &r) { m_size += static_cast<size_t>(r.length); }

    static size_t uvarintSize(uint64_t v)
    {
        size_t n = 1;
        while (v >= 0x80) {
            v >>= 7;
            ++n;
        }
        return n;
    }

private:
    size_t m_size = 0;
};

class Writer
{
public:
    // After `bufferEnd` bytes of the buffer comes `range`.
    struct Segment
    {
        size_t bufferEnd;
        FileRange range;
    };

    Writer() = default;
    explicit Writer(size_t reserve) { m_buf.reserve(reserve); }

    void u8(uint8_t v) { m_buf.push_back(v); }
    void i8(int8_t v) { m_buf.push_back(static_cast<uint8_t>(v)); }
    void u16(uint16_t v) { fixed<2>(v); }
    void i16(int16_t v) { fixed<2>(static_cast<uint16_t>(v)); }
    void u32(uint32_t v) { fixed<4>(v); }
    void i32(int32_t v) { fixed<4>(static_cast<uint32_t>(v)); }
    void i64(int64_t v) { fixed<8>(static_cast<uint64_t>(v)); }
    void f64(double d)
    {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        fixed<8>(bits);
    }
    void uvarint(uint32_t v) { uvarlong(v); }
    void uvarlong(uint64_t v)
    {
        while (v >= 0x80) {
            m_buf.push_back(static_cast<uint8_t>(v | 0x80));
            v >>= 7;
        }
        m_buf.push_back(static_cast<uint8_t>(v));
    }
    void varint(int32_t v) { uvarint((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31)); }
    void varlong(int64_t v) { uvarlong((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
    void raw(ByteView b) { m_buf.insert(m_buf.end(), b.begin(), b.end()); }
    void file(FileRange r)
    {
        m_fileBytes += static_cast<size_t>(r.length);
        m_segments.push_back({m_buf.size(), std::move(r)});
    }

    // Writes a big-endian int32 over four bytes already written at `pos` of the buffer.
    void patchI32(size_t pos, int32_t v)
    {
        auto u = static_cast<uint32_t>(v);
        for (int i = 3; i >= 0; --i, u >>= 8)
            m_buf[pos + static_cast<size_t>(i)] = static_cast<uint8_t>(u);
    }

    // Bytes in the buffer only (not file ranges); the position of the next byte in the buffer.
    size_t bufferSize() const { return m_buf.size(); }
    // Everything written, file ranges included.
    size_t size() const { return m_buf.size() + m_fileBytes; }
    const Bytes &buffer() const { return m_buf; }
    Bytes &buffer() { return m_buf; }
    const std::vector<Segment> &segments() const { return m_segments; }
    bool hasFileRanges() const { return !m_segments.empty(); }

    // Everything as one contiguous byte vector; file ranges are read with pread.
    Bytes flatten() const;
    Bytes take() { return std::move(m_buf); }

private:
    template <int N>
    void fixed(uint64_t v)
    {
        uint8_t tmp[N];
        for (int i = N - 1; i >= 0; --i, v >>= 8)
            tmp[i] = static_cast<uint8_t>(v);
        m_buf.insert(m_buf.end(), tmp, tmp + N);
    }

    Bytes m_buf;
    std::vector<Segment> m_segments;
    size_t m_fileBytes = 0;
};

// Reads a whole file range into memory (used by clients and tests, never on the broker's hot path).
Bytes readFileRange(const FileRange &r);

} // namespace kastle::protocol
