// librdkafka handles and blocking queries for the browser and producer workers.
#include "kafkaclient.h"
#include "kafka/kafkaerrors.h"

#include <QUuid>

namespace kastle::core {

namespace {

struct PartitionListDeleter
{
    void operator()(rd_kafka_topic_partition_list_t *l) const
    {
        rd_kafka_topic_partition_list_destroy(l);
    }
};
using PartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

} // namespace

KafkaClient::~KafkaClient()
{
    if (m_rk)
        rd_kafka_destroy(m_rk);
}

Result<std::unique_ptr<KafkaClient>>
KafkaClient::open(const KafkaTarget &target, rd_kafka_type_t type, const PropertyList &overrides,
                  void (*dr)(rd_kafka_t *, const rd_kafka_message_t *, void *))
{
    Result<RdKafkaConfig> config = RdKafkaConfigBuilder::make(target.profile, target.secrets);
    if (!config)
        return config.error();
    rd_kafka_conf_t *conf = config->conf.get();
    char err[512];
    for (const auto &[key, value] : overrides) {
        if (rd_kafka_conf_set(conf, key.toUtf8().constData(), value.toUtf8().constData(), err,
                              sizeof err) != RD_KAFKA_CONF_OK)
            return Error{
                tr("The setting %1=%2 was refused: %3").arg(key, value, QString::fromUtf8(err))};
    }
    if (dr)
        rd_kafka_conf_set_dr_msg_cb(conf, dr);
    std::unique_ptr<KafkaClient> client(new KafkaClient);
    client->m_context = std::move(config->context);
    client->m_rk = rd_kafka_new(type, conf, err, sizeof err);
    if (!client->m_rk)
        return Error{tr("Could not create a Kafka client: %1").arg(QString::fromUtf8(err))};
    config->conf.release(); // rd_kafka_new took it over
    return client;
}

Result<std::unique_ptr<KafkaClient>> KafkaClient::consumer(const KafkaTarget &target)
{
    const PropertyList overrides = {
        {QStringLiteral("group.id"),
         QStringLiteral("kastle-browser-") + QUuid::createUuid().toString(QUuid::Id128)},
        {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
        {QStringLiteral("enable.auto.offset.store"), QStringLiteral("false")},
        {QStringLiteral("enable.partition.eof"), QStringLiteral("true")},
        // Read what the user asks for, exactly; never jump elsewhere on an invalid offset.
        {QStringLiteral("auto.offset.reset"), QStringLiteral("error")},
        {QStringLiteral("fetch.wait.max.ms"), QStringLiteral("200")},
    };
    Result<std::unique_ptr<KafkaClient>> c = open(target, RD_KAFKA_CONSUMER, overrides, nullptr);
    if (c)
        rd_kafka_poll_set_consumer((*c)->m_rk);
    return c;
}

Result<std::unique_ptr<KafkaClient>>
KafkaClient::producer(const KafkaTarget &target, const PropertyList &overrides,
                      void (*deliveryReport)(rd_kafka_t *, const rd_kafka_message_t *, void *))
{
    return open(target, RD_KAFKA_PRODUCER, overrides, deliveryReport);
}

QString KafkaClient::lastReportedError() const
{
    const QList<RdKafkaEvents::Event> events = m_context->events.events();
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        if (it->code != RD_KAFKA_RESP_ERR_NO_ERROR)
            return it->text;
    return {};
}

Result<QList<int32_t>> KafkaClient::partitions(const QString &topic, int timeoutMs)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(m_rk, topic.toUtf8().constData(), nullptr);
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_rk, 0, rkt, &md, timeoutMs);
    rd_kafka_topic_destroy(rkt);
    if (err)
        return KafkaErrors::error(err, tr("Could not read the partitions of %1").arg(topic),
                                  lastReportedError());
    QList<int32_t> out;
    rd_kafka_resp_err_t topicErr = RD_KAFKA_RESP_ERR_NO_ERROR;
    for (int t = 0; t < md->topic_cnt; ++t) {
        topicErr = md->topics[t].err;
        for (int p = 0; p < md->topics[t].partition_cnt; ++p)
            out.append(md->topics[t].partitions[p].id);
    }
    rd_kafka_metadata_destroy(md);
    if (topicErr)
        return KafkaErrors::error(topicErr, tr("Could not read the partitions of %1").arg(topic));
    std::sort(out.begin(), out.end());
    return out;
}

Result<QStringList> KafkaClient::topics(int timeoutMs)
{
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_rk, 1, nullptr, &md, timeoutMs);
    if (err)
        return KafkaErrors::error(err, tr("Could not list the topics"), lastReportedError());
    QStringList out;
    for (int t = 0; t < md->topic_cnt; ++t)
        out.append(QString::fromUtf8(md->topics[t].topic));
    rd_kafka_metadata_destroy(md);
    out.sort();
    return out;
}

Result<std::pair<int64_t, int64_t>> KafkaClient::watermarks(const QString &topic, int32_t partition,
                                                            int timeoutMs)
{
    int64_t low = -1, high = -1;
    const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
        m_rk, topic.toUtf8().constData(), partition, &low, &high, timeoutMs);
    if (err)
        return KafkaErrors::error(
            err, tr("Could not read the offsets of %1 partition %2").arg(topic).arg(partition),
            lastReportedError());
    return std::pair(low, high);
}

Result<QHash<int32_t, int64_t>> KafkaClient::offsetsForTime(const QString &topic,
                                                            const QList<int32_t> &partitions,
                                                            int64_t timestamp, int timeoutMs)
{
    PartitionList list(rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
    const QByteArray name = topic.toUtf8();
    for (int32_t p : partitions)
        rd_kafka_topic_partition_list_add(list.get(), name.constData(), p)->offset = timestamp;
    const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(m_rk, list.get(), timeoutMs);
    if (err)
        return KafkaErrors::error(err, tr("Could not look up offsets by time in %1").arg(topic),
                                  lastReportedError());
    QHash<int32_t, int64_t> out;
    for (int i = 0; i < list->cnt; ++i) {
        const rd_kafka_topic_partition_t &tp = list->elems[i];
        if (tp.err)
            return KafkaErrors::error(tp.err,
                                      tr("Could not look up offsets by time in %1 partition %2")
                                          .arg(topic)
                                          .arg(tp.partition));
        out.insert(tp.partition, tp.offset);
    }
    return out;
}

Result<QHash<int32_t, int64_t>> KafkaClient::committedOffsets(const QString &group,
                                                              const QString &topic,
                                                              const QList<int32_t> &partitions,
                                                              int timeoutMs)
{
    const QString what = tr("Could not read the committed offsets of group %1").arg(group);
    PartitionList list(rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
    const QByteArray name = topic.toUtf8();
    for (int32_t p : partitions)
        rd_kafka_topic_partition_list_add(list.get(), name.constData(), p);
    rd_kafka_ListConsumerGroupOffsets_t *request =
        rd_kafka_ListConsumerGroupOffsets_new(group.toUtf8().constData(), list.get());
    rd_kafka_queue_t *queue = rd_kafka_queue_new(m_rk);
    rd_kafka_AdminOptions_t *options =
        rd_kafka_AdminOptions_new(m_rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS);
    char err[256];
    rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, err, sizeof err);
    rd_kafka_ListConsumerGroupOffsets(m_rk, &request, 1, options, queue);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, timeoutMs + 2000);
    rd_kafka_AdminOptions_destroy(options);
    rd_kafka_ListConsumerGroupOffsets_destroy(request);
    rd_kafka_queue_destroy(queue);
    if (!ev)
        return KafkaErrors::error(RD_KAFKA_RESP_ERR__TIMED_OUT, what, lastReportedError());
    std::unique_ptr<rd_kafka_event_t, void (*)(rd_kafka_event_t *)> guard(ev,
                                                                          rd_kafka_event_destroy);
    if (rd_kafka_event_error(ev))
        return KafkaErrors::error(rd_kafka_event_error(ev), what,
                                  QString::fromUtf8(rd_kafka_event_error_string(ev)));
    const rd_kafka_ListConsumerGroupOffsets_result_t *result =
        rd_kafka_event_ListConsumerGroupOffsets_result(ev);
    size_t groupCount = 0;
    const rd_kafka_group_result_t **groups =
        rd_kafka_ListConsumerGroupOffsets_result_groups(result, &groupCount);
    QHash<int32_t, int64_t> out;
    for (int32_t p : partitions)
        out.insert(p, -1);
    for (size_t g = 0; g < groupCount; ++g) {
        if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[g]))
            return KafkaErrors::error(rd_kafka_error_code(e), what,
                                      QString::fromUtf8(rd_kafka_error_string(e)));
        const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[g]);
        for (int i = 0; parts && i < parts->cnt; ++i) {
            const rd_kafka_topic_partition_t &tp = parts->elems[i];
            if (tp.err)
                return KafkaErrors::error(tp.err, what);
            out.insert(tp.partition, tp.offset < 0 ? -1 : tp.offset);
        }
    }
    return out;
}

} // namespace kastle::core
