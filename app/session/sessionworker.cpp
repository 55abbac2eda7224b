// The session thread's state machine: scheduling, health, reconnects and publication.
#include "sessionworker.h"

#include "eventdiff.h"
#include "kafka/kafkaerrors.h"
#include "sessionoperations.h"
#include "stores/appsettings.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>

namespace kastle::core {

Q_LOGGING_CATEGORY(lcSession, "kastle.session")

SessionOptions SessionOptions::fromSettings(const AppSettings &settings)
{
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    SessionOptions o;
    o.metadataInterval = seconds(std::max(1, settings.metadataRefreshSeconds));
    o.offsetsInterval = seconds(std::max(1, settings.offsetsRefreshSeconds));
    // Sizes and lag seconds cost more per round and change slowly: a slower cadence.
    o.sizesInterval = std::max<milliseconds>(o.offsetsInterval * 6, seconds(15));
    o.lagSecondsInterval = std::max<milliseconds>(o.offsetsInterval * 6, seconds(15));
    return o;
}

SessionWorker::SessionWorker(ConnectionProfile profile, ProfileSecrets secrets,
                             SessionOptions options)
    : m_profile(std::move(profile))
    , m_secrets(std::move(secrets))
    , m_profileId(m_profile.id)
    , m_bootstrap(m_profile.bootstrapServers.simplified().remove(QLatin1Char(' ')))
    , m_options(options)
    , m_scheduler(this)
    , m_publishTimer(this)
{
    Result<WireSecurity> security = WireSecurityBuilder::make(m_profile, m_secrets);
    if (security)
        m_security = std::make_shared<const WireSecurity>(std::move(*security));
    else
        m_setupError = security.error().message;
    m_scheduler.setSingleShot(true);
    m_publishTimer.setSingleShot(true);
    connect(&m_scheduler, &QTimer::timeout, this, &SessionWorker::onTick);
    connect(&m_publishTimer, &QTimer::timeout, this, &SessionWorker::publish);
    m_snap.profileId = m_profileId;
}

std::chrono::milliseconds SessionWorker::requestTimeout() const
{
    return m_security ? m_security->requestTimeout : std::chrono::milliseconds(30000);
}

SessionWorker::~SessionWorker() = default;

int64_t SessionWorker::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SessionWorker::start()
{
    if (!m_setupError.isEmpty()) {
        setStatus(SessionState::Lost, m_setupError);
        publish();
        return;
    }
    m_wire = new WireClient(m_bootstrap, m_security, this);
    connect(m_wire, &WireClient::connectionFailed, this, [this](int32_t id, const Error &e) {
        if (id >= 0 && KafkaErrors::isConnectionFailure(e.code))
            noteBrokerProblem(id, e);
    });
    connect(m_wire, &WireClient::connectionReady, this,
            [this](int32_t id) { clearBrokerProblem(id); });
    m_operations = std::make_unique<SessionOperations>(*this);
    setStatus(SessionState::Connecting, tr("Connecting to %1…").arg(m_bootstrap));
    task(Task::Metadata).dueMs = nowMs();
    schedule();
}

void SessionWorker::refreshMetadata()
{
    if (m_stopping || !m_wire)
        return;
    TaskState &t = task(Task::Metadata);
    // While lost, a refresh is a reconnect attempt now instead of after the backoff.
    t.dueMs = std::min(t.dueMs, nowMs());
    schedule();
}

void SessionWorker::noteClusterChanged()
{
    refreshMetadata();
    task(Task::Offsets).dueMs = std::min(task(Task::Offsets).dueMs, nowMs());
    task(Task::Groups).dueMs = std::min(task(Task::Groups).dueMs, nowMs());
    schedule();
}

void SessionWorker::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_scheduler.stop();
    m_publishTimer.stop();
    if (m_operations)
        m_operations->shutdown(); // fails pending operations, destroys the librdkafka handle
    cancelRounds();
    if (m_wire) {
        m_wire->closeAll();
        delete m_wire;
        m_wire = nullptr;
    }
    setStatus(SessionState::Closed, tr("The session was closed."));
    m_operations.reset();
    Q_EMIT stopped();
}

// ---- scheduling -----------------------------------------------------------------------------

void SessionWorker::schedule()
{
    if (m_stopping)
        return;
    const bool live =
        m_status.state == SessionState::Connected || m_status.state == SessionState::Degraded;
    int64_t next = INT64_MAX;
    for (size_t i = 0; i < size_t(Task::Count); ++i) {
        const TaskState &t = m_tasks[i];
        if (t.running || (!live && Task(i) != Task::Metadata))
            continue;
        next = std::min(next, t.dueMs);
    }
    if (next == INT64_MAX) {
        m_scheduler.stop();
        return;
    }
    m_scheduler.start(int(std::clamp<int64_t>(next - nowMs(), 0, 3600 * 1000)));
}

void SessionWorker::onTick()
{
    const int64_t now = nowMs();
    const bool live =
        m_status.state == SessionState::Connected || m_status.state == SessionState::Degraded;
    for (size_t i = 0; i < size_t(Task::Count) && !m_stopping; ++i) {
        const Task t = Task(i);
        TaskState &s = m_tasks[i];
        if (s.running || s.dueMs > now || (!live && t != Task::Metadata))
            continue;
        if (t == Task::LagSeconds && !(m_haveEnd && m_groups.allOffsetsFetched()))
            continue;
        if (t == Task::Configs && !m_configsWanted)
            continue;
        startTask(t);
    }
    schedule();
}

void SessionWorker::startTask(Task t)
{
    TaskState &s = task(t);
    s.running = true;
    s.startedMs = nowMs();
    s.calls.clear();
    s.pending = 0;
    s.failed = 0;
    s.items = 0;
    switch (t) {
    case Task::Metadata:
        return runMetadata();
    case Task::Offsets:
        return runOffsets();
    case Task::Groups:
        return runGroups();
    case Task::Sizes:
        return runSizes();
    case Task::LagSeconds:
        return runLagSeconds();
    case Task::Configs:
        return runConfigs({});
    case Task::Count:
        break;
    }
}

void SessionWorker::finishTask(Task t, RoundStats::Kind kind)
{
    TaskState &s = task(t);
    if (!s.running)
        return;
    s.running = false;
    const int64_t now = nowMs();
    std::chrono::milliseconds interval = m_options.offsetsInterval;
    switch (t) {
    case Task::Metadata:
        interval = m_options.metadataInterval;
        break;
    case Task::Sizes:
        interval = m_options.sizesInterval;
        break;
    case Task::LagSeconds:
        interval = m_options.lagSecondsInterval;
        break;
    case Task::Configs:
        interval = m_options.configsInterval;
        break;
    default:
        break;
    }
    // The next round starts one interval after this one started, but never at once again.
    s.dueMs = std::max(s.startedMs + interval.count(), now + 100);
    RoundStats stats;
    stats.kind = kind;
    stats.startedMs = s.startedMs;
    stats.durationMs = now - s.startedMs;
    stats.requests = int(s.calls.size());
    stats.failedRequests = s.failed;
    stats.items = s.items;
    s.calls.clear();
    Q_EMIT roundFinished(stats);
    updateHealth();
    schedulePublish();
    schedule();
}

void SessionWorker::cancelRounds()
{
    for (size_t i = 0; i < size_t(Task::Count); ++i) {
        TaskState &s = m_tasks[i];
        if (m_wire) {
            for (WireClient::CallId id : s.calls)
                m_wire->cancel(id);
        }
        s.calls.clear();
        s.running = false;
        s.pending = 0;
    }
}

// ---- health ---------------------------------------------------------------------------------

void SessionWorker::setStatus(SessionState state, const QString &reason)
{
    if (m_status.state == state && m_status.reason == reason)
        return;
    if (m_status.state != state)
        m_status.sinceMs = nowMs();
    m_status.state = state;
    m_status.reason = reason;
    m_status.reconnectAttempt = m_reconnectAttempt;
    m_status.nextAttemptMs = state == SessionState::Lost ? task(Task::Metadata).dueMs : 0;
    if (state == SessionState::Degraded || state == SessionState::Lost)
        qCInfo(lcSession).noquote() << m_profileId << reason;
    Q_EMIT statusChanged(m_status);
    schedulePublish();
}

void SessionWorker::noteBrokerProblem(int32_t brokerId, const Error &error)
{
    if (brokerId < 0 || !m_snap.brokers->find(brokerId))
        return;
    m_brokerProblems[brokerId] = error.message;
}

void SessionWorker::clearBrokerProblem(int32_t brokerId)
{
    if (m_brokerProblems.erase(brokerId))
        updateHealth();
}

void SessionWorker::updateHealth()
{
    if (m_status.state != SessionState::Connected && m_status.state != SessionState::Degraded)
        return;
    // Brokers that left the metadata are not this session's trouble (they are events).
    for (auto it = m_brokerProblems.begin(); it != m_brokerProblems.end();) {
        if (!m_snap.brokers->find(it->first))
            it = m_brokerProblems.erase(it);
        else
            ++it;
    }
    if (m_brokerProblems.empty()) {
        setStatus(SessionState::Connected,
                  tr("Connected: %n broker(s).", nullptr, int(m_snap.brokers->brokers.size())));
        return;
    }
    QStringList problems;
    for (const auto &[id, text] : m_brokerProblems)
        problems << text;
    setStatus(SessionState::Degraded,
              tr("Some figures are missing or stale: %1").arg(problems.join(QLatin1Char(' '))));
}

void SessionWorker::becomeLost(const Error &error)
{
    cancelRounds();
    ++m_reconnectAttempt;
    const int64_t backoff =
        std::min<int64_t>(m_options.reconnectMax.count(),
                          m_options.reconnectMin.count() << std::min(m_reconnectAttempt - 1, 16));
    TaskState &md = task(Task::Metadata);
    md.dueMs = nowMs() + backoff;
    setStatus(SessionState::Lost,
              tr("%1 Trying again in %2 s.")
                  .arg(error.message)
                  .arg(QString::number(double(backoff) / 1000.0, 'f', backoff < 10000 ? 1 : 0)));
    schedule();
}

// ---- publication ----------------------------------------------------------------------------

void SessionWorker::schedulePublish()
{
    if (!m_stopping && !m_publishTimer.isActive())
        m_publishTimer.start(int(m_options.publishDelay.count()));
}

void SessionWorker::publish()
{
    const SlowStep step("publishing a snapshot");
    const int64_t now = nowMs();
    m_snap.groups = m_groups.build(m_snap.groups, *m_snap.topics, now);
    m_snap.totals = computeTotals(m_snap);
    CoverageFlags coverage;
    if (m_snap.metadataAtMs > 0)
        coverage |= Coverage::Metadata;
    if (m_haveEnd && m_haveStart)
        coverage |= Coverage::Offsets;
    if (m_groupsListedOnce && m_groups.allDescribed())
        coverage |= Coverage::Groups;
    if (m_groupsListedOnce && m_groups.allOffsetsFetched())
        coverage |= Coverage::GroupOffsets;
    if (m_haveSizes)
        coverage |= Coverage::Sizes;
    if (coverage.testFlag(Coverage::GroupOffsets) && m_haveEnd && m_groups.allLagSampled())
        coverage |= Coverage::LagSeconds;
    m_snap.coverage = coverage;
    m_snap.status = m_status;
    m_snap.sequence = ++m_sequence;
    m_snap.takenAtMs = now;
    auto out = std::make_shared<const ClusterSnapshot>(m_snap);
    QList<Event> events;
    if (m_published)
        events = EventDiff::diff(*m_published, *out, m_lostBrokers);
    m_published = out;
    Q_EMIT snapshotReady(out);
    if (!events.isEmpty())
        Q_EMIT eventsFound(events);
}

} // namespace kastle::core
