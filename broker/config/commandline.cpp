// Command-line parsing of kastle-broker.
#include "commandline.h"

#include "configvalue.h"

#include <cstring>
#include <optional>
#include <string_view>

namespace kastle::broker {

std::string usageText()
{
    return "usage: kastle-broker --data-dir DIR [--host HOST] [--port N|0] [--brokers N]\n"
           "                     [--auto-create-topics true|false] [--num-partitions N]\n"
           "                     [--log-level debug|info|warn|error|off]\n"
           "                     [--config KEY=VALUE]...\n" +
           securityUsage() +
           "       kastle-broker --version | --help\n"
           "\n"
           "Runs a Kafka-compatible broker on HOST:PORT (default 127.0.0.1:9092; port 0 picks a\n"
           "free one) with its data in DIR. Prints \"ready bootstrap=HOST:PORT\" on stdout once "
           "it\n"
           "accepts connections, logs to stderr, and stops cleanly on SIGINT or SIGTERM.\n";
}

CommandLine parseCommandLine(const std::vector<std::string> &args)
{
    CommandLine cl;
    auto fail = [&cl](std::string message) {
        cl.action = CommandLine::Action::Error;
        cl.error = std::move(message);
        return cl;
    };
    ProcessOptions &o = cl.options;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> value;
        if (const auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (name == "--help" || name == "-h") {
            cl.action = CommandLine::Action::Help;
            return cl;
        }
        if (name == "--version") {
            cl.action = CommandLine::Action::Version;
            return cl;
        }
        static constexpr const char *kWithValue[] = {
            "--data-dir",           "--host",           "--port",     "--brokers",
            "--auto-create-topics", "--num-partitions", "--log-level"};
        bool known = name == "--config" || isSecurityOption(name);
        for (const char *k : kWithValue)
            known = known || name == k;
        if (!known)
            return fail("unknown option " + name);
        if (!value) {
            if (i + 1 >= args.size())
                return fail(name + " needs a value");
            value = args[++i];
        }
        const std::string &v = *value;
        if (isSecurityOption(name)) {
            std::string error;
            if (!applySecurityOption(name, *value, o.security, error))
                return fail(error);
        } else if (name == "--config") {
            const size_t eq = v.find('=');
            if (eq == std::string::npos || eq == 0)
                return fail("--config needs KEY=VALUE, not \"" + v + "\"");
            o.configs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else if (name == "--data-dir") {
            if (v.empty())
                return fail("--data-dir needs a directory");
            o.dataDir = v;
        } else if (name == "--host") {
            if (v.empty())
                return fail("--host needs an address");
            o.host = v;
        } else if (name == "--port") {
            const auto port = parseConfigLong(v);
            if (!port || *port < 0 || *port > 65535)
                return fail("--port must be a number from 0 to 65535, not \"" + v + "\"");
            o.port = static_cast<uint16_t>(*port);
        } else if (name == "--brokers") {
            const auto n = parseConfigLong(v);
            if (!n || *n < 1)
                return fail("--brokers must be a positive number, not \"" + v + "\"");
            if (*n != 1)
                return fail("--brokers " + v +
                            ": this kastle-broker runs one broker per process (only --brokers 1)");
            o.brokers = static_cast<int>(*n);
        } else if (name == "--auto-create-topics") {
            const auto b = parseConfigBool(v);
            if (!b)
                return fail("--auto-create-topics must be true or false, not \"" + v + "\"");
            o.autoCreateTopics = *b;
        } else if (name == "--num-partitions") {
            const auto n = parseConfigLong(v);
            if (!n || *n < 1 || *n > 100000)
                return fail("--num-partitions must be a number from 1 to 100000, not \"" + v +
                            "\"");
            o.numPartitions = static_cast<int32_t>(*n);
        } else if (name == "--log-level") {
            if (!parseLogLevel(v, o.logLevel))
                return fail("--log-level must be debug, info, warn, error or off, not \"" + v +
                            "\"");
        }
    }
    if (o.dataDir.empty())
        return fail("--data-dir is required");
    cl.action = CommandLine::Action::Run;
    return cl;
}

void hideCommandLinePasswords(int argc, char **argv)
{
    auto hide = [](char *value) {
        if (char *colon = std::strchr(value, ':'))
            for (char *c = colon + 1; *c != '\0'; ++c)
                *c = 'x';
    };
    constexpr std::string_view kOption = "--sasl-user";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == kOption) {
            if (i + 1 < argc)
                hide(argv[++i]);
        } else if (arg.starts_with(kOption) && arg.size() > kOption.size() &&
                   arg[kOption.size()] == '=') {
            hide(argv[i] + kOption.size() + 1);
        }
    }
}

} // namespace kastle::broker
