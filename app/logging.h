// Logging categories of the console core. The log panel shows everything logged through these
// (and any other Qt category) via the handler installed by installLogCapture().
#pragma once

#include <QLoggingCategory>

namespace kastle::core {

Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcKafka)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace kastle::core
