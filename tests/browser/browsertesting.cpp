// Browser test helpers.
#include "browsertesting.h"

#include "processes.h"
#include "rdkafkaclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace kastle::testing {

namespace {

struct SharedBroker
{
    QTemporaryDir dir;
    std::unique_ptr<BrokerProcess> process;
    bool started = false;
};

SharedBroker &shared()
{
    static SharedBroker broker;
    if (!broker.process) {
        broker.process = std::make_unique<BrokerProcess>(
            QString(broker.dir.path() + QStringLiteral("/data")).toStdString());
        broker.started = broker.process->start();
    }
    return broker;
}

} // namespace

const std::string &brokerBootstrap()
{
    SharedBroker &b = shared();
    EXPECT_TRUE(b.started) << "kastle-broker did not start: " << b.process->log();
    return b.process->bootstrap();
}

core::KafkaTarget brokerTarget()
{
    core::KafkaTarget t;
    t.profile.id = QStringLiteral("browser-test");
    t.profile.name = QStringLiteral("browser test");
    t.profile.bootstrapServers = QString::fromStdString(brokerBootstrap());
    return t;
}

void createTopic(const std::string &name, int partitions)
{
    Admin admin(brokerBootstrap());
    std::string message;
    ASSERT_EQ(admin.createTopic(name, partitions, 1, {}, false, &message),
              RD_KAFKA_RESP_ERR_NO_ERROR)
        << message;
}

bool produceRaw(const std::string &topic, const std::vector<core::RawMessage> &messages)
{
    Producer producer(brokerBootstrap(), {{"linger.ms", "5"}});
    rd_kafka_t *rk = producer.handle();
    int failures = 0;
    // The fixture producer's delivery callback reports into a Message per record.
    std::vector<Message> reports(messages.size());
    for (size_t n = 0; n < messages.size(); ++n) {
        const core::RawMessage &m = messages[n];
        void *opaque = &reports[n];
        rd_kafka_headers_t *headers = rd_kafka_headers_new(8);
        for (const core::RawHeader &h : m.headers)
            rd_kafka_header_add(headers, h.name.constData(), h.name.size(),
                                h.value ? h.value->constData() : nullptr,
                                h.value ? h.value->size() : 0);
        static const char empty[1] = {0};
        void *key =
            m.key ? const_cast<char *>(m.key->isEmpty() ? empty : m.key->constData()) : nullptr;
        const size_t keySize = m.key ? static_cast<size_t>(m.key->size()) : 0;
        void *value = m.value
                          ? const_cast<char *>(m.value->isEmpty() ? empty : m.value->constData())
                          : nullptr;
        const size_t valueSize = m.value ? static_cast<size_t>(m.value->size()) : 0;
        const int32_t partition = m.partition;
        const int64_t timestamp = m.timestamp;
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, keySize),
            RD_KAFKA_V_VALUE(value, valueSize), RD_KAFKA_V_TIMESTAMP(timestamp),
            RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
        if (err) {
            rd_kafka_headers_destroy(headers);
            ++failures;
        }
    }
    if (rd_kafka_flush(rk, 20000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return false;
    for (const Message &r : reports)
        if (r.error != RD_KAFKA_RESP_ERR_NO_ERROR)
            ++failures;
    return failures == 0;
}

ScanResult scan(const core::BrowseRequest &request, int timeoutMs)
{
    ScanResult result;
    core::MessageBrowser browser;
    quint64 job = 0;
    QObject::connect(&browser, &core::MessageBrowser::messages, &browser,
                     [&](quint64 id, std::shared_ptr<core::MessageStore> batch) {
                         if (id != job)
                             return;
                         for (size_t i = 0; i < batch->size(); ++i)
                             result.messages.push_back(batch->message(i));
                     });
    QObject::connect(&browser, &core::MessageBrowser::finished, &browser,
                     [&](quint64 id, const core::BrowseOutcome &outcome) {
                         if (id != job)
                             return;
                         result.outcome = outcome;
                         result.finished = true;
                     });
    job = browser.start(brokerTarget(), request);
    EXPECT_TRUE(QTest::qWaitFor([&] { return result.finished; }, timeoutMs))
        << "the scan did not finish";
    return result;
}

std::vector<std::pair<int32_t, int64_t>> positions(const ScanResult &r)
{
    std::vector<std::pair<int32_t, int64_t>> out;
    for (const core::RawMessage &m : r.messages)
        out.emplace_back(m.partition, m.offset);
    return out;
}

core::ProduceOutcome runProducer(const std::function<quint64(core::MessageProducer &)> &start,
                                 int timeoutMs)
{
    core::MessageProducer producer;
    core::ProduceOutcome result;
    bool done = false;
    quint64 job = 0;
    QObject::connect(&producer, &core::MessageProducer::finished, &producer,
                     [&](quint64 id, const core::ProduceOutcome &o) {
                         if (id == job) {
                             result = o;
                             done = true;
                         }
                     });
    job = start(producer);
    EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, timeoutMs)) << "the producer did not finish";
    return result;
}

} // namespace kastle::testing
