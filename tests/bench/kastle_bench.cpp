// kastle-bench: librdkafka clients against kastle-broker and against librdkafka's mock cluster,
// each server a process of its own, in the same run with the same client settings.
//
//   kastle-bench [--runs N] [--only small,large,latency,startup] [--servers kastle,mock]
//                [--work-dir DIR]
//                [--broker PATH] [--broker-config KEY=VALUE]... [--messages N]
//                [--partitions N] [--batches N,N...] [--large-messages N]
//                [--latency-seconds S] [--startup-dir DIR] [--startup-runs N]
//   kastle-bench --serve-mock TOPIC:PARTITIONS...   (the mock server; the bench starts it)
//
// Scenarios, every run starting both servers afresh (kastle on a new data directory on disk):
//   small    100-byte values, acks=1: produce --messages (default 1,000,000) into --partitions
//            (32) partitions, then consume them all from the beginning; then the same again
//            in batches of each of --batches records (10,100,1000) per batch.
//   large    10 KiB values, acks=1: produce --large-messages (100,000) into 4 partitions.
//   latency  100-byte values paced at 10,000 msgs/s for --latency-seconds (5), linger.ms=0.
//   startup  kastle only: time to the ready line on an empty directory, and on a directory
//            with 10,000 topics x 10 partitions (built once through CreateTopics, timed).
// Each figure is the median of --runs (3) runs with [min..max]; the servers alternate in
// which goes first. Broker CPU is user + system seconds of the server process during the
// scenario. MB are 10^6 bytes of record values.
#include "benchclients.h"
#include "benchprocess.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

using namespace kastle::bench;
namespace fs = std::filesystem;

namespace {

struct Options
{
    int runs = 3;
    std::set<std::string> only = {"small", "large", "latency", "startup"};
    std::set<std::string> servers = {"kastle", "mock"};
    std::string workDir = "kastle-bench-data";
    std::string broker;
    int64_t messages = 1000000;
    int partitions = 32;
    int64_t largeMessages = 100000;
    int largePartitions = 4;
    std::vector<int> recordsPerBatch = {10, 100, 1000};
    std::vector<std::string> brokerConfig; // KEY=VALUE settings passed to kastle-broker
    double latencySeconds = 5;
    double latencyRate = 10000;
    std::string startupDir;
    int startupRuns = 3;
};

struct Sample
{
    double msgsPerSec = 0;
    double mbPerSec = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double cpuSeconds = 0;
    double firstMs = 0;        // consume: assign() to the first message
    double clientCpuCores = 0; // consume: the client's CPU seconds per second
};

// scenario -> server -> one sample per run
using Results = std::map<std::string, std::map<std::string, std::vector<Sample>>>;

std::string batchesName(const char *verb, int records)
{
    return std::string(verb) + " 100 B, " + std::to_string(records) + "-record batches";
}

std::string batchesTopic(int records)
{
    return "bench-batches-" + std::to_string(records);
}

std::vector<std::string> scenarioOrder(const Options &o)
{
    std::vector<std::string> order = {"produce 100 B", "consume 100 B"};
    for (int records : o.recordsPerBatch) {
        order.push_back(batchesName("produce", records));
        order.push_back(batchesName("consume", records));
    }
    order.insert(order.end(), {"produce 10 KiB", "latency 10k/s"});
    return order;
}

std::string selfPath()
{
    return fs::read_symlink("/proc/self/exe").string();
}

std::set<std::string> splitList(const std::string &text)
{
    std::set<std::string> items;
    std::stringstream list(text);
    for (std::string item; std::getline(list, item, ',');)
        items.insert(item);
    return items;
}

bool parseOptions(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "kastle-bench: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--runs")
            o.runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--only")
            o.only = splitList(value());
        else if (a == "--servers")
            o.servers = splitList(value());
        else if (a == "--work-dir")
            o.workDir = value();
        else if (a == "--broker")
            o.broker = value();
        else if (a == "--messages")
            o.messages = std::atoll(value().c_str());
        else if (a == "--partitions")
            o.partitions = std::max(1, std::atoi(value().c_str()));
        else if (a == "--broker-config")
            o.brokerConfig.push_back(value());
        else if (a == "--batches") {
            o.recordsPerBatch.clear();
            for (const std::string &item : splitList(value()))
                o.recordsPerBatch.push_back(std::max(1, std::atoi(item.c_str())));
            std::sort(o.recordsPerBatch.begin(), o.recordsPerBatch.end());
        }
        else if (a == "--large-messages")
            o.largeMessages = std::atoll(value().c_str());
        else if (a == "--latency-seconds")
            o.latencySeconds = std::atof(value().c_str());
        else if (a == "--startup-dir")
            o.startupDir = value();
        else if (a == "--startup-runs")
            o.startupRuns = std::max(1, std::atoi(value().c_str()));
        else {
            std::fprintf(stderr, "kastle-bench: unknown option %s\n", a.c_str());
            return false;
        }
    }
    auto known = [](const std::set<std::string> &given, const std::set<std::string> &names,
                    const char *option) {
        for (const std::string &item : given)
            if (!names.count(item)) {
                std::fprintf(stderr, "kastle-bench: %s takes ", option);
                for (const std::string &name : names)
                    std::fprintf(stderr, "%s%s", name.c_str(), name == *names.rbegin() ? "" : ",");
                std::fprintf(stderr, ", not \"%s\"\n", item.c_str());
                return false;
            }
        return true;
    };
    if (!known(o.only, {"small", "large", "latency", "startup"}, "--only") ||
        !known(o.servers, {"kastle", "mock"}, "--servers"))
        return false;
    if (o.broker.empty())
        o.broker = (fs::path(selfPath()).parent_path() / "kastle-broker").string();
    return true;
}

void progress(const std::string &text)
{
    std::fprintf(stderr, "[load %s] %s\n", loadAverage().c_str(), text.c_str());
}

// User + system CPU seconds of this process (the clients) so far.
double ownCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Runs `work` and returns the server's CPU seconds it took.
double cpuDuring(const ServerProcess &server, const std::function<void()> &work)
{
    const double before = server.cpuSeconds();
    work();
    return server.cpuSeconds() - before;
}

// One produce workload as a sample of `scenario`; returns how many messages were delivered.
int64_t runProduce(const std::string &scenario, const std::string &name, const ProduceSpec &spec,
                   const ServerProcess &server, Results &results)
{
    ProduceFigures p;
    Sample s;
    s.cpuSeconds = cpuDuring(server, [&] { p = produce(server.bootstrap(), spec); });
    if (p.failed)
        progress(name + " " + scenario + ": " + std::to_string(p.failed) +
                 " failed: " + p.firstError);
    s.msgsPerSec = static_cast<double>(p.delivered) / p.seconds;
    s.mbPerSec = s.msgsPerSec * static_cast<double>(spec.valueSize) / 1e6;
    s.p50Ms = p.percentileMs(0.50);
    s.p99Ms = p.percentileMs(0.99);
    results[scenario][name].push_back(s);
    return p.delivered;
}

// Reads back `expected` messages of `topic` as a sample of `scenario`.
void runConsume(const std::string &scenario, const std::string &name, const std::string &topic,
                int partitions, int64_t expected, const ServerProcess &server, Results &results)
{
    ConsumeFigures c;
    Sample r;
    const double clientBefore = ownCpuSeconds();
    r.cpuSeconds = cpuDuring(server, [&] {
        c = consume(server.bootstrap(), topic, partitions, expected, {});
    });
    if (!c.error.empty())
        progress(name + " " + scenario + ": " + c.error);
    if (c.seconds > 0) {
        r.msgsPerSec = static_cast<double>(c.messages) / c.seconds;
        r.mbPerSec = static_cast<double>(c.valueBytes) / c.seconds / 1e6;
        r.clientCpuCores = (ownCpuSeconds() - clientBefore) / c.seconds;
    }
    r.firstMs = c.firstSeconds * 1000;
    results[scenario][name].push_back(r);
}

void runScenarios(const Options &o, const std::string &name, ServerProcess &server,
                  Results &results)
{
    if (o.only.count("small")) {
        const int64_t delivered =
            runProduce("produce 100 B", name, {"bench-small", o.partitions, o.messages, 100, 0, {}},
                       server, results);
        runConsume("consume 100 B", name, "bench-small", o.partitions, delivered, server, results);
        // The same records written in small batches, as producers at moderate rates write them
        // (librdkafka's default linger.ms=5 at 2,000 msgs/s to a partition makes batches of 10).
        for (int records : o.recordsPerBatch) {
            const std::string topic = batchesTopic(records);
            const int64_t written = runProduce(
                batchesName("produce", records), name,
                {topic, o.partitions, o.messages, 100, 0,
                 {{"batch.num.messages", std::to_string(records)}}},
                server, results);
            runConsume(batchesName("consume", records), name, topic, o.partitions, written, server,
                       results);
        }
    }
    if (o.only.count("large"))
        runProduce("produce 10 KiB", name,
                   {"bench-large", o.largePartitions, o.largeMessages, 10240, 0, {}}, server,
                   results);
    if (o.only.count("latency")) {
        const auto count = static_cast<int64_t>(o.latencySeconds * o.latencyRate);
        runProduce("latency 10k/s", name,
                   {"bench-latency", 1, count, 100, o.latencyRate, {{"linger.ms", "0"}}}, server,
                   results);
    }
}

std::vector<std::pair<std::string, int>> benchTopics(const Options &o)
{
    std::vector<std::pair<std::string, int>> topics = {{kWarmupTopic, 1},
                                                       {"bench-small", o.partitions},
                                                       {"bench-large", o.largePartitions},
                                                       {"bench-latency", 1}};
    for (int records : o.recordsPerBatch)
        topics.emplace_back(batchesTopic(records), o.partitions);
    return topics;
}

bool runKastle(const Options &o, int run, Results &results)
{
    const std::string dir = o.workDir + "/kastle-run" + std::to_string(run);
    fs::remove_all(dir);
    std::vector<std::string> argv = {o.broker, "--data-dir", dir, "--port", "0"};
    argv.insert(argv.end(), {"--auto-create-topics", "false"});
    for (const std::string &setting : o.brokerConfig)
        argv.insert(argv.end(), {"--config", setting});
    ServerProcess server;
    if (!server.start(argv, o.workDir + "/kastle-broker.log")) {
        progress("kastle-broker: " + server.error());
        return false;
    }
    if (const std::string e = createTopics(server.bootstrap(), benchTopics(o)); !e.empty()) {
        progress("kastle-broker: cannot create the topics: " + e);
        return false;
    }
    runScenarios(o, "kastle", server, results);
    server.stop();
    fs::remove_all(dir);
    return true;
}

bool runMock(const Options &o, Results &results)
{
    std::vector<std::string> argv = {selfPath(), "--serve-mock"};
    for (const auto &[topic, partitions] : benchTopics(o))
        argv.push_back(topic + ":" + std::to_string(partitions));
    ServerProcess server;
    if (!server.start(argv, o.workDir + "/mock.log")) {
        progress("mock: " + server.error());
        return false;
    }
    runScenarios(o, "mock", server, results);
    server.stop();
    return true;
}

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Spread spread(std::vector<double> v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return {median, v.front(), v.back()};
}

std::string formatSpread(const Spread &s, int decimals)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*f [%.*f..%.*f]", decimals, s.median, decimals, s.min,
                  decimals, s.max);
    return buf;
}

void printResults(const Options &o, const Results &results)
{
    struct Column
    {
        const char *title;
        double Sample::*field;
        int decimals;
    };
    const Column columns[] = {{"msgs/s", &Sample::msgsPerSec, 0},
                              {"MB/s", &Sample::mbPerSec, 1},
                              {"p50 ms", &Sample::p50Ms, 2},
                              {"p99 ms", &Sample::p99Ms, 2},
                              {"broker CPU s", &Sample::cpuSeconds, 2},
                              {"first msg ms", &Sample::firstMs, 0},
                              {"client cores", &Sample::clientCpuCores, 2}};
    for (const std::string &scenario : scenarioOrder(o)) {
        const auto it = results.find(scenario);
        if (it == results.end())
            continue;
        std::printf("\n%s\n", scenario.c_str());
        std::printf("  %-14s %-30s %-30s %s\n", "", "kastle", "mock", "kastle/mock");
        for (const Column &c : columns) {
            const bool consuming = scenario.rfind("consume", 0) == 0;
            const bool produceOnly = c.field == &Sample::p50Ms || c.field == &Sample::p99Ms;
            const bool consumeOnly =
                c.field == &Sample::firstMs || c.field == &Sample::clientCpuCores;
            if ((produceOnly && consuming) || (consumeOnly && !consuming))
                continue;
            std::string text[2];
            Spread side[2];
            const char *names[2] = {"kastle", "mock"};
            for (int i = 0; i < 2; ++i) {
                const auto s = it->second.find(names[i]);
                if (s == it->second.end()) {
                    text[i] = "not run";
                    continue;
                }
                std::vector<double> values;
                for (const Sample &sample : s->second)
                    values.push_back(sample.*(c.field));
                side[i] = spread(values);
                text[i] = formatSpread(side[i], c.decimals);
            }
            char ratio[32] = "-";
            if (side[1].median > 0 && side[0].median > 0)
                std::snprintf(ratio, sizeof ratio, "%.2f", side[0].median / side[1].median);
            std::printf("  %-14s %-30s %-30s %s\n", c.title, text[0].c_str(), text[1].c_str(),
                        ratio);
        }
    }
}

double medianOf(const Results &r, const std::string &scenario, const char *server,
                double Sample::*f)
{
    std::vector<double> values;
    if (auto it = r.find(scenario); it != r.end())
        if (auto s = it->second.find(server); s != it->second.end())
            for (const Sample &sample : s->second)
                values.push_back(sample.*f);
    return spread(values).median;
}

void printTargets(const Options &o, const Results &r, const Spread &emptyStart,
                  const Spread &bigStart)
{
    std::printf("\ntargets (medians)\n");
    auto line = [](const std::string &what, double value, const char *unit, double limit,
                   bool atLeast) {
        const bool met = atLeast ? value >= limit : value <= limit;
        std::printf("  %-52s %10.2f %-6s %s %-8.2f %s\n", what.c_str(), value, unit,
                    atLeast ? ">=" : "<=", limit, met ? "met" : "NOT MET");
    };
    auto ratio = [&](const std::string &scenario) {
        const double mock = medianOf(r, scenario, "mock", &Sample::msgsPerSec);
        return mock > 0 ? medianOf(r, scenario, "kastle", &Sample::msgsPerSec) / mock : 0;
    };
    const bool bothServers = o.servers.size() == 2;
    if (r.count("produce 100 B") && !bothServers)
        std::printf("  %-52s (need both servers)\n", "kastle/mock ratios");
    if (r.count("produce 100 B") && bothServers) {
        line("produce 100 B, kastle/mock msgs/s", ratio("produce 100 B"), "x", 1.0, true);
        line("consume 100 B, kastle/mock msgs/s", ratio("consume 100 B"), "x", 1.5, true);
        for (int records : o.recordsPerBatch) {
            line(batchesName("produce", records) + ", kastle/mock",
                 ratio(batchesName("produce", records)), "x", 1.0, true);
            line(batchesName("consume", records) + ", kastle/mock",
                 ratio(batchesName("consume", records)), "x", 1.5, true);
        }
    }
    if (r.count("produce 10 KiB"))
        line("produce 10 KiB, kastle", medianOf(r, "produce 10 KiB", "kastle", &Sample::mbPerSec),
             "MB/s", 1000, true);
    if (r.count("latency 10k/s"))
        line("produce p99 at 10,000 msgs/s, kastle",
             medianOf(r, "latency 10k/s", "kastle", &Sample::p99Ms), "ms", 2, false);
    if (emptyStart.median > 0)
        line("ready, empty directory", emptyStart.median * 1000, "ms", 100, false);
    if (bigStart.median > 0)
        line("ready, 100,000 partitions", bigStart.median, "s", 2, false);
}

// Directories one level below the data directory's own folders (a partition each).
size_t countPartitionDirs(const std::string &dir)
{
    size_t n = 0;
    std::error_code ec;
    for (const auto &top : fs::directory_iterator(dir, ec)) {
        if (!top.is_directory())
            continue;
        for (auto it = fs::directory_iterator(top.path(), ec);
             !ec && it != fs::directory_iterator(); it.increment(ec))
            n += it->is_directory();
    }
    return n;
}

// Times to the ready line: on empty directories, then on one with 10,000 x 10 partitions.
void runStartup(const Options &o, Spread &empty, Spread &big)
{
    std::vector<double> times;
    for (int i = 0; i < o.startupRuns + 1; ++i) {
        const std::string dir = o.workDir + "/startup-empty";
        fs::remove_all(dir);
        ServerProcess server;
        if (!server.start({o.broker, "--data-dir", dir, "--port", "0"},
                          o.workDir + "/kastle-broker.log")) {
            progress("startup: " + server.error());
            return;
        }
        if (i > 0) // the first start only warms the page cache for the executable
            times.push_back(server.readySeconds());
        server.stop();
        fs::remove_all(dir);
    }
    empty = spread(times);
    std::printf("\nstartup, empty directory: ready after %s ms (%d runs)\n",
                formatSpread({empty.median * 1000, empty.min * 1000, empty.max * 1000}, 1).c_str(),
                o.startupRuns);

    const std::string dir = o.startupDir.empty() ? o.workDir + "/startup-100k" : o.startupDir;
    const std::string marker = dir + ".built";
    if (!fs::exists(marker)) {
        fs::remove_all(dir);
        progress("building " + dir + " (10,000 topics x 10 partitions)");
        const auto started = std::chrono::steady_clock::now();
        ServerProcess server;
        if (!server.start({o.broker, "--data-dir", dir, "--port", "0"},
                          o.workDir + "/kastle-broker.log")) {
            progress("startup: " + server.error());
            return;
        }
        std::vector<std::pair<std::string, int>> topics;
        for (int t = 0; t < 10000; ++t) {
            char name[32];
            std::snprintf(name, sizeof name, "startup-%05d", t);
            topics.emplace_back(name, 10);
        }
        if (const std::string e = createTopics(server.bootstrap(), topics, 500); !e.empty()) {
            progress("startup: cannot create the topics: " + e);
            return;
        }
        server.stop(120000);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("startup, building 10,000 topics x 10 partitions: %.1f s\n", seconds);
        std::FILE *f = std::fopen(marker.c_str(), "w");
        if (f)
            std::fclose(f);
    }
    times.clear();
    for (int i = 0; i < o.startupRuns; ++i) {
        ServerProcess server;
        if (!server.start({o.broker, "--data-dir", dir, "--port", "0"},
                          o.workDir + "/kastle-broker.log", 120000)) {
            progress("startup: " + server.error());
            return;
        }
        times.push_back(server.readySeconds());
        server.stop(120000);
    }
    big = spread(times);

    std::printf("startup, %zu partition directories: ready after %s s (%d runs, warm page "
                "cache)\n",
                countPartitionDirs(dir), formatSpread(big, 3).c_str(), o.startupRuns);

    // After SIGKILL: recovery checks the logs that were open (none here) and the checkpoint.
    ServerProcess victim;
    ServerProcess restarted;
    if (victim.start({o.broker, "--data-dir", dir, "--port", "0"}, o.workDir + "/kastle-broker.log",
                     120000)) {
        victim.kill();
        if (restarted.start({o.broker, "--data-dir", dir, "--port", "0"},
                            o.workDir + "/kastle-broker.log", 120000))
            std::printf("startup, 100,000 partitions after SIGKILL: ready after %.3f s\n",
                        restarted.readySeconds());
        restarted.stop(120000);
    }
    if (o.startupDir.empty()) {
        fs::remove_all(dir);
        fs::remove(marker);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 2 && std::string(argv[1]) == "--serve-mock")
        return serveMock(std::vector<std::string>(argv + 2, argv + argc));
    Options o;
    if (!parseOptions(argc, argv, o))
        return 2;
    fs::create_directories(o.workDir);
    std::printf("kastle-bench: %d runs, load average at start %s, %ld CPUs, broker %s\n", o.runs,
                loadAverage().c_str(), ::sysconf(_SC_NPROCESSORS_ONLN), o.broker.c_str());
    for (const std::string &setting : o.brokerConfig)
        std::printf("  kastle-broker --config %s\n", setting.c_str());
    std::fflush(stdout);

    Results results;
    const bool throughput =
        o.only.count("small") || o.only.count("large") || o.only.count("latency");
    for (int run = 0; throughput && run < o.runs; ++run) {
        const bool kastleFirst = run % 2 == 0;
        for (int side = 0; side < 2; ++side) {
            const bool kastle = (side == 0) == kastleFirst;
            if (!o.servers.count(kastle ? "kastle" : "mock"))
                continue;
            progress(std::string("run ") + std::to_string(run + 1) + ": " +
                     (kastle ? "kastle-broker" : "mock cluster"));
            if (!(kastle ? runKastle(o, run, results) : runMock(o, results)))
                return 1;
        }
    }
    printResults(o, results);

    Spread emptyStart;
    Spread bigStart;
    if (o.only.count("startup"))
        runStartup(o, emptyStart, bigStart);
    printTargets(o, results, emptyStart, bigStart);
    std::printf("\nload average at end %s\n", loadAverage().c_str());
    if (o.startupDir.empty())
        fs::remove_all(o.workDir);
    return 0;
}
