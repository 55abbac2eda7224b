// Settings <-> ui_state rows ("settings/<name>").
#include "appsettings.h"
#include "connectionstore.h"

#include <algorithm>

namespace kastle::core {

namespace {

int clampedSeconds(const QString &text, int fallback)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok ? std::clamp(v, AppSettings::MinRefreshSeconds, AppSettings::MaxRefreshSeconds)
              : fallback;
}

} // namespace

QString AppSettings::themeKey(Theme t)
{
    switch (t) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

AppSettings AppSettings::load(const ConnectionStore &store)
{
    AppSettings s;
    const QString theme = store.uiValue(QStringLiteral("settings/theme"));
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        if (theme == themeKey(t))
            s.theme = t;
    }
    s.language = store.uiValue(QStringLiteral("settings/language"));
    s.metadataRefreshSeconds = clampedSeconds(
        store.uiValue(QStringLiteral("settings/metadataRefresh")), s.metadataRefreshSeconds);
    s.offsetsRefreshSeconds = clampedSeconds(
        store.uiValue(QStringLiteral("settings/offsetsRefresh")), s.offsetsRefreshSeconds);
    return s;
}

bool AppSettings::save(ConnectionStore &store) const
{
    return store.setUiValue(QStringLiteral("settings/theme"), themeKey(theme)).ok() &&
           store.setUiValue(QStringLiteral("settings/language"), language).ok() &&
           store
               .setUiValue(QStringLiteral("settings/metadataRefresh"),
                           QString::number(metadataRefreshSeconds))
               .ok() &&
           store
               .setUiValue(QStringLiteral("settings/offsetsRefresh"),
                           QString::number(offsetsRefreshSeconds))
               .ok();
}

} // namespace kastle::core
