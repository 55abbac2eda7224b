// Application-wide UI setup done once before the main window exists: the theme and the
// translators for the chosen language (Kastle's own strings and Qt's standard dialogs).
#pragma once

#include "stores/appsettings.h"

namespace kastle::ui {

void setUpApplication(const core::AppSettings &settings);

} // namespace kastle::ui
