// The one place where a connection profile (plus its secrets) becomes a librdkafka
// configuration. Everything that opens a librdkafka handle for a profile goes through
// makeRdKafkaConfig(), so security settings behave the same in the tester and in sessions.
#pragma once

#include "profiles/connectionprofile.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>

#include <librdkafka/rdkafka.h>

#include <memory>

namespace kastle::core {

// What librdkafka reported through its error and log callbacks while a handle ran. Shared with
// librdkafka's threads, hence the mutex. The tester reads it to explain a failure in words.
class RdKafkaEvents
{
public:
    struct Event
    {
        rd_kafka_resp_err_t code = RD_KAFKA_RESP_ERR_NO_ERROR; // from the error callback
        int level = 7;                                         // syslog level for log lines
        QString text;
    };
    void add(Event e);
    QList<Event> events() const;

private:
    mutable QMutex m_mutex;
    QList<Event> m_events;
};

// State that librdkafka's callbacks reach through the configuration's opaque pointer. It must
// outlive the rd_kafka_t made from the configuration; RdKafkaConfig keeps both together.
struct RdKafkaContext
{
    QByteArray oauthToken;     // static OAUTHBEARER token, handed out on every refresh
    QByteArray oauthPrincipal; // principal name to go with it
    RdKafkaEvents events;
};

struct RdKafkaConfDeleter
{
    void operator()(rd_kafka_conf_t *conf) const { rd_kafka_conf_destroy(conf); }
};

struct RdKafkaConfig
{
    std::unique_ptr<rd_kafka_conf_t, RdKafkaConfDeleter> conf;
    std::unique_ptr<RdKafkaContext> context;
};

class RdKafkaConfigBuilder
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::RdKafkaConfigBuilder)
public:
    // Maps the profile's fields onto librdkafka properties, installs error/log callbacks that
    // record into context->events (and log to kastle.kafka), then applies the extra properties.
    // Fails with a sentence naming the property librdkafka rejected.
    static Result<RdKafkaConfig> make(const ConnectionProfile &profile,
                                      const ProfileSecrets &secrets);
    // The same mapping as plain key/value pairs (secrets masked), for display and tests.
    static PropertyList properties(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                                   bool maskSecrets);
};

// librdkafka's version string, e.g. "2.0.2".
QString librdkafkaVersion();

} // namespace kastle::core
