// Fetch (key 1), versions 0-11: consumers read record sets.
//
// Limits: the response's maxBytes (v3+) and the broker's fetch.max.bytes, whichever is smaller,
// each partition's partitionMaxBytes, and the first batch of the first partition with data is
// always sent whole so a consumer can make progress past a batch larger than its limits
// (KIP-74). minBytes counts up to that same limit, as in Kafka. The last batch may be cut
// short, as Kafka does; clients drop the incomplete tail. A partition whose share would be
// only a piece of its first batch gets nothing this time (Kafka sends the piece). Reads end
// below the high watermark. Fetchers older than v10 get UNSUPPORTED_COMPRESSION_TYPE for a
// zstd batch.
//
// v4+ sends the stored bytes as file ranges (sendfile, no copy). v0-3 get them converted down
// to message sets: magic 0 for v0-1, magic 1 for v2-3 (unless message.downconversion.enable is
// false: UNSUPPORTED_VERSION; zstd data: UNSUPPORTED_COMPRESSION_TYPE).
//
// Long poll: when fewer than minBytes are available, the request waits up to maxWaitMs and
// answers as soon as appends to its partitions bring enough bytes, or a partition it reads
// goes away or changes leader. Errors answer at once.
//
// Sessions (KIP-227): every answer carries session id 0, which tells the client no session was
// created, so each fetch is a full one (librdkafka sends id 0 / epoch -1 anyway). A request
// naming a session id other than 0 gets FETCH_SESSION_ID_NOT_FOUND.
#include "handlers.h"

#include "broker.h"
#include "log.h"

#include "messages/fetch.h"
#include "messageset.h"

#include <unistd.h>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

// Whether a batch in the ranges (consecutive batches, the last possibly cut) is zstd. Reads
// each batch's first 23 bytes; only fetchers older than v10 pay for it.
bool holdsZstd(const std::vector<FileRange> &ranges)
{
    using namespace protocol::batchlayout;
    for (const FileRange &range : ranges) {
        int64_t pos = range.position;
        const int64_t end = range.position + range.length;
        uint8_t head[kAttributes + 2];
        while (pos + static_cast<int64_t>(sizeof head) <= end) {
            if (::pread(range.fd, head, sizeof head, pos) != static_cast<ssize_t>(sizeof head))
                break;
            Reader r(ByteView(head, sizeof head));
            r.skip(kBatchLength);
            const int32_t batchLength = r.i32();
            r.skip(kAttributes - kBatchLength - 4);
            const int16_t attributes = r.i16();
            if (head[kMagic] >= 2 &&
                static_cast<Compression>(attributes & batchattr::kCompressionMask) ==
                    Compression::Zstd)
                return true;
            if (batchLength <= 0)
                break;
            pos += int64_t{batchLength} + static_cast<int64_t>(kLogOverhead);
        }
    }
    return false;
}

struct Evaluation
{
    FetchResponse response;
    int64_t bytes = 0;
    bool anyError = false;
};

// Reads every requested partition. With `materialize` false only sizes matter (probing whether
// to wait): no down-conversion is done.
Evaluation evaluate(Broker &broker, const FetchRequest &req, int16_t version, bool materialize)
{
    Evaluation ev;
    FetchResponse &resp = ev.response;
    resp.responses.reserve(req.topics.size());
    int64_t budget = std::max<int32_t>(req.maxBytes, 0); // already within fetch.max.bytes
    bool sentData = false;
    for (const auto &t : req.topics) {
        auto &topicOut = resp.responses.emplace_back();
        topicOut.topic = t.topic;
        topicOut.partitions.reserve(t.partitions.size());
        for (const auto &p : t.partitions) {
            auto &out = topicOut.partitions.emplace_back();
            out.partitionIndex = p.partition;
            out.abortedTransactions = std::nullopt;
            out.records = Records::empty();
            auto fail = [&](ErrorCode error) {
                out.errorCode = code(error);
                out.highWatermark = -1;
                out.lastStableOffset = -1;
                out.logStartOffset = -1;
                ev.anyError = true;
            };
            ErrorCode error = ErrorCode::None;
            TopicPtr info;
            Partition *partition = broker.leaderPartition(t.topic, p.partition, error, &info);
            if (!partition) {
                fail(error);
                continue;
            }
            if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch != partition->leaderEpoch) {
                fail(p.currentLeaderEpoch < partition->leaderEpoch ? ErrorCode::FencedLeaderEpoch
                                                                   : ErrorCode::UnknownLeaderEpoch);
                continue;
            }
            PartitionLog &log = *partition->log;
            out.highWatermark = partition->highWatermark;
            out.lastStableOffset = partition->highWatermark; // no transactions yet
            out.logStartOffset = log.logStartOffset();

            const int64_t limit =
                std::min<int64_t>(std::max<int32_t>(p.partitionMaxBytes, 0), budget);
            // KIP-74 from v3; v0-2 too, because a cut batch cannot be converted down and an
            // old client would otherwise never see a batch larger than its fetch size.
            const bool minOneBatch = !sentData;
            if (limit <= 0 && !minOneBatch)
                continue;
            ReadResult read = log.read(p.fetchOffset, limit, partition->highWatermark, minOneBatch);
            if (!read.status.ok()) {
                fail(read.status.code);
                continue;
            }
            if (read.bytes == 0)
                continue;
            sentData = true;
            budget -= read.bytes;
            ev.bytes += read.bytes;
            if (version < 10 && holdsZstd(read.ranges)) {
                // zstd arrived with Fetch v10; older fetchers cannot read it.
                fail(ErrorCode::UnsupportedCompressionType);
                continue;
            }
            if (version >= 4) {
                for (auto &range : read.ranges)
                    out.records.appendFile(std::move(range));
                continue;
            }
            if (!info->config.downConversionEnable) {
                fail(ErrorCode::UnsupportedVersion);
                continue;
            }
            if (!materialize)
                continue;
            Bytes stored;
            stored.reserve(static_cast<size_t>(read.bytes));
            for (const auto &range : read.ranges) {
                const Bytes piece = readFileRange(range);
                stored.insert(stored.end(), piece.begin(), piece.end());
            }
            ConversionResult down = downConvertBatches(stored, version >= 2 ? 1 : 0);
            if (!down.ok()) {
                KLOG_DEBUG("fetch", "cannot convert " + partition->topicPartition.dirName() +
                                        " for Fetch v" + std::to_string(version) + ": " +
                                        down.reason);
                fail(down.error);
                continue;
            }
            out.records = Records::owned(std::move(down.bytes));
        }
    }
    return ev;
}

FetchResponse errorResponse(const FetchRequest &req, ErrorCode error)
{
    FetchResponse resp;
    resp.errorCode = code(error);
    for (const auto &t : req.topics) {
        auto &topicOut = resp.responses.emplace_back();
        topicOut.topic = t.topic;
        for (const auto &p : t.partitions) {
            auto &out = topicOut.partitions.emplace_back();
            out.partitionIndex = p.partition;
            out.errorCode = code(error);
            out.highWatermark = -1;
            out.abortedTransactions = std::nullopt;
            out.records = Records::empty();
        }
    }
    return resp;
}

// A fetch waiting for data: registered with each partition it reads, answered by the first of
// enough appended bytes, a partition change, or its deadline.
class DelayedFetch final : public PartitionWaiter, public std::enable_shared_from_this<DelayedFetch>
{
public:
    DelayedFetch(RequestContext ctx, FetchRequest req, int64_t bytes)
        : m_ctx(std::move(ctx))
        , m_req(std::move(req))
        , m_bytes(bytes)
    {}

    void arm()
    {
        Broker &broker = *m_ctx.broker;
        for (const auto &t : m_req.topics) {
            for (const auto &p : t.partitions) {
                ErrorCode error = ErrorCode::None;
                if (Partition *partition = broker.leaderPartition(t.topic, p.partition, error))
                    broker.addWaiter(*partition, weak_from_this());
            }
        }
        m_timer = broker.loop().addTimer(m_req.maxWaitMs,
                                         [self = shared_from_this()] { self->complete(false); });
    }

    void onAppend(int64_t bytes) override
    {
        m_bytes += bytes;
        if (m_bytes >= m_req.minBytes)
            complete(true);
    }
    void onPartitionChanged() override { complete(true); }

private:
    void complete(bool cancelTimer)
    {
        if (m_done)
            return;
        m_done = true;
        auto self = shared_from_this(); // the timer's closure may hold the last reference
        if (cancelTimer)
            m_ctx.broker->loop().cancelTimer(m_timer);
        if (m_ctx.connection->isClosed())
            return;
        m_ctx.respond(evaluate(*m_ctx.broker, m_req, m_ctx.version(), true).response);
    }

    RequestContext m_ctx;
    FetchRequest m_req;
    int64_t m_bytes;
    EventLoop::TimerId m_timer = 0;
    bool m_done = false;
};

void handleFetch(RequestContext &ctx)
{
    auto req = ctx.decode<FetchRequest>();
    const int16_t version = ctx.version();
    if (ctx.injectedError) {
        ctx.respond(errorResponse(req, *ctx.injectedError));
        return;
    }
    if (version >= 7 && req.sessionId != 0) {
        FetchResponse resp;
        resp.errorCode = code(ErrorCode::FetchSessionIdNotFound);
        ctx.respond(resp);
        return;
    }
    Broker &broker = *ctx.broker;
    // The broker's limit bounds the request's (v0-2 carry none: the field keeps its default,
    // INT32_MAX), and minBytes cannot ask for more than that.
    const int32_t cap = broker.config().fetchMaxBytes();
    req.maxBytes = std::min(req.maxBytes, cap);
    req.minBytes = std::min(req.minBytes, cap);
    // Probe first: the down-conversion of v0-3 is only worth doing for the real answer.
    Evaluation probe = evaluate(broker, req, version, version >= 4);
    const bool answerNow =
        req.maxWaitMs <= 0 || probe.bytes >= req.minBytes || probe.anyError || req.topics.empty();
    if (answerNow) {
        ctx.respond(version >= 4 ? probe.response : evaluate(broker, req, version, true).response);
        return;
    }
    auto waiter = std::make_shared<DelayedFetch>(std::move(ctx), std::move(req), probe.bytes);
    waiter->arm();
}

} // namespace

ApiHandler fetchApi()
{
    return serve<FetchRequest>(0, 11, &handleFetch);
}

} // namespace kastle::broker
