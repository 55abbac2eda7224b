// What `kastle` was asked to do on the command line, and whether a display is there at all.
// Parsed before the QApplication exists, so nothing here may need one.
#pragma once

#include "sandbox/sampledata.h"

#include <QString>

namespace kastle::core {

struct LaunchOptions
{
    bool startSandbox = false; // --sandbox (also implied by --sample-data)
    int sampleRate = 0;        // --sample-data[=RATE]: messages/s once the sandbox runs; 0 = off
    bool showHelp = false;     // --help / -h
    bool showVersion = false;  // --version
    QString unknownArgument;   // the first argument we do not understand
    QString badValue;          // a known option with a value we cannot use, said as a sentence

    static LaunchOptions parse(int argc, char **argv);
    static QString usage();
    // A display is available when DISPLAY or WAYLAND_DISPLAY is set, or the user chose a Qt
    // platform explicitly (QT_QPA_PLATFORM, for example offscreen or vnc).
    static bool displayAvailable();
    static QString noDisplayMessage();
};

// "Kastle 0.1.0, Qt 6.4.2, librdkafka 2.0.2"
struct VersionInfo
{
    QString kastle;
    QString qtRuntime;
    QString qtBuild;
    QString librdkafka;
    static VersionInfo current();
};

} // namespace kastle::core
