// Legacy message sets: parsing with CRC-32 checks, writing, and conversion to and from v2.
#include "messageset.h"

#include "batchbuilder.h"

#include <zlib.h>

#include <algorithm>

namespace kastle::protocol {
namespace {

// crc + magic + attributes + key length + value length.
constexpr int32_t kMinMessageSize = 4 + 1 + 1 + 4 + 4;
constexpr int8_t kLegacyLogAppendTime = 0x08;

std::optional<ByteView> readNullableBytes(Reader &r)
{
    const int32_t n = r.i32();
    if (n == -1)
        return std::nullopt;
    if (n < 0)
        throw DecodeError("negative length " + std::to_string(n));
    return r.take(static_cast<size_t>(n));
}

void writeNullableBytes(Writer &w, const std::optional<ByteView> &b)
{
    if (!b) {
        w.i32(-1);
        return;
    }
    w.i32(static_cast<int32_t>(b->size()));
    w.raw(*b);
}

uint32_t crc32Ieee(ByteView b)
{
    return static_cast<uint32_t>(
        ::crc32(::crc32(0L, Z_NULL, 0), b.data(), static_cast<uInt>(b.size())));
}

// Parses the messages of `set` into `out`; `nested` is true inside a wrapper.
bool parseInto(ByteView set, size_t maxDecompressed, bool allowPartialTail, bool nested,
               ParsedMessageSet &out, std::vector<LegacyMessage> &messages)
{
    size_t pos = 0;
    auto fail = [&](std::string reason) {
        out.error = "message at byte " + std::to_string(pos) + (nested ? " of a wrapper" : "") +
                    ": " + reason;
        return false;
    };
    try {
        while (pos < set.size()) {
            Reader r(set.subspan(pos));
            if (r.remaining() < batchlayout::kLogOverhead)
                return allowPartialTail || fail("truncated message header");
            LegacyMessage m;
            m.offset = r.i64();
            const int32_t size = r.i32();
            if (size < kMinMessageSize)
                return fail("message size " + std::to_string(size) + " is too small");
            if (static_cast<size_t>(size) > r.remaining())
                return allowPartialTail || fail("truncated message");
            Reader body = r.sub(static_cast<size_t>(size));
            const uint32_t storedCrc = body.u32();
            const ByteView covered(body.position(), body.remaining());
            if (crc32Ieee(covered) != storedCrc)
                return fail("CRC-32 mismatch");
            m.magic = body.i8();
            if (m.magic != 0 && m.magic != 1)
                return fail("magic " + std::to_string(m.magic) + " is not a legacy message");
            m.attributes = body.i8();
            if (m.magic == 1) {
                m.timestamp = body.i64();
                m.logAppendTime = m.attributes & kLegacyLogAppendTime;
            }
            m.key = readNullableBytes(body);
            m.value = readNullableBytes(body);
            if (!body.atEnd())
                return fail("bytes beyond the value");
            if (out.magic < 0)
                out.magic = m.magic;

            const int codec = m.attributes & batchattr::kCompressionMask;
            if (codec == 0) {
                messages.push_back(m);
            } else {
                if (nested)
                    return fail("a compressed message inside a compressed message");
                if (!isKnownCompression(codec) || !magicSupports(m.magic, Compression(codec)))
                    return fail("codec " + std::to_string(codec) + " is not valid for magic " +
                                std::to_string(m.magic));
                if (!m.value)
                    return fail("compressed wrapper without a value");
                if (out.codec == Compression::None)
                    out.codec = Compression(codec);
                auto inner = decompress(Compression(codec), *m.value, maxDecompressed);
                if (!inner.ok())
                    return fail(inner.error);
                auto storage = std::make_shared<const Bytes>(std::move(inner.bytes));
                out.storage.push_back(storage);
                std::vector<LegacyMessage> innerMessages;
                if (!parseInto(*storage, maxDecompressed, false, true, out, innerMessages))
                    return false;
                if (innerMessages.empty())
                    return fail("compressed wrapper with no messages inside");
                const int64_t lastRelative = innerMessages.back().offset;
                for (auto &im : innerMessages) {
                    if (m.magic == 1)
                        im.offset = m.offset - lastRelative + im.offset;
                    if (m.magic == 1 && m.logAppendTime) {
                        im.timestamp = m.timestamp;
                        im.logAppendTime = true;
                    }
                    messages.push_back(im);
                }
            }
            pos += batchlayout::kLogOverhead + static_cast<size_t>(size);
        }
    } catch (const DecodeError &e) {
        return fail(e.what());
    }
    return true;
}

} // namespace

ParsedMessageSet parseMessageSet(ByteView set, size_t maxDecompressed, bool allowPartialTail)
{
    ParsedMessageSet out;
    std::vector<LegacyMessage> messages;
    parseInto(set, maxDecompressed, allowPartialTail, false, out, messages);
    out.messages = std::move(messages);
    return out;
}

void writeLegacyMessage(Writer &w, const LegacyMessageSpec &m)
{
    const size_t start = w.bufferSize();
    w.i64(m.offset);
    w.i32(0); // size, patched below
    w.u32(0); // crc, patched below
    w.i8(m.magic);
    w.i8(m.attributes);
    if (m.magic >= 1)
        w.i64(m.timestamp);
    writeNullableBytes(w, m.key);
    writeNullableBytes(w, m.value);
    const size_t end = w.bufferSize();
    w.patchI32(start + 8, static_cast<int32_t>(end - start - batchlayout::kLogOverhead));
    const ByteView covered(w.buffer().data() + start + 16, end - start - 16);
    w.patchI32(start + 12, static_cast<int32_t>(crc32Ieee(covered)));
}

ConversionResult upConvertMessageSet(ByteView set, size_t maxDecompressed)
{
    const ParsedMessageSet parsed = parseMessageSet(set, maxDecompressed, false);
    if (!parsed.ok())
        return {{}, ErrorCode::CorruptMessage, parsed.error};
    if (parsed.messages.empty())
        return {{}, ErrorCode::CorruptMessage, "the message set holds no messages"};
    RecordBatchBuilder builder;
    builder.compression(parsed.codec);
    auto copy = [](const std::optional<ByteView> &b) -> std::optional<Bytes> {
        if (!b)
            return std::nullopt;
        return Bytes(b->begin(), b->end());
    };
    for (const auto &m : parsed.messages) {
        NewRecord r;
        r.timestamp = m.magic >= 1 ? m.timestamp : -1;
        r.key = copy(m.key);
        r.value = copy(m.value);
        builder.append(std::move(r));
    }
    auto built = builder.build();
    if (!built.ok())
        return {{}, ErrorCode::CorruptMessage, built.error};
    return {std::move(built.bytes), ErrorCode::None, {}};
}

ConversionResult downConvertBatches(ByteView batches, int8_t targetMagic, size_t maxDecompressed)
{
    if (targetMagic != 0 && targetMagic != 1)
        return {{}, ErrorCode::UnsupportedVersion, "can only down-convert to magic 0 or 1"};
    Writer out;
    BatchIterator it(batches);
    ByteView batch;
    while (it.next(batch)) {
        if (peekMagic(batch) != 2)
            return {{}, ErrorCode::CorruptMessage, "stored data is not RecordBatch v2"};
        const DecodedBatch decoded = decodeBatch(batch, maxDecompressed);
        if (!decoded.error.empty())
            return {{}, ErrorCode::CorruptMessage, decoded.error};
        const RecordBatchHeader &h = decoded.header;
        if (h.isControl() || decoded.records.empty())
            continue;
        const Compression codec = h.compression();
        if (!magicSupports(targetMagic, codec))
            return {{},
                    ErrorCode::UnsupportedCompressionType,
                    std::string(compressionName(codec)) + " cannot be carried by magic " +
                        std::to_string(targetMagic)};
        const int8_t timeAttribute =
            targetMagic == 1 && h.isLogAppendTime() ? kLegacyLogAppendTime : 0;
        if (codec == Compression::None) {
            for (const auto &r : decoded.records)
                writeLegacyMessage(
                    out, {r.offset, targetMagic, timeAttribute, r.timestamp, r.key, r.value});
            continue;
        }
        Writer inner;
        int64_t maxTimestamp = -1;
        for (const auto &r : decoded.records) {
            const int64_t innerOffset = targetMagic == 0 ? r.offset : r.offset - h.baseOffset;
            writeLegacyMessage(inner, {innerOffset, targetMagic, 0, r.timestamp, r.key, r.value});
            maxTimestamp = std::max(maxTimestamp, r.timestamp);
        }
        const auto framing = targetMagic == 0 ? Lz4Framing::KafkaMagic0 : Lz4Framing::Standard;
        auto compressed = compress(codec, inner.buffer(), framing);
        if (!compressed.ok())
            return {{}, ErrorCode::CorruptMessage, compressed.error};
        const auto attributes = static_cast<int8_t>(static_cast<int8_t>(codec) | timeAttribute);
        writeLegacyMessage(out, {decoded.records.back().offset, targetMagic, attributes,
                                 h.isLogAppendTime() ? h.maxTimestamp : maxTimestamp, std::nullopt,
                                 ByteView(compressed.bytes)});
    }
    return {out.take(), ErrorCode::None, {}};
}

} // namespace kastle::protocol
