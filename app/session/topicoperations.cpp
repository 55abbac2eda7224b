// SessionOperations on topics: create, delete, add partitions, describe and alter configs,
// delete records.
#include "operationsupport.h"

#include "kafka/rdkafkaadmin.h"

#include "messages/incrementalalterconfigs.h"

namespace kastle::core {

using namespace protocol;

namespace {

// The single topic result of a CreateTopics/DeleteTopics/CreatePartitions event.
std::optional<Error> topicResultError(const rd_kafka_topic_result_t *const *results, size_t count,
                                      const QString &what)
{
    for (size_t i = 0; i < count; ++i) {
        const rd_kafka_resp_err_t err = rd_kafka_topic_result_error(results[i]);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
            return KafkaErrors::error(int(err), what,
                                      fromC(rd_kafka_topic_result_error_string(results[i])));
    }
    return std::nullopt;
}

// The completion shared by CreateTopics, DeleteTopics and CreatePartitions: the setup error,
// the event's error, then the first failed topic result; `results` picks the event's results.
template<class ReplyFn, class Results>
auto topicsCompletion(ReplyFn reply, QString what, Results results)
{
    return [reply, what, results](rd_kafka_event_t *event, const Error *setup) {
        if (setup)
            return reply(*setup);
        if (auto e = eventError(event, what))
            return reply(*e);
        size_t n = 0;
        const auto *topics = results(event, &n);
        if (auto e = topicResultError(topics, n, what))
            return reply(*e);
        reply(Done{});
    };
}

} // namespace

void SessionOperations::createTopic(const NewTopic &topic, Reply<Done> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not create topic %1").arg(topic.name);
    admin().run(
        [topic, what](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                      rd_kafka_queue_t *queue) -> Status {
            char err[512] = {0};
            rd_kafka_NewTopic_t *nt =
                rd_kafka_NewTopic_new(topic.name.toUtf8().constData(), topic.partitions,
                                      topic.replicationFactor, err, sizeof err);
            if (!nt)
                return KafkaErrors::error(LocalError::InvalidArgument, what, fromC(err));
            for (const auto &[key, value] : topic.configs) {
                if (rd_kafka_NewTopic_set_config(nt, key.toUtf8().constData(),
                                                 value.toUtf8().constData()) != 0) {
                    rd_kafka_NewTopic_destroy(nt);
                    return KafkaErrors::error(LocalError::InvalidArgument, what, key);
                }
            }
            rd_kafka_CreateTopics(rk, &nt, 1, options, queue);
            rd_kafka_NewTopic_destroy(nt);
            return Done{};
        },
        topicsCompletion(reply, what,
                         [](rd_kafka_event_t *event, size_t *n) {
                             return rd_kafka_CreateTopics_result_topics(
                                 rd_kafka_event_CreateTopics_result(event), n);
                         }),
        m_worker.requestTimeout());
}

void SessionOperations::deleteTopic(const QString &name, Reply<Done> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not delete topic %1").arg(name);
    admin().run(
        [name](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
               rd_kafka_queue_t *queue) -> Status {
            rd_kafka_DeleteTopic_t *dt = rd_kafka_DeleteTopic_new(name.toUtf8().constData());
            rd_kafka_DeleteTopics(rk, &dt, 1, options, queue);
            rd_kafka_DeleteTopic_destroy(dt);
            return Done{};
        },
        topicsCompletion(reply, what,
                         [](rd_kafka_event_t *event, size_t *n) {
                             return rd_kafka_DeleteTopics_result_topics(
                                 rd_kafka_event_DeleteTopics_result(event), n);
                         }),
        m_worker.requestTimeout());
}

void SessionOperations::addPartitions(const QString &topic, int32_t totalPartitions,
                                      Reply<Done> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not add partitions to topic %1").arg(topic);
    admin().run(
        [topic, totalPartitions, what](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                                       rd_kafka_queue_t *queue) -> Status {
            char err[512] = {0};
            rd_kafka_NewPartitions_t *np = rd_kafka_NewPartitions_new(
                topic.toUtf8().constData(), size_t(std::max(0, totalPartitions)), err, sizeof err);
            if (!np)
                return KafkaErrors::error(LocalError::InvalidArgument, what, fromC(err));
            rd_kafka_CreatePartitions(rk, &np, 1, options, queue);
            rd_kafka_NewPartitions_destroy(np);
            return Done{};
        },
        topicsCompletion(reply, what,
                         [](rd_kafka_event_t *event, size_t *n) {
                             return rd_kafka_CreatePartitions_result_topics(
                                 rd_kafka_event_CreatePartitions_result(event), n);
                         }),
        m_worker.requestTimeout());
}

void SessionOperations::describeConfigs(ConfigResourceType type, const QString &name,
                                        Reply<ConfigSet> done)
{
    auto reply = track(std::move(done), false);
    const QString what = type == ConfigResourceType::Topic
                             ? tr("Could not read the configuration of topic %1").arg(name)
                             : tr("Could not read the configuration of broker %1").arg(name);
    admin().run(
        [type, name](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                     rd_kafka_queue_t *queue) -> Status {
            rd_kafka_ConfigResource_t *res = rd_kafka_ConfigResource_new(
                static_cast<rd_kafka_ResourceType_t>(type), name.toUtf8().constData());
            rd_kafka_DescribeConfigs(rk, &res, 1, options, queue);
            rd_kafka_ConfigResource_destroy(res);
            return Done{};
        },
        [reply, what, type, name](rd_kafka_event_t *event, const Error *setup) {
            if (setup)
                return reply(*setup);
            if (auto e = eventError(event, what))
                return reply(*e);
            size_t n = 0;
            const rd_kafka_ConfigResource_t **resources = rd_kafka_DescribeConfigs_result_resources(
                rd_kafka_event_DescribeConfigs_result(event), &n);
            if (n == 0)
                return reply(KafkaErrors::error(int(ErrorCode::UnknownServerError), what));
            const rd_kafka_ConfigResource_t *res = resources[0];
            if (const auto err = rd_kafka_ConfigResource_error(res);
                err != RD_KAFKA_RESP_ERR_NO_ERROR)
                return reply(KafkaErrors::error(int(err), what,
                                                fromC(rd_kafka_ConfigResource_error_string(res))));
            ConfigSet set;
            set.type = type;
            set.name = name;
            size_t count = 0;
            const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(res, &count);
            for (size_t i = 0; i < count; ++i) {
                const rd_kafka_ConfigEntry_t *e = entries[i];
                ConfigEntry c;
                c.name = fromC(rd_kafka_ConfigEntry_name(e));
                const char *value = rd_kafka_ConfigEntry_value(e);
                c.isNull = value == nullptr;
                c.value = fromC(value);
                c.source = static_cast<ConfigSource>(rd_kafka_ConfigEntry_source(e));
                c.readOnly = rd_kafka_ConfigEntry_is_read_only(e);
                c.sensitive = rd_kafka_ConfigEntry_is_sensitive(e);
                if (c.source == ConfigSource::Default) {
                    c.defaultValue = c.value;
                    c.defaultIsNull = c.isNull;
                } else {
                    // Synonyms come in precedence order, the entry's own source first: the
                    // first one from another source is what applies without the override.
                    size_t sn = 0;
                    const rd_kafka_ConfigEntry_t **synonyms = rd_kafka_ConfigEntry_synonyms(e, &sn);
                    for (size_t j = 0; j < sn; ++j) {
                        if (int(rd_kafka_ConfigEntry_source(synonyms[j])) == int(c.source))
                            continue;
                        const char *dv = rd_kafka_ConfigEntry_value(synonyms[j]);
                        c.defaultValue = fromC(dv);
                        c.defaultIsNull = dv == nullptr;
                        break;
                    }
                }
                set.entries.push_back(std::move(c));
            }
            std::sort(set.entries.begin(), set.entries.end(),
                      [](const ConfigEntry &a, const ConfigEntry &b) { return a.name < b.name; });
            reply(std::move(set));
        },
        m_worker.requestTimeout());
}

void SessionOperations::alterConfigs(ConfigResourceType type, const QString &name,
                                     const std::vector<ConfigChange> &changes, Reply<Done> done)
{
    auto reply = track(std::move(done), false);
    const QString what = type == ConfigResourceType::Topic
                             ? tr("Could not change the configuration of topic %1").arg(name)
                             : tr("Could not change the configuration of broker %1").arg(name);
    WireClient *wire = m_worker.wire();
    if (!wire)
        return reply(Error{tr("The session is not connected."), LocalError::State});
    IncrementalAlterConfigsRequest req;
    IncrementalAlterConfigsRequest::AlterConfigsResource resource;
    resource.resourceType = int8_t(type);
    resource.resourceName = name.toStdString();
    for (const ConfigChange &c : changes) {
        IncrementalAlterConfigsRequest::AlterableConfig ac;
        ac.name = c.name.toStdString();
        ac.configOperation = int8_t(c.operation);
        if (c.operation == ConfigChange::Operation::Delete)
            ac.value = std::nullopt;
        else
            ac.value = c.value.toStdString();
        resource.configs.push_back(std::move(ac));
    }
    req.resources.push_back(std::move(resource));
    // Broker configs must go to that broker; topic configs to any.
    bool isBroker = type != ConfigResourceType::Topic;
    const WireTarget target = isBroker ? WireTarget::broker(name.toInt()) : WireTarget::any();
    wire->send(target, std::move(req), [reply, what](Result<IncrementalAlterConfigsResponse> r) {
        if (!r)
            return reply(KafkaErrors::error(r.error().code, what, r.error().message));
        for (const auto &res : r->responses) {
            if (res.errorCode != 0)
                return reply(
                    KafkaErrors::error(res.errorCode, what,
                                       res.errorMessage ? fromStd(*res.errorMessage) : QString()));
        }
        reply(Done{});
    });
}

void SessionOperations::deleteRecords(const QString &topic,
                                      const std::vector<std::pair<int32_t, int64_t>> &before,
                                      Reply<PartitionOutcomes> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not delete records of topic %1").arg(topic);
    admin().run(
        [topic, before](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                        rd_kafka_queue_t *queue) -> Status {
            rd_kafka_topic_partition_list_t *list =
                rd_kafka_topic_partition_list_new(int(before.size()));
            const QByteArray name = topic.toUtf8();
            for (const auto &[partition, offset] : before)
                rd_kafka_topic_partition_list_add(list, name.constData(), partition)->offset =
                    offset;
            rd_kafka_DeleteRecords_t *dr = rd_kafka_DeleteRecords_new(list);
            rd_kafka_topic_partition_list_destroy(list);
            rd_kafka_DeleteRecords(rk, &dr, 1, options, queue);
            rd_kafka_DeleteRecords_destroy(dr);
            return Done{};
        },
        [reply, what](rd_kafka_event_t *event, const Error *setup) {
            if (setup)
                return reply(*setup);
            if (auto e = eventError(event, what))
                return reply(*e);
            const rd_kafka_topic_partition_list_t *offsets =
                rd_kafka_DeleteRecords_result_offsets(rd_kafka_event_DeleteRecords_result(event));
            PartitionOutcomes outcomes;
            for (int i = 0; offsets && i < offsets->cnt; ++i) {
                const rd_kafka_topic_partition_t &p = offsets->elems[i];
                PartitionOutcome o;
                o.topic = fromC(p.topic);
                o.partition = p.partition;
                o.errorCode = int(p.err);
                if (p.err != RD_KAFKA_RESP_ERR_NO_ERROR)
                    o.message = KafkaErrors::sentence(int(p.err));
                o.offset = p.offset;
                outcomes.push_back(std::move(o));
            }
            reply(std::move(outcomes));
        },
        m_worker.requestTimeout());
}

} // namespace kastle::core
