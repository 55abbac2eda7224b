// The kastle-broker process around a LocalCluster: signal handling, the ready line, exit codes.
#pragma once

#include "config/commandline.h"

namespace kastle::broker {

// Runs until SIGINT or SIGTERM. Prints exactly one line "ready bootstrap=HOST:PORT" on stdout
// (flushed) once every listener accepts connections. Returns the process exit code: 0 after a
// clean shutdown, 1 when the brokers could not start (with the reason on stderr).
int runBrokerProcess(const ProcessOptions &options);

} // namespace kastle::broker
