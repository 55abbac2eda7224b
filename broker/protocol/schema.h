// The declarative message description and the one generic codec that reads it.
//
// A message is a plain struct whose fields carry their defaults, plus a static `schema()` that
// lists each field once with the versions it exists in, the versions it may be null in, and
// (for tagged fields) its tag. Encoding, decoding and size all walk that one list:
//
//   struct HeartbeatRequest {
//       static constexpr ApiKey apiKey = ApiKey::Heartbeat;
//       static constexpr Versions versions{0, 3};
//       static constexpr int16_t flexibleFrom = 4;       // beyond `versions`: never flexible here
//       std::string groupId;
//       int32_t generationId = 0;
//       std::string memberId;
//       std::optional<std::string> groupInstanceId;
//       static constexpr auto schema() {
//           using T = HeartbeatRequest;
//           return std::tuple{field<&T::groupId>(), field<&T::generationId>(),
//                             field<&T::memberId>(),
//                             field<&T::groupInstanceId>({.versions = since(3), .nullable = since(3)})};
//       }
//       bool operator==(const HeartbeatRequest &) const = default;
//   };
//
// C++ type -> wire type: bool/int8_t/int16_t/int32_t/int64_t/uint16_t/uint32_t/double as named;
// Uuid; std::string = string; Bytes = bytes; Records = records; std::vector<E> = array of E;
// a struct with schema() = nested struct; std::optional<X> = the nullable form of X.
//
// Flexible versions (version >= flexibleFrom) use compact lengths and end every struct with a
// tagged-field section. A field absent from the version being read keeps its default; a field
// absent from the version being written is left out. Null written into a version that cannot
// carry null goes out as the empty value.
#pragma once

#include "records.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace kastle::protocol {

inline constexpr int16_t kMaxVersion = 0x7fff;

struct Versions
{
    int16_t lo = 1;
    int16_t hi = 0; // lo > hi: no version at all
    constexpr bool contains(int16_t v) const { return v >= lo && v <= hi; }
    constexpr bool isEmpty() const { return lo > hi; }
    bool operator==(const Versions &) const = default;
};

inline constexpr Versions kAllVersions{0, kMaxVersion};
inline constexpr Versions kNoVersions{};
constexpr Versions since(int16_t v) { return {v, kMaxVersion}; }
constexpr Versions until(int16_t v) { return {0, v}; }
constexpr Versions between(int16_t lo, int16_t hi) { return {lo, hi}; }

struct Uuid
{
    std::array<uint8_t, 16> bytes{};
    bool isZero() const
    {
        for (auto b : bytes)
            if (b)
                return false;
        return true;
    }
    bool operator==(const Uuid &) const = default;
};

struct FieldSpec
{
    Versions versions = kAllVersions;
    Versions nullable = kNoVersions;
    int32_t tag = -1;          // >= 0: a tagged field, present only in flexible versions
    bool neverCompact = false; // RequestHeader.ClientId keeps int16 lengths in flexible headers
};

template <auto Member>
struct Field
{
    FieldSpec spec;
};

template <auto Member>
constexpr Field<Member> field(FieldSpec spec = {})
{
    return Field<Member>{spec};
}

struct Ctx
{
    int16_t version = 0;
    bool flexible = false;
};

namespace detail {

template <class T>
struct IsOptional : std::false_type
{};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type
{};

template <class T>
struct IsArray : std::false_type
{};
template <class E>
struct IsArray<std::vector<E>> : std::bool_constant<!std::is_same_v<E, uint8_t>>
{};

template <class T>
concept Described = requires { T::schema(); };

template <class M>
struct MemberOf;
template <class C, class V>
struct MemberOf<V C::*>
{
    using Class = C;
    using Value = V;
};

template <auto M>
constexpr auto memberOf(const Field<M> &)
{
    return M;
}

// Up-front reservation for a decoded array, in bytes; beyond it the vector grows as it fills.
inline constexpr size_t kMaxArrayReserve = size_t{1} << 20;

inline void checkLength(int64_t n, const Reader &r)
{
    if (n < 0 || static_cast<uint64_t>(n) > r.remaining())
        throw DecodeError("length " + std::to_string(n) + " exceeds the " +
                          std::to_string(r.remaining()) + " bytes left");
}

// ---- lengths -------------------------------------------------------------------------------

template <class W>
void writeLength(W &w, int64_t n, bool compact, bool wide)
{
    if (compact)
        w.uvarint(static_cast<uint32_t>(n + 1));
    else if (wide)
        w.i32(static_cast<int32_t>(n));
    else
        w.i16(static_cast<int16_t>(n));
}

// Returns -1 for null.
inline int64_t readLength(Reader &r, bool compact, bool wide)
{
    if (compact)
        return static_cast<int64_t>(r.uvarint()) - 1;
    return wide ? r.i32() : r.i16();
}

// ---- encoding ------------------------------------------------------------------------------

template <class W, class T>
void writeStruct(W &w, const T &v, const Ctx &c);

template <class W, class T>
void writeValue(W &w, const T &v, const Ctx &c, const FieldSpec &s)
{
    const bool compact = c.flexible && !s.neverCompact;
    if constexpr (std::is_same_v<T, bool>) {
        w.i8(v ? 1 : 0);
    } else if constexpr (std::is_same_v<T, int8_t>) {
        w.i8(v);
    } else if constexpr (std::is_same_v<T, int16_t>) {
        w.i16(v);
    } else if constexpr (std::is_same_v<T, uint16_t>) {
        w.u16(v);
    } else if constexpr (std::is_same_v<T, int32_t>) {
        w.i32(v);
    } else if constexpr (std::is_same_v<T, uint32_t>) {
        w.u32(v);
    } else if constexpr (std::is_same_v<T, int64_t>) {
        w.i64(v);
    } else if constexpr (std::is_same_v<T, double>) {
        w.f64(v);
    } else if constexpr (std::is_same_v<T, Uuid>) {
        w.raw(ByteView(v.bytes));
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (v.size() > 0x7fff && !compact)
            throw EncodeError("string longer than 32767 bytes");
        writeLength(w, static_cast<int64_t>(v.size()), compact, false);
        w.raw(asBytes(v));
    } else if constexpr (std::is_same_v<T, Bytes>) {
        writeLength(w, static_cast<int64_t>(v.size()), compact, true);
        w.raw(ByteView(v));
    } else if constexpr (std::is_same_v<T, Records>) {
        if (v.isNull() && s.nullable.contains(c.version)) {
            writeLength(w, -1, compact, true);
            return;
        }
        writeLength(w, v.size(), compact, true);
        v.writeContent(w);
    } else if constexpr (IsArray<T>::value) {
        writeLength(w, static_cast<int64_t>(v.size()), compact, true);
        for (const auto &e : v)
            writeValue(w, e, c, FieldSpec{});
    } else if constexpr (IsOptional<T>::value) {
        using Inner = typename T::value_type;
        const bool canBeNull = s.nullable.contains(c.version);
        if constexpr (Described<Inner>) {
            // A nullable struct carries a presence byte: -1 null, 1 present.
            if (!v) {
                if (!canBeNull)
                    throw EncodeError("null struct in a version where it cannot be null");
                w.i8(-1);
                return;
            }
            w.i8(1);
            writeStruct(w, *v, c);
        } else {
            if (v) {
                writeValue(w, *v, c, s);
            } else if (canBeNull) {
                writeLength(w, -1, compact, !std::is_same_v<Inner, std::string>);
            } else {
                writeValue(w, Inner{}, c, s);
            }
        }
    } else {
        static_assert(Described<T>, "no wire encoding for this C++ type");
        writeStruct(w, v, c);
    }
}

template <class T>
const T &defaults()
{
    static const T d{};
    return d;
}

template <class T, auto M>
bool isTaggedAndSet(const T &v, const Field<M> &f, const Ctx &c)
{
    return f.spec.tag >= 0 && f.spec.versions.contains(c.version) && !(v.*M == defaults<T>().*M);
}

template <class W, class T, auto M>
void writeTagged(W &w, const T &v, const Field<M> &f, const Ctx &c)
{
    if (!isTaggedAndSet(v, f, c))
        return;
    SizeCounter size;
    writeValue(size, v.*M, c, f.spec);
    w.uvarint(static_cast<uint32_t>(f.spec.tag));
    w.uvarint(static_cast<uint32_t>(size.size()));
    writeValue(w, v.*M, c, f.spec);
}

template <class W, class T>
void writeStruct(W &w, const T &v, const Ctx &c)
{
    constexpr auto fields = T::schema();
    std::apply(
        [&](const auto &...f) {
            auto one = [&](const auto &fd) {
                if (fd.spec.tag < 0 && fd.spec.versions.contains(c.version))
                    writeValue(w, v.*(memberOf(fd)), c, fd.spec);
            };
            (one(f), ...);
        },
        fields);
    if (c.flexible) {
        // Tagged fields must be declared in ascending tag order.
        uint32_t count = 0;
        std::apply([&](const auto &...f) { ((count += isTaggedAndSet(v, f, c) ? 1 : 0), ...); },
                   fields);
        w.uvarint(count);
        if (count)
            std::apply([&](const auto &...f) { (writeTagged(w, v, f, c), ...); }, fields);
    }
}

// ---- decoding ------------------------------------------------------------------------------

template <class T>
void readStruct(Reader &r, T &v, const Ctx &c);

template <class T>
void readValue(Reader &r, T &v, const Ctx &c, const FieldSpec &s)
{
    const bool compact = c.flexible && !s.neverCompact;
    if constexpr (std::is_same_v<T, bool>) {
        v = r.i8() != 0;
    } else if constexpr (std::is_same_v<T, int8_t>) {
        v = r.i8();
    } else if constexpr (std::is_same_v<T, int16_t>) {
        v = r.i16();
    } else if constexpr (std::is_same_v<T, uint16_t>) {
        v = r.u16();
    } else if constexpr (std::is_same_v<T, int32_t>) {
        v = r.i32();
    } else if constexpr (std::is_same_v<T, uint32_t>) {
        v = r.u32();
    } else if constexpr (std::is_same_v<T, int64_t>) {
        v = r.i64();
    } else if constexpr (std::is_same_v<T, double>) {
        v = r.f64();
    } else if constexpr (std::is_same_v<T, Uuid>) {
        auto b = r.take(16);
        std::copy(b.begin(), b.end(), v.bytes.begin());
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Bytes> ||
                         std::is_same_v<T, Records>) {
        constexpr bool wide = !std::is_same_v<T, std::string>;
        const int64_t n = readLength(r, compact, wide);
        if (n < 0) {
            if constexpr (std::is_same_v<T, Records>) {
                if (s.nullable.contains(c.version)) {
                    v = Records::null();
                    return;
                }
            }
            throw DecodeError("null in a field that cannot be null");
        }
        checkLength(n, r);
        auto bytes = r.take(static_cast<size_t>(n));
        if constexpr (std::is_same_v<T, std::string>)
            v.assign(asString(bytes));
        else if constexpr (std::is_same_v<T, Bytes>)
            v.assign(bytes.begin(), bytes.end());
        else
            v = Records::view(bytes);
    } else if constexpr (IsArray<T>::value) {
        const int64_t n = readLength(r, compact, true);
        if (n < 0)
            throw DecodeError("null array in a field that cannot be null");
        // Every element takes at least one byte, which bounds a hostile count by the bytes
        // left; elements are still added one by one, because a count of small wire elements
        // times a large sizeof(E) would otherwise reserve far more memory than the frame holds.
        checkLength(n, r);
        v.clear();
        v.reserve(std::min(static_cast<size_t>(n),
                           kMaxArrayReserve / sizeof(typename T::value_type)));
        for (int64_t i = 0; i < n; ++i)
            readValue(r, v.emplace_back(), c, FieldSpec{});
    } else if constexpr (IsOptional<T>::value) {
        using Inner = typename T::value_type;
        const bool canBeNull = s.nullable.contains(c.version);
        if constexpr (Described<Inner>) {
            const int8_t present = r.i8();
            if (present < 0) {
                if (!canBeNull)
                    throw DecodeError("null struct in a field that cannot be null");
                v.reset();
                return;
            }
            v.emplace();
            readStruct(r, *v, c);
        } else {
            // Peek at the length to see null without consuming the value. Only -1 is null; other
            // negative lengths are left to readValue, which rejects them.
            Reader peek = r;
            constexpr bool wide = !std::is_same_v<Inner, std::string>;
            if (readLength(peek, compact, wide) == -1) {
                if (!canBeNull)
                    throw DecodeError("null in a field that cannot be null");
                r = peek;
                v.reset();
                return;
            }
            v.emplace();
            readValue(r, *v, c, s);
        }
    } else {
        static_assert(Described<T>, "no wire encoding for this C++ type");
        readStruct(r, v, c);
    }
}

template <class T, auto M>
bool readTaggedIfKnown(Reader &r, T &v, const Field<M> &f, const Ctx &c, uint32_t tag)
{
    if (f.spec.tag < 0 || static_cast<uint32_t>(f.spec.tag) != tag ||
        !f.spec.versions.contains(c.version))
        return false;
    readValue(r, v.*M, c, f.spec);
    return true;
}

template <class T>
void readStruct(Reader &r, T &v, const Ctx &c)
{
    constexpr auto fields = T::schema();
    std::apply(
        [&](const auto &...f) {
            auto one = [&](const auto &fd) {
                if (fd.spec.tag < 0 && fd.spec.versions.contains(c.version))
                    readValue(r, v.*(memberOf(fd)), c, fd.spec);
            };
            (one(f), ...);
        },
        fields);
    if (c.flexible) {
        const uint32_t count = r.uvarint();
        for (uint32_t i = 0; i < count; ++i) {
            const uint32_t tag = r.uvarint();
            const uint32_t size = r.uvarint();
            checkLength(size, r);
            Reader body = r.sub(size);
            std::apply([&](const auto &...f) { (readTaggedIfKnown(body, v, f, c, tag) || ...); },
                       fields);
            // Unknown tags are skipped: `body` is simply dropped.
        }
    }
}

} // namespace detail

// ---- the public face -----------------------------------------------------------------------

template <class M>
constexpr bool isFlexible(int16_t version)
{
    return version >= M::flexibleFrom;
}

template <class M>
Ctx contextFor(int16_t version)
{
    if (!M::versions.contains(version))
        throw EncodeError("version " + std::to_string(version) + " is outside the supported range");
    return Ctx{version, isFlexible<M>(version)};
}

template <class M, class W>
void encode(W &w, const M &msg, int16_t version)
{
    detail::writeStruct(w, msg, contextFor<M>(version));
}

template <class M>
Bytes encode(const M &msg, int16_t version)
{
    Writer w;
    encode(w, msg, version);
    return w.flatten();
}

template <class M>
size_t encodedSize(const M &msg, int16_t version)
{
    SizeCounter s;
    encode(s, msg, version);
    return s.size();
}

// Reads one message; the decoded Records fields view `r`'s buffer.
template <class M>
M decode(Reader &r, int16_t version)
{
    if (!M::versions.contains(version))
        throw DecodeError("version " + std::to_string(version) + " is outside the supported range");
    M msg{};
    detail::readStruct(r, msg, Ctx{version, isFlexible<M>(version)});
    return msg;
}

template <class M>
M decode(ByteView bytes, int16_t version)
{
    Reader r(bytes);
    M msg = decode<M>(r, version);
    if (!r.atEnd())
        throw DecodeError(std::to_string(r.remaining()) + " unexpected bytes after the message");
    return msg;
}

// For payloads with their own versioning that are not API messages (consumer protocol
// subscription/assignment, group metadata records): encode/decode a described struct directly.
template <class T, class W>
void encodeStruct(W &w, const T &v, const Ctx &c)
{
    detail::writeStruct(w, v, c);
}

template <class T>
void decodeStruct(Reader &r, T &v, const Ctx &c)
{
    detail::readStruct(r, v, c);
}

} // namespace kastle::protocol
