// The kastle executable without a display: one clear line, non-zero exit, no QApplication.
#include "launchoptions.h"
#include "testhelpers.h"

#include <QProcess>
#include <QProcessEnvironment>

using kastle::core::LaunchOptions;

namespace {

// Runs the built kastle executable with every display variable removed.
struct ProcessRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ProcessRun runWithoutDisplay(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    QProcess kastle;
    kastle.setProcessEnvironment(env);
    kastle.start(kastle::test::binDir() + QStringLiteral("/kastle"), args);
    ProcessRun run;
    if (!kastle.waitForFinished(20000) || kastle.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = kastle.exitCode();
    run.out = QString::fromLocal8Bit(kastle.readAllStandardOutput()).trimmed();
    run.err = QString::fromLocal8Bit(kastle.readAllStandardError()).trimmed();
    return run;
}

} // namespace

TEST(Launch, WithoutDisplayPrintsOneLineAndFails)
{
    const ProcessRun run = runWithoutDisplay({QStringLiteral("--sandbox")});
    EXPECT_GT(run.exitCode, 0); // exited by itself, with an error code
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("no display"))) << run.err.toStdString();
}

TEST(Launch, VersionNeedsNoDisplay)
{
    const ProcessRun run = runWithoutDisplay({QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.contains(QStringLiteral("librdkafka 2."))) << run.out.toStdString();
}

TEST(Launch, ParsesSandboxFlag)
{
    char prog[] = "kastle";
    char sandbox[] = "--sandbox";
    char *argv[] = {prog, sandbox, nullptr};
    const LaunchOptions o = LaunchOptions::parse(2, argv);
    EXPECT_TRUE(o.startSandbox);
    EXPECT_TRUE(o.unknownArgument.isEmpty());
    char bogus[] = "--bogus";
    char *argv2[] = {prog, bogus, nullptr};
    EXPECT_EQ(LaunchOptions::parse(2, argv2).unknownArgument, QStringLiteral("--bogus"));
}
