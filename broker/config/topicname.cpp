// Topic name rules.
#include "topicname.h"

namespace kastle::broker {

std::string validateTopicName(std::string_view name)
{
    if (name.empty())
        return "Topic name is illegal, it can't be empty";
    if (name == "." || name == "..")
        return "Topic name cannot be \".\" or \"..\"";
    if (name.size() > kMaxTopicNameLength)
        return "Topic name is illegal, it can't be longer than " +
               std::to_string(kMaxTopicNameLength) +
               " characters, topic name: " + std::string(name);
    for (const char c : name) {
        const bool legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!legal)
            return "Topic name \"" + std::string(name) +
                   "\" is illegal, it contains a character other than ASCII alphanumerics, '.', "
                   "'_' and '-'";
    }
    return {};
}

std::string topicCollisionKey(std::string_view name)
{
    std::string key(name);
    for (char &c : key)
        if (c == '.')
            c = '_';
    return key;
}

bool isInternalTopicName(std::string_view name)
{
    return name == "__consumer_offsets" || name == "__transaction_state";
}

} // namespace kastle::broker
