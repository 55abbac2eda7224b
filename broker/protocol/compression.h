// The compression codecs of Kafka record sets: gzip, snappy, lz4 and zstd.
//
// Formats as they appear inside a compressed batch (or legacy wrapper message):
//   gzip    RFC 1952 gzip members (zlib); concatenated members are read one after another.
//   snappy  either one raw snappy block (what librdkafka writes) or the xerial framing that
//           Java clients write: "\x82SNAPPY\0", int32 version, int32 min-compatible version,
//           then blocks of int32 big-endian length + raw snappy. Both are read; this project
//           WRITES the xerial framing in 32 KiB blocks, which every client reads.
//   lz4     the LZ4 frame format (liblz4's frame API), 64 KiB independent blocks, no content
//           size or checksum, as Kafka's Java writer does. Kafka before 0.10 (message magic 0)
//           computed the frame's header checksum over the magic number too (KAFKA-3160); such
//           frames are accepted on read, and `Lz4Framing::KafkaMagic0` writes them for old readers.
//   zstd    zstd frames, decompressed as a stream because producers may omit the content size.
//
// Decompression takes a limit on the output size (a decompression-bomb guard chosen by the
// caller) and every failure comes back as a value with a sentence, never as a crash or throw.
#pragma once

#include "recordbatch.h"

#include <string>
#include <string_view>

namespace kastle::protocol {

struct CodecResult
{
    Bytes bytes;
    std::string error; // empty on success

    bool ok() const { return error.empty(); }
};

enum class Lz4Framing {
    Standard,    // the LZ4 frame format as specified
    KafkaMagic0, // header checksum over magic + descriptor, for magic-0 message sets
};

std::string_view compressionName(Compression codec);

// Whether the codec value is one of the five Kafka knows.
inline bool isKnownCompression(int value)
{
    return value >= 0 && value <= 4;
}

// Compresses `input` with `codec` (None returns a copy).
CodecResult compress(Compression codec, ByteView input,
                     Lz4Framing lz4Framing = Lz4Framing::Standard);

// Decompresses `input`; fails when the output would pass `maxOutput` bytes.
CodecResult decompress(Compression codec, ByteView input, size_t maxOutput);

// xxHash32, used by the LZ4 frame header checksum (exposed for tests).
uint32_t xxh32(const uint8_t *data, size_t size, uint32_t seed = 0);

} // namespace kastle::protocol
