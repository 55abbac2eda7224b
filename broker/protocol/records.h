// The `records` field type: a nullable byte string holding RecordBatches (or legacy message sets)
// placed end to end.
//
// A decoded Records is a view into the frame it came from (no copy on produce); the frame must
// outlive it. A Records built for sending is a list of pieces, each either bytes in memory (owned
// or viewed) or a range of a segment file, so the broker can answer Fetch with sendfile.
#pragma once

#include "wirebytes.h"

#include <optional>
#include <variant>
#include <vector>

namespace kastle::protocol {

class Records
{
public:
    struct MemoryPiece
    {
        ByteView bytes;
        std::shared_ptr<const void> owner; // null for a plain view
    };
    using Piece = std::variant<MemoryPiece, FileRange>;

    Records() = default; // null
    static Records null() { return {}; }
    static Records empty()
    {
        Records r;
        r.m_null = false;
        return r;
    }
    // A view of bytes owned elsewhere.
    static Records view(ByteView bytes)
    {
        Records r = empty();
        r.appendView(bytes);
        return r;
    }
    // Takes ownership of the bytes.
    static Records owned(Bytes bytes)
    {
        Records r = empty();
        r.appendOwned(std::move(bytes));
        return r;
    }

    void appendView(ByteView bytes, std::shared_ptr<const void> owner = {})
    {
        m_null = false;
        if (bytes.empty())
            return;
        m_size += static_cast<int64_t>(bytes.size());
        m_pieces.emplace_back(MemoryPiece{bytes, std::move(owner)});
    }
    void appendOwned(Bytes bytes)
    {
        auto holder = std::make_shared<Bytes>(std::move(bytes));
        ByteView v(*holder);
        appendView(v, std::move(holder));
    }
    void appendFile(FileRange range)
    {
        m_null = false;
        if (range.length <= 0)
            return;
        m_size += range.length;
        m_pieces.emplace_back(std::move(range));
    }

    bool isNull() const { return m_null; }
    int64_t size() const { return m_size; }
    const std::vector<Piece> &pieces() const { return m_pieces; }

    // The bytes when they are one piece in memory (always true for decoded records).
    std::optional<ByteView> contiguous() const
    {
        if (m_pieces.empty())
            return ByteView{};
        if (m_pieces.size() == 1)
            if (auto *m = std::get_if<MemoryPiece>(&m_pieces.front()))
                return m->bytes;
        return std::nullopt;
    }
    // A copy of all the bytes, files read with pread.
    Bytes toBytes() const;

    template <class W>
    void writeContent(W &w) const
    {
        for (const auto &p : m_pieces) {
            if (auto *m = std::get_if<MemoryPiece>(&p))
                w.raw(m->bytes);
            else
                w.file(std::get<FileRange>(p));
        }
    }

    // Content equality (null equals only null).
    bool operator==(const Records &other) const;

private:
    std::vector<Piece> m_pieces;
    int64_t m_size = 0;
    bool m_null = true;
};

} // namespace kastle::protocol
