// The console core as one object: database, profile store, keychain, sidebar model, log model,
// connection tester and sandbox launcher, wired so that a profile change is persisted and shown
// in one step. The UI holds one Workspace and never talks to SQLite or librdkafka itself.
#pragma once

#include "kafka/connectiontester.h"
#include "models/connectionlistmodel.h"
#include "models/logmodel.h"
#include "result.h"
#include "sandbox/sampledata.h"
#include "sandbox/sandboxcontroller.h"
#include "stores/appsettings.h"
#include "stores/connectionstore.h"
#include "stores/database.h"
#include "stores/secretstore.h"

#include <QObject>

#include <chrono>
#include <memory>

namespace kastle::core {

class ClusterSession;
class MetricsStore;

class Workspace : public QObject
{
    Q_OBJECT
public:
    struct Paths
    {
        QString database;      // SQLite file
        QString brokerProgram; // kastle-broker
        QString sandboxDir;    // sandbox data directory
        QString metricsDir;    // history files; empty: "metrics" beside the database
    };
    static Paths defaultPaths();

    explicit Workspace(Paths paths, QObject *parent = nullptr);
    ~Workspace() override;

    // Opens the database and loads the profiles. If the file cannot be used at all, Kastle runs
    // on an in-memory database for this session; startupNotice() explains either case.
    void open();
    QString startupNotice() const { return m_notice; }
    bool persistent() const { return m_persistent; }

    ConnectionStore &store() { return *m_store; }
    SecretStore *secrets() { return m_secrets; }
    ConnectionListModel *connections() { return m_connections; }
    LogModel *log() { return m_log; }
    SandboxController *sandbox() { return m_sandbox; }
    ConnectionTester *tester() { return m_tester; }
    Database &database() { return m_db; }

    AppSettings settings() const { return m_settings; }
    void setSettings(const AppSettings &settings);

    // Persists the profile (assigning an id to a new one) and shows it in the sidebar.
    Status saveProfile(ConnectionProfile &profile);
    // A copy named "<name> (copy)" placed last; its secrets are copied in the background.
    Result<ConnectionProfile> duplicateProfile(const QString &id);
    Status deleteProfile(const QString &id); // also removes its keychain entry
    Status moveProfile(const QString &id, int delta);

    // Live sessions: one ClusterSession and its history (MetricsStore) per open cluster. The
    // sandbox's session opens when the sandbox reports ready and closes when it stops.
    ClusterSession *session(const QString &id) const { return m_sessions.value(id).session; }
    MetricsStore *history(const QString &id) const { return m_sessions.value(id).history; }
    // Opens (or re-opens, replacing the old one) the session of a cluster.
    ClusterSession *openSession(const QString &id, const ProfileSecrets &secrets);
    void closeSession(const QString &id);
    // The sandbox's sample data generator ("Load sample data").
    SampleData *sampleData() { return m_sampleData; }

    // Runs a connection test for a sidebar entry and shows the outcome as its status.
    quint64 checkCluster(const QString &id, const ProfileSecrets &secrets,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));

Q_SIGNALS:
    void clusterChecked(const QString &id, const kastle::core::ConnectionTestOutcome &outcome);
    void settingsChanged(const kastle::core::AppSettings &settings);
    void sessionOpened(const QString &id);
    void sessionClosing(const QString &id); // the session and history are still valid

private:
    void onSandboxState(SandboxController::State state);

    Paths m_paths;
    Database m_db;
    std::unique_ptr<ConnectionStore> m_store;
    SecretStore *m_secrets;
    ConnectionListModel *m_connections;
    LogModel *m_log;
    SandboxController *m_sandbox;
    ConnectionTester *m_tester;
    AppSettings m_settings;
    QString m_notice;
    bool m_persistent = false;
    QHash<quint64, QString> m_pendingChecks; // job id -> cluster id
    struct Live
    {
        ClusterSession *session = nullptr;
        MetricsStore *history = nullptr;
    };
    QHash<QString, Live> m_sessions; // cluster id -> its session
    SampleData *m_sampleData;
};

} // namespace kastle::core
