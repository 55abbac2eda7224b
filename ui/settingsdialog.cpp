// Settings dialog.
#include "settingsdialog.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kastle::ui {

using ThemeChoice = core::AppSettings::Theme;

QList<std::pair<QString, QString>> SettingsDialog::languages()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

SettingsDialog::SettingsDialog(const core::AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    m_theme = new QComboBox(look);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Same as the system"), static_cast<int>(ThemeChoice::System));
    m_theme->addItem(tr("Light"), static_cast<int>(ThemeChoice::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(ThemeChoice::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(settings.theme)));
    lookForm->addRow(tr("&Theme:"), m_theme);
    m_language = new QComboBox(look);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto &[code, name] : languages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    lookForm->addRow(tr("&Language:"), m_language);
    auto *languageNote =
        new QLabel(tr("A new language applies the next time Kastle starts."), look);
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);
    lookForm->addRow(QString(), languageNote);

    auto *refresh = new QGroupBox(tr("Refresh"), this);
    auto *refreshForm = new QFormLayout(refresh);
    const auto seconds = [refresh](int value) {
        auto *spin = new QSpinBox(refresh);
        spin->setRange(core::AppSettings::MinRefreshSeconds, core::AppSettings::MaxRefreshSeconds);
        spin->setSuffix(tr(" s"));
        spin->setValue(value);
        return spin;
    };
    m_metadata = seconds(settings.metadataRefreshSeconds);
    m_metadata->setObjectName(QStringLiteral("metadataRefreshSpin"));
    m_offsets = seconds(settings.offsetsRefreshSeconds);
    m_offsets->setObjectName(QStringLiteral("offsetsRefreshSpin"));
    refreshForm->addRow(tr("Cluster &metadata every:"), m_metadata);
    refreshForm->addRow(tr("&Offsets and lag every:"), m_offsets);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(look);
    layout->addWidget(refresh);
    layout->addStretch();
    layout->addWidget(buttons);
    Theme::alignFormLabels(this);
    resize(460, sizeHint().height());
}

core::AppSettings SettingsDialog::settings() const
{
    core::AppSettings s = m_initial;
    s.theme = static_cast<ThemeChoice>(m_theme->currentData().toInt());
    s.language = m_language->currentData().toString();
    s.metadataRefreshSeconds = m_metadata->value();
    s.offsetsRefreshSeconds = m_offsets->value();
    return s;
}

} // namespace kastle::ui
