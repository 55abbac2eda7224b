// kastle_page_screenshots: every cluster page of the sandbox with sample data flowing, in the
// light and the dark theme, for visual review (not a test). Run under Xvfb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24"
//       build/<dir>/bin/kastle_page_screenshots <output dir> [seconds of sample data]
// (one command line).
// Uses a throw-away data directory and the kastle-broker beside the executable.
#include "appsetup.h"
#include "clusterview.h"
#include "mainwindow.h"
#include "models/connectionlistmodel.h"
#include "pages/configeditor.h"
#include "pages/groupspage.h"
#include "pages/topicspage.h"
#include "screengrab.h"
#include "theme.h"
#include "widgets/jumppalette.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace kastle;

namespace {

// The widget with the popups open over it (the jump palette), once charts and style settled.
bool save(QWidget *w, const QString &path)
{
    return test::saveScreenshot(w, path, 400);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const int warmUp = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 60;
    QDir().mkpath(out);
    QTemporaryDir tmp;
    core::Workspace ws({tmp.filePath(QStringLiteral("kastle.sqlite")),
                        QCoreApplication::applicationDirPath() + QStringLiteral("/kastle-broker"),
                        tmp.filePath(QStringLiteral("sandbox")),
                        tmp.filePath(QStringLiteral("metrics"))});
    core::installLogCapture(ws.log());
    ws.open();
    core::AppSettings settings = ws.settings();
    settings.offsetsRefreshSeconds = 2;
    settings.metadataRefreshSeconds = 5;
    ws.setSettings(settings);
    ui::setUpApplication(ws.settings());
    ui::MainWindow window(ws);
    window.resize(1360, 860);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);

    const QString sandbox = core::ConnectionListModel::sandboxId();
    window.connectCluster(sandbox);
    if (!QTest::qWaitFor([&] { return ws.session(sandbox) != nullptr; }, 20000)) {
        std::fprintf(stderr, "sandbox did not start: %s\n", qPrintable(ws.sandbox()->stateText()));
        return 1;
    }
    ws.sampleData()->start(ws.sandbox()->bootstrap(), 300);
    std::printf("sample data flowing for %d s\n", warmUp);
    std::fflush(stdout);
    QTest::qWait(warmUp * 1000);
    ui::ClusterView *view = window.clusterView(sandbox);

    int failures = 0;
    for (const auto theme : {core::AppSettings::Theme::Light, core::AppSettings::Theme::Dark}) {
        ui::Theme::apply(theme);
        const QString suffix =
            QLatin1Char('-') + core::AppSettings::themeKey(theme) + QStringLiteral(".png");
        const auto shot = [&](const QString &name, QWidget *w = nullptr) {
            failures += !save(w ? w : &window, out + QLatin1Char('/') + name + suffix);
        };
        window.showCluster(sandbox);
        for (const QString &key : {QStringLiteral("overview"), QStringLiteral("brokers"),
                                   QStringLiteral("topics"), QStringLiteral("groups")}) {
            view->setCurrentPage(key);
            view->currentClusterPage()->refresh();
            QTest::qWait(1500);
            shot(key);
        }
        view->openTopic(QStringLiteral("orders"));
        QTest::qWait(1500);
        shot(QStringLiteral("topic-detail"));
        view->topicsPage()->showList();
        view->topicsPage()->filterEdit()->setText(QStringLiteral("pay"));
        shot(QStringLiteral("topics-filtered"));
        view->topicsPage()->filterEdit()->clear();
        view->openGroup(QStringLiteral("order-fulfilment"));
        QTest::qWait(1500);
        shot(QStringLiteral("group-detail"));
        view->groupsPage()->showList();

        view->setCurrentPage(QStringLiteral("topics"));
        QSignalSpy opened(view->topicsPage(), &ui::TopicsPage::configEditorOpened);
        view->topicsPage()->editConfigs(QStringLiteral("orders"));
        if (QTest::qWaitFor([&] { return opened.count() > 0; }, 10000)) {
            auto *editor = opened.at(0).at(0).value<ui::ConfigEditorDialog *>();
            editor->model()->setValue(QStringLiteral("retention.ms"), QStringLiteral("3600000"));
            shot(QStringLiteral("config-editor"), editor);
            editor->review();
            shot(QStringLiteral("config-review"), editor);
            editor->reject();
        } else {
            ++failures;
        }
        QDialog *create = view->topicsPage()->createTopic();
        create->findChild<QLineEdit *>(QStringLiteral("topicName"))
            ->setText(QStringLiteral("orders"));
        shot(QStringLiteral("create-topic"), create);
        create->reject();
        QDialog *del = view->topicsPage()->deleteTopic(QStringLiteral("inventory-updates"));
        shot(QStringLiteral("delete-topic"), del);
        del->reject();
        ui::JumpPalette *palette = window.showJumpPalette();
        QTest::keyClicks(palette->input(), QStringLiteral("or"));
        QTest::qWait(200);
        failures += !save(&window, out + QStringLiteral("/jump-palette") + suffix);
        palette->close();
        window.showWelcome();
        shot(QStringLiteral("welcome"));
    }
    ws.sampleData()->stop();
    core::uninstallLogCapture();
    return failures == 0 ? 0 : 1;
}
