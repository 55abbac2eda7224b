// kastle-broker: command-line entry point. Wiring only; the broker lives in kastle_broker.
#include "brokerinfo.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("kastle-broker %.*s\n", static_cast<int>(kastle::broker::brokerVersion().size()),
                    kastle::broker::brokerVersion().data());
        return 0;
    }
    std::fprintf(stderr, "kastle-broker: not implemented yet\n");
    return 2;
}
