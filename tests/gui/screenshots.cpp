// kastle_screenshots: renders the main screens for visual review (not a test). Run under Xvfb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a build/<dir>/bin/kastle_screenshots <output dir> [broker]
// Writes welcome, sandbox, connection dialog (production, SASL_SSL), settings dialog and the
// Ctrl+K jump palette over the window, each in the light and the dark theme. Uses a throw-away
// data directory.
#include "appsetup.h"
#include "clusterview.h"
#include "connectiondialog.h"
#include "mainwindow.h"
#include "models/connectionlistmodel.h"
#include "screengrab.h"
#include "settingsdialog.h"
#include "theme.h"
#include "widgets/jumppalette.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace kastle;

namespace {

// The widget with the popups open over it (the jump palette), once the style settled.
bool save(QWidget *w, const QString &path)
{
    return test::saveScreenshot(w, path, 150);
}

void fillDialog(ui::ConnectionDialog *d, const QString &caFile)
{
    core::ConnectionProfile p;
    p.name = QStringLiteral("Payments (EU)");
    p.bootstrapServers =
        QStringLiteral("kafka-1.payments.example:9093,kafka-2.payments.example:9093");
    p.securityProtocol = core::SecurityProtocol::SaslSsl;
    p.saslMechanism = core::SaslMechanism::ScramSha512;
    p.username = QStringLiteral("svc-console");
    p.caFile = caFile;
    p.verifyHostname = false;
    p.environment = core::Environment::Production;
    p.extraProperties = {{QStringLiteral("client.id"), QStringLiteral("kastle")}};
    d->setProfile(p, {QStringLiteral("secret"), {}, {}});
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QTemporaryDir tmp;
    qputenv("XDG_DATA_HOME", tmp.filePath(QStringLiteral("data")).toLocal8Bit());
    const QString broker =
        argc > 2 ? QString::fromLocal8Bit(argv[2])
                 : QCoreApplication::applicationDirPath() + QStringLiteral("/kastle-broker");
    const QString ca = tmp.filePath(QStringLiteral("ca.pem"));
    QFile caFile(ca);
    caFile.open(QIODevice::WriteOnly);
    caFile.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    caFile.close();

    core::Workspace ws({tmp.filePath(QStringLiteral("kastle.sqlite")), broker,
                        tmp.filePath(QStringLiteral("sandbox")), QString()});
    core::installLogCapture(ws.log());
    ws.open();
    for (const auto &[name, env] : {std::pair{"Payments (EU)", core::Environment::Production},
                                    std::pair{"Orders staging", core::Environment::Staging},
                                    std::pair{"Local dev", core::Environment::Development}}) {
        core::ConnectionProfile p;
        p.name = QString::fromUtf8(name);
        p.bootstrapServers = QStringLiteral("kafka.example:9092");
        p.environment = env;
        (void)ws.saveProfile(p);
    }
    ui::setUpApplication(ws.settings());
    ui::MainWindow window(ws);
    window.resize(1100, 720);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    // Let the sandbox fail the way it does today so its state is in the log and the page.
    window.connectCluster(core::ConnectionListModel::sandboxId());
    (void)QTest::qWaitFor(
        [&] { return ws.sandbox()->state() != core::SandboxController::State::Starting; }, 15000);

    int failures = 0;
    for (const auto theme : {core::AppSettings::Theme::Light, core::AppSettings::Theme::Dark}) {
        ui::Theme::apply(theme);
        const QString suffix = core::AppSettings::themeKey(theme);
        window.showWelcome();
        failures +=
            !save(&window, out + QStringLiteral("/welcome-") + suffix + QStringLiteral(".png"));
        window.showCluster(core::ConnectionListModel::sandboxId());
        failures +=
            !save(&window, out + QStringLiteral("/sandbox-") + suffix + QStringLiteral(".png"));
        window.showCluster(ws.connections()->idAt(1));
        failures +=
            !save(&window, out + QStringLiteral("/cluster-") + suffix + QStringLiteral(".png"));

        ui::ConnectionDialog *dialog = window.addConnection();
        fillDialog(dialog, ca);
        failures +=
            !save(dialog, out + QStringLiteral("/connection-") + suffix + QStringLiteral(".png"));
        dialog->close();

        QDialog *settings = window.showSettings();
        failures +=
            !save(settings, out + QStringLiteral("/settings-") + suffix + QStringLiteral(".png"));
        settings->close();
        QDialog *about = window.showAbout();
        failures += !save(about, out + QStringLiteral("/about-") + suffix + QStringLiteral(".png"));
        about->close();

        // Ctrl+K over the window: a popup of its own, drawn into the window's image.
        ui::JumpPalette *palette = window.showJumpPalette();
        QTest::keyClicks(palette->input(), QStringLiteral("pay"));
        failures += !save(&window,
                          out + QStringLiteral("/jump-palette-") + suffix + QStringLiteral(".png"));
        palette->close();
    }
    // The sandbox page after a broker failure (zero brokers is refused by kastle-broker).
    ws.sandbox()->stop();
    (void)QTest::qWaitFor(
        [&] { return ws.sandbox()->state() == core::SandboxController::State::Stopped; }, 15000);
    ws.sandbox()->setExtraArguments({QStringLiteral("--brokers"), QStringLiteral("0")});
    ws.sandbox()->start();
    (void)QTest::qWaitFor(
        [&] { return ws.sandbox()->state() == core::SandboxController::State::Failed; }, 15000);
    for (const auto theme : {core::AppSettings::Theme::Light, core::AppSettings::Theme::Dark}) {
        ui::Theme::apply(theme);
        window.showCluster(core::ConnectionListModel::sandboxId());
        failures += !save(&window, out + QStringLiteral("/sandbox-failed-") +
                                       core::AppSettings::themeKey(theme) + QStringLiteral(".png"));
    }
    core::uninstallLogCapture();
    return failures == 0 ? 0 : 1;
}
