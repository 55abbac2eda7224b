// Encoding of metrics blocks and the folding of samples into coarser tiers.
#include "metricsblock.h"

#include <cmath>

namespace kastle::core {

namespace {

constexpr quint8 FormatVersion = 1;

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.append(char(quint8(v)));
}

// Reads a varint at `pos`, advancing it; false when the blob ends inside it or it is too long.
bool getVarint(QByteArrayView in, qsizetype &pos, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const quint8 byte = quint8(in[pos++]);
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

bool readHeader(QByteArrayView in, qsizetype &pos, quint64 &mask)
{
    if (in.size() < 9 || quint8(in[0]) != FormatVersion)
        return false;
    mask = 0;
    for (int i = 0; i < 8; ++i)
        mask |= quint64(quint8(in[1 + i])) << (8 * i);
    pos = 9;
    return true;
}

bool readLane(QByteArrayView in, qsizetype &pos, LaneValues *values)
{
    quint64 n = 0;
    if (!getVarint(in, pos, n) || n > quint64(in.size()))
        return false;
    if (values)
        values->resize(qsizetype(n));
    for (quint64 i = 0; i < n; ++i) {
        quint64 v = 0;
        if (!getVarint(in, pos, v))
            return false;
        if (values)
            (*values)[qsizetype(i)] = qint64(v) - 1;
    }
    return true;
}

} // namespace

QByteArray encodeBlock(const Block &block)
{
    QByteArray out;
    out.reserve(9 + qPopulationCount(block.mask) * 12);
    out.append(char(FormatVersion));
    for (int i = 0; i < 8; ++i)
        out.append(char(quint8(block.mask >> (8 * i))));
    for (int lane = 0; lane < LanesPerBlock; ++lane) {
        if (!block.has(lane))
            continue;
        const LaneValues &values = block.lanes[size_t(lane)];
        putVarint(out, quint64(values.size()));
        for (qint64 v : values)
            putVarint(out, v < 0 ? 0 : quint64(v) + 1);
    }
    return out;
}

bool decodeBlock(QByteArrayView blob, Block &block)
{
    qsizetype pos = 0;
    if (!readHeader(blob, pos, block.mask))
        return false;
    for (int lane = 0; lane < LanesPerBlock; ++lane) {
        if (block.has(lane) && !readLane(blob, pos, &block.lanes[size_t(lane)]))
            return false;
    }
    return true;
}

bool decodeLane(QByteArrayView blob, int lane, LaneValues &values)
{
    qsizetype pos = 0;
    quint64 mask = 0;
    if (!readHeader(blob, pos, mask) || !((mask >> lane) & 1u))
        return false;
    for (int i = 0; i < lane; ++i) {
        if (((mask >> i) & 1u) && !readLane(blob, pos, nullptr))
            return false;
    }
    return readLane(blob, pos, &values);
}

SlotRange slotOf(EntityKind kind, int figure, bool aggregated)
{
    const std::span<const Metric> figures = figuresOf(kind);
    if (figure < 0 || size_t(figure) >= figures.size())
        return {};
    if (!aggregated)
        return {figure, 1};
    int first = 0;
    for (int i = 0; i < figure; ++i)
        first += aggregationOf(figures[size_t(i)]) == Aggregation::MeanMax ? 2 : 1;
    return {first, aggregationOf(figures[size_t(figure)]) == Aggregation::MeanMax ? 2 : 1};
}

int slotCount(EntityKind kind, bool aggregated)
{
    const int figures = int(figuresOf(kind).size());
    if (figures == 0)
        return 0;
    const SlotRange last = slotOf(kind, figures - 1, aggregated);
    return last.first + last.width;
}

LaneFold::LaneFold(EntityKind kind, bool sourceAggregated)
    : m_kind(kind)
    , m_sourceAggregated(sourceAggregated)
{
    m_figures.resize(qsizetype(figuresOf(kind).size()));
}

void LaneFold::add(const LaneValues &values, qint64 weight)
{
    ++m_rows;
    for (int f = 0; f < m_figures.size(); ++f) {
        const SlotRange slot = slotOf(m_kind, f, m_sourceAggregated);
        if (slot.first + slot.width > values.size())
            break; // a lane written before this figure existed
        const qint64 value = values[slot.first];
        if (value < 0)
            continue;
        const qint64 max = slot.width == 2 ? values[slot.first + 1] : value;
        Figure &acc = m_figures[f];
        acc.last = value;
        acc.sum += double(value) * double(weight);
        acc.weight += double(weight);
        acc.max = std::max(acc.max, max);
    }
}

LaneValues LaneFold::result() const
{
    LaneValues out;
    const std::span<const Metric> figures = figuresOf(m_kind);
    for (int f = 0; f < m_figures.size(); ++f) {
        const Figure &acc = m_figures[f];
        if (aggregationOf(figures[size_t(f)]) == Aggregation::Last) {
            out.append(acc.last);
        } else {
            out.append(acc.weight > 0 ? std::llround(acc.sum / acc.weight) : -1);
            out.append(acc.weight > 0 ? acc.max : -1);
        }
    }
    return out;
}

} // namespace kastle::core
