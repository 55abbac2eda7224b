// The kastle-broker command line, parsed into options (in the library so tests can check it):
//
//   kastle-broker --data-dir DIR [--host 127.0.0.1] [--port N|0] [--brokers N]
//                 [--auto-create-topics true|false] [--num-partitions N] [--log-level L]
//                 [--config KEY=VALUE]... [listener and security options]
//
// --config sets any broker setting BrokerConfig knows (offsets.retention.minutes,
// group.initial.rebalance.delay.ms, ...). The listener and security options (--listener,
// --sasl-user, --ssl-cert, ...) are described in security/securityoptions.h.
//
// Options take their value as the next argument or after '=' (--port=0). --brokers is
// accepted for the multi-broker process to come; only 1 is allowed for now.
#pragma once

#include "log.h"
#include "security/securityoptions.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kastle::broker {

struct ProcessOptions
{
    std::string dataDir;
    std::string host = "127.0.0.1";
    uint16_t port = 9092; // 0 picks a free port
    int brokers = 1;
    bool autoCreateTopics = true;
    int32_t numPartitions = 1;
    LogLevel logLevel = LogLevel::Info;
    std::vector<std::pair<std::string, std::string>> configs; // --config, in order
    SecurityOptions security;
};

struct CommandLine
{
    enum class Action { Run, Help, Version, Error };
    Action action = Action::Error;
    ProcessOptions options;
    std::string error; // for Action::Error: what was wrong, one sentence
};

CommandLine parseCommandLine(const std::vector<std::string> &args); // without argv[0]
std::string usageText();

// Overwrites in place, with 'x's, the password of every --sasl-user NAME:PASSWORD in argv (both
// the spaced and the = form), so that ps and /proc/<pid>/cmdline no longer show it. Call once
// the arguments have been copied for parseCommandLine.
void hideCommandLinePasswords(int argc, char **argv);

} // namespace kastle::broker
