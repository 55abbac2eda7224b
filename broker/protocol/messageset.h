// Legacy MessageSets (message magic 0 and 1), which Produce v0-2 carry and Fetch v0-3 return,
// and the conversions the broker makes: up to RecordBatch v2 on produce (what it stores), down
// from v2 for old fetchers.
//
// A message set is messages end to end, each:
//   offset int64 | messageSize int32 (bytes after it) | crc uint32 (CRC-32 IEEE of the rest) |
//   magic int8 | attributes int8 (bits 0-2 codec; magic 1: bit 3 LogAppendTime) |
//   [timestamp int64, magic 1 only] | key bytes (int32 length, -1 null) |
//   value bytes (int32 length, -1 null)
// A compressed set is one wrapper message whose value holds the compressed inner message set.
// Inner offsets of magic 0 are absolute; those of magic 1 are relative (0..n-1) and the wrapper
// carries the absolute offset of the LAST inner message, so an inner message's offset is
// wrapper.offset - last.relative + relative. For a magic-1 LogAppendTime wrapper, every inner
// message takes the wrapper's timestamp.
//
// Down-conversion drops record headers (neither magic can carry them) and control batches, and
// keeps offsets, keys, values, timestamps (magic 1) and the codec. zstd exists only from magic
// 2: a zstd batch cannot be down-converted and the caller answers UNSUPPORTED_COMPRESSION_TYPE.
#pragma once

#include "batchreader.h"
#include "compression.h"

#include <memory>
#include <string>
#include <vector>

namespace kastle::protocol {

struct LegacyMessage
{
    int64_t offset = 0;
    int8_t magic = 0;
    int8_t attributes = 0;  // of the message itself (inner messages: the wrapper's codec is 0)
    int64_t timestamp = -1; // -1 for magic 0
    bool logAppendTime = false;
    std::optional<ByteView> key;
    std::optional<ByteView> value;
};

// The messages of a set, with compressed wrappers opened. Views point into the input or into
// `storage` (decompressed inner sets).
struct ParsedMessageSet
{
    std::vector<LegacyMessage> messages;
    Compression codec = Compression::None; // of the first compressed wrapper, if any
    int8_t magic = -1;                     // of the first message
    std::string error;                     // empty when the whole set parsed
    std::vector<std::shared_ptr<const Bytes>> storage;

    bool ok() const { return error.empty(); }
};

// Parses a message set. A trailing partial message is an error unless `allowPartialTail`
// (Fetch responses may end with one). CRCs are checked; wrappers are decompressed up to
// maxDecompressed bytes each; nested wrappers are refused.
ParsedMessageSet parseMessageSet(ByteView set,
                                 size_t maxDecompressed = kDefaultMaxDecompressedBatch,
                                 bool allowPartialTail = false);

// One message (or wrapper) in magic 0 or 1, CRC included.
struct LegacyMessageSpec
{
    int64_t offset = 0;
    int8_t magic = 1;
    int8_t attributes = 0;
    int64_t timestamp = -1;
    std::optional<ByteView> key;
    std::optional<ByteView> value;
};
void writeLegacyMessage(Writer &w, const LegacyMessageSpec &m);

struct ConversionResult
{
    Bytes bytes;
    ErrorCode error = ErrorCode::None;
    std::string reason;

    bool ok() const { return error == ErrorCode::None; }
};

// Up-converts a produced message set into one RecordBatch v2 (offset deltas 0..n-1, producer
// fields -1), compressed with the codec of the set's first wrapper. Magic-0 messages get
// timestamp -1 (none). CORRUPT_MESSAGE when the set does not parse.
ConversionResult upConvertMessageSet(ByteView set,
                                     size_t maxDecompressed = kDefaultMaxDecompressedBatch);

// Down-converts whole v2 batches placed end to end to magic 0 or 1; an incomplete last batch is
// left out, as a fetcher would ignore it. Each uncompressed batch becomes plain messages, each
// compressed one a wrapper with the same codec (lz4 with the KAFKA-3160 framing at magic 0).
// UNSUPPORTED_COMPRESSION_TYPE for zstd; CORRUPT_MESSAGE for a batch that cannot be read.
ConversionResult downConvertBatches(ByteView batches, int8_t targetMagic,
                                    size_t maxDecompressed = kDefaultMaxDecompressedBatch);

// Whether a codec can travel in messages of this magic.
inline bool magicSupports(int8_t magic, Compression codec)
{
    return codec != Compression::Zstd || magic >= 2;
}

} // namespace kastle::protocol
