// kastle_page_screenshots: every cluster page of the sandbox with sample data flowing, in the
// light and the dark theme, for visual review (not a test). Run under Xvfb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24"
//       build/<dir>/bin/kastle_page_screenshots <output dir> [seconds of sample data]
// (one command line).
// Uses a throw-away data directory and the kastle-broker beside the executable.
// Also prints the longest UI-thread block (the app's own EventLoopProbe) of every phase: each
// 10 s of sample data, each page shown and each dialog opened, the screenshots themselves not
// counted; the last line counts the phases over the 50 ms budget.
#include "appsetup.h"
#include "clusterview.h"
#include "mainwindow.h"
#include "models/connectionlistmodel.h"
#include "pages/configeditor.h"
#include "pages/groupspage.h"
#include "pages/topicspage.h"
#include "runloop.h"
#include "screengrab.h"
#include "theme.h"
#include "widgets/eventloopprobe.h"
#include "widgets/jumppalette.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace kastle;

namespace {

// The probe's worst block since the last reset, printed with what the application was doing;
// counts the phases over the budget. Taking a screenshot (grab, PNG encoding, the tool's own
// settling wait) is not the application's work, so each shot resets the probe afterwards.
int overBudgetPhases = 0;
void reportBlocks(ui::EventLoopProbe *probe, const QString &phase)
{
    const qint64 worst = probe->maxBlockMs();
    overBudgetPhases += worst > ui::EventLoopProbe::budgetMs;
    std::printf("%-28s longest UI block %3lld ms\n", qPrintable(phase),
                static_cast<long long>(worst));
    std::fflush(stdout);
    probe->resetMax();
}

// The widget with the popups open over it (the jump palette), once charts and style settled.
// The probe notices a block only when its timer runs after it, so the shot's own block is let
// through the event loop before the probe is reset.
bool save(QWidget *w, const QString &path, ui::EventLoopProbe *probe)
{
    const bool saved = test::saveScreenshot(w, path, 400);
    test::runFor(100);
    probe->resetMax();
    return saved;
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
    if (!test::runUntil([&] { return ws.session(sandbox) != nullptr; }, 20000)) {
        std::fprintf(stderr, "sandbox did not start: %s\n", qPrintable(ws.sandbox()->stateText()));
        return 1;
    }
    window.loadSampleDataWhenReady(300); // as `kastle --sample-data=300` does
    std::printf("sample data flowing for %d s\n", warmUp);
    std::fflush(stdout);
    ui::EventLoopProbe *probe = window.latencyProbe();
    reportBlocks(probe, QStringLiteral("start and first snapshots"));
    for (int waited = 0; waited < warmUp; waited += 10) {
        test::runFor(std::min(10, warmUp - waited) * 1000);
        reportBlocks(probe,
                     QStringLiteral("sample data, %1 s").arg(std::min(waited + 10, warmUp)));
    }
    ui::ClusterView *view = window.clusterView(sandbox);

    int failures = 0;
    for (const auto theme : {core::AppSettings::Theme::Light, core::AppSettings::Theme::Dark}) {
        ui::Theme::apply(theme);
        test::runFor(500);
        reportBlocks(probe, QStringLiteral("theme ") + core::AppSettings::themeKey(theme));
        const QString suffix =
            QLatin1Char('-') + core::AppSettings::themeKey(theme) + QStringLiteral(".png");
        const auto shot = [&](const QString &name, QWidget *w = nullptr) {
            failures += !save(w ? w : &window, out + QLatin1Char('/') + name + suffix, probe);
        };
        // Lets the app run, reports the phase's longest block under the shot's name, shoots.
        const auto settledShot = [&](const QString &name, int settleMs, QWidget *w = nullptr) {
            test::runFor(settleMs);
            reportBlocks(probe, name + suffix.chopped(4));
            shot(name, w);
        };
        window.showCluster(sandbox);
        for (const QString &key : {QStringLiteral("overview"), QStringLiteral("brokers"),
                                   QStringLiteral("topics"), QStringLiteral("groups")}) {
            QElapsedTimer t;
            t.start();
            view->setCurrentPage(key);
            const qint64 switched = t.restart();
            view->currentClusterPage()->refresh();
            const qint64 refreshed = t.restart();
            window.repaint();
            const qint64 painted = t.restart();
            std::printf("  %s: switch %lld ms, refresh %lld ms, paint %lld ms\n", qPrintable(key),
                        static_cast<long long>(switched), static_cast<long long>(refreshed),
                        static_cast<long long>(painted));
            settledShot(key, 1500);
        }
        view->openTopic(QStringLiteral("orders"));
        settledShot(QStringLiteral("topic-detail"), 1500);
        view->topicsPage()->showList();
        view->topicsPage()->filterEdit()->setText(QStringLiteral("pay"));
        shot(QStringLiteral("topics-filtered"));
        view->topicsPage()->filterEdit()->clear();
        view->openGroup(QStringLiteral("order-fulfilment"));
        settledShot(QStringLiteral("group-detail"), 1500);
        view->groupsPage()->showList();

        view->setCurrentPage(QStringLiteral("topics"));
        QSignalSpy opened(view->topicsPage(), &ui::TopicsPage::configEditorOpened);
        view->topicsPage()->editConfigs(QStringLiteral("orders"));
        if (test::runUntil([&] { return opened.count() > 0; }, 10000)) {
            auto *editor = opened.at(0).at(0).value<ui::ConfigEditorDialog *>();
            editor->model()->setValue(QStringLiteral("retention.ms"), QStringLiteral("3600000"));
            settledShot(QStringLiteral("config-editor"), 300, editor);
            editor->review();
            settledShot(QStringLiteral("config-review"), 300, editor);
            editor->reject();
        } else {
            ++failures;
        }
        QDialog *create = view->topicsPage()->createTopic();
        create->findChild<QLineEdit *>(QStringLiteral("topicName"))
            ->setText(QStringLiteral("orders"));
        settledShot(QStringLiteral("create-topic"), 300, create);
        create->reject();
        QDialog *del = view->topicsPage()->deleteTopic(QStringLiteral("inventory-updates"));
        settledShot(QStringLiteral("delete-topic"), 300, del);
        del->reject();
        ui::JumpPalette *palette = window.showJumpPalette();
        QTest::keyClicks(palette->input(), QStringLiteral("or"));
        settledShot(QStringLiteral("jump-palette"), 300); // the window, with the palette over it
        palette->close();
        window.showWelcome();
        settledShot(QStringLiteral("welcome"), 300);
    }
    std::printf("phases with a UI block over %lld ms (screenshots excluded): %d\n",
                static_cast<long long>(ui::EventLoopProbe::budgetMs), overBudgetPhases);
    ws.sampleData()->stop();
    core::uninstallLogCapture();
    return failures == 0 ? 0 : 1;
}
