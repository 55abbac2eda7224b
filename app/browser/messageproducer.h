// Producing messages: the produce dialog's sends (key, value, headers, partition, compression,
// acks, repeat count and interval, placeholders expanded per message) and replaying a JSON-lines
// export into a topic (keys, headers and, when asked, timestamps and partitions kept).
//
// Each send or import runs on a thread of its own with a librdkafka producer made from the
// connection profile; progress and the outcome come back by queued signals with the job id.
// Broker errors are turned into sentences by KafkaErrors.
#pragma once

#include "browser/jobrunner.h"
#include "browser/kafkaclient.h"
#include "browser/messagestore.h"

#include <QObject>

#include <memory>

namespace kastle::core {

struct ProduceRequest
{
    QString topic;
    std::optional<QString> key;   // nullopt: null key
    std::optional<QString> value; // nullopt: null value (a tombstone)
    QList<std::pair<QString, QString>> headers;
    int32_t partition = -1;                       // -1: the partitioner chooses
    QString compression = QStringLiteral("none"); // none, gzip, snappy, lz4, zstd
    QString acks = QStringLiteral("all");         // all, 1, 0
    int repeat = 1;
    int intervalMs = 0;
    bool expandPlaceholders = true;
};

struct ImportRequest
{
    QString path; // JSON lines as written by the export (or kcat -J)
    QString topic;
    bool keepTimestamps = false;
    bool keepPartitions = false;
};

struct ProduceProgress
{
    qint64 sent = 0;   // acknowledged by the broker
    qint64 failed = 0; // refused or timed out
    qint64 total = 0;
};

struct ProduceOutcome
{
    ProduceProgress progress;
    bool cancelled = false;
    Error error; // the first failure, in words; empty when everything was delivered
    int32_t lastPartition = -1;
    int64_t lastOffset = -1;
};

class MessageProducer : public QObject
{
    Q_OBJECT
public:
    explicit MessageProducer(QObject *parent = nullptr);
    ~MessageProducer() override; // cancels and waits

    quint64 produce(const KafkaTarget &target, const ProduceRequest &request);
    quint64 importFile(const KafkaTarget &target, const ImportRequest &request);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(quint64 job, const kastle::core::ProduceProgress &progress);
    void finished(quint64 job, const kastle::core::ProduceOutcome &outcome);

private:
    JobRunner m_jobs;
};

} // namespace kastle::core

Q_DECLARE_METATYPE(kastle::core::ProduceProgress)
Q_DECLARE_METATYPE(kastle::core::ProduceOutcome)
