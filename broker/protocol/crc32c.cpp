// CRC-32C with a hardware path and a portable table path; both give identical results.
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
__attribute__((target("sse4.2"))) uint32_t crcHardware(const uint8_t *p, size_t n, uint32_t crc)
{
    uint64_t c = ~crc;
    while (n >= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        c = _mm_crc32_u64(c, v);
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
