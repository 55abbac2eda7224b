// librdkafka handles for the message browser and producer, opened from a connection profile
// through RdKafkaConfigBuilder, plus the few blocking queries the browser needs (partitions,
// watermarks, offsets for a time, a group's committed offsets). Every call here blocks and is
// meant for the browser's and producer's worker threads only.
//
// The browser's consumer never joins a group and never commits: it uses assign() only. librdkafka
// insists on a group.id for assign(), so a random, never-joined id is set.
#pragma once

#include "kafka/rdkafkaconfig.h"
#include "profiles/connectionprofile.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaType>

#include <librdkafka/rdkafka.h>

#include <memory>

namespace kastle::core {

// Where to connect: a profile with its secrets.
struct KafkaTarget
{
    ConnectionProfile profile;
    ProfileSecrets secrets;
};

class KafkaClient
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::KafkaClient)
public:
    ~KafkaClient();
    KafkaClient(const KafkaClient &) = delete;
    KafkaClient &operator=(const KafkaClient &) = delete;

    // A consumer for assign()-only reading (no commits, no group membership).
    static Result<std::unique_ptr<KafkaClient>> consumer(const KafkaTarget &target);
    // A producer; `overrides` go on top of the profile (acks, compression, ...). Delivery
    // reports reach `deliveryReport` (which may be null) on the thread calling poll/flush.
    static Result<std::unique_ptr<KafkaClient>>
    producer(const KafkaTarget &target, const PropertyList &overrides,
             void (*deliveryReport)(rd_kafka_t *, const rd_kafka_message_t *, void *) = nullptr);

    rd_kafka_t *handle() const { return m_rk; }

    Result<QList<int32_t>> partitions(const QString &topic, int timeoutMs = 10000);
    Result<QStringList> topics(int timeoutMs = 10000);
    // Low and high watermark of one partition.
    Result<std::pair<int64_t, int64_t>> watermarks(const QString &topic, int32_t partition,
                                                   int timeoutMs = 10000);
    // For each partition, the first offset whose timestamp is >= `timestamp` (-1 when none).
    Result<QHash<int32_t, int64_t>> offsetsForTime(const QString &topic,
                                                   const QList<int32_t> &partitions,
                                                   int64_t timestamp, int timeoutMs = 10000);
    // The group's committed offsets for the topic's partitions (-1 where none is committed).
    // An OffsetFetch through the admin API: the group is not joined.
    Result<QHash<int32_t, int64_t>> committedOffsets(const QString &group, const QString &topic,
                                                     const QList<int32_t> &partitions,
                                                     int timeoutMs = 10000);

    // A sentence from librdkafka's error callback, if any came (explains a silent timeout).
    QString lastReportedError() const;

private:
    KafkaClient() = default;
    static Result<std::unique_ptr<KafkaClient>>
    open(const KafkaTarget &target, rd_kafka_type_t type, const PropertyList &overrides,
         void (*dr)(rd_kafka_t *, const rd_kafka_message_t *, void *));

    std::unique_ptr<RdKafkaContext> m_context;
    rd_kafka_t *m_rk = nullptr;
};

} // namespace kastle::core

Q_DECLARE_METATYPE(kastle::core::KafkaTarget)
