// TopicTable and image look-ups.
#include "clusterimage.h"

#include <algorithm>

namespace kastle::broker {

namespace {

inline unsigned char folded(char c)
{
    return static_cast<unsigned char>(c == '.' ? '_' : c);
}

} // namespace

bool CollisionLess::operator()(std::string_view a, std::string_view b) const
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const unsigned char x = folded(a[i]);
        const unsigned char y = folded(b[i]);
        if (x != y)
            return x < y;
    }
    return a.size() < b.size();
}

TopicTable::TopicTable()
{
    static const auto empty = std::make_shared<const Shard>();
    m_shards.fill(empty);
}

size_t TopicTable::shardOf(std::string_view name)
{
    // FNV-1a over the folded name, so colliding names land in the same shard.
    uint64_t h = 1469598103934665603ull;
    for (const char c : name) {
        h ^= folded(c);
        h *= 1099511628211ull;
    }
    return static_cast<size_t>(h % kShards);
}

TopicPtr TopicTable::findCollision(std::string_view name) const
{
    const Shard &shard = *m_shards[shardOf(name)];
    const auto it = shard.find(name);
    return it == shard.end() ? nullptr : it->second;
}

TopicPtr TopicTable::find(std::string_view name) const
{
    TopicPtr t = findCollision(name);
    return t && t->name == name ? t : nullptr;
}

void TopicTable::put(TopicPtr topic)
{
    const size_t s = shardOf(topic->name);
    auto copy = std::make_shared<Shard>(*m_shards[s]);
    auto it = copy->find(topic->name);
    if (it == copy->end()) {
        copy->emplace(topic->name, std::move(topic));
        ++m_size;
    } else {
        // A colliding name replaces the entry under its own key.
        copy->erase(it);
        copy->emplace(topic->name, std::move(topic));
    }
    m_shards[s] = std::move(copy);
}

void TopicTable::erase(std::string_view name)
{
    const size_t s = shardOf(name);
    const auto it = m_shards[s]->find(name);
    if (it == m_shards[s]->end() || it->first != name)
        return;
    auto copy = std::make_shared<Shard>(*m_shards[s]);
    copy->erase(std::string(name));
    m_shards[s] = std::move(copy);
    --m_size;
}

void TopicTable::forEach(const std::function<void(const TopicPtr &)> &fn) const
{
    for (const auto &shard : m_shards)
        for (const auto &[name, topic] : *shard)
            fn(topic);
}

const BrokerEndpoint *ClusterImage::broker(int32_t id) const
{
    const auto it = std::lower_bound(brokers.begin(), brokers.end(), id,
                                     [](const BrokerEndpoint &b, int32_t v) { return b.id < v; });
    return it != brokers.end() && it->id == id ? &*it : nullptr;
}

} // namespace kastle::broker
