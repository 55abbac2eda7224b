// The broker's stderr log.
#include "log.h"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <sys/time.h>

namespace kastle::broker {

namespace {
std::atomic<LogLevel> g_level{LogLevel::Info};
std::mutex g_mutex;
constexpr const char *kNames[] = {"DEBUG", "INFO", "WARN", "ERROR", "OFF"};
} // namespace

void setLogLevel(LogLevel level)
{
    g_level = level;
}
LogLevel logLevel()
{
    return g_level;
}

bool parseLogLevel(std::string_view text, LogLevel &out)
{
    static constexpr std::pair<std::string_view, LogLevel> kLevels[] = {{"debug", LogLevel::Debug},
                                                                        {"info", LogLevel::Info},
                                                                        {"warn", LogLevel::Warn},
                                                                        {"error", LogLevel::Error},
                                                                        {"off", LogLevel::Off}};
    for (const auto &[name, level] : kLevels) {
        if (text == name) {
            out = level;
            return true;
        }
    }
    return false;
}

void logLine(LogLevel level, std::string_view component, std::string_view message)
{
    timeval tv{};
    gettimeofday(&tv, nullptr);
    tm local{};
    localtime_r(&tv.tv_sec, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
    std::lock_guard lock(g_mutex);
    std::fprintf(stderr, "%s.%03d %-5s [%.*s] %.*s\n", stamp, static_cast<int>(tv.tv_usec / 1000),
                 kNames[static_cast<int>(level)], static_cast<int>(component.size()),
                 component.data(), static_cast<int>(message.size()), message.data());
    std::fflush(stderr);
}

} // namespace kastle::broker
