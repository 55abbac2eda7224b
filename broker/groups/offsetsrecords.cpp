// Encoding and decoding of the __consumer_offsets records.
#include "offsetsrecords.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr int16_t kOffsetKeyVersion = 1;
constexpr int16_t kGroupKeyVersion = 2;
constexpr int16_t kOffsetValueVersion = 3;
constexpr int16_t kOffsetValueWithExpiry = 1;
constexpr int16_t kGroupValueVersion = 3;

} // namespace

Bytes encodeOffsetCommitKey(const OffsetCommitKey &key)
{
    Writer w(key.group.size() + key.topic.size() + 12);
    w.i16(kOffsetKeyVersion);
    encodeStruct(w, key, Ctx{kOffsetKeyVersion, false});
    return w.take();
}

Bytes encodeGroupMetadataKey(const GroupMetadataKey &key)
{
    Writer w(key.group.size() + 4);
    w.i16(kGroupKeyVersion);
    encodeStruct(w, key, Ctx{kGroupKeyVersion, false});
    return w.take();
}

Bytes encodeOffsetCommitValue(const OffsetCommitValue &value)
{
    const int16_t version = value.expireTimestamp >= 0 ? kOffsetValueWithExpiry : kOffsetValueVersion;
    Writer w(value.metadata.size() + 32);
    w.i16(version);
    encodeStruct(w, value, Ctx{version, false});
    return w.take();
}

Bytes encodeGroupMetadataValue(const GroupMetadataValue &value)
{
    Writer w(256);
    w.i16(kGroupValueVersion);
    encodeStruct(w, value, Ctx{kGroupValueVersion, false});
    return w.take();
}

std::optional<OffsetsRecord> decodeOffsetsRecord(std::optional<ByteView> key,
                                                 std::optional<ByteView> value, std::string &error)
{
    if (!key) {
        error = "a record without a key";
        return std::nullopt;
    }
    try {
        OffsetsRecord out;
        Reader k(*key);
        const int16_t keyVersion = k.i16();
        bool offsetKey = false;
        if (keyVersion == 0 || keyVersion == 1) {
            OffsetCommitKey ok;
            decodeStruct(k, ok, Ctx{keyVersion, false});
            out.key = std::move(ok);
            offsetKey = true;
        } else if (keyVersion == 2) {
            GroupMetadataKey gk;
            decodeStruct(k, gk, Ctx{keyVersion, false});
            out.key = std::move(gk);
        } else {
            error = "unknown key version " + std::to_string(keyVersion);
            return std::nullopt;
        }
        if (!value)
            return out;
        Reader v(*value);
        const int16_t valueVersion = v.i16();
        if (valueVersion < 0 || valueVersion > 3) {
            error = "unknown value version " + std::to_string(valueVersion);
            return std::nullopt;
        }
        if (offsetKey) {
            OffsetCommitValue ov;
            decodeStruct(v, ov, Ctx{valueVersion, false});
            out.value = std::move(ov);
        } else {
            GroupMetadataValue gv;
            decodeStruct(v, gv, Ctx{valueVersion, false});
            out.value = std::move(gv);
        }
        return out;
    } catch (const DecodeError &e) {
        error = e.what();
        return std::nullopt;
    }
}

int32_t javaStringHash(std::string_view utf8)
{
    uint32_t h = 0;
    auto add = [&h](uint32_t unit) { h = 31 * h + unit; };
    const size_t n = utf8.size();
    for (size_t i = 0; i < n;) {
        const auto lead = static_cast<uint8_t>(utf8[i]);
        const size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (len == 0 || i + len > n) {
            add(0xFFFD); // what Java's decoder makes of a stray or truncated byte
            i += 1;
            continue;
        }
        uint32_t cp = len == 1 ? lead : lead & (0xFFu >> (len + 1));
        for (size_t j = 1; j < len; ++j)
            cp = cp << 6 | (static_cast<uint8_t>(utf8[i + j]) & 0x3Fu);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            add(0xD800 + (cp >> 10));
            add(0xDC00 + (cp & 0x3FF));
        } else {
            add(cp);
        }
        i += len;
    }
    return static_cast<int32_t>(h);
}

int32_t offsetsPartitionFor(std::string_view groupId, int32_t partitionCount)
{
    if (partitionCount <= 0)
        return 0;
    const int32_t h = javaStringHash(groupId);
    const int32_t positive = h == INT32_MIN ? 0 : (h < 0 ? -h : h);
    return positive % partitionCount;
}

} // namespace kastle::broker
