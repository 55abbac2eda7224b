// Test helpers shared by the protocol unit and compat tests:
//   hex()       bytes from a hex string with spaces (and no other separators)
//   populate()  fills every field a message has at a version with a distinct non-default value
//   project()   a copy with only the fields a version carries (the rest back at their defaults)
//
// populate() walks the schema depth-first in declaration order with one counter n (starting at
// 1, advancing once per scalar): integers take n (int8: n % 120 + 1), strings "s<n>", bytes
// "b<n>", records "r<n>", booleans the opposite of their default, arrays two elements. The
// kafka-python side of the compat test (tests/compat/protocol/kafka_python_codec.py) follows the
// same rule, so both sides build equal messages without listing values twice.
#pragma once

#include "schema.h"

#include <string>
#include <string_view>

namespace kastle::protocol::testing {

inline Bytes hex(std::string_view s)
{
    Bytes out;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\n') {
            ++i;
            continue;
        }
        out.push_back(static_cast<uint8_t>(nibble(s[i]) << 4 | nibble(s[i + 1])));
        i += 2;
    }
    return out;
}

inline std::string toHex(ByteView b)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string s;
    for (uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

inline Bytes bytesOf(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

class Populator
{
public:
    explicit Populator(int16_t version)
        : m_ctx{version, false}
    {}

    template<class T>
    void fill(T &v, const T &def)
    {
        using detail::Described;
        using detail::IsArray;
        using detail::IsOptional;
        if constexpr (std::is_same_v<T, bool>) {
            ++m_n;
            v = !def;
        } else if constexpr (std::is_same_v<T, int8_t>) {
            do
                v = static_cast<int8_t>(++m_n % 120 + 1);
            while (v == def);
        } else if constexpr (std::is_integral_v<T>) {
            do
                v = static_cast<T>(++m_n);
            while (v == def);
        } else if constexpr (std::is_same_v<T, double>) {
            v = ++m_n + 0.5;
        } else if constexpr (std::is_same_v<T, Uuid>) {
            v.bytes.fill(static_cast<uint8_t>(++m_n));
        } else if constexpr (std::is_same_v<T, std::string>) {
            v = "s" + std::to_string(++m_n);
        } else if constexpr (std::is_same_v<T, Bytes>) {
            v = bytesOf("b" + std::to_string(++m_n));
        } else if constexpr (std::is_same_v<T, Records>) {
            v = Records::owned(bytesOf("r" + std::to_string(++m_n)));
        } else if constexpr (IsArray<T>::value) {
            v.assign(2, typename T::value_type{});
            for (auto &e : v)
                fill(e, typename T::value_type{});
        } else if constexpr (IsOptional<T>::value) {
            using Inner = typename T::value_type;
            v.emplace();
            fill(*v, def ? *def : Inner{});
        } else {
            static_assert(Described<T>);
            fillStruct(v);
        }
    }

    template<class T>
    void fillStruct(T &v)
    {
        const T &def = detail::defaults<T>();
        std::apply(
            [&](const auto &...f) {
                auto one = [&](const auto &fd) {
                    const auto m = detail::memberOf(fd);
                    if (fd.spec.versions.contains(m_ctx.version))
                        fill(v.*m, def.*m);
                };
                (one(f), ...);
            },
            T::schema());
    }

    // How many values were drawn so far (0: the version carries no field).
    int filled() const { return m_n; }

private:
    Ctx m_ctx;
    int m_n = 0;
};

template<class M>
M populate(int16_t version)
{
    M msg{};
    Populator(version).fillStruct(msg);
    return msg;
}

// The value a decoder gives back for `v` written at `version`: fields the version lacks return
// to their defaults. (Values that a version cannot carry, like null where it is not nullable,
// are not handled: the tests do not use them.)
template<class T>
T project(const T &v, int16_t version)
{
    using detail::Described;
    using detail::IsArray;
    using detail::IsOptional;
    if constexpr (IsArray<T>::value) {
        T out;
        for (const auto &e : v)
            out.push_back(project(e, version));
        return out;
    } else if constexpr (IsOptional<T>::value) {
        return v ? T(project(*v, version)) : T();
    } else if constexpr (Described<T>) {
        T out = v;
        const T &def = detail::defaults<T>();
        std::apply(
            [&](const auto &...f) {
                auto one = [&](const auto &fd) {
                    const auto m = detail::memberOf(fd);
                    if (fd.spec.versions.contains(version))
                        out.*m = project(v.*m, version);
                    else
                        out.*m = def.*m;
                };
                (one(f), ...);
            },
            T::schema());
        return out;
    } else {
        return v;
    }
}

} // namespace kastle::protocol::testing
