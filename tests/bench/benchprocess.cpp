// kastle-bench's child processes (kastle-broker, the mock cluster) and the mock's own main.
#include "benchprocess.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace kastle::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kReadyPrefix = "ready bootstrap=";

} // namespace

ServerProcess::~ServerProcess()
{
    if (m_pid > 0)
        stop(5000);
}

bool ServerProcess::start(const std::vector<std::string> &argv, const std::string &logPath,
                          int timeoutMs)
{
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        m_error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    std::vector<char *> args;
    for (const auto &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);

    const auto started = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        m_error = std::string("fork: ") + std::strerror(errno);
        return false;
    }
    if (pid == 0) {
        // A bench that dies takes its servers with it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        ::dup2(out[1], STDOUT_FILENO);
        const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (log >= 0)
            ::dup2(log, STDERR_FILENO);
        ::execv(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        ::_exit(127);
    }
    ::close(out[1]);
    m_pid = pid;
    m_stdoutFd = out[0];

    std::string text;
    const auto deadline = started + std::chrono::milliseconds(timeoutMs);
    while (true) {
        if (const auto nl = text.find('\n'); nl != std::string::npos) {
            const std::string line = text.substr(0, nl);
            if (line.rfind(kReadyPrefix, 0) == 0) {
                m_readySeconds = std::chrono::duration<double>(Clock::now() - started).count();
                m_bootstrap = line.substr(kReadyPrefix.size());
                return true;
            }
            text.erase(0, nl + 1);
            continue;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            m_error = "no ready line within " + std::to_string(timeoutMs) + " ms";
            break;
        }
        pollfd p{m_stdoutFd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
            continue;
        char buf[512];
        const ssize_t n = ::read(m_stdoutFd, buf, sizeof buf);
        if (n <= 0) {
            m_error = "exited before its ready line (see " + logPath + ")";
            break;
        }
        text.append(buf, static_cast<size_t>(n));
    }
    stop(1000);
    return false;
}

int ServerProcess::stop(int timeoutMs)
{
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, SIGTERM);
    int status = -1;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (::waitpid(m_pid, &status, WNOHANG) == 0) {
        if (Clock::now() > deadline) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    m_pid = -1;
    if (m_stdoutFd >= 0)
        ::close(m_stdoutFd);
    m_stdoutFd = -1;
    return status;
}

void ServerProcess::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
    m_pid = -1;
    if (m_stdoutFd >= 0)
        ::close(m_stdoutFd);
    m_stdoutFd = -1;
}

double ServerProcess::cpuSeconds() const
{
    if (m_pid <= 0)
        return 0;
    const std::string path = "/proc/" + std::to_string(m_pid) + "/stat";
    FILE *f = std::fopen(path.c_str(), "r");
    if (!f)
        return 0;
    char buf[1024];
    const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = 0;
    // Fields after the command name (which may hold spaces, so start after its ')'):
    // 3 state ... 14 utime, 15 stime, in clock ticks.
    const char *p = std::strrchr(buf, ')');
    if (!p)
        return 0;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
                    &stime) != 2)
        return 0;
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

int serveMock(const std::vector<std::string> &topics)
{
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr); // before librdkafka starts its threads

    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk) {
        std::fprintf(stderr, "serve-mock: %s\n", err);
        return 1;
    }
    rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, 1);
    if (!cluster) {
        std::fprintf(stderr, "serve-mock: rd_kafka_mock_cluster_new failed\n");
        rd_kafka_destroy(rk);
        return 1;
    }
    for (const auto &t : topics) {
        const auto colon = t.rfind(':');
        const std::string name = t.substr(0, colon);
        const int partitions = colon == std::string::npos ? 1 : std::atoi(t.c_str() + colon + 1);
        if (rd_kafka_mock_topic_create(cluster, name.c_str(), partitions, 1)) {
            std::fprintf(stderr, "serve-mock: cannot create %s\n", t.c_str());
            return 1;
        }
    }
    std::printf("ready bootstrap=%s\n", rd_kafka_mock_cluster_bootstraps(cluster));
    std::fflush(stdout);
    int signal = 0;
    sigwait(&stop, &signal);
    rd_kafka_mock_cluster_destroy(cluster);
    rd_kafka_destroy(rk);
    return 0;
}

std::string loadAverage()
{
    FILE *f = std::fopen("/proc/loadavg", "r");
    if (!f)
        return "?";
    char a[32], b[32], c[32];
    std::string out = "?";
    if (std::fscanf(f, "%31s %31s %31s", a, b, c) == 3)
        out = std::string(a) + " " + b + " " + c;
    std::fclose(f);
    return out;
}

} // namespace kastle::bench
