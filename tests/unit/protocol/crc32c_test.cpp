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
