// Connection test: librdkafka metadata request with a deadline, and the classification of what
// librdkafka reported into the few failures a person can act on.
#include "connectiontester.h"
#include "kafka/rdkafkaconfig.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kastle::core {

namespace {

class Classifier
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ConnectionTester)
public:
    using Failure = ConnectionTestOutcome::Failure;

    // A failure that waiting longer will not cure, or None.
    static std::pair<Failure, QString> definitive(const QList<RdKafkaEvents::Event> &events)
    {
        std::pair<Failure, QString> refused{Failure::None, {}};
        bool allDown = false;
        for (const auto &e : events) {
            const QString &t = e.text;
            if (e.code == RD_KAFKA_RESP_ERR__AUTHENTICATION ||
                e.code == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED ||
                t.contains(QLatin1String("SASL authentication error")) ||
                t.contains(QLatin1String("Authentication failed")))
                return {Failure::Authentication, t};
            // librdkafka reports some TLS errors as plain transport errors; OpenSSL's own text
            // ("SSL routines", "certificate verify failed") tells them apart.
            if (e.code == RD_KAFKA_RESP_ERR__SSL || t.contains(QLatin1String("SSL handshake")) ||
                t.contains(QLatin1String("SSL routines")) ||
                t.contains(QLatin1String("certificate verify failed")))
                return {Failure::Tls, t};
            if (e.code == RD_KAFKA_RESP_ERR__RESOLVE || t.contains(QLatin1String("resolve")))
                return {Failure::Unreachable, t};
            if (e.code == RD_KAFKA_RESP_ERR__TRANSPORT && refused.first == Failure::None)
                refused = {Failure::Unreachable, t};
            if (e.code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                allDown = true;
        }
        // Every bootstrap server refused or dropped the connection at least once.
        if (allDown && refused.first != Failure::None)
            return refused;
        return {Failure::None, {}};
    }

    static QString sentence(Failure f, const QString &bootstrap, const QString &detail,
                            std::chrono::milliseconds timeout)
    {
        switch (f) {
        case Failure::Unreachable:
            return tr("Could not reach %1: %2").arg(bootstrap, plainReason(detail));
        case Failure::Tls:
            return tr("The TLS handshake with %1 failed (%2). Check the CA file, the client "
                      "certificate and host name verification.")
                .arg(bootstrap, plainReason(detail));
        case Failure::Authentication:
            return tr("The cluster rejected the credentials (%1). Check the user name, the "
                      "password or token and the SASL mechanism.")
                .arg(plainReason(detail));
        case Failure::Timeout:
            return tr("No answer from %1 within %2 seconds.")
                .arg(bootstrap)
                .arg(static_cast<double>(timeout.count()) / 1000.0, 0, 'f', 1);
        case Failure::Configuration:
        case Failure::Other:
            return detail;
        case Failure::None:
            break;
        }
        return {};
    }

    // librdkafka's lines read "[FAC] ...: Connect to ipv4#127.0.0.1:1 failed: Connection refused
    // (after 0ms in state CONNECT)"; keep the part a person understands.
    static QString plainReason(const QString &detail)
    {
        QString s = detail;
        if (const qsizetype after = s.indexOf(QLatin1String(" (after ")); after > 0)
            s.truncate(after);
        if (const qsizetype failed = s.lastIndexOf(QLatin1String("failed: ")); failed >= 0)
            s = s.mid(failed + 8);
        // Log lines start with "[FAC] [thrd:...]: " and errors with "ssl://host:port/id: ".
        static const QRegularExpression prefix(
            QStringLiteral(R"(^(?:\[[^\]]*\]\s*)*:?\s*(?:\w+://\S+:\s+)?)"));
        s.remove(prefix);
        return s.trimmed();
    }
};

} // namespace

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ConnectionTestOutcome>();
}

quint64 ConnectionTester::start(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                                std::chrono::milliseconds timeout)
{
    const quint64 id = m_nextJob++;
    qCInfo(lcKafka).noquote() << "testing connection" << profile.name << "("
                              << profile.bootstrapServers << ")";
    QtConcurrent::run([profile, secrets, timeout] {
        return run(profile, secrets, timeout);
    }).then(this, [this, id](const ConnectionTestOutcome &outcome) {
        Q_EMIT finished(id, outcome);
    });
    return id;
}

ConnectionTestOutcome ConnectionTester::run(const ConnectionProfile &profile,
                                            const ProfileSecrets &secrets,
                                            std::chrono::milliseconds timeout)
{
    using Failure = ConnectionTestOutcome::Failure;
    QElapsedTimer clock;
    clock.start();
    ConnectionTestOutcome out;

    Result<RdKafkaConfig> config = RdKafkaConfigBuilder::make(profile, secrets);
    if (!config) {
        out.failure = Failure::Configuration;
        out.message = config.error().message;
        return out;
    }
    RdKafkaContext *context = config->context.get();
    char err[512] = {0};
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, config->conf.get(), err, sizeof err);
    if (!rk) {
        out.failure = Failure::Configuration;
        out.message =
            Classifier::tr("librdkafka could not start a client: %1").arg(QString::fromUtf8(err));
        return out;
    }
    config->conf.release(); // rd_kafka_new took it

    const auto remaining = [&] { return std::max<qint64>(0, timeout.count() - clock.elapsed()); };
    const rd_kafka_metadata_t *metadata = nullptr;
    rd_kafka_resp_err_t last = RD_KAFKA_RESP_ERR__TIMED_OUT;
    // Short slices so a definitive failure (refused, bad password) ends the test early.
    while (remaining() > 0) {
        const int slice = static_cast<int>(std::min<qint64>(remaining(), 250));
        last = rd_kafka_metadata(rk, 0, nullptr, &metadata, std::max(slice, 1));
        if (last == RD_KAFKA_RESP_ERR_NO_ERROR)
            break;
        metadata = nullptr;
        // Error callbacks are served from the handle's main queue, only when polled.
        rd_kafka_poll(rk, 0);
        const auto [failure, detail] = Classifier::definitive(context->events.events());
        if (failure != Failure::None) {
            out.failure = failure;
            out.message = Classifier::sentence(failure, profile.bootstrapServers, detail, timeout);
            break;
        }
    }
    if (metadata) {
        out.brokerCount = metadata->broker_cnt;
        rd_kafka_metadata_destroy(metadata);
        if (char *cid =
                rd_kafka_clusterid(rk, static_cast<int>(std::max<qint64>(remaining(), 1)))) {
            out.clusterId = QString::fromUtf8(cid);
            rd_kafka_mem_free(rk, cid);
        }
        out.controllerId = rd_kafka_controllerid(rk, 0);
        out.message =
            Classifier::tr("Connected to cluster %1 with %n broker(s).", nullptr, out.brokerCount)
                .arg(out.clusterId.isEmpty() ? Classifier::tr("(no cluster id)") : out.clusterId);
    } else if (out.failure == Failure::None) {
        rd_kafka_poll(rk, 0);
        // Out of time: say why if librdkafka told us anything, else it is a plain timeout.
        const auto [failure, detail] = Classifier::definitive(context->events.events());
        out.failure = failure == Failure::None ? Failure::Timeout : failure;
        out.message = Classifier::sentence(out.failure, profile.bootstrapServers, detail, timeout);
        if (last != RD_KAFKA_RESP_ERR__TIMED_OUT && last != RD_KAFKA_RESP_ERR__TRANSPORT)
            qCInfo(lcKafka) << "metadata request ended with" << rd_kafka_err2name(last);
    }
    rd_kafka_destroy(rk);
    out.elapsedMs = clock.elapsed();
    qCInfo(lcKafka).noquote() << "connection test of" << profile.name << "finished in"
                              << out.elapsedMs << "ms:" << out.message;
    return out;
}

} // namespace kastle::core
