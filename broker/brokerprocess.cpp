// kastle-broker's run: block the stop signals, start, print the ready line, wait, shut down.
#include "brokerprocess.h"

#include "localcluster.h"

#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace kastle::broker {

int runBrokerProcess(const ProcessOptions &options)
{
    setLogLevel(options.logLevel);

    // Blocked before any thread starts, so every thread inherits the mask and sigwait below is
    // the only place SIGINT/SIGTERM are seen.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    ClusterOptions clusterOptions;
    clusterOptions.dataDir = options.dataDir;
    clusterOptions.host = options.host;
    clusterOptions.port = options.port;
    clusterOptions.brokers = options.brokers;
    std::string error;
    if (!clusterOptions.config.set("auto.create.topics.enable",
                                   options.autoCreateTopics ? "true" : "false", &error) ||
        !clusterOptions.config.set("num.partitions", std::to_string(options.numPartitions),
                                   &error)) {
        std::fprintf(stderr, "kastle-broker: %s\n", error.c_str());
        return 2;
    }
    for (const auto &[key, value] : options.configs) {
        if (!clusterOptions.config.set(key, value, &error)) {
            std::fprintf(stderr, "kastle-broker: --config %s\n", error.c_str());
            return 2;
        }
    }
    clusterOptions.security = options.security;

    LocalCluster cluster(std::move(clusterOptions));
    error = cluster.start();
    if (!error.empty()) {
        std::fprintf(stderr, "kastle-broker: cannot start: %s\n", error.c_str());
        return 1;
    }
    std::printf("ready bootstrap=%s\n", cluster.bootstrap().c_str());
    std::fflush(stdout);

    int signal = 0;
    sigwait(&stopSignals, &signal);
    KLOG_INFO("broker", std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
    cluster.stop();
    return 0;
}

} // namespace kastle::broker
