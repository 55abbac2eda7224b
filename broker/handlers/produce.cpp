// Produce (key 0), versions 0-7: appends record sets to partitions with acks 0, 1 or all.
//
// RecordBatch v2 sets are validated (framing, CRC-32C, records) and stored verbatim: storage
// patches baseOffset and the leader epoch in place in the request frame, so record bytes are
// never copied on the way to the page cache. Legacy message sets (magic 0/1) are converted up
// to one v2 batch first. Topic settings applied here: max.message.bytes (MESSAGE_TOO_LARGE per
// batch), message.timestamp.type=LogAppendTime (timestamp and CRC rewritten in place),
// message.timestamp.difference.max.ms (INVALID_TIMESTAMP), min.insync.replicas for acks=all
// (NOT_ENOUGH_REPLICAS). With one broker the ISR is this broker, so acks=all is answered as
// soon as the data is in the log, like acks=1. Batches of idempotent producers are checked
// against the partition's producer state first (producers/producerstatestore.h).
#include "handlers.h"

#include "broker.h"
#include "config/topicname.h"
#include "log.h"
#include "producers/producerstatestore.h"

#include "batchbuilder.h"
#include "batchreader.h"
#include "messages/produce.h"
#include "messageset.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

using PartitionResponse = ProduceResponse::PartitionProduceResponse;

// What a v0-7 client understands of a validation failure: INVALID_RECORD (KIP-467) arrives
// with Produce v8, so older versions hear CORRUPT_MESSAGE.
ErrorCode compatibleError(ErrorCode error)
{
    return error == ErrorCode::InvalidRecord ? ErrorCode::CorruptMessage : error;
}

// Checks every batch against the topic's settings and stamps LogAppendTime where configured.
// Returns None or the error for the whole partition.
ErrorCode checkBatches(std::span<uint8_t> batches, const TopicConfig &config, int16_t version,
                       int64_t now, std::string &reason)
{
    ByteView rest(batches.data(), batches.size());
    BatchIterator it(rest);
    ByteView batch;
    while (it.next(batch)) {
        if (static_cast<int64_t>(batch.size()) > config.log.maxMessageBytes) {
            reason = "batch of " + std::to_string(batch.size()) + " bytes is larger than " +
                     "max.message.bytes " + std::to_string(config.log.maxMessageBytes);
            return ErrorCode::MessageTooLarge;
        }
        if (const auto problem = validateBatch(batch)) {
            reason = problem->reason;
            return compatibleError(problem->code);
        }
        const auto header = readBatchHeader(batch);
        if (header->compression() == Compression::Zstd && version < 7) {
            reason = "zstd needs Produce v7";
            return ErrorCode::UnsupportedCompressionType;
        }
        if (header->isTransactional() || header->isControl()) {
            reason = "transactions are not supported yet";
            return compatibleError(ErrorCode::InvalidRecord);
        }
        if (config.timestampType == TimestampType::LogAppendTime) {
            const size_t offset = static_cast<size_t>(batch.data() - batches.data());
            stampLogAppendTime(batches.subspan(offset, batch.size()), now);
        } else if (config.timestampDifferenceMaxMs != LogConfig::kNever) {
            const int64_t limit = config.timestampDifferenceMaxMs;
            for (const int64_t ts : {header->baseTimestamp, header->maxTimestamp}) {
                if (ts >= 0 && (ts > now + limit || ts < now - limit)) {
                    reason = "timestamp " + std::to_string(ts) + " is out of range";
                    return ErrorCode::InvalidTimestamp;
                }
            }
        }
    }
    if (!it.rest().empty()) {
        reason = "the record set ends with a partial batch";
        return ErrorCode::CorruptMessage;
    }
    return ErrorCode::None;
}

void producePartition(RequestContext &ctx, const ProduceRequest &req, const std::string &topic,
                      const ProduceRequest::PartitionProduceData &data, PartitionResponse &out)
{
    Broker &broker = *ctx.broker;
    out.index = data.index;
    out.baseOffset = -1;
    auto fail = [&out](ErrorCode error) { out.errorCode = code(error); };

    ErrorCode error = ErrorCode::None;
    TopicPtr info;
    Partition *partition = broker.leaderPartition(topic, data.index, error, &info);
    if (!partition)
        return fail(error);
    if (info->internal && ctx.header.clientId != "__admin_client")
        return fail(ErrorCode::InvalidTopicException);
    if (req.acks == -1 &&
        static_cast<int32_t>(info->partitions[static_cast<size_t>(data.index)].isr.size()) <
            info->config.minInsyncReplicas)
        return fail(ErrorCode::NotEnoughReplicas);

    const auto view = data.records.contiguous();
    if (data.records.isNull() || !view || view->empty())
        return fail(ErrorCode::CorruptMessage);

    // The frame belongs to this request alone (the connection allocates one per frame), so its
    // record bytes may be patched in place: storage writes baseOffset and the leader epoch, and
    // LogAppendTime rewrites timestamp and CRC. No copy of the records is made.
    std::span<uint8_t> batches(const_cast<uint8_t *>(view->data()), view->size());
    std::shared_ptr<Bytes> converted;
    const int8_t magic = peekMagic(*view);
    if (magic == 0 || magic == 1) {
        ConversionResult up = upConvertMessageSet(*view);
        if (!up.ok()) {
            KLOG_DEBUG("produce", "refusing a message set for " + topic + ": " + up.reason);
            return fail(up.error);
        }
        converted = std::make_shared<Bytes>(std::move(up.bytes));
        batches = std::span<uint8_t>(*converted);
    } else if (magic != 2) {
        return fail(ErrorCode::CorruptMessage);
    }
    if (static_cast<int64_t>(batches.size()) > info->config.log.segmentBytes)
        return fail(ErrorCode::RecordListTooLarge);

    const int64_t now = EventLoop::wallClockMs();
    std::string reason;
    error = checkBatches(batches, info->config, ctx.version(), now, reason);
    if (error != ErrorCode::None) {
        KLOG_DEBUG("produce", "refusing a batch for " + topic + "-" + std::to_string(data.index) +
                                  ": " + reason);
        return fail(error);
    }
    // Idempotent producers: sequence checks; a duplicate gets the offset it was stored at.
    const IdempotenceCheck idempotence = broker.producers().check(*partition, info->id, batches);
    if (idempotence.error != ErrorCode::None)
        return fail(idempotence.error);
    if (idempotence.duplicate) {
        out.baseOffset = idempotence.baseOffset;
        out.logStartOffset = partition->log->logStartOffset();
        return;
    }

    const AppendResult result = partition->log->append(batches, partition->leaderEpoch, now);
    if (!result.status.ok()) {
        KLOG_ERROR("produce", "append to " + partition->topicPartition.dirName() +
                                  " failed: " + result.status.message);
        return fail(result.status.code);
    }
    if (idempotence.idempotent)
        broker.producers().onAppended(*partition, batches, now);
    out.baseOffset = result.baseOffset;
    out.logStartOffset = result.logStartOffset;
    if (info->config.timestampType == TimestampType::LogAppendTime)
        out.logAppendTimeMs = now;
    broker.onAppended(*partition, static_cast<int64_t>(batches.size()));
}

void handleProduce(RequestContext &ctx)
{
    const auto req = ctx.decode<ProduceRequest>();
    Broker &broker = *ctx.broker;
    ProduceResponse resp;
    resp.responses.reserve(req.topicData.size());

    const bool validAcks = req.acks == 0 || req.acks == 1 || req.acks == -1;
    // Unknown topics are created first, in one metadata change, when auto-creation is on.
    if (validAcks && !ctx.injectedError && broker.config().autoCreateTopics()) {
        const ImagePtr image = broker.image();
        std::vector<std::string> missing;
        for (const auto &t : req.topicData)
            if (!image->topics.find(t.name) && validateTopicName(t.name).empty() &&
                !isInternalTopicName(t.name))
                missing.push_back(t.name);
        if (!missing.empty())
            broker.autoCreateTopics(missing);
    }

    for (const auto &t : req.topicData) {
        auto &topicOut = resp.responses.emplace_back();
        topicOut.name = t.name;
        topicOut.partitionResponses.reserve(t.partitionData.size());
        for (const auto &p : t.partitionData) {
            auto &out = topicOut.partitionResponses.emplace_back();
            out.index = p.index;
            if (ctx.injectedError) {
                out.errorCode = code(*ctx.injectedError);
                out.baseOffset = -1;
            } else if (!validAcks) {
                out.errorCode = code(ErrorCode::InvalidRequiredAcks);
                out.baseOffset = -1;
            } else {
                producePartition(ctx, req, t.name, p, out);
            }
        }
    }
    if (req.acks != 0) {
        ctx.respond(resp);
        return;
    }
    ctx.noResponse();
    // A producer with acks=0 hears of a failure only through its connection (as with Kafka):
    // closing it makes the client refresh its metadata and notice.
    for (const auto &t : resp.responses)
        for (const auto &p : t.partitionResponses)
            if (p.errorCode != 0) {
                ctx.connection->closeAfterPendingWrites("acks=0 produce failed");
                return;
            }
}

} // namespace

ApiHandler produceApi()
{
    return serve<ProduceRequest>(0, 7, &handleProduce);
}

} // namespace kastle::broker
