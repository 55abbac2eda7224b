// The kastle executable without a display: one clear line, non-zero exit, no QApplication.
#include "launchoptions.h"
#include "testhelpers.h"

#include <QDir>
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

namespace {

// Process ids whose command line mentions `needle` (the sandbox's unique data directory).
QList<qint64> processesMentioning(const QString &needle)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QByteArray cmdline = kastle::test::readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
        cmdline.replace('\0', ' ');
        if (cmdline.contains(needle.toUtf8()) && kastle::test::processAlive(pid))
            pids.append(pid);
    }
    return pids;
}

// Starts `kastle --sandbox` offscreen on a private data folder and waits for the sandbox.
bool startKastleWithSandbox(QProcess &kastle, const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    kastle.setProcessEnvironment(env);
    kastle.setProcessChannelMode(QProcess::MergedChannels);
    kastle.start(kastle::test::binDir() + QStringLiteral("/kastle"), {QStringLiteral("--sandbox")});
    QByteArray seen;
    return QTest::qWaitFor(
        [&] {
            seen += kastle.readAll();
            return seen.contains("The sandbox is running at");
        },
        30000);
}

} // namespace

TEST(Launch, TerminatedKastleStopsItsSandboxBroker)
{
    QTemporaryDir home;
    QProcess kastle;
    ASSERT_TRUE(startKastleWithSandbox(kastle, home)) << kastle.readAll().toStdString();
    const QList<qint64> brokers = processesMentioning(home.path());
    ASSERT_EQ(brokers.size(), 1); // the broker (kastle itself got no path on its command line)
    kastle.terminate();           // SIGTERM, as a session logout sends it
    ASSERT_TRUE(kastle.waitForFinished(15000));
    EXPECT_EQ(kastle.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(kastle.exitCode(), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return processesMentioning(home.path()).isEmpty(); }, 10000))
        << "the sandbox broker outlived kastle";
}

TEST(Launch, KilledKastleDoesNotLeaveItsSandboxBroker)
{
    QTemporaryDir home;
    QProcess kastle;
    ASSERT_TRUE(startKastleWithSandbox(kastle, home)) << kastle.readAll().toStdString();
    ASSERT_EQ(processesMentioning(home.path()).size(), 1);
    kastle.kill(); // SIGKILL: no destructor runs; the kernel tells the broker (PDEATHSIG)
    ASSERT_TRUE(kastle.waitForFinished(15000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return processesMentioning(home.path()).isEmpty(); }, 10000))
        << "the sandbox broker outlived a killed kastle";
}
