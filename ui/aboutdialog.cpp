// About dialog. Version numbers come from kastle_core (the UI does not call librdkafka).
#include "aboutdialog.h"
#include "launchoptions.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kastle::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Kastle"));
    const core::VersionInfo v = core::VersionInfo::current();

    auto *logo = new QLabel(this);
    logo->setPixmap(Theme::icon(QStringLiteral("kastle")).pixmap(64, 64));
    auto *title = new QLabel(tr("Kastle %1").arg(v.kastle), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *text = new QLabel(tr("A desktop console for Apache Kafka, with its own "
                               "Kafka-compatible broker for a local sandbox."),
                            this);
    text->setWordWrap(true);

    auto *versions = new QFormLayout;
    auto *kastle = new QLabel(v.kastle, this);
    kastle->setObjectName(QStringLiteral("kastleVersion"));
    auto *qt =
        new QLabel(v.qtRuntime == v.qtBuild ? v.qtRuntime
                                            : tr("%1 (built with %2)").arg(v.qtRuntime, v.qtBuild),
                   this);
    qt->setObjectName(QStringLiteral("qtVersion"));
    auto *rdkafka = new QLabel(v.librdkafka, this);
    rdkafka->setObjectName(QStringLiteral("librdkafkaVersion"));
    versions->addRow(tr("Kastle:"), kastle);
    versions->addRow(tr("Qt:"), qt);
    versions->addRow(tr("librdkafka:"), rdkafka);

    auto *head = new QHBoxLayout;
    head->addWidget(logo, 0, Qt::AlignTop);
    auto *headText = new QVBoxLayout;
    headText->addWidget(title);
    headText->addWidget(text);
    headText->addLayout(versions);
    head->addLayout(headText, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

} // namespace kastle::ui
