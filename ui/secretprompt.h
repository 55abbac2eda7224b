// Asks for the secrets of a profile when the keychain cannot supply them, saying why. What the
// user types is kept in memory for this run only.
#pragma once

#include "profiles/connectionprofile.h"

#include <QWidget>

#include <optional>

namespace kastle::ui {

class SecretPrompt
{
    Q_DECLARE_TR_FUNCTIONS(kastle::ui::SecretPrompt)
public:
    // reason: why Kastle asks (e.g. the keychain error). Returns nothing if cancelled.
    static std::optional<core::ProfileSecrets>
    ask(QWidget *parent, const core::ConnectionProfile &profile, const QString &reason);
};

} // namespace kastle::ui
