// SessionOperations on consumer groups: delete a group, reset its offsets.
#include "operationsupport.h"

#include "kafka/rdkafkaadmin.h"

namespace kastle::core {

using namespace protocol;

namespace {

// A group error as the person resetting or deleting should read it.
Error groupError(int code, const QString &what, const QString &detail)
{
    // A commit without a generation is refused with UNKNOWN_MEMBER_ID (or REBALANCE_IN_PROGRESS)
    // while the group has members: say what to do about it.
    if (code == int(ErrorCode::UnknownMemberId) || code == int(ErrorCode::RebalanceInProgress) ||
        code == int(ErrorCode::NonEmptyGroup) || code == int(ErrorCode::IllegalGeneration))
        return Error{what + QStringLiteral(": ") +
                         KafkaErrors::tr("The group still has active members; stop its consumers "
                                         "first."),
                     code};
    return KafkaErrors::error(code, what, detail);
}

std::optional<Error> groupResultError(const rd_kafka_group_result_t *g, const QString &what)
{
    const rd_kafka_error_t *err = rd_kafka_group_result_error(g);
    if (!err || rd_kafka_error_code(err) == RD_KAFKA_RESP_ERR_NO_ERROR)
        return std::nullopt;
    return groupError(int(rd_kafka_error_code(err)), what, fromC(rd_kafka_error_string(err)));
}

} // namespace

void SessionOperations::deleteGroup(const QString &groupId, Reply<Done> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not delete consumer group %1").arg(groupId);
    admin().run(
        [groupId](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                  rd_kafka_queue_t *queue) -> Status {
            rd_kafka_DeleteGroup_t *dg = rd_kafka_DeleteGroup_new(groupId.toUtf8().constData());
            rd_kafka_DeleteGroups(rk, &dg, 1, options, queue);
            rd_kafka_DeleteGroup_destroy(dg);
            return Done{};
        },
        [reply, what](rd_kafka_event_t *event, const Error *setup) {
            if (setup)
                return reply(*setup);
            if (auto e = eventError(event, what))
                return reply(*e);
            size_t n = 0;
            const rd_kafka_group_result_t **groups =
                rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(event), &n);
            for (size_t i = 0; i < n; ++i) {
                if (auto e = groupResultError(groups[i], what)) {
                    // Deleting a group with members: NON_EMPTY_GROUP has its own sentence.
                    if (e->code == int(ErrorCode::NonEmptyGroup))
                        return reply(KafkaErrors::error(e->code, what));
                    return reply(*e);
                }
            }
            reply(Done{});
        },
        m_worker.requestTimeout());
}

void SessionOperations::alterGroupOffsets(const QString &groupId, const OffsetReset &reset,
                                          Reply<PartitionOutcomes> done)
{
    auto reply = track(std::move(done), true);
    const QString what = tr("Could not reset the offsets of consumer group %1").arg(groupId);

    // Which partitions: as asked, else every partition the group has committed.
    std::vector<TopicPartition> partitions = reset.partitions;
    if (partitions.empty()) {
        if (const GroupSnapshot *g = m_worker.working().groups->find(groupId)) {
            for (const GroupOffset &o : g->offsets)
                partitions.push_back({o.topic, o.partition});
        }
    }
    if (partitions.empty())
        return reply(Error{what + QStringLiteral(": ") +
                               tr("The group has no committed offsets yet; choose the partitions "
                                  "to reset."),
                           LocalError::InvalidArgument});

    // Commits the resolved offsets through librdkafka's AlterConsumerGroupOffsets.
    auto commit = [this, reply, what, groupId](PartitionOutcomes resolved) {
        PartitionOutcomes failed;
        std::vector<std::pair<TopicPartition, int64_t>> targets;
        for (PartitionOutcome &o : resolved) {
            if (!o.ok() || o.offset < 0) {
                if (o.ok()) {
                    o.errorCode = int(ErrorCode::OffsetNotAvailable);
                    o.message = KafkaErrors::sentence(o.errorCode);
                }
                failed.push_back(std::move(o));
            } else {
                targets.push_back({{o.topic, o.partition}, o.offset});
            }
        }
        if (targets.empty()) {
            const int code =
                failed.empty() ? int(LocalError::InvalidArgument) : failed.front().errorCode;
            return reply(KafkaErrors::error(code, what,
                                            failed.empty() ? QString() : failed.front().message));
        }
        admin().run(
            [groupId, targets](rd_kafka_t *rk, rd_kafka_AdminOptions_t *options,
                               rd_kafka_queue_t *queue) -> Status {
                rd_kafka_topic_partition_list_t *list =
                    rd_kafka_topic_partition_list_new(int(targets.size()));
                for (const auto &[tp, offset] : targets)
                    rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(),
                                                      tp.partition)
                        ->offset = offset;
                rd_kafka_AlterConsumerGroupOffsets_t *a =
                    rd_kafka_AlterConsumerGroupOffsets_new(groupId.toUtf8().constData(), list);
                rd_kafka_topic_partition_list_destroy(list);
                rd_kafka_AlterConsumerGroupOffsets(rk, &a, 1, options, queue);
                rd_kafka_AlterConsumerGroupOffsets_destroy(a);
                return Done{};
            },
            [reply, what, failed](rd_kafka_event_t *event, const Error *setup) {
                if (setup)
                    return reply(*setup);
                if (auto e = eventError(event, what))
                    return reply(groupError(e->code, what, e->message));
                size_t n = 0;
                const rd_kafka_group_result_t **groups =
                    rd_kafka_AlterConsumerGroupOffsets_result_groups(
                        rd_kafka_event_AlterConsumerGroupOffsets_result(event), &n);
                if (n == 0)
                    return reply(KafkaErrors::error(int(ErrorCode::UnknownServerError), what));
                if (auto e = groupResultError(groups[0], what))
                    return reply(*e);
                PartitionOutcomes outcomes = failed;
                const rd_kafka_topic_partition_list_t *list =
                    rd_kafka_group_result_partitions(groups[0]);
                int firstError = 0;
                for (int i = 0; list && i < list->cnt; ++i) {
                    const rd_kafka_topic_partition_t &p = list->elems[i];
                    PartitionOutcome o{fromC(p.topic), p.partition, int(p.err), QString(),
                                       p.offset};
                    if (p.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                        o.message = groupError(int(p.err), what, QString()).message;
                        firstError = firstError ? firstError : int(p.err);
                    }
                    outcomes.push_back(std::move(o));
                }
                // Every partition refused for the same reason (typically: the group is active)
                // is a failure of the operation, not a list of outcomes.
                const bool allFailed =
                    std::all_of(outcomes.begin(), outcomes.end(),
                                [](const PartitionOutcome &o) { return !o.ok(); });
                if (allFailed && firstError)
                    return reply(groupError(firstError, what, QString()));
                std::sort(outcomes.begin(), outcomes.end(), [](const auto &a, const auto &b) {
                    return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
                });
                reply(std::move(outcomes));
            },
            m_worker.requestTimeout());
    };

    switch (reset.mode) {
    case OffsetReset::Mode::Offset: {
        PartitionOutcomes resolved;
        for (const TopicPartition &tp : partitions)
            resolved.push_back({tp.topic, tp.partition, 0, QString(), reset.value});
        return commit(std::move(resolved));
    }
    case OffsetReset::Mode::Earliest:
        return listOffsets(partitions, -2, [reply, commit](Result<PartitionOutcomes> r) {
            return r ? commit(std::move(*r)) : reply(r.error());
        });
    case OffsetReset::Mode::Latest:
        return listOffsets(partitions, -1, [reply, commit](Result<PartitionOutcomes> r) {
            return r ? commit(std::move(*r)) : reply(r.error());
        });
    case OffsetReset::Mode::Timestamp:
        // Partitions with no record at or after the time go to their end (as Kafka's own tool
        // does).
        return listOffsets(
            partitions, reset.value, [this, reply, commit](Result<PartitionOutcomes> r) {
                if (!r)
                    return reply(r.error());
                std::vector<TopicPartition> toEnd;
                PartitionOutcomes found;
                for (PartitionOutcome &o : *r) {
                    if (o.ok() && o.offset < 0)
                        toEnd.push_back({o.topic, o.partition});
                    else
                        found.push_back(std::move(o));
                }
                if (toEnd.empty())
                    return commit(std::move(found));
                listOffsets(toEnd, -1, [reply, commit, found](Result<PartitionOutcomes> ends) {
                    if (!ends)
                        return reply(ends.error());
                    PartitionOutcomes all = found;
                    all.insert(all.end(), ends->begin(), ends->end());
                    commit(std::move(all));
                });
            });
    }
}

} // namespace kastle::core
