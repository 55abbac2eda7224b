// Child processes for the compat tests: run a command with input and a time limit, and run the
// real kastle-broker executable over a data directory (start, wait for its ready line, stop with
// SIGTERM, kill with SIGKILL, start again on the same data).
#pragma once

#include <string>
#include <vector>

namespace kastle::testing {

struct RunResult
{
    int exitCode = -1; // 128 + signal when killed by one
    bool timedOut = false;
    std::string out;
    std::string err;
};

// Runs argv[0] (looked up in PATH) with `input` on stdin. Kills it after `timeoutMs`.
RunResult runCommand(const std::vector<std::string> &argv, const std::string &input = {},
                     int timeoutMs = 60000);

class BrokerProcess
{
public:
    // `dataDir` must exist or be creatable; stderr goes to "<dataDir>.log" (outside the data
    // directory, which the broker owns).
    explicit BrokerProcess(std::string dataDir, std::vector<std::string> extraArgs = {});
    ~BrokerProcess();
    BrokerProcess(const BrokerProcess &) = delete;
    BrokerProcess &operator=(const BrokerProcess &) = delete;

    // Starts the broker and waits for "ready bootstrap=HOST:PORT". False when it exited or
    // stayed silent; `log()` then says why.
    bool start(int timeoutMs = 30000);
    // Sends `signal` and waits for the exit; returns the exit code (128 + signal if killed).
    int stop(int signal, int timeoutMs = 30000);
    int kill() { return stop(9); }
    bool isRunning() const { return m_pid > 0; }
    int pid() const { return m_pid; }

    const std::string &bootstrap() const { return m_bootstrap; }
    const std::string &dataDir() const { return m_dataDir; }
    // Everything the broker printed on stdout (the ready line and anything after it).
    const std::string &stdoutText() const { return m_stdout; }
    // The broker's stderr log, all runs.
    std::string log() const;

private:
    std::string m_dataDir;
    std::vector<std::string> m_extraArgs;
    int m_pid = -1;
    int m_stdoutFd = -1;
    std::string m_stdout;
    std::string m_bootstrap;
};

} // namespace kastle::testing
