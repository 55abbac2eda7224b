// Command-line parsing and the display check of the kastle executable.
#include "launchoptions.h"
#include "kafka/rdkafkaconfig.h"

#include <QtGlobal>

#include <cstring>

namespace kastle::core {

LaunchOptions LaunchOptions::parse(int argc, char **argv)
{
    LaunchOptions o;
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--sandbox") == 0)
            o.startSandbox = true;
        else if (std::strcmp(a, "--sample-data") == 0) {
            o.startSandbox = true;
            o.sampleRate = SampleData::defaultRate;
        } else if (std::strncmp(a, "--sample-data=", 14) == 0) {
            const QString value = QString::fromLocal8Bit(a + 14);
            bool ok = false;
            const int rate = value.toInt(&ok);
            if (ok && rate >= 1 && rate <= SampleData::maxRate) {
                o.startSandbox = true;
                o.sampleRate = rate;
            } else if (o.badValue.isEmpty()) {
                o.badValue = QStringLiteral("--sample-data: the rate must be a whole number of "
                                            "messages per second from 1 to %1, not \"%2\"")
                                 .arg(SampleData::maxRate)
                                 .arg(value);
            }
        }
        else if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0)
            o.showHelp = true;
        else if (std::strcmp(a, "--version") == 0)
            o.showVersion = true;
        else if (std::strncmp(a, "-platform", 9) == 0 || std::strncmp(a, "-style", 6) == 0)
            ++i; // Qt's own options take a value
        else if (o.unknownArgument.isEmpty() && a[0] == '-' && a[1] == '-')
            o.unknownArgument = QString::fromLocal8Bit(a);
    }
    return o;
}

QString LaunchOptions::usage()
{
    return QStringLiteral("Usage: kastle [--sandbox] [--sample-data[=RATE]] [--version] [--help]\n"
                          "  --sandbox             start the local sandbox cluster at launch\n"
                          "  --sample-data[=RATE]  start the sandbox and load its sample data,\n"
                          "                        producing RATE messages/s (default %1)\n"
                          "  --version             print the versions of Kastle, Qt and "
                          "librdkafka\n")
        .arg(SampleData::defaultRate);
}

bool LaunchOptions::displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

QString LaunchOptions::noDisplayMessage()
{
    return QStringLiteral("kastle: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                          "start Kastle in a graphical session, or set QT_QPA_PLATFORM.");
}

VersionInfo VersionInfo::current()
{
    return {QStringLiteral(KASTLE_VERSION), QString::fromLatin1(qVersion()),
            QStringLiteral(QT_VERSION_STR), librdkafkaVersion()};
}

} // namespace kastle::core
