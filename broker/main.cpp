// kastle-broker: command-line entry point. Wiring only; the broker lives in kastle_broker.
#include "brokerinfo.h"
#include "brokerprocess.h"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    using namespace kastle::broker;
    const CommandLine cl = parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    hideCommandLinePasswords(argc, argv);
    switch (cl.action) {
    case CommandLine::Action::Help:
        std::fputs(usageText().c_str(), stdout);
        return 0;
    case CommandLine::Action::Version:
        std::printf("kastle-broker %.*s\n", static_cast<int>(brokerVersion().size()),
                    brokerVersion().data());
        return 0;
    case CommandLine::Action::Error:
        std::fprintf(stderr, "kastle-broker: %s\n%s", cl.error.c_str(), usageText().c_str());
        return 2;
    case CommandLine::Action::Run:
        break;
    }
    return runBrokerProcess(cl.options);
}
