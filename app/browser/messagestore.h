// Compact storage of Kafka messages for the browser: a deque of fixed-size entries plus the raw
// bytes in large chunks, so a million messages cost one small entry and their bytes each, with
// no per-message allocation. The browse worker fills one store per batch and hands it over;
// the MessageModel splices the batch's chunks into its own store without copying payloads.
//
// Layout of one message's bytes inside a chunk, at Entry::pos:
//   key bytes (keyLen, absent when null) | value bytes (valueLen, absent when null) |
//   headers: per header  u32 nameLen | name | u32 valueLen (NullLength = null) | value
// Integers in the header block are host-endian; the block never leaves the process.
// Invariant: a message never spans chunks; chunk numbers in entries only grow.
#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kastle::core {

enum class TimestampType : uint8_t { NotAvailable = 0, CreateTime = 1, LogAppendTime = 2 };

struct RawHeader
{
    QByteArray name;
    std::optional<QByteArray> value;
    bool operator==(const RawHeader &) const = default;
};

// One message with owned bytes: what the detail pane, export and the producer work with.
struct RawMessage
{
    int32_t partition = -1;
    int64_t offset = -1;
    int64_t timestamp = -1; // milliseconds since the epoch, -1 when not available
    TimestampType timestampType = TimestampType::NotAvailable;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RawHeader> headers;

    qint64 size() const; // key + value + header bytes
    bool operator==(const RawMessage &) const = default;
};

// Borrowed views of one stored message; valid until the store changes.
struct HeaderRef
{
    std::string_view name;
    std::optional<std::string_view> value;
};

struct MessageRef
{
    std::optional<std::string_view> key;
    std::optional<std::string_view> value;
    const HeaderRef *headers = nullptr;
    size_t headerCount = 0;
};

class MessageStore
{
public:
    static constexpr uint32_t NullLength = 0xffffffffu;

    struct Entry
    {
        int64_t offset;
        int64_t timestamp;
        uint32_t chunk; // chunk sequence number (global, grows)
        uint32_t pos;   // byte position inside the chunk
        int32_t partition;
        uint32_t keyLen;   // NullLength: null key
        uint32_t valueLen; // NullLength: null value
        uint32_t headersLen;
        uint16_t headerCount;
        TimestampType timestampType;
    };

    MessageStore();
    MessageStore(MessageStore &&) noexcept;
    MessageStore &operator=(MessageStore &&) noexcept;
    ~MessageStore();

    size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    const Entry &entry(size_t i) const { return m_entries[i]; }

    // Appends one message; headers given as views (copied in).
    void append(int32_t partition, int64_t offset, int64_t timestamp, TimestampType type,
                std::optional<std::string_view> key, std::optional<std::string_view> value,
                const HeaderRef *headers, size_t headerCount);
    void append(const RawMessage &m);
    // Moves every message of `other` to the end of this store (chunks are taken over, not
    // copied); `other` is left empty.
    void splice(MessageStore &&other);
    // Forgets the oldest `n` messages and frees chunks no longer referenced.
    void dropFront(size_t n);
    void clear();

    std::optional<std::string_view> key(size_t i) const;
    std::optional<std::string_view> value(size_t i) const;
    // Decodes the header block of message i into `out` (cleared first).
    void headers(size_t i, std::vector<HeaderRef> &out) const;
    RawMessage message(size_t i) const;

    // Bytes held in chunks (capacity, i.e. what the process really pays).
    size_t chunkBytes() const;
    size_t payloadBytes() const { return m_payloadBytes; }

private:
    struct Chunk
    {
        std::unique_ptr<char[]> data;
        uint32_t capacity = 0;
        uint32_t used = 0;
    };
    char *reserve(uint32_t bytes, uint32_t &chunkOut, uint32_t &posOut);
    const char *at(const Entry &e) const;

    std::deque<Entry> m_entries;
    std::deque<Chunk> m_chunks;
    uint32_t m_firstChunk = 0; // sequence number of m_chunks.front()
    size_t m_payloadBytes = 0;
};

} // namespace kastle::core
