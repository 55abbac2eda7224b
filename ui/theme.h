// Look of the console: light, dark or the system's palette, the environment colours
// (development / staging / production) and the status dot colours. The environment colours are
// used as backgrounds with white text, chosen dark enough to stay readable in both themes.
#pragma once

#include "models/connectionlistmodel.h"
#include "profiles/connectionprofile.h"
#include "stores/appsettings.h"

#include <QColor>
#include <QIcon>

#include <initializer_list>

class QLabel;
class QLayout;
class QWidget;

namespace kastle::ui {

class Theme
{
public:
    // Remembers the platform's palette and style the first time, so "System" can return to it.
    static void apply(core::AppSettings::Theme theme);
    static bool isDark();

    static QColor environmentColor(core::Environment e);
    static QColor statusColor(core::ClusterStatus s);
    static QIcon icon(const QString &name); // ":/icons/<name>.svg"
    // Gives the labels of every form layout below root one width, so fields in separate group
    // boxes start at the same x.
    static void alignFormLabels(QWidget *root);
    // A word-wrapped label centred in a row, at most maxWidth wide. (A wrapped label added with
    // an alignment flag gets a height for the wrong width and is clipped.)
    static QLayout *centered(QWidget *label, int maxWidth);
    // The head row of a detail view: back button, the entity's name in a larger bold font, a
    // summary taking the free width, then the actions on the right.
    static QLayout *detailHeader(QWidget *back, QLabel *title, QLabel *summary,
                                 std::initializer_list<QWidget *> actions);
};

// Registers the compiled-in resources (icons) of kastle_ui; a static library needs this once.
void initResources();

} // namespace kastle::ui
