// Workspace wiring.
#include "workspace.h"
#include "history/metricsstore.h"
#include "history/snapshotrecorder.h"
#include "logging.h"
#include "session/clustersession.h"

#include <QDir>
#include <QFileInfo>

namespace kastle::core {

Workspace::Paths Workspace::defaultPaths()
{
    return {Database::defaultPath(), SandboxController::defaultProgram(),
            SandboxController::defaultDataDir(),
            QFileInfo(MetricsStore::defaultPath(QStringLiteral("x"))).absolutePath()};
}

Workspace::Workspace(Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_store(std::make_unique<ConnectionStore>(m_db))
    , m_secrets(new SecretStore(this))
    , m_connections(new ConnectionListModel(this))
    , m_log(new LogModel(5000, this))
    , m_sandbox(new SandboxController(m_paths.brokerProgram, m_paths.sandboxDir, this))
    , m_tester(new ConnectionTester(this))
    , m_sampleData(new SampleData(this))
{
    connect(m_sandbox, &SandboxController::stateChanged, this, &Workspace::onSandboxState);
    connect(m_tester, &ConnectionTester::finished, this,
            [this](quint64 job, const ConnectionTestOutcome &outcome) {
                const QString id = m_pendingChecks.take(job);
                if (id.isEmpty() || m_connections->rowOf(id) < 0)
                    return; // the entry was deleted meanwhile
                m_connections->setStatus(
                    id, outcome.ok() ? ClusterStatus::Connected : ClusterStatus::Failed,
                    outcome.message);
                Q_EMIT clusterChecked(id, outcome);
            });
    m_connections->setStatus(ConnectionListModel::sandboxId(), ClusterStatus::Idle,
                             m_sandbox->stateText());
}

Workspace::~Workspace()
{
    m_sampleData->stop();
    for (const QString &id : m_sessions.keys())
        closeSession(id);
}

ClusterSession *Workspace::openSession(const QString &id, const ProfileSecrets &secrets)
{
    const std::optional<ConnectionProfile> profile = m_connections->profile(id);
    if (!profile || profile->bootstrapServers.isEmpty())
        return nullptr;
    closeSession(id);
    Live live;
    live.history = new MetricsStore(this);
    // Beside the database unless told otherwise (the default paths use MetricsStore's folder).
    const QString dir = m_paths.metricsDir.isEmpty() ? QFileInfo(m_paths.database).absolutePath() +
                                                           QStringLiteral("/metrics")
                                                     : m_paths.metricsDir;
    const QString path =
        dir + QLatin1Char('/') + QFileInfo(MetricsStore::defaultPath(id)).fileName();
    QDir().mkpath(QFileInfo(path).absolutePath());
    live.history->open(path, id);
    connect(live.history, &MetricsStore::problem, this,
            [](const QString &message) { qCWarning(lcStore).noquote() << message; });
    live.session =
        new ClusterSession(*profile, secrets, SessionOptions::fromSettings(m_settings), this);
    auto *recorder = new SnapshotRecorder(live.history, live.session);
    recorder->attach(live.session, &ClusterSession::snapshotPublished,
                     &ClusterSession::eventsFound);
    m_sessions.insert(id, live);
    live.session->open();
    Q_EMIT sessionOpened(id);
    return live.session;
}

void Workspace::closeSession(const QString &id)
{
    const Live live = m_sessions.value(id);
    if (!live.session)
        return;
    Q_EMIT sessionClosing(id);
    m_sessions.remove(id);
    // Destroying a session closes it and waits for its thread; the store writes what is queued.
    delete live.session;
    delete live.history;
}

void Workspace::open()
{
    Status opened = m_db.open(m_paths.database);
    m_notice = m_db.notice();
    m_persistent = opened.ok();
    if (!opened) {
        m_notice = tr("%1 Kastle is using a temporary database for this session; changes will "
                      "not be kept.")
                       .arg(opened.error().message);
        qCCritical(lcStore).noquote() << m_notice;
        if (Status mem = m_db.openInMemory(); !mem)
            qCCritical(lcStore).noquote() << mem.error().message;
    }
    Result<QList<ConnectionProfile>> profiles = m_store->loadProfiles();
    if (profiles)
        m_connections->setProfiles(*profiles);
    else
        qCCritical(lcStore).noquote() << profiles.error().message;
    m_settings = AppSettings::load(*m_store);
}

void Workspace::setSettings(const AppSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    if (!settings.save(*m_store))
        qCWarning(lcStore) << "could not save the settings";
    Q_EMIT settingsChanged(settings);
}

Status Workspace::saveProfile(ConnectionProfile &profile)
{
    if (Status s = m_store->saveProfile(profile); !s)
        return s;
    m_connections->upsertProfile(profile);
    return Done{};
}

Result<ConnectionProfile> Workspace::duplicateProfile(const QString &id)
{
    const std::optional<ConnectionProfile> original = m_connections->profile(id);
    if (!original || id == ConnectionListModel::sandboxId())
        return Error{tr("There is no connection to duplicate.")};
    ConnectionProfile copy = *original;
    copy.id.clear();
    copy.name = tr("%1 (copy)").arg(original->name);
    if (Status s = saveProfile(copy); !s)
        return s.error();
    const QString copyId = copy.id;
    m_secrets->load(id, this, [this, copyId](Result<ProfileSecrets> secrets) {
        if (secrets && !secrets->isEmpty()) {
            m_secrets->store(copyId, *secrets, this, [](Status s) {
                if (!s)
                    qCWarning(lcSecrets).noquote() << s.error().message;
            });
        }
    });
    return copy;
}

Status Workspace::deleteProfile(const QString &id)
{
    if (Status s = m_store->removeProfile(id); !s)
        return s;
    m_connections->removeProfile(id);
    m_secrets->remove(id, this, [](Status s) {
        if (!s)
            qCWarning(lcSecrets).noquote() << s.error().message;
    });
    return Done{};
}

Status Workspace::moveProfile(const QString &id, int delta)
{
    if (!m_connections->moveProfile(id, delta))
        return Done{}; // already at the edge
    return m_store->setOrder(m_connections->profileIds());
}

quint64 Workspace::checkCluster(const QString &id, const ProfileSecrets &secrets,
                                std::chrono::milliseconds timeout)
{
    const std::optional<ConnectionProfile> profile = m_connections->profile(id);
    if (!profile)
        return 0;
    m_connections->setStatus(id, ClusterStatus::Connecting, tr("Connecting…"));
    const quint64 job = m_tester->start(*profile, secrets, timeout);
    m_pendingChecks.insert(job, id);
    return job;
}

void Workspace::onSandboxState(SandboxController::State state)
{
    const QString id = ConnectionListModel::sandboxId();
    m_connections->setSandboxBootstrap(
        state == SandboxController::State::Running ? m_sandbox->bootstrap() : QString());
    ClusterStatus status = ClusterStatus::Idle;
    switch (state) {
    case SandboxController::State::Starting:
    case SandboxController::State::Stopping:
        status = ClusterStatus::Connecting;
        break;
    case SandboxController::State::Running:
        status = ClusterStatus::Connected;
        break;
    case SandboxController::State::Failed:
    case SandboxController::State::Exited:
        status = ClusterStatus::Failed;
        break;
    case SandboxController::State::Stopped:
        break;
    }
    m_connections->setStatus(id, status, m_sandbox->stateText());
    // A freshly started sandbox is checked like any cluster, so its page shows the cluster id,
    // and gets a live session; a sandbox that is no longer running has none.
    if (state == SandboxController::State::Running) {
        checkCluster(id, {});
        openSession(id, {});
    } else {
        m_sampleData->stop();
        closeSession(id);
    }
}

} // namespace kastle::core
