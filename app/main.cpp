// kastle: the GUI executable. Wiring only: command line, display check, core, UI.
#include "appsetup.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "models/connectionlistmodel.h"
#include "quitsignals.h"
#include "workspace.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    using namespace kastle;
    const core::LaunchOptions options = core::LaunchOptions::parse(argc, argv);
    const bool bad = !options.unknownArgument.isEmpty() || !options.badValue.isEmpty();
    if (options.showHelp || bad) {
        if (!options.unknownArgument.isEmpty())
            std::fprintf(stderr, "kastle: unknown option %s\n",
                         qPrintable(options.unknownArgument));
        else if (!options.badValue.isEmpty())
            std::fprintf(stderr, "kastle: %s\n", qPrintable(options.badValue));
        std::fputs(qPrintable(core::LaunchOptions::usage()), options.showHelp ? stdout : stderr);
        return options.showHelp ? 0 : 2;
    }
    if (options.showVersion) {
        const core::VersionInfo v = core::VersionInfo::current();
        std::printf("Kastle %s (Qt %s, librdkafka %s)\n", qPrintable(v.kastle),
                    qPrintable(v.qtRuntime), qPrintable(v.librdkafka));
        return 0;
    }
    // QApplication would abort with a long message about platform plugins; say it plainly.
    if (!core::LaunchOptions::displayAvailable()) {
        std::fprintf(stderr, "%s\n", qPrintable(core::LaunchOptions::noDisplayMessage()));
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kastle"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kastle"));
    QApplication::setApplicationVersion(QStringLiteral(KASTLE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("kastle"));
    core::quitOnTerminationSignals();

    core::Workspace workspace(core::Workspace::defaultPaths());
    core::installLogCapture(workspace.log());
    workspace.open();
    ui::setUpApplication(workspace.settings());

    ui::MainWindow window(workspace);
    window.show();
    window.showStartupNotices();
    if (options.startSandbox)
        window.connectCluster(core::ConnectionListModel::sandboxId());
    if (options.sampleRate > 0)
        window.loadSampleDataWhenReady(options.sampleRate);

    const int rc = QApplication::exec();
    core::uninstallLogCapture();
    return rc;
}
