// Identity of this broker build, printed by --version and reported to clients.
#pragma once

#include <string_view>

namespace kastle::broker {

std::string_view brokerVersion();

} // namespace kastle::broker
