// librdkafka admin requests on a polled result queue.
#include "rdkafkaadmin.h"

namespace kastle::core {

RdKafkaAdmin::RdKafkaAdmin(ConnectionProfile profile, ProfileSecrets secrets, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_secrets(std::move(secrets))
    , m_poll(this)
{
    // Results are few and an operation is a person waiting: 20 ms is quick and costs nothing
    // while idle (the timer only runs with requests outstanding).
    m_poll.setInterval(20);
    connect(&m_poll, &QTimer::timeout, this, &RdKafkaAdmin::poll);
}

RdKafkaAdmin::~RdKafkaAdmin()
{
    close();
}

Status RdKafkaAdmin::ensureHandle()
{
    if (m_rk)
        return Done{};
    Result<RdKafkaConfig> config = RdKafkaConfigBuilder::make(m_profile, m_secrets);
    if (!config)
        return config.error();
    m_config = std::move(*config);
    char err[512] = {0};
    // rd_kafka_new takes the configuration over on success.
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, m_config.conf.get(), err, sizeof err);
    if (!rk)
        return Error{tr("librdkafka could not start: %1").arg(QString::fromUtf8(err))};
    (void)m_config.conf.release();
    m_rk = rk;
    m_queue = rd_kafka_queue_new(m_rk);
    return Done{};
}

void RdKafkaAdmin::run(Launch launch, Handle handle, std::chrono::milliseconds timeout)
{
    if (Status s = ensureHandle(); !s) {
        handle(nullptr, &s.error());
        return;
    }
    const quintptr id = m_nextId++;
    rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(m_rk, RD_KAFKA_ADMIN_OP_ANY);
    char err[256];
    rd_kafka_AdminOptions_set_request_timeout(options, int(timeout.count()), err, sizeof err);
    // The broker's own wait (topic creation, deletion) ends before the request times out.
    rd_kafka_AdminOptions_set_operation_timeout(options, int(timeout.count() * 2 / 3), err,
                                                sizeof err);
    rd_kafka_AdminOptions_set_opaque(options, reinterpret_cast<void *>(id));
    m_pending.emplace(id, std::move(handle));
    const Status launched = launch(m_rk, options, m_queue);
    rd_kafka_AdminOptions_destroy(options);
    if (!launched) {
        Handle h = std::move(m_pending[id]);
        m_pending.erase(id);
        h(nullptr, &launched.error());
        return;
    }
    if (!m_poll.isActive())
        m_poll.start();
}

void RdKafkaAdmin::poll()
{
    while (m_queue) {
        rd_kafka_event_t *event = rd_kafka_queue_poll(m_queue, 0);
        if (!event)
            break;
        const auto id = reinterpret_cast<quintptr>(rd_kafka_event_opaque(event));
        auto it = m_pending.find(id);
        if (it != m_pending.end()) {
            Handle handle = std::move(it->second);
            m_pending.erase(it);
            handle(event, nullptr);
        }
        rd_kafka_event_destroy(event);
    }
    if (m_pending.empty())
        m_poll.stop();
}

void RdKafkaAdmin::close()
{
    m_poll.stop();
    m_pending.clear();
    if (m_queue) {
        rd_kafka_queue_destroy(m_queue);
        m_queue = nullptr;
    }
    if (m_rk) {
        rd_kafka_destroy(m_rk);
        m_rk = nullptr;
    }
    m_config = RdKafkaConfig{};
}

} // namespace kastle::core
