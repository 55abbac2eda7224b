// Reading and validating RecordBatch v2: the records of a batch (decompressed when needed), a
// full check of a produced batch with a reason for the broker's error message, and a walk over
// the batches placed end to end in a record set.
//
// Record layout inside a batch (all varints zigzag-signed):
//   length varint (bytes after it) | attributes int8 (unused) | timestampDelta varlong |
//   offsetDelta varint | keyLength varint (-1 null) | key | valueLength varint (-1 null) | value |
//   headerCount varint | headers: keyLength varint, key (UTF-8, never null),
//   valueLength varint (-1 null), value
// A record's timestamp is baseTimestamp + timestampDelta for CreateTime batches; for
// LogAppendTime batches every record reports the batch's maxTimestamp (the append time).
#pragma once

#include "errors.h"
#include "recordbatch.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kastle::protocol {

// Default decompression-bomb guard for one batch's records.
inline constexpr size_t kDefaultMaxDecompressedBatch = size_t{256} << 20;

struct RecordHeaderView
{
    std::string_view key;
    std::optional<ByteView> value; // nullopt: a null header value
};

// One record; its views point into the batch bytes or the reader's decompressed copy.
struct RecordView
{
    int64_t offset = 0;
    int64_t timestamp = -1;
    int8_t attributes = 0;
    std::optional<ByteView> key;   // nullopt: null key (empty key is an empty view)
    std::optional<ByteView> value; // nullopt: tombstone
    std::vector<RecordHeaderView> headers;
};

// Walks the records of one whole magic-2 batch. Construction reads the header and, for a
// compressed batch, decompresses the records (bounded by maxDecompressed). `next` returns false
// at the end or on the first malformed record; `error()` then says why (empty at a clean end).
// Does not check the CRC: validateBatch does.
class RecordBatchReader
{
public:
    explicit RecordBatchReader(ByteView batch,
                               size_t maxDecompressed = kDefaultMaxDecompressedBatch);

    const RecordBatchHeader &header() const { return m_header; }
    bool next(RecordView &record);
    const std::string &error() const { return m_error; }
    // Records read so far.
    int32_t count() const { return m_read; }
    // The decompressed records the views point into (null for an uncompressed batch).
    std::shared_ptr<const Bytes> storage() const { return m_decompressed; }
    // Whether every record was read and nothing followed the last one.
    bool atCleanEnd() const
    {
        return m_error.empty() && m_read == m_header.recordsCount && m_in.atEnd();
    }

private:
    bool fail(std::string reason);

    RecordBatchHeader m_header;
    std::shared_ptr<Bytes> m_decompressed;
    Reader m_in;
    int32_t m_read = 0;
    std::string m_error;
};

// Every record of a batch, or the reason it cannot be read.
struct DecodedBatch
{
    RecordBatchHeader header;
    std::vector<RecordView> records;
    std::string error;
    std::shared_ptr<const Bytes> storage; // keeps decompressed bytes the views point into
};
DecodedBatch decodeBatch(ByteView batch, size_t maxDecompressed = kDefaultMaxDecompressedBatch);

struct BatchProblem
{
    ErrorCode code = ErrorCode::CorruptMessage;
    std::string reason;
};

struct BatchValidation
{
    size_t maxDecompressed = kDefaultMaxDecompressedBatch;
    // A batch straight from a producer: at least one record, offset deltas exactly 0..n-1 and
    // lastOffsetDelta = n-1 (what lets the broker store it verbatim). Without it (replicated or
    // compacted data) deltas need only rise strictly and stay within lastOffsetDelta.
    bool fromProducer = true;
};

// Checks one whole magic-2 batch: framing (length matches the bytes given), magic, CRC-32C,
// codec, records count and lastOffsetDelta against the records, offset deltas rising, every
// record's lengths within its bounds and nothing after the last record, control batch shape,
// transactional batches carrying a producer id. CORRUPT_MESSAGE for framing/CRC/codec damage,
// INVALID_RECORD for content that is well-formed but inconsistent.
std::optional<BatchProblem> validateBatch(ByteView batch, const BatchValidation &options = {});

// The records of an uncompressed batch (the bytes after its 61-byte header) scanned for the
// record-level rules of validateBatch without building any record: true only when every rule
// holds. False says only that the record-by-record walk must look; it also refuses legal but
// unusual encodings (varints longer than 4 bytes, varlongs longer than 9).
bool recordsScanClean(ByteView records, const RecordBatchHeader &header, bool fromProducer);

// Splits a record set into whole batches (v2 batches and legacy messages alike, by their length
// field). A tail too short to hold the next batch (normal at the end of a Fetch response) is
// left in `rest()`.
class BatchIterator
{
public:
    explicit BatchIterator(ByteView records)
        : m_rest(records)
    {}
    bool next(ByteView &batch);
    ByteView rest() const { return m_rest; }

private:
    ByteView m_rest;
};

// validateBatch for every batch of a produced record set; a partial batch or a legacy magic is
// a problem here (the broker converts legacy sets before storing them).
std::optional<BatchProblem> validateRecordSet(ByteView records,
                                              const BatchValidation &options = {});

} // namespace kastle::protocol
