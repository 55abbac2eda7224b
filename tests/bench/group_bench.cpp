// group-bench: how long a group of librdkafka consumers takes to become Stable, against
// kastle-broker and against librdkafka's mock cluster, side by side.
//
//   group-bench [--runs N] [--consumers N] [--partitions N] [--servers kastle,mock]
//               [--broker PATH] [--work-dir DIR]
//   group-bench --serve-mock TOPIC:PARTITIONS...   (the mock server; the bench starts it)
//
// Each run uses a fresh group on a topic of --partitions partitions and measures two things:
//   cold   N consumers subscribe at once; the time until every one of them holds its share of
//          the partitions (all partitions assigned, each member non-empty)
//   leave  one member closes (LeaveGroup); the time until every remaining member was assigned
//          again and the partitions are all owned
// Clients: eager range assignment, session.timeout.ms 6000, heartbeat.interval.ms 100 on both
// servers. kastle-broker runs with group.initial.rebalance.delay.ms=0 (Kafka's default of 3 s
// would only measure that setting); the mock has no such delay. Figures are medians of the runs.
#include "benchprocess.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace kastle::bench;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    int runs = 5;
    int consumers = 10;
    int partitions = 20;
    std::set<std::string> servers = {"kastle", "mock"};
    std::string broker;
    std::string workDir = "/tmp/group-bench";
};

void progress(const std::string &line)
{
    std::fprintf(stderr, "group-bench: %s\n", line.c_str());
}

// One consumer polling on its own thread; the rebalance callback counts assignments.
class Member
{
public:
    Member(const std::string &bootstrap, const std::string &group, int index)
    {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        char err[512];
        const std::pair<const char *, std::string> settings[] = {
            {"bootstrap.servers", bootstrap},
            {"group.id", group},
            {"client.id", "bench-" + std::to_string(index)},
            {"session.timeout.ms", "6000"},
            {"heartbeat.interval.ms", "100"},
            {"partition.assignment.strategy", "range"},
            {"enable.auto.commit", "false"},
            {"log_level", "0"}};
        for (const auto &[k, v] : settings)
            if (rd_kafka_conf_set(conf, k, v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK)
                progress(std::string(k) + ": " + err);
        rd_kafka_conf_set_rebalance_cb(conf, &Member::onRebalance);
        rd_kafka_conf_set_opaque(conf, this);
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
        if (!m_rk)
            progress(std::string("rd_kafka_new: ") + err);
        rd_kafka_poll_set_consumer(m_rk);
    }
    ~Member()
    {
        close();
        rd_kafka_destroy(m_rk);
    }

    void subscribe(const std::string &topic)
    {
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, topic.c_str(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(m_rk, topics);
        rd_kafka_topic_partition_list_destroy(topics);
        m_thread = std::thread([this] {
            while (!m_stop) {
                if (rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, 20))
                    rd_kafka_message_destroy(m);
            }
        });
    }
    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        rd_kafka_consumer_close(m_rk);
    }
    int assigned() const { return m_assigned; }
    int assignments() const { return m_assignments; }

private:
    static void onRebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                            rd_kafka_topic_partition_list_t *partitions, void *opaque)
    {
        auto *self = static_cast<Member *>(opaque);
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            rd_kafka_assign(rk, partitions);
            self->m_assigned = partitions->cnt;
            ++self->m_assignments;
        } else {
            rd_kafka_assign(rk, nullptr);
            self->m_assigned = 0;
        }
    }

    rd_kafka_t *m_rk = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    bool m_closed = false;
    std::atomic<int> m_assigned{0};
    std::atomic<int> m_assignments{0};
};

// Whether `members` (ignoring closed ones) own every partition, each some, each assigned at
// least `minAssignments` times.
bool stable(const std::vector<std::unique_ptr<Member>> &members, size_t from, int partitions,
            const std::vector<int> &minAssignments)
{
    int total = 0;
    for (size_t i = from; i < members.size(); ++i) {
        if (members[i]->assigned() == 0 || members[i]->assignments() < minAssignments[i])
            return false;
        total += members[i]->assigned();
    }
    return total == partitions;
}

// Seconds until `done`, or a negative number after `timeoutSeconds`.
template<class Done>
double timeUntil(Clock::time_point start, Done done, double timeoutSeconds = 60)
{
    while (!done()) {
        if (std::chrono::duration<double>(Clock::now() - start).count() > timeoutSeconds)
            return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Sample
{
    double cold = -1;
    double leave = -1;
};

Sample measure(const Options &o, const std::string &bootstrap, const std::string &group)
{
    Sample s;
    std::vector<std::unique_ptr<Member>> members;
    for (int i = 0; i < o.consumers; ++i)
        members.push_back(std::make_unique<Member>(bootstrap, group, i));
    std::vector<int> once(members.size(), 1);
    auto start = Clock::now();
    for (auto &m : members)
        m->subscribe("bench-group-topic");
    s.cold = timeUntil(start, [&] { return stable(members, 0, o.partitions, once); });
    if (s.cold < 0)
        return s;
    // Settle, so the leave is measured from a quiet Stable group.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::vector<int> again(members.size());
    for (size_t i = 0; i < members.size(); ++i)
        again[i] = members[i]->assignments() + 1;
    start = Clock::now();
    members[0]->close();
    s.leave = timeUntil(start, [&] { return stable(members, 1, o.partitions, again); });
    for (auto &m : members)
        m->close();
    return s;
}

std::string createTopic(const std::string &bootstrap, int partitions)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        return err;
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    rd_kafka_NewTopic_t *topic =
        rd_kafka_NewTopic_new("bench-group-topic", partitions, 1, err, sizeof err);
    rd_kafka_CreateTopics(rk, &topic, 1, nullptr, queue);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 30000);
    std::string result = ev ? "" : "no answer";
    if (ev && rd_kafka_event_error(ev))
        result = rd_kafka_event_error_string(ev);
    if (ev)
        rd_kafka_event_destroy(ev);
    rd_kafka_NewTopic_destroy(topic);
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    return result;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string selfPath()
{
    return fs::read_symlink("/proc/self/exe").string();
}

std::map<std::string, std::vector<Sample>> runAll(const Options &o)
{
    std::map<std::string, std::vector<Sample>> results;
    for (const std::string server : {"kastle", "mock"}) {
        if (!o.servers.count(server))
            continue;
        ServerProcess process;
        const std::string dir = o.workDir + "/kastle-data";
        fs::remove_all(dir);
        std::vector<std::string> argv;
        if (server == "kastle")
            argv = {o.broker, "--data-dir", dir,
                    "--port", "0",          "--log-level",
                    "warn",   "--config",   "group.initial.rebalance.delay.ms=0"};
        else
            argv = {selfPath(), "--serve-mock",
                    "bench-group-topic:" + std::to_string(o.partitions)};
        if (!process.start(argv, o.workDir + "/" + server + ".log")) {
            progress(server + ": " + process.error());
            continue;
        }
        if (server == "kastle") {
            if (const std::string e = createTopic(process.bootstrap(), o.partitions); !e.empty()) {
                progress("kastle-broker: cannot create the topic: " + e);
                continue;
            }
        }
        for (int run = 0; run < o.runs; ++run) {
            const Sample s =
                measure(o, process.bootstrap(), "bench-" + server + "-" + std::to_string(run));
            progress(server + " run " + std::to_string(run + 1) + ": cold " +
                     std::to_string(s.cold) + " s, leave " + std::to_string(s.leave) + " s");
            results[server].push_back(s);
        }
        process.stop();
        fs::remove_all(dir);
    }
    return results;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "--serve-mock")
        return serveMock({args.begin() + 1, args.end()});
    Options o;
    o.broker = (fs::path(selfPath()).parent_path() / "kastle-broker").string();
    for (size_t i = 0; i + 1 < args.size(); i += 2) {
        const std::string &name = args[i];
        const std::string &value = args[i + 1];
        if (name == "--runs")
            o.runs = std::max(1, std::stoi(value));
        else if (name == "--consumers")
            o.consumers = std::max(2, std::stoi(value));
        else if (name == "--partitions")
            o.partitions = std::max(1, std::stoi(value));
        else if (name == "--broker")
            o.broker = value;
        else if (name == "--work-dir")
            o.workDir = value;
        else if (name == "--servers") {
            o.servers.clear();
            std::stringstream list(value);
            for (std::string s; std::getline(list, s, ',');)
                o.servers.insert(s);
        } else {
            std::fprintf(stderr, "group-bench: unknown option %s\n", name.c_str());
            return 2;
        }
    }
    if (args.size() % 2 != 0) {
        std::fprintf(stderr, "group-bench: %s needs a value\n", args.back().c_str());
        return 2;
    }
    fs::create_directories(o.workDir);
    const auto results = runAll(o);

    std::printf("group-bench: %d librdkafka %s consumers, %d partitions, %d runs (medians), "
                "load %s\n",
                o.consumers, rd_kafka_version_str(), o.partitions, o.runs, loadAverage().c_str());
    std::printf("  %-34s %10s %10s %12s\n", "time to Stable", "kastle", "mock", "kastle/mock");
    auto row = [&](const char *name, double Sample::*field) {
        double figures[2] = {-1, -1};
        const char *servers[2] = {"kastle", "mock"};
        for (int i = 0; i < 2; ++i) {
            const auto it = results.find(servers[i]);
            if (it == results.end())
                continue;
            std::vector<double> v;
            for (const auto &s : it->second)
                if (s.*field >= 0)
                    v.push_back(s.*field);
            if (v.size() == it->second.size())
                figures[i] = median(v);
        }
        auto cell = [](double seconds) {
            char text[32];
            if (seconds < 0)
                std::snprintf(text, sizeof text, "%10s", "-");
            else
                std::snprintf(text, sizeof text, "%8.3f s", seconds);
            return std::string(text);
        };
        char ratio[32] = "           -";
        if (figures[0] >= 0 && figures[1] > 0)
            std::snprintf(ratio, sizeof ratio, "%12.2f", figures[0] / figures[1]);
        std::printf("  %-34s %s %s %s\n", name, cell(figures[0]).c_str(), cell(figures[1]).c_str(),
                    ratio);
    };
    row("cold start", &Sample::cold);
    row("after one member leaves", &Sample::leave);
    return 0;
}
