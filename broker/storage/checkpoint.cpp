// Reading and writing the log directory checkpoint (format in checkpoint.h).
#include "checkpoint.h"

#include <charconv>

namespace kastle::broker::checkpointfile {
namespace {

constexpr std::string_view kMagic = "kastle-partition-state 1\n";

void appendNumber(std::string &out, int64_t v)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    out.append(buf, end);
}

// The next space- or newline-terminated token of `text`.
std::string_view token(std::string_view &text)
{
    const size_t end = text.find_first_of(" \n");
    const std::string_view t = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return t;
}

template<class T>
bool number(std::string_view &text, T &out)
{
    const std::string_view t = token(text);
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    return ec == std::errc() && end == t.data() + t.size() && !t.empty();
}

} // namespace

void appendLine(std::string &out, const TopicPartition &tp, const PartitionCheckpoint &state)
{
    out.append(tp.topic).push_back(' ');
    appendNumber(out, tp.partition);
    for (int64_t v : {state.logStartOffset, state.recoveryPoint, state.logEndOffset,
                      state.sizeBytes, state.segmentCount, int64_t{state.whole}}) {
        out.push_back(' ');
        appendNumber(out, v);
    }
    out.push_back('\n');
}

std::string assemble(size_t count, std::string_view lines)
{
    std::string out;
    out.reserve(kMagic.size() + 24 + lines.size());
    out.append(kMagic);
    appendNumber(out, static_cast<int64_t>(count));
    out.push_back('\n');
    out.append(lines);
    return out;
}

bool parse(std::string_view text, std::vector<CheckpointLine> &out)
{
    if (text.substr(0, kMagic.size()) != kMagic)
        return false;
    text.remove_prefix(kMagic.size());
    size_t count = 0;
    if (!number(text, count))
        return false;
    out.clear();
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        CheckpointLine line;
        line.topicPartition.topic = std::string(token(text));
        int64_t whole = 0;
        PartitionCheckpoint &s = line.state;
        if (line.topicPartition.topic.empty() || !number(text, line.topicPartition.partition) ||
            !number(text, s.logStartOffset) || !number(text, s.recoveryPoint) ||
            !number(text, s.logEndOffset) || !number(text, s.sizeBytes) ||
            !number(text, s.segmentCount) || !number(text, whole))
            return false;
        s.whole = whole == 1;
        out.push_back(std::move(line));
    }
    return text.empty();
}

} // namespace kastle::broker::checkpointfile
