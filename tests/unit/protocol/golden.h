// Golden-bytes checks for message descriptions: the bytes are written by hand from the schema
// facts (field order, widths, classic vs compact lengths, tagged sections), one comment per field
// group in the tests.
#pragma once

#include "messagetesting.h"

#include <gtest/gtest.h>

namespace kastle::protocol::testing {

// encode(msg, v) is exactly `expectedHex`, encodedSize agrees, and decoding the bytes gives the
// fields that version carries (the rest at their defaults).
template<class M>
void expectGolden(const M &msg, int16_t version, std::string_view expectedHex)
{
    SCOPED_TRACE("version " + std::to_string(version));
    const Bytes expected = hex(expectedHex);
    const Bytes actual = encode(msg, version);
    EXPECT_EQ(toHex(actual), toHex(expected));
    EXPECT_EQ(encodedSize(msg, version), expected.size());
    const M decoded = decode<M>(ByteView(expected), version);
    EXPECT_TRUE(decoded == project(msg, version)) << "decoding the golden bytes differs";
}

} // namespace kastle::protocol::testing
