// Sample topics, a JSON producer and two consumer groups (one lagging) on librdkafka threads.
#include "sampledata.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <cmath>
#include <random>

namespace kastle::core {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char *kLaggingGroup = "order-fulfilment";
constexpr const char *kHealthyGroup = "analytics-pageviews";

void setConf(rd_kafka_conf_t *conf, const char *key, const std::string &value)
{
    char err[256];
    if (rd_kafka_conf_set(conf, key, value.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK)
        qCWarning(lcSandbox) << "sample data: config" << key << err;
}

rd_kafka_t *makeHandle(rd_kafka_type_t type, rd_kafka_conf_t *conf, QString *error)
{
    char err[512];
    rd_kafka_t *rk = rd_kafka_new(type, conf, err, sizeof err);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        *error = QString::fromUtf8(err);
    }
    return rk;
}

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *msg, void *opaque)
{
    if (msg->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        static_cast<std::atomic<qint64> *>(opaque)->fetch_add(1);
}

const char *const kCities[] = {"Berlin", "Lisbon", "Oslo", "Lyon", "Turin", "Ghent", "Porto"};
const char *const kPages[] = {"/", "/search", "/product/{id}", "/cart", "/checkout", "/account"};
const char *const kMethods[] = {"card", "paypal", "sepa", "apple_pay"};

} // namespace

QList<SampleData::TopicSpec> SampleData::topics()
{
    return {{QStringLiteral("orders"), 6, 25},
            {QStringLiteral("payments"), 3, 20},
            {QStringLiteral("page-views"), 12, 45},
            {QStringLiteral("inventory-updates"), 3, 8},
            {QStringLiteral("user-signups"), 1, 2}};
}

QStringList SampleData::groups()
{
    return {QString::fromLatin1(kLaggingGroup), QString::fromLatin1(kHealthyGroup)};
}

SampleData::SampleData(QObject *parent)
    : QObject(parent)
{}

SampleData::~SampleData()
{
    stop();
}

void SampleData::start(const QString &bootstrap, int messagesPerSecond)
{
    if (m_running)
        return;
    m_rate = messagesPerSecond;
    m_stop = false;
    m_running = true;
    m_topicsCreated = false;
    const std::string servers = bootstrap.toStdString();
    qCInfo(lcSandbox).noquote() << "sample data: producing" << messagesPerSecond << "messages/s to"
                                << bootstrap;
    m_producer = std::thread([this, servers] { runProducer(servers); });
    m_consumers = std::thread([this, servers] { runConsumers(servers); });
}

void SampleData::stop()
{
    if (!m_running)
        return;
    m_stop = true;
    if (m_producer.joinable())
        m_producer.join();
    if (m_consumers.joinable())
        m_consumers.join();
    m_running = false;
    qCInfo(lcSandbox).noquote() << "sample data stopped after" << m_produced.load() << "messages";
}

void SampleData::report(const QString &message)
{
    qCWarning(lcSandbox).noquote() << "sample data:" << message;
    QMetaObject::invokeMethod(
        this, [this, message] { Q_EMIT problem(message); }, Qt::QueuedConnection);
}

QByteArray SampleData::makeValue(const QString &topic, qint64 seq, qint64 nowMs, QByteArray *key)
{
    // A cheap deterministic spread from the sequence number, so values look varied but tests
    // can rely on their shape.
    const auto pick = [seq](qint64 salt, qint64 n) { return ((seq * 2654435761LL) ^ salt) % n; };
    const QString at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString customer = QStringLiteral("cus-%1").arg(1000 + pick(7, 9000));
    QJsonObject o;
    if (topic == QLatin1String("orders")) {
        const QString id = QStringLiteral("ord-%1").arg(seq, 8, 10, QLatin1Char('0'));
        QJsonArray items;
        double total = 0;
        for (qint64 i = 0, n = 1 + pick(3, 4); i < n; ++i) {
            const double price = double(199 + pick(11 + i, 9800)) / 100.0;
            const int qty = int(1 + pick(13 + i, 3));
            total += price * qty;
            items.append(QJsonObject{
                {QStringLiteral("sku"), QStringLiteral("SKU-%1").arg(1000 + pick(17 + i, 500))},
                {QStringLiteral("qty"), qty},
                {QStringLiteral("price"), price}});
        }
        o = {{QStringLiteral("order_id"), id},
             {QStringLiteral("customer_id"), customer},
             {QStringLiteral("items"), items},
             {QStringLiteral("total"), std::round(total * 100) / 100},
             {QStringLiteral("currency"), QStringLiteral("EUR")},
             {QStringLiteral("status"), QStringLiteral("created")},
             {QStringLiteral("created_at"), at}};
        *key = id.toUtf8();
    } else if (topic == QLatin1String("payments")) {
        const QString id = QStringLiteral("pay-%1").arg(seq, 8, 10, QLatin1Char('0'));
        o = {{QStringLiteral("payment_id"), id},
             {QStringLiteral("order_id"),
              QStringLiteral("ord-%1").arg(qMax<qint64>(0, seq - 3), 8, 10, QLatin1Char('0'))},
             {QStringLiteral("amount"), double(500 + pick(5, 30000)) / 100.0},
             {QStringLiteral("currency"), QStringLiteral("EUR")},
             {QStringLiteral("method"), QString::fromLatin1(kMethods[pick(19, 4)])},
             {QStringLiteral("approved"), pick(23, 50) != 0},
             {QStringLiteral("at"), at}};
        *key = id.toUtf8();
    } else if (topic == QLatin1String("page-views")) {
        QString page = QString::fromLatin1(kPages[pick(29, 6)]);
        page.replace(QLatin1String("{id}"), QString::number(1000 + pick(31, 500)));
        o = {{QStringLiteral("session_id"),
              QStringLiteral("s-%1").arg(pick(37, 100000), 6, 16, QLatin1Char('0'))},
             {QStringLiteral("user_id"), customer},
             {QStringLiteral("page"), page},
             {QStringLiteral("referrer"),
              pick(41, 3) == 0 ? QStringLiteral("search") : QStringLiteral("direct")},
             {QStringLiteral("duration_ms"), int(50 + pick(43, 9000))},
             {QStringLiteral("at"), at}};
        *key = customer.toUtf8();
    } else if (topic == QLatin1String("inventory-updates")) {
        const QString sku = QStringLiteral("SKU-%1").arg(1000 + pick(47, 500));
        o = {{QStringLiteral("sku"), sku},
             {QStringLiteral("warehouse"), QString::fromLatin1(kCities[pick(53, 7)])},
             {QStringLiteral("delta"), int(pick(59, 41)) - 20},
             {QStringLiteral("at"), at}};
        *key = sku.toUtf8();
    } else {
        o = {{QStringLiteral("user_id"), customer},
             {QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(seq)},
             {QStringLiteral("city"), QString::fromLatin1(kCities[pick(61, 7)])},
             {QStringLiteral("plan"),
              pick(67, 5) == 0 ? QStringLiteral("pro") : QStringLiteral("free")},
             {QStringLiteral("at"), at}};
        *key = customer.toUtf8();
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void SampleData::runProducer(std::string bootstrap)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    setConf(conf, "bootstrap.servers", bootstrap);
    setConf(conf, "client.id", "kastle-sample-producer");
    setConf(conf, "linger.ms", "20");
    setConf(conf, "compression.type", "lz4");
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    rd_kafka_conf_set_opaque(conf, &m_failed);
    QString error;
    rd_kafka_t *rk = makeHandle(RD_KAFKA_PRODUCER, conf, &error);
    if (!rk) {
        report(tr("Could not start the sample producer: %1").arg(error));
        m_topicsCreated = true; // let the consumers give up too
        return;
    }

    // Create the topics; "already exists" is fine (sample data loaded before).
    const QList<TopicSpec> specs = topics();
    std::vector<rd_kafka_NewTopic_t *> newTopics;
    for (const TopicSpec &t : specs) {
        char err[256];
        newTopics.push_back(
            rd_kafka_NewTopic_new(t.name.toUtf8().constData(), t.partitions, 1, err, sizeof err));
    }
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    rd_kafka_CreateTopics(rk, newTopics.data(), newTopics.size(), nullptr, queue);
    rd_kafka_event_t *ev = nullptr;
    while (!m_stop && !(ev = rd_kafka_queue_poll(queue, 200))) {
    }
    if (ev) {
        if (const rd_kafka_CreateTopics_result_t *res = rd_kafka_event_CreateTopics_result(ev)) {
            size_t n = 0;
            const rd_kafka_topic_result_t **results = rd_kafka_CreateTopics_result_topics(res, &n);
            for (size_t i = 0; i < n; ++i) {
                const rd_kafka_resp_err_t e = rd_kafka_topic_result_error(results[i]);
                if (e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
                    report(tr("Could not create the sample topic %1: %2")
                               .arg(QString::fromUtf8(rd_kafka_topic_result_name(results[i])),
                                    QString::fromUtf8(rd_kafka_err2str(e))));
            }
        } else if (rd_kafka_event_error(ev)) {
            report(tr("Could not create the sample topics: %1")
                       .arg(QString::fromUtf8(rd_kafka_event_error_string(ev))));
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_NewTopic_destroy_array(newTopics.data(), newTopics.size());
    rd_kafka_queue_destroy(queue);
    m_topicsCreated = true;
    if (!m_stop)
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT topicsReady(); }, Qt::QueuedConnection);

    int totalWeight = 0;
    for (const TopicSpec &t : specs)
        totalWeight += t.weight;
    std::vector<QByteArray> names;
    for (const TopicSpec &t : specs)
        names.push_back(t.name.toUtf8());
    std::vector<qint64> sequence(specs.size(), 0);
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> dice(0, totalWeight - 1);

    // Messages are due at a steady rate; each 10 ms tick sends what has become due.
    double due = 0;
    auto last = Clock::now();
    while (!m_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const auto now = Clock::now();
        due += std::chrono::duration<double>(now - last).count() * m_rate;
        last = now;
        due = std::min(due, double(m_rate)); // after a stall, do not burst more than 1 s worth
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        while (due >= 1 && !m_stop) {
            int roll = dice(random);
            size_t which = 0;
            while (roll >= specs[which].weight) {
                roll -= specs[which].weight;
                ++which;
            }
            QByteArray key;
            const QByteArray value = makeValue(specs[which].name, sequence[which]++, nowMs, &key);
            const rd_kafka_resp_err_t e = rd_kafka_producev(
                rk, RD_KAFKA_V_TOPIC(names[which].constData()),
                RD_KAFKA_V_KEY(key.constData(), size_t(key.size())),
                RD_KAFKA_V_VALUE(const_cast<char *>(value.constData()), size_t(value.size())),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
            if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
                ++m_produced;
            else
                ++m_failed;
            due -= 1;
        }
        rd_kafka_poll(rk, 0);
    }
    rd_kafka_flush(rk, 500);
    rd_kafka_destroy(rk);
}

void SampleData::runConsumers(std::string bootstrap)
{
    while (!m_stop && !m_topicsCreated)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (m_stop)
        return;

    struct Consumer
    {
        rd_kafka_t *rk = nullptr;
        std::vector<const char *> topics;
        double share = 1; // of its topics' produced rate; < 1 falls behind
        double tokens = 0;
    };
    const auto make = [&](const char *group, std::vector<const char *> topicNames,
                          double share) -> Consumer {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        setConf(conf, "bootstrap.servers", bootstrap);
        setConf(conf, "group.id", group);
        setConf(conf, "client.id", std::string(group) + "-worker");
        setConf(conf, "auto.offset.reset", "earliest");
        setConf(conf, "auto.commit.interval.ms", "1000");
        setConf(conf, "queued.max.messages.kbytes", "2048");
        QString error;
        Consumer c{makeHandle(RD_KAFKA_CONSUMER, conf, &error), std::move(topicNames), share};
        if (!c.rk) {
            report(tr("Could not start the sample consumer group %1: %2")
                       .arg(QString::fromLatin1(group), error));
            return c;
        }
        rd_kafka_poll_set_consumer(c.rk);
        rd_kafka_topic_partition_list_t *list =
            rd_kafka_topic_partition_list_new(int(c.topics.size()));
        for (const char *t : c.topics)
            rd_kafka_topic_partition_list_add(list, t, RD_KAFKA_PARTITION_UA);
        if (const rd_kafka_resp_err_t e = rd_kafka_subscribe(c.rk, list))
            report(tr("The sample consumer group %1 could not subscribe: %2")
                       .arg(QString::fromLatin1(group), QString::fromUtf8(rd_kafka_err2str(e))));
        rd_kafka_topic_partition_list_destroy(list);
        return c;
    };

    // Weight of the topics each group reads, as a share of the whole production.
    const auto weightOf = [](const std::vector<const char *> &names) {
        int total = 0, mine = 0;
        for (const TopicSpec &t : topics()) {
            total += t.weight;
            for (const char *n : names)
                if (t.name == QLatin1String(n))
                    mine += t.weight;
        }
        return double(mine) / total;
    };
    std::vector<Consumer> consumers;
    consumers.push_back(make(kLaggingGroup, {"orders", "payments"}, laggingShare));
    consumers.push_back(make(kHealthyGroup, {"page-views"}, 1.0));

    auto last = Clock::now();
    while (!m_stop) {
        const auto now = Clock::now();
        const double elapsed = std::chrono::duration<double>(now - last).count();
        last = now;
        bool idle = true;
        for (Consumer &c : consumers) {
            if (!c.rk)
                continue;
            const bool throttled = c.share < 1;
            if (throttled) {
                const double rate = m_rate * weightOf(c.topics) * c.share;
                c.tokens = std::min(c.tokens + elapsed * rate, std::max(rate, 1.0));
            }
            // Consume what the budget allows. Tokens refill within a fraction of a second,
            // so even the throttled group polls often enough to take part in rebalances.
            for (int i = 0; i < 500 && (!throttled || c.tokens >= 1); ++i) {
                rd_kafka_message_t *msg = rd_kafka_consumer_poll(c.rk, 0);
                if (!msg)
                    break;
                if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                    ++m_consumed;
                    c.tokens -= 1;
                    idle = false;
                }
                rd_kafka_message_destroy(msg);
            }
        }
        if (idle)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (Consumer &c : consumers) {
        if (!c.rk)
            continue;
        rd_kafka_consumer_close(c.rk);
        rd_kafka_destroy(c.rk);
    }
}

} // namespace kastle::core
