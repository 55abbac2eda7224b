// Logging categories of the console core.
#include "logging.h"

namespace kastle::core {

Q_LOGGING_CATEGORY(lcApp, "kastle.app")
Q_LOGGING_CATEGORY(lcStore, "kastle.store")
Q_LOGGING_CATEGORY(lcSecrets, "kastle.secrets")
Q_LOGGING_CATEGORY(lcKafka, "kastle.kafka", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "kastle.sandbox")

} // namespace kastle::core
