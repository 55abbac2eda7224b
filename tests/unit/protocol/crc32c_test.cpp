// CRC-32C against the standard check value and between its hardware and table paths.
#include "crc32c.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

using kastle::protocol::crc32c;

TEST(Crc32c, CheckValue)
{
    EXPECT_EQ(crc32c("123456789", 9), 0xE3069283u);
    EXPECT_EQ(crc32c("", 0), 0u);
}

TEST(Crc32c, IncrementalEqualsWhole)
{
    std::vector<uint8_t> data(10007);
    std::mt19937 rng(7);
    for (auto &b : data)
        b = static_cast<uint8_t>(rng());
    const uint32_t whole = crc32c(data.data(), data.size());
    for (size_t split : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{4096}, data.size()}) {
        const uint32_t first = crc32c(data.data(), split);
        EXPECT_EQ(crc32c(data.data() + split, data.size() - split, first), whole) << split;
    }
}

TEST(Crc32c, TablePathMatchesHardwarePath)
{
    using namespace kastle::protocol;
    if (!crc32cHasHardware())
        GTEST_SKIP() << "this CPU has no SSE4.2";
    std::vector<uint8_t> data(4099);
    std::mt19937 rng(11);
    for (auto &b : data)
        b = static_cast<uint8_t>(rng());
    // Every length up to 64 at every alignment up to 8, then larger sizes, chained and fresh.
    for (size_t offset = 0; offset < 8; ++offset)
        for (size_t n = 0; n <= 64; ++n)
            ASSERT_EQ(crc32cSoftware(data.data() + offset, n),
                      crc32cHardware(data.data() + offset, n))
                << offset << "+" << n;
    for (size_t n : {size_t{1000}, size_t{4091}})
        EXPECT_EQ(crc32cSoftware(data.data() + 1, n, 0x12345678u),
                  crc32cHardware(data.data() + 1, n, 0x12345678u));
    EXPECT_EQ(crc32cSoftware("123456789", 9), 0xE3069283u);
}

TEST(Crc32c, ThreeWayBlocksMatchTablePath)
{
    using namespace kastle::protocol;
    if (!crc32cHasHardware())
        GTEST_SKIP() << "this CPU has no SSE4.2";
    // Lengths around the three-stream thresholds (3 x 256 and 3 x 8192 bytes) and several
    // rounds of each, at odd alignments and with a running CRC carried in.
    std::vector<uint8_t> data(3 * 8192 * 3 + 4096);
    std::mt19937 rng(13);
    for (auto &b : data)
        b = static_cast<uint8_t>(rng());
    for (size_t n : {size_t{767}, size_t{768}, size_t{769}, size_t{1535}, size_t{1536},
                     size_t{24575}, size_t{24576}, size_t{24577}, size_t{49152 + 768 + 13},
                     size_t{3 * 8192 * 3 + 4095}})
        for (size_t offset : {size_t{0}, size_t{1}, size_t{5}}) {
            if (offset + n > data.size())
                continue;
            EXPECT_EQ(crc32cSoftware(data.data() + offset, n, 0x9abcdef0u),
                      crc32cHardware(data.data() + offset, n, 0x9abcdef0u))
                << offset << "+" << n;
            EXPECT_EQ(crc32cSoftware(data.data() + offset, n), crc32c(data.data() + offset, n))
                << offset << "+" << n;
        }
}
