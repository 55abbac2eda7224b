// The browse scan: plan the offsets, assign, read, filter, batch, report.
#include "messagebrowser.h"
#include "kafka/kafkaerrors.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QPointer>

#include <vector>

namespace kastle::core {

namespace {

// How often batches and progress go to the UI thread; few signals, yet the table fills live.
constexpr qint64 FlushIntervalMs = 100;
constexpr size_t FlushMessages = 50000;

TimestampType timestampTypeOf(rd_kafka_timestamp_type_t t)
{
    switch (t) {
    case RD_KAFKA_TIMESTAMP_CREATE_TIME:
        return TimestampType::CreateTime;
    case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
        return TimestampType::LogAppendTime;
    default:
        return TimestampType::NotAvailable;
    }
}

class Scan
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::MessageBrowser)
public:
    Scan(MessageBrowser *owner, quint64 job, KafkaTarget target, BrowseRequest request,
         std::shared_ptr<std::atomic_bool> cancel)
        : m_owner(owner)
        , m_job(job)
        , m_target(std::move(target))
        , m_request(std::move(request))
        , m_cancel(std::move(cancel))
    {}

    void run()
    {
        BrowseOutcome outcome;
        if (Status s = execute(outcome); !s) {
            outcome.reason = BrowseOutcome::Reason::Failed;
            outcome.error = s.error();
        }
        if (m_writer) {
            if (Status closed = m_writer->close(); !closed && outcome.error.message.isEmpty()) {
                outcome.reason = BrowseOutcome::Reason::Failed;
                outcome.error = closed.error();
            }
        }
        flush(true);
        outcome.progress = m_progress;
        outcome.progress.tailing = false;
        outcome.ranges = m_ranges;
        outcome.notice = m_notice;
        post([job = m_job, outcome](MessageBrowser *b) { Q_EMIT b->finished(job, outcome); });
    }

private:
    struct PartitionState
    {
        int32_t partition;
        int64_t start;
        int64_t end; // exclusive, -1 open
        int64_t high;
        bool done = false;
        bool atEof = false;
    };

    template<class F>
    void post(F f)
    {
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, f = std::move(f)] { f(owner); }, Qt::QueuedConnection);
    }

    Status plan()
    {
        const QString &topic = m_request.topic;
        Result<QList<int32_t>> all = m_client->partitions(topic);
        if (!all)
            return all.error();
        QList<int32_t> parts = m_request.partitions;
        if (parts.isEmpty())
            parts = *all;
        for (int32_t p : std::as_const(parts))
            if (!all->contains(p))
                return Error{tr("The topic %1 has no partition %2 (it has %3).")
                                 .arg(topic)
                                 .arg(p)
                                 .arg(all->size())};

        QHash<int32_t, int64_t> starts;
        QHash<int32_t, int64_t> ends;
        QHash<int32_t, std::pair<int64_t, int64_t>> marks;
        for (int32_t p : std::as_const(parts)) {
            Result<std::pair<int64_t, int64_t>> wm = m_client->watermarks(topic, p);
            if (!wm)
                return wm.error();
            marks.insert(p, *wm);
        }
        using Start = BrowseRequest::Start;
        if (m_request.start == Start::Timestamp) {
            Result<QHash<int32_t, int64_t>> at =
                m_client->offsetsForTime(topic, parts, m_request.startValue);
            if (!at)
                return at.error();
            starts = *at;
        } else if (m_request.start == Start::GroupCommitted) {
            Result<QHash<int32_t, int64_t>> committed =
                m_client->committedOffsets(m_request.group, topic, parts);
            if (!committed)
                return committed.error();
            starts = *committed;
        }
        if (m_request.stop == BrowseRequest::Stop::Timestamp) {
            Result<QHash<int32_t, int64_t>> at =
                m_client->offsetsForTime(topic, parts, m_request.stopTimestamp);
            if (!at)
                return at.error();
            ends = *at;
        }

        QStringList uncommitted;
        for (int32_t p : std::as_const(parts)) {
            const auto [low, high] = marks.value(p);
            int64_t start = low;
            switch (m_request.start) {
            case Start::Earliest:
                break;
            case Start::LatestMinusN:
                start = std::max(low, high - std::max<int64_t>(0, m_request.startValue));
                break;
            case Start::Offset:
                start = std::clamp(m_request.startValue, low, high);
                break;
            case Start::Timestamp:
                // No record at or after the time: start at the end (nothing to read yet).
                start = starts.value(p, -1) < 0 ? high : starts.value(p);
                break;
            case Start::GroupCommitted:
                if (starts.value(p, -1) < 0) {
                    uncommitted.append(QString::number(p));
                    start = low;
                } else {
                    start = std::clamp(starts.value(p), low, high);
                }
                break;
            }
            int64_t end = high;
            if (m_request.stop == BrowseRequest::Stop::Tail)
                end = -1;
            else if (m_request.stop == BrowseRequest::Stop::Timestamp)
                end = ends.value(p, -1) < 0 ? high : std::min(ends.value(p), high);
            if (end >= 0)
                end = std::max(end, start);
            m_partitions.push_back({p, start, end, high});
            m_ranges.append({p, start, end});
        }
        if (!uncommitted.isEmpty())
            m_notice = tr("The group %1 has no committed offset for partition(s) %2; those "
                          "are read from the earliest offset.")
                           .arg(m_request.group, uncommitted.join(QStringLiteral(", ")));
        return Done{};
    }

    qint64 total() const
    {
        qint64 n = 0;
        for (const PartitionState &s : m_partitions)
            n += (s.end >= 0 ? s.end : std::max(s.high, s.start)) - s.start;
        return n;
    }

    Status assign()
    {
        rd_kafka_topic_partition_list_t *list =
            rd_kafka_topic_partition_list_new(static_cast<int>(m_partitions.size()));
        const QByteArray topic = m_request.topic.toUtf8();
        for (PartitionState &s : m_partitions) {
            if (s.end >= 0 && s.start >= s.end) {
                s.done = true;
                continue;
            }
            rd_kafka_topic_partition_list_add(list, topic.constData(), s.partition)->offset =
                s.start;
        }
        const rd_kafka_resp_err_t err =
            list->cnt > 0 ? rd_kafka_assign(m_client->handle(), list) : RD_KAFKA_RESP_ERR_NO_ERROR;
        rd_kafka_topic_partition_list_destroy(list);
        if (err)
            return KafkaErrors::error(err, tr("Could not start reading %1").arg(m_request.topic));
        return Done{};
    }

    PartitionState *stateOf(int32_t partition)
    {
        for (PartitionState &s : m_partitions)
            if (s.partition == partition)
                return &s;
        return nullptr;
    }

    bool allDone() const
    {
        return std::all_of(m_partitions.begin(), m_partitions.end(),
                           [](const PartitionState &s) { return s.done; });
    }

    void flush(bool force)
    {
        if (!force && m_sinceFlush.elapsed() < FlushIntervalMs && m_batch->size() < FlushMessages)
            return;
        m_sinceFlush.restart();
        if (!m_batch->empty()) {
            post([job = m_job, batch = std::move(m_batch)](MessageBrowser *b) {
                Q_EMIT b->messages(job, batch);
            });
            m_batch = std::make_shared<MessageStore>();
        }
        if (m_request.stop == BrowseRequest::Stop::Tail) {
            for (PartitionState &s : m_partitions) {
                int64_t low = 0, high = 0;
                if (!rd_kafka_get_watermark_offsets(m_client->handle(),
                                                    m_request.topic.toUtf8().constData(),
                                                    s.partition, &low, &high) &&
                    high > s.high)
                    s.high = high;
            }
        }
        m_progress.total = total();
        post([job = m_job, p = m_progress](MessageBrowser *b) { Q_EMIT b->progress(job, p); });
    }

    // Handles one record; returns false when the scan reached its count limit.
    bool take(const rd_kafka_message_t *msg, PartitionState &s)
    {
        if (s.done || (s.end >= 0 && msg->offset >= s.end))
            return true;
        s.atEof = false;
        s.high = std::max(s.high, msg->offset + 1);
        ++m_progress.scanned;
        m_headerRefs.clear();
        rd_kafka_headers_t *hdrs = nullptr;
        if (rd_kafka_message_headers(msg, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR && hdrs) {
            const char *name = nullptr;
            const void *value = nullptr;
            size_t size = 0;
            for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &value, &size) ==
                               RD_KAFKA_RESP_ERR_NO_ERROR;
                 ++i) {
                HeaderRef h{name, std::nullopt};
                if (value)
                    h.value = std::string_view(static_cast<const char *>(value), size);
                m_headerRefs.push_back(h);
            }
        }
        MessageRef ref;
        if (msg->key)
            ref.key = std::string_view(static_cast<const char *>(msg->key), msg->key_len);
        if (msg->payload)
            ref.value = std::string_view(static_cast<const char *>(msg->payload), msg->len);
        ref.headers = m_headerRefs.data();
        ref.headerCount = m_headerRefs.size();
        if (msg->offset + 1 >= s.end && s.end >= 0)
            s.done = true;
        if (!m_filter.matches(ref))
            return true;
        ++m_progress.matched;
        rd_kafka_timestamp_type_t tstype = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
        const int64_t ts = rd_kafka_message_timestamp(msg, &tstype);
        m_batch->append(s.partition, msg->offset, ts, timestampTypeOf(tstype), ref.key, ref.value,
                        ref.headers, ref.headerCount);
        if (m_writer) {
            m_writeStatus = m_writer->write(m_request.topic, m_batch->message(0));
            m_batch->clear();
        }
        return !(m_request.stop == BrowseRequest::Stop::Count &&
                 m_progress.matched >= m_request.stopCount);
    }

    Status execute(BrowseOutcome &outcome)
    {
        Result<MessageFilter> filter = MessageFilter::compile(m_request.filter);
        if (!filter)
            return filter.error();
        m_filter = std::move(*filter);
        if (!m_request.exportPath.isEmpty()) {
            m_writer = std::make_unique<ExportWriter>(m_request.exportPath, m_request.exportFormat);
            if (Status s = m_writer->open(); !s)
                return s;
        }
        Result<std::unique_ptr<KafkaClient>> client = KafkaClient::consumer(m_target);
        if (!client)
            return client.error();
        m_client = std::move(*client);
        if (Status s = plan(); !s)
            return s;
        m_progress.total = total();
        post([job = m_job, ranges = m_ranges](MessageBrowser *b) {
            Q_EMIT b->rangesResolved(job, ranges);
        });
        if (m_request.stop == BrowseRequest::Stop::Count && m_request.stopCount <= 0)
            return Done{};
        if (Status s = assign(); !s)
            return s;
        const bool tail = m_request.stop == BrowseRequest::Stop::Tail;
        rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(m_client->handle());
        std::vector<rd_kafka_message_t *> buffer(1000);
        m_sinceFlush.start();
        Status status = Done{};
        bool limit = false;
        while (!limit && status.ok()) {
            if (m_cancel->load()) {
                outcome.reason = BrowseOutcome::Reason::Cancelled;
                break;
            }
            if (!tail && allDone())
                break;
            const ssize_t n =
                rd_kafka_consume_batch_queue(queue, 100, buffer.data(), buffer.size());
            for (ssize_t i = 0; i < n; ++i) {
                rd_kafka_message_t *msg = buffer[static_cast<size_t>(i)];
                PartitionState *s = stateOf(msg->partition);
                if (!s || limit || !status.ok()) {
                    // Drain the rest of the batch without looking at it.
                } else if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    s->atEof = true;
                    if (!tail && (s->end < 0 || msg->offset >= s->end || msg->offset >= s->high))
                        s->done = true;
                } else if (msg->err) {
                    if (KafkaErrors::isRetriable(msg->err)) {
                        qCInfo(lcKafka)
                            << "browser: retriable error" << rd_kafka_message_errstr(msg);
                    } else {
                        status =
                            KafkaErrors::error(msg->err,
                                               tr("Reading %1 partition %2 failed")
                                                   .arg(m_request.topic)
                                                   .arg(msg->partition),
                                               QString::fromUtf8(rd_kafka_message_errstr(msg)));
                    }
                } else {
                    limit = !take(msg, *s);
                    if (!m_writeStatus.ok())
                        status = m_writeStatus;
                }
                rd_kafka_message_destroy(msg);
            }
            m_progress.tailing =
                tail && std::all_of(m_partitions.begin(), m_partitions.end(),
                                    [](const PartitionState &p) { return p.atEof || p.done; });
            flush(false);
        }
        rd_kafka_queue_destroy(queue);
        rd_kafka_assign(m_client->handle(), nullptr);
        if (limit)
            outcome.reason = BrowseOutcome::Reason::Limit;
        return status;
    }

    MessageBrowser *m_owner;
    quint64 m_job;
    KafkaTarget m_target;
    BrowseRequest m_request;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<KafkaClient> m_client;
    MessageFilter m_filter;
    std::unique_ptr<ExportWriter> m_writer;
    Status m_writeStatus = Done{};
    std::vector<PartitionState> m_partitions;
    QList<PartitionRange> m_ranges;
    QString m_notice;
    BrowseProgress m_progress;
    std::shared_ptr<MessageStore> m_batch = std::make_shared<MessageStore>();
    std::vector<HeaderRef> m_headerRefs;
    QElapsedTimer m_sinceFlush;
};

} // namespace

MessageBrowser::MessageBrowser(QObject *parent)
    : QObject(parent)
    , m_jobs(this)
{
    qRegisterMetaType<BrowseProgress>();
    qRegisterMetaType<BrowseOutcome>();
    qRegisterMetaType<std::shared_ptr<MessageStore>>();
}

MessageBrowser::~MessageBrowser()
{
    m_jobs.waitAll();
}

quint64 MessageBrowser::start(const KafkaTarget &target, const BrowseRequest &request)
{
    // A running scan is cancelled and left to wind down on its own thread; its late signals
    // carry its old id and are dropped by the receiver. The UI thread never waits for it.
    return m_jobs.launch(
        [this, target, request](quint64 job, JobRunner::CancelFlag cancel) {
            Scan(this, job, target, request, std::move(cancel)).run();
        },
        QStringLiteral("kastle-browse"));
}

void MessageBrowser::cancel()
{
    m_jobs.cancel();
}

bool MessageBrowser::isRunning() const
{
    return m_jobs.isRunning();
}

} // namespace kastle::core
