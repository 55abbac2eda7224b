// Compact message storage (layout in the header).
#include "messagestore.h"

#include <algorithm>
#include <cstring>

namespace kastle::core {

namespace {

// Chunks start small so that a batch of one message (tailing) costs little, and double up to
// MaxChunk so that big loads need few allocations.
constexpr uint32_t MinChunk = 4 * 1024;
constexpr uint32_t MaxChunk = 1024 * 1024;

uint32_t lengthOf(const std::optional<std::string_view> &s)
{
    return s ? static_cast<uint32_t>(s->size()) : MessageStore::NullLength;
}

uint32_t storedLength(uint32_t len)
{
    return len == MessageStore::NullLength ? 0 : len;
}

void put32(char *&p, uint32_t v)
{
    std::memcpy(p, &v, 4);
    p += 4;
}

uint32_t get32(const char *&p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    p += 4;
    return v;
}

std::string_view view(const QByteArray &b)
{
    return {b.constData(), static_cast<size_t>(b.size())};
}

} // namespace

qint64 RawMessage::size() const
{
    qint64 n = (key ? key->size() : 0) + (value ? value->size() : 0);
    for (const RawHeader &h : headers)
        n += h.name.size() + (h.value ? h.value->size() : 0);
    return n;
}

MessageStore::MessageStore() = default;
MessageStore::MessageStore(MessageStore &&) noexcept = default;
MessageStore &MessageStore::operator=(MessageStore &&) noexcept = default;
MessageStore::~MessageStore() = default;

char *MessageStore::reserve(uint32_t bytes, uint32_t &chunkOut, uint32_t &posOut)
{
    if (m_chunks.empty() || m_chunks.back().capacity - m_chunks.back().used < bytes) {
        const uint32_t last = m_chunks.empty() ? MinChunk / 2 : m_chunks.back().capacity;
        const uint32_t grown = std::clamp<uint32_t>(last * 2, MinChunk, MaxChunk);
        Chunk c;
        c.capacity = std::max(grown, bytes);
        c.data.reset(new char[c.capacity]);
        m_chunks.push_back(std::move(c));
    }
    Chunk &c = m_chunks.back();
    chunkOut = m_firstChunk + static_cast<uint32_t>(m_chunks.size() - 1);
    posOut = c.used;
    c.used += bytes;
    return c.data.get() + posOut;
}

const char *MessageStore::at(const Entry &e) const
{
    return m_chunks[e.chunk - m_firstChunk].data.get() + e.pos;
}

void MessageStore::append(int32_t partition, int64_t offset, int64_t timestamp, TimestampType type,
                          std::optional<std::string_view> key,
                          std::optional<std::string_view> value, const HeaderRef *headers,
                          size_t headerCount)
{
    Entry e{};
    e.partition = partition;
    e.offset = offset;
    e.timestamp = timestamp;
    e.timestampType = type;
    e.keyLen = lengthOf(key);
    e.valueLen = lengthOf(value);
    e.headerCount = static_cast<uint16_t>(std::min<size_t>(headerCount, 0xffff));
    uint32_t headersLen = 0;
    for (size_t i = 0; i < e.headerCount; ++i)
        headersLen += 8 + static_cast<uint32_t>(headers[i].name.size()) +
                      storedLength(lengthOf(headers[i].value));
    e.headersLen = headersLen;
    const uint32_t total = storedLength(e.keyLen) + storedLength(e.valueLen) + headersLen;
    char *p = reserve(total, e.chunk, e.pos);
    if (key) {
        std::memcpy(p, key->data(), key->size());
        p += key->size();
    }
    if (value) {
        std::memcpy(p, value->data(), value->size());
        p += value->size();
    }
    for (size_t i = 0; i < e.headerCount; ++i) {
        const HeaderRef &h = headers[i];
        put32(p, static_cast<uint32_t>(h.name.size()));
        std::memcpy(p, h.name.data(), h.name.size());
        p += h.name.size();
        put32(p, lengthOf(h.value));
        if (h.value) {
            std::memcpy(p, h.value->data(), h.value->size());
            p += h.value->size();
        }
    }
    m_payloadBytes += total;
    m_entries.push_back(e);
}

void MessageStore::append(const RawMessage &m)
{
    std::vector<HeaderRef> refs;
    refs.reserve(static_cast<size_t>(m.headers.size()));
    for (const RawHeader &h : m.headers)
        refs.push_back({view(h.name), h.value ? std::optional(view(*h.value)) : std::nullopt});
    append(m.partition, m.offset, m.timestamp, m.timestampType,
           m.key ? std::optional(view(*m.key)) : std::nullopt,
           m.value ? std::optional(view(*m.value)) : std::nullopt, refs.data(), refs.size());
}

void MessageStore::splice(MessageStore &&other)
{
    if (other.m_entries.empty()) {
        other.clear();
        return;
    }
    const uint32_t shift = m_firstChunk + static_cast<uint32_t>(m_chunks.size());
    for (Entry e : other.m_entries) {
        e.chunk = e.chunk - other.m_firstChunk + shift;
        m_entries.push_back(e);
    }
    for (Chunk &c : other.m_chunks)
        m_chunks.push_back(std::move(c));
    m_payloadBytes += other.m_payloadBytes;
    other.clear();
}

void MessageStore::dropFront(size_t n)
{
    n = std::min(n, m_entries.size());
    for (size_t i = 0; i < n; ++i) {
        const Entry &e = m_entries.front();
        m_payloadBytes -= storedLength(e.keyLen) + storedLength(e.valueLen) + e.headersLen;
        m_entries.pop_front();
    }
    if (m_entries.empty()) {
        clear();
        return;
    }
    while (m_firstChunk < m_entries.front().chunk) {
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

void MessageStore::clear()
{
    m_entries.clear();
    m_chunks.clear();
    m_firstChunk = 0;
    m_payloadBytes = 0;
}

std::optional<std::string_view> MessageStore::key(size_t i) const
{
    const Entry &e = m_entries[i];
    if (e.keyLen == NullLength)
        return std::nullopt;
    return std::string_view(at(e), e.keyLen);
}

std::optional<std::string_view> MessageStore::value(size_t i) const
{
    const Entry &e = m_entries[i];
    if (e.valueLen == NullLength)
        return std::nullopt;
    return std::string_view(at(e) + storedLength(e.keyLen), e.valueLen);
}

void MessageStore::headers(size_t i, std::vector<HeaderRef> &out) const
{
    out.clear();
    const Entry &e = m_entries[i];
    const char *p = at(e) + storedLength(e.keyLen) + storedLength(e.valueLen);
    for (uint16_t h = 0; h < e.headerCount; ++h) {
        HeaderRef ref;
        const uint32_t nameLen = get32(p);
        ref.name = std::string_view(p, nameLen);
        p += nameLen;
        const uint32_t valueLen = get32(p);
        if (valueLen != NullLength) {
            ref.value = std::string_view(p, valueLen);
            p += valueLen;
        }
        out.push_back(ref);
    }
}

RawMessage MessageStore::message(size_t i) const
{
    const Entry &e = m_entries[i];
    RawMessage m;
    m.partition = e.partition;
    m.offset = e.offset;
    m.timestamp = e.timestamp;
    m.timestampType = e.timestampType;
    if (const auto k = key(i))
        m.key = QByteArray(k->data(), static_cast<qsizetype>(k->size()));
    if (const auto v = value(i))
        m.value = QByteArray(v->data(), static_cast<qsizetype>(v->size()));
    std::vector<HeaderRef> refs;
    headers(i, refs);
    for (const HeaderRef &h : refs) {
        RawHeader raw;
        raw.name = QByteArray(h.name.data(), static_cast<qsizetype>(h.name.size()));
        if (h.value)
            raw.value = QByteArray(h.value->data(), static_cast<qsizetype>(h.value->size()));
        m.headers.append(raw);
    }
    return m;
}

size_t MessageStore::chunkBytes() const
{
    size_t n = 0;
    for (const Chunk &c : m_chunks)
        n += c.capacity;
    return n;
}

} // namespace kastle::core
