// session-bench: a headless ClusterSession against a large kastle-broker cluster.
//
// Builds the cluster with the project's own wire client (CreateTopics in batches, one Produce
// per batch of partitions, simple OffsetCommits for groups without members), then opens a
// ClusterSession with the default schedule and prints:
//   * connect -> first complete snapshot (metadata, offsets, groups, group offsets covered),
//   * the duration of end-offset rounds (the first one also reads start offsets),
//   * CPU of the whole process and of the session thread over a steady-state window,
//   * resident memory (now and peak),
//   * the largest gap between ticks of a 5 ms timer on the session thread and on the main
//     thread (the "UI" thread here): how long either event loop was ever blocked.
// Nothing is asserted; the figures are for people. The machine may be shared, so CPU and gaps
// include whatever else runs; run it on a quiet machine for figures to compare.
//
//   session-bench [--topics 10000] [--partitions 10] [--groups 2000] [--topics-per-group 5]
//                 [--records 10] [--committed 5] [--steady-seconds 60] [--broker PATH]
#include "processes.h"
#include "session/clustersession.h"
#include "wire/wireclient.h"

#include "batchbuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

using namespace kastle;
using namespace kastle::core;
using namespace kastle::protocol;

namespace {

struct Settings
{
    int topics = 10000;
    int partitions = 10;
    int groups = 2000;
    int topicsPerGroup = 5;
    int records = 10;
    int committed = 5;
    int steadySeconds = 60;
    std::string broker = KASTLE_BROKER_EXE;
};

std::string topicName(int i)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "bench-%05d", i);
    return buf;
}

double seconds(int64_t ms)
{
    return double(ms) / 1000.0;
}

// Resident set size and its peak, in MiB, from /proc/self/status.
std::pair<double, double> residentMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    double rss = -1, hwm = -1;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            rss = std::stod(line.substr(6)) / 1024.0;
        else if (line.rfind("VmHWM:", 0) == 0)
            hwm = std::stod(line.substr(6)) / 1024.0;
    }
    return {rss, hwm};
}

// CPU seconds (user + system) of one thread of this process, from /proc.
double threadCpuSeconds(long tid)
{
    std::ifstream stat("/proc/self/task/" + std::to_string(tid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    // Fields after "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14)
            utime = std::stod(field);
        if (i == 15)
            stime = std::stod(field);
    }
    return (utime + stime) / double(sysconf(_SC_CLK_TCK));
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A 5 ms timer on some thread that remembers the longest time between two of its ticks.
class LoopProbe : public QObject
{
public:
    static constexpr int kIntervalMs = 5;
    void start()
    {
        m_tid = long(syscall(SYS_gettid));
        m_clock.start();
        m_last = 0;
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, [this] {
            const int64_t now = m_clock.elapsed();
            m_maxGap = std::max<int64_t>(m_maxGap, now - m_last);
            m_last = now;
        });
        m_timer->start(kIntervalMs);
    }
    int64_t maxGapMs() const { return m_maxGap; }
    long tid() const { return m_tid; }
    void reset() { m_maxGap = 0; }

private:
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    std::atomic<int64_t> m_last{0};
    std::atomic<int64_t> m_maxGap{0};
    std::atomic<long> m_tid{0};
};

// Sends one request with the wire client and runs the event loop until its answer.
template<class Req>
Result<ResponseOf<Req>> call(WireClient &wire, Req request, int attempts = 3)
{
    std::optional<Result<ResponseOf<Req>>> out;
    QEventLoop loop;
    CallOptions<ResponseOf<Req>> options;
    options.attempts = attempts;
    options.timeout = std::chrono::milliseconds(120000);
    wire.send(
        WireTarget::any(), std::move(request),
        [&](Result<ResponseOf<Req>> r) {
            out = std::move(r);
            loop.quit();
        },
        options);
    if (!out)
        loop.exec();
    return std::move(*out);
}

bool fail(const std::string &what)
{
    std::fprintf(stderr, "session-bench: %s\n", what.c_str());
    return false;
}

bool createTopics(WireClient &wire, const Settings &s)
{
    constexpr int kBatch = 500;
    for (int first = 0; first < s.topics; first += kBatch) {
        CreateTopicsRequest req;
        req.timeoutMs = 120000;
        for (int i = first; i < std::min(s.topics, first + kBatch); ++i) {
            CreateTopicsRequest::CreatableTopic t;
            t.name = topicName(i);
            t.numPartitions = s.partitions;
            t.replicationFactor = 1;
            req.topics.push_back(std::move(t));
        }
        auto r = call(wire, std::move(req));
        if (!r)
            return fail("CreateTopics: " + r.error().message.toStdString());
        for (const auto &t : r->topics) {
            if (t.errorCode != 0 && t.errorCode != int16_t(ErrorCode::TopicAlreadyExists))
                return fail("CreateTopics " + t.name + ": error " + std::to_string(t.errorCode));
        }
    }
    return true;
}

bool produce(WireClient &wire, const Settings &s)
{
    if (s.records <= 0)
        return true;
    RecordBatchBuilder builder;
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < s.records; ++i)
        builder.append(now - int64_t(s.records - i) * 1000, std::nullopt,
                       std::string_view("bench record value"));
    const CodecResult batch = builder.build();
    if (!batch.ok())
        return fail("batch: " + batch.error);
    constexpr int kTopicsPerRequest = 200;
    for (int first = 0; first < s.topics; first += kTopicsPerRequest) {
        ProduceRequest req;
        req.acks = 1;
        req.timeoutMs = 60000;
        for (int i = first; i < std::min(s.topics, first + kTopicsPerRequest); ++i) {
            ProduceRequest::TopicProduceData t;
            t.name = topicName(i);
            for (int p = 0; p < s.partitions; ++p) {
                ProduceRequest::PartitionProduceData pd;
                pd.index = p;
                pd.records = Records::owned(batch.bytes);
                t.partitionData.push_back(std::move(pd));
            }
            req.topicData.push_back(std::move(t));
        }
        auto r = call(wire, std::move(req), 1);
        if (!r)
            return fail("Produce: " + r.error().message.toStdString());
        for (const auto &t : r->responses)
            for (const auto &p : t.partitionResponses)
                if (p.errorCode != 0)
                    return fail("Produce " + t.name + ": error " + std::to_string(p.errorCode));
    }
    return true;
}

// Group g commits `committed` on every partition of topics g*k .. g*k+k-1 (mod topics), as a
// simple (memberless) commit: generation -1, empty member id.
bool commitGroups(WireClient &wire, const Settings &s)
{
    for (int g = 0; g < s.groups; ++g) {
        OffsetCommitRequest req;
        char id[32];
        std::snprintf(id, sizeof id, "bench-group-%04d", g);
        req.groupId = id;
        for (int k = 0; k < s.topicsPerGroup; ++k) {
            OffsetCommitRequest::OffsetCommitRequestTopic t;
            t.name = topicName((g * s.topicsPerGroup + k) % s.topics);
            for (int p = 0; p < s.partitions; ++p) {
                OffsetCommitRequest::OffsetCommitRequestPartition pp;
                pp.partitionIndex = p;
                pp.committedOffset = s.committed;
                t.partitions.push_back(pp);
            }
            req.topics.push_back(std::move(t));
        }
        // FindCoordinator first, as clients do: it creates the offsets topic on first use and
        // makes the coordinator load the group's partition.
        FindCoordinatorRequest find;
        find.key = id;
        if (auto r = call(wire, std::move(find)); !r || r->errorCode != 0)
            return fail(std::string("FindCoordinator ") + id + ": " +
                        (r ? std::to_string(r->errorCode) : r.error().message.toStdString()));
        // The coordinator may still be loading its offsets log (COORDINATOR_LOAD_IN_PROGRESS,
        // COORDINATOR_NOT_AVAILABLE): those are retried for a while.
        for (int attempt = 0;; ++attempt) {
            auto r = call(wire, req);
            if (!r)
                return fail("OffsetCommit: " + r.error().message.toStdString());
            int16_t error = 0;
            for (const auto &t : r->topics)
                for (const auto &p : t.partitions)
                    error = p.errorCode ? p.errorCode : error;
            if (error == 0)
                break;
            if ((error != 14 && error != 15) || attempt >= 100)
                return fail(std::string("OffsetCommit ") + id + ": error " + std::to_string(error));
            QThread::msleep(100);
        }
    }
    return true;
}

bool parseArgs(int argc, char **argv, Settings &s)
{
    const std::map<std::string, int *> ints = {{"--topics", &s.topics},
                                               {"--partitions", &s.partitions},
                                               {"--groups", &s.groups},
                                               {"--topics-per-group", &s.topicsPerGroup},
                                               {"--records", &s.records},
                                               {"--committed", &s.committed},
                                               {"--steady-seconds", &s.steadySeconds}};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            return fail("missing value for " + arg);
        if (auto it = ints.find(arg); it != ints.end())
            *it->second = std::stoi(argv[++i]);
        else if (arg == "--broker")
            s.broker = argv[++i];
        else
            return fail("unknown option " + arg);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Settings s;
    if (!parseArgs(argc, argv, s))
        return 2;
    setenv("QT_LOGGING_RULES", "kastle.*.info=false", 0);

    QTemporaryDir dir;
    testing::BrokerProcess broker(QString(dir.path() + QStringLiteral("/data")).toStdString());
    QElapsedTimer clock;
    clock.start();
    if (!broker.start(120000)) {
        std::fprintf(stderr, "session-bench: broker did not start:\n%s\n", broker.log().c_str());
        return 1;
    }
    const QString bootstrap = QString::fromStdString(broker.bootstrap());
    std::printf("cluster: %d topics x %d partitions = %d partitions, %d groups x %d topics "
                "(%d committed offsets), %d records per partition\n",
                s.topics, s.partitions, s.topics * s.partitions, s.groups, s.topicsPerGroup,
                s.groups * s.topicsPerGroup * s.partitions, s.records);
    {
        ConnectionProfile profile;
        profile.bootstrapServers = bootstrap;
        auto security = WireSecurityBuilder::make(profile, {});
        WireClient wire(bootstrap, std::make_shared<const WireSecurity>(*security));
        clock.restart();
        if (!createTopics(wire, s))
            return 1;
        std::printf("setup: topics created in %.1f s\n", seconds(clock.restart()));
        if (!produce(wire, s))
            return 1;
        std::printf("setup: records produced in %.1f s\n", seconds(clock.restart()));
        if (!commitGroups(wire, s))
            return 1;
        std::printf("setup: group offsets committed in %.1f s\n", seconds(clock.restart()));
        wire.closeAll();
    }
    std::fflush(stdout);

    ConnectionProfile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("bench");
    profile.bootstrapServers = bootstrap;
    const auto [rssBefore, hwmBefore] = residentMiB();
    ClusterSession session(profile, ProfileSecrets{}, SessionOptions{});

    LoopProbe mainProbe;
    mainProbe.start();
    auto *sessionProbe = new LoopProbe;
    sessionProbe->moveToThread(session.sessionThread());
    QObject::connect(session.sessionThread(), &QThread::finished, sessionProbe,
                     &QObject::deleteLater, Qt::DirectConnection);

    std::vector<RoundStats> endRounds;
    QObject::connect(&session, &ClusterSession::roundFinished, &app, [&](const RoundStats &r) {
        if (r.kind == RoundStats::Kind::EndOffsets)
            endRounds.push_back(r);
    });
    int64_t firstSnapshotMs = -1, completeMs = -1;
    size_t snapshots = 0;
    ClusterSnapshotPtr complete;
    QObject::connect(&session, &ClusterSession::snapshotPublished, &app,
                     [&](const ClusterSnapshotPtr &snap) {
                         ++snapshots;
                         if (firstSnapshotMs < 0 && snap->coverage.testFlag(Coverage::Metadata))
                             firstSnapshotMs = clock.elapsed();
                         if (!complete && snap->complete()) {
                             completeMs = clock.elapsed();
                             complete = snap;
                         }
                     });

    clock.restart();
    session.open();
    QMetaObject::invokeMethod(sessionProbe, [sessionProbe] { sessionProbe->start(); });
    QEventLoop wait;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &wait, &QEventLoop::quit);
    QObject::connect(&session, &ClusterSession::snapshotPublished, &wait, [&] {
        if (complete && endRounds.size() >= 2)
            wait.quit();
    });
    deadline.start(180000);
    wait.exec();
    if (!complete) {
        std::printf("no complete snapshot within 180 s; state: %s\n",
                    session.status().reason.toStdString().c_str());
        return 1;
    }
    const int64_t gapSessionStartup = sessionProbe->maxGapMs();
    const int64_t gapMainStartup = mainProbe.maxGapMs();
    const auto &totals = complete->totals;
    std::printf("snapshot: %d brokers, %d topics, %d partitions, %lld messages, %d groups, "
                "total lag %lld\n",
                totals.brokerCount, totals.topicCount, totals.partitionCount,
                static_cast<long long>(totals.messageCount), totals.groupCount,
                static_cast<long long>(totals.totalLag));
    std::printf("connect -> first metadata snapshot: %.3f s\n", seconds(firstSnapshotMs));
    std::printf("connect -> first complete snapshot: %.3f s\n", seconds(completeMs));
    for (size_t i = 0; i < endRounds.size(); ++i)
        std::printf("end-offsets round %zu: %.3f s, %d requests, %d partitions%s\n", i + 1,
                    seconds(endRounds[i].durationMs), endRounds[i].requests, endRounds[i].items,
                    i == 0 ? " (with start offsets)" : "");
    std::fflush(stdout);

    // Steady state at the default schedule.
    sessionProbe->reset();
    mainProbe.reset();
    const size_t roundsBefore = endRounds.size();
    const double cpu0 = processCpuSeconds();
    const double thread0 = threadCpuSeconds(sessionProbe->tid());
    QElapsedTimer steady;
    steady.start();
    QTimer::singleShot(s.steadySeconds * 1000, &wait, &QEventLoop::quit);
    QObject::disconnect(&session, &ClusterSession::snapshotPublished, &wait, nullptr);
    deadline.stop();
    wait.exec();
    const double wall = seconds(steady.elapsed());
    const double cpu = processCpuSeconds() - cpu0;
    const double threadCpu = threadCpuSeconds(sessionProbe->tid()) - thread0;
    int64_t longest = 0;
    for (size_t i = roundsBefore; i < endRounds.size(); ++i)
        longest = std::max(longest, endRounds[i].durationMs);
    std::printf("steady state over %.0f s (default schedule): process CPU %.1f%% of one core, "
                "session thread %.1f%%; %zu end-offset rounds, longest %.3f s\n",
                wall, 100.0 * cpu / wall, 100.0 * threadCpu / wall, endRounds.size() - roundsBefore,
                seconds(longest));
    const auto [rss, hwm] = residentMiB();
    std::printf("resident memory: %.0f MiB now, %.0f MiB peak (%.0f MiB before the session)\n", rss,
                hwm, rssBefore);
    std::printf(
        "largest event-loop gap (5 ms timer): session thread %lld ms while connecting, "
        "%lld ms in steady state; main thread %lld ms / %lld ms\n",
        static_cast<long long>(gapSessionStartup), static_cast<long long>(sessionProbe->maxGapMs()),
        static_cast<long long>(gapMainStartup), static_cast<long long>(mainProbe.maxGapMs()));
    std::printf("snapshots published: %zu\n", snapshots);
    std::fflush(stdout);

    session.close();
    session.waitForClosed(std::chrono::seconds(30));
    broker.stop(SIGTERM, 60000);
    (void)hwmBefore;
    return 0;
}
