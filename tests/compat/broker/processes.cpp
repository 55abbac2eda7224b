// Child processes for the compat tests.
#include "processes.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace kastle::testing {

namespace {

using Clock = std::chrono::steady_clock;

int remainingMs(Clock::time_point deadline)
{
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

int exitCodeOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

// Waits for `pid` until the deadline; kills it when the deadline passes.
int waitFor(int pid, Clock::time_point deadline, bool *timedOut)
{
    int status = 0;
    while (true) {
        const int r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return exitCodeOf(status);
        if (r < 0 && errno != EINTR)
            return -1;
        if (Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            if (timedOut)
                *timedOut = true;
            return exitCodeOf(status);
        }
        ::usleep(5000);
    }
}

std::vector<char *> cArgs(const std::vector<std::string> &argv)
{
    std::vector<char *> out;
    for (const auto &a : argv)
        out.push_back(const_cast<char *>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

} // namespace

RunResult runCommand(const std::vector<std::string> &argv, const std::string &input, int timeoutMs)
{
    RunResult result;
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC))
        return result;
    const auto args = cArgs(argv);
    const int pid = ::fork();
    if (pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    size_t written = 0;
    if (input.empty()) {
        ::close(in[1]);
        in[1] = -1;
    }
    ::fcntl(out[0], F_SETFL, O_NONBLOCK);
    ::fcntl(err[0], F_SETFL, O_NONBLOCK);
    bool outOpen = true, errOpen = true;
    while ((outOpen || errOpen) && Clock::now() < deadline) {
        pollfd fds[3] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}, {in[1], POLLOUT, 0}};
        const int n = ::poll(fds, in[1] >= 0 ? 3 : 2, std::min(remainingMs(deadline), 100));
        if (n < 0 && errno != EINTR)
            break;
        char buf[65536];
        for (int i = 0; i < 2; ++i) {
            bool &open = i == 0 ? outOpen : errOpen;
            std::string &sink = i == 0 ? result.out : result.err;
            if (!open || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0)
                sink.append(buf, static_cast<size_t>(got));
            else if (got == 0 || errno != EAGAIN)
                open = false;
        }
        if (in[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR))) {
            const ssize_t w = ::write(in[1], input.data() + written, input.size() - written);
            if (w > 0)
                written += static_cast<size_t>(w);
            if (w < 0 || written == input.size()) {
                ::close(in[1]);
                in[1] = -1;
            }
        }
    }
    if (in[1] >= 0)
        ::close(in[1]);
    ::close(out[0]);
    ::close(err[0]);
    result.exitCode = waitFor(pid, deadline, &result.timedOut);
    return result;
}

BrokerProcess::BrokerProcess(std::string dataDir, std::vector<std::string> extraArgs)
    : m_dataDir(std::move(dataDir))
    , m_extraArgs(std::move(extraArgs))
{}

BrokerProcess::~BrokerProcess()
{
    if (m_pid > 0)
        stop(SIGKILL);
}

std::string BrokerProcess::log() const
{
    std::ifstream f(m_dataDir + ".log");
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

bool BrokerProcess::start(int timeoutMs)
{
    int out[2];
    if (::pipe2(out, O_CLOEXEC))
        return false;
    std::vector<std::string> argv = {KASTLE_BROKER_EXE, "--data-dir", m_dataDir, "--port", "0",
                                     "--log-level",     "info"};
    argv.insert(argv.end(), m_extraArgs.begin(), m_extraArgs.end());
    const auto args = cArgs(argv);
    const std::string logPath = m_dataDir + ".log";
    const int pid = ::fork();
    if (pid == 0) {
        const int logFd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(out[1], 1);
        if (logFd >= 0)
            ::dup2(logFd, 2);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(out[1]);
    m_pid = pid;
    m_stdoutFd = out[0];
    m_stdout.clear();
    m_bootstrap.clear();
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (Clock::now() < deadline) {
        pollfd p{m_stdoutFd, POLLIN, 0};
        if (::poll(&p, 1, std::min(remainingMs(deadline), 100)) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = ::read(m_stdoutFd, buf, sizeof buf);
        if (n <= 0)
            break; // exited before it was ready
        m_stdout.append(buf, static_cast<size_t>(n));
        const auto newline = m_stdout.find('\n');
        if (newline != std::string::npos) {
            const std::string line = m_stdout.substr(0, newline);
            const std::string prefix = "ready bootstrap=";
            if (line.rfind(prefix, 0) == 0) {
                m_bootstrap = line.substr(prefix.size());
                return true;
            }
            break;
        }
    }
    stop(SIGKILL);
    return false;
}

int BrokerProcess::stop(int signal, int timeoutMs)
{
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, signal);
    const int code = waitFor(m_pid, Clock::now() + std::chrono::milliseconds(timeoutMs), nullptr);
    m_pid = -1;
    // Whatever else the broker wrote on stdout (there should be nothing after the ready line).
    char buf[4096];
    ssize_t n;
    while ((n = ::read(m_stdoutFd, buf, sizeof buf)) > 0)
        m_stdout.append(buf, static_cast<size_t>(n));
    ::close(m_stdoutFd);
    m_stdoutFd = -1;
    return code;
}

} // namespace kastle::testing
