// Producer ids for InitProducerId, never handed out twice, also across restarts.
//
// The id space is split by broker id so the brokers of one process never collide without
// asking each other: broker b hands out (b << 40) + n. Ids are reserved in blocks of kBlockSize:
// the file "producer-id-block" in the broker's log directory holds, as decimal text, the first
// n not yet reserved; it is replaced durably (fsync) before any id of a new block is used. A
// restart continues after the last reserved block, so ids of a block cut short are skipped,
// never reused.
#pragma once

#include <cstdint>
#include <string>

namespace kastle::broker {

class ProducerIdManager
{
public:
    static constexpr int64_t kBlockSize = 1000;

    ProducerIdManager(std::string logDir, int32_t brokerId);

    // Reads the block file (missing: start at 0). False with a sentence when it is unreadable.
    bool open(std::string &error);
    // The next id, or -1 when the next block cannot be reserved (storage error; logged).
    int64_t next();

private:
    std::string m_path;
    int64_t m_base;
    int64_t m_next = 0;     // next n to hand out
    int64_t m_reserved = 0; // first n not covered by the file
};

} // namespace kastle::broker
