// An intrusive least-recently-used order: items keep their own Hook, so touching and removing
// are O(1) without a lookup. Used by the open-file cache and the resident-index cache.
#pragma once

#include <cstddef>
#include <list>

namespace kastle::broker {

template<class T>
class LruList
{
public:
    struct Hook
    {
        typename std::list<T *>::iterator it;
        bool linked = false;
    };

    // Makes `item` the most recently used, adding it when absent.
    void touch(T *item, Hook &hook)
    {
        if (hook.linked) {
            m_items.splice(m_items.begin(), m_items, hook.it);
            return;
        }
        m_items.push_front(item);
        hook.it = m_items.begin();
        hook.linked = true;
    }
    void remove(Hook &hook)
    {
        if (!hook.linked)
            return;
        m_items.erase(hook.it);
        hook.linked = false;
    }
    T *leastRecent() const { return m_items.empty() ? nullptr : m_items.back(); }
    size_t size() const { return m_items.size(); }

private:
    std::list<T *> m_items;
};

} // namespace kastle::broker
