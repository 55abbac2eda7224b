// Parsing of config values as Kafka writes them: whole numbers, booleans (any letter case) and
// decimals. Each returns nullopt unless the whole text is one valid value.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kastle::broker {

std::optional<int64_t> parseConfigLong(std::string_view text);
std::optional<bool> parseConfigBool(std::string_view text);
std::optional<double> parseConfigDouble(std::string_view text);

} // namespace kastle::broker
