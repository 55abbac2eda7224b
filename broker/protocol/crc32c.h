// CRC-32C (Castagnoli), the checksum of RecordBatch v2. Uses the SSE4.2 crc32 instruction when
// the CPU has it (three interleaved streams on inputs of 768 bytes and more, up to about 8 bytes
// per cycle), a slicing-by-8 table otherwise.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kastle::protocol {

// Continues `crc` (0 for a fresh checksum) over `size` bytes.
uint32_t crc32c(const void *data, size_t size, uint32_t crc = 0);

// The two paths behind crc32c(), callable on their own so tests can compare them. The hardware
// path exists only when crc32cHasHardware() is true.
uint32_t crc32cSoftware(const void *data, size_t size, uint32_t crc = 0);
bool crc32cHasHardware();
uint32_t crc32cHardware(const void *data, size_t size, uint32_t crc = 0);

} // namespace kastle::protocol
