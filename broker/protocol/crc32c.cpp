// CRC-32C with a hardware path (three interleaved crc32 streams) and a portable table path;
// both give identical results.
#include "crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace kastle::protocol {
namespace {

constexpr uint32_t kPoly = 0x82f63b78; // reflected Castagnoli polynomial

struct Tables
{
    std::array<std::array<uint32_t, 256>, 8> t{};
    constexpr Tables()
    {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ kPoly : c >> 1;
            t[0][i] = c;
        }
        for (uint32_t i = 0; i < 256; ++i)
            for (size_t s = 1; s < 8; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    }
};
constexpr Tables kTables;

uint32_t crcSoftware(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n >= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        v ^= crc; // little-endian hosts only, which is all this project builds for
        crc = kTables.t[7][v & 0xff] ^ kTables.t[6][(v >> 8) & 0xff] ^
              kTables.t[5][(v >> 16) & 0xff] ^ kTables.t[4][(v >> 24) & 0xff] ^
              kTables.t[3][(v >> 32) & 0xff] ^ kTables.t[2][(v >> 40) & 0xff] ^
              kTables.t[1][(v >> 48) & 0xff] ^ kTables.t[0][v >> 56];
        p += 8;
        n -= 8;
    }
    while (n--)
        crc = (crc >> 8) ^ kTables.t[0][(crc ^ *p++) & 0xff];
    return ~crc;
}

#if defined(__x86_64__)
// The crc32 instruction has a latency of three cycles but issues every cycle, so one stream of
// it runs at a third of what the CPU can do. Long inputs are therefore cut into three adjacent
// blocks whose CRCs are computed interleaved and then merged: for raw (not inverted) states,
// crc(s, A || B) = shift(crc(s, A), |B|) ^ crc(0, B), where shift(x, n) is the state x after n
// zero bytes. shift is linear in x, so for a fixed n it is four table lookups (one per byte of
// x), precomputed for the two block sizes used.
constexpr size_t kLongBlock = 8192;
constexpr size_t kShortBlock = 256;

struct ShiftTable
{
    std::array<std::array<uint32_t, 256>, 4> t{};

    uint32_t apply(uint32_t x) const
    {
        return t[0][x & 0xff] ^ t[1][(x >> 8) & 0xff] ^ t[2][(x >> 16) & 0xff] ^ t[3][x >> 24];
    }
};

// The state x after `n` zero bytes, one byte at a time (only used to build the tables).
uint32_t zeroBytes(uint32_t x, size_t n)
{
    while (n--)
        x = (x >> 8) ^ kTables.t[0][x & 0xff];
    return x;
}

ShiftTable makeShiftTable(size_t n)
{
    std::array<uint32_t, 32> bit{}; // the image of each single-bit state
    for (int i = 0; i < 32; ++i)
        bit[static_cast<size_t>(i)] = zeroBytes(uint32_t{1} << i, n);
    ShiftTable table;
    for (size_t k = 0; k < 4; ++k)
        for (uint32_t b = 0; b < 256; ++b) {
            uint32_t v = 0;
            for (size_t i = 0; i < 8; ++i)
                if (b & (1u << i))
                    v ^= bit[8 * k + i];
            table.t[k][b] = v;
        }
    return table;
}

const ShiftTable kShiftLong = makeShiftTable(kLongBlock);
const ShiftTable kShiftShort = makeShiftTable(kShortBlock);

inline uint64_t load64(const uint8_t *p)
{
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

// Three interleaved streams over blocks of `block` bytes while at least three blocks are left.
template<size_t block>
__attribute__((target("sse4.2"))) uint64_t crcThreeWay(const uint8_t *&p, size_t &n, uint64_t c0,
                                                       const ShiftTable &shift)
{
    while (n >= 3 * block) {
        uint64_t c1 = 0;
        uint64_t c2 = 0;
        for (const uint8_t *end = p + block; p < end; p += 8) {
            c0 = _mm_crc32_u64(c0, load64(p));
            c1 = _mm_crc32_u64(c1, load64(p + block));
            c2 = _mm_crc32_u64(c2, load64(p + 2 * block));
        }
        c0 = shift.apply(static_cast<uint32_t>(c0)) ^ static_cast<uint32_t>(c1);
        c0 = shift.apply(static_cast<uint32_t>(c0)) ^ static_cast<uint32_t>(c2);
        p += 2 * block;
        n -= 3 * block;
    }
    return c0;
}

__attribute__((target("sse4.2"))) uint32_t crcHardware(const uint8_t *p, size_t n, uint32_t crc)
{
    uint64_t c = ~crc;
    c = crcThreeWay<kLongBlock>(p, n, c, kShiftLong);
    c = crcThreeWay<kShortBlock>(p, n, c, kShiftShort);
    while (n >= 8) {
        c = _mm_crc32_u64(c, load64(p));
        p += 8;
        n -= 8;
    }
    auto c32 = static_cast<uint32_t>(c);
    while (n--)
        c32 = _mm_crc32_u8(c32, *p++);
    return ~c32;
}

const bool kHasHardware = __builtin_cpu_supports("sse4.2");
#endif

} // namespace

uint32_t crc32c(const void *data, size_t size, uint32_t crc)
{
    const auto *p = static_cast<const uint8_t *>(data);
#if defined(__x86_64__)
    if (kHasHardware)
        return crcHardware(p, size, crc);
#endif
    return crcSoftware(p, size, crc);
}

uint32_t crc32cSoftware(const void *data, size_t size, uint32_t crc)
{
    return crcSoftware(static_cast<const uint8_t *>(data), size, crc);
}

bool crc32cHasHardware()
{
#if defined(__x86_64__)
    return kHasHardware;
#else
    return false;
#endif
}

uint32_t crc32cHardware(const void *data, size_t size, uint32_t crc)
{
#if defined(__x86_64__)
    if (kHasHardware)
        return crcHardware(static_cast<const uint8_t *>(data), size, crc);
#endif
    return crcSoftware(static_cast<const uint8_t *>(data), size, crc);
}

} // namespace kastle::protocol
