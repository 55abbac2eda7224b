// Leader epoch start offsets of a partition (file format in leaderepochcache.h).
#include "leaderepochcache.h"

#include "fileio.h"

#include <algorithm>
#include <charconv>

namespace kastle::broker {
namespace {

// Reads one whitespace-separated integer, moving `text` past it.
template<class T>
bool takeNumber(std::string_view &text, T &out)
{
    size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n'))
        ++start;
    const char *first = text.data() + start;
    const char *last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, out);
    if (ec != std::errc() || end == first)
        return false;
    text.remove_prefix(static_cast<size_t>(end - text.data()));
    return true;
}

} // namespace

bool LeaderEpochCache::load()
{
    m_entries.clear();
    m_dirty = false;
    const auto text = fileio::readFile(m_path);
    if (!text)
        return true; // no epochs recorded yet
    if (!parse(*text, m_entries)) {
        m_entries.clear();
        m_dirty = true;
        return false;
    }
    return true;
}

StorageStatus LeaderEpochCache::persist()
{
    if (!m_dirty)
        return {};
    std::string error;
    if (!fileio::writeFileAtomically(m_path, serialize(), false, &error))
        return StorageStatus::failure(protocol::ErrorCode::KafkaStorageError, error);
    m_dirty = false;
    return {};
}

bool LeaderEpochCache::assign(int32_t epoch, int64_t startOffset)
{
    if (epoch < 0 || epoch <= latestEpoch())
        return false;
    // A start offset below the latest entry's would break monotonicity; the log was cut
    // without telling us, so the older entries from there on are wrong.
    while (!m_entries.empty() && m_entries.back().startOffset >= startOffset)
        m_entries.pop_back();
    m_entries.push_back({epoch, startOffset});
    m_dirty = true;
    return true;
}

void LeaderEpochCache::truncateFromEnd(int64_t endOffset)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const Entry &e) { return e.startOffset >= endOffset; });
    if (it == m_entries.end())
        return;
    m_entries.erase(it, m_entries.end());
    m_dirty = true;
}

void LeaderEpochCache::truncateFromStart(int64_t startOffset)
{
    // The last entry starting at or before startOffset covers it; everything before it goes.
    size_t keep = 0;
    while (keep + 1 < m_entries.size() && m_entries[keep + 1].startOffset <= startOffset)
        ++keep;
    if (m_entries.empty() || (keep == 0 && m_entries[0].startOffset >= startOffset))
        return;
    m_entries.erase(m_entries.begin(), m_entries.begin() + static_cast<ptrdiff_t>(keep));
    if (m_entries[0].startOffset < startOffset)
        m_entries[0].startOffset = startOffset;
    m_dirty = true;
}

void LeaderEpochCache::clear()
{
    if (m_entries.empty())
        return;
    m_entries.clear();
    m_dirty = true;
}

LeaderEpochCache::EpochEnd LeaderEpochCache::endOffsetFor(int32_t epoch, int64_t logEndOffset) const
{
    if (epoch < 0 || m_entries.empty())
        return {};
    if (epoch == latestEpoch())
        return {epoch, logEndOffset};
    const auto higher = std::upper_bound(m_entries.begin(), m_entries.end(), epoch,
                                         [](int32_t e, const Entry &x) { return e < x.epoch; });
    if (higher == m_entries.end())
        return {}; // newer than anything this log has seen
    if (higher == m_entries.begin())
        return {epoch, higher->startOffset}; // older than the first epoch still in the log
    return {std::prev(higher)->epoch, higher->startOffset};
}

std::string LeaderEpochCache::serialize() const
{
    std::string out = "0\n" + std::to_string(m_entries.size()) + '\n';
    for (const Entry &e : m_entries)
        out += std::to_string(e.epoch) + ' ' + std::to_string(e.startOffset) + '\n';
    return out;
}

bool LeaderEpochCache::parse(std::string_view text, std::vector<Entry> &out)
{
    int version = -1;
    size_t count = 0;
    if (!takeNumber(text, version) || version != 0 || !takeNumber(text, count))
        return false;
    out.clear();
    for (size_t i = 0; i < count; ++i) {
        Entry e;
        if (!takeNumber(text, e.epoch) || !takeNumber(text, e.startOffset) || e.epoch < 0 ||
            e.startOffset < 0)
            return false;
        if (!out.empty() &&
            (e.epoch <= out.back().epoch || e.startOffset <= out.back().startOffset))
            return false;
        out.push_back(e);
    }
    return true;
}

} // namespace kastle::broker
