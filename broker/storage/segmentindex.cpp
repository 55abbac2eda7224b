// The sparse offset and time indexes of a segment (formats in segmentindex.h).
#include "segmentindex.h"

#include <algorithm>

namespace kastle::broker {
namespace {

void putU32(std::string &out, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(static_cast<uint8_t>(v >> shift)));
}

void putI64(std::string &out, int64_t v)
{
    const auto u = static_cast<uint64_t>(v);
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(static_cast<uint8_t>(u >> shift)));
}

} // namespace

SegmentIndex::SegmentIndex(int64_t baseOffset, int64_t intervalBytes)
    : m_base(baseOffset)
    , m_intervalBytes(intervalBytes)
{}

void SegmentIndex::addBatch(int64_t batchBaseOffset, int64_t maxTimestamp, int64_t position,
                            int64_t size)
{
    if (maxTimestamp > m_maxTimestamp) {
        m_maxTimestamp = maxTimestamp;
        m_offsetOfMaxTimestamp = batchBaseOffset;
    }
    const auto relative = static_cast<uint32_t>(batchBaseOffset - m_base);
    const bool afterLast = m_offsets.empty() ? position > 0
                                             : position > m_offsets.back().position &&
                                                   relative > m_offsets.back().relativeOffset;
    if (m_bytesSinceLastEntry > m_intervalBytes && afterLast) {
        m_offsets.push_back({relative, static_cast<uint32_t>(position)});
        const int64_t lastTime = m_times.empty() ? kNoTimestamp : m_times.back().timestamp;
        if (m_maxTimestamp > lastTime)
            m_times.push_back(
                {m_maxTimestamp, static_cast<uint32_t>(m_offsetOfMaxTimestamp - m_base)});
        m_bytesSinceLastEntry = 0;
    }
    m_bytesSinceLastEntry += size;
}

void SegmentIndex::seal()
{
    const int64_t lastTime = m_times.empty() ? kNoTimestamp : m_times.back().timestamp;
    if (m_maxTimestamp > lastTime)
        m_times.push_back({m_maxTimestamp, static_cast<uint32_t>(m_offsetOfMaxTimestamp - m_base)});
}

void SegmentIndex::restore(std::vector<OffsetIndexEntry> offsets, std::vector<TimeIndexEntry> times)
{
    m_offsets = std::move(offsets);
    m_times = std::move(times);
    m_bytesSinceLastEntry = 0;
    if (m_times.empty()) {
        m_maxTimestamp = kNoTimestamp;
        m_offsetOfMaxTimestamp = -1;
    } else {
        m_maxTimestamp = m_times.back().timestamp;
        m_offsetOfMaxTimestamp = m_base + m_times.back().relativeOffset;
    }
}

void SegmentIndex::clear()
{
    restore({}, {});
}

SegmentIndex::Position SegmentIndex::lookup(int64_t offset) const
{
    if (offset < m_base)
        return {};
    const int64_t relative = offset - m_base;
    // First entry above the target; the one before it is the last at or below.
    const auto it = std::upper_bound(
        m_offsets.begin(), m_offsets.end(), relative,
        [](int64_t r, const OffsetIndexEntry &e) { return r < int64_t{e.relativeOffset}; });
    if (it == m_offsets.begin())
        return {};
    return {int64_t{std::prev(it)->position}, m_base + std::prev(it)->relativeOffset};
}

int64_t SegmentIndex::lookupTimestamp(int64_t timestamp) const
{
    // First entry at or above the target; the one before it is the last below.
    const auto it =
        std::lower_bound(m_times.begin(), m_times.end(), timestamp,
                         [](const TimeIndexEntry &e, int64_t ts) { return e.timestamp < ts; });
    return it == m_times.begin() ? m_base : m_base + std::prev(it)->relativeOffset;
}

int64_t SegmentIndex::resumePosition() const
{
    return m_offsets.empty() ? 0 : int64_t{m_offsets.back().position};
}

size_t SegmentIndex::memoryBytes() const
{
    return sizeof(*this) + m_offsets.capacity() * sizeof(OffsetIndexEntry) +
           m_times.capacity() * sizeof(TimeIndexEntry);
}

void SegmentIndex::encodeOffsets(size_t from, std::string &out) const
{
    out.reserve(out.size() +
                (m_offsets.size() - std::min(from, m_offsets.size())) * kOffsetEntrySize);
    for (size_t i = from; i < m_offsets.size(); ++i) {
        putU32(out, m_offsets[i].relativeOffset);
        putU32(out, m_offsets[i].position);
    }
}

void SegmentIndex::encodeTimes(size_t from, std::string &out) const
{
    out.reserve(out.size() + (m_times.size() - std::min(from, m_times.size())) * kTimeEntrySize);
    for (size_t i = from; i < m_times.size(); ++i) {
        putI64(out, m_times[i].timestamp);
        putU32(out, m_times[i].relativeOffset);
    }
}

std::optional<std::vector<OffsetIndexEntry>> SegmentIndex::decodeOffsets(protocol::ByteView bytes,
                                                                         int64_t logSize)
{
    if (bytes.size() % kOffsetEntrySize != 0)
        return std::nullopt;
    std::vector<OffsetIndexEntry> entries;
    entries.reserve(bytes.size() / kOffsetEntrySize);
    protocol::Reader r(bytes);
    while (!r.atEnd()) {
        OffsetIndexEntry e{r.u32(), r.u32()};
        if (e.relativeOffset > static_cast<uint32_t>(INT32_MAX) || int64_t{e.position} >= logSize)
            return std::nullopt;
        if (!entries.empty() && (e.relativeOffset <= entries.back().relativeOffset ||
                                 e.position <= entries.back().position))
            return std::nullopt;
        entries.push_back(e);
    }
    return entries;
}

std::optional<std::vector<TimeIndexEntry>> SegmentIndex::decodeTimes(protocol::ByteView bytes)
{
    if (bytes.size() % kTimeEntrySize != 0)
        return std::nullopt;
    std::vector<TimeIndexEntry> entries;
    entries.reserve(bytes.size() / kTimeEntrySize);
    protocol::Reader r(bytes);
    while (!r.atEnd()) {
        TimeIndexEntry e;
        e.timestamp = r.i64();
        e.relativeOffset = r.u32();
        if (e.timestamp < 0 || e.relativeOffset > static_cast<uint32_t>(INT32_MAX))
            return std::nullopt;
        if (!entries.empty() && (e.timestamp <= entries.back().timestamp ||
                                 e.relativeOffset < entries.back().relativeOffset))
            return std::nullopt;
        entries.push_back(e);
    }
    return entries;
}

} // namespace kastle::broker
