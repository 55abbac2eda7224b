// librdkafka's admin API, driven without blocking a thread: one admin-capable handle per session,
// created on first use from the profile (through RdKafkaConfigBuilder, so every security setting
// applies), one result queue polled by a timer while requests are outstanding, and a result
// handler per request matched by the request's opaque id.
//
// Used by the session for the operations librdkafka 2.0.2 offers (topics, partitions, configs,
// records, groups, group offsets). Lives on the session thread; handlers run there.
#pragma once

#include "kafka/rdkafkaconfig.h"
#include "result.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>

namespace kastle::core {

class RdKafkaAdmin : public QObject
{
    Q_OBJECT
public:
    RdKafkaAdmin(ConnectionProfile profile, ProfileSecrets secrets, QObject *parent = nullptr);
    ~RdKafkaAdmin() override; // destroys the handle (may take a moment while it disconnects)

    // Returns an error when the request cannot even be built (e.g. librdkafka rejects an
    // argument); the handler then receives that error instead of an event.
    using Launch =
        std::function<Status(rd_kafka_t *, rd_kafka_AdminOptions_t *, rd_kafka_queue_t *)>;
    // Called with the result event, or with null and an error when the handle cannot be created
    // or the request cannot be built.
    using Handle = std::function<void(rd_kafka_event_t *event, const Error *setupError)>;

    // Starts one admin request: `launch` calls the rd_kafka_* admin function with the options and
    // queue given; `handle` receives its result event (destroyed after it returns).
    void run(Launch launch, Handle handle, std::chrono::milliseconds timeout);

    // Drops outstanding requests unanswered and destroys the handle.
    void close();

private:
    Status ensureHandle();
    void poll();

    ConnectionProfile m_profile;
    ProfileSecrets m_secrets;
    RdKafkaConfig m_config; // keeps the callbacks' context alive with the handle
    rd_kafka_t *m_rk = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
    QTimer m_poll;
    std::map<quintptr, Handle> m_pending;
    quintptr m_nextId = 1;
};

} // namespace kastle::core
