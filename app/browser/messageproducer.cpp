// Produce and import jobs on worker threads.
#include "messageproducer.h"
#include "browser/messageexport.h"
#include "browser/placeholders.h"
#include "kafka/kafkaerrors.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>

namespace kastle::core {

namespace {

// Delivery results, written by librdkafka's delivery callback (on the job's thread, inside
// rd_kafka_poll/flush) and read by the job.
struct Deliveries
{
    ProduceProgress progress;
    int firstError = 0;
    QString firstErrorText;
    int32_t lastPartition = -1;
    int64_t lastOffset = -1;
};

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *msg, void *)
{
    auto *d = static_cast<Deliveries *>(msg->_private);
    if (!d)
        return;
    if (msg->err) {
        ++d->progress.failed;
        if (!d->firstError) {
            d->firstError = msg->err;
            d->firstErrorText = QString::fromUtf8(rd_kafka_err2str(msg->err));
        }
        return;
    }
    ++d->progress.sent;
    d->lastPartition = msg->partition;
    d->lastOffset = msg->offset;
}

class ProduceJob
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::MessageProducer)
public:
    ProduceJob(MessageProducer *owner, quint64 job, std::shared_ptr<std::atomic_bool> cancel)
        : m_owner(owner)
        , m_job(job)
        , m_cancel(std::move(cancel))
    {}

    Status open(const KafkaTarget &target, const PropertyList &overrides)
    {
        Result<std::unique_ptr<KafkaClient>> c =
            KafkaClient::producer(target, overrides, onDelivery);
        if (!c)
            return c.error();
        m_client = std::move(*c);
        return Done{};
    }

    // Queues one message; waits while librdkafka's queue is full. False on cancel or error.
    Status send(const QByteArray &topic, const RawMessage &m)
    {
        rd_kafka_headers_t *headers = nullptr;
        if (!m.headers.isEmpty()) {
            headers = rd_kafka_headers_new(static_cast<size_t>(m.headers.size()));
            for (const RawHeader &h : m.headers)
                rd_kafka_header_add(headers, h.name.constData(), h.name.size(),
                                    h.value ? h.value->constData() : nullptr,
                                    h.value ? h.value->size() : 0);
        }
        // A non-null pointer with length 0 is an empty (not null) key or value.
        static const char empty[1] = {0};
        const char *key = m.key ? (m.key->isEmpty() ? empty : m.key->constData()) : nullptr;
        const char *value = m.value ? (m.value->isEmpty() ? empty : m.value->constData()) : nullptr;
        const size_t keyLen = m.key ? static_cast<size_t>(m.key->size()) : 0;
        const size_t valueLen = m.value ? static_cast<size_t>(m.value->size()) : 0;
        for (;;) {
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                m_client->handle(), RD_KAFKA_V_TOPIC(topic.constData()),
                RD_KAFKA_V_PARTITION(m.partition < 0 ? RD_KAFKA_PARTITION_UA : m.partition),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(const_cast<char *>(key), keyLen),
                RD_KAFKA_V_VALUE(const_cast<char *>(value), valueLen),
                RD_KAFKA_V_TIMESTAMP(m.timestamp > 0 ? m.timestamp : 0),
                RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(&m_deliveries), RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
                break;
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                if (headers)
                    rd_kafka_headers_destroy(headers);
                return KafkaErrors::error(err, tr("The message could not be queued"));
            }
            if (m_cancel->load()) {
                if (headers)
                    rd_kafka_headers_destroy(headers);
                return Done{};
            }
            rd_kafka_poll(m_client->handle(), 50);
        }
        rd_kafka_poll(m_client->handle(), 0);
        reportProgress(false);
        return Done{};
    }

    // Waits for every delivery report (or a cancel); then posts the outcome.
    void finish(Status status)
    {
        QElapsedTimer waited;
        waited.start();
        while (m_client && rd_kafka_outq_len(m_client->handle()) > 0 && !m_cancel->load() &&
               waited.elapsed() < 60000) {
            rd_kafka_poll(m_client->handle(), 100);
            reportProgress(false);
        }
        if (m_client && m_cancel->load())
            rd_kafka_purge(m_client->handle(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        if (m_client)
            rd_kafka_poll(m_client->handle(), 0);
        ProduceOutcome outcome;
        outcome.cancelled = m_cancel->load();
        outcome.progress = m_deliveries.progress;
        outcome.progress.total = m_total;
        outcome.lastPartition = m_deliveries.lastPartition;
        outcome.lastOffset = m_deliveries.lastOffset;
        if (!status.ok())
            outcome.error = status.error();
        else if (m_deliveries.firstError)
            outcome.error = KafkaErrors::error(m_deliveries.firstError,
                                               tr("%n message(s) were not accepted", nullptr,
                                                  static_cast<int>(m_deliveries.progress.failed)),
                                               m_deliveries.firstErrorText);
        else if (m_client && rd_kafka_outq_len(m_client->handle()) > 0 && !outcome.cancelled)
            outcome.error = KafkaErrors::error(RD_KAFKA_RESP_ERR__TIMED_OUT,
                                               tr("Some messages were not acknowledged in time"));
        m_client.reset(); // before the outcome leaves: the handle is done with our state
        post([job = m_job, outcome](MessageProducer *p) { Q_EMIT p->finished(job, outcome); });
    }

    void setTotal(qint64 total) { m_total = total; }
    bool cancelled() const { return m_cancel->load(); }

    // Sleeps up to `ms`, polling for delivery reports; returns early on cancel.
    void pause(int ms)
    {
        QElapsedTimer t;
        t.start();
        while (!m_cancel->load() && t.elapsed() < ms) {
            rd_kafka_poll(m_client->handle(),
                          static_cast<int>(std::min<qint64>(50, ms - t.elapsed())));
            reportProgress(false);
        }
    }

private:
    void reportProgress(bool force)
    {
        if (!force && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < 100)
            return;
        m_sinceProgress.start();
        ProduceProgress p = m_deliveries.progress;
        p.total = m_total;
        post([job = m_job, p](MessageProducer *o) { Q_EMIT o->progress(job, p); });
    }

    template<class F>
    void post(F f)
    {
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, f = std::move(f)] { f(owner); }, Qt::QueuedConnection);
    }

    MessageProducer *m_owner;
    quint64 m_job;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<KafkaClient> m_client;
    Deliveries m_deliveries;
    qint64 m_total = 0;
    QElapsedTimer m_sinceProgress;
};

void runProduce(ProduceJob &job, const KafkaTarget &target, const ProduceRequest &r)
{
    const PropertyList overrides = {
        {QStringLiteral("acks"), r.acks},
        {QStringLiteral("compression.type"), r.compression},
        {QStringLiteral("linger.ms"), QStringLiteral("5")},
    };
    job.setTotal(r.repeat);
    if (Status s = job.open(target, overrides); !s)
        return job.finish(s);
    const QByteArray topic = r.topic.toUtf8();
    QRandomGenerator random = QRandomGenerator::securelySeeded();
    for (int i = 0; i < r.repeat && !job.cancelled(); ++i) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto expand = [&](const QString &text) {
            return (r.expandPlaceholders ? Placeholders::expand(text, i + 1, now, random) : text)
                .toUtf8();
        };
        RawMessage m;
        m.partition = r.partition;
        if (r.key)
            m.key = expand(*r.key);
        if (r.value)
            m.value = expand(*r.value);
        for (const auto &[name, value] : r.headers)
            m.headers.append({name.toUtf8(), expand(value)});
        if (Status s = job.send(topic, m); !s)
            return job.finish(s);
        if (r.intervalMs > 0 && i + 1 < r.repeat)
            job.pause(r.intervalMs);
    }
    job.finish(Done{});
}

void runImport(ProduceJob &job, const KafkaTarget &target, const ImportRequest &r)
{
    QFile file(r.path);
    if (!file.open(QIODevice::ReadOnly))
        return job.finish(
            Error{MessageProducer::tr("Could not read %1: %2").arg(r.path, file.errorString())});
    qint64 lines = 0;
    while (!file.atEnd())
        if (!file.readLine().trimmed().isEmpty())
            ++lines;
    file.seek(0);
    job.setTotal(lines);
    // One request in flight per connection: a replay keeps the file's order in each partition.
    const PropertyList overrides = {
        {QStringLiteral("acks"), QStringLiteral("all")},
        {QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("1")},
        {QStringLiteral("linger.ms"), QStringLiteral("5")},
    };
    if (Status s = job.open(target, overrides); !s)
        return job.finish(s);
    const QByteArray topic = r.topic.toUtf8();
    qint64 lineNumber = 0;
    while (!file.atEnd() && !job.cancelled()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        Result<RawMessage> parsed = MessageExport::parseJsonLine(line);
        if (!parsed)
            return job.finish(Error{MessageProducer::tr("Line %1 of %2: %3")
                                        .arg(lineNumber)
                                        .arg(r.path, parsed.error().message)});
        RawMessage m = std::move(*parsed);
        if (!r.keepPartitions)
            m.partition = -1;
        if (!r.keepTimestamps)
            m.timestamp = 0;
        if (Status s = job.send(topic, m); !s)
            return job.finish(s);
    }
    job.finish(Done{});
}

} // namespace

MessageProducer::MessageProducer(QObject *parent)
    : QObject(parent)
    , m_jobs(this)
{
    qRegisterMetaType<ProduceProgress>();
    qRegisterMetaType<ProduceOutcome>();
}

MessageProducer::~MessageProducer()
{
    m_jobs.waitAll();
}

quint64 MessageProducer::produce(const KafkaTarget &target, const ProduceRequest &request)
{
    return m_jobs.launch(
        [this, target, request](quint64 id, JobRunner::CancelFlag cancel) {
            ProduceJob job(this, id, std::move(cancel));
            runProduce(job, target, request);
        },
        QStringLiteral("kastle-produce"));
}

quint64 MessageProducer::importFile(const KafkaTarget &target, const ImportRequest &request)
{
    return m_jobs.launch(
        [this, target, request](quint64 id, JobRunner::CancelFlag cancel) {
            ProduceJob job(this, id, std::move(cancel));
            runImport(job, target, request);
        },
        QStringLiteral("kastle-import"));
}

void MessageProducer::cancel()
{
    m_jobs.cancel();
}

bool MessageProducer::isRunning() const
{
    return m_jobs.isRunning();
}

} // namespace kastle::core
