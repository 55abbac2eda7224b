// The kastle executable without a display: one clear line, non-zero exit, no QApplication.
#include "launchoptions.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

using kastle::core::LaunchOptions;
using kastle::core::SampleData;

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
    EXPECT_EQ(o.sampleRate, 0);
    char bogus[] = "--bogus";
    char *argv2[] = {prog, bogus, nullptr};
    EXPECT_EQ(LaunchOptions::parse(2, argv2).unknownArgument, QStringLiteral("--bogus"));
}

TEST(Launch, ParsesSampleDataFlag)
{
    char prog[] = "kastle";
    char plain[] = "--sample-data";
    char *argv[] = {prog, plain, nullptr};
    const LaunchOptions o = LaunchOptions::parse(2, argv);
    EXPECT_TRUE(o.startSandbox); // sample data needs the sandbox
    EXPECT_EQ(o.sampleRate, SampleData::defaultRate);
    EXPECT_TRUE(o.badValue.isEmpty());

    char rated[] = "--sample-data=750";
    char *argv2[] = {prog, rated, nullptr};
    EXPECT_EQ(LaunchOptions::parse(2, argv2).sampleRate, 750);

    for (const char *bad : {"--sample-data=0", "--sample-data=fast", "--sample-data=",
                            "--sample-data=20001"}) {
        std::string arg = bad;
        char *argv3[] = {prog, arg.data(), nullptr};
        const LaunchOptions b = LaunchOptions::parse(2, argv3);
        EXPECT_EQ(b.sampleRate, 0) << bad;
        EXPECT_FALSE(b.startSandbox) << bad;
        EXPECT_TRUE(b.badValue.contains(QStringLiteral("--sample-data"))) << bad;
    }
}

TEST(Launch, BadSampleRateIsRefusedWithOneLine)
{
    const ProcessRun run = runWithoutDisplay({QStringLiteral("--sample-data=lots")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.startsWith(QStringLiteral("kastle: --sample-data: the rate must be")))
        << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("\"lots\""))) << run.err.toStdString();
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
bool startKastleWithSandbox(QProcess &kastle, const QTemporaryDir &home,
                            const QStringList &args = {QStringLiteral("--sandbox")})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    kastle.setProcessEnvironment(env);
    kastle.setProcessChannelMode(QProcess::MergedChannels);
    kastle.start(kastle::test::binDir() + QStringLiteral("/kastle"), args);
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

// `kastle --sample-data=RATE` starts the sandbox and its sample data without a click: the
// producer's messages reach the broker's log files in the private data folder.
TEST(Launch, SampleDataFlagLoadsSampleDataIntoTheSandbox)
{
    QTemporaryDir home;
    QProcess kastle;
    ASSERT_TRUE(startKastleWithSandbox(kastle, home, {QStringLiteral("--sample-data=100")}))
        << kastle.readAll().toStdString();
    const auto ordersBytes = [&] {
        qint64 bytes = 0;
        QDirIterator it(home.path(), {QStringLiteral("*.log")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo f(it.next());
            if (f.dir().dirName().startsWith(QStringLiteral("orders-")))
                bytes += f.size();
        }
        return bytes;
    };
    EXPECT_TRUE(QTest::qWaitFor([&] { return ordersBytes() > 0; }, 30000))
        << "no sample orders reached the sandbox";
    kastle.terminate();
    ASSERT_TRUE(kastle.waitForFinished(15000));
    EXPECT_EQ(kastle.exitCode(), 0);
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
