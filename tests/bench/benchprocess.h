// kastle-bench's server processes: the real kastle-broker and librdkafka's mock cluster, each a
// child process that prints "ready bootstrap=HOST:PORT" on stdout once it accepts connections.
// The bench measures the time to that line and the child's CPU time (utime + stime of
// /proc/<pid>/stat, all its threads), and stops it with SIGTERM.
//
// The mock runs in `kastle-bench --serve-mock TOPIC:PARTITIONS...`: serveMock() below creates
// a one-broker rd_kafka_mock_cluster with those topics, prints its ready line and waits for
// SIGTERM, so it is measured as a process of its own exactly like kastle-broker.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace kastle::bench {

class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Runs argv (argv[0] a path) with stderr going to `logPath` and waits for the ready line.
    // Returns false (and `error()` says why) when the child exits or stays silent.
    bool start(const std::vector<std::string> &argv, const std::string &logPath,
               int timeoutMs = 30000);
    // SIGTERM, then waits for the exit (SIGKILL after `timeoutMs`). Returns the exit status
    // as waitpid() gave it, -1 when nothing ran.
    int stop(int timeoutMs = 30000);
    // SIGKILL (an unclean shutdown).
    void kill();

    const std::string &bootstrap() const { return m_bootstrap; }
    const std::string &error() const { return m_error; }
    pid_t pid() const { return m_pid; }
    // Seconds from fork() to the ready line read by this process.
    double readySeconds() const { return m_readySeconds; }
    // CPU seconds the child has used so far (user + system, every thread).
    double cpuSeconds() const;

private:
    pid_t m_pid = -1;
    int m_stdoutFd = -1;
    std::string m_bootstrap;
    std::string m_error;
    double m_readySeconds = 0;
};

// The body of `kastle-bench --serve-mock TOPIC:PARTITIONS...`. Returns the exit code.
int serveMock(const std::vector<std::string> &topics);

// Load average as /proc/loadavg prints it (first three fields).
std::string loadAverage();

} // namespace kastle::bench
