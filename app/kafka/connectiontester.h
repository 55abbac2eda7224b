// "Test connection": a metadata request against a profile's bootstrap servers, off the UI
// thread and bounded by a timeout, answered with the cluster id and broker count or with the
// failure in plain words (unreachable host, TLS failure, authentication failure, timeout).
#pragma once

#include "profiles/connectionprofile.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QObject>

#include <chrono>

namespace kastle::core {

struct ConnectionTestOutcome
{
    enum class Failure { None, Configuration, Unreachable, Tls, Authentication, Timeout, Other };

    Failure failure = Failure::None;
    QString message;   // translated sentence; for success a summary
    QString clusterId; // may be empty for very old brokers
    int brokerCount = 0;
    int controllerId = -1;
    qint64 elapsedMs = 0;

    bool ok() const { return failure == Failure::None; }
};

class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);

    // Starts a test in the thread pool and returns its job id; finished() carries the same id
    // so a caller can drop answers to requests it no longer cares about.
    quint64 start(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                  std::chrono::milliseconds timeout);

    // The blocking test itself (runs on a worker thread). Never takes much longer than timeout.
    static ConnectionTestOutcome run(const ConnectionProfile &profile,
                                     const ProfileSecrets &secrets,
                                     std::chrono::milliseconds timeout);

Q_SIGNALS:
    void finished(quint64 jobId, const kastle::core::ConnectionTestOutcome &outcome);

private:
    quint64 m_nextJob = 1;
};

} // namespace kastle::core

Q_DECLARE_METATYPE(kastle::core::ConnectionTestOutcome)
