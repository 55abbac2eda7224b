// Settings: theme (system, light, dark), language, refresh intervals.
#pragma once

#include "stores/appsettings.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace kastle::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const core::AppSettings &settings, QWidget *parent = nullptr);
    core::AppSettings settings() const;

    // Languages with a translation compiled in, as (code, native name); "" = system.
    static QList<std::pair<QString, QString>> languages();

private:
    core::AppSettings m_initial;
    QComboBox *m_theme;
    QComboBox *m_language;
    QSpinBox *m_metadata;
    QSpinBox *m_offsets;
};

} // namespace kastle::ui
