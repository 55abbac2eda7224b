// Record iteration and batch validation for RecordBatch v2.
#include "batchreader.h"

#include "compression.h"

namespace kastle::protocol {
namespace {

// The smallest record: length, attributes, timestamp delta, offset delta, key length, value
// length and header count, one byte each.
constexpr size_t kMinRecordSize = 7;

std::optional<ByteView> readNullableBytes(Reader &r, const char *what)
{
    const int32_t n = r.varint();
    if (n == -1)
        return std::nullopt;
    if (n < 0)
        throw DecodeError(std::string("negative ") + what + " length " + std::to_string(n));
    return r.take(static_cast<size_t>(n));
}

// Bounded LEB128 for the quick scan: false when the varint runs past `end` or is longer than
// `maxBytes` (the thorough walk then decides). maxBytes of 4 and 9 keep every accepted value
// within 28 and 63 bits, so no accepted varint can overflow what the thorough walk reads.
template<int maxBytes>
inline bool scanUvarint(const uint8_t *&p, const uint8_t *end, uint64_t &out)
{
    if (p < end && !(*p & 0x80)) [[likely]] {
        out = *p++;
        return true;
    }
    // Two bytes: record lengths, value lengths and offset deltas of most batches.
    if (end - p >= 2 && !(p[1] & 0x80)) [[likely]] {
        out = uint64_t{p[0] & 0x7fu} | uint64_t{p[1]} << 7;
        p += 2;
        return true;
    }
    uint64_t value = 0;
    for (int i = 0; i < maxBytes && p + i < end; ++i) {
        value |= static_cast<uint64_t>(p[i] & 0x7f) << (7 * i);
        if (!(p[i] & 0x80)) {
            p += i + 1;
            out = value;
            return true;
        }
    }
    return false;
}

// A zigzag varint of at most four bytes.
inline bool scanVarint(const uint8_t *&p, const uint8_t *end, int64_t &out)
{
    uint64_t u = 0;
    if (!scanUvarint<4>(p, end, u))
        return false;
    out = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
}

// Skips a nullable byte field (length -1 is null). `length` receives the declared length.
inline bool scanNullableBytes(const uint8_t *&p, const uint8_t *end, int64_t &length)
{
    if (!scanVarint(p, end, length) || length < -1 || length > end - p)
        return false;
    if (length > 0)
        p += length;
    return true;
}

BatchProblem corrupt(std::string reason)
{
    return {ErrorCode::CorruptMessage, std::move(reason)};
}
BatchProblem invalid(std::string reason)
{
    return {ErrorCode::InvalidRecord, std::move(reason)};
}

} // namespace

RecordBatchReader::RecordBatchReader(ByteView batch, size_t maxDecompressed)
{
    const auto header = readBatchHeader(batch);
    if (!header) {
        fail("batch of " + std::to_string(batch.size()) + " bytes is shorter than its header");
        return;
    }
    m_header = *header;
    if (m_header.magic != 2) {
        fail("magic " + std::to_string(m_header.magic) + " is not a RecordBatch v2");
        return;
    }
    if (m_header.totalSize() < int64_t(batchlayout::kHeaderSize) ||
        m_header.totalSize() > static_cast<int64_t>(batch.size())) {
        fail("batch length " + std::to_string(m_header.batchLength) + " does not fit the " +
             std::to_string(batch.size()) + " bytes given");
        return;
    }
    const ByteView body =
        batch.subspan(batchlayout::kHeaderSize,
                      static_cast<size_t>(m_header.totalSize()) - batchlayout::kHeaderSize);
    if (m_header.recordsCount < 0) {
        fail("negative records count " + std::to_string(m_header.recordsCount));
        return;
    }
    const int codec = m_header.attributes & batchattr::kCompressionMask;
    if (!isKnownCompression(codec)) {
        fail("unknown compression codec " + std::to_string(codec));
        return;
    }
    if (m_header.compression() == Compression::None) {
        m_in = Reader(body);
        return;
    }
    auto result = decompress(m_header.compression(), body, maxDecompressed);
    if (!result.ok()) {
        fail(std::move(result.error));
        return;
    }
    m_decompressed = std::make_shared<Bytes>(std::move(result.bytes));
    m_in = Reader(*m_decompressed);
}

bool RecordBatchReader::fail(std::string reason)
{
    if (m_error.empty())
        m_error = std::move(reason);
    m_in = Reader();
    return false;
}

bool RecordBatchReader::next(RecordView &record)
{
    if (!m_error.empty() || m_read >= m_header.recordsCount)
        return false;
    if (m_in.atEnd())
        return fail("batch declares " + std::to_string(m_header.recordsCount) +
                    " records but holds " + std::to_string(m_read));
    try {
        const int32_t length = m_in.varint();
        if (length < static_cast<int32_t>(kMinRecordSize) - 1 ||
            static_cast<size_t>(length) > m_in.remaining())
            return fail("record " + std::to_string(m_read) + " has length " +
                        std::to_string(length) + " with " + std::to_string(m_in.remaining()) +
                        " bytes left");
        Reader r = m_in.sub(static_cast<size_t>(length));
        record.attributes = r.i8();
        const int64_t timestampDelta = r.varlong();
        const int32_t offsetDelta = r.varint();
        record.offset = m_header.baseOffset + offsetDelta;
        record.timestamp = m_header.isLogAppendTime() ? m_header.maxTimestamp
                                                      : m_header.baseTimestamp + timestampDelta;
        record.key = readNullableBytes(r, "key");
        record.value = readNullableBytes(r, "value");
        const int32_t headerCount = r.varint();
        // Each header takes at least two bytes, which bounds a hostile count.
        if (headerCount < 0 || static_cast<size_t>(headerCount) > r.remaining() / 2)
            return fail("record " + std::to_string(m_read) + " has " + std::to_string(headerCount) +
                        " headers in " + std::to_string(r.remaining()) + " bytes");
        record.headers.clear();
        record.headers.reserve(static_cast<size_t>(headerCount));
        for (int32_t i = 0; i < headerCount; ++i) {
            const int32_t keyLength = r.varint();
            if (keyLength < 0)
                return fail("record " + std::to_string(m_read) + " has a null header key");
            RecordHeaderView h;
            h.key = asString(r.take(static_cast<size_t>(keyLength)));
            h.value = readNullableBytes(r, "header value");
            record.headers.push_back(h);
        }
        if (!r.atEnd())
            return fail("record " + std::to_string(m_read) + " has " +
                        std::to_string(r.remaining()) + " bytes beyond its fields");
    } catch (const DecodeError &e) {
        return fail("record " + std::to_string(m_read) + ": " + e.what());
    }
    ++m_read;
    return true;
}

DecodedBatch decodeBatch(ByteView batch, size_t maxDecompressed)
{
    RecordBatchReader reader(batch, maxDecompressed);
    DecodedBatch out;
    out.header = reader.header();
    RecordView r;
    while (reader.next(r))
        out.records.push_back(r);
    out.error = reader.error();
    out.storage = reader.storage();
    if (out.error.empty() && !reader.atCleanEnd())
        out.error = "batch holds other than the " + std::to_string(out.header.recordsCount) +
                    " records it declares";
    return out;
}

bool recordsScanClean(ByteView records, const RecordBatchHeader &h, bool fromProducer)
{
    const uint8_t *p = records.data();
    const uint8_t *const end = p + records.size();
    const bool control = h.isControl();
    const int64_t lastDelta = h.lastOffsetDelta;
    const int32_t count = h.recordsCount;
    int64_t previousDelta = -1;
    for (int32_t index = 0; index < count; ++index) {
        int64_t length = 0;
        if (!scanVarint(p, end, length) || length < int64_t(kMinRecordSize) - 1 || length > end - p)
            return false;
        const uint8_t *const recordEnd = p + length;
        ++p; // attributes: the length of at least 6 covers it
        uint64_t timestampDelta = 0;
        int64_t delta = 0;
        if (!scanUvarint<9>(p, recordEnd, timestampDelta) || !scanVarint(p, recordEnd, delta))
            return false;
        if ((fromProducer ? delta != index : delta <= previousDelta) || delta > lastDelta)
            return false;
        previousDelta = delta;
        int64_t keyLength = 0, valueLength = 0, headerCount = 0;
        if (!scanNullableBytes(p, recordEnd, keyLength) || (control && keyLength < 4) ||
            !scanNullableBytes(p, recordEnd, valueLength) ||
            !scanVarint(p, recordEnd, headerCount) || headerCount < 0 ||
            headerCount > (recordEnd - p) / 2)
            return false;
        for (int64_t i = 0; i < headerCount; ++i) {
            int64_t keySize = 0, headerValueLength = 0;
            if (!scanVarint(p, recordEnd, keySize) || keySize < 0 || keySize > recordEnd - p)
                return false;
            p += keySize;
            if (!scanNullableBytes(p, recordEnd, headerValueLength))
                return false;
        }
        if (p != recordEnd)
            return false;
    }
    return p == end;
}

std::optional<BatchProblem> validateBatch(ByteView batch, const BatchValidation &options)
{
    using namespace batchlayout;
    if (batch.size() < kHeaderSize)
        return corrupt("batch of " + std::to_string(batch.size()) +
                       " bytes is shorter than the 61-byte header");
    const RecordBatchHeader h = *readBatchHeader(batch);
    if (h.magic != 2)
        return corrupt("magic " + std::to_string(h.magic) + " where 2 was expected");
    if (h.totalSize() != static_cast<int64_t>(batch.size()))
        return corrupt("batch length " + std::to_string(h.batchLength) + " does not match the " +
                       std::to_string(batch.size() - kLogOverhead) + " bytes that follow it");
    if (!batchCrcMatches(batch))
        return corrupt("CRC-32C mismatch (stored " + std::to_string(h.crc) + ")");
    const int codec = h.attributes & batchattr::kCompressionMask;
    if (!isKnownCompression(codec))
        return corrupt("unknown compression codec " + std::to_string(codec));
    if (h.recordsCount < 0)
        return invalid("negative records count " + std::to_string(h.recordsCount));
    if (h.compression() == Compression::None &&
        static_cast<uint64_t>(h.recordsCount) > (batch.size() - kHeaderSize) / kMinRecordSize)
        return invalid("records count " + std::to_string(h.recordsCount) + " cannot fit in " +
                       std::to_string(batch.size() - kHeaderSize) + " bytes");
    if (options.fromProducer) {
        if (h.recordsCount == 0)
            return invalid("a produced batch must hold at least one record");
        if (int64_t{h.lastOffsetDelta} + 1 != h.recordsCount)
            return invalid("lastOffsetDelta " + std::to_string(h.lastOffsetDelta) +
                           " does not match records count " + std::to_string(h.recordsCount));
    }
    if (h.isTransactional() && !h.hasProducerId())
        return invalid("transactional batch without a producer id");
    if (h.isControl() && h.recordsCount != 1)
        return invalid("control batch with " + std::to_string(h.recordsCount) + " records");

    // Most batches are well formed: a quick scan that only accepts says so. Anything it does
    // not accept is walked again record by record, which finds the reason.
    if (h.compression() == Compression::None &&
        recordsScanClean(batch.subspan(kHeaderSize), h, options.fromProducer))
        return std::nullopt;

    RecordBatchReader reader(batch, options.maxDecompressed);
    RecordView record;
    int64_t previousDelta = -1;
    while (reader.next(record)) {
        const int64_t delta = record.offset - h.baseOffset;
        const int32_t index = reader.count() - 1;
        if (options.fromProducer ? delta != index : delta <= previousDelta)
            return invalid("record " + std::to_string(index) + " has offset delta " +
                           std::to_string(delta) +
                           (options.fromProducer ? " where deltas must count 0, 1, 2..."
                                                 : " that does not rise"));
        if (delta > h.lastOffsetDelta)
            return invalid("record offset delta " + std::to_string(delta) +
                           " passes lastOffsetDelta " + std::to_string(h.lastOffsetDelta));
        if (h.isControl() && (!record.key || record.key->size() < 4))
            return invalid("control record without a 4-byte key");
        previousDelta = delta;
    }
    if (!reader.error().empty())
        return h.compression() == Compression::None ? invalid(reader.error())
                                                    : corrupt(reader.error());
    if (!reader.atCleanEnd())
        return invalid("batch declares " + std::to_string(h.recordsCount) + " records but holds " +
                       (reader.count() < h.recordsCount ? std::to_string(reader.count())
                                                        : "bytes beyond them"));
    return std::nullopt;
}

bool BatchIterator::next(ByteView &batch)
{
    const int64_t size = peekBatchSize(m_rest);
    if (size < int64_t(batchlayout::kLogOverhead) || size > static_cast<int64_t>(m_rest.size()))
        return false;
    batch = m_rest.first(static_cast<size_t>(size));
    m_rest = m_rest.subspan(static_cast<size_t>(size));
    return true;
}

std::optional<BatchProblem> validateRecordSet(ByteView records, const BatchValidation &options)
{
    BatchIterator it(records);
    ByteView batch;
    int index = 0;
    while (it.next(batch)) {
        if (peekMagic(batch) != 2)
            return corrupt("batch " + std::to_string(index) + " has magic " +
                           std::to_string(peekMagic(batch)) + ", not 2");
        if (auto problem = validateBatch(batch, options)) {
            problem->reason = "batch " + std::to_string(index) + ": " + problem->reason;
            return problem;
        }
        ++index;
    }
    if (!it.rest().empty())
        return corrupt("record set ends with " + std::to_string(it.rest().size()) +
                       " bytes that are not a whole batch");
    return std::nullopt;
}

} // namespace kastle::protocol
