// The stored unit of the metrics history: a block holds the figures of up to 64 entities of one
// kind (one "shard" of that kind) at one time in one tier, so that one round of 10,000 topics
// is ~160 rows, not 60,000, and a chart of one topic reads one row per point.
//
// Blob format (version 1), all integers little-endian:
//   u8   format version (1)
//   u64  lane mask: bit i set = lane i (entity slot shard*64 + i) is present
//   per present lane, in ascending lane order:
//     varint n           number of stored values that follow (lets readers skip values of
//                        figures added by later versions)
//     n x varint (v + 1) each value; 0 encodes "unknown" (negative)
// Stored values of a lane ("slots"): in tier 0 one per figure of figuresOf(kind); in the
// aggregated tiers one per Aggregation::Last figure (the last value) and two per
// Aggregation::MeanMax figure (mean, then max), in figure order.
#pragma once

#include "metrics.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QVarLengthArray>

#include <array>

namespace kastle::core {

inline constexpr int LanesPerBlock = 64;

using LaneValues = QVarLengthArray<qint64, 16>;

struct Block
{
    quint64 mask = 0;
    std::array<LaneValues, LanesPerBlock> lanes;

    bool has(int lane) const { return (mask >> lane) & 1u; }
    void set(int lane, LaneValues values)
    {
        mask |= quint64(1) << lane;
        lanes[size_t(lane)] = std::move(values);
    }
};

QByteArray encodeBlock(const Block &block);
// False if the blob is malformed (truncated, unknown version).
bool decodeBlock(QByteArrayView blob, Block &block);
// Reads one lane without decoding the others; false if absent or malformed.
bool decodeLane(QByteArrayView blob, int lane, LaneValues &values);

// Where figure `figure` of `kind` sits in a lane: its first slot and 1 or 2 slots.
struct SlotRange
{
    int first = -1;
    int width = 0;
};
SlotRange slotOf(EntityKind kind, int figure, bool aggregated);
int slotCount(EntityKind kind, bool aggregated);

// Folds the lanes of consecutive rows (oldest first) into one lane of an aggregated tier.
class LaneFold
{
public:
    LaneFold(EntityKind kind, bool sourceAggregated);
    // `weight`: how long the sample held (ms); means are weighted by it.
    void add(const LaneValues &values, qint64 weight = 1);
    bool empty() const { return m_rows == 0; }
    LaneValues result() const;

private:
    struct Figure
    {
        qint64 last = -1;
        double sum = 0;    // of value x weight
        double weight = 0; // of the samples known
        qint64 max = -1;
    };
    EntityKind m_kind;
    bool m_sourceAggregated;
    int m_rows = 0;
    QVarLengthArray<Figure, 16> m_figures;
};

} // namespace kastle::core
