// The broker's log: one line per event on stderr, "TIME LEVEL [component] message".
// stdout is reserved for the ready line and the control channel.
#pragma once

#include <string>
#include <string_view>

namespace kastle::broker {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

void setLogLevel(LogLevel level);
LogLevel logLevel();
// Parses "debug", "info", "warn", "error", "off"; returns false for anything else.
bool parseLogLevel(std::string_view text, LogLevel &out);

void logLine(LogLevel level, std::string_view component, std::string_view message);

inline bool logEnabled(LogLevel level)
{
    return level >= logLevel();
}

} // namespace kastle::broker

#define KLOG(level, component, message)                                                            \
    do {                                                                                           \
        if (::kastle::broker::logEnabled(level))                                                   \
            ::kastle::broker::logLine(level, component, message);                                  \
    } while (false)
#define KLOG_DEBUG(component, message) KLOG(::kastle::broker::LogLevel::Debug, component, message)
#define KLOG_INFO(component, message) KLOG(::kastle::broker::LogLevel::Info, component, message)
#define KLOG_WARN(component, message) KLOG(::kastle::broker::LogLevel::Warn, component, message)
#define KLOG_ERROR(component, message) KLOG(::kastle::broker::LogLevel::Error, component, message)
