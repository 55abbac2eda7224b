// Config value parsing.
#include "configvalue.h"

#include <charconv>
#include <cmath>
#include <string>

namespace kastle::broker {

std::optional<int64_t> parseConfigLong(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::optional<bool> parseConfigBool(std::string_view text)
{
    auto equalsIgnoringCase = [text](std::string_view word) {
        if (text.size() != word.size())
            return false;
        for (size_t i = 0; i < word.size(); ++i)
            if ((text[i] | 0x20) != word[i])
                return false;
        return true;
    };
    if (equalsIgnoringCase("true"))
        return true;
    if (equalsIgnoringCase("false"))
        return false;
    return std::nullopt;
}

std::optional<double> parseConfigDouble(std::string_view text)
{
    // from_chars for double needs GCC 11+, which Debian 12 has; strtod would accept trailing
    // garbage and locale-specific separators.
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace kastle::broker
