// Kafka's rules for topic names: 1..249 characters of [a-zA-Z0-9._-], not "." or "..". Two
// names that differ only where one has '.' and the other '_' collide (their metric names would
// be the same in Kafka), so the second cannot be created. Names starting with "__" that Kafka
// reserves for its own state are internal topics.
#pragma once

#include <string>
#include <string_view>

namespace kastle::broker {

inline constexpr size_t kMaxTopicNameLength = 249;

// "" for a legal name, else the sentence for INVALID_TOPIC_EXCEPTION.
std::string validateTopicName(std::string_view name);

// The name with every '.' replaced by '_': equal keys collide.
std::string topicCollisionKey(std::string_view name);

// __consumer_offsets and __transaction_state.
bool isInternalTopicName(std::string_view name);

} // namespace kastle::broker
