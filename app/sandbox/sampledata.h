// "Load sample data" for the sandbox: a few realistic topics (orders, payments, page-views,
// inventory-updates, user-signups), a producer of realistic JSON at a chosen rate, one consumer
// group that keeps up (analytics-pageviews) and one that falls behind on purpose
// (order-fulfilment consumes orders and payments at a fraction of their rate), so every chart
// and lag view has something true to show.
//
// Everything runs on two threads of its own with librdkafka (a producer, which also creates the
// topics, and the consumers); the owner only sees counters and signals. Topics that already
// exist are kept as they are.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <thread>

namespace kastle::core {

class SampleData : public QObject
{
    Q_OBJECT
public:
    struct TopicSpec
    {
        QString name;
        int partitions;
        int weight; // share of the produced messages
    };
    // The topics created, with their partition counts and production weights.
    static QList<TopicSpec> topics();
    // Consumer groups started; the first one falls behind.
    static QStringList groups();
    // Share of the rate of its topics at which the lagging group consumes.
    static constexpr double laggingShare = 0.6;
    // The production rate offered by the sandbox panel and `kastle --sample-data` (msg/s).
    static constexpr int defaultRate = 200;
    static constexpr int maxRate = 20000;

    explicit SampleData(QObject *parent = nullptr);
    ~SampleData() override; // stops and joins the threads

    // Starts producing `messagesPerSecond` (spread over the topics by weight) to `bootstrap`.
    void start(const QString &bootstrap, int messagesPerSecond);
    void stop();
    bool isRunning() const { return m_running; }
    void setRate(int messagesPerSecond) { m_rate = messagesPerSecond; }
    int rate() const { return m_rate; }

    qint64 produced() const { return m_produced; }
    qint64 consumed() const { return m_consumed; }
    qint64 failed() const { return m_failed; }

    // A JSON document as the sample producer writes it to `topic` (for tests and previews);
    // `sequence` makes keys and ids advance.
    static QByteArray makeValue(const QString &topic, qint64 sequence, qint64 nowMs,
                                QByteArray *key);

Q_SIGNALS:
    void topicsReady();                   // every sample topic exists
    void problem(const QString &message); // translated sentence; queued from the workers

private:
    void runProducer(std::string bootstrap);
    void runConsumers(std::string bootstrap);
    void report(const QString &message);

    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_rate{defaultRate};
    std::atomic<qint64> m_produced{0};
    std::atomic<qint64> m_consumed{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<bool> m_topicsCreated{false};
    std::thread m_producer;
    std::thread m_consumers;
};

} // namespace kastle::core
