// Logging categories of the console core.
#include "logging.h"

namespace kastle::core {

Q_LOGGING_CATEGORY(lcApp, "kastle.app")

} // namespace kastle::core
