// The budget of sealed-segment indexes kept in memory (see logcontext.h).
#include "logcontext.h"

#include "segment.h"

namespace kastle::broker {

void ResidentIndexCache::admit(Segment *segment, Hook &hook, size_t bytes)
{
    m_lru.touch(segment, hook);
    m_bytes += bytes;
    // Drop the least recently used others until within budget; the newcomer always stays.
    while (m_bytes > m_budget) {
        Segment *victim = m_lru.leastRecent();
        if (!victim || victim == segment)
            break;
        victim->dropResidentIndex();
    }
}

void ResidentIndexCache::forget(Hook &hook, size_t bytes)
{
    if (!hook.linked)
        return;
    m_lru.remove(hook);
    m_bytes -= bytes;
}

} // namespace kastle::broker
