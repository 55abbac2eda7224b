// Identity of this broker build.
#include "brokerinfo.h"

namespace kastle::broker {

std::string_view brokerVersion() { return KASTLE_VERSION; }

} // namespace kastle::broker
