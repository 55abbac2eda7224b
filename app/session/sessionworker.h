// The part of a ClusterSession that lives on the session's own thread: the connection state
// machine, the pollers and their schedules, the working snapshot and its publication.
//
// Schedules (SessionOptions): metadata every metadataInterval and on demand; end offsets every
// offsetsInterval with one ListOffsets request per leader broker; start offsets with each
// metadata round, also one request per leader; groups (ListGroups per broker, DescribeGroups
// batched per coordinator, OffsetFetch for a budget of groups) every offsetsInterval; log-dir
// sizes (DescribeLogDirs per broker) every sizesInterval; lag seconds (one Fetch per leader for
// a bounded number of lagging partitions) every lagSecondsInterval; min.insync.replicas of all
// topics (one DescribeConfigs) every configsInterval and for new topics. A round that is still
// running when its next turn comes is not started twice. Nothing waits: each answer is applied
// when it arrives, and the snapshot is published shortly after (changes are coalesced).
//
// States: Connecting until the first metadata answer; Connected while every request of the
// last rounds was answered; Degraded while some broker fails or times out (the reason names
// it) but metadata still answers; Lost when no broker answers metadata -- then every poller
// stops and metadata is retried with a growing backoff (reconnectMin .. reconnectMax); the last
// data stays in the snapshot, marked by the state.
#pragma once

#include "grouptracker.h"
#include "operations.h"
#include "snapshot.h"
#include "snapshotbuilder.h"
#include "wire/wireclient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace kastle::core {

Q_DECLARE_LOGGING_CATEGORY(lcSession)

// Logs (kastle.session, info) a step that held the session thread's event loop for 50 ms or
// more. The session never waits on the network, so a long step is CPU spent on a large answer:
// the log says which one, for people tuning schedules on very large clusters.
class SlowStep
{
public:
    explicit SlowStep(const char *what)
        : m_what(what)
    {
        m_timer.start();
    }
    ~SlowStep()
    {
        if (const qint64 ms = m_timer.elapsed(); ms >= 50)
            qCInfo(lcSession, "%s held the session thread for %lld ms", m_what, ms);
    }
    SlowStep(const SlowStep &) = delete;
    SlowStep &operator=(const SlowStep &) = delete;

private:
    const char *m_what;
    QElapsedTimer m_timer;
};

struct AppSettings;
class SessionOperations;

struct SessionOptions
{
    std::chrono::milliseconds metadataInterval{10000};
    std::chrono::milliseconds offsetsInterval{5000};
    std::chrono::milliseconds sizesInterval{30000};
    std::chrono::milliseconds lagSecondsInterval{30000};
    std::chrono::milliseconds configsInterval{300000};
    std::chrono::milliseconds reconnectMin{1000};
    std::chrono::milliseconds reconnectMax{30000};
    std::chrono::milliseconds publishDelay{50}; // coalesces answers arriving together
    // Budgets per round once every group has been seen once (the first sweep is whole).
    size_t groupDescribesPerRound = 500;
    size_t groupOffsetsPerRound = 500;
    size_t lagLookupsPerRound = 2000;
    int groupsPerDescribeRequest = 100;

    // The refresh intervals the user chose in the settings; the rest scale with them.
    static SessionOptions fromSettings(const AppSettings &settings);
};

class SessionWorker : public QObject
{
    Q_OBJECT
public:
    // The profile's security settings are read here (TLS files included); if they cannot be
    // used the session goes to Lost with the reason once started.
    SessionWorker(ConnectionProfile profile, ProfileSecrets secrets, SessionOptions options);
    ~SessionWorker() override;

    // All of these run on the session thread (invoked by ClusterSession).
    void start();
    void refreshMetadata();
    void shutdown();

    WireClient *wire() const { return m_wire; }
    const ClusterSnapshot &working() const { return m_snap; }
    const std::shared_ptr<const WireSecurity> &security() const { return m_security; }
    const ConnectionProfile &profile() const { return m_profile; }
    const ProfileSecrets &secrets() const { return m_secrets; }
    std::chrono::milliseconds requestTimeout() const;
    SessionOperations *operations() const { return m_operations.get(); }
    // A change made by an operation: look again soon.
    void noteClusterChanged();

Q_SIGNALS:
    void statusChanged(const kastle::core::SessionStatus &status);
    void snapshotReady(const kastle::core::ClusterSnapshotPtr &snapshot);
    void eventsFound(const QList<kastle::core::Event> &events);
    void roundFinished(const kastle::core::RoundStats &stats);
    void stopped();

private:
    enum class Task { Metadata, Offsets, Groups, Sizes, LagSeconds, Configs, Count };
    struct TaskState
    {
        int64_t dueMs = 0;
        bool running = false;
        int64_t startedMs = 0;
        std::vector<WireClient::CallId> calls;
        int pending = 0;
        int failed = 0;
        int items = 0;
    };

    static int64_t nowMs();
    TaskState &task(Task t) { return m_tasks[size_t(t)]; }
    void schedule();
    void onTick();
    void startTask(Task t);
    void finishTask(Task t, RoundStats::Kind kind);
    void cancelRounds();

    // Rounds (sessionpolls.cpp).
    void runMetadata();
    void onMetadata(Result<protocol::MetadataResponse> result);
    void runOffsets();
    void onOffsetsDone();
    void runGroups();
    void onListingDone();
    void onGroupRequestDone();
    void runSizes();
    void runLagSeconds();
    void runConfigs(std::vector<std::string> topics);

    // Health.
    void setStatus(SessionState state, const QString &reason);
    void noteBrokerProblem(int32_t brokerId, const Error &error);
    void clearBrokerProblem(int32_t brokerId);
    void updateHealth();
    void becomeLost(const Error &error);

    void schedulePublish();
    void publish();

    ConnectionProfile m_profile;
    ProfileSecrets m_secrets;
    QString m_profileId;
    QString m_bootstrap;
    std::shared_ptr<const WireSecurity> m_security;
    SessionOptions m_options;
    QString m_setupError;
    WireClient *m_wire = nullptr;
    std::unique_ptr<SessionOperations> m_operations;

    // Children of the worker, so that they move to the session thread with it.
    QTimer m_scheduler;
    QTimer m_publishTimer;
    TaskState m_tasks[size_t(Task::Count)];
    bool m_stopping = false;

    SessionStatus m_status;
    int m_reconnectAttempt = 0;
    std::map<int32_t, QString> m_brokerProblems;

    ClusterSnapshot m_snap; // the working copy; published as immutable copies
    ClusterSnapshotPtr m_published;
    uint64_t m_sequence = 0;
    TopicIndex m_index;
    MinIsrMap m_minIsr;
    GroupTracker m_groups;
    std::set<int32_t> m_lostBrokers;

    // Offsets round state.
    std::vector<protocol::ListOffsetsResponse> m_endAnswers;
    std::vector<protocol::ListOffsetsResponse> m_startAnswers;
    bool m_startOffsetsDue = true;
    bool m_roundHadStart = false;
    int64_t m_lastEndAtMs = 0;
    int64_t m_lastStartAtMs = 0;
    bool m_haveEnd = false;
    bool m_haveStart = false;
    // Groups round state.
    std::set<int32_t> m_listedBrokers;
    bool m_groupsListedOnce = false;
    // Sizes round state.
    std::vector<LogDirAnswer> m_sizeAnswers;
    int64_t m_lastSizesAtMs = 0;
    bool m_haveSizes = false;
    bool m_configsWanted = false;
};

} // namespace kastle::core
