// Logging categories of the console core. The log panel shows everything logged through these.
#pragma once

#include <QLoggingCategory>

namespace kastle::core {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace kastle::core
