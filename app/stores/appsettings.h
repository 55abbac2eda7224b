// User settings (theme, language, refresh intervals), kept in the ui_state table.
#pragma once

#include <QString>

namespace kastle::core {

class ConnectionStore;

struct AppSettings
{
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    QString language; // "" follows the system locale; else e.g. "en", "de"
    int metadataRefreshSeconds = 10;
    int offsetsRefreshSeconds = 5;

    static constexpr int MinRefreshSeconds = 1;
    static constexpr int MaxRefreshSeconds = 3600;

    static AppSettings load(const ConnectionStore &store);
    bool save(ConnectionStore &store) const;
    static QString themeKey(Theme t);

    bool operator==(const AppSettings &) const = default;
};

} // namespace kastle::core
